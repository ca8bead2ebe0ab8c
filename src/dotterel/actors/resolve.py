"""Resolve noun phrases to actors, remembering what the article has named.

A phrase is resolved from its own words first (a known person, institution,
country, capital or demonym; a role word such as "embassy" or "foreign
minister" with a country modifier), then from the article's memory: a surname
already named in full ("Dar"), a definite role noun already seen ("the
spokesperson", "the mission"), "both sides" for the two countries last named,
and the article's home country (its dateline) for unqualified national bodies
("the Foreign Office", "local police").
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..datafiles import load_csv
from ..factuality import cues
from ..places import phrase_place
from ..records import Actor
from .gazetteer import Gazetteer, gazetteer
from .matching import PLACE_KINDS, Match, national

#: Modifier dependencies that belong to a noun phrase.
_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case"})
#: Participles whose hyphenated modifier owns the group: "Saudi-led forces", "a Gaza-based group".
_LEADING = frozenset({"lead", "base", "run", "command"})
_OF_PREPS = frozenset({"of"})
_IN_PREPS = frozenset({"in", "from"})
_MEMBER_PREPS = frozenset({"from", "of", "with"})
#: Nouns for a party relative to another: "X's ally" is not X.
RELATIONAL_NOUNS = frozenset({"ally", "proxy", "partner", "client", "enemy", "foe", "rival", "opponent", "adversary"})
#: Nouns for who leads a body: "the deputy chief of X" is X's.
_HEADS = frozenset({"chief", "head", "leader", "commander", "founder", "boss", "chairman", "chairwoman", "deputy"})
_PLURAL_PAIRS = frozenset({"side", "country", "nation", "neighbour", "neighbor", "government",
                           "leader", "minister", "state", "party", "capital"})
_PAIR_DETS = frozenset({"both", "two"})
#: Possessive pronouns, whose owner a phrase belongs to ("its citizens", "their troops").
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
#: Verbs whose object does not control their infinitive: in "promised X to leave" the subject
#: leaves; in "urged X to leave" X does.
SUBJECT_CONTROL = frozenset({"want", "promise", "agree", "vow", "pledge"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_MALE_PRONOUNS = frozenset({"he", "him", "his"})
#: Words before a name that give a person's gender (for "he" and "she").
_GENDERED = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "congressman": "m",
             "spokesman": "m", "chairman": "m", "assemblyman": "m", "businessman": "m", "father": "m",
             "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "lady": "f", "dame": "f", "queen": "f",
             "princess": "f", "congresswoman": "f", "spokeswoman": "f", "chairwoman": "f",
             "assemblywoman": "f", "businesswoman": "f", "mother": "f"}
_GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "we", "our"})
_THING_PRONOUNS = frozenset({"it", "its", "itself"})
#: Pronouns of the speaker ("I will not resign," he said) and of the one spoken to.
_SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
_ADDRESSEE_PRONOUNS = frozenset({"you", "your", "yours", "yourself", "yourselves"})
_SINGULAR_SPEAKER = frozenset({"i", "me", "my", "mine", "myself"})
#: Role heads that refer back to the same kind of body under another name.
_SYNONYMS = {"mission": "embassy", "consulate": "embassy", "spokesman": "spokesperson",
             "spokeswoman": "spokesperson", "fo": "foreign office", "ministry": "foreign ministry"}


@functools.cache
def sector_adjectives() -> dict[str, str]:
    """Adjectives that give a group its sector ("parliamentary" delegation → LEG)."""
    return {row["word"].lower(): row["sector"] for row in load_csv("sector_adjectives.csv")}


def phrase_tokens(head: Token) -> list[Token]:
    """The head and its pre-modifiers (recursively), in text order."""
    toks = [head]
    stack = [c for c in head.lefts if c.dep_ in _MODIFIERS]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack.extend(c for c in t.children if c.dep_ in _MODIFIERS or c.dep_ in ("cc", "conj")
                     or (c.dep_ == "npadvmod" and t.lemma_.lower() in _LEADING))
    return sorted(toks, key=lambda t: t.i)


def pp_objects(head: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the head's prepositions in `preps`, with their conjuncts."""
    out: list[Token] = []
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in preps:
            for obj in c.children:
                if obj.dep_ == "pobj":
                    out.append(obj)
                    out.extend(obj.conjuncts)
    return out


