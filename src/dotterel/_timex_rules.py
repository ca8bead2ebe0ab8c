"""The rules of the temporal-expression resolver (dotterel.timex).

A rule is a pattern over the normalised expression (patterns and every word
list live in `data/timex.yaml`) and a handler here that does the arithmetic.
`apply` tries them in order. Tense read around the expression (`_timex_context`)
decides between the past and the future reading of "Friday", "in April" or
"Dec. 7": news reports mostly past events, so the past is the default for
weekdays and months, and the nearest date for a month and day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ._timex_calendar import (Date, add, fmt, holiday_date, latest_quarter, md_date, month_date, pick,
                              quarter, range_of, shift, week, weekday_date)
from ._timex_context import (_apposed_year, _compared, _mode, _period_ended, _results_quarter,
                             _sentence_anchor, _tense)
from ._timex_vocab import _clean, _Ctx, _int, _normalize, _R, _vocab, _word_year, _year
from .vocab import DateMethod, Granularity

__all__ = ["apply", "_Ctx", "_R", "_clean", "_normalize", "_vocab"]


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
        n = _results_quarter(c) or latest_quarter(c.dct)[1]
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
    if (period := _period_ended(c)) is not None:
        try:
            return _rel(Date(period, month, day).isoformat(), "the end day of a period the sentence dates")
        except ValueError:
            return None
    mode = _mode(c, "nearest")
    near = md_date(month, day, c.dct, "nearest")
    if mode not in ("last", "next") and near is not None and abs((near - c.dct).days) <= 90:
        mode = "nearest"  # a date within three months of the DCT is that one, whatever the tense
    d = md_date(month, day, c.dct, mode)
    if d is None:
        return None
    if m.re.pattern.startswith("week of"):
        return _rel(week(d), f"week of a month and day ({mode}) from {c.dct}")
    return _rel(d.isoformat(), f"month and day without year: {mode} to {c.dct}")


@_rule("day_rel_weekday")
def _h_day_rel_weekday(m: re.Match[str], c: _Ctx) -> _R:
    wd = int(_vocab().words["weekdays"][m.group("weekday")])
    if c.dct is None:
        return _nodct("XXXX-XX-XX", "day before/after a weekday")
    rel = {"last": "last", "next": "next"}.get(m.group("rel") or "", _tense(c) or "past")
    d = weekday_date(wd, c.dct, rel) + dt.timedelta(days=-1 if m.group("dir") == "before" else 1)
    return _R(d.isoformat(), DateMethod.WEEKDAY, f"day {m.group('dir')} a weekday ({rel}) from {c.dct}")


@_rule("weekday")
def _h_weekday(m: re.Match[str], c: _Ctx) -> _R:
    wd = int(_vocab().words["weekdays"][m.group("weekday")])
    if c.dct is None:
        return _nodct(f"XXXX-WXX-{wd + 1}", "weekday")
    mode = _mode(c, "past")
    d = weekday_date(wd, c.dct, mode)
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
    d = month_date(month, c.dct, mode)
    return _rel(d.isoformat()[:7], f"month without year: {mode} relative to {c.dct}")


@_rule("holiday")
def _h_holiday(m: re.Match[str], c: _Ctx) -> _R | None:
    if c.dct is None:
        return _nodct("XXXX-XX-XX", "holiday")
    rule = str(_vocab().words["holidays"][m.group("holiday")])
    mode = _mode(c, "past")
    d = pick([holiday_date(rule, c.dct.year + k) for k in (-1, 0, 1)], c.dct, mode)
    return _rel(d.isoformat(), f"holiday: {mode} relative to {c.dct}") if d else None


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
    approx = re.match(r"(?:about|nearly|almost|some|around|roughly|more than|less than|over) ", c.expr)
    direction = g.get("dir") or "in"
    sign = -1 if direction in ("ago", "earlier", "before", "since") else 1
    if direction in ("earlier", "before", "later", "after"):
        anchor = _sentence_anchor(c)
        if anchor is not None:
            d, gran = anchor
            gran = gran if gran in ("day", "week", "month", "quarter", "year") else unit
            return _rel(shift(d, gran, unit, sign * n, vague), f"{raw or 'some'} {unit}(s) {direction} a date the text names")
    if c.dct is None:
        return _nodct({"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), "shift")
    if unit == "year" and n == 1 and sign < 0 and not vague and _compared(c):
        q = _results_quarter(c)
        if q is not None:
            return _rel(f"{c.dct.year - 1}-Q{q}", "a year before: the same quarter of last year (results)")
    value = shift(c.dct, unit, unit, sign * n, vague)
    if approx and unit in ("day", "week") and not vague:  # "nearly two weeks ago": which week is unsaid
        value = value[:7] + "-XX" if unit == "day" else value[:4] + "-WXX"
    return _rel(value, f"relative: {raw or 'some'} {unit}(s) {direction} {c.dct}")


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
        q = latest_quarter(c.dct)[1]
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
    if not rel and (apposed := _apposed_year(c)) is not None:
        return _rel(f"{apposed}-Q{n}", "quarter in apposition to a dated period")
    if not rel and n > quarter(c.dct) and _tense(c) != "future":
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
        end = md_date(_month_no(ended), day, c.dct, "past")
        if end is not None:
            return _rel(fmt(end - dt.timedelta(days=45), "quarter"), "the calendar quarter most of the period ended on the named day covers")
    rel = m.group("rel") or "the"
    start = Date(c.dct.year, 3 * quarter(c.dct) - 2, 1)
    if rel == "current" or (rel == "this" and (c.dct - start).days > 45):
        return _rel(fmt(c.dct, "quarter"), "the current quarter")
    if rel in ("next", "coming"):
        return _rel(fmt(add(c.dct, "quarter", 1), "quarter"), "the next quarter")
    y, q = latest_quarter(c.dct)
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
        _, a, b = range_of(f"{y}-{code}")
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
    sat = weekday_date(5, c.dct, "past" if mode == "last" else mode)
    if mode == "last" and sat + dt.timedelta(days=1) >= c.dct:
        sat -= dt.timedelta(days=7)
    return _rel(week(sat) + "-WE", f"weekend: {mode} relative to {c.dct}")


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
            elif unit == "day" and rel in ("same", "that") and anchor[1] in ("month", "year"):
                # "in October ... that same day": a day of the named month, which one unsaid
                return _rel(fmt(base, "month") + "-XX" if anchor[1] == "month" else f"{base.year}-XX-XX",
                            "the same day as a date the text names only to its month or year")
    if unit == "week" and rel in ("", "the"):
        return _rel(f"{c.dct.year}-WXX", "the week, no relation word: which week is unsaid")
    if unit == "day" and re.match(rf"{_vocab().classes['ordinal']} day$", c.expr) and not re.search(r"\b(?:today|it) is(?: the)?$", c.left):
        return _R("XXXX-XX-XX", DateMethod.UNKNOWN, "the nth day of an unnamed period")
    gran = "month" if unit == "fortnight" else unit
    return _rel(fmt(add(base, unit, shift), gran), f"unit: {rel or 'the'} {unit} relative to {base}")


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
    for s, e, r in c.others():
        if re.search(r"\d|day|tonight|tomorrow", c.sentence[s:e].lower()) and range_of(r.value)[0] is Granularity.DAY:
            return _R(r.value, r.method, "time of day on the day the sentence names")
    base = c.anchor or c.dct
    if re.search(r"\btonight|\bthis (?:morning|afternoon|evening)", c.expr):
        base = c.dct
    return _rel(base.isoformat(), f"time of day: on {base}")




def apply(c: _Ctx) -> _R:
    """Resolve the expression of `c`: a reference word, else the first rule
    whose pattern matches and whose handler gives an answer."""
    w = _vocab().words
    if c.expr in w["sets"]:  # "daily": a set of times, written as its period (TimeML SET)
        return _R(str(w["sets"][c.expr]), DateMethod.UNKNOWN, "a recurring time: its period")
    for ref, key in (("PRESENT_REF", "present_ref"), ("PAST_REF", "past_ref"), ("FUTURE_REF", "future_ref")):
        if c.expr in w[key] or re.sub(r"^(?:the|in|for|at) ", "", c.expr) in w[key]:
            method = DateMethod.RELATIVE if ref == "PRESENT_REF" else DateMethod.UNKNOWN
            return _R(ref, method, f"{ref.split('_')[0].lower()} reference word")
    for name, pat in _vocab().rules:
        m = pat.search(c.expr)
        if m is not None and (r := _HANDLERS[name](m, c)) is not None:
            return r
    return _R("XXXX-XX-XX", DateMethod.UNKNOWN, f"no rule of English resolves {c.expr!r}")
