"""Read what a run stored: events, documents, provenance. The CLI and web use these."""

from __future__ import annotations

import json
from typing import Any

from .dyad import cluster_filters
from .errors import ConfigError
from .records import Event
from .store import TABLES, Store

#: The keys of an event record, in DESIGN.md's order.
EVENT_KEYS = tuple(Event.__dataclass_fields__)
_RECORD_KEYS = ("event_id", "doc_id", "cluster_id", "type", "mode", "context", "source", "target",
                "factuality", "attributed_to", "date", "location", "evidence", "cameo", "confidence",
                "mentions", "coder_version")


def _decode(row: dict[str, Any], table: str) -> dict[str, Any]:
    types = TABLES[table]
    out = {}
    for k, v in row.items():
        if types.get(k) == "JSON" and isinstance(v, str):
            v = json.loads(v)
        out[k] = v
    return out


def _rows(store: Store, sql: str, params: list[Any], table: str) -> list[dict[str, Any]]:
    return [_decode(r, table) for r in store.rows(sql, params)]


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """The DESIGN.md event record from a stored row."""
    rec = {k: row.get(k) for k in _RECORD_KEYS}
    if rec.get("confidence") is not None:
        rec["confidence"] = round(float(rec["confidence"]), 3)
    return rec


def events(store: Store, *, type: str | None = None, dyad: tuple[str, str] | None = None,
           since: str | None = None, until: str | None = None, factuality: list[str] | None = None,
           doc_id: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Event records, filtered.

    Args:
        type: PLOVER type (e.g. CONSULT).
        dyad: two country codes (or actor codes); matches either direction.
        since, until: ISO dates bounding the event date range.
        factuality: keep only these values (default: all).
    """
    # Events and clusters share their filter columns: one builder serves both.
    where, params = cluster_filters(type=type, dyad=dyad, since=since, until=until,
                                    factuality=factuality or None)
    if doc_id:
        where.append("doc_id = ?")
        params.append(doc_id)
    sql = "SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY published NULLS LAST, doc_id, (evidence->>'char_start')::INT"
    if limit is not None:
        if limit < 0:
            raise ConfigError("limit must be positive")
        sql += f" LIMIT {int(limit)}"
    return [event_record(r) for r in _rows(store, sql, params, "events")]


def documents(store: Store, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Document records (DESIGN.md), with status and event counts."""
    sql = "SELECT * FROM documents ORDER BY published NULLS LAST, path, doc_id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    out = []
    for r in _rows(store, sql, [], "documents"):
        out.append({"doc_id": r["doc_id"], "path": r["path"], "url": r["url"], "outlet": r["outlet"],
                    "title": r["title"], "published": r["published"], "updated": r["updated"],
                    "dateline": r["dateline"], "status": r["status"], "num_events": r["num_events"],
                    "sections": [{"role": s["role"], "text": s["text"]} for s in r["sections"] or []]})
    return out


def explain(store: Store, event_id: str) -> dict[str, Any] | None:
    """An event with its mentions and document: why the row exists."""
    rows = _rows(store, "SELECT * FROM events WHERE event_id = ? OR starts_with(event_id, ?)",
                 [event_id, event_id], "events")
    if not rows:
        return None
    row = rows[0]
    mentions = _rows(store, "SELECT * FROM event_mentions WHERE doc_id = ? AND list_contains(?, mention_id) "
                     "ORDER BY (evidence->>'char_start')::INT",
                     [row["doc_id"], row["mention_ids"] or []], "event_mentions")
    doc = store.con.execute("SELECT title, published, path, dateline FROM documents WHERE doc_id = ?",
                            [row["doc_id"]]).fetchone()
    return {
        "event": event_record(row),
        "date_reason": row["date_reason"],
        "document": dict(zip(("title", "published", "path", "dateline"), doc or (None,) * 4)),
        "mentions": [{"mention_id": m["mention_id"], "factuality": m["factuality"],
                      "evidence": m["evidence"], "source": m["source"], "target": m["target"],
                      "date": m["date"], "date_reason": m["date_reason"],
                      "attributed_to": m["attributed_to"]} for m in mentions],
    }


def errors(store: Store) -> list[dict[str, Any]]:
    """The rows of the errors table."""
    return _rows(store, "SELECT * FROM errors ORDER BY time, source, line", [], "errors")


def clusters(store: Store, *, type: str | None = None, contested: bool | None = None,
             min_articles: int = 1, limit: int | None = None) -> list[dict[str, Any]]:
    """Rows of the `clusters` table (one per real-world event across documents), newest report last.

    Args:
        type: PLOVER type.
        contested: keep only contested (True) or uncontested (False) clusters.
        min_articles: keep clusters reported by at least this many articles.
    """
    where, params = ["num_articles >= ?"], [min_articles]
    if type:
        where.append("type = ?")
        params.append(type.upper())
    if contested is not None:
        where.append("contested = ?")
        params.append(contested)
    sql = ("SELECT * FROM clusters WHERE " + " AND ".join(where) +
           " ORDER BY first_seen NULLS LAST, date_start NULLS LAST, cluster_id")
    if limit is not None:
        if limit < 0:
            raise ConfigError("limit must be positive")
        sql += f" LIMIT {int(limit)}"
    return _rows(store, sql, params, "clusters")


def contested(store: Store, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Contested clusters with who says what: each event's document, outlet, factuality and attribution."""
    out = []
    for c in clusters(store, contested=True, limit=limit):
        said = _rows(store, "SELECT e.event_id, e.doc_id, e.outlet, e.published, e.factuality, e.attributed_to, "
                     "e.source, e.target, e.evidence FROM events e WHERE e.cluster_id = ? "
                     "ORDER BY e.published NULLS LAST, e.doc_id", [c["cluster_id"]], "events")
        c["claims"] = [{"event_id": r["event_id"], "doc_id": r["doc_id"], "outlet": r["outlet"],
                        "published": r["published"], "factuality": r["factuality"],
                        "attributed_to": r["attributed_to"], "source": (r["source"] or {}).get("code"),
                        "target": (r["target"] or {}).get("code"), "trigger": r["evidence"]["trigger"]}
                       for r in said]
        out.append(c)
    return out
