"""Temporal expressions: find them in news text and resolve them to TimeML values.

`find` spots date expressions in prose; `resolve` turns one expression, read in
its sentence, into a TimeML-style value ("2021-04", "2021-W23", "PAST_REF", …)
against the document creation date (DCT) and, where the text anchors it, another
date; `to_date_value` gives the calendar form that event records carry.

The resolver is a list of rules of English: a pattern over the normalised
expression (the patterns and every word list live in `data/timex.yaml`) and a
handler that does the date arithmetic. Tense read around the expression decides
between the past and the future reading of "Friday", "in April" or "Dec. 7":
news reports mostly past events, so the past is the default for weekdays and
months, and the nearest date for a month and day with no tense cue.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .datafiles import load_yaml
from .errors import DataError
from .records import DateValue
from .vocab import DateMethod, Granularity

__all__ = ["Timex", "find", "resolve", "to_date_value"]

Date = dt.date
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


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


@dataclass(frozen=True, slots=True)
class _R:
    """A rule's answer before its calendar range is worked out."""

    value: str
    method: DateMethod
    reason: str


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What a rule may look at: the expression, its sentence, the dates."""

    expr: str
    sentence: str
    start: int
    end: int
    dct: Date | None
    anchor: Date | None
    left: str      # normalised sentence before the span
    right: str     # normalised sentence after the span
    nested: bool   # True when resolving a candidate anchor (no recursion)


# ---------------------------------------------------------------- vocabulary

@dataclass(frozen=True, slots=True)
class _Vocab:
    words: dict[str, Any]
    classes: dict[str, str]
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    finders: tuple[re.Pattern[str], ...]


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _vocab() -> _Vocab:
    """The word classes and compiled patterns of `data/timex.yaml`."""
    w = load_yaml("timex.yaml")
    if not isinstance(w, dict) or "rules" not in w or "find" not in w:
        raise DataError("timex.yaml: needs `rules` and `find`")
    ords = dict(w["ordinals"])
    tens = {"twenty": 20, "thirty": 30}
    for t, tv in tens.items():
        for o, ov in list(w["ordinals"].items()):
            if ov < 10 and o != "last":
                ords[f"{t}-{o}"] = tv + ov
                ords[f"{t} {o}"] = tv + ov
    w["ordinals"] = ords
    day_words = [o for o, v in ords.items() if o != "last" and v <= 31]
    classes = {
        "month": rf"(?P<month>\b(?:{_alt(w['months'])})\b)",
        "weekday": rf"(?P<weekday>\b(?:{_alt(w['weekdays'])})\b)",
        "day": rf"(?P<day>\b(?:[0-3]?\d(?:st|nd|rd|th)?|{_alt(day_words)})\b)",
        "year": r"(?P<year>(?<![\d,])(?:1[0-9]|20)\d\d(?![\d,])|'\d\d\b)",
        "ordinal": rf"(?P<ordinal>\b(?:\d\d?(?:st|nd|rd|th)|{_alt(ords)})\b)",
        "num": rf"(?P<num>\b(?:\d+|{_alt(list(w['numbers']) + list(w['vague_numbers']))})\b)",
        "unit": rf"(?P<unit>\b(?:{_alt(w['units'])})\b)",
        "season": rf"(?P<season>\b(?:{_alt(w['seasons'])})\b)",
        "decword": rf"(?P<decword>\b(?:{_alt(w['decade_words'])})\b)",
        "holiday": rf"(?P<holiday>\b(?:{_alt(w['holidays'])})\b)",
        "tod": rf"(?:{_alt(w['times_of_day'])})",
    }

    def compile_(pat: str, name: str) -> re.Pattern[str]:
        try:
            return re.compile(re.sub(r"\{([a-z]+)\}", lambda m: classes[m.group(1)], pat))
        except (KeyError, re.error) as exc:
            raise DataError(f"timex.yaml: bad pattern {name!r}: {exc}") from exc

    rules = tuple((name, compile_(pat, name)) for name, pat in w["rules"])
    finders = tuple(compile_(pat, f"find[{i}]") for i, pat in enumerate(w["find"]))
    return _Vocab(w, classes, rules, finders)


def _normalize(text: str) -> tuple[str, list[int]]:
    """Lower-case `text`, drop dots/commas not between digits, straighten quotes,
    collapse spaces; return it with the original index of every kept character."""
    out: list[str] = []
    idx: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        c = ch.lower()
        if c in "’‘`´":
            c = "'"
        elif c in ".,":
            if not (0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()):
                continue
        elif c.isspace() or c == "_":
            c = " "
            if out and out[-1] == " ":
                continue
        out.append(c)
        idx.append(i)
    return "".join(out), idx


def _clean(expr: str) -> str:
    """The normalised expression without articles and edge punctuation."""
    e = _normalize(expr)[0].strip(" '\"()[]-;:!?")
    e = re.sub(r"'s$", "", e).strip()
    return re.sub(r"^(?:the )+(?=\S)", "", e)


# ---------------------------------------------------------------- date arithmetic

def _ym(year: int, month: int, shift: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + shift
    return k // 12, k % 12 + 1


def _add(d: Date, unit: str, n: int) -> Date:
    """`d` shifted by n units (month arithmetic clamps the day)."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit in ("week", "fortnight", "weekend"):
        return d + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    months = n * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    y, m = _ym(d.year, d.month, months)
    last = (Date(*_ym(y, m, 1), 1) - dt.timedelta(days=1)).day if 1 <= y <= 9998 else 28
    return Date(max(1, min(y, 9998)), m, min(d.day, last))


