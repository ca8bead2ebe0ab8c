"""Time the dyad queries on a synthetic store of 10 million clusters (and as many events).

    .venv/bin/python bench/query.py [--rows 10000000] [--runs 7] [--keep FILE]

Builds a dotterel store (the real schema, `store.open_store`) in a temp file,
fills `clusters` and `events` with DuckDB SQL (no Python loops): countries,
event types and factualities drawn from skewed (power-law) distributions,
dates over ten years with more news in later years, a third of the dates of
month granularity. Then times `dyad.dyad_series` (PAK–RUS by month, the
counts, Goldstein and distinct sources) and `dyad.top_dyads` (all time, and
one year) and prints the median of several runs. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dotterel import dyad  # noqa: E402
from dotterel.store import open_store  # noqa: E402

# Most newsworthy first: the power law below gives the first ones most events.
COUNTRIES = ("USA", "CHN", "RUS", "UKR", "ISR", "IRN", "PAK", "IND", "GBR", "FRA", "DEU", "TUR", "SAU", "AFG",
             "SYR", "IRQ", "JPN", "KOR", "PRK", "EGY", "QAT", "ARE", "BRA", "MEX", "CAN", "AUS", "IDN", "NGA",
             "ZAF", "ETH", "SDN", "YEM", "LBN", "JOR", "BGD", "LKA", "NPL", "MMR", "THA", "VNM", "PHL", "MYS",
             "POL", "ITA", "ESP", "NLD", "BEL", "SWE", "NOR", "FIN", "KAZ", "UZB", "AZE", "ARM", "GEO", "BLR",
             "VEN", "COL", "ARG", "CHL")
TYPES = (("CONSULT", "040", 1, 1.0), ("SUPPORT", "051", 1, 3.4), ("AGREE", "030", 1, 4.0),
         ("ACCUSE", "112", 3, -2.0), ("REQUEST", "020", 1, 3.0), ("REJECT", "120", 3, -4.0),
         ("COOPERATE", "061", 2, 6.4), ("ASSAULT", "190", 4, -10.0), ("THREATEN", "130", 3, -4.4),
         ("PROTEST", "140", 3, -6.5), ("AID", "070", 2, 7.0), ("COERCE", "170", 4, -7.0),
         ("SANCTION", "163", 4, -8.0), ("MOBILIZE", "150", 4, -7.2), ("CONCEDE", "080", 2, 5.0),
         ("RETREAT", "087", 2, 9.0))
FACTS = ("asserted",) * 16 + ("claimed", "denied", "planned", "unverified")


def _sql_list(values: tuple[object, ...]) -> str:
    return "[" + ", ".join(f"'{v}'" if isinstance(v, str) else str(v) for v in values) + "]"


def build(path: str, rows: int) -> None:
    store = open_store(path)
    con = store.con
    n_c, n_t = len(COUNTRIES), len(TYPES)
    # One row of random draws per cluster; pow(random(), k) skews towards the first entries.
    con.execute(f"""
        CREATE TEMP TABLE draws AS
        SELECT i,
               {_sql_list(COUNTRIES)}[1 + floor({n_c} * pow(random(), 2.2))::INT] AS src,
               {_sql_list(COUNTRIES)}[1 + floor({n_c} * pow(random(), 2.2))::INT] AS tgt,
               1 + floor({n_t} * pow(random(), 1.8))::INT AS t,
               DATE '2016-01-01' + floor(3652 * sqrt(random()))::INT AS d,
               random() < 0.33 AS monthly,
               {_sql_list(FACTS)}[1 + floor({len(FACTS)} * random())::INT] AS fact,
               1 + floor(8 * pow(random(), 4))::INT AS mentions,
               'outlet' || floor(300 * pow(random(), 2))::INT AS outlet
        FROM range({rows}) r(i)""")
    types, codes = _sql_list(tuple(t[0] for t in TYPES)), _sql_list(tuple(t[1] for t in TYPES))
    quads, golds = _sql_list(tuple(t[2] for t in TYPES)), _sql_list(tuple(float(t[3]) for t in TYPES))
    con.execute(f"""
        INSERT INTO clusters (cluster_id, type, source_code, target_code, source_country, target_country,
                              date_value, date_start, date_end, factuality, factualities, num_mentions,
                              num_articles, num_sources, outlets, contested, first_seen, last_seen, event_ids,
                              quad_class, goldstein, cameo_code)
        SELECT 'c' || lpad(i::VARCHAR, 15, '0'), {types}[t], src || 'GOV', tgt || 'GOV', src, tgt,
               CASE WHEN monthly THEN strftime(d, '%Y-%m') ELSE d::VARCHAR END,
               CASE WHEN monthly THEN date_trunc('month', d)::DATE ELSE d END,
               CASE WHEN monthly THEN last_day(d) ELSE d END,
               fact, json_object(fact, 1), mentions, 1, 1, [outlet], false, d, d,
               to_json(['e' || lpad(i::VARCHAR, 15, '0')]), {quads}[t], {golds}[t], {codes}[t]
        FROM draws""")
    con.execute(f"""
        INSERT INTO events (event_id, doc_id, cluster_id, type, factuality, mentions, source_country,
                            source_code, target_country, target_code, date_start, date_end, quad_class,
                            goldstein, cameo_code, outlet, published)
        SELECT 'e' || lpad(i::VARCHAR, 15, '0'), 'd' || (i // 4)::VARCHAR, 'c' || lpad(i::VARCHAR, 15, '0'),
               {types}[t], fact, mentions, src, src || 'GOV', tgt, tgt || 'GOV',
               CASE WHEN monthly THEN date_trunc('month', d)::DATE ELSE d END,
               CASE WHEN monthly THEN last_day(d) ELSE d END, {quads}[t], {golds}[t], {codes}[t], outlet, d
        FROM draws""")
    con.execute("DROP TABLE draws")
    con.execute("CHECKPOINT")
    store.close()


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    result = fn()  # warm-up (and the result to show)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", help="Build (or reuse) the store at this path instead of a temp file.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or str(Path(tmp) / "bench.duckdb")
        if not Path(path).exists():
            t0 = time.perf_counter()
            build(path, args.rows)
            print(f"built {args.rows:,} clusters and events in {time.perf_counter() - t0:.1f}s → {path}")
        store = open_store(path, read_only=True)
        n = store.con.execute("SELECT count(*) FROM clusters").fetchone()
        pak_rus = store.con.execute("SELECT count(*) FROM clusters WHERE (source_country = 'PAK' AND "
                                    "target_country = 'RUS') OR (source_country = 'RUS' AND "
                                    "target_country = 'PAK')").fetchone()
        print(f"{n[0]:,} clusters; PAK–RUS has {pak_rus[0]:,}")  # type: ignore[index]
        cases: dict[str, Callable[[], object]] = {
            "dyad PAK RUS --by month": lambda: dyad.dyad_series(store, "PAK", "RUS", by="month"),
            "dyad PAK RUS --by week --all-factualities": lambda: dyad.dyad_series(store, "PAK", "RUS", by="week",
                                                                                  factuality=None),
            "dyads --limit 20": lambda: dyad.top_dyads(store, limit=20),
            "dyads --since 2024-01-01 --until 2024-12-31": lambda: dyad.top_dyads(store, since="2024-01-01",
                                                                                   until="2024-12-31"),
        }
        for name, fn in cases.items():
            ms, result = median_ms(fn, args.runs)
            size = len(result) if isinstance(result, list) else "?"
            print(f"{name:<48} median {ms:8.1f} ms over {args.runs} runs ({size} rows)")
        store.close()


if __name__ == "__main__":
    main()
