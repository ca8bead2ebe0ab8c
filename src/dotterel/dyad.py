"""Dyad analytics over the store: a relationship's time series, and the most active dyads.

Everything here counts **clusters** (one real-world event across documents,
DESIGN.md "Three levels") and, by default, only `asserted` ones; pass
`factuality=None` to count every factuality. A store whose `clusters` table is
empty or missing (written before clustering existed) is read with each event as
its own cluster (`num_articles = num_sources = 1`), so older stores still work.

A period is the calendar month, ISO week or year of the cluster's resolved
date **start** (`date_start`): an event dated "in April" falls in April's
month, "in 2021" in January's month. Undated clusters (date unresolved) are
left out of the series.

Baseline departures: a period is flagged when its count (both directions,
selected factualities) departs from the dyad's own trailing baseline, the
`BASELINE_WINDOW` periods before it (empty periods count as 0):
`z = (count - mean) / max(sd, 1)` with the sample standard deviation, flagged
when `|z| >= DEPARTURE_Z` and at least `BASELINE_MIN` periods precede it. The
floor of 1 on `sd` keeps a steady dyad (0, 0, 0, …) from flagging on one event
while still flagging a jump to `DEPARTURE_Z` or more.

All of it is SQL run by DuckDB, so it scales to millions of clusters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from collections.abc import Sequence
from typing import Any

from .errors import ConfigError
from .store import Store
from .vocab import Factuality

PERIODS = ("week", "month", "year")
BASELINE_WINDOW = 6
BASELINE_MIN = 3
DEPARTURE_Z = 2.0
#: QuadClass 1..4 as column names.
QUAD_NAMES = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
FACTUALITIES = tuple(f.value for f in Factuality)
DEFAULT_FACTUALITY = (Factuality.ASSERTED.value,)

#: Each event as its own cluster, for stores with no clusters.
_EVENTS_AS_CLUSTERS = """(SELECT event_id AS cluster_id, type, mode, source_code, target_code, source_country,
 target_country, date_value, date_start, date_end, location, factuality,
 json_object(factuality, 1) AS factualities, coalesce(mentions, 1) AS num_mentions, 1 AS num_articles,
 1 AS num_sources, [coalesce(outlet, doc_id)] AS outlets, false AS contested, published AS first_seen, published AS last_seen,
 to_json([event_id]) AS event_ids, quad_class, goldstein, cameo_code FROM events)"""


@dataclasses.dataclass(frozen=True, slots=True)
class ClusterSource:
    """Where cluster rows come from: `relation` (SQL) and the events column that links an event to it."""

    relation: str
    member_key: str
    from_events: bool


def cluster_source(store: Store) -> ClusterSource:
    """The `clusters` table, or each event as its own cluster when the store has no clusters."""
    row = store.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'clusters'"
                            ).fetchone()
    if row and row[0]:
        filled = store.con.execute("SELECT EXISTS (SELECT 1 FROM clusters)").fetchone()
        if filled and filled[0]:
            return ClusterSource("clusters", "cluster_id", False)
    return ClusterSource(_EVENTS_AS_CLUSTERS, "event_id", True)


def _side(code: str, role: str) -> tuple[str, str]:
    """SQL testing one side of a dyad: a 3-letter country (fast) or a longer actor-code prefix."""
    code = code.upper()
    if len(code) == 3:
        return f"{role}_country = ?", code
    return f"starts_with({role}_code, ?)", code


def dyad_sql(a: str, b: str) -> tuple[str, str, list[str], list[str]]:
    """(A→B test, B→A test, params of A→B, params of B→A) for two country or actor codes."""
    (sa, pa), (tb, pb) = _side(a, "source"), _side(b, "target")
    (sb, pb2), (ta, pa2) = _side(b, "source"), _side(a, "target")
    return f"({sa} AND {tb})", f"({sb} AND {ta})", [pa, pb], [pb2, pa2]


def cluster_filters(*, type: str | None = None, dyad: tuple[str, str] | None = None, since: str | None = None,
                    until: str | None = None, factuality: Sequence[str] | None = DEFAULT_FACTUALITY
                    ) -> tuple[list[str], list[Any]]:
    """WHERE clauses and parameters for cluster rows: the filters of `dotterel events`.

    Args:
        type: PLOVER type.
        dyad: two country (or actor) codes; either direction.
        since, until: ISO dates bounding the cluster's date range (overlap, as `dotterel events`).
        factuality: keep these factualities; None keeps every one.
    """
    where: list[str] = []
    params: list[Any] = []
    if type:
        where.append("type = ?")
        params.append(type.upper())
    if dyad:
        ab, ba, pab, pba = dyad_sql(*dyad)
        where.append(f"({ab} OR {ba})")
        params += pab + pba
    if since:
        where.append("date_end >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append("date_start <= CAST(? AS DATE)")
        params.append(until)
    if factuality is not None:
        values = [f.lower() for f in factuality]
        unknown = sorted(set(values) - set(FACTUALITIES))
        if unknown:
            raise ConfigError(f"unknown factuality {', '.join(unknown)}: one of {', '.join(FACTUALITIES)}")
        where.append(f"factuality IN ({', '.join('?' for _ in values)})")
        params += values
    return where, params


def _check_period(by: str) -> None:
    if by not in PERIODS:
        raise ConfigError(f"unknown period {by!r}: one of {', '.join(PERIODS)}")


def _periods(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    """Every period start from `first` to `last` (both already period starts)."""
    out, cur = [], first
    while cur <= last:
        out.append(cur)
        if by == "week":
            cur += dt.timedelta(days=7)
        elif by == "month":
            cur = dt.date(cur.year + cur.month // 12, cur.month % 12 + 1, 1)
        else:
            cur = dt.date(cur.year + 1, 1, 1)
    return out


def baseline(counts: Sequence[int], window: int = BASELINE_WINDOW) -> list[tuple[float | None, bool]]:
    """(z-score, departure flag) of each count against the `window` counts before it (module docstring)."""
    out: list[tuple[float | None, bool]] = []
    for i, n in enumerate(counts):
        prior = counts[max(0, i - window):i]
        if len(prior) < BASELINE_MIN:
            out.append((None, False))
            continue
        mean = statistics.fmean(prior)
        sd = statistics.stdev(prior) if len(prior) > 1 else 0.0
        z = (n - mean) / max(sd, 1.0)
        out.append((round(z, 2), abs(z) >= DEPARTURE_Z))
    return out


def _as_date(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value  # type: ignore[no-any-return]


def dyad_series(store: Store, a: str, b: str, *, by: str = "month", since: str | None = None,
                until: str | None = None, type: str | None = None,
                factuality: Sequence[str] | None = DEFAULT_FACTUALITY) -> list[dict[str, Any]]:
    """The time series of the dyad A–B: one row per period and direction (`A→B`, `B→A`, `both`).

    Each row: `period` (its first day), `direction`, `events` (clusters of the
    selected factualities), their counts per QuadClass (`QUAD_NAMES`),
    `goldstein_mean` and `goldstein_sum`, the count of clusters of *every*
    factuality under its own name (so a run of denials shows even when only
    asserted events are counted), `sources` (distinct outlets reporting the
    selected clusters), and on `both` rows the baseline `z` and `departure`
    flag (module docstring). Periods with no cluster between the first and
    last are present with zero counts.
    """
    _check_period(by)
    src = cluster_source(store)
    ab, ba, pab, pba = dyad_sql(a, b)
    where, params = cluster_filters(type=type, dyad=(a, b), since=since, until=until, factuality=None)
    selected = list(FACTUALITIES if factuality is None else [f.lower() for f in factuality])
    cluster_filters(factuality=selected)  # validates the values
    marks = ", ".join("?" for _ in selected)
    quads = ", ".join(f"count(*) FILTER (WHERE sel AND quad_class = {i + 1}) AS {name}"
                      for i, name in enumerate(QUAD_NAMES))
    facts = ", ".join(f"count(*) FILTER (WHERE factuality = '{f}') AS {f}" for f in FACTUALITIES)
    base = (f"SELECT cluster_id, date_trunc('{by}', date_start)::DATE AS period, "
            f"CASE WHEN {ab} THEN 'A→B' ELSE 'B→A' END AS dir, factuality IN ({marks}) AS sel, "
            f"quad_class, goldstein, factuality, coalesce(outlets, [cluster_id]) AS outlets FROM {src.relation} "
            f"WHERE date_start IS NOT NULL AND " + " AND ".join(where))
    base_params = pab + selected + params
    # One pass over the dyad's clusters; distinct outlets come from each cluster's outlet list
    # (stores written before that list existed count each cluster as one source).
    sql = (f"WITH c AS MATERIALIZED ({base}), "
           f"agg AS (SELECT period, coalesce(dir, 'both') AS dir, count(*) FILTER (WHERE sel) AS events, {quads}, "
           f"avg(goldstein) FILTER (WHERE sel) AS goldstein_mean, "
           f"coalesce(sum(goldstein) FILTER (WHERE sel), 0) AS goldstein_sum, {facts} "
           f"FROM c GROUP BY GROUPING SETS ((period, dir), (period))), "
           f"src AS (SELECT period, coalesce(dir, 'both') AS dir, count(DISTINCT outlet) AS sources "
           f"FROM (SELECT period, dir, unnest(outlets) AS outlet FROM c WHERE sel) "
           f"GROUP BY GROUPING SETS ((period, dir), (period))) "
           f"SELECT agg.*, coalesce(src.sources, 0) AS sources FROM agg LEFT JOIN src USING (period, dir)")
    stats = {(_as_date(r["period"]), r["dir"]): r for r in store.rows(sql, base_params)}
    if not stats:
        return []
    periods = _periods(min(p for p, _ in stats), max(p for p, _ in stats), by)
    zero: dict[str, Any] = {"events": 0, **{q: 0 for q in QUAD_NAMES}, "goldstein_mean": None, "goldstein_sum": 0.0,
            **{f: 0 for f in FACTUALITIES}}
    both = [int(stats.get((p, "both"), zero)["events"]) for p in periods]
    flags = baseline(both)
    rows = []
    for p, (z, flag) in zip(periods, flags):
        for direction in ("A→B", "B→A", "both"):
            s = stats.get((p, direction), zero)
            row: dict[str, Any] = {"period": p.isoformat(), "direction": direction}
            row.update({k: s[k] for k in zero if k != "sources"})
            if row["goldstein_mean"] is not None:
                row["goldstein_mean"] = round(float(row["goldstein_mean"]), 3)
            row["goldstein_sum"] = round(float(row["goldstein_sum"]), 3)
            row["sources"] = int(s.get("sources", 0))
            row["z"], row["departure"] = (z, flag) if direction == "both" else (None, False)
            rows.append(row)
    return rows


def top_events(store: Store, a: str, b: str, *, by: str = "month", per_period: int = 3,
               since: str | None = None, until: str | None = None, type: str | None = None,
               factuality: Sequence[str] | None = DEFAULT_FACTUALITY) -> dict[str, list[dict[str, Any]]]:
    """Period start (ISO) → its most reported clusters of the dyad (most mentions first), for hover text."""
    _check_period(by)
    src = cluster_source(store)
    where, params = cluster_filters(type=type, dyad=(a, b), since=since, until=until, factuality=factuality)
    sql = (f"SELECT date_trunc('{by}', date_start)::DATE AS period, cluster_id, type, mode, source_code, "
           f"target_code, date_value, factuality, num_mentions, num_sources, goldstein FROM {src.relation} "
           f"WHERE date_start IS NOT NULL AND {' AND '.join(where)} "
           f"QUALIFY row_number() OVER (PARTITION BY period ORDER BY num_mentions DESC, num_sources DESC, "
           f"cluster_id) <= {int(per_period)} ORDER BY period, num_mentions DESC, num_sources DESC, cluster_id")
    out: dict[str, list[dict[str, Any]]] = {}
    for row in store.rows(sql, params):
        out.setdefault(_as_date(row.pop("period")).isoformat(), []).append(row)
    return out


def top_dyads(store: Store, *, since: str | None = None, until: str | None = None, limit: int = 20,
              type: str | None = None, factuality: Sequence[str] | None = DEFAULT_FACTUALITY
              ) -> list[dict[str, Any]]:
    """The most active dyads of two different countries: cluster counts (each way) and Goldstein.

    A dyad is unordered (`a` < `b` alphabetically); `a_to_b` and `b_to_a` split
    its count by direction. Ties are broken by the codes, so the order is stable.
    """
    if limit < 0:
        raise ConfigError("limit must be positive")
    src = cluster_source(store)
    where, params = cluster_filters(type=type, since=since, until=until, factuality=factuality)
    where = ["source_country IS NOT NULL", "target_country IS NOT NULL", "source_country <> target_country",
             *where]
    quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {i + 1}) AS {name}" for i, name in enumerate(QUAD_NAMES))
    quad_sums = ", ".join(f"sum({name})::BIGINT AS {name}" for name in QUAD_NAMES)
    # Aggregate by ordered pair first (a cheap hash group), then fold the two directions together.
    sql = (f"WITH p AS (SELECT source_country, target_country, count(*) AS n, {quads}, "
           f"sum(goldstein) AS gs, count(goldstein) AS gn FROM {src.relation} WHERE {' AND '.join(where)} "
           f"GROUP BY source_country, target_country) "
           f"SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b, "
           f"sum(n)::BIGINT AS events, coalesce(sum(n) FILTER (WHERE source_country < target_country), 0)::BIGINT "
           f"AS a_to_b, coalesce(sum(n) FILTER (WHERE source_country > target_country), 0)::BIGINT AS b_to_a, "
           f"{quad_sums}, round(sum(gs) / nullif(sum(gn), 0), 3) AS goldstein_mean, round(sum(gs), 3) "
           f"AS goldstein_sum FROM p GROUP BY ALL ORDER BY events DESC, a, b LIMIT {int(limit)}")
    return store.rows(sql, params)