def role_for(words: list[str], gaz: Gazetteer, before_name: bool = False) -> tuple[str, str] | None:
    """The longest role term ending the phrase words: (term, sector). Some titles count only
    before a person's name (`before_name`): "Representative Jane Doe", not "a UN representative";
    some bodies only when capitalised: "the House", not "the house"."""
    for k in range(min(4, len(words)), 0, -1):
        term = " ".join(w.rstrip(".") for w in words[-k:]).lower()  # "Lt. Gen." is "lt gen"
        role = gaz.roles.get(term) or gaz.roles.get(term.rstrip("s")) if term.endswith("s") else gaz.roles.get(term)
        if role is None or (role.kind == "name_title" and not before_name):
            continue
        if role.kind == "proper_group" and not words[-1][:1].isupper():
            continue  # "the House" is the legislature, "the house" a building
        return role.term, role.sector
    return None


@dataclass
class DocActors:
    """What one article has named so far; resolves phrases against it."""

    on: dt.date | None
    home: str | None = None
    gaz: Gazetteer = field(default_factory=gazetteer)
    surnames: dict[str, Actor] = field(default_factory=dict)
    by_role: dict[str, Actor] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    #: People named so far, the most recent last, and the gender their honorifics give.
    people: list[Actor] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    last_group: Actor | None = None
    #: The last group named as a subject: "it" and "they" continue the one that acted.
    last_subject_group: Actor | None = None
    country_counts: Counter[str] = field(default_factory=Counter)

    def note_countries(self, matches: dict[int, Match]) -> None:
        """Record the countries a sentence names, in order (for "both sides"), and count
        every national actor (a "White House" or a "Kremlin" too) for the home country."""
        seen = []
        for m in national(matches):
            self.country_counts[m.entry.country] += 1
            if m.entry.kind in PLACE_KINDS and m.entry.country not in seen:
                seen.append(m.entry.country)
        for c in seen:
            if c in self.countries:
                self.countries.remove(c)
            self.countries.append(c)

    def pair(self) -> list[str]:
        """The two countries most recently named."""
        return self.countries[-2:][::-1] if len(self.countries) >= 2 else []

    def home_country(self) -> str | None:
        if self.home:
            return self.home
        top = self.country_counts.most_common(1)
        return top[0][0] if top else None

    def resolve(self, head: Token, matches: dict[int, Match]) -> list[Actor]:
        """Actors named by the noun phrase headed by `head` (several for "both sides")."""
        lower = head.lower_
        if (lower in _SPEAKER_PRONOUNS or lower in _ADDRESSEE_PRONOUNS) and head.pos_ == "PRON" and head.text != "US":
            speaker, addressee = _speech_parties(head)
            party = speaker if lower in _SPEAKER_PRONOUNS else addressee
            if party is not None:
                return self.resolve(party, matches)
            if lower in _ADDRESSEE_PRONOUNS:
                return []
            # A quote whose speaker another sentence names: the one the article follows.
            if lower in _SINGULAR_SPEAKER:
                return self.people[-1:]
            actor = self._pronoun(lower)
            return [actor] if actor else []
        if head.pos_ == "PRON" or lower in _GROUP_PRONOUNS:
            for antecedent in _clause_antecedents(head):
                if lower in _THING_PRONOUNS and (antecedent.ent_type_ == "PERSON" or antecedent.text in self.surnames):
                    continue  # "Trump warned that X would pay if it attacked": "it" is no person
                found = self.resolve(antecedent, matches)
                if found or antecedent.pos_ == "PROPN":
                    return found  # "Akin continued his refusal": his is Akin's, known or not
            actor = self._pronoun(lower)
            return [actor] if actor else []
        of_part = _partitive(head)
        if of_part is not None:
            return self.resolve(of_part, matches)
        if head.pos_ == "NUM" and head.dep_ in ("dobj", "nsubjpass") and head.ent_type_ in ("", "CARDINAL"):
            # "killing one and arresting 12": a bare number of people
            country = _placed_country(head) or _nearest_country(head, matches.values()) or self.home_country()
            return [Actor(head.text, self.gaz.country_names.get(country, country) if country else None,
                          country, "CVL")]
        appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None and head.pos_ == "NOUN" and head.i not in matches:
            named = self.resolve(appos, matches)
            if named:
                return named  # else "the opposition weekly El Sol" is still an opposition paper
        toks = phrase_tokens(head)
        text = _span_text(head, toks)
        m = matches.get(head.i)
        if m is not None:
            actor = self._from_entry(m, head, text)
            home = _residence(head, toks, m, matches) if m.entry.kind == "demonym" else None
            if home is not None:
                actor = Actor(actor.text, self.gaz.country_names.get(home, home), home, actor.sector)
            if m.entry.kind == "person" and (_former(toks) or not m.entry.active(self.on)):
                actor = Actor(actor.text, actor.name, actor.country, None)  # not (or no longer) in office
            return [actor]
        if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
            if lower in self.surnames or head.text in self.surnames:
                actor = self.surnames.get(head.text) or self.surnames[lower]
                self._note_person(actor, head)
                return [actor]
        if lower in _PAIR_DETS or (head.lemma_.lower() in _PLURAL_PAIRS and head.tag_ in ("NNS", "NNPS")
                                   and any(t.lower_ in _PAIR_DETS for t in toks)):
            return [Actor(text, self.gaz.country_names.get(c, c), c, self._pair_sector(head)) for c in self.pair()]
        found = self._titled_actor(head, toks, text, matches)
        if (not found or found[0].sector in (None, "CVL")) and head.pos_ == "NOUN" and (
                _plural(head) or head.lemma_.lower() in _HEADS):
            # "nurses from two Canadian aid groups", "members of the Taliban", "the chief of
            # the militia": their body's.
            leads = head.lemma_.lower() in _HEADS
            preps = _MEMBER_PREPS if not found or leads else _MEMBER_PREPS - {"of"}  # not "victims of the Taliban"
            for body in pp_objects(head, preps):
                members = [Actor(text, a.name, a.country, a.sector) for a in self.resolve(body, matches)
                           if a.country and (not found or a.sector not in (None, "CVL"))]
                if members:
                    found = members
                    break
        if not found and head.pos_ == "PROPN":
            # "Kenzo Oshima, the UN relief coordinator": an unknown name described by its apposition.
            described = next((c for c in head.children if c.dep_ == "appos" and (
                c.pos_ == "NOUN" or any(d.dep_ == "det" for d in c.children))), None)
            if described is not None:
                found = [Actor(text, a.name, a.country, a.sector)
                         for a in self.resolve(described, matches) if a.country]
                for actor in found[:1]:
                    self._remember(actor, head, None, head.ent_type_ == "PERSON")
        return found

    def _titled_actor(self, head: Token, toks: list[Token], text: str, matches: dict[int, Match]) -> list[Actor]:
        """An actor named by role words and a country: "Pakistan's foreign ministry",
        "the Russian foreign minister", "local police", "the spokesperson"."""
        words = [t.text for t in toks if t.dep_ not in ("det", "poss", "case") and t.i not in matches]
        if head.lemma_.lower() in RELATIONAL_NOUNS:
            words = words[:-1]  # "its militia ally": a militia
        role = role_for(words, self.gaz) or role_for([head.lemma_], self.gaz)
        titled = False
        if role is None and (head.ent_type_ == "PERSON" or head.pos_ == "PROPN"):
            # "Sen. Jane Doe", "Lt. Gen. John Roe": the title before the name.
            title = [t.text for t in toks if t.i not in matches and t.ent_type_ != "PERSON" and t.i != head.i
                     and t.dep_ not in ("det", "poss", "case")]
            role = role_for(title, self.gaz, before_name=True)
            titled = role is not None
        sector = role[1] if role else None
        former = _former(toks)
        if former and role is not None and self.gaz.roles[role[0]].kind not in _GROUP_KINDS:
            sector = None  # "the former president": a country's citizen, no longer its government
        group = role is not None and self.gaz.roles[role[0]].kind in _GROUP_KINDS
        for t in toks:
            adj = sector_adjectives().get(t.lower_)
            # An institution's adjective beats a generic noun: a "parliamentary delegation" is LEG.
            # Only a noun that names people takes it: "diplomatic ties", "official contact" are things.
            if adj and role is not None and (sector in ("CVL", "UNK") or group):
                sector = adj
        related = _related_parties(toks)
        countries = [matches[t.i].entry.country for t in toks if t.i in matches and t.i != head.i
                     and t.i not in related]
        if countries and any(t.lower_ == "ethnic" for t in toks):
            # "ethnic Turkish militants based in Bulgaria": coded by where they live.
            home = _nearest_country(head, [m for m in matches.values()
                                           if m.entry.kind in PLACE_KINDS and m.entry.country != countries[0]])
            countries = [home] if home else countries
        joined = list(dict.fromkeys(countries))
        if len(joined) > 1 and head.pos_ == "NOUN" and any(t.dep_ == "cc" for t in toks):
            # "Chinese and Indian diplomats", "Indian and Japanese destroyers": one body per country.
            return [Actor(text, self.gaz.country_names.get(c, c), c, sector) for c in joined]
        if not countries and sector is not None:  # "its citizens", not "his life"
            countries = self._possessor_countries(toks, matches)
        of_objs = [o for o in pp_objects(head, _OF_PREPS) if o.i in matches]
        if not countries and of_objs:
            found = [matches[o.i].entry for o in of_objs]
            if len(found) > 1 and sector is not None:  # "the foreign ministers of Iran and Pakistan"
                return [Actor(text, e.name, e.country, sector) for e in found]
            countries = [found[0].country]
        if sector is None and not countries:
            return []
        country = countries[0] if countries else _phrase_place_country(head)
        if country is None:
            remembered = self.by_role.get(_SYNONYMS.get(role[0], role[0])) if role else None
            if remembered is not None and not _indefinite(toks):
                return [remembered]
            country = self._implied_country(head, toks, sector, matches)
        name = _person_name(head) if head.ent_type_ == "PERSON" or titled else None
        if name is None and role and country and self.on and not _plural(head) and not former:
            office = _office(role[0])
            holder = self.gaz.holder(country, office, self.on) if office else None
            name = holder.name if holder else None
        actor = Actor(text, name or (self.gaz.country_names.get(country) if country else None), country, sector)
        self._remember(actor, head, role[0] if role else None, head.ent_type_ == "PERSON" or titled)
        return [actor]

    def _possessor_countries(self, toks: list[Token], matches: dict[int, Match]) -> list[str]:
        """"its citizens", "their embassy": the country of whoever the pronoun names."""
        for t in toks:
            if t.dep_ == "poss" and t.lower_ in POSSESSIVE_PRONOUNS:
                owner = self.resolve(t, matches)
                if owner and owner[0].country:
                    return [owner[0].country]
        return []

    def _implied_country(self, head: Token, toks: list[Token], sector: str | None,
                         matches: dict[int, Match]) -> str | None:
        """The country of a body the text does not qualify ("the Foreign Office", "protesters")."""
        in_objs = [o for o in pp_objects(head, _IN_PREPS) if o.i in matches]
        if in_objs:
            return matches[in_objs[0].i].entry.country
        if sector not in _STATE_SECTORS and not any(t.lower_ == "local" for t in toks):
            # Civilian groups belong to the place the sentence puts them in ("killed five people in
            # Gaza"), else to the nearest country it names.
            return _placed_country(head) or _nearest_country(head, matches.values()) or self.home_country()
        if not _indefinite(toks) or head.ent_type_ == "PERSON":
            return self.home_country()
        return None

    def _pair_sector(self, head: Token) -> str | None:
        role = role_for([head.lemma_], self.gaz)
        return role[1] if role and role[1] != "UNK" else None

    def _from_entry(self, m: Match, head: Token, text: str) -> Actor:
        """The actor a gazetteer entry names: a person, body, country, capital or people."""
        e = m.entry
        if e.kind == "demonym":  # "Russians", "Pakistani officials"
            role = role_for([head.lemma_], self.gaz)
            actor = Actor(text, e.name, e.country, role[1] if role else "CVL")
        elif e.kind == "country":
            actor = Actor(text, e.name, e.country, None)
        else:
            actor = Actor(text, e.name, e.country, e.sector)
        self._remember(actor, head, None, e.kind == "person")
        return actor

    def _remember(self, actor: Actor, head: Token, role: str | None, person: bool) -> None:
        """Keep an actor for later references: surnames of people, role nouns of bodies."""
        if person:
            for part in (actor.name or head.text).split():
                if len(part) > 2 and part[0].isupper():
                    self.surnames.setdefault(part, actor)
            self.surnames[head.text] = actor
            self._note_person(actor, head)
        else:
            self.last_group = actor
            if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() not in cues().reporting:
                self.last_subject_group = actor  # who acted, not who reported it
        if role:
            self.by_role[_SYNONYMS.get(role, role)] = actor
        lemma = head.lemma_.lower()
        if lemma in self.gaz.roles:
            self.by_role[_SYNONYMS.get(lemma, lemma)] = actor

    def _note_person(self, actor: Actor, head: Token) -> None:
        """Make a person the most recent one, with the gender a "Mrs." or "congressman" gives."""
        if actor in self.people:
            self.people.remove(actor)
        self.people.append(actor)
        gender = _gender(head, actor.name)
        if gender:
            self.genders[actor.name or actor.text] = gender

    def _pronoun(self, lower: str) -> Actor | None:
        if lower in _PERSON_PRONOUNS:
            other = "f" if lower in _MALE_PRONOUNS else "m"
            return next((p for p in reversed(self.people) if self.genders.get(p.name or p.text) != other), None)
        return self.last_subject_group or self.last_group


