"""Tests of the pure scoring functions (dotterel.eval.scoring) on hand-made cases."""

from __future__ import annotations

import pytest

from dotterel.eval import scoring
from dotterel.eval.scoring import NONE, Assignment


def test_scoring_top_k_takes_the_most_confident_and_keeps_ties_in_order() -> None:
    assert scoring.top_k([0.5, 0.9, 0.5, 0.7], 2) == [1, 3]
    assert scoring.top_k([0.5, 0.5, 0.5], 2) == [0, 1]
    assert scoring.top_k([], 1) == []


@pytest.mark.parametrize(("gold", "produced", "expected"), [
    # one gold record: judged on the single most confident event only
    (["AGREE"], [("CONSULT", 0.9), ("AGREE", 0.8)], [Assignment(0, False)]),
    (["AGREE"], [("CONSULT", 0.7), ("AGREE", 0.8)], [Assignment(1, True)]),
    (["AGREE"], [], [Assignment(None, False)]),
    # two gold records: the top two, each produced event counting once
    # COERCE is third by confidence, so outside the top two: it takes the unused AID
    (["COERCE", "ASSAULT"], [("ASSAULT", 0.9), ("COERCE", 0.8), ("AID", 0.95)],
     [Assignment(2, False), Assignment(0, True)]),
    (["ASSAULT", "ASSAULT"], [("ASSAULT", 0.9), ("REJECT", 0.8)], [Assignment(0, True), Assignment(1, False)]),
    (["ASSAULT", "COERCE"], [("COERCE", 0.6), ("ASSAULT", 0.9)], [Assignment(1, True), Assignment(0, True)]),
])
def test_scoring_assign_pairs_gold_with_top_k(gold: list[str], produced: list[tuple[str, float]],
                                             expected: list[Assignment]) -> None:
    assert scoring.assign(gold, produced) == expected


def test_scoring_per_type_and_macro_f1_known_answer() -> None:
    pairs = [("AGREE", "AGREE"), ("AGREE", "CONSULT"), ("AGREE", NONE), ("CONSULT", "CONSULT"),
             ("REJECT", "REJECT")]
    table = scoring.per_type(pairs)
    assert table["AGREE"] == {"n": 3, "predicted": 1, "correct": 1, "precision": 1.0, "recall": 0.3333,
                              "f1": 0.5}
    assert table["CONSULT"]["precision"] == 0.5 and table["CONSULT"]["recall"] == 1.0
    assert table["CONSULT"]["f1"] == pytest.approx(0.6667)
    assert table["REJECT"]["f1"] == 1.0
    assert NONE not in table
    assert scoring.macro_f1(table) == pytest.approx((0.5 + 0.6667 + 1.0) / 3, abs=1e-4)


def test_scoring_macro_f1_ignores_types_only_predicted() -> None:
    table = scoring.per_type([("AGREE", "AGREE"), ("REJECT", "SANCTION")])
    assert table["SANCTION"]["n"] == 0 and table["SANCTION"]["f1"] == 0.0
    assert scoring.macro_f1(table) == 0.5
    assert scoring.macro_f1({}) == 0.0


def test_scoring_confusion_counts_gold_by_produced() -> None:
    pairs = [("AGREE", "AGREE"), ("AGREE", NONE), ("AGREE", "AGREE"), ("REJECT", "AGREE")]
    assert scoring.confusion(pairs) == {"AGREE": {NONE: 1, "AGREE": 2}, "REJECT": {"AGREE": 1}}


def test_scoring_reliability_buckets() -> None:
    rows = scoring.reliability([(0.3, False), (0.5, True), (0.55, True), (0.95, True), (0.95, False), (1.0, True)])
    assert [r["bucket"] for r in rows] == ["[0.0, 0.5]", "(0.5, 0.6]", "(0.6, 0.7]", "(0.7, 0.8]",
                                          "(0.8, 0.9]", "(0.9, 1.0]"]
    assert (rows[0]["n"], rows[0]["accuracy"], rows[0]["mean_confidence"]) == (2, 0.5, 0.4)
    assert (rows[1]["n"], rows[1]["accuracy"]) == (1, 1.0)
    assert rows[2]["n"] == 0 and rows[2]["accuracy"] == 0.0
    assert (rows[5]["n"], rows[5]["accuracy"]) == (3, pytest.approx(0.6667))


@pytest.mark.parametrize(("gold", "produced", "expected"), [
    (["PAKGOV"], ("PAK",), True),
    (["PAK"], ("IND",), False),
    (["IGOUNO"], ("IGO",), True),
    (["USA", "JOR"], (None, "JOR"), True),  # compound actors: either side
    ([None], ("PAK",), None),  # no code: not scored
    ([], (None,), None),
    (["RUS"], (None,), False),
])
def test_scoring_country_ok(gold: list[str | None], produced: tuple[str | None, ...], expected: bool | None) -> None:
    assert scoring.country_ok(gold, *produced) is expected


def test_scoring_accuracy_skips_unscored() -> None:
    assert scoring.accuracy([True, None, False, True]) == {"scored": 3, "correct": 2, "accuracy": 0.6667}
    assert scoring.accuracy([None]) == {"scored": 0, "correct": 0, "accuracy": 0.0}
