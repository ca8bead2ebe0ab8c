"""Score the coder's mechanics against the PETRARCH2 test records (`petrarch_validate_dev.jsonl`).

This file is a software test suite, not news: most actors are invented
(Arnor, Gondor, …) and its codes come from a test dictionary that is "mostly
WEIS, not CAMEO". So country codes cannot match and root codes only sometimes
mean what CAMEO says. What is meaningful, and reported:

- event/no-event agreement: the record expects codings and the coder produced
  an event, or it expects none (`no_event`) and the coder produced nothing;
- root-code agreement ignoring actors: the CAMEO roots (first two digits) of the
  produced events against the expected roots, as "any shared root" and "same
  set", on records whose expected codes have a CAMEO root (01–20);
- PLOVER-type agreement: the expected codes mapped to PLOVER types through the
  2021 CAMEO→PLOVER table (`cameo.csv`) against the produced types ("any shared");
- full-set agreement: the produced (source, target, root) set equals the
  expected one (near zero by construction: the actors are invented);

each overall and per test category (passives, compounds, negation, …).
Source: openeventdata/petrarch2, MIT licence; read from `shared/`, never copied.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..events.cameo import cameo_row
from ..ingest import Source
from ..pipeline import Pipeline
from ..records import Document, Event
from .plover import load_records


def root(code: str | None) -> str | None:
    """The CAMEO root of a code ("0331" → "03"), None when it has no root in 01–20."""
    if not code or len(code) < 2 or not code[:2].isdigit():
        return None
    return code[:2] if 1 <= int(code[:2]) <= 20 else None


def _iso(date: str | None) -> str | None:
    if date and len(date) == 8 and date.isdigit():
        return f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return date or None


def _rate(flags: Iterable[bool]) -> dict[str, float | int]:
    flags = list(flags)
    return {"n": len(flags), "agree": sum(flags), "rate": round(sum(flags) / len(flags), 4) if flags else None}


def plover_type(code: str | None) -> str | None:
    """The PLOVER type of a CAMEO code by the 2021 table, None for a code not in it."""
    row = cameo_row(code) if code and code.isdigit() else None
    return str(row.plover_type) if row is not None else None


def score_record(rec: dict[str, Any], events: Iterable[Event]) -> dict[str, bool | None]:
    """The agreement flags of one record (None: the measure does not apply to it)."""
    events = list(events)
    expected = [] if rec.get("no_event") else list(rec.get("expected") or [])
    wanted_roots = {root(c.get("cameo_code")) for c in expected} - {None}
    got_roots = {e.cameo.root for e in events}
    got_set = {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo.root)
               for e in events}
    want_set = {(c.get("source"), c.get("target"), root(c.get("cameo_code"))) for c in expected}
    wanted_types = {plover_type(c.get("cameo_code")) for c in expected} - {None}
    has_roots = bool(expected) and all(root(c.get("cameo_code")) for c in expected)
    return {
        "event_agrees": bool(expected) == bool(events),
        "no_event_correct": (not events) if not expected else None,
        "event_found": bool(events) if expected else None,
        "root_any": bool(got_roots & wanted_roots) if expected and wanted_roots else None,
        "root_set": (got_roots == wanted_roots) if expected and has_roots else None,
        "plover_any": bool({str(e.type) for e in events} & wanted_types) if expected and wanted_types else None,
        "full_set": got_set == want_set if expected else None,
    }


def _summary(rows: list[dict[str, bool | None]]) -> dict[str, dict[str, float | int]]:
    keys = ("event_agrees", "no_event_correct", "event_found", "root_any", "root_set", "plover_any", "full_set")
    return {k: _rate(bool(r[k]) for r in rows if r[k] is not None) for k in keys}


def evaluate_petrarch(path: str | Path, *, errors: int = 0, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Code every record and report the mechanics agreement, overall and by category."""
    records = load_records(path)
    pipeline = pipeline or Pipeline(batch_size=64)
    sources = [Source(text=r["text"], origin=r["doc_id"], doc_id=r["doc_id"], published=_iso(r.get("date")))
               for r in records]
    coded: dict[str, Document] = {d.doc_id: d for d in pipeline.code(sources) if isinstance(d, Document)}
    rows: list[dict[str, bool | None]] = []
    by_cat: dict[str, list[dict[str, bool | None]]] = defaultdict(list)
    misses: list[dict[str, Any]] = []
    for rec in records:
        doc = coded.get(rec["doc_id"])
        events = doc.events if doc else ()
        row = score_record(rec, events)
        rows.append(row)
        by_cat[str(rec.get("category") or "?").split()[-1]].append(row)
        if (not row["event_agrees"] or row["root_any"] is False) and len(misses) < errors:
            misses.append({"id": rec.get("id"), "category": rec.get("category"), "sentence": rec["text"],
                           "expected": [] if rec.get("no_event") else rec.get("expected"),
                           "produced": [{"type": str(e.type), "cameo": e.cameo.code,
                                         "source": e.source.code if e.source else None,
                                         "target": e.target.code if e.target else None,
                                         "trigger": e.evidence.trigger} for e in events]})
    return {
        "gold": str(path), "records": len(records),
        "note": "mechanics only: invented actors and unsystematic (mostly WEIS) codes; not a type-accuracy target",
        "overall": _summary(rows),
        "by_category": {c: {"n": len(r), **{k: v["rate"] for k, v in _summary(r).items()}}
                        for c, r in sorted(by_cat.items())},
        "errors": misses,
    }
