"""Tests of the actor dictionary: the historical office-holder table and how
lookups choose between people of different eras who share a name."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotterel.actors import gazetteer as gazetteer_module
from dotterel.actors.gazetteer import Gazetteer, gazetteer
from dotterel.datafiles import load_csv
from dotterel.errors import DataError

from ..test_data_tables import _forms, _split

HISTORICAL = "officeholders_historical.csv"


def _on(day: str | None) -> dt.date | None:
    return dt.date.fromisoformat(day) if day else None


def test_gazetteer_historical_table_size() -> None:
    rows = load_csv(HISTORICAL)
    assert len(rows) >= 1400
    heads = {r["country"] for r in rows if r["role"] in ("head_of_state", "head_of_government")}
    assert len(heads) >= 120


def _place_and_body_forms() -> set[str]:
    taken = set()
    for row in load_csv("countries.csv"):
        taken |= {row["name"], *_split(row["aliases"]), *_split(row["demonyms"]),
                  *_split(row["capitals"])}
    for row in load_csv("organisations.csv"):
        taken |= {row["name"], *_split(row["aliases"])}
    return taken


def test_gazetteer_historical_forms_are_not_places_or_bodies() -> None:
    taken = _place_and_body_forms()
    for row in load_csv(HISTORICAL):
        assert not _forms(row) & taken, (row["__line__"], _forms(row) & taken)


def test_gazetteer_historical_shared_forms_stay_in_country() -> None:
    """A form the modern table also uses must name someone of the same country,
    so a modern article that says it cannot change country."""
    modern: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in load_csv("officeholders.csv"):
        for form in _forms(row):
            modern[form].add((row["name"], row["country"]))
    for row in load_csv(HISTORICAL):
        for form in _forms(row):
            others = {c for n, c in modern.get(form, ()) if n != row["name"]}
            assert others <= {row["country"]}, (form, row["name"], others)


@pytest.mark.parametrize("surface, on, name, country, sector", [
    ("Clinton", "1996-05-01", "Bill Clinton", "USA", "GOV"),
    ("Clinton", "2011-05-01", "Hillary Clinton", "USA", "GOV"),
    ("Bush", "1990-06-01", "George H. W. Bush", "USA", "GOV"),
    ("Bush", "2004-06-01", "George W. Bush", "USA", "GOV"),
    ("Yasser Arafat", "1988-06-01", "Yasser Arafat", "PSE", "REB"),
    ("Arafat", "2000-06-01", "Yasser Arafat", "PSE", "GOV"),
    ("Kofi Annan", "2003-03-01", "Kofi Annan", "IGO", "UNO"),
    ("Hosni Mubarak", "1996-01-01", "Hosni Mubarak", "EGY", "GOV"),
    ("Yeltsin", "1996-01-01", "Boris Yeltsin", "RUS", "GOV"),
    ("Jose Eduardo dos Santos", "1996-01-01", "José Eduardo dos Santos", "AGO", "GOV"),
    ("Gadhafi", "1986-04-15", "Muammar Gaddafi", "LBY", "GOV"),
    ("Savimbi", "1993-01-01", "Jonas Savimbi", "AGO", "REB"),
    ("Prabhakaran", "2000-01-01", "Velupillai Prabhakaran", "LKA", "REB"),
    ("Gorbachev", "1987-12-08", "Mikhail Gorbachev", "RUS", "GOV"),
    ("Ahmed Yassin", "1998-01-01", "Ahmed Yassin", "PSE", "REB"),
])
def test_gazetteer_lookup_historical_people(surface: str, on: str, name: str, country: str,
                                            sector: str) -> None:
    entry = gazetteer().lookup(surface, _on(on))
    assert entry is not None
    assert (entry.name, entry.country, entry.sector) == (name, country, sector)


@pytest.mark.parametrize("surface, on, name", [
    ("Netanyahu", "1997-01-01", "Benjamin Netanyahu"),
    ("Netanyahu", "2020-01-01", "Benjamin Netanyahu"),
    ("Trudeau", "1980-06-01", "Pierre Trudeau"),
    ("Trudeau", "2020-06-01", "Justin Trudeau"),
    ("Trudeau", None, "Justin Trudeau"),
    ("Koizumi", "2003-01-01", "Junichiro Koizumi"),
    ("Koizumi", "2025-12-01", "Shinjiro Koizumi"),
    ("Vance", "1978-01-01", "Cyrus Vance"),
    ("Vance", "2025-06-01", "JD Vance"),
    ("Putin", "2003-01-01", "Vladimir Putin"),
    ("Putin", "2020-01-01", "Vladimir Putin"),
    ("Kagame", "1996-01-01", "Paul Kagame"),
    ("Kagame", "2020-01-01", "Paul Kagame"),
])
def test_gazetteer_lookup_both_eras(surface: str, on: str | None, name: str) -> None:
    """A name shared across eras gives the holder of the article's date, and the
    modern holder still wins for a modern (or undated) article."""
    entry = gazetteer().lookup(surface, _on(on))
    assert entry is not None
    assert entry.name == name


@pytest.mark.parametrize("surface, on, role", [
    ("Putin", "2003-01-01", "head_of_state"),
    ("Putin", "2010-01-01", "head_of_government"),
    ("Kagame", "1996-01-01", "deputy_head_of_state"),
    ("Kagame", "2020-01-01", "head_of_state"),
])
def test_gazetteer_lookup_role_at_date(surface: str, on: str, role: str) -> None:
    entry = gazetteer().lookup(surface, _on(on))
    assert entry is not None and entry.role == role


@pytest.mark.parametrize("surface", ["Maliki", "al-Maliki", "Gandhi", "Herzog", "Marcos"])
def test_gazetteer_historical_leaves_shared_surnames_to_modern(surface: str) -> None:
    """Surnames a modern person of another country or office also goes by are not
    historical aliases: a modern article that uses them keeps its own actor."""
    hist_forms = {f for row in load_csv(HISTORICAL) for f in _forms(row)}
    assert surface not in hist_forms


@pytest.mark.parametrize("country, role, on, name", [
    ("USA", "head_of_state", "1996-05-01", "Bill Clinton"),
    ("GBR", "foreign_minister", "1985-05-01", "Geoffrey Howe"),
    ("RUS", "foreign_minister", "1990-05-01", "Eduard Shevardnadze"),
    ("IND", "head_of_government", "1999-05-01", "Atal Bihari Vajpayee"),
    ("USA", "head_of_state", "2020-05-01", "Donald Trump"),
])
def test_gazetteer_holder_historical(country: str, role: str, on: str, name: str | None) -> None:
    holder = gazetteer().holder(country, role, _on(on))
    assert (holder.name if holder else None) == name


def _patched_tables(monkeypatch: pytest.MonkeyPatch, bad_row: dict[str, str]) -> None:
    real = gazetteer_module.load_csv

    def fake(name: str) -> tuple[dict[str, str], ...]:
        if name == HISTORICAL:
            return (bad_row,)
        return real(name)

    monkeypatch.setattr(gazetteer_module, "load_csv", fake)


@pytest.mark.parametrize("change, message", [
    ({"start": "1990-01-01", "end": "1980-01-01"}, "start after end"),
    ({"sector": "XYZ"}, "unknown sector"),
    ({"start": "1990-13-01"}, "bad date"),
])
def test_gazetteer_historical_loader_validates(monkeypatch: pytest.MonkeyPatch,
                                               change: dict[str, str], message: str) -> None:
    row = {"name": "Test Person", "aliases": "", "country": "USA", "sector": "GOV",
           "role": "official", "start": "1980-01-01", "end": "1990-01-01", "__line__": "7"}
    _patched_tables(monkeypatch, {**row, **change})
    with pytest.raises(DataError, match=message) as info:
        Gazetteer()
    assert HISTORICAL in str(info.value)


@pytest.mark.slow
def test_gazetteer_every_name_can_start_a_scan() -> None:
    """find_matches probes only at tokens in `starts`: every name's first token must be there."""
    from dotterel.nlp import load_model

    tokenizer = load_model().tokenizer
    gaz = gazetteer()
    missing = [s for s in gaz.surfaces if tokenizer(s)[0].text not in gaz.starts]
    assert not missing, missing[:10]