def _related_parties(toks: list[Token]) -> set[int]:
    """The tokens of the parties a phrase's relational nouns are relative to ("the chief of
    Israel's militia ally in southern Lebanon" is not Israeli): they give it no country."""
    return {t.i for noun in toks if noun.lemma_.lower() in RELATIONAL_NOUNS
            for c in noun.children if c.dep_ == "poss" for t in c.subtree}


_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "REB", None})
_GROUP_KINDS = frozenset({"group", "proper_group"})


def _residence(head: Token, toks: list[Token], m: Match, matches: dict[int, Match]) -> str | None:
    """Where a people named by its demonym lives, when the sentence says so: "the Serbs of
    northern Kosovo", "ethnic Turks" in a sentence about Sweden (CAMEO codes a minority by its
    country of residence)."""
    # "Croatian Serbs", "Kosovo Albanians": a place word before the people names where they live.
    places = [matches[t.i] for t in toks
              if t.i in matches and t.i != head.i and matches[t.i].entry.kind in PLACE_KINDS]
    places = places or [matches[o.i] for o in pp_objects(head, _OF_PREPS | _IN_PREPS) if o.i in matches]
    if not places and any(t.lower_ == "ethnic" for t in toks):
        places = list(matches.values())
    return _nearest_country(head, [x for x in places if x.entry.country != m.entry.country])


