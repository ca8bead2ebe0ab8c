"""Merge the mentions of one event within an article into one event.

Two mentions are one event when they have the same type, compatible actors
(the same source person or country, and the same sector where both give one, except
organs of one state in an international event; direction-free for reciprocal types) and
overlapping dates (a publication-day fallback overlaps anything; inside one
country, where every party shares the code, undated mentions must name the same
actors). The merged event keeps the most specific date, place and actors found in
any mention and the strongest factuality evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from .records import Actor, DateValue, Event, Mention, stable_id
from .vocab import RECIPROCAL_TYPES, DateMethod, EventType, Factuality, Granularity, SectionRole

#: Which factuality wins when mentions disagree: a denial by a party beats a report.
FACTUALITY_STRENGTH = {
    Factuality.DENIED: 7, Factuality.NEGATED: 6, Factuality.ASSERTED: 5, Factuality.CLAIMED: 4,
    Factuality.UNVERIFIED: 3, Factuality.PLANNED: 2, Factuality.HYPOTHETICAL: 1,
}
_GRANULARITY_RANK = {Granularity.DAY: 0, Granularity.WEEK: 1, Granularity.MONTH: 2, Granularity.QUARTER: 3,
                     Granularity.SEASON: 3, Granularity.YEAR: 4, Granularity.DECADE: 5}
_WEAK_DATES = (DateMethod.PUBLICATION, DateMethod.UNKNOWN)


#: Organs of one state: "Moscow" and "Russian forces" may be one party of an international event.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _same_party(a: Actor | None, b: Actor | None, strict_names: bool, domestic: bool) -> bool:
    if a is None or b is None or a.implied or b.implied:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if strict_names and a.name and b.name and a.name != b.name and (
            (a.sector and b.sector) or a.country is None or b.country is None):
        return False  # two named people; or a name we cannot code, which matches only itself
    if a.sector and b.sector and a.sector != b.sector and (domestic or not {a.sector, b.sector} <= _STATE_SECTORS):
        return False  # in domestic politics the White House and Congress, a party and a group are two sides
    return True


def _domestic(m: Mention) -> bool:
    return bool(m.source and m.target and m.source.country and m.source.country == m.target.country)


def _known_overlap(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and a.country is not None and a.country == b.country \
        and not (a.implied or b.implied)


def _dates_overlap(a: DateValue, b: DateValue) -> bool:
    if a.method in _WEAK_DATES or b.method in _WEAK_DATES:
        return True
    if not (a.start and a.end and b.start and b.end):
        return a.value == b.value
    return a.start <= b.end and b.start <= a.end


def _oriented(m: Mention, ref: Mention) -> tuple[Actor | None, Actor | None]:
    """m's actors, swapped when the type is reciprocal and the swapped dyad is ref's."""
    if (m.type in RECIPROCAL_TYPES or m.cameo.code == _SIGNING) and ref.source and ref.target and m.source and m.target \
            and m.target.country == ref.source.country and m.source.country == ref.target.country \
            and m.source.country != ref.source.country:
        return m.target, m.source
    return m.source, m.target


#: CAMEO 057 "sign formal agreement" is the formal act of an agreement reached (AGREE).
_SIGNING = "057"


def same_type(a: Mention, b: Mention) -> bool:
    """Same PLOVER type, or an agreement and its signing."""
    if a.type == b.type:
        return not (a.mode and b.mode and a.mode != b.mode)
    pair = {a.type, b.type}
    return pair == {EventType.AGREE, EventType.SUPPORT} and _SIGNING in (a.cameo.code, b.cameo.code)


def same_event(a: Mention, b: Mention) -> bool:
    """True when two mentions of one article describe one event."""
    if not same_type(a, b):
        return False
    # A plain negation ("X has never been attacked") is a statement of its own, not
    # a mention of an event another sentence asserts or reports.
    if (a.factuality is Factuality.NEGATED) != (b.factuality is Factuality.NEGATED):
        return False
    # A denial merges with the reports it denies, not with an event the text asserts; nor does
    # an act only threatened, demanded or conditional ("threatened to fire missiles near Guam").
    if {a.factuality, b.factuality} in ({Factuality.ASSERTED, Factuality.DENIED},
                                         {Factuality.ASSERTED, Factuality.HYPOTHETICAL}):
        return False
    src, tgt = _oriented(b, a)
    domestic = _domestic(a) or _domestic(b)
    if not (_same_party(a.source, src, True, domestic) and _same_party(a.target, tgt, False, domestic)):
        return False
    if not (_known_overlap(a.source, src) or _known_overlap(a.target, tgt)):
        return False
    if a.location and b.location and a.location.country and b.location.country \
            and a.location.country != b.location.country:
        return False  # placed in two countries: a launch over Japan is not the threatened one near Guam
    if domestic and (a.date.method in _WEAK_DATES or b.date.method in _WEAK_DATES) and not (
            _same_name(a.source, src) and _same_name(a.target, tgt, missing_ok=True)):
        # Inside one country every party shares its code: undated mentions are one event only
        # when they name the same actors ("Trump asked Pelosi" is not "Democrats told Pelosi").
        return False
    return _dates_overlap(a.date, b.date)


def _same_name(a: Actor | None, b: Actor | None, missing_ok: bool = False) -> bool:
    if a is None or b is None or a.name is None or b.name is None:
        return missing_ok
    return a.name == b.name and a.sector == b.sector


def _date_rank(d: DateValue) -> tuple[int, int]:
    weak = 1 if d.method in _WEAK_DATES else 0
    return weak, _GRANULARITY_RANK.get(d.granularity, 9) if d.granularity else 9


def _actor_rank(a: Actor | None) -> int:
    """How much a mention's actor says: any party the text names beats an implied one."""
    if a is None:
        return 0
    if a.implied:
        return 1
    return 2 * (sum(x is not None for x in (a.country, a.name)) + (a.sector not in (None, "UNK")))


