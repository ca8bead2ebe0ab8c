"""The PLOVER trigger lexicon (`data/plover_lexicon.csv`): lemma → event coding.

A row may require a child word (`with`: a particle, preposition or object such
as "call for" or "open fire"); such rows win over the bare lemma. Senses that are
no event ("fight poverty", "met with criticism", `data/no_event_senses.csv`) stop
the word before any row is tried.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from ..datafiles import load_csv
from ..errors import DataError
from ..vocab import EventType


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row."""

    lemma: str
    pos: str
    with_: tuple[str, ...]
    type: EventType
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Rows by (lemma, pos), most specific first; light verbs."""

    rows: dict[tuple[str, str], tuple[Trigger, ...]]
    light_verbs: frozenset[str]
    #: Child lemmas that make a word no event, by (lemma, pos).
    no_event: dict[tuple[str, str], tuple[str, ...]]

    def lookup(self, lemma: str, pos: str, children: set[str]) -> Trigger | None:
        """The row for a trigger word given the lemmas of its children."""
        if _has_any(children, self.no_event.get((lemma, pos), ())):
            return None
        for row in self.rows.get((lemma, pos), ()):
            if not row.with_ or _has_any(children, row.with_):
                return row
        return None

    def requires(self, lemma: str, pos: str) -> bool:
        """True when every row for the word needs a child word."""
        rows = self.rows.get((lemma, pos), ())
        return bool(rows) and all(r.with_ for r in rows)


def _has_any(children: set[str], alternatives: tuple[str, ...]) -> bool:
    """True when one alternative is among the children; "off+visit" needs both words."""
    single, combined = _parsed(alternatives)
    return not single.isdisjoint(children) or any(words <= children for words in combined)


@functools.cache
def _parsed(alternatives: tuple[str, ...]) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """A row's `with` words, and its "a+b" alternatives as word sets, parsed once per row."""
    return (frozenset(a for a in alternatives if "+" not in a),
            tuple(frozenset(a.split("+")) for a in alternatives if "+" in a))


@functools.cache
def lexicon() -> Lexicon:
    """The shipped lexicon, validated."""
    by_key: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for row in load_csv("plover_lexicon.csv"):
        where = f"plover_lexicon.csv:{row['__line__']}"
        try:
            trigger = Trigger(
                lemma=row["lemma"].lower(), pos=row["pos"].upper(),
                with_=tuple(w.lower() for w in row["with"].split("|") if w),
                type=EventType(row["type"]), mode=row["mode"] or None,
                context=tuple(c for c in row["context"].split("|") if c),
                cameo=row["cameo"] or None, confidence=float(row["confidence"] or 0.6))
        except (KeyError, ValueError) as exc:
            raise DataError(f"{where}: {exc}") from exc
        by_key[(trigger.lemma, trigger.pos)].append(trigger)
    rows = {k: tuple(sorted(v, key=lambda t: not t.with_)) for k, v in by_key.items()}
    light = frozenset(r["lemma"].lower() for r in load_csv("light_verbs.csv"))
    no_event: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in load_csv("no_event_senses.csv"):
        key = (row["lemma"].lower(), row["pos"].upper())
        words = tuple(w.lower() for w in row["with"].split("|") if w)
        if key not in rows or not words:
            raise DataError(f"no_event_senses.csv:{row['__line__']}: {key} is no lexicon word or has no `with`")
        no_event[key] = no_event.get(key, ()) + words
    return Lexicon(rows, light, no_event)
