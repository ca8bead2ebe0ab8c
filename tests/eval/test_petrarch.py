"""Tests of `dotterel eval petrarch` (dotterel.eval.petrarch): root codes, per-record
flags on hand-made records, and a floor on the shared PETRARCH2 sample."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from dotterel.eval.petrarch import evaluate_petrarch, root, score_record

#: Measured agreement minus 0.02 (mechanics only; see the module docstring).
EVENT_AGREEMENT_FLOOR = 0.51  # measured 0.5296 (0.5421 before a warning about a risk or a party was no threat: its invented 'warned X about Y' records; 0.5607 before a meeting needed a second party: the invented actors of 'will meet X and Y leaders' are not coded, so the meeting has none)
NO_EVENT_FLOOR = 0.54  # measured 0.5556 (0.5926 before targets were sought beyond the object: one frame gained a party; was 0.7778 before unresolved proper names were kept as actors, which raised event agreement from 0.33 to 0.55)


@pytest.mark.parametrize(("code", "expected"), [
    ("0331", "03"), ("190", "19"), ("20", "20"), ("903", None), ("2231", None), ("075A", "07"), ("", None),
    (None, None), ("00", None),
])
def test_petrarch_root(code: str | None, expected: str | None) -> None:
    assert root(code) == expected


def _event(src: str | None, tgt: str | None, code: str, type_: str = "ACCUSE") -> SimpleNamespace:
    actor = lambda c: SimpleNamespace(code=c) if c else None  # noqa: E731
    return SimpleNamespace(source=actor(src), target=actor(tgt), type=type_,
                           cameo=SimpleNamespace(code=code, root=code[:2]))


def test_petrarch_score_record_flags() -> None:
    rec = {"expected": [{"source": "ARN", "target": "GON", "cameo_code": "111"}], "no_event": False}
    row = score_record(rec, [_event("ARN", "GON", "112")])
    assert row["event_agrees"] and row["event_found"] and row["root_any"] and row["root_set"]
    assert row["full_set"] is True and row["no_event_correct"] is None
    row = score_record(rec, [_event(None, None, "190", "ASSAULT")])
    assert row["root_any"] is False and row["full_set"] is False
    assert score_record(rec, [])["event_agrees"] is False
    none = {"expected": [], "no_event": True}
    assert score_record(none, [])["no_event_correct"] is True
    assert score_record(none, [_event(None, None, "111")])["event_agrees"] is False
    assert score_record(none, [])["root_any"] is None


@pytest.mark.slow
def test_petrarch_gold_regression_floor(shared: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    report = evaluate_petrarch(shared / "gold" / "petrarch_validate_dev.jsonl", pipeline=pipeline)
    assert report["records"] == 321
    assert report["overall"]["event_agrees"]["rate"] >= EVENT_AGREEMENT_FLOOR
    assert report["overall"]["no_event_correct"]["rate"] >= NO_EVENT_FLOOR
    assert set(report["by_category"]) >= {"PASV", "COMPOUND", "DISCARD"}
