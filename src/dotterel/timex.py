"""Temporal expressions: find them in news text and resolve them to TimeML values.

`find` spots date expressions in prose; `resolve` turns one expression, read in
its sentence, into a TimeML-style value ("2021-04", "2021-W23", "PAST_REF", …)
against the document creation date (DCT) and, where the text anchors it,
another date; `to_date_value` gives the calendar form that event records carry.
The rules of English live in `_timex_rules` (what they read around the
expression, tense above all, in `_timex_context`), the date arithmetic in
`_timex_calendar`, the vocabulary and patterns in `data/timex.yaml` (compiled
by `_timex_vocab`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from . import _timex_rules as rules
from ._timex_calendar import REFS, Date, range_of
from .records import DateValue
from .vocab import DateMethod, Granularity

__all__ = ["Timex", "find", "resolve", "to_date_value"]

#: Where a sentence ends, when resolve() is given a whole text.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]”’]*\s+(?=[A-Z\"“‘])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Timex:
    """One resolved temporal expression.

    `value` is the TimeML-style value, with `X` for parts that cannot be
    resolved; `first_day`/`last_day` is the calendar range it covers (None
    when it has none); `reason` says in one line how it was resolved.
    """

    text: str
    start: int
    end: int
    value: str
    granularity: Granularity | None
    first_day: Date | None
    last_day: Date | None
    method: DateMethod
    reason: str



# ---------------------------------------------------------------- public API

def _as_date(published: Date | str | None) -> Date | None:
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, Date):
        return published
    if isinstance(published, str):
        try:
            return Date.fromisoformat(published.strip()[:10])
        except ValueError as exc:
            raise ValueError(f"creation date {published!r} is not an ISO date") from exc
    raise TypeError(f"published must be a date, an ISO string or None, not {type(published).__name__}")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of `text` around start:end (all of `text` when it is one)."""
    abbrev = set(rules._vocab().words["abbreviations"])
    ends = []
    for m in _SENTENCE_END.finditer(text):
        word = re.search(r"(\w+)\.$", text[:m.start()])
        if word is None or not (len(word.group(1)) == 1 or word.group(1).lower() in abbrev):
            ends.append(m)
    lo = max((m.end() for m in ends if m.end() <= start), default=0)
    hi = min((m.start() + 1 for m in ends if m.start() >= end), default=len(text))
    return lo, hi


#: How deep other expressions of the sentence are resolved to read one: the
#: second level lets "the quarter ended [Oct. 31]" see that quarter's own apposition.
_MAX_DEPTH = 2


def _context(sentence: str, start: int, end: int, dct: Date | None, anchor: Date | None, *, depth: int) -> rules._Ctx:
    """What the rules may read about the expression `sentence[start:end]`;
    `depth` counts how many expressions are being resolved around this one."""
    lo, hi = _sentence_bounds(sentence, start, end)
    norm, idx = rules._normalize(sentence[lo:hi])
    a, b = bisect.bisect_left(idx, start - lo), bisect.bisect_left(idx, end - lo)
    left, right = norm[:a].rstrip(), norm[b:].lstrip(" '\".,")
    expr = rules._clean(sentence[start:end])
    mod = re.search(r"\b(last|next|this past|this coming|this|early|late|mid)[- ]?$", left)
    if mod and not re.match(r"(?:last|next|this|early|late|mid)\b", expr):
        expr = f"{mod.group(1)} {expr}"  # "killed last [Oct. 23]": the modifier is outside the span
    if re.fullmatch(r"(?:\S+ )?(?:days|weeks|months|years|decades)|\S*\d\S* \S+|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\S+teen|\S+ty) (?:day|week|month|year|decade)s?", expr):
        if re.search(r"\b(?:in|within)$", left):
            expr = f"in {expr}"  # "redeemed in [five years]": a shift forward
        elif (after := re.match(r"(before|after|earlier|later|ago)\b", right)):
            expr = f"{expr} {after.group(1)}"  # "[10 days] before the vote"

    @functools.cache
    def others() -> list[tuple[int, int, rules._R]]:
        if depth >= _MAX_DEPTH:
            return []
        return [(lo + s, lo + e, rules.apply(_context(sentence, lo + s, lo + e, dct, None, depth=depth + 1)))
                for s, e in find(sentence[lo:hi]) if lo + e <= start or lo + s >= end]

    return rules._Ctx(expr, sentence, start, end, dct, anchor, left, right, (lo, hi), others)