def _week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def _latest_quarter(d: Date) -> tuple[int, int]:
    """The most recent completed calendar quarter before `d`."""
    q = _quarter(d) - 1
    return (d.year, q) if q else (d.year - 1, 4)


def _fmt(d: Date, gran: str) -> str:
    """`d` written as a TimeML value at granularity `gran`."""
    return {
        "day": d.isoformat(), "week": _week(d), "fortnight": _week(d), "weekend": _week(d),
        "month": d.isoformat()[:7], "quarter": f"{d.year}-Q{_quarter(d)}",
        "year": f"{d.year:04d}", "decade": f"{d.year // 10:03d}", "century": f"{d.year // 100:02d}",
    }[gran]


def _pick(cands: list[Date], dct: Date, mode: str) -> Date | None:
    """Choose among candidate dates: the latest not after `dct` (past), the
    earliest not before (future), strictly so (last/next), or the nearest."""
    if mode == "past":
        ok = [c for c in cands if c <= dct]
        return max(ok) if ok else None
    if mode == "future":
        ok = [c for c in cands if c >= dct]
        return min(ok) if ok else None
    if mode == "last":
        ok = [c for c in cands if c < dct]
        return max(ok) if ok else None
    if mode == "next":
        ok = [c for c in cands if c > dct]
        return min(ok) if ok else None
    return min(cands, key=lambda c: (abs((c - dct).days), c > dct))


def _month_date(month: int, dct: Date, mode: str) -> Date:
    """The year of a month named without one. "last"/"next" skip the month
    right before/after the DCT's, which English calls "last/next month"."""
    first = Date(dct.year, dct.month, 1)
    cands = [Date(dct.year + k, month, 1) for k in (-2, -1, 0, 1, 2)]
    if mode in ("last", "next"):
        adjacent = Date(*_ym(dct.year, dct.month, -1 if mode == "last" else 1), 1)
        cands = [c for c in cands if c != adjacent]
    chosen = _pick(cands, first, mode)
    assert chosen is not None
    return chosen


def _md_date(month: int, day: int, dct: Date, mode: str) -> Date | None:
    cands = []
    for k in (-1, 0, 1):
        try:
            cands.append(Date(dct.year + k, month, day))
        except ValueError:
            continue
    return _pick(cands, dct, mode) if cands else None


def _weekday_date(wd: int, dct: Date, mode: str) -> Date:
    cands = [dct + dt.timedelta(days=k) for k in range(-7, 8) if (dct.weekday() + k) % 7 == wd]
    chosen = _pick(cands, dct, "past" if mode == "nearest" else mode)
    assert chosen is not None
    return chosen


def _range(value: str) -> tuple[Granularity | None, Date | None, Date | None]:
    """Granularity and calendar range of a TimeML value (None for X parts)."""
    G = Granularity
    if value in REFS:
        return None, None, None
    shapes: list[tuple[str, Granularity | None]] = [
        (r"(\d{4})-(\d\d)-(\d\d)", G.DAY), (r"(\d{4})-W(\d\d)-WE", G.WEEK), (r"(\d{4})-W(\d\d)", G.WEEK),
        (r"(\d{4})-Q(\d)", G.QUARTER), (r"(\d{4})-H(\d)", G.QUARTER), (r"(\d{4})-(SP|SU|FA|WI)", G.SEASON),
        (r"(\d{4})-(\d\d)", G.MONTH), (r"(\d{4})", G.YEAR), (r"(\d{3})", G.DECADE), (r"(\d{2})", None)]
    for pat, gran in shapes:
        m = re.fullmatch(pat, value)
        if not m:
            continue
        y = int(m.group(1))
        try:
            if gran is G.DAY:
                d = Date(y, int(m.group(2)), int(m.group(3)))
                return gran, d, d
            if gran is G.WEEK:
                mon = Date.fromisocalendar(y, int(m.group(2)), 1)
                if value.endswith("-WE"):
                    return gran, mon + dt.timedelta(days=5), mon + dt.timedelta(days=6)
                return gran, mon, mon + dt.timedelta(days=6)
            if gran in (G.QUARTER, G.MONTH, G.SEASON):
                if gran is G.MONTH:
                    a, b = int(m.group(2)), int(m.group(2))
                elif value[5] == "Q":
                    a, b = 3 * int(m.group(2)) - 2, 3 * int(m.group(2))
                elif value[5] == "H":
                    a, b = 6 * int(m.group(2)) - 5, 6 * int(m.group(2))
                else:
                    a, b = _vocab().words["season_months"][m.group(2)]
                start = Date(*_ym(y, a, -12 if a > b else 0), 1)
                return gran, start, Date(*_ym(y, b, 1), 1) - dt.timedelta(days=1)
            if gran is G.YEAR:
                return gran, Date(y, 1, 1), Date(y, 12, 31)
            if gran is G.DECADE:
                return gran, Date(max(1, y * 10), 1, 1), Date(y * 10 + 9, 12, 31)
            return gran, Date(max(1, y * 100), 1, 1), Date(y * 100 + 99, 12, 31)
        except ValueError:
            return gran, None, None
    for pat, gran in shapes:  # partly unresolved: the shape gives the granularity
        if re.fullmatch(pat.replace(r"\d", r"[\dX]").replace("(SP|SU|FA|WI)", "[A-Z]{2}"), value):
            return gran, None, None
    return None, None, None