@pytest.mark.parametrize("surface, on, name, sector, role", [
    ("Comey", "2016-07-05", "James Comey", "COP", "official"),
    ("Comey", "2018-04-15", "James Comey", "COP", "official"),
    ("McConnell", "2013-10-01", "Mitch McConnell", "LEG", "official"),
    ("Ocasio-Cortez", "2017-06-01", "Alexandria Ocasio-Cortez", "LEG", "official"),
    ("Romney", "2012-10-03", "Mitt Romney", "PTY", "party_leader"),
    ("Romney", "2020-02-05", "Mitt Romney", "LEG", "official"),
    ("Trump", "2016-08-01", "Donald Trump", "PTY", "party_leader"),
    ("Trump", "2018-08-01", "Donald Trump", "GOV", "head_of_state"),
    ("Pompeo", "2015-06-01", "Mike Pompeo", "LEG", "official"),
    ("Pompeo", "2017-06-01", "Mike Pompeo", "GOV", "official"),
    ("Pompeo", "2019-01-01", "Mike Pompeo", "GOV", "foreign_minister"),
    ("Pompeo", "2023-01-01", "Mike Pompeo", "GOV", "foreign_minister"),
    ("Haley", "2012-06-01", "Nikki Haley", "GOV", "official"),
    ("Haley", "2024-01-23", "Nikki Haley", "PTY", "official"),
    ("Mnuchin", "2018-01-01", "Steven Mnuchin", "GOV", "finance_minister"),
    ("Newsom", "2020-03-19", "Gavin Newsom", "GOV", "official"),
    ("Kavanaugh", "2022-06-24", "Brett Kavanaugh", "JUD", "official"),
    ("Garland", "2016-03-16", "Merrick Garland", "JUD", "official"),
    ("Garland", "2023-06-09", "Merrick Garland", "GOV", "official"),
    ("Scalia", "2010-01-01", "Antonin Scalia", "JUD", "official"),
    ("Scalia", "2020-01-01", "Eugene Scalia", "GOV", "official"),
])
def test_gazetteer_lookup_us_domestic_people(surface: str, on: str, name: str, sector: str,
                                             role: str) -> None:
    """US cabinet members, members of Congress, governors, candidates and judges code to the
    office of the article's date; before or after all their tenures they keep their country."""
    entry = gazetteer().lookup(surface, _on(on))
    assert entry is not None
    assert (entry.name, entry.country, entry.sector, entry.role) == (name, "USA", sector, role)