def resolve(sentence: str, start: int, end: int, published: Date | str | None,
            *, anchor: Date | None = None) -> Timex:
    """Resolve the expression `sentence[start:end]` to a TimeML-style value.

    Args:
        sentence: the sentence (or any text) that holds the expression; tense and
            other dates around the expression are read from it.
        start, end: the expression's span in `sentence`.
        published: the document creation date (ISO string or date), or None when
            unknown: then relative expressions get `X` parts and method unknown,
            while explicit dates still resolve.
        anchor: a date the caller knows the text anchors this expression to
            ("days after" the statement, "a year earlier"); it wins over
            dates found in the sentence.
    """
    if not isinstance(sentence, str):
        raise TypeError(f"sentence must be str, not {type(sentence).__name__}")
    if not 0 <= start <= end <= len(sentence):
        raise ValueError(f"span {start}:{end} is outside a sentence of {len(sentence)} characters")
    r = rules.apply(_context(sentence, start, end, _as_date(published), anchor, depth=0))
    gran, first, last = range_of(r.value)
    return Timex(sentence[start:end], start, end, r.value, gran, first, last, r.method, r.reason)


def find(text: str) -> list[tuple[int, int]]:
    """Every date expression in `text` as (start, end) spans, non-overlapping, in order.

    Month names that are also words ("May", "March") count only with a day, a
    year or a preposition; month and weekday names must be capitalised; a
    four-digit number is a year unless money, a percentage or a count.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    v = rules._vocab()
    norm, idx = rules._normalize(text)
    cands: list[tuple[int, int]] = []
    titles = ("mr", "mrs", "ms", "dr", "miss", "st", "gen", "sen", "rep", "lt", "col")
    for pat in v.finders:
        for m in pat.finditer(norm):
            s, e = m.span("s") if "s" in pat.groupindex and m.group("s") else m.span()
            if e <= s or not _plausible(m, norm, idx, text, titles):
                continue
            cands.append((s, e))
    cands.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    spans: list[tuple[int, int]] = []
    taken = 0  # end of the last kept candidate, in normalised offsets like the candidates
    for s, e in cands:
        if spans and s < taken:
            continue
        spans.append((idx[s], idx[e - 1] + 1))
        taken = e
    return spans


def _plausible(m: re.Match[str], norm: str, idx: list[int], text: str, titles: tuple[str, ...]) -> bool:
    """Filters a finder match: capitalised names, no "Mr. August", no $2021."""
    v = rules._vocab().words
    for group in ("month", "weekday"):
        if group in m.re.groupindex and m.group(group) and not text[idx[m.start(group)]].isupper():
            return False
    before = norm[:m.start()].split()
    if before and before[-1] in titles:
        return False
    if "year" in m.re.groupindex and m.group("year") and not m.group("year").startswith("'"):
        pre = norm[:m.start("year")].split()[-1:]
        if pre and any(pre[0].endswith(x) for x in v["not_year_before"] if x):
            return False
        post = norm[m.end("year"):].lstrip()
        noun = re.match(r"[a-z]{3,}s\b", post)  # "2000 vehicles" counts; "the 1998 bombings" dates
        if noun and not (pre and pre[0] in v["year_determiners"]) and noun.group(0) not in v["seasons"]:
            return False
        if any(re.match(rf"{re.escape(x)}\b" if x[-1].isalpha() else re.escape(x), post) for x in v["not_year_after"]):
            return False
    return True


def to_date_value(t: Timex, published: Date | str | None) -> DateValue:
    """The calendar form of `t` for event records (records.DateValue).

    PRESENT_REF becomes the publication day (method relative); PAST_REF,
    FUTURE_REF and values with nothing resolved become value None, method
    unknown; a partly resolved value keeps its known part ("1989-WXX" → 1989).
    """
    dct = _as_date(published)
    if t.value == "PRESENT_REF":
        if dct is None:
            return DateValue(None, None, None, None, t.text, DateMethod.UNKNOWN)
        return DateValue(dct.isoformat(), Granularity.DAY, dct.isoformat(), dct.isoformat(), t.text, DateMethod.RELATIVE)
    value, (gran, first, last) = t.value, (t.granularity, t.first_day, t.last_day)
    if first is None and value not in REFS:
        known = re.match(r"\d{4}(?:-\d\d(?=-XX))?", value)
        if known:
            value = known.group(0)
            gran, first, last = range_of(value)
    if first is None or last is None:
        return DateValue(None, None, None, None, t.text, DateMethod.UNKNOWN)
    return DateValue(value, gran, first.isoformat(), last.isoformat(), t.text, t.method)
