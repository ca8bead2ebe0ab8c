"""GDELT, PLOVER and Parquet exports, and the Parquet import, on a store built by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel import export
from dotterel.cli import app
from dotterel.store import TABLES, Store, open_store
from tests.test_dyad import CLUSTERS, build_store

runner = CliRunner()


@pytest.fixture()
def store() -> Store:
    return build_store()


@pytest.mark.parametrize(("layout", "n", "first", "last"), [
    ("gdelt_events", 61, "GlobalEventID", "SOURCEURL"), ("gdelt_mentions", 16, "GlobalEventID", "Extras")])
def test_export_gdelt_column_lists(layout: str, n: int, first: str, last: str) -> None:
    cols = export.column_names(layout)
    assert len(cols) == len(set(cols)) == n and cols[0] == first and cols[-1] == last


def test_export_gdelt_rows_match_clusters(store: Store) -> None:
    cols = export.column_names("gdelt_events")
    rows = [dict(zip(cols, r)) for r in export.gdelt_events(store)]
    assert all(len(r) == 61 for r in export.gdelt_events(store, factuality=None))
    by_id = {r["GlobalEventID"]: r for r in rows}
    # Asserted clusters only by default; the denied c4 is left out.
    assert set(by_id) == {str(export.global_event_id(c)) for c in ("c1", "c2", "c3", "c5")}
    c1 = by_id[str(export.global_event_id("c1"))]
    assert (c1["Day"], c1["MonthYear"], c1["Year"]) == ("20210401", "202104", "2021")  # first day of "2021-04"
    assert (c1["EventCode"], c1["EventBaseCode"], c1["EventRootCode"]) == ("040", "040", "04")
    assert (c1["QuadClass"], c1["GoldsteinScale"]) == ("1", "1.0")
    assert (c1["NumMentions"], c1["NumArticles"], c1["NumSources"]) == ("4", "2", "2")
    assert (c1["Actor1Code"], c1["Actor1CountryCode"], c1["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (c1["Actor2Code"], c1["Actor2CountryCode"]) == ("PAKGOV", "PAK")
    assert c1["Actor1Name"] == "SERGEY LAVROV" and c1["AvgTone"] == ""
    assert (c1["ActionGeo_Type"], c1["ActionGeo_CountryCode"], c1["ActionGeo_Lat"]) == ("4", "PK", "33.7200")
    assert c1["Actor2Geo_FullName"] == c1["ActionGeo_FullName"] and c1["Actor1Geo_FullName"] == ""
    assert c1["SOURCEURL"] == "https://example.org/d1" and len(c1["DATEADDED"]) == 14
    c3 = by_id[str(export.global_event_id("c3"))]
    assert (c3["Day"], c3["EventRootCode"], c3["QuadClass"], c3["GoldsteinScale"]) == ("20210610", "19", "4", "-10.0")
    assert float(c3["FractionDate"]) == pytest.approx(2021 + 161 / 365, abs=1e-4)


def test_export_gdelt_filters(store: Store) -> None:
    assert len(list(export.gdelt_events(store, factuality=None))) == 5
    assert len(list(export.gdelt_events(store, dyad=("PAK", "IRN")))) == 1
    assert len(list(export.gdelt_events(store, type="CONSULT", factuality=None))) == 2
    assert len(list(export.gdelt_events(store, since="2021-05-01"))) == 1


def test_export_gdelt_mentions_one_row_per_mention(store: Store) -> None:
    cols = export.column_names("gdelt_mentions")
    rows = [dict(zip(cols, r)) for r in export.gdelt_mentions(store)]
    assert all(len(r) == 16 for r in rows)
    assert len(rows) == sum(len(CLUSTERS[c][-1]) for c in ("c1", "c2", "c3", "c5"))
    c1 = [r for r in rows if r["GlobalEventID"] == str(export.global_event_id("c1"))]
    assert len(c1) == 2 and {r["MentionSourceName"] for r in c1} == {"Outlet A", "Outlet B"}
    assert all(r["ActionCharOffset"] == "39" and r["Actor1CharOffset"] == "0" and r["Confidence"] == "90" for r in c1)
    assert all("<FACTUALITY>asserted</FACTUALITY>" in r["Extras"] for r in c1)


def test_export_plover_records(store: Store) -> None:
    records = list(export.plover_records(store))
    assert len(records) == 6  # every event, every factuality
    denied = next(r for r in records if r["factuality"] == "denied")
    assert denied["event"] == ["CONSULT"] and denied["link"] == "c4" and denied["date_granularity"] == "month"
    assert denied["actor"][0]["code"] == "RUS" and denied["recipient"][0]["code"] == "PAK"
    assert denied["date"] == "2021-06-01" and denied["evidence"]["trigger"] == "paid a visit"
    json.dumps(records)
    assert [r["id"] for r in export.plover_records(store, factuality=["denied"])] == ["e5"]


def _dump(store: Store, table: str) -> list[tuple[object, ...]]:
    cols = ", ".join(TABLES[table])
    return store.con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()


def test_export_parquet_round_trip_preserves_every_field(store: Store, tmp_path: Path) -> None:
    store.con.execute("INSERT INTO errors VALUES ('bad.bin', 3, 'ingest', 'E_BINARY', 'binary data', "
                      "TIMESTAMP '2026-01-02 03:04:05')")
    written = export.write_parquet(store, tmp_path / "pq")
    assert written["events"] == 6 and written["clusters"] == 5 and written["errors"] == 1
    fresh = open_store(":memory:")
    loaded = export.read_parquet(fresh, tmp_path / "pq")
    assert loaded == written
    for table in export.PARQUET_TABLES:
        assert _dump(fresh, table) == _dump(store, table), table
    export.read_parquet(fresh, tmp_path / "pq")  # loading again replaces, never duplicates
    assert all(_dump(fresh, t) == _dump(store, t) for t in export.PARQUET_TABLES)


def test_export_parquet_readable_by_polars(store: Store, tmp_path: Path) -> None:
    polars = pytest.importorskip("polars")
    export.write_parquet(store, tmp_path)
    frame = polars.read_parquet(tmp_path / "clusters.parquet")
    assert frame.height == 5 and list(frame.columns) == list(TABLES["clusters"])
    assert json.loads(frame.filter(polars.col("cluster_id") == "c1")["event_ids"][0]) == ["e1", "e2"]


def test_export_cli_gdelt_import_and_dyad(tmp_path: Path) -> None:
    db = str(tmp_path / "a.duckdb")
    build_store(db).close()
    out = tmp_path / "events.tsv"
    result = runner.invoke(app, ["export", "--db", db, "--format", "gdelt", str(out)])
    assert result.exit_code == 0, result.output
    assert [len(line.split("\t")) for line in out.read_text(encoding="utf-8").splitlines()] == [61] * 4
    assert runner.invoke(app, ["export", "--db", db, "--format", "parquet", str(tmp_path / "pq")]).exit_code == 0
    db2 = str(tmp_path / "b.duckdb")
    assert runner.invoke(app, ["import", str(tmp_path / "pq"), "--db", db2]).exit_code == 0
    result = runner.invoke(app, ["dyad", "PAK", "RUS", "--db", db2, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert sum(r["events"] for r in rows if r["direction"] == "both") == 3
    result = runner.invoke(app, ["dyads", "--db", db2, "--format", "jsonl"])
    assert json.loads(result.stdout.splitlines()[0])["events"] == 3
    assert runner.invoke(app, ["dyad", "PAK", "RUS", "--db", db2]).exit_code == 0
    assert runner.invoke(app, ["export", "--db", db, "--format", "nope", "x"]).exit_code == 2
