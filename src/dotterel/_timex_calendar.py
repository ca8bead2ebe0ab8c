"""Calendar arithmetic for the temporal-expression resolver (dotterel.timex).

Pure functions over `datetime.date`: shifting by months/quarters/years, ISO
weeks, picking the year of a month or weekday named without one, holidays, and
the granularity and calendar range of a TimeML value ("2021-W23" → week,
2021-06-07 … 2021-06-13). Kept apart from the rules so each stays small.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from .datafiles import load_yaml
from .vocab import Granularity

Date = dt.date
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


@functools.cache
def _season_months() -> dict[str, list[int]]:
    """First and last month of each TimeML season code (data/timex.yaml)."""
    return {str(k): [int(m) for m in v] for k, v in load_yaml("timex.yaml")["season_months"].items()}


def ym(year: int, month: int, shift: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + shift
    return k // 12, k % 12 + 1


def add(d: Date, unit: str, n: int) -> Date:
    """`d` shifted by n units (month arithmetic clamps the day)."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit in ("week", "fortnight", "weekend"):
        return d + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    months = n * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    y, m = ym(d.year, d.month, months)
    last = (Date(*ym(y, m, 1), 1) - dt.timedelta(days=1)).day if 1 <= y <= 9998 else 28
    return Date(max(1, min(y, 9998)), m, min(d.day, last))


def week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def latest_quarter(d: Date) -> tuple[int, int]:
    """The most recent completed calendar quarter before `d`."""
    q = quarter(d) - 1
    return (d.year, q) if q else (d.year - 1, 4)


def fmt(d: Date, gran: str) -> str:
    """`d` written as a TimeML value at granularity `gran`."""
    return {
        "day": d.isoformat(), "week": week(d), "fortnight": week(d), "weekend": week(d),
        "month": d.isoformat()[:7], "quarter": f"{d.year}-Q{quarter(d)}",
        "year": f"{d.year:04d}", "decade": f"{d.year // 10:03d}", "century": f"{d.year // 100:02d}",
    }[gran]


def pick(cands: list[Date], dct: Date, mode: str) -> Date | None:
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


def month_date(month: int, dct: Date, mode: str) -> Date:
    """The year of a month named without one. "last"/"next" skip the month
    right before/after the DCT's, which English calls "last/next month"."""
    first = Date(dct.year, dct.month, 1)
    cands = [Date(dct.year + k, month, 1) for k in (-2, -1, 0, 1, 2)]
    if mode in ("last", "next"):
        adjacent = Date(*ym(dct.year, dct.month, -1 if mode == "last" else 1), 1)
        cands = [c for c in cands if c != adjacent]
    chosen = pick(cands, first, mode)
    assert chosen is not None
    return chosen


def md_date(month: int, day: int, dct: Date, mode: str) -> Date | None:
    cands = []
    for k in (-1, 0, 1):
        try:
            cands.append(Date(dct.year + k, month, day))
        except ValueError:
            continue
    return pick(cands, dct, mode) if cands else None


def weekday_date(wd: int, dct: Date, mode: str) -> Date:
    cands = [dct + dt.timedelta(days=k) for k in range(-7, 8) if (dct.weekday() + k) % 7 == wd]
    chosen = pick(cands, dct, "past" if mode == "nearest" else mode)
    assert chosen is not None
    return chosen


def range_of(value: str) -> tuple[Granularity | None, Date | None, Date | None]:
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
                    a, b = _season_months()[m.group(2)]
                start = Date(*ym(y, a, -12 if a > b else 0), 1)
                return gran, start, Date(*ym(y, b, 1), 1) - dt.timedelta(days=1)
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


def holiday_date(rule: str, year: int) -> Date:
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
    last = Date(*ym(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def shift(base: Date, gran: str, unit: str, n: int, vague: bool) -> str:
    """`base` moved by n units, written at `gran` (month, for vague shifts)."""
    d = add(base, unit, n)
    if vague:
        return fmt(d, "year" if unit in ("month", "quarter") else "month")
    return fmt(d, gran)