# ---------------------------------------------------------------- reading the text

def _int(word: str | None) -> int | None:
    """A number written in digits, as an ordinal, or in words ("twenty-one")."""
    if word is None:
        return None
    w = _vocab().words
    s = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", word.strip())
    if s.isdigit():
        return int(s)
    if s in w["ordinals"]:
        return int(w["ordinals"][s])
    total = 0
    for part in re.split(r"[- ]+", s):
        if part in ("and", ""):
            continue
        v = w["numbers"].get(part, w["ordinals"].get(part))
        if v is None:
            return None
        total += int(v)
    return total or None


def _year(s: str, dct: Date | None) -> int:
    """A year written in full or as '96 (the century nearest the DCT)."""
    if s.startswith("'"):
        base = (dct.year if dct else 1950) - 50
        y = base - base % 100 + int(s[1:])
        return y + 100 if y < base else y
    return int(s)


def _word_year(s: str) -> int | None:
    """ "nineteen ninety-one" → 1991, "two thousand and one" → 2001."""
    parts = s.replace("-", " ").split()
    if parts[:2] == ["two", "thousand"]:
        rest = _int(" ".join(p for p in parts[2:] if p != "and")) if len(parts) > 2 else 0
        return None if rest is None or rest > 99 else 2000 + rest
    head = _int(parts[0])
    if head not in (18, 19, 20) or len(parts) < 2:
        return None
    tail = 0 if parts[1:] == ["hundred"] else _int(" ".join(parts[1:]))
    return None if tail is None or tail > 99 else head * 100 + tail


def _tense(c: _Ctx) -> str | None:
    """'past', 'future' or 'present' from the nearest tense cue around the
    expression, within its quotation (the attribution outside a quote has its own tense)."""
    w = _vocab().words
    prev = re.search(r"(\w+)\s*$", c.left)
    if prev and prev.group(1) in ("by", "until", "till", "effective", "before"):
        return "future"
    if prev and prev.group(1) == "since":
        return "past"
    quotes = [m.start() for m in re.finditer(r"\"|''|``|[“”]", c.sentence)]
    lo = max([q for q in quotes if q < c.start], default=0)
    hi = min([q for q in quotes if q >= c.end], default=len(c.sentence))
    toks = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[A-Za-z][A-Za-z']*", c.sentence)
            if lo <= m.start() and m.end() <= hi]
    low = [t[0].lower() for t in toks]
    cues = {"future": set(w["future_cues"]), "past": set(w["past_cues"]), "present": set(w["present_cues"])}

    def label(i: int) -> str | None:
        if " ".join(low[i:i + 2]) in w["not_cues"] or " ".join(low[i - 1:i + 1]) in w["not_cues"]:
            return None
        for n in (3, 2, 1):
            gram = " ".join(low[i:i + n])
            for tense in ("future", "past", "present"):
                if len(low[i:i + n]) == n and gram in cues[tense]:
                    return tense
        t = low[i]
        if t.endswith("'ll"):
            return "future"
        if (t.endswith("ed") and len(t) >= 4 and toks[i][0][0].islower() and t not in w["not_past"]
                and (i == 0 or low[i - 1] not in w["be_forms"])):
            return "past"
        return None

    before = [i for i, t in enumerate(toks) if t[2] <= c.start][::-1]
    after = [i for i, t in enumerate(toks) if t[1] >= c.end]
    for dist in range(15):
        for seq in (before, after):
            if dist < len(seq) and (lab := label(seq[dist])):
                return lab
    return None


