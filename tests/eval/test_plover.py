"""Tests of `dotterel eval plover` (dotterel.eval.plover): grouping, scoring a hand-made
file, and the regression floor on the shared PLOVER gold sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.eval.plover import evaluate_plover, group_sentences

#: Dev figures measured with the rules-only coder, minus 0.02; lower them only on purpose.
#: The rules were written with the dev sample in view: these are not held-out figures.
TOP_K_FLOOR = 0.86  # measured 0.8833 (0.8222 before the party and ranking rules of commit 27dfbe3 onwards)
MACRO_F1_FLOOR = 0.84  # measured 0.8640
SOURCE_COUNTRY_FLOOR = 0.91  # measured 0.9371 (149/159)
TARGET_COUNTRY_FLOOR = 0.91  # measured 0.9310 (135/145; 0.8112 before implied states and successor names, 0.43 before
#                               targets were sought beyond the object)
#: 5-fold cross-validated figures of rules + learned type model (folds grouped by sentence), minus
#: 0.02: the honest figures of the learned model (first measured at top-k 0.6111, macro-F1 0.5900).
CV_TOP_K_FLOOR = 0.86  # measured 0.8833
CV_MACRO_F1_FLOOR = 0.85  # measured 0.8720
CV_SOURCE_COUNTRY_FLOOR = 0.91  # measured 0.9371
CV_TARGET_COUNTRY_FLOOR = 0.91  # measured 0.9310


def _rec(doc_id: str, text: str, event: str, source: list[str], target: list[str]) -> dict[str, object]:
    return {"id": f"HAND-{event}-{doc_id}", "doc_id": doc_id, "date": "2000-01-01", "text": text,
            "event": event, "event_text": "", "source": [{"text": c, "code": c, "sector": None} for c in source],
            "target": [{"text": c, "code": c, "sector": None} for c in target]}


def test_plover_group_sentences_uses_the_smallest_doc_id() -> None:
    recs = [_rec("gsr-b", "Same words.", "AGREE", [], []), _rec("gsr-a", "Same words.", "CONSULT", [], []),
            _rec("gsr-c", "Other words.", "REJECT", [], [])]
    groups = group_sentences(recs)
    assert [(g.doc_id, len(g.records)) for g in groups] == [("gsr-a", 2), ("gsr-c", 1)]


@pytest.mark.slow
def test_plover_evaluates_a_hand_made_file(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    recs = [
        _rec("h1", "Pakistani Foreign Minister Ishaq Dar met Russian Foreign Minister Sergey Lavrov in Moscow.",
             "CONSULT", ["PAK"], ["RUS"]),
        _rec("h2", "India condemned Pakistan for the border shelling.", "ACCUSE", ["IND"], ["PAK"]),
        _rec("h3", "The weather was mild on Tuesday.", "AGREE", ["FRA"], []),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    report = evaluate_plover(path, errors=5, pipeline=pipeline)
    assert (report["records"], report["sentences"]) == (3, 3)
    assert report["per_type"]["CONSULT"]["recall"] == 1.0
    assert report["per_type"]["AGREE"]["n"] == 1 and report["per_type"]["AGREE"]["recall"] == 0.0
    assert report["confusion"]["AGREE"] == {"(none)": 1}
    assert report["no_event_share"] == pytest.approx(1 / 3, abs=1e-3)
    assert report["countries"]["source"]["scored"] >= 1
    assert any(e["doc_id"] == "h3" and e["produced"] == [] for e in report["errors"])
    assert "dev sample in view" in report["model"]
    json.dumps(report)


@pytest.mark.slow
def test_plover_gold_regression_floor(shared: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from dotterel import Pipeline

    rules_only = Pipeline(pipeline.nlp, batch_size=64, type_model=False)
    report = evaluate_plover(shared / "gold" / "plover_gsr_dev.jsonl", pipeline=rules_only)
    assert report["records"] == 180 and report["sentences"] == 176
    assert "no learned model" in report["model"]
    assert report["top_k_accuracy"] >= TOP_K_FLOOR, report["top_k_accuracy"]
    assert report["macro_f1"] >= MACRO_F1_FLOOR, report["macro_f1"]
    assert report["countries"]["source"]["accuracy"] >= SOURCE_COUNTRY_FLOOR, report["countries"]
    assert report["countries"]["target"]["accuracy"] >= TARGET_COUNTRY_FLOOR, report["countries"]
    assert sum(b["n"] for b in report["reliability"]) <= report["records"]


@pytest.mark.slow
def test_plover_shipped_model_says_it_saw_the_dev_records(shared: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    if pipeline.type_model is None:
        pytest.skip("this build ships no type model")
    report = evaluate_plover(shared / "gold" / "plover_gsr_dev.jsonl", pipeline=pipeline)
    assert "trained on these records" in report["model"] and "optimistic" in report["model"]
    # Seen records: better than the rules, but these are not figures to report.
    assert report["top_k_accuracy"] >= TOP_K_FLOOR


@pytest.mark.slow
def test_plover_cross_validated_floor(shared: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from dotterel.eval.plover import cross_validate

    report = cross_validate(shared / "gold" / "plover_gsr_dev.jsonl", 5, nlp=pipeline.nlp)
    assert report["cv"] == 5 and len(report["folds"]) == 5
    assert sum(f["records"] for f in report["folds"]) == report["records"] == 180
    assert report["top_k_accuracy"] >= CV_TOP_K_FLOOR, report["top_k_accuracy"]
    assert report["macro_f1"] >= CV_MACRO_F1_FLOOR, report["macro_f1"]
    assert report["countries"]["source"]["accuracy"] >= CV_SOURCE_COUNTRY_FLOOR, report["countries"]
    assert report["countries"]["target"]["accuracy"] >= CV_TARGET_COUNTRY_FLOOR, report["countries"]
    assert "cross-validated" in report["model"]


def test_plover_folds_keep_a_sentence_together_and_balance_types() -> None:
    from dotterel.eval.plover import folds

    recs = [_rec(f"d{i}", f"Sentence {i // 2}.", "AGREE" if i % 4 < 2 else "REJECT", [], []) for i in range(12)]
    groups = group_sentences(recs)
    fold_of = folds(groups, 3)
    assert len(fold_of) == len(groups) == 6 and sorted(set(fold_of)) == [0, 1, 2]
    assert fold_of == folds(groups, 3)  # deterministic
