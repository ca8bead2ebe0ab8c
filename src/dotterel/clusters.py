"""The cross-document level: near-duplicate articles and event clusters.

`dedup.py` merges the mentions of one event within an article; this module
links the events of different articles that report one real-world event
(DESIGN.md "three levels": mention → event → cluster).

Near-duplicates and story similarity are measured in `textsim.py`.

Event clusters. A cluster is one real-world event or episode. An event
joins a cluster when it is compatible with one of the cluster's events:

- the same PLOVER type;
- the same dyad by country: source with source and target with target, or
  either way round for reciprocal types (CONSULT, AGREE, COOPERATE); an
  unknown side matches anything, but at least one side must be known and
  equal;
- overlapping date ranges; a publication-day fallback date stands for a
  window of `PUBLICATION_WINDOW_DAYS` around the publication day (reports
  follow events by a day or two, and wire copies are dated by time zone);
- when either date is vague (a range over `VAGUE_SPAN_DAYS`, e.g. "in 2012"),
  reports published within two publication windows of each other (else one
  year-dated event chains a year of news into one cluster);
- compatible places (when both events are placed, in the same country).

Stories. Outlets reporting one story lead with different events of it (the
accusation, the reply, the meeting), code its actors differently and
resolve its dates from different phrases, so the events alone rarely
agree; the articles' words do (same names, places and vocabulary within a
few days). Each document's content words (title and text, stop words out)
are stored in `doc_terms`; two articles published at most
`STORY_WINDOW_DAYS` apart whose TF-IDF cosine (IDF over every stored
document) reaches `STORY_SIMILARITY` tell one story. Then:

- an article's principal event (asserted, most mentions, most confident,
  first: its headline event) joins the cluster holding the principal events
  of the stored articles of its story: of the clusters that hold principal
  events of articles in the window, the one whose articles are on average
  (average link, so one article between two stories does not chain them;
  over the articles of twice the window) at least `STORY_SIMILARITY`
  similar to it, and whose first article is at most `STORY_WINDOW_DAYS`
  older (a story is covered within a few days; a chain of follow-ups must
  not drift day by day into the next story); types and
  dates are not compared, places must fit; a lead that finds no story joins
  another article's event by the rules above only when the two events
  involve two countries (a domestic dyad on one day is too common to tell
  one event);
- its other events join events of the story's articles when they have the
  same type or the same QuadClass, share a known country on either side,
  and their dates and places fit (as above);
- a story cluster may so hold several event types of one episode; it is
  contested only when one type is both asserted/claimed and denied/negated.

Among compatible clusters the event joins the one it fits best: same type,
same mode, same sectors, same place, then the textual similarity of the
evidence sentences. Events are taken in a fixed order (publication, document,
offset), and a cluster's id is a hash of the event that founded it, so the
same input always gives the same clusters.

State lives in the store only: `events.cluster_id` says which cluster an
event belongs to, and the `clusters` row is a summary recomputed from its
events whenever they change. `update(store)` clusters every event that has
no cluster yet, so it is incremental (a later batch joins existing
clusters, keeping their ids) and idempotent (a second call finds nothing to
do).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .store import Store
from .textsim import cosine, find_duplicates, index_terms, story_vectors
from .vocab import RECIPROCAL_TYPES, DateMethod, Factuality

log = logging.getLogger(__name__)

#: Days either side of the publication day that a publication-dated event may have happened.
PUBLICATION_WINDOW_DAYS = 3
#: A date range longer than this (a month, a year) cannot tell events apart by itself.
VAGUE_SPAN_DAYS = 7
#: Articles published at most this many days apart can report one story (the corpus's "within a few days").
STORY_WINDOW_DAYS = 3
#: TF-IDF cosine of two articles' content words at or above which they tell one story. Tuned on the dev
#: corpus only (0.12-0.18 give story F1 0.84-0.86 there; 0.15 in the middle); unrelated articles of the
#: same days score under 0.1, rewrites of one story by two outlets about 0.2-0.5.
STORY_SIMILARITY = 0.15

_WORD = re.compile(r"\w+", re.UNICODE)
_POSITIVE = {Factuality.ASSERTED.value, Factuality.CLAIMED.value}
_NEGATIVE = {Factuality.DENIED.value, Factuality.NEGATED.value}
_CERTAINTY = (Factuality.ASSERTED, Factuality.CLAIMED, Factuality.UNVERIFIED, Factuality.PLANNED,
              Factuality.HYPOTHETICAL)
_WEAK_DATES = {DateMethod.PUBLICATION.value, DateMethod.UNKNOWN.value}


# -- event clusters -------------------------------------------------------------
@dataclass
class _Ev:
    """The fields of a stored event that clustering reads."""

    event_id: str
    doc_id: str
    root: str  # the document, or the original it duplicates
    type: str
    mode: str | None
    source: tuple[str | None, str | None]  # (country, sector)
    target: tuple[str | None, str | None]
    start: dt.date | None
    end: dt.date | None
    place: tuple[str | None, str | None]  # (name, country)
    words: frozenset[str]
    order: tuple[Any, ...]
    published: dt.date | None = None
    cluster_id: str | None = None
    factuality: str | None = None
    mentions: int = 1
    confidence: float = 0.0
    quad_class: int | None = None


@dataclass
class UpdateSummary:
    """What one `update` call did."""

    duplicates: dict[str, tuple[str, float]] = field(default_factory=dict)
    events: int = 0
    new_clusters: int = 0
    touched: int = 0


_PUB = "coalesce(e.published, TRY_CAST(left(d.published, 10) AS DATE))"


def _named(role: str, field: str) -> str:
    """An actor field as SQL, empty for a party the text only implies: it ties no events together."""
    return f"CASE WHEN e.{role}->>'implied' = 'true' THEN NULL ELSE e.{role}->>'{field}' END"


_EVENT_SQL = f"""
SELECT e.event_id, e.doc_id, coalesce(d.duplicate_of, e.doc_id), e.type, e.mode,
       {_named("source", "country")}, {_named("source", "sector")},
       {_named("target", "country")}, {_named("target", "sector")},
       e.date_start, e.date_end, e.date->>'method', {_PUB},
       e.location->>'name', e.location->>'country', e.evidence->>'sentence',
       (e.evidence->>'char_start')::INT, e.cluster_id, e.factuality, e.mentions, e.confidence, e.quad_class
