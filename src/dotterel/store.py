"""The DuckDB store: documents, sentences, actors, mentions, events, clusters, errors.

Table columns are derived from the record dataclasses (`records.py`): a
scalar field is a column of its type, a nested record or tuple is a JSON
column, and a few flat columns (`source_country`, `date_start`, …) are
derived for fast filtering. Each batch is written in one transaction, so an
interrupted run leaves whole documents or nothing, and a re-run skips what is
stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from .errors import StoreError
from .records import Document, ErrorRecord, Event, Mention
from .vocab import DocStatus

_SCALAR = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}

#: Flat columns derived from events and mentions for filtering.
DERIVED_EVENT_COLUMNS: dict[str, str] = {
    "source_country": "VARCHAR", "source_code": "VARCHAR", "target_country": "VARCHAR",
    "target_code": "VARCHAR", "date_value": "VARCHAR", "date_start": "DATE", "date_end": "DATE",
    "granularity": "VARCHAR", "cameo_code": "VARCHAR", "quad_class": "INTEGER", "goldstein": "DOUBLE",
    "published": "DATE", "outlet": "VARCHAR",
}
DOCUMENT_EXTRA_COLUMNS: dict[str, str] = {
    "status": "VARCHAR", "reason": "VARCHAR", "duplicate_of": "VARCHAR", "ingested_at": "TIMESTAMP",
    "coder_version": "VARCHAR", "num_events": "INTEGER",
}
_SKIP = {Document: {"events", "mentions"}}


def _sql_type(tp: Any) -> str:
    if tp in _SCALAR:
        return _SCALAR[tp]
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _sql_type(args[0]) if len(args) == 1 else "JSON"
    if isinstance(tp, type) and issubclass(tp, str):  # StrEnum
        return "VARCHAR"
    return "JSON"


def record_columns(cls: type) -> dict[str, str]:
    """Column name → SQL type for a record dataclass."""
    hints = typing.get_type_hints(cls)
    return {f.name: _sql_type(hints[f.name]) for f in dataclasses.fields(cls)
            if f.name not in _SKIP.get(cls, set())}


TABLES: dict[str, dict[str, str]] = {
    "documents": {**record_columns(Document), **DOCUMENT_EXTRA_COLUMNS},
    "events": {**record_columns(Event), **DERIVED_EVENT_COLUMNS},
    "event_mentions": {**record_columns(Mention), **DERIVED_EVENT_COLUMNS},
    "sentences": {"doc_id": "VARCHAR", "idx": "INTEGER", "section": "VARCHAR", "char_start": "INTEGER",
                  "char_end": "INTEGER", "text": "VARCHAR"},
    "actors": {"doc_id": "VARCHAR", "event_id": "VARCHAR", "role": "VARCHAR", "text": "VARCHAR",
               "name": "VARCHAR", "country": "VARCHAR", "sector": "VARCHAR", "code": "VARCHAR",
               "implied": "BOOLEAN"},
    "clusters": {"cluster_id": "VARCHAR", "type": "VARCHAR", "mode": "VARCHAR", "source_code": "VARCHAR",
                 "target_code": "VARCHAR", "source_country": "VARCHAR", "target_country": "VARCHAR",
                 "date_value": "VARCHAR", "date_start": "DATE", "date_end": "DATE", "location": "JSON",
                 "factuality": "VARCHAR", "factualities": "JSON", "num_mentions": "INTEGER",
                 "num_articles": "INTEGER", "num_sources": "INTEGER", "outlets": "VARCHAR[]", "contested": "BOOLEAN",
                 "first_seen": "DATE", "last_seen": "DATE", "event_ids": "JSON",
                 "quad_class": "INTEGER", "goldstein": "DOUBLE", "cameo_code": "VARCHAR"},
    # Near-duplicate detection (clusters.py): each document's MinHash signature and its LSH band keys.
    "doc_minhash": {"doc_id": "VARCHAR", "signature": "BLOB"},
    "doc_lsh": {"doc_id": "VARCHAR", "band": "INTEGER", "key": "BIGINT"},
    # Story similarity (clusters.py): each document's content-word counts, whose document frequencies give IDF.
    "doc_terms": {"doc_id": "VARCHAR", "term": "VARCHAR", "count": "INTEGER"},
    "errors": {"source": "VARCHAR", "line": "INTEGER", "stage": "VARCHAR", "code": "VARCHAR",
               "reason": "VARCHAR", "time": "TIMESTAMP"},
}
KEYS = {"documents": "doc_id", "events": "event_id", "event_mentions": "mention_id", "clusters": "cluster_id",
        "doc_minhash": "doc_id"}


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        to_dict = getattr(value, "to_dict", None)
        return to_dict() if to_dict else dataclasses.asdict(value)
    if isinstance(value, (tuple, list)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _cell(value: Any, sql_type: str) -> Any:
    if sql_type == "JSON":
        return None if value is None else json.dumps(_jsonable(value), ensure_ascii=False)
    if isinstance(value, str) and sql_type == "VARCHAR":
        return str(value)
    return value


def _event_row(e: Event | Mention, published: str | None, outlet: str | None) -> dict[str, Any]:
    row = {f.name: getattr(e, f.name) for f in dataclasses.fields(e)}
    row.update(
        source_country=e.source.country if e.source else None, source_code=e.source.code if e.source else None,
        target_country=e.target.country if e.target else None, target_code=e.target.code if e.target else None,
        date_value=e.date.value, date_start=e.date.start, date_end=e.date.end,
        granularity=e.date.granularity, cameo_code=e.cameo.code, quad_class=e.cameo.quad_class,
        goldstein=e.cameo.goldstein, published=published, outlet=outlet)
    return row


class Store:
    """A DuckDB database holding dotterel's tables."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, create: bool = True) -> None:
        self.con = con
        self.path = path
        if create:
            self._create()

    def _create(self) -> None:
        for table, columns in TABLES.items():
            cols = ", ".join(f"{name} {sql}" + (" PRIMARY KEY" if KEYS.get(table) == name else "")
                             for name, sql in columns.items())
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
        # Stores written before a column existed gain it (empty) on opening.
        self.con.execute("ALTER TABLE clusters ADD COLUMN IF NOT EXISTS outlets VARCHAR[]")
        self.con.execute("ALTER TABLE actors ADD COLUMN IF NOT EXISTS implied BOOLEAN")
        self.con.execute("CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash)")
        self.con.execute("CREATE INDEX IF NOT EXISTS doc_lsh_key ON doc_lsh (band, key)")
        self.con.execute("CREATE INDEX IF NOT EXISTS doc_terms_doc ON doc_terms (doc_id)")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------
    def has_content(self, content_hash: str, doc_id: str | None = None) -> bool:
        """True when a document with this content (or this given id) is stored."""
        row = self.con.execute("SELECT 1 FROM documents WHERE content_hash = ? OR doc_id = ? LIMIT 1",
                               [content_hash, doc_id or ""]).fetchone()
        return row is not None

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """The result of a query as dicts keyed by column name."""
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise StoreError(f"no table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    # -- writing ---------------------------------------------------------------
    def _insert(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = TABLES[table]
        names = list(columns)
        verb = "INSERT OR REPLACE" if table in KEYS else "INSERT"
        sql = (f"{verb} INTO {table} ({', '.join(names)}) "
               f"VALUES ({', '.join('?' for _ in names)})")
        self.con.executemany(sql, [[_cell(r.get(n), columns[n]) for n in names] for r in rows])

    def write_batch(self, documents: Iterable[Document], errors: Iterable[ErrorRecord] = (),
                    status: dict[str, tuple[DocStatus, str | None, str | None]] | None = None,
                    coder_version: str = "") -> None:
        """Store coded documents and errors in one transaction.

        Args:
            documents: coded documents (their events and mentions are stored too).
            errors: rows for the `errors` table.
            status: doc_id → (status, reason, duplicate_of) for documents not simply coded.
        """
        status = status or {}
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        docs, events, mentions, sentences, actors = [], [], [], [], []
        for d in documents:
            st, reason, dup = status.get(d.doc_id, (DocStatus.CODED, None, None))
            row = {f.name: getattr(d, f.name) for f in dataclasses.fields(d) if f.name not in ("events", "mentions")}
            row.update(status=st, reason=reason, duplicate_of=dup, ingested_at=now,
                       coder_version=coder_version, num_events=len(d.events))
            docs.append(row)
            events += [_event_row(e, d.published, d.outlet) for e in d.events]
            mentions += [_event_row(m, d.published, d.outlet) for m in d.mentions]
            seen = set()
            for m in d.mentions:
                ev = m.evidence
                if ev.char_start not in seen:
                    seen.add(ev.char_start)
                    sentences.append({"doc_id": d.doc_id, "idx": len(seen), "section": ev.section,
                                      "char_start": ev.char_start, "char_end": ev.char_end, "text": ev.sentence})
            for e in d.events:
                for role, a in (("source", e.source), ("target", e.target)):
                    if a is not None:
                        actors.append({"doc_id": d.doc_id, "event_id": e.event_id, "role": role, "text": a.text,
                                       "name": a.name, "country": a.country, "sector": a.sector, "code": a.code,
                                       "implied": a.implied})
        err_rows = [{**dataclasses.asdict(e), "time": now} for e in errors]
        try:
            self.con.execute("BEGIN TRANSACTION")
            for d in docs:
                for table in ("events", "event_mentions", "sentences", "actors"):
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [d["doc_id"]])
            self._insert("documents", docs)
            self._insert("events", events)
            self._insert("event_mentions", mentions)
            self._insert("sentences", sentences)
            self._insert("actors", actors)
            for e in err_rows:
                self.con.execute("DELETE FROM errors WHERE source = ? AND line IS NOT DISTINCT FROM ? AND stage = ?",
                                 [e["source"], e["line"], e["stage"]])
            self._insert("errors", err_rows)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc


def open_store(path: str | Path = "dotterel.duckdb", *, read_only: bool = False) -> Store:
    """Open (creating if needed) a dotterel store; ":memory:" for a throw-away one."""
    path = str(path)
    try:
        if read_only and path != ":memory:" and not Path(path).exists():
            raise StoreError(f"no database at {path}: run `dotterel run` first")
        con = duckdb.connect(path, read_only=read_only and path != ":memory:")
    except duckdb.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    return Store(con, path, create=not (read_only and path != ":memory:"))
