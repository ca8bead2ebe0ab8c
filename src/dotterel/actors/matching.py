"""Find the gazetteer's names in a sentence: people, bodies, countries, capitals, peoples.

A match is the longest known name at a position, unless it is part of something
else: a place name inside a person's name ("Jordan Peterson"), a surname after
another given name, a country after "anti-" or "pro-". A proper noun one letter
off a country's name is read as that country ("Afganistan").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..places import resolve_place
from .gazetteer import NON_STATE, Entry, Gazetteer


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer match over tokens [start, end) of a Doc."""

    start: int
    end: int
    entry: Entry


def find_matches(doc: Doc | Span, gaz: Gazetteer, on: dt.date | None) -> dict[int, Match]:
    """Longest gazetteer matches in a sentence, indexed by every token they cover."""
    out: dict[int, Match] = {}
    tokens = list(doc)
    texts = [t.text_with_ws for t in tokens]
    n = len(tokens)
    i = 0
    while i < n:
        found = None
        for j in range(min(n, i + gaz.starts.get(tokens[i].text, 0)), i, -1):
            text = "".join(texts[i:j - 1]) + tokens[j - 1].text
            entry = gaz.lookup(text, on)
            if entry is not None:
                found = Match(tokens[i].i, tokens[j - 1].i + 1, entry)
                break
        if found is None and tokens[i].pos_ == "PROPN" and tokens[i].ent_type_ in ("", "GPE", "LOC", "NORP"):
            entry = gaz.misspelt_country(tokens[i].text)
            if entry is not None and resolve_place(tokens[i].text) is not None:
                entry = None  # a city's name ("Columbia") is no misspelt country
            found = Match(tokens[i].i, tokens[i].i + 1, entry) if entry is not None else None
        if found is not None and found.entry.kind in PLACE_KINDS and _inside_person(tokens, i, found, gaz, on):
            found = None  # "Aden Barre Duale", "Jordan Peterson": a place name inside a person's name
        if found is not None and found.entry.kind == "person" and _another_given_name(tokens, i, found):
            found = None  # "Thomas Bennett" is not Naftali Bennett
        if found is not None and i >= 2 and tokens[i - 1].text == "-" and tokens[i - 2].lower_ in _STANCE_PREFIXES:
            found = None  # an "anti-Syria journalist" or a "pro-Iran militia" is no Syrian or Iranian
        if found is not None:
            for k in range(found.start, found.end):
                out[k] = found
            i += found.end - found.start
        else:
            i += 1
    return out


def _another_given_name(tokens: list[Token], i: int, m: Match) -> bool:
    """True when a surname match follows a given name that is not the person's own."""
    if i == 0 or tokens[i].ent_type_ != "PERSON" or tokens[i].ent_iob_ != "I":
        return False
    before = tokens[i - 1]
    given = m.entry.name.split()[0].lower()
    return before.ent_type_ == "PERSON" and before.is_title and before.lower_.rstrip(".") != given \
        and len(before.text) > 2 and before.lower_ not in m.entry.name.lower()


#: Prefixes that make a country name a stance, not an origin.
_STANCE_PREFIXES = frozenset({"anti", "pro"})

#: Entries that name a state's territory or people (not its bodies or office holders).
PLACE_KINDS = frozenset({"country", "capital", "demonym"})


def national(matches: dict[int, Match]) -> list[Match]:
    """A sentence's matches of state actors (not IGOs, NGOs, militant networks), in text order."""
    return [m for m in sorted(set(matches.values()), key=lambda m: m.start) if m.entry.country not in NON_STATE]


def _inside_person(tokens: list[Token], i: int, m: Match, gaz: Gazetteer, on: dt.date | None) -> bool:
    """True when a match lies within a longer PERSON entity whose other words are no
    place names ("Jordan Peterson"; not "Croatian Serbs", which the tagger may call a person)."""
    first, last = tokens[i], tokens[i + (m.end - m.start) - 1]
    if first.ent_type_ != "PERSON" or last.ent_type_ != "PERSON":
        return False
    doc = first.doc

    def name_word(tok: Token) -> bool:
        entry = gaz.lookup(tok.text, on)
        return tok.ent_type_ == "PERSON" and (entry is None or entry.kind not in PLACE_KINDS)

    before = m.start > 0 and name_word(doc[m.start - 1]) and doc[m.start].ent_iob_ == "I"
    after = m.end < len(doc) and name_word(doc[m.end]) and doc[m.end].ent_iob_ == "I"
    return before or after


def main_country(sentences: Iterable[dict[int, Match]]) -> str | None:
    """The country an article is about: the state its names (countries, peoples, capitals, office
    holders, national bodies; `find_matches` of each sentence) point to most often, the first named
    on a tie. It stands in for a dateline, so "Sen. Jane Doe" or "the Foreign Office" of an article
    without one get a country."""
    counts = Counter(m.entry.country for matches in sentences for m in national(matches))
    top = counts.most_common(1)
    return top[0][0] if top else None