FROM events e JOIN documents d USING (doc_id)
"""


def _content_words(sentence: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((sentence or "").lower()) if len(w) > 3)


def _load(rows: Iterable[Sequence[Any]]) -> list[_Ev]:
    out = []
    for (event_id, doc_id, root, type_, mode, sc, ss, tc, ts, start, end, method, published,
         pname, pcountry, sentence, char_start, cluster_id, factuality, mentions, confidence, quad) in rows:
        pub = published if isinstance(published, dt.date) else None
        if method in _WEAK_DATES or start is None or end is None:
            if pub is not None:
                window = dt.timedelta(days=PUBLICATION_WINDOW_DAYS)
                start, end = pub - window, pub + window
            else:
                start = end = None
        out.append(_Ev(event_id, doc_id, root, type_, mode, (sc, ss), (tc, ts), start, end, (pname, pcountry),
                       _content_words(sentence), (pub or dt.date.max, doc_id, char_start or 0, event_id),
                       cluster_id=cluster_id, published=pub, factuality=factuality, mentions=mentions or 1,
                       confidence=confidence or 0.0, quad_class=quad))
    return out


def _sides_match(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    return a[0] is None or b[0] is None or a[0] == b[0]


def _sectors_match(a: tuple[tuple[str | None, str | None], ...], b: tuple[tuple[str | None, str | None], ...]) -> bool:
    """Within one country the country says little ("USA accuses USA"): the sectors known on both
    sides must agree, and at least one must be known on both."""
    pairs = [(x[1], y[1]) for x, y in zip(a, b) if x[1] is not None and y[1] is not None]
    return bool(pairs) and all(x == y for x, y in pairs)


def _oriented(e: _Ev, ref: _Ev) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    """e's sides, swapped when the type is reciprocal and the swapped dyad fits ref better."""
    if e.type in RECIPROCAL_TYPES and e.source[0] != ref.source[0] and \
            (e.target[0] == ref.source[0] or e.source[0] == ref.target[0]):
        return e.target, e.source
    return e.source, e.target


def _countries(e: _Ev) -> set[str]:
    return {c for c in (e.source[0], e.target[0]) if c is not None}


