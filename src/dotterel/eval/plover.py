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

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..events.typemodel import OTHER, Candidate, CandidateRecorder, TypeModel, train
from ..ingest import Source
from ..nlp import load_model
from ..pipeline import Pipeline
from ..records import Document, Event
from . import scoring

#: What `dotterel eval plover` says about the coder it scored.
MODEL_NOTE = ("rules only (lexicon and dependency frames, no learned model): the rules were written "
              "from English and the PLOVER manual, but with the dev sample in view, so these are "
              "dev figures, not cross-validated ones")

#: The same note for a coder that adds the learned model to the rules.
_RULES_PART = MODEL_NOTE.replace("rules only (lexicon and dependency frames, no learned model)",
                                 "the rules (lexicon and dependency frames)")

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
        pipeline: the pipeline to code with (a fresh one, with the shipped type model, by default).

    Returns:
        A JSON-able report: `records`, `sentences`, `top_k_accuracy`, `macro_f1`,
        `per_type`, `no_event_share`, `countries`, `confusion`, `reliability`,
        `model`, `errors`.
    """
    records = load_records(path)
    sentences = group_sentences(records)
    pipeline = pipeline or Pipeline(batch_size=64)
    coded = code_sentences(sentences, pipeline)
    report = score(sentences, coded, errors=errors)
    return {"gold": str(path), "model": model_note(pipeline.type_model, Path(path).name), **report}


def model_note(model: object, gold_name: str = "") -> str:
    """What the report says about the coder it scored, and whether its model saw the records."""
    if isinstance(model, TypeModel):
        seen = str(model.meta.get("trained_on", "unknown records"))
        saw = ("trained on these records: figures are optimistic; see the cross-validated figures (--cv K)"
               if gold_name and gold_name == model.meta.get("trained_file") else
               f"trained on {seen}; if that includes these records the figures are optimistic (--cv K)")
        return f"rules + learned type model ({seen}), {saw}. " + _RULES_PART
    return MODEL_NOTE


def score(sentences: Sequence[GoldSentence], coded: dict[str, Document], *, errors: int = 0) -> dict[str, Any]:
    """Score coded documents against their gold sentences (see the module docstring)."""
    n_records = sum(len(s.records) for s in sentences)
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
        "records": n_records, "sentences": len(sentences),
        "top_k_accuracy": round(hits / n_records, 4) if n_records else 0.0,
        "macro_f1": scoring.macro_f1(table),
        "no_event_share": round(empty / len(sentences), 4) if sentences else 0.0,
        "countries": {"source": scoring.accuracy(src_checks), "target": scoring.accuracy(tgt_checks)},
        "per_type": table,
        "confusion": scoring.confusion(pairs),
        "reliability": scoring.reliability(samples),
        "errors": [m for _, m in misses[:errors]],
    }


# --- training data and cross-validation for the learned type model (events/typemodel.py) ---

#: Words of a gold trigger (`event_text`) that do not identify a candidate.
_TRIGGER_STOP = frozenset({"to", "will", "would", "must", "not", "the", "a", "an", "of", "for", "on", "in",
                           "against", "with", "from", "has", "have", "been", "is", "was", "were", "be",
                           "...", "said", "says", "announced"})


def _trigger_words(text: str | None) -> set[str]:
    return {w.strip(".,;:'\"").lower() for w in (text or "").split()} - _TRIGGER_STOP - {""}


def label_candidates(sentence: GoldSentence, cands: Sequence[Candidate]) -> list[str]:
    """Each candidate's training class: a record's gold type for the candidate that best
    matches its trigger words (rule frames first on ties), `OTHER` for the rest."""
    labels = [OTHER] * len(cands)
    for rec in sentence.records:
        wanted = _trigger_words(rec.get("event_text"))
        best: tuple[int, int, int] | None = None
        for i, c in enumerate(cands):
            if labels[i] != OTHER:
                continue
            words = set(c.words) | {c.token.lemma_.lower(), c.token.lower_}
            overlap = len(words & wanted)
            key = (overlap, c.frame is not None, -i)
            if overlap and (best is None or key > best):
                best = key
        if best is not None:
            labels[-best[2]] = str(rec["event"])
    return labels


def training_data(sentences: Sequence[GoldSentence], nlp: Any = None) -> list[tuple[list[Candidate], list[str]]]:
    """Per sentence, the candidates the coder sees (rules only) and their training classes."""
    recorder = CandidateRecorder()
    code_sentences(sentences, Pipeline(nlp, batch_size=64, type_model=recorder))
    out = []
    for s in sentences:
        cands = recorder.seen.get(s.text.strip(), [])
        out.append((cands, label_candidates(s, cands)))
    return out


def fit(data: Sequence[tuple[Sequence[Candidate], Sequence[str]]], **kwargs: Any) -> TypeModel:
    """Train a type model on labelled candidates."""
    examples = [c.features for cands, _ in data for c in cands]
    labels = [lab for _, labs in data for lab in labs]
    return train(examples, labels, **kwargs)


def folds(sentences: Sequence[GoldSentence], k: int) -> list[int]:
    """A fold number per sentence (records of one sentence never straddle folds), stratified
    by gold type: sentences sorted by their first record's type, then a hash of the
    `doc_id`, and dealt round robin."""
    order = sorted(range(len(sentences)), key=lambda i: (
        str(sentences[i].records[0]["event"]), hashlib.sha1(sentences[i].doc_id.encode()).hexdigest()))
    out = [0] * len(sentences)
    for rank, i in enumerate(order):
        out[i] = rank % k
    return out


def cross_validate(path: str | Path, k: int = 5, *, errors: int = 0, nlp: Any = None,
                   **train_kwargs: Any) -> dict[str, Any]:
    """K-fold cross-validated figures of the rules + learned type model: per fold, a model is
    trained on the other folds' sentences and codes the fold's. Returns the pooled report
    (every record scored once, by a model that never saw it) with `folds` (per-fold figures)
    and `spread` (mean, standard deviation, min and max over folds)."""
    if k < 2:
        raise ValueError("cross-validation needs k >= 2")
    records = load_records(path)
    sentences = group_sentences(records)
    nlp = nlp or load_model()
    data = training_data(sentences, nlp)
    fold_of = folds(sentences, k)
    coded: dict[str, Document] = {}
    per_fold = []
    for f in range(k):
        train_part = [d for d, g in zip(data, fold_of) if g != f]
        test = [s for s, g in zip(sentences, fold_of) if g == f]
        model = fit(train_part, meta={"trained_on": f"folds other than {f}"}, **train_kwargs)
        fold_coded = code_sentences(test, Pipeline(nlp, batch_size=64, type_model=model))
        coded.update(fold_coded)
        r = score(test, fold_coded)
        per_fold.append({"fold": f, "records": r["records"], "top_k_accuracy": r["top_k_accuracy"],
                         "macro_f1": r["macro_f1"], "source_country": r["countries"]["source"]["accuracy"],
                         "target_country": r["countries"]["target"]["accuracy"]})
    report = score(sentences, coded, errors=errors)
    spread = {}
    for key in ("top_k_accuracy", "macro_f1", "source_country", "target_country"):
        vals = np.array([f[key] for f in per_fold])
        spread[key] = {"mean": round(float(vals.mean()), 4), "std": round(float(vals.std()), 4),
                       "min": round(float(vals.min()), 4), "max": round(float(vals.max()), 4)}
    model = (f"rules + learned type model, {k}-fold cross-validated (folds grouped by sentence, "
             f"stratified by type): every record is coded by a model that did not see it. "
             + _RULES_PART)
    return {"gold": str(path), "model": model, "cv": k, **report, "folds": per_fold, "spread": spread}