@pytest.mark.parametrize("country, role, on, name", [
    ("USA", "finance_minister", "2019-06-01", "Steven Mnuchin"),
    ("USA", "finance_minister", "2010-06-01", "Timothy Geithner"),
    ("USA", "speaker", "2016-06-01", "Paul Ryan"),
])
def test_gazetteer_holder_us_offices(country: str, role: str, on: str, name: str) -> None:
    holder = gazetteer().holder(country, role, _on(on))
    assert (holder.name if holder else None) == name


def test_gazetteer_us_forms_are_not_places_or_bodies() -> None:
    """No US person goes by a country, capital or organisation name ("Jordan", "Warner"):
    those entries win a lookup, so such an alias would be dead or, worse, recode a place."""
    taken = _place_and_body_forms()
    for row in load_csv("officeholders.csv"):
        if row["country"] == "USA":
            assert not _forms(row) & taken, (row["__line__"], _forms(row) & taken)


@pytest.mark.parametrize(("word", "country"), [
    ("Tanzanya", "TZA"), ("Kazahkstan", "KAZ"), ("Britian", "GBR"),
    ("Franco", None), ("Frances", None), ("Turkel", None),  # a changed ending makes a name
    ("Iraq", None), ("Kenya", None),  # real names, and short words, are never guessed
])
def test_gazetteer_misspelt_country(word: str, country: str | None) -> None:
    entry = gazetteer().misspelt_country(word)
    assert (entry.country if entry else None) == country


def _osa(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (the reference for `_one_edit`)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


@given(st.text(alphabet="aeiotnr", max_size=8), st.text(alphabet="aeiotnr", max_size=8))
def test_gazetteer_one_edit_is_an_edit_distance_of_one(a: str, b: str) -> None:
    from dotterel.actors.gazetteer import _one_edit
    assert _one_edit(a, b) == (_osa(a, b) == 1)


def test_gazetteer_a_name_with_the_arabic_article_in_any_spelling() -> None:
    gaz = gazetteer()
    for form in ("Omar al-Bashir", "Omar El Bashir", "Omar el-Bashir", "Omar Al Bashir"):
        entry = gaz.lookup(form, dt.date(2000, 1, 1))
        assert entry is not None and entry.country == "SDN", form
