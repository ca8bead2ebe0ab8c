"""Tests of how dotterel.events.coder finds parties, on sentences we wrote."""

from __future__ import annotations

import pytest

from dotterel import Pipeline
from dotterel.vocab import EventType

pytestmark = pytest.mark.slow


def _events(pipeline: Pipeline, text: str, kind: EventType):  # type: ignore[no-untyped-def]
    doc = pipeline(text, published="2024-03-06")
    return [e for e in doc.events if e.type is kind]


@pytest.mark.parametrize(("text", "kind", "target"), [
    ("Chile granted asylum to three Bolivian army officers on Tuesday.", EventType.AID, "BOL"),
    ("Iran threatened on Monday to cut off gas supplies to Armenia.", EventType.THREATEN, "ARM"),
    ("China demanded on Monday that Japan withdraw its warships.", EventType.REQUEST, "JPN"),
    ("Kenya accepted demands from Somali elders on Sunday.", EventType.CONCEDE, "SOM"),
])
def test_coder_target_named_beyond_the_object(pipeline: Pipeline, text: str, kind: EventType,
                                              target: str) -> None:
    events = _events(pipeline, text, kind)
    assert events and events[0].target is not None and events[0].target.country == target


def test_coder_topic_of_a_meeting_is_no_party(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Pakistani officials met on Monday to discuss trade cooperation with Iran.",
                     EventType.CONSULT)
    assert all(e.target is None or e.target.country != "IRN" for e in events)


def test_coder_unattributed_attack_is_an_unidentified_attacker_where_it_struck(pipeline: Pipeline) -> None:
    events = _events(pipeline, "A car bomb killed four soldiers near the city of Kandahar on Monday.",
                     EventType.ASSAULT)
    assert events and events[0].source is not None
    assert (events[0].source.country, events[0].source.sector) == ("AFG", "UNK")


def test_coder_subject_of_ready_to(pipeline: Pipeline) -> None:
    doc = pipeline("Norway is ready to contribute 200 troops to the UN mission in Mali, its defence minister said.",
                   published="2024-03-06")
    assert any(e.source is not None and e.source.country == "NOR" for e in doc.events)


def test_coder_unknown_name_takes_its_apposition(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Jan Kowalski, the Polish foreign ministry spokesman, condemned the raid on Tuesday.",
                     EventType.ACCUSE)
    assert events and events[0].source is not None and events[0].source.code == "POLGOV"