def compatible(a: _Ev, b: _Ev, similar: bool = False) -> bool:
    """True when two events of different articles may report one real-world event.

    Args:
        similar: the two articles tell one story (`STORY_SIMILARITY`, `STORY_WINDOW_DAYS`): then events of
            the same QuadClass are compatible, and the dyads need only share a known country, either way
            round (one outlet's "A accused B" is another's "B was accused by A", with one side unnamed).
    """
    if a.type != b.type and not (similar and a.quad_class is not None and a.quad_class == b.quad_class):
        return False
    if similar:
        if not _countries(a) & _countries(b):
            return False
    else:
        src, tgt = _oriented(b, a)
        if not (_sides_match(a.source, src) and _sides_match(a.target, tgt)):
            return False
        known = (a.source[0] is not None and a.source[0] == src[0]) or \
            (a.target[0] is not None and a.target[0] == tgt[0])
        if not known:
            return False
        if len(_countries(a) | _countries(b)) == 1 and not _sectors_match((a.source, a.target), (src, tgt)):
            return False
    return _dates_and_places_fit(a, b)


def _dates_and_places_fit(a: _Ev, b: _Ev) -> bool:
    """Overlapping date ranges (vague ones only for reports close in time) and places in one country."""
    if a.start is not None and b.start is not None and a.end is not None and b.end is not None:
        if not (a.start <= b.end and b.start <= a.end):
            return False
        if _vague(a) or _vague(b):
            # "in 2012" overlaps a whole year of news: then the reports themselves must be close in time.
            if a.published is None or b.published is None or \
                    abs((a.published - b.published).days) > 2 * PUBLICATION_WINDOW_DAYS:
                return False
    if a.place[1] and b.place[1] and a.place[1] != b.place[1]:
        return False
    return True


def _places_fit(a: _Ev, b: _Ev) -> bool:
    return not (a.place[1] and b.place[1] and a.place[1] != b.place[1])


def _vague(e: _Ev) -> bool:
    return e.start is not None and e.end is not None and (e.end - e.start).days > VAGUE_SPAN_DAYS


def _similarity(a: _Ev, b: _Ev) -> float:
    union = a.words | b.words
    return len(a.words & b.words) / len(union) if union else 0.0


def affinity(a: _Ev, b: _Ev) -> float:
    """How well two compatible events fit: agreement beyond the required, then text overlap."""
    src, tgt = _oriented(b, a)
    score = 1.0 if a.type == b.type else 0.0
    score += 1.0 if a.mode and a.mode == b.mode else 0.0
    score += 0.5 * sum(x[0] is not None and x == y for x, y in ((a.source, src), (a.target, tgt)))
    score += 0.5 if a.place[0] and a.place[0] == b.place[0] else 0.0
    return score + _similarity(a, b)


def cluster_id_for(event_id: str) -> str:
    """The stable id of the cluster an event founds."""
    return "c" + hashlib.sha1(f"cluster\x1f{event_id}".encode("utf-8")).hexdigest()[:15]


def principal_events(events: Iterable[_Ev]) -> dict[str, _Ev]:
    """doc_id → the article's principal event: asserted, most mentions, most confident, first in the text.

    This is the event an article is about (its headline event); articles that tell one story are joined
    through their principal events, whatever their types (one outlet leads with the accusation, another
    with the reply to it).
    """
    best: dict[str, _Ev] = {}
    for e in sorted(events, key=lambda x: x.order):
        if e.factuality != Factuality.ASSERTED.value:
            continue
        cur = best.get(e.doc_id)
        if cur is None or (e.mentions, e.confidence) > (cur.mentions, cur.confidence):
            best[e.doc_id] = e
    return best


def _near_in_time(a: _Ev, b: _Ev, days: int = STORY_WINDOW_DAYS) -> bool:
    return a.published is not None and b.published is not None and \
        abs((a.published - b.published).days) <= days


