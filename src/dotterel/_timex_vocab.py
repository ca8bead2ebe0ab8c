"""Words of the temporal-expression resolver (dotterel.timex): the records a
rule reads and answers with, the vocabulary and patterns of `data/timex.yaml`
compiled once, the normalisation every pattern runs on, and numbers and years
written in words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._timex_calendar import Date
from .datafiles import load_yaml
from .errors import DataError
from .vocab import DateMethod


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
    bounds: tuple[int, int]  # the sentence around the span, when `sentence` is a longer text
    others: Callable[[], list[tuple[int, int, "_R"]]]  # the sentence's other expressions, resolved



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