def _phrase_place_country(head: Token) -> str | None:
    """The country of a town or region the phrase itself names: "police in Peshawar", "the
    governor of Kandahar", "the deputy governor of the Kherson region"."""
    for obj in pp_objects(head, _IN_PREPS | _OF_PREPS):
        if obj.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children):
            place = phrase_place(obj)
            if place is not None and place.country:
                return place.country
    return None


def _placed_country(head: Token) -> str | None:
    """The country of the first place the head's sentence puts something in ("in Gaza")."""
    for tok in head.sent:
        if tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.head.lower_ in ("in", "at", "near"):
            place = phrase_place(tok)
            if place is not None and place.country:
                return place.country
    return None


def _nearest_country(head: Token, matches: Iterable[Match]) -> str | None:
    """The country of the place or people named nearest to `head`."""
    states = [m for m in set(matches) if m.entry.kind in PLACE_KINDS]
    if not states:
        return None
    # Ties go to the earlier name, whatever order the set iterates in.
    return min(states, key=lambda m: (min(abs(m.start - head.i), abs(m.end - 1 - head.i)), m.start)).entry.country


_PARTITIVES = frozenset({"one", "some", "many", "several", "dozens", "hundreds", "thousands", "most", "all",
                         "two", "three", "four", "five", "member", "members", "group",
                         "third", "half", "quarter", "part", "majority", "minority", "rest", "bulk", "fraction",
                         # who speaks or acts for a body: "leaders of the coalition", "the head of the agency"
                         "leader", "leaders", "head", "heads", "representative", "representatives", "delegates"})


