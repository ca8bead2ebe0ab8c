"""Score cross-document clustering against a corpus's `story_cluster` labels.

For every pair of articles, "same story" is predicted when their headline
events fall in one cluster. An article's headline event is its asserted
event with the most mentions (ties broken by confidence, then by position);
an article without an asserted event shares no story. Gold: two articles
are the same story when they carry the same non-null `story_cluster`.
Pairwise precision, recall and F1 follow (the standard pair-counting
measure for clusterings).

`pair_scores` and `headline_events` are pure, for tests on hand-made cases;
`evaluate_clusters` codes a corpus into a store and scores it.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PairScores:
    """Pair counts and the measures derived from them."""

    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        predicted = self.true_pos + self.false_pos
        return self.true_pos / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_pos + self.false_neg
        return self.true_pos / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(labels: Mapping[str, str | None]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for item, label in labels.items():
        if label is not None:
            groups.setdefault(label, []).append(item)
    return {tuple(sorted(p)) for members in groups.values()  # type: ignore[misc]
            for p in itertools.combinations(members, 2)}


def pair_scores(predicted: Mapping[str, str | None], gold: Mapping[str, str | None]) -> PairScores:
    """Pairwise scores of a predicted clustering of items against a gold one.

    Args:
        predicted: item → predicted cluster label (None: in no cluster with anything).
        gold: item → gold label (None: alone). Items missing from `predicted` are alone.
    """
    pred_pairs = _pairs({k: v for k, v in predicted.items() if k in gold})
    gold_pairs = _pairs(gold)
    tp = len(pred_pairs & gold_pairs)
    return PairScores(tp, len(pred_pairs) - tp, len(gold_pairs) - tp)


def headline_events(events: Sequence[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """doc_id → the document's headline event: asserted, most mentions, then most confident, then first.

    Args:
        events: event records (`doc_id`, `factuality`, `mentions`, `confidence`, and
            `evidence.char_start` when known).
    """
    best: dict[str, tuple[tuple[Any, ...], Mapping[str, Any]]] = {}
    for e in events:
        if e.get("factuality") != "asserted":
            continue
        start = (e.get("evidence") or {}).get("char_start") or 0
        key = (e.get("mentions") or 1, e.get("confidence") or 0.0, -start)
        if e["doc_id"] not in best or key > best[e["doc_id"]][0]:
            best[e["doc_id"]] = (key, e)
    return {doc: e for doc, (_, e) in best.items()}


def read_story_labels(path: Path) -> dict[str, str | None]:
    """doc id → `story_cluster` from a corpus JSONL file."""
    labels: dict[str, str | None] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                labels[str(rec["id"])] = rec.get("story_cluster")
    return labels


def evaluate_clusters(corpus: Path, db: str | None = None, errors: int = 0) -> dict[str, Any]:
    """Code a corpus (into `db`, or a temporary store) and score its clusters against `story_cluster`.

    Args:
        corpus: JSONL with `id` and `story_cluster` per article.
        db: a store to use (documents already stored there are not coded again).
        errors: list up to this many false-positive and false-negative pairs.
    """
    from .. import clusters, query
    from ..runner import run
    from ..store import open_store

    gold = read_story_labels(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(db or str(Path(tmp) / "eval.duckdb"))
        try:
            summary = run([corpus], store)
            clusters.update(store)  # a store coded before clustering existed catches up here
            heads = headline_events(query.events(store))
            dups = store.con.execute("SELECT doc_id, duplicate_of, reason FROM documents "
                                     "WHERE duplicate_of IS NOT NULL ORDER BY doc_id").fetchall()
            num_clusters = store.count("clusters")
            multi = store.con.execute("SELECT count(*) FROM clusters WHERE num_articles > 1").fetchone()
        finally:
            store.close()
    predicted = {doc: e.get("cluster_id") for doc, e in heads.items()}
    scores = pair_scores(predicted, gold)
    report: dict[str, Any] = {
        "articles": len(gold), "with_headline_event": sum(d in heads for d in gold),
        "gold_pairs": scores.true_pos + scores.false_neg,
        "predicted_pairs": scores.true_pos + scores.false_pos,
        "true_pos": scores.true_pos, "false_pos": scores.false_pos, "false_neg": scores.false_neg,
        "precision": round(scores.precision, 4), "recall": round(scores.recall, 4), "f1": round(scores.f1, 4),
        "clusters": num_clusters, "clusters_multi_article": int(multi[0]) if multi else 0,
        "near_duplicates": [{"doc_id": d, "duplicate_of": o, "reason": r} for d, o, r in dups],
        "coded": summary.coded, "failed": summary.failed,
    }
    if errors:
        pred_pairs = _pairs({k: v for k, v in predicted.items() if k in gold})
        gold_pairs = _pairs(gold)

        def show(pair: tuple[str, str]) -> dict[str, Any]:
            out: dict[str, Any] = {"docs": list(pair)}
            for d in pair:
                e = heads.get(d)
                out[d] = None if e is None else {
                    "event_id": e["event_id"], "type": e["type"], "cluster_id": e["cluster_id"],
                    "source": (e.get("source") or {}).get("code"), "target": (e.get("target") or {}).get("code"),
                    "date": (e.get("date") or {}).get("value")}
            return out

        report["false_pos_pairs"] = [show(p) for p in sorted(pred_pairs - gold_pairs)[:errors]]
        report["false_neg_pairs"] = [show(p) for p in sorted(gold_pairs - pred_pairs)[:errors]]
    return report