def merge(mentions: Sequence[Mention], coder_version: str = "") -> list[Event]:
    """Group an article's mentions into events, in order of first mention."""
    groups: list[list[Mention]] = []
    for m in mentions:
        for group in groups:
            if all(same_event(g, m) for g in group):
                group.append(m)
                break
        else:
            groups.append([m])
    return [_event(g, coder_version) for g in groups]


def _event(group: list[Mention], coder_version: str) -> Event:
    first = group[0]
    body = [m for m in group if m.evidence.section is SectionRole.BODY]
    shown = max(body or group, key=lambda m: (m.date.method not in _WEAK_DATES, m.confidence,
                                               -m.evidence.char_start))
    oriented = [(m, *_oriented(m, shown)) for m in group]
    dated = min(group, key=lambda m: _date_rank(m.date))
    placed = [m for m in group if m.location is not None]
    location = None
    if placed:
        location = max(placed, key=lambda m: m.location.lat is not None).location  # type: ignore[union-attr]
    source = max((s for _, s, _ in oriented), key=_actor_rank)
    target = max((t for _, _, t in oriented), key=_actor_rank)
    fact = max(group, key=lambda m: FACTUALITY_STRENGTH[m.factuality])
    confidence = min(0.99, max(m.confidence for m in group) + 0.03 * (len(group) - 1))
    return Event(
        event_id=stable_id(first.doc_id, first.evidence.trigger_start, first.type),
        doc_id=first.doc_id, cluster_id=None, type=first.type,
        mode=next((m.mode for m in group if m.mode), None),
        context=tuple(dict.fromkeys(c for m in group for c in m.context)),
        source=source, target=target, factuality=fact.factuality, attributed_to=fact.attributed_to,
        date=dated.date, location=location, evidence=shown.evidence,
        cameo=shown.cameo if shown.mode == first.mode else first.cameo,
        confidence=round(confidence, 3), mentions=len(group),
        mention_ids=tuple(m.mention_id for m in group), date_reason=dated.date_reason,
        coder_version=coder_version)