def _partitive(head: Token) -> Token | None:
    """X in "one of its citizens", "dozens of protesters": the phrase that names the actor."""
    if head.lower_ not in _PARTITIVES and head.pos_ != "NUM":
        return None
    objs = pp_objects(head, _OF_PREPS)
    return objs[0] if objs else None


def _gender(head: Token, name: str | None = None) -> str | None:
    """The gender an honorific or title right before a name gives ("Mrs. Clinton", "Congresswoman
    X"), else the one its given name usually marks ("Hillary Clinton")."""
    for tok in head.doc[max(head.left_edge.i - 1, 0):head.i]:
        gender = _GENDERED.get(tok.lower_.rstrip("."))
        if gender:
            return gender
    first = (name or "").split()[:1]
    return given_names().get(first[0].lower()) if first else None


@functools.cache
def given_names() -> dict[str, str]:
    """Given name → the gender it usually marks (`data/given_names.csv`)."""
    return {row["name"]: row["gender"] for row in load_csv("given_names.csv")}


def _former(toks: list[Token]) -> bool:
    """True for "former", "ex-" or "onetime" before a title: someone who no longer holds it."""
    return any(t.lower_ in ("former", "ex", "onetime", "erstwhile") for t in toks)


def _speech_parties(pron: Token) -> tuple[Token | None, Token | None]:
    """Who says "I"/"we" and who is "you": the subject and the object of the sentence's verb of
    saying ("You attacked us," Iran told the United States), where it has them."""
    reporting = cues().reporting
    persons = _SPEAKER_PRONOUNS | _ADDRESSEE_PRONOUNS
    for tok in pron.sent:
        if tok.lemma_.lower() in reporting:
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in persons), None)
            if subj is not None:
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.lower_ not in persons), None)
                return subj, obj
    return None, None


