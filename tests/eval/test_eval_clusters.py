"""Pairwise scoring of clusterings and headline-event choice, on hand-made cases."""

from __future__ import annotations

import pytest

from dotterel.eval.clusters import headline_events, pair_scores


@pytest.mark.parametrize(("predicted", "gold", "expected"), [
    # perfect: one gold pair found
    ({"a": "x", "b": "x", "c": None}, {"a": "s", "b": "s", "c": None}, (1, 0, 0)),
    # everything in one cluster: 3 predicted pairs, 1 true
    ({"a": "x", "b": "x", "c": "x"}, {"a": "s", "b": "s", "c": None}, (1, 2, 0)),
    # nothing predicted: the gold pairs are missed
    ({"a": "x", "b": "y", "c": "z"}, {"a": "s", "b": "s", "c": "s"}, (0, 0, 3)),
    # items absent from the prediction share no story
    ({"a": "x"}, {"a": "s", "b": "s"}, (0, 0, 1)),
    # predicted items missing from gold are ignored
    ({"a": "x", "b": "x", "q": "x"}, {"a": "s", "b": "s"}, (1, 0, 0)),
])
def test_eval_clusters_pair_scores_counts(predicted, gold, expected) -> None:
    s = pair_scores(predicted, gold)
    assert (s.true_pos, s.false_pos, s.false_neg) == expected


def test_eval_clusters_pair_scores_measures() -> None:
    s = pair_scores({"a": "x", "b": "x", "c": "x", "d": "y"}, {"a": "s", "b": "s", "c": "t", "d": "t"})
    # predicted pairs ab ac bc; gold pairs ab cd → tp 1, fp 2, fn 1
    assert (s.precision, s.recall) == pytest.approx((1 / 3, 1 / 2))
    assert s.f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_eval_clusters_pair_scores_empty_is_zero() -> None:
    s = pair_scores({}, {"a": None})
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def _ev(doc: str, eid: str, fact: str = "asserted", mentions: int = 1, conf: float = 0.5, start: int = 0) -> dict:
    return {"doc_id": doc, "event_id": eid, "factuality": fact, "mentions": mentions, "confidence": conf,
            "evidence": {"char_start": start}}


def test_eval_clusters_headline_most_mentions_then_confidence_then_first() -> None:
    events = [_ev("d1", "a", mentions=1, conf=0.9), _ev("d1", "b", mentions=3, conf=0.5),
              _ev("d1", "c", fact="denied", mentions=9),
              _ev("d2", "d", conf=0.6, start=50), _ev("d2", "e", conf=0.8, start=90),
              _ev("d3", "f", start=90), _ev("d3", "g", start=10),
              _ev("d4", "h", fact="claimed")]
    heads = headline_events(events)
    assert {d: e["event_id"] for d, e in heads.items()} == {"d1": "b", "d2": "e", "d3": "g"}
