"""Score the event coder against the PLOVER gold-standard records (`plover_gsr_dev.jsonl`).

Each record is one sentence with one expected PLOVER event. The sentence is coded
as a document whose id is the record's opaque `doc_id` (never `id`, which names
the answer); a sentence carrying several records is coded once, under the
smallest of their `doc_id`s, and judged on its k most confident events. The
scoring rules are in `scoring.py` and `shared/gold/README.md`.

The gold set is the PLOVER GSR, © 2016 Open Event Data Alliance, CC BY-SA 4.0;
it is read from `shared/`, never copied into the repository.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ingest import Source
from ..pipeline import Pipeline
from ..records import Document, Event
from . import scoring

#: What `dotterel eval plover` says about the coder it scored.
MODEL_NOTE = ("rules only (lexicon and dependency frames, no learned model): the rules were written "
              "from English and the PLOVER manual, but with the dev sample in view, so these are "
              "dev figures, not cross-validated ones")

#: The date fed as `published`: single-sentence records carry a 2000-01-01 placeholder.
_PLACEHOLDER_DATE = "2000-01-01"


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One sentence to code: the document id it is coded under, its text and its records."""

    doc_id: str
    text: str
    records: tuple[dict[str, Any], ...]


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """The records of a gold JSONL file, in file order (blank lines skipped)."""
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def group_sentences(records: Sequence[dict[str, Any]]) -> list[GoldSentence]:
    """One `GoldSentence` per distinct text, under the smallest `doc_id` of its records."""
    by_text: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        by_text.setdefault(rec["text"], []).append(rec)
    return [GoldSentence(min(r["doc_id"] for r in recs), text, tuple(recs)) for text, recs in by_text.items()]


def code_sentences(sentences: Sequence[GoldSentence], pipeline: Pipeline | None = None) -> dict[str, Document]:
    """Code every sentence as its own document; doc_id → coded document."""
    pipeline = pipeline or Pipeline(batch_size=64)
    sources = [Source(text=s.text, origin=s.doc_id, doc_id=s.doc_id,
                      published=s.records[0].get("date") or _PLACEHOLDER_DATE) for s in sentences]
    out: dict[str, Document] = {}
    for result in pipeline.code(sources):
        if isinstance(result, Document):
            out[result.doc_id] = result
    return out


def _codes(actors: Sequence[dict[str, Any]]) -> list[str | None]:
    return [a.get("code") for a in actors]


def _event_summary(e: Event) -> dict[str, Any]:
    return {"type": str(e.type), "source": e.source.code if e.source else None,
            "target": e.target.code if e.target else None, "confidence": round(e.confidence, 3),
            "factuality": str(e.factuality), "trigger": e.evidence.trigger}


def _country_checks(rec: dict[str, Any], e: Event) -> tuple[bool | None, bool | None]:
    """(source ok, target ok) for a hit; None where the gold actor has no code."""
    src = e.source.country if e.source else None
    tgt = e.target.country if e.target else None
    if not rec.get("target"):
        # Compound or reciprocal actors are all listed in `source`: either side may carry them.
        return scoring.country_ok(_codes(rec.get("source") or []), src, tgt), None
    return (scoring.country_ok(_codes(rec.get("source") or []), src),
            scoring.country_ok(_codes(rec["target"]), tgt))


def evaluate_plover(path: str | Path, *, errors: int = 0, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Code every gold sentence and score it.

    Args:
        path: `plover_gsr_dev.jsonl` (or a file of the same shape).
        errors: how many misses to return, the most confident wrong codings first,
            then sentences with no event.
        pipeline: the pipeline to code with (a fresh one by default).

    Returns:
        A JSON-able report: `records`, `sentences`, `top_k_accuracy`, `macro_f1`,
        `per_type`, `no_event_share`, `countries`, `confusion`, `reliability`,
        `model`, `errors`.
    """
    records = load_records(path)
    sentences = group_sentences(records)
    coded = code_sentences(sentences, pipeline)
    pairs: list[tuple[str, str]] = []
    samples: list[tuple[float, bool]] = []
    src_checks: list[bool | None] = []
    tgt_checks: list[bool | None] = []
    misses: list[tuple[float, dict[str, Any]]] = []
    empty = 0
    hits = 0
    for s in sentences:
        doc = coded.get(s.doc_id)
        # Ties are broken by position and type, so the report does not depend on event order.
        events = sorted(doc.events if doc else (),
                        key=lambda e: (-e.confidence, e.evidence.trigger_start, str(e.type)))
        empty += not events
        gold = [str(r["event"]) for r in s.records]
        for rec, a in zip(s.records, scoring.assign(gold, [(str(e.type), e.confidence) for e in events])):
            e = events[a.produced] if a.produced is not None else None
            pairs.append((str(rec["event"]), str(e.type) if e else scoring.NONE))
            if e is not None:
                samples.append((e.confidence, a.hit))
            if a.hit and e is not None:
                hits += 1
                ok_src, ok_tgt = _country_checks(rec, e)
                src_checks.append(ok_src)
                tgt_checks.append(ok_tgt)
            else:
                misses.append((e.confidence if e else -1.0, {
                    "doc_id": s.doc_id, "sentence": s.text, "expected": {
                        "type": rec["event"], "trigger": rec.get("event_text"),
                        "source": _codes(rec.get("source") or []), "target": _codes(rec.get("target") or [])},
                    "produced": [_event_summary(x) for x in events]}))
    table = scoring.per_type(pairs)
    misses.sort(key=lambda m: -m[0])
    return {
        "gold": str(path), "records": len(records), "sentences": len(sentences), "model": MODEL_NOTE,
        "top_k_accuracy": round(hits / len(records), 4) if records else 0.0,
        "macro_f1": scoring.macro_f1(table),
        "no_event_share": round(empty / len(sentences), 4) if sentences else 0.0,
        "countries": {"source": scoring.accuracy(src_checks), "target": scoring.accuracy(tgt_checks)},
        "per_type": table,
        "confusion": scoring.confusion(pairs),
        "reliability": scoring.reliability(samples),
        "errors": [m for _, m in misses[:errors]],
    }