def _story_cluster(e: _Ev, principals: dict[str, _Ev], similarity: Callable[[str, str], float]) -> str | None:
    """The cluster of the story the article of principal event `e` tells, if any.

    Average link: for each cluster holding principal events of articles published within
    `STORY_WINDOW_DAYS`, the mean similarity of e's article to its articles within twice that; the best cluster whose mean
    reaches `STORY_SIMILARITY` is the story (a mean, not a best match, so that one article on two neighbouring
    stories does not chain them into one). The publication window stands for the events' dates, which are
    not compared: a lead event's date is often resolved from a relative or vague expression ("last year",
    "on Friday" of another week) and is its weakest field. Places must still fit (both placed: one country).
    """
    groups: dict[str, list[float]] = {}
    fits: dict[str, bool] = {}
    near: set[str] = set()
    oldest: dict[str, dt.date] = {}
    for doc, p in principals.items():
        if doc == e.doc_id or p.cluster_id is None or not _near_in_time(e, p, 2 * STORY_WINDOW_DAYS):
            continue
        groups.setdefault(p.cluster_id, []).append(similarity(e.doc_id, doc))
        fits[p.cluster_id] = fits.get(p.cluster_id, False) or _places_fit(e, p)
        if _near_in_time(e, p):
            near.add(p.cluster_id)
        if p.published is not None and (p.cluster_id not in oldest or p.published < oldest[p.cluster_id]):
            oldest[p.cluster_id] = p.published
    best: tuple[float, str] | None = None
    for cid in sorted(near):
        if e.published is not None and cid in oldest and (e.published - oldest[cid]).days > STORY_WINDOW_DAYS:
            continue  # a story is covered within a few days of its first report, not chained beyond
        mean = sum(groups[cid]) / len(groups[cid])
        if mean >= STORY_SIMILARITY and fits[cid] and (best is None or mean > best[0]):
            best = (mean, cid)
    return best[1] if best else None


def assign(pending: Sequence[_Ev], clustered: Sequence[_Ev],
           similarity: Callable[[str, str], float] | None = None) -> tuple[dict[str, str], int]:
    """Give each pending event a cluster: its story's, else the best-fitting compatible one, else a new one.

    Args:
        pending: events without a cluster, in any order (they are sorted here).
        clustered: events already in clusters (their `cluster_id` set).
        similarity: (doc_id, doc_id) → story similarity of two articles; None: events alone decide.

    Returns:
        event_id → cluster_id for the pending events, and the number of new clusters.
    """
    by_type: dict[str, list[_Ev]] = {}
    by_doc: dict[str, list[_Ev]] = {}
    for e in clustered:
        by_type.setdefault(e.type, []).append(e)
        by_doc.setdefault(e.doc_id, []).append(e)
    principals = principal_events([*clustered, *pending])
    sims: dict[tuple[str, str], float] = {}
    linked: dict[str, list[str]] = {}

    def similar(a: _Ev, b: _Ev) -> bool:
        if similarity is None or a.doc_id == b.doc_id or not _near_in_time(a, b):
            return False
        key = (min(a.doc_id, b.doc_id), max(a.doc_id, b.doc_id))
        if key not in sims:
            sims[key] = similarity(*key)
        return sims[key] >= STORY_SIMILARITY

    def sim(x: str, y: str) -> float:
        key = (min(x, y), max(x, y))
        if key not in sims:
            sims[key] = similarity(*key) if similarity is not None else 0.0
        return sims[key]

    result: dict[str, str] = {}
    new = 0
    for e in sorted(pending, key=lambda x: x.order):
        chosen: str | None = None
        lead = similarity is not None and principals.get(e.doc_id) is e
        if lead:
            chosen = _story_cluster(e, principals, sim)
        if chosen is None:
            best: tuple[tuple[int, float], str] | None = None
            candidates = {o.event_id: o for o in by_type.get(e.type, [])}
            if similarity is not None:
                if e.doc_id not in linked:  # the articles of e's story processed so far
                    linked[e.doc_id] = [d for d, evs in by_doc.items() if d != e.doc_id and similar(e, evs[0])]
                for doc in linked[e.doc_id]:
                    candidates.update((o.event_id, o) for o in by_doc[doc])
            for other in candidates.values():
                # A lead joins its story only by the story rule above; here it must match as an event.
                if other.doc_id == e.doc_id or not compatible(e, other, similar(e, other) and not lead):
                    continue
                if lead and len(_countries(e) | _countries(other)) < 2:
                    # An article's lead joins a domestic event of another only as one story (above):
                    # "USA accuses USA" on one day is too common a coding to tell one event.
                    continue
                # A duplicate's events go to the clusters of its original's events first.
                rank = (1 if e.root != e.doc_id and other.doc_id == e.root else 0, affinity(e, other))
                if best is None or rank > best[0] or (rank == best[0] and other.cluster_id < best[1]):  # type: ignore[operator]
                    best = (rank, other.cluster_id)  # type: ignore[assignment]
            chosen = best[1] if best is not None else None
        if chosen is None:
            chosen = cluster_id_for(e.event_id)
            new += 1
        e.cluster_id = chosen
        result[e.event_id] = chosen
        by_type.setdefault(e.type, []).append(e)
        by_doc.setdefault(e.doc_id, []).append(e)
    return result, new