def _mode(c: _Ctx, default: str) -> str:
    """How to place a date named without its year or week: last/next from the
    expression's own words, else the tense, else `default`."""
    if re.search(r"\b(?:last|past|previous)\b", c.expr):
        return "last"
    if re.search(r"\b(?:next|coming|following)\b", c.expr):
        return "next"
    tense = _tense(c)
    return default if tense is None else "nearest" if tense == "present" else tense


def _results_quarter(c: _Ctx) -> int | None:
    """The quarter a sentence reports results for: the one it names, else the
    latest completed one when it talks of quarters, per-share results etc."""
    assert c.dct is not None
    s = c.sentence.lower()
    m = re.search(r"\b(first|second|third|fourth)[- ](?:fiscal )?quarter", s)
    if m:
        return int(_vocab().words["ordinals"][m.group(1)])
    if re.search(rf"\b(?:{_alt(_vocab().words['results_cues'])})\b", s):
        return _latest_quarter(c.dct)[1]
    return None


def _sentence_anchor(c: _Ctx) -> tuple[Date, str] | None:
    """Another date that the sentence names (nearest, preferring one before the
    expression), with its granularity: what "a year earlier" counts from."""
    if c.anchor is not None:
        return c.anchor, "day"
    if c.nested:
        return None
    best: tuple[int, Date, str] | None = None
    for s, e in find(c.sentence):
        if s < c.end and e > c.start:
            continue
        t = _resolve(c.sentence, s, e, c.dct, None, nested=True)
        if t.first_day is None or t.granularity is None or t.method not in (DateMethod.EXPLICIT, DateMethod.RELATIVE):
            continue
        if t.reason.startswith(("relative", "unit")):
            continue  # only dates the text names, not other DCT-relative ones
        dist = c.start - e if e <= c.start else 1000 + s - c.end
        if best is None or dist < best[0]:
            best = (dist, t.first_day, str(t.granularity))
    return (best[1], best[2]) if best else None


# ---------------------------------------------------------------- rules

_Handler = Callable[[re.Match[str], _Ctx], "_R | None"]
_HANDLERS: dict[str, _Handler] = {}


def _rule(*names: str) -> Callable[[_Handler], _Handler]:
    def register(fn: _Handler) -> _Handler:
        for name in names:
            _HANDLERS[name] = fn
        return fn
    return register


def _ex(value: str, reason: str) -> _R:
    return _R(value, DateMethod.EXPLICIT, reason)


def _rel(value: str, reason: str) -> _R:
    return _R(value, DateMethod.RELATIVE, reason)


def _nodct(value: str, what: str) -> _R:
    return _R(value, DateMethod.UNKNOWN, f"{what}: no creation date to resolve against")


def _month_no(m: re.Match[str]) -> int:
    return int(_vocab().words["months"][m.group("month")])


@_rule("iso", "slash", "mdy", "dmy")
def _h_full(m: re.Match[str], c: _Ctx) -> _R | None:
    g = m.groupdict()
    month = int(g["mnum"]) if g.get("mnum") else _month_no(m)
    year = _year(g["year"], c.dct)
    if len(g["year"]) == 2:
        year = _year("'" + g["year"], c.dct)
    try:
        d = Date(year, month, _int(g["day"]) or 0)
    except ValueError:
        return None
    return _ex(d.isoformat(), "full date")


@_rule("iso_month", "my")
def _h_month_year(m: re.Match[str], c: _Ctx) -> _R | None:
    month = int(m.group("mnum")) if "mnum" in m.groupdict() else _month_no(m)
    return _ex(f"{_year(m.group('year'), c.dct):04d}-{month:02d}", "month and year") if 1 <= month <= 12 else None


@_rule("half_year")
def _h_half_year(m: re.Match[str], c: _Ctx) -> _R:
    return _ex(f"{_year(m.group('year'), c.dct)}-H{1 if m.group('which') == 'first' else 2}", "half of a named year")


@_rule("quarter_year", "period_year")
def _h_quarter_year(m: re.Match[str], c: _Ctx) -> _R | None:
    n = _int(m.groupdict().get("ordinal"))
    if n is None and c.dct is not None:
        n = _results_quarter(c) or _latest_quarter(c.dct)[1]
    if m.groupdict().get("ordinal") == "last":
        n = 4
    q = "X" if n is None else str(n)
    return _ex(f"{_year(m.group('year'), c.dct)}-Q{q}", "quarter of a named year") if q == "X" or 1 <= int(q) <= 4 else None


@_rule("season_year")
def _h_season_year(m: re.Match[str], c: _Ctx) -> _R | None:
    y = _word_year(m.group("yw").strip()) if "yw" in m.groupdict() else _year(m.group("year"), c.dct)
    return _ex(f"{y}-{_vocab().words['seasons'][m.group('season')]}", "season of a named year") if y else None


