"""CAMEO codes for PLOVER events, for GDELT-compatible output.

Two shipped tables, built by `tools/build_cameo_table.py` from the ontology:
`cameo.csv` (every CAMEO code with its name, PLOVER mapping and Goldstein
weight) and `plover_cameo.csv` (the representative code for a PLOVER type, or
a type with a mode and/or context). A lexicon row usually names its own code;
the reverse table covers events that do not.

QuadClass follows the CAMEO root of the code, not the PLOVER type: ACCUSE is
QuadClass 2 for investigations (09x) and 3 for accusations (11x).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..datafiles import load_csv
from ..errors import DataError
from ..records import Cameo
from ..vocab import EventType

__all__ = ["CameoRow", "cameo_for", "cameo_row", "quad_class"]

#: Root code ranges (inclusive) of GDELT's four QuadClasses.
_QUADS = ((1, 5, 1), (6, 9, 2), (10, 14, 3), (15, 20, 4))


@dataclass(frozen=True, slots=True)
class CameoRow:
    """One row of `cameo.csv`."""

    code: str
    name: str
    plover_type: EventType
    mode: str | None
    context: tuple[str, ...]
    goldstein: float


@dataclass(frozen=True, slots=True)
class _Tables:
    codes: dict[str, CameoRow]
    #: (type, mode or "", context or "") -> code
    reverse: dict[tuple[EventType, str, str], str]


def quad_class(code: str) -> int:
    """The GDELT QuadClass of a CAMEO code: roots 01–05 → 1 (verbal cooperation),
    06–09 → 2 (material cooperation), 10–14 → 3 (verbal conflict), 15–20 → 4
    (material conflict).

    Raises ValueError for a code that is not 2–4 digits with a root in 01–20.
    """
    if not isinstance(code, str):
        raise TypeError(f"CAMEO code must be a str, not {type(code).__name__}")
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise ValueError(f"not a CAMEO code: {code!r}")
    root = int(code[:2])
    for low, high, quad in _QUADS:
        if low <= root <= high:
            return quad
    raise ValueError(f"CAMEO root {code[:2]!r} is outside 01–20 in {code!r}")


def _event_type(value: str, where: str) -> EventType:
    try:
        return EventType(value)
    except ValueError:
        raise DataError(f"{where}: unknown PLOVER type {value!r}") from None


def _load_codes() -> dict[str, CameoRow]:
    codes: dict[str, CameoRow] = {}
    for row in load_csv("cameo.csv"):
        where = f"cameo.csv:{row['__line__']}"
        code = row["code"]
        try:
            quad_class(code)
        except ValueError as exc:
            raise DataError(f"{where}: {exc}") from None
        if code in codes:
            raise DataError(f"{where}: code {code} repeated")
        try:
            goldstein = float(row["goldstein"])
        except ValueError:
            raise DataError(f"{where}: goldstein {row['goldstein']!r} is not a number") from None
        if not (math.isfinite(goldstein) and -10.0 <= goldstein <= 10.0):
            raise DataError(f"{where}: goldstein {goldstein} is outside -10..10")
        codes[code] = CameoRow(
            code=code, name=row["name"], plover_type=_event_type(row["plover_type"], where),
            mode=row["mode"] or None,
            context=tuple(c for c in row["context"].split("|") if c), goldstein=goldstein)
    return codes


def _load_reverse(codes: dict[str, CameoRow]) -> dict[tuple[EventType, str, str], str]:
    reverse: dict[tuple[EventType, str, str], str] = {}
    for row in load_csv("plover_cameo.csv"):
        where = f"plover_cameo.csv:{row['__line__']}"
        key = (_event_type(row["type"], where), row["mode"], row["context"])
        if "|" in row["context"]:
            raise DataError(f"{where}: one context per row, got {row['context']!r}")
        if row["cameo"] not in codes:
            raise DataError(f"{where}: CAMEO code {row['cameo']!r} is not in cameo.csv")
        if key in reverse:
            raise DataError(f"{where}: {key[0]}/{key[1] or '-'}/{key[2] or '-'} repeated")
        reverse[key] = row["cameo"]
    missing = [str(t) for t in EventType if (t, "", "") not in reverse]
    if missing:
        raise DataError(f"plover_cameo.csv: no default row for {', '.join(missing)}")
    return reverse


@functools.cache
def _tables() -> _Tables:
    codes = _load_codes()
    return _Tables(codes, _load_reverse(codes))


def cameo_row(code: str) -> CameoRow | None:
    """The `cameo.csv` row of a code, or None when the code is unknown."""
    return _tables().codes.get(code)


def _lookup(event_type: EventType, mode: str | None, context: Sequence[str]) -> str:
    reverse = _tables().reverse
    m = mode or ""
    keys: list[tuple[EventType, str, str]] = []
    if m:
        keys += [(event_type, m, c) for c in context]
        keys.append((event_type, m, ""))
    keys += [(event_type, "", c) for c in context]
    keys.append((event_type, "", ""))
    return next(reverse[k] for k in keys if k in reverse)


def cameo_for(event_type: EventType, mode: str | None, context: Sequence[str],
              code: str | None = None) -> Cameo:
    """The CAMEO coding of an event (code, 2-digit root, QuadClass, Goldstein).

    Args:
        event_type: the PLOVER type.
        mode: the PLOVER mode, or None.
        context: PLOVER contexts, most important first.
        code: the CAMEO code the trigger maps to (a lexicon row's `cameo`); used
            when it is in `cameo.csv`, else ignored.

    Without a usable `code`, the most specific `plover_cameo.csv` row wins:
    (type, mode, context) for each context in order, then (type, mode), then
    (type, context), then the type's default.
    """
    if not isinstance(event_type, EventType):
        raise TypeError(f"event_type must be an EventType, not {type(event_type).__name__}")
    if isinstance(context, str):
        raise TypeError("context must be a sequence of contexts, not a str")
    codes = _tables().codes
    chosen = code if code is not None and code in codes else _lookup(event_type, mode, context)
    row = codes[chosen]
    return Cameo(code=chosen, root=chosen[:2], quad_class=quad_class(chosen), goldstein=row.goldstein)
