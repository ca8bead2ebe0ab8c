"""dotterel.places: offline place names to countries."""

from __future__ import annotations

import pytest

from dotterel.places import resolve_place


@pytest.mark.parametrize(("text", "country"), [
    ("Islamabad", "PAK"),           # a city's own name wins over an old alternate name elsewhere
    ("the town of Samarra", None),  # phrases are the caller's to cut; only the suffix is dropped
    ("Samarra", "IRQ"),
    ("Kandahar city", "AFG"),
    ("Pakistan", "PAK"),
    ("Asia", None),                 # continents are no cities
    ("Africa", None),
    ("Nowhereville", None),
    ("Florida", "USA"),             # a US state before a namesake town abroad
    ("Arizona", "USA"),
    ("Georgia", "GEO"),             # a country's name stays the country
    ("the White House", "USA"),     # a state institution is where it stands, not a namesake town abroad
])
def test_places_resolve(text: str, country: str | None) -> None:
    place = resolve_place(text)
    assert (place.country if place else None) == country


@pytest.mark.parametrize(("name", "country"), [
    ("Darfur", "SDN"), ("West Darfur State", "SDN"), ("Chechnya", "RUS"), ("the Kherson region", "UKR"),
    ("Rivers State", "NGA"),  # listed under its full form: the bare word is too common
    ("Ontario", "CAN"),       # a province before a namesake town abroad
])
def test_places_provinces_and_regions_give_their_country(name: str, country: str) -> None:
    place = resolve_place(name)
    assert place is not None and place.country == country


def test_places_a_region_two_states_share_is_not_guessed() -> None:
    assert resolve_place("Punjab") is None