@_rule("present_ref")
def _h_present_ref(m: re.Match[str], c: _Ctx) -> _R:
    return _rel("PRESENT_REF", "the present moment")


@_rule("century")
def _h_century(m: re.Match[str], c: _Ctx) -> _R | None:
    n = _int(m.group("ordinal"))
    return _ex(f"{n - 1:02d}", "ordinal century") if n and 1 <= n <= 100 else None


@_rule("decade_num", "decade_word")
def _h_decade(m: re.Match[str], c: _Ctx) -> _R:
    g = m.groupdict()
    if g.get("dec"):
        return _ex(g["dec"], "decade")
    digit = int(g["dd"]) if g.get("dd") else int(_vocab().words["decade_words"][g["decword"]])
    if c.dct is None:
        return _ex(f"19{digit}", "decade named without its century: the 1900s assumed")
    dec = (c.dct.year // 100) * 10 + digit
    dec = dec - 10 if dec * 10 > c.dct.year else dec
    return _ex(f"{dec:03d}", f"decade without century: most recent not after {c.dct.year}")


@_rule("year_word")
def _h_year_word(m: re.Match[str], c: _Ctx) -> _R | None:
    y = _word_year(m.group("yw").strip())
    return _ex(f"{y:04d}", "year in words") if y else None


@_rule("year")
def _h_year(m: re.Match[str], c: _Ctx) -> _R:
    return _ex(f"{_year(m.group('year'), c.dct):04d}", "named year")


@_rule("weekday_date", "md", "week_of")
def _h_month_day(m: re.Match[str], c: _Ctx) -> _R | None:
    month, day = _month_no(m), _int(m.group("day"))
    if day is None or not 1 <= day <= 31:
        return None
    if c.dct is None:
        return _nodct(f"XXXX-{month:02d}-{day:02d}", "month and day")
    mode = _mode(c, "nearest")
    near = _md_date(month, day, c.dct, "nearest")
    if mode not in ("last", "next") and near is not None and abs((near - c.dct).days) <= 90:
        mode = "nearest"  # a date within three months of the DCT is that one, whatever the tense
    d = _md_date(month, day, c.dct, mode)
    if d is None:
        return None
    if m.re.pattern.startswith("week of"):
        return _rel(_week(d), f"week of a month and day ({mode}) from {c.dct}")
    return _rel(d.isoformat(), f"month and day without year: {mode} to {c.dct}")


@_rule("day_rel_weekday")
def _h_day_rel_weekday(m: re.Match[str], c: _Ctx) -> _R:
    wd = int(_vocab().words["weekdays"][m.group("weekday")])
    if c.dct is None:
        return _nodct("XXXX-XX-XX", "day before/after a weekday")
    rel = {"last": "last", "next": "next"}.get(m.group("rel") or "", _tense(c) or "past")
    d = _weekday_date(wd, c.dct, rel) + dt.timedelta(days=-1 if m.group("dir") == "before" else 1)
    return _R(d.isoformat(), DateMethod.WEEKDAY, f"day {m.group('dir')} a weekday ({rel}) from {c.dct}")


@_rule("weekday")
def _h_weekday(m: re.Match[str], c: _Ctx) -> _R:
    wd = int(_vocab().words["weekdays"][m.group("weekday")])
    if c.dct is None:
        return _nodct(f"XXXX-WXX-{wd + 1}", "weekday")
    mode = _mode(c, "past")
    d = _weekday_date(wd, c.dct, mode)
    return _R(d.isoformat(), DateMethod.WEEKDAY, f"weekday: {mode} relative to {c.dct}")


@_rule("month")
def _h_month(m: re.Match[str], c: _Ctx) -> _R:
    month = _month_no(m)
    if c.dct is None:
        return _nodct(f"XXXX-{month:02d}", "month without year")
    yr = re.search(r"\b(this|last|next) year\b", c.expr)
    if yr:
        y = c.dct.year + {"this": 0, "last": -1, "next": 1}[yr.group(1)]
        return _rel(f"{y}-{month:02d}", f"month in {yr.group(0)} from {c.dct}")
    if re.match(r"this (?!past|coming)", c.expr):
        return _rel(f"{c.dct.year}-{month:02d}", "this month-name: the creation year")
    mode = _mode(c, "past")
    d = _month_date(month, c.dct, mode)
    return _rel(d.isoformat()[:7], f"month without year: {mode} relative to {c.dct}")


def _holiday_date(rule: str, year: int) -> Date:
    if rule == "election":  # the Tuesday after the first Monday of November
        first_monday = Date(year, 11, 1) + dt.timedelta(days=(0 - Date(year, 11, 1).weekday()) % 7)
        return first_monday + dt.timedelta(days=1)
    parts = rule.replace("-", " ", 1).split() if "-" in rule[:3] else rule.split()
    if len(parts) == 2:
        return Date(year, int(parts[0]), int(parts[1]))
    month, nth, wd = int(parts[0]), int(parts[1]), int(parts[2])
    if nth > 0:
        first = Date(year, month, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    last = Date(*_ym(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


@_rule("holiday")
def _h_holiday(m: re.Match[str], c: _Ctx) -> _R | None:
    if c.dct is None:
        return _nodct("XXXX-XX-XX", "holiday")
    rule = str(_vocab().words["holidays"][m.group("holiday")])
    mode = _mode(c, "past")
    d = _pick([_holiday_date(rule, c.dct.year + k) for k in (-1, 0, 1)], c.dct, mode)
    return _rel(d.isoformat(), f"holiday: {mode} relative to {c.dct}") if d else None


def _shift(base: Date, gran: str, unit: str, n: int, vague: bool) -> str:
    """`base` moved by n units, written at `gran` (month, for vague shifts)."""
    d = _add(base, unit, n)
    if vague:
        return _fmt(d, "year" if unit in ("month", "quarter") else "month")
    return _fmt(d, gran)


@_rule("ago", "in_n")
def _h_ago(m: re.Match[str], c: _Ctx) -> _R | None:
    g = m.groupdict()
    unit = _vocab().words["units"][g["unit"]]
    raw = (g.get("num") or "").strip()
    n, vague = _int(raw) if raw else None, False
    if n is None:
        n, vague = {"day": 3, "week": 2, "month": 3}.get(unit, 0), True
    if vague and not n:
        return None
    direction = g.get("dir") or "in"
    sign = -1 if direction in ("ago", "earlier", "before", "since") else 1
    if direction in ("earlier", "before", "later", "after"):
        anchor = _sentence_anchor(c)
        if anchor is not None:
            d, gran = anchor
            gran = gran if gran in ("day", "week", "month", "quarter", "year") else unit
            return _rel(_shift(d, gran, unit, sign * n, vague), f"{raw or 'some'} {unit}(s) {direction} a date the text names")
    if c.dct is None:
        return _nodct({"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), "shift")
    if unit == "year" and n == 1 and sign < 0 and not vague:
        q = _results_quarter(c)
        if q is not None:
            return _rel(f"{c.dct.year - 1}-Q{q}", "a year before: the same quarter of last year (results)")
    return _rel(_shift(c.dct, unit, unit, sign * n, vague), f"relative: {raw or 'some'} {unit}(s) {direction} {c.dct}")


_DAY_OFFSETS = {"day before yesterday": -2, "day after tomorrow": 2, "yesterday": -1, "last night": -1,
                "tomorrow": 1}


@_rule("day_word")
def _h_day_word(m: re.Match[str], c: _Ctx) -> _R:
    if c.dct is None:
        return _nodct("XXXX-XX-XX", m.group(0))
    k = _DAY_OFFSETS.get(m.group(0), 0)
    return _rel((c.dct + dt.timedelta(days=k)).isoformat(), f"relative: {m.group(0)} from {c.dct}")


@_rule("year_ago_period")
def _h_year_ago_period(m: re.Match[str], c: _Ctx) -> _R:
    if c.dct is None:
        return _nodct("XXXX", "year-ago period")
    q = _results_quarter(c)
    if re.search(r"quarter|period", c.expr) and q is None:
        q = _latest_quarter(c.dct)[1]
    if q is None or re.search(r"\byear$", c.expr) and not re.search(r"quarter|period", c.expr):
        return _rel(str(c.dct.year - 1), "year-ago: last year")
    return _rel(f"{c.dct.year - 1}-Q{q}", "year-ago period: the same quarter of last year")


@_rule("quarter")
def _h_quarter(m: re.Match[str], c: _Ctx) -> _R | None:
    n = 4 if m.group("ordinal") == "last" else _int(m.group("ordinal"))
    if n is None or not 1 <= n <= 4:
        return None
    if c.dct is None:
        return _nodct(f"XXXX-Q{n}", "quarter")
    rel = m.group("rel") or ""
    y = c.dct.year + (-1 if rel.startswith("last") else 1 if rel.startswith("next") else 0)
    if not rel and n > _quarter(c.dct) and _tense(c) != "future":
        y -= 1
    return _rel(f"{y}-Q{n}", f"quarter without year: most recent reported before {c.dct}")


@_rule("half")
def _h_half(m: re.Match[str], c: _Ctx) -> _R:
    h = 1 if m.group("which") == "first" else 2
    if c.dct is None:
        return _nodct(f"XXXX-H{h}", "half year")
    y = c.dct.year - (1 if h == 2 and c.dct.month <= 6 and _tense(c) != "future" else 0)
    return _rel(f"{y}-H{h}", "half year of the creation year")


@_rule("latest_quarter")
def _h_latest_quarter(m: re.Match[str], c: _Ctx) -> _R:
    if c.dct is None:
        return _nodct("XXXX-QX", "quarter")
    ended = re.match(rf"(?:which )?end(?:ed|ing)(?: on)? {_vocab().classes['month']} {_vocab().classes['day']}", c.right)
    if ended and (day := _int(ended.group("day"))):
        end = _md_date(_month_no(ended), day, c.dct, "past")
        if end is not None:
            return _rel(_fmt(end - dt.timedelta(days=45), "quarter"), "the calendar quarter most of the period ended on the named day covers")
    rel = m.group("rel") or "the"
    start = Date(c.dct.year, 3 * _quarter(c.dct) - 2, 1)
    if rel == "current" or (rel == "this" and (c.dct - start).days > 45):
        return _rel(_fmt(c.dct, "quarter"), "the current quarter")
    if rel in ("next", "coming"):
        return _rel(_fmt(_add(c.dct, "quarter", 1), "quarter"), "the next quarter")
    y, q = _latest_quarter(c.dct)
    return _rel(f"{y}-Q{q}", f"the latest completed quarter before {c.dct}")


@_rule("season")
def _h_season(m: re.Match[str], c: _Ctx) -> _R:
    code = _vocab().words["seasons"][m.group("season")]
    if c.dct is None:
        return _nodct(f"XXXX-{code}", "season")
    rel = m.group("rel") or ""
    mode = {"last": "last", "this past": "last", "past": "last", "next": "next", "coming": "next",
            "this coming": "next"}.get(rel, _tense(c) or "past")
    spans = []
    for y in range(c.dct.year - 2, c.dct.year + 3):
        _, a, b = _range(f"{y}-{code}")
        assert a is not None and b is not None
        spans.append((y, a, b))
    if mode == "last":
        y = max(s[0] for s in spans if s[2] < c.dct)
    elif mode == "next":
        y = min(s[0] for s in spans if s[1] > c.dct)
    elif mode == "future":
        y = min(s[0] for s in spans if s[2] >= c.dct)
    else:
        y = max(s[0] for s in spans if s[1] <= c.dct)
    return _rel(f"{y}-{code}", f"season: {mode} relative to {c.dct}")


@_rule("weekend")
def _h_weekend(m: re.Match[str], c: _Ctx) -> _R:
    if c.dct is None:
        return _nodct("XXXX-WXX-WE", "weekend")
    mode = _mode(c, "past")
    sat = _weekday_date(5, c.dct, "past" if mode == "last" else mode)
    if mode == "last" and sat + dt.timedelta(days=1) >= c.dct:
        sat -= dt.timedelta(days=7)
    return _rel(_week(sat) + "-WE", f"weekend: {mode} relative to {c.dct}")


@_rule("unit_rel", "unit_alone", "year_end")
def _h_unit(m: re.Match[str], c: _Ctx) -> _R | None:
    g = m.groupdict()
    unit = "year" if "unit" not in g else _vocab().words["units"][g["unit"]]
    rel = g.get("rel") or ""
    if c.dct is None:
        return _nodct({"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX"), unit)
    if "unit" not in g:  # year-end
        return _rel(f"{c.dct.year}-12", "the end of the creation year")
    if unit == "quarter":
        return _h_latest_quarter(m, c)
    shift = -1 if rel in ("last", "past", "previous", "latest fiscal", "past fiscal") else 1 if rel in ("next", "coming", "following") else 0
    base = c.dct
    if unit == "day" and not rel and re.search(rf"{_vocab().classes['month']} {_vocab().classes['day']} ?$", c.left):
        anchor = _sentence_anchor(c)   # "Oct. 12, the day before ...": the apposition names it
        if anchor is not None:
            return _rel(anchor[0].isoformat(), "day in apposition to a named date")
    if rel in ("following", "previous", "same", "that") or (unit == "day" and re.match(r"(after|before)\b", c.right)):
        anchor = _sentence_anchor(c)
        if anchor is not None:
            base = anchor[0]
            if unit == "day" and not rel:
                shift = 1 if c.right.startswith("after") else -1
    gran = "month" if unit == "fortnight" else unit
    return _rel(_fmt(_add(base, unit, shift), gran), f"unit: {rel or 'the'} {unit} relative to {base}")


@_rule("bare_day")
def _h_bare_day(m: re.Match[str], c: _Ctx) -> _R | None:
    rng = re.search(r"\b(1[5-9]|20)\d\d[-/]$", c.left)
    if rng and len(m.group("day")) == 2:
        return _ex(rng.group(1) + m.group("day"), "second year of a range")
    md = re.search(rf"{_vocab().classes['month']} \d\d? (?:and|to|through|or|-)$", c.left)
    if md is None:
        return None
    sub = re.match(rf"{_vocab().classes['month']}", md.group(0))
    assert sub is not None
    fake = re.search(r"{0} (?P<day>\d+)".format(_vocab().classes["month"]), f"{sub.group(0)} {m.group('day')}")
    return _h_month_day(fake, c) if fake else None


@_rule("clock")
def _h_clock(m: re.Match[str], c: _Ctx) -> _R | None:
    if c.dct is None:
        return _nodct("XXXX-XX-XX", "time of day")
    if not c.nested:
        for s, e in find(c.sentence):
            if (s >= c.end or e <= c.start) and re.search(r"\d|day|tonight|tomorrow", c.sentence[s:e].lower()):
                t = _resolve(c.sentence, s, e, c.dct, c.anchor, nested=True)
                if t.granularity is Granularity.DAY:
                    return _R(t.value, t.method, "time of day on the day the sentence names")
    base = c.anchor or c.dct
    if re.search(r"\btonight|\bthis (?:morning|afternoon|evening)", c.expr):
        base = c.dct
    return _rel(base.isoformat(), f"time of day: on {base}")


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


def _resolve(sentence: str, start: int, end: int, dct: Date | None, anchor: Date | None, *, nested: bool) -> Timex:
    text = sentence[start:end]
    norm, idx = _normalize(sentence)
    a = next((i for i, o in enumerate(idx) if o >= start), len(idx))
    b = next((i for i, o in enumerate(idx) if o >= end), len(idx))
    left, right = norm[:a].rstrip(), norm[b:].lstrip(" '\".,")
    expr = _clean(text)
    mod = re.search(r"\b(last|next|this past|this coming|this|early|late|mid)[- ]?$", left)
    if mod and not re.match(r"(?:last|next|this|early|late|mid)\b", expr):
        expr = f"{mod.group(1)} {expr}"
    if re.search(r"\b(?:in|within)$", left) and re.fullmatch(r"\S+ (?:days?|weeks?|months?|years?|decades?)", expr):
        expr = f"in {expr}"  # "redeemed in [five years]": a shift forward
    c = _Ctx(expr, sentence, start, end, dct, anchor, left, right, nested)
    w = _vocab().words
    r: _R | None = None
    for ref, key in (("PRESENT_REF", "present_ref"), ("PAST_REF", "past_ref"), ("FUTURE_REF", "future_ref")):
        if expr in w[key] or re.sub(r"^(?:the|in|for|at) ", "", expr) in w[key]:
            method = DateMethod.RELATIVE if ref == "PRESENT_REF" else DateMethod.UNKNOWN
            r = _R(ref, method, f"{ref.split('_')[0].lower()} reference word")
            break
    for name, pat in _vocab().rules if r is None else ():
        m = pat.search(expr)
        if m is not None and (r := _HANDLERS[name](m, c)) is not None:
            break
    if r is None:
        r = _R("XXXX-XX-XX", DateMethod.UNKNOWN, f"no rule of English resolves {expr!r}")
    gran, first, last = _range(r.value)
    return Timex(text, start, end, r.value, gran, first, last, r.method, r.reason)


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
    return _resolve(sentence, start, end, _as_date(published), anchor, nested=False)


def find(text: str) -> list[tuple[int, int]]:
    """Every date expression in `text` as (start, end) spans, non-overlapping, in order.

    Month names that are also words ("May", "March") count only with a day, a
    year or a preposition; month and weekday names must be capitalised; a
    four-digit number is a year unless money, a percentage or a count.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    v = _vocab()
    norm, idx = _normalize(text)
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
    for s, e in cands:
        if spans and s < spans[-1][1]:
            continue
        spans.append((idx[s], idx[e - 1] + 1))
    return spans


def _plausible(m: re.Match[str], norm: str, idx: list[int], text: str, titles: tuple[str, ...]) -> bool:
    """Filters a finder match: capitalised names, no "Mr. August", no $2021."""
    v = _vocab().words
    for group in ("month", "weekday"):
        if group in m.re.groupindex and m.group(group) and not text[idx[m.start(group)]].isupper():
            return False
    before = norm[:m.start()].split()
    if before and before[-1] in titles:
        return False
    if "year" in m.re.groupindex and m.group("year") and not m.group("year").startswith("'"):
        pre = norm[max(0, m.start("year") - 4):m.start("year")].strip().split(" ")[-1:]
        if pre and any(pre[0].endswith(x) for x in v["not_year_before"] if x):
            return False
        post = norm[m.end("year"):].lstrip()
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
            gran, first, last = _range(value)
    if first is None or last is None:
        return DateValue(None, None, None, None, t.text, DateMethod.UNKNOWN)
    return DateValue(value, gran, first.isoformat(), last.isoformat(), t.text, t.method)