def update(store: Store) -> UpdateSummary:
    """Mark new near-duplicates and cluster every event that has no cluster yet, in one transaction."""
    summary = UpdateSummary()
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        summary.duplicates = find_duplicates(store)
        index_terms(store)
        pending = _load(con.execute(_EVENT_SQL + " WHERE e.cluster_id IS NULL").fetchall())
        if pending:
            clustered = _load_clustered(store, pending)
            docs = {e.doc_id for e in [*pending, *clustered]}
            vectors = story_vectors(store, docs)
            empty: dict[str, float] = {}

            def similarity(a: str, b: str) -> float:
                return cosine(vectors.get(a, empty), vectors.get(b, empty))

            mapping, summary.new_clusters = assign(pending, clustered, similarity)
            summary.events = len(mapping)
            con.executemany("UPDATE events SET cluster_id = ? WHERE event_id = ?",
                            [[c, e] for e, c in mapping.items()])
            ids = [e.event_id for e in pending]
            stale = [r[0] for r in con.execute(
                "SELECT cluster_id FROM clusters WHERE len(list_intersect(CAST(event_ids AS VARCHAR[]), ?)) > 0",
                [ids]).fetchall()]
            touched = sorted(set(mapping.values()) | set(stale))
            summary.touched = len(touched)
            _rewrite(store, touched)
        _drop_orphans(store)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    log.info("clusters: %d events clustered, %d new clusters, %d duplicates", summary.events,
             summary.new_clusters, len(summary.duplicates))
    return summary


def _load_clustered(store: Store, pending: Sequence[_Ev]) -> list[_Ev]:
    """The clustered events that may take the pending ones: same types near their dates, and every event of
    the articles published within `STORY_WINDOW_DAYS` of theirs (candidates for one story)."""
    starts = [e.start for e in pending if e.start is not None]
    ends = [e.end for e in pending if e.end is not None]
    types = sorted({e.type for e in pending})
    by_type = f"e.type IN ({', '.join('?' for _ in types)})"
    params: list[Any] = list(types)
    if starts and ends and len(starts) == len(pending):
        # Only clusters near the new events' dates can take them (the window covers weak dates).
        slack = dt.timedelta(days=PUBLICATION_WINDOW_DAYS)
        days = 2 * PUBLICATION_WINDOW_DAYS
        by_type += (f" AND coalesce(e.date_end, {_PUB} + INTERVAL {days} DAY) >= ?"
                    f" AND coalesce(e.date_start, {_PUB} - INTERVAL {days} DAY) <= ?")
        params += [min(starts) - slack, max(ends) + slack]
    where = f"({by_type})"
    published = [e.published for e in pending if e.published is not None]
    if published:
        window = dt.timedelta(days=2 * STORY_WINDOW_DAYS)  # a story's earlier articles weigh on who joins it
        where += f" OR {_PUB} BETWEEN ? AND ?"
        params += [min(published) - window, max(published) + window]
    return _load(store.con.execute(_EVENT_SQL + f" WHERE e.cluster_id IS NOT NULL AND ({where})", params).fetchall())


def _drop_orphans(store: Store) -> None:
    """Delete clusters no event points to (their events were re-coded away)."""
    store.con.execute("DELETE FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM events e "
                      "WHERE e.cluster_id = c.cluster_id)")


_MEMBER_SQL = f"""
SELECT e.cluster_id, e.event_id, e.doc_id, coalesce(d.duplicate_of, e.doc_id), {_PUB},
       e.outlet, e.type, e.mode, e.source_code, e.target_code, e.source_country, e.target_country,
       e.date_value, e.date_start, e.date_end, e.date->>'method', e.granularity, e.location, e.factuality,
       e.mentions, e.confidence, e.quad_class, e.goldstein, e.cameo_code, (e.evidence->>'char_start')::INT
FROM events e JOIN documents d USING (doc_id) WHERE list_contains(?, e.cluster_id)
"""
_MEMBER_KEYS = ("cluster_id", "event_id", "doc_id", "root", "published", "outlet", "type", "mode", "source_code",
                "target_code", "source_country", "target_country", "date_value", "date_start", "date_end",
                "method", "granularity", "location", "factuality", "mentions", "confidence", "quad_class",
                "goldstein", "cameo_code", "char_start")
