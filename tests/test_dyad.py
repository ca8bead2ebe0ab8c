"""Dyad time series, baseline flags and top dyads on a store built by hand (no model)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from dotterel import dyad
from dotterel.errors import ConfigError
from dotterel.records import Cameo, DateValue, Event
from dotterel.store import Store, open_store
from dotterel.vocab import DateMethod, EventType, Factuality, Granularity
from tests.helpers import make_document, make_event

# cluster_id: type, source, target, factuality, (value, granularity, start, end), (cameo, quad, goldstein),
#             [(doc_id, event_id), …]
CLUSTERS: dict[str, tuple[Any, ...]] = {
    "c1": (EventType.CONSULT, "RUS", "PAK", Factuality.ASSERTED, ("2021-04", "month", "2021-04-01", "2021-04-30"),
           ("040", 1, 1.0), [("d1", "e1"), ("d2", "e2")]),
    "c2": (EventType.COOPERATE, "PAK", "RUS", Factuality.ASSERTED, ("2021-04-15", "day", "2021-04-15", "2021-04-15"),
           ("061", 2, 6.4), [("d1", "e3")]),
    "c3": (EventType.ASSAULT, "RUS", "PAK", Factuality.ASSERTED, ("2021-06-10", "day", "2021-06-10", "2021-06-10"),
           ("190", 4, -10.0), [("d3", "e4")]),
    "c4": (EventType.CONSULT, "RUS", "PAK", Factuality.DENIED, ("2021-06", "month", "2021-06-01", "2021-06-30"),
           ("042", 1, 1.9), [("d3", "e5")]),
    "c5": (EventType.AGREE, "IRN", "PAK", Factuality.ASSERTED, ("2021-04", "month", "2021-04-01", "2021-04-30"),
           ("030", 1, 4.0), [("d2", "e6")]),
}
OUTLETS = {"d1": "Outlet A", "d2": "Outlet B", "d3": "Outlet A"}


def _event(cid: str, doc_id: str, event_id: str) -> Event:
    type_, src, tgt, fact, (value, gran, start, end), (code, quad, gs), _ = CLUSTERS[cid]
    e = make_event(doc_id, event_id, type=type_, source=src, target=tgt, factuality=fact)
    return dataclasses.replace(e, cameo=Cameo(code, code[:2], quad, gs), mention_ids=(),
                               date=DateValue(value, Granularity(gran), start, end, value, DateMethod.EXPLICIT))


def build_store(path: str | Path = ":memory:", *, with_clusters: bool = True) -> Store:
    """Documents d1–d3 with the events of CLUSTERS, and (unless told not to) their `clusters` rows."""
    store = open_store(path)
    by_doc: dict[str, list[Event]] = {}
    for cid, spec in CLUSTERS.items():
        for doc_id, event_id in spec[-1]:
            by_doc.setdefault(doc_id, []).append(_event(cid, doc_id, event_id))
    docs = [dataclasses.replace(make_document(d, tuple(evs)), outlet=OUTLETS[d], url=f"https://example.org/{d}",
                                content_hash=f"h-{d}") for d, evs in sorted(by_doc.items())]
    store.write_batch(docs, coder_version="test")
    if not with_clusters:
        return store
    for cid, (type_, src, tgt, fact, (value, _, start, end), (code, quad, gs), members) in CLUSTERS.items():
        loc = {"text": "Islamabad", "name": "Islamabad", "country": "PAK", "lat": 33.72, "lon": 73.04}
        store.con.execute(
            "INSERT INTO clusters (cluster_id, type, mode, source_code, target_code, source_country, target_country, "
            "date_value, date_start, date_end, location, factuality, factualities, num_mentions, num_articles, "
            "num_sources, outlets, contested, first_seen, last_seen, event_ids, quad_class, goldstein, cameo_code) "
            "VALUES (?, ?, 'visit', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, DATE '2021-07-05', "
            "DATE '2021-07-05', ?, ?, ?, ?)",
            [cid, str(type_), src + "GOV", tgt + "GOV", src, tgt, value, start, end, json.dumps(loc), str(fact),
             json.dumps({str(fact): len(members)}), 2 * len(members), len(members),
             len({OUTLETS[d] for d, _ in members}), sorted({OUTLETS[d] for d, _ in members}),
             json.dumps([e for _, e in members]), quad, gs, code])
        for _, event_id in members:
            store.con.execute("UPDATE events SET cluster_id = ? WHERE event_id = ?", [cid, event_id])
    return store


@pytest.fixture()
def store() -> Store:
    return build_store()


def _row(rows: list[dict[str, Any]], period: str, direction: str) -> dict[str, Any]:
    return next(r for r in rows if r["period"] == period and r["direction"] == direction)


def test_dyad_series_matches_hand_counts(store: Store) -> None:
    rows = dyad.dyad_series(store, "PAK", "RUS", by="month")
    assert [r["period"] for r in rows if r["direction"] == "both"] == ["2021-04-01", "2021-05-01", "2021-06-01"]
    april = _row(rows, "2021-04-01", "both")
    assert (april["events"], april["verbal_coop"], april["material_coop"]) == (2, 1, 1)
    assert april["goldstein_mean"] == pytest.approx((1.0 + 6.4) / 2)
    assert april["goldstein_sum"] == pytest.approx(7.4)
    assert april["sources"] == 2  # c1 in Outlet A and B, c2 in Outlet A
    assert _row(rows, "2021-04-01", "A→B")["events"] == 1 and _row(rows, "2021-04-01", "B→A")["events"] == 1
    assert _row(rows, "2021-04-01", "B→A")["sources"] == 2 and _row(rows, "2021-04-01", "A→B")["sources"] == 1
    may = _row(rows, "2021-05-01", "both")
    assert may["events"] == 0 and may["goldstein_mean"] is None
    june = _row(rows, "2021-06-01", "both")
    # The denied visit is not counted as an event but shows in the factuality columns.
    assert (june["events"], june["material_conflict"], june["asserted"], june["denied"]) == (1, 1, 1, 1)
    assert june["goldstein_mean"] == pytest.approx(-10.0)


def test_dyad_series_all_factualities_counts_denials(store: Store) -> None:
    june = _row(dyad.dyad_series(store, "RUS", "PAK", factuality=None), "2021-06-01", "both")
    assert june["events"] == 2 and june["goldstein_mean"] == pytest.approx((-10.0 + 1.9) / 2)
    assert _row(dyad.dyad_series(store, "RUS", "PAK", factuality=None), "2021-06-01", "A→B")["events"] == 2


@pytest.mark.parametrize(("by", "periods"), [("year", ["2021-01-01"]), ("week", None)])
def test_dyad_series_periods(store: Store, by: str, periods: list[str] | None) -> None:
    rows = [r for r in dyad.dyad_series(store, "PAK", "RUS", by=by) if r["direction"] == "both"]
    assert sum(r["events"] for r in rows) == 3
    if periods is not None:
        assert [r["period"] for r in rows] == periods


def test_dyad_series_actor_code_prefix(store: Store) -> None:
    rows = dyad.dyad_series(store, "PAKGOV", "RUSGOV", by="year")
    assert _row(rows, "2021-01-01", "both")["events"] == 3


def test_dyad_old_store_counts_each_event_as_a_cluster() -> None:
    store = build_store(with_clusters=False)
    assert dyad.cluster_source(store).from_events
    april = _row(dyad.dyad_series(store, "PAK", "RUS"), "2021-04-01", "both")
    assert april["events"] == 3  # c1's two events count apart without clusters
    assert dyad.top_dyads(store)[0]["events"] == 4


@pytest.mark.parametrize(("counts", "expected"), [
    ([1, 1, 1, 1, 1, 1, 5], [(None, False)] * 3 + [(0.0, False)] * 3 + [(4.0, True)]),
    ([0, 0, 0, 1], [(None, False)] * 3 + [(1.0, False)]),
    ([2, 4, 2, 4, 2, 4, 3], [(None, False)] * 3 + [(1.15, False), (-0.87, False), (1.1, False), (0.0, False)]),
])
def test_dyad_baseline_rule(counts: list[int], expected: list[tuple[float | None, bool]]) -> None:
    assert dyad.baseline(counts) == expected


def test_dyad_top_events_per_period(store: Store) -> None:
    top = dyad.top_events(store, "PAK", "RUS")
    assert [e["cluster_id"] for e in top["2021-04-01"]] == ["c1", "c2"]  # most mentions first
    assert "2021-05-01" not in top


def test_dyads_top_dyads(store: Store) -> None:
    rows = dyad.top_dyads(store)
    assert [(r["a"], r["b"]) for r in rows] == [("PAK", "RUS"), ("IRN", "PAK")]
    pr = rows[0]
    assert (pr["events"], pr["a_to_b"], pr["b_to_a"]) == (3, 1, 2)
    assert pr["goldstein_mean"] == pytest.approx(round((1.0 + 6.4 - 10.0) / 3, 3))
    assert dyad.top_dyads(store, since="2021-05-01")[0]["events"] == 1
    assert len(dyad.top_dyads(store, limit=1)) == 1


@pytest.mark.parametrize("kwargs", [{"by": "day"}, {"factuality": ["sure"]}])
def test_dyad_rejects_bad_arguments(store: Store, kwargs: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        dyad.dyad_series(store, "PAK", "RUS", **kwargs)
