from __future__ import annotations

import dataclasses

from dotterel import open_store, query
from dotterel.records import Document, ErrorRecord, Event, Mention
from dotterel.store import DERIVED_EVENT_COLUMNS, DOCUMENT_EXTRA_COLUMNS, TABLES

from .helpers import make_document, make_event


def test_store_columns_derive_from_records() -> None:
    assert list(TABLES["events"]) == [f.name for f in dataclasses.fields(Event)] + list(DERIVED_EVENT_COLUMNS)
    assert list(TABLES["event_mentions"]) == [f.name for f in dataclasses.fields(Mention)] + list(DERIVED_EVENT_COLUMNS)
    doc_fields = [f.name for f in dataclasses.fields(Document) if f.name not in ("events", "mentions")]
    assert list(TABLES["documents"]) == doc_fields + list(DOCUMENT_EXTRA_COLUMNS)
    assert list(TABLES["errors"])[:5] == [f.name for f in dataclasses.fields(ErrorRecord)]


def test_store_event_round_trip_matches_record() -> None:
    event = make_event()
    store = open_store(":memory:")
    store.write_batch([make_document(events=(event,))])
    [row] = query.events(store)
    assert row == event.to_dict()
    assert store.has_content("h-d1")
    assert query.documents(store)[0]["num_events"] == 1


def test_store_rewrite_replaces_events_and_keeps_others() -> None:
    store = open_store(":memory:")
    store.write_batch([make_document("d1", (make_event("d1", "e1"),)), make_document("d2", (make_event("d2", "e2"),))])
    store.write_batch([make_document("d1", (make_event("d1", "e3"),))])
    assert sorted(r["event_id"] for r in query.events(store)) == ["e2", "e3"]


def test_store_errors_are_idempotent() -> None:
    store = open_store(":memory:")
    err = ErrorRecord("bad.bin", None, "ingest", "E101", "binary data, not text")
    store.write_batch([], [err])
    store.write_batch([], [err])
    assert store.count("errors") == 1


def test_query_filters() -> None:
    store = open_store(":memory:")
    e1 = make_event("d1", "e1", date="2021-04")
    e2 = dataclasses.replace(make_event("d1", "e2", source="IRN", date="2021-06"), type=make_event().type)
    store.write_batch([make_document("d1", (e1, e2))])
    assert [r["event_id"] for r in query.events(store, dyad=("PAK", "RUS"))] == ["e1"]
    assert [r["event_id"] for r in query.events(store, since="2021-05-01")] == ["e2"]
    assert query.events(store, factuality=["denied"]) == []
    info = query.explain(store, "e1")
    assert info is not None and info["event"]["event_id"] == "e1"


def test_store_an_older_store_gains_the_implied_actor_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import duckdb

    path = str(tmp_path / "old.duckdb")
    with duckdb.connect(path) as con:
        con.execute("CREATE TABLE actors (doc_id VARCHAR, event_id VARCHAR, role VARCHAR, text VARCHAR, "
                    "name VARCHAR, country VARCHAR, sector VARCHAR, code VARCHAR)")
    store = open_store(path)
    store.write_batch([make_document(events=(make_event(),))])
    assert store.con.execute("SELECT count(*) FROM actors WHERE NOT implied").fetchone()[0] >= 1