_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5}


def _rewrite(store: Store, cluster_ids: Sequence[str]) -> None:
    """Recompute the `clusters` rows of these clusters from their events."""
    if not cluster_ids:
        return
    members: dict[str, list[dict[str, Any]]] = {}
    for row in store.con.execute(_MEMBER_SQL, [list(cluster_ids)]).fetchall():
        m = dict(zip(_MEMBER_KEYS, row))
        members.setdefault(m["cluster_id"], []).append(m)
    store.con.execute("DELETE FROM clusters WHERE list_contains(?, cluster_id)", [list(cluster_ids)])
    rows = [summarise(cid, evs) for cid, evs in sorted(members.items())]
    if rows:
        store._insert("clusters", rows)


def summarise_factuality(values: Iterable[str]) -> tuple[str, bool]:
    """A cluster's factuality and whether it is contested.

    Contested: asserted or claimed by some events, denied or negated by others;
    such a cluster is `claimed` (a party says it happened, another says not).
    Otherwise a denial or negation wins (the party concerned says it did not
    happen), else the most certain value present.
    """
    present = set(values)
    positive, negative = present & _POSITIVE, present & _NEGATIVE
    if positive and negative:
        return Factuality.CLAIMED.value, True
    if negative:
        return (Factuality.DENIED if Factuality.DENIED.value in negative else Factuality.NEGATED).value, False
    for f in _CERTAINTY:
        if f.value in present:
            return f.value, False
    return Factuality.ASSERTED.value, False


def summarise(cluster_id: str, events: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The `clusters` row for a cluster's member events (dicts with `_MEMBER_KEYS`)."""
    events = sorted(events, key=lambda m: (m["published"] or dt.date.max, m["doc_id"], m["char_start"] or 0))
    head = max(events, key=lambda m: (m["factuality"] == Factuality.ASSERTED.value, m["mentions"], m["confidence"]))
    dated = min(events, key=lambda m: (m["method"] in _WEAK_DATES or m["date_start"] is None,
                                       _GRANULARITY_RANK.get(m["granularity"], 9)))
    places = Counter(json.dumps(m["location"], sort_keys=True) if not isinstance(m["location"], str)
                     else m["location"] for m in events if m["location"])
    location = json.loads(places.most_common(1)[0][0]) if places else None
    factualities = Counter(m["factuality"] for m in events)
    # A story cluster may hold several event types (the accusation and the reply): a claim is contested
    # only by a denial of the same type of event, and the cluster's factuality is that of its head's type.
    by_type: dict[str, set[str]] = {}
    for m in events:
        by_type.setdefault(m["type"], set()).add(m["factuality"])
    factuality = summarise_factuality(by_type[head["type"]])[0]
    contested = any(summarise_factuality(v)[1] for v in by_type.values())
    modes = Counter(m["mode"] for m in events if m["mode"])
    published = [m["published"] for m in events if m["published"] is not None]
    return {
        "cluster_id": cluster_id, "type": head["type"],
        "mode": modes.most_common(1)[0][0] if modes else None,
        "source_code": head["source_code"], "target_code": head["target_code"],
        "source_country": head["source_country"], "target_country": head["target_country"],
        "date_value": dated["date_value"], "date_start": dated["date_start"], "date_end": dated["date_end"],
        "location": location, "factuality": factuality, "factualities": dict(sorted(factualities.items())),
        "num_mentions": sum(m["mentions"] or 1 for m in events),
        "num_articles": len({m["root"] for m in events}),
        "num_sources": len({m["outlet"] or m["root"] for m in events}),
        "outlets": sorted({m["outlet"] or m["root"] for m in events}),
        "contested": contested,
        "first_seen": min(published) if published else None,
        "last_seen": max(published) if published else None,
        "event_ids": [m["event_id"] for m in events],
        "quad_class": head["quad_class"], "goldstein": head["goldstein"], "cameo_code": head["cameo_code"],
    }
