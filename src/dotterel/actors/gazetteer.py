"""The actor dictionary: countries, organisations, office holders and role words.

Built once per process from the data tables (`countries.csv`,
`organisations.csv`, `officeholders_historical.csv`, `officeholders.csv`,
`roles.csv`) and looked up by exact surface form, so a sentence is scanned
with plain dictionary probes.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..datafiles import load_csv, split_cell
from ..errors import DataError
from ..vocab import Sector

NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG", "ISM"})
#: Office-holder tables, read in this order: archive-era holders (about
#: 1975-2014), then the current table (2015 on).
OFFICEHOLDER_TABLES = ("officeholders_historical.csv", "officeholders.csv")


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a surface form can name."""

    name: str
    country: str
    sector: str | None
    kind: str  # country | demonym | capital | igo | institution | person
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def active(self, on: dt.date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class Role:
    """A role word: its sector and whether it is a title or a collective actor."""

    term: str
    sector: str
    kind: str  # title | group | name_title (only before a person's name)


#: The Arabic article before a name, which news write "al-", "el-", "Al " or "El ".
_ARTICLE = re.compile(r"\b(?:al|el|Al|El)[- ](?=[A-Z])")


def _article_forms(name: str) -> list[str]:
    """A name as news spell its Arabic article: "Omar al-Bashir" is also "Omar El Bashir"."""
    if not _ARTICLE.search(name):
        return [name]
    return list(dict.fromkeys([name, *(_ARTICLE.sub(form, name) for form in ("al-", "el-", "Al-", "El-", "Al ", "El "))]))


def _date(cell: str, name: str, row: dict[str, str]) -> dt.date | None:
    if not cell:
        return None
    try:
        return dt.date.fromisoformat(cell)
    except ValueError as exc:
        raise DataError(f"{name}:{row['__line__']}: bad date {cell!r}") from exc


def _sector(cell: str, country: str, name: str, row: dict[str, str]) -> str | None:
    if not cell:
        return None
    if country in NON_STATE and cell.isupper() and len(cell) == 3:
        return cell
    if cell not in Sector.__members__:
        raise DataError(f"{name}:{row['__line__']}: unknown sector {cell!r}")
    return cell


class Gazetteer:
    """Surface form → entries, plus role words and office lookups."""

    def __init__(self) -> None:
        self.surfaces: dict[str, list[Entry]] = defaultdict(list)
        self.roles: dict[str, Role] = {}
        self.country_names: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self._offices: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self._load_countries()
        self._load_organisations()
        self._load_officeholders()
        self._load_roles()
        #: First word of a surface form → the most tokens a surface starting with it can span, so a
        #: scan probes only at tokens that can start a name. A name's first word is keyed as written
        #: and cut at a hyphen or apostrophe, however the tokenizer splits it ("al-Qaeda", "People's").
        self.starts: dict[str, int] = {}
        for surface in self.surfaces:
            first = surface.split()[0] if surface.split() else surface
            span = len(surface.replace("-", " - ").split()) + 2
            for key in {first, re.split(r"[-'’]", first)[0]} - {""}:
                self.starts[key] = max(self.starts.get(key, 0), span)

    def _add(self, surface: str, entry: Entry) -> None:
        if entry not in self.surfaces[surface]:
            self.surfaces[surface].append(entry)

    def _load_countries(self) -> None:
        for row in load_csv("countries.csv"):
            iso3, name = row["iso3"], row["name"]
            self.country_names[iso3] = name
            for s in [name, *split_cell(row["aliases"])]:
                self._add(s, Entry(name, iso3, None, "country"))
                if s.startswith("the "):
                    self._add(s[4:], Entry(name, iso3, None, "country"))
            for s in split_cell(row["demonyms"]):
                self._add(s, Entry(name, iso3, None, "demonym"))
            for s in split_cell(row["capitals"]):
                self.capitals.setdefault(s, iso3)
                self._add(s, Entry(s, iso3, "GOV", "capital"))

    def _load_organisations(self) -> None:
        for row in load_csv("organisations.csv"):
            country = row["country"]
            entry = Entry(row["name"], country, _sector(row["sector"], country, "organisations.csv", row),
                          row["kind"] or "institution")
            for s in [row["name"], *split_cell(row["aliases"])]:
                self._add(s, entry)

    def _load_officeholders(self) -> None:
        # Historical holders first: where a surface form names people of both
        # tables, an undated lookup falls back on the last one added, the modern.
        for name in OFFICEHOLDER_TABLES:
            for row in load_csv(name):
                country = row["country"]
                entry = Entry(row["name"], country, _sector(row["sector"], country, name, row),
                              "person", row["role"] or None,
                              _date(row["start"], name, row), _date(row["end"], name, row))
                if entry.start and entry.end and entry.start > entry.end:
                    raise DataError(f"{name}:{row['__line__']}: start after end")
                for s in [row["name"], *split_cell(row["aliases"])]:
                    for form in _article_forms(s):
                        self._add(form, entry)
                if entry.role:
                    self._offices[(country, entry.role)].append(entry)

    def _load_roles(self) -> None:
        for row in load_csv("roles.csv"):
            sector = _sector(row["sector"], "", "roles.csv", row) or "UNK"
            self.roles[row["term"].lower()] = Role(row["term"].lower(), sector, row["kind"] or "title")

    def lookup(self, surface: str, on: dt.date | None = None) -> Entry | None:
        """The best entry for a surface form at a date.

        A person's entry active on the date wins; else the one whose tenure is
        nearest before it (a former office holder keeps their country).
        """
        entries = self.surfaces.get(surface)
        if not entries:
            return None
        people = [e for e in entries if e.kind == "person"]
        if people and len(people) == len(entries):
            active = [e for e in people if e.active(on)]
            if active:
                return max(active, key=_role_rank)
            return _nearest(people, on)
        return next(e for e in entries if e.kind != "person")

    def misspelt_country(self, word: str) -> Entry | None:
        """The country a capitalised word misspells by one inner letter ("Tanzanya", "Kazahkstan"),
        when exactly one country name is that close. Names under six letters are too close to
        other words to guess, and a changed ending makes a name ("Franco", "Frances")."""
        if len(word) < 6 or not word[:1].isupper() or word in self.surfaces:
            return None
        return _misspelt(word, self._country_words.get((word[0], word[-1]), ()))

    @functools.cached_property
    def _country_words(self) -> dict[tuple[str, str], list[tuple[str, Entry]]]:
        """One-word country names by first and last letter (a misspelling keeps both)."""
        by_ends: dict[tuple[str, str], list[tuple[str, Entry]]] = defaultdict(list)
        for s, e in self.surfaces.items():
            if len(s) >= 6 and " " not in s and e[0].kind == "country":
                by_ends[(s[0], s[-1])].append((s, e[0]))
        return by_ends

    def holder(self, country: str, role: str, on: dt.date | None) -> Entry | None:
        """Who held an office (e.g. `("RUS", "foreign_minister")`) on a date."""
        holders = [e for e in self._offices.get((country, role), []) if e.active(on)]
        return holders[0] if len(holders) == 1 else None


def _misspelt(word: str, names: Sequence[tuple[str, Entry]]) -> Entry | None:
    found = {e.country: e for name, e in names if _one_edit(word, name)}
    return next(iter(found.values())) if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by one inserted, deleted, replaced or transposed letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1:] == shorter[i:]


_ROLE_PRIORITY = ("head_of_state", "head_of_government", "deputy_head_of_government",
                  "foreign_minister", "speaker", "defence_minister", "military_chief")


def _role_rank(e: Entry) -> int:
    return len(_ROLE_PRIORITY) - _ROLE_PRIORITY.index(e.role) if e.role in _ROLE_PRIORITY else 0


def _nearest(people: list[Entry], on: dt.date | None) -> Entry:
    if on is None:
        return people[-1]
    before = [e for e in people if e.end is not None and e.end < on]
    if before:
        return max(before, key=lambda e: e.end or dt.date.min)
    return min(people, key=lambda e: e.start or dt.date.max)


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide actor dictionary (a pure function of the shipped tables)."""
    return Gazetteer()
