from __future__ import annotations

import pytest

from dotterel import Document, Pipeline
from dotterel.vocab import EventType, Factuality

pytestmark = pytest.mark.slow

TEXT = ("Envoys meet in Oslo\n\n"
        "OSLO: Norwegian Foreign Minister Espen Barth Eide met Iranian officials in Oslo on Monday.\n\n"
        "Iran will not send troops to Syria, the Iranian foreign ministry said.")


def test_pipeline_api_codes_one_article(pipeline: Pipeline) -> None:
    doc = pipeline(TEXT, published="2024-05-08")
    assert isinstance(doc, Document) and doc.published == "2024-05-08" and doc.dateline == "OSLO"
    consult = next(e for e in doc.events if e.type is EventType.CONSULT)
    assert consult.source is not None and consult.source.code == "NORGOV"
    assert consult.date.value == "2024-05-06" and consult.location is not None
    assert consult.evidence.sentence in TEXT
    assert TEXT[consult.evidence.trigger_start:consult.evidence.trigger_end] == consult.evidence.trigger


def test_pipeline_negated_plan_is_denied_by_the_speaker(pipeline: Pipeline) -> None:
    doc = pipeline(TEXT, published="2024-05-08")
    mobilize = [e for e in doc.events if e.type is EventType.MOBILIZE]
    assert mobilize and mobilize[0].factuality is Factuality.DENIED
    assert mobilize[0].attributed_to is not None and mobilize[0].attributed_to.code == "IRNGOV"


def test_pipeline_rejects_wrong_types(pipeline: Pipeline) -> None:
    with pytest.raises(TypeError):
        pipeline(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Pipeline(on_error="ignore")  # type: ignore[arg-type]