def _clause_antecedents(pron: Token) -> list[Token]:
    """Subjects of enclosing clauses that a pronoun may refer to, nearest first
    ("X said it had …", "X held talks during his visit")."""
    out = []
    node = pron
    for _ in range(6):
        if node.head.i == node.i:
            break
        # "As he prepared to fly out, Mr. Putin replied": a fronted clause's pronoun may name
        # the main clause's subject that follows it.
        fronted = node.dep_ == "advcl" and node.i < node.head.i
        if node.dep_ == "xcomp" and node.head.lemma_.lower() not in SUBJECT_CONTROL:
            # "urged Russia to withdraw its troops": the object that controls the infinitive.
            obj = next((c for c in node.head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None and obj.i < pron.i:
                out.append(obj)
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PRON" and (subj.i < pron.i or fronted) \
                and not (subj.left_edge.i <= pron.i <= subj.right_edge.i):
            out.append(subj)
    return out


def _office(role_term: str) -> str | None:
    return {"foreign minister": "foreign_minister", "president": "head_of_state",
            "prime minister": "head_of_government", "deputy prime minister": "deputy_head_of_government",
            "defence minister": "defence_minister", "defense minister": "defence_minister",
            "army chief": "military_chief", "speaker": "speaker"}.get(role_term)


def _plural(head: Token) -> bool:
    return head.tag_ in ("NNS", "NNPS")


def _indefinite(toks: list[Token]) -> bool:
    """True for a phrase that introduces someone new: "a diplomat", "some officials", "80 people"."""
    return any((t.dep_ == "det" and t.lower_ in ("a", "an", "some", "any", "no", "many", "several"))
               or t.dep_ in ("nummod", "quantmod") for t in toks)


def _person_name(head: Token) -> str:
    left = head.i
    while left > 0 and head.doc[left - 1].ent_type_ == "PERSON" and head.doc[left - 1].ent_iob_ != "O":
        left -= 1
    return head.doc[left:head.i + 1].text


def _span_text(head: Token, toks: list[Token]) -> str:
    start = min(t.i for t in toks)
    end = head.i + 1
    for c in head.rights:
        if c.dep_ in ("prep",) and c.lower_ in ("of", "in") or c.dep_ == "appos" or c.dep_ == "compound":
            end = max(end, c.right_edge.i + 1)
    text = head.doc[start:end].text
    if text.count("(") > text.count(")") and end < len(head.doc) and head.doc[end].text == ")":
        text = head.doc[start:end + 1].text  # "Islamic Salvation Front (FIS)"
    return text
