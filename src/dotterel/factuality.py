"""How sure the text is that an event happened, and who says so.

The trigger's own clause decides negation, modality and habit; the clauses
above it (up to the sentence root) decide whether the event is reported,
claimed, alleged or denied by someone, whose subject becomes `attributed_to`.
Generic and habitual statements ("insurgents often attack …") return None:
they are not events.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .datafiles import load_yaml
from .errors import DataError
from .vocab import Factuality


#: Maps a speaker's head token to its actor sector (to tell claims from reports).
SectorOf = Callable[[Token], "str | None"]


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue word sets from `data/factuality.yaml`."""

    reporting: frozenset[str]
    denial: frozenset[str]
    claim: frozenset[str]
    unverified: frozenset[str]
    hypothetical: frozenset[str]
    planned: frozenset[str]
    habitual: frozenset[str]
    negation: frozenset[str]
    claiming_sectors: frozenset[str]
    obligation: frozenset[str]
    directive: frozenset[str]
    gathering: frozenset[str]


@functools.cache
def cues() -> Cues:
    raw = load_yaml("factuality.yaml")
    try:
        return Cues(*(frozenset(str(w).lower() for w in raw[k]) for k in (
            "reporting_verbs", "denial_verbs", "claim_verbs", "unverified_words", "hypothetical_words",
            "planned_words", "habitual_words", "negation_words", "claiming_sectors", "obligation_modals",
            "directive_verbs", "gathering_verbs")))
    except (KeyError, TypeError) as exc:
        raise DataError(f"factuality.yaml: missing or malformed key {exc}") from exc


@dataclass(frozen=True, slots=True)
class Judgement:
    """A factuality value, the speaker's head token (if any), and the cue that decided."""

    value: Factuality
    speaker: Token | None
    cue: str


def _clause_words(tok: Token) -> list[Token]:
    """The trigger's own modifiers: auxiliaries, negation, adverbs, determiners, marks."""
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "det", "amod", "mark",
                                                   "npadvmod", "prep", "preconj")]


def _speaker(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                to = next((g for g in c.children if g.dep_ == "prep"), None)
                if to is not None:
                    return next((g for g in to.children if g.dep_ == "pobj"), None)
    return subj


def _words(tokens: list[Token]) -> set[str]:
    return {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}


def is_generic(trigger: Token) -> bool:
    """A present-simple statement about a bare plural ("Russians who travel to …",
    "insurgents attack …"), an opinion ("agreed that …") or an address to the
    reader ("you agree to …"): not an event."""
    if trigger.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in trigger.children):
        return True
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in ("agree", "accept", "concede", "admit") and \
            any(c.dep_ == "ccomp" for c in trigger.children) and \
            not any(c.dep_ in ("xcomp", "dobj", "prep") for c in trigger.children):
        return True
    if trigger.pos_ == "VERB" and trigger.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                    for c in trigger.children):
        return is_generic(trigger.head)  # "employees who protect travellers and investigate terrorism"
    if trigger.pos_ != "VERB" or trigger.tag_ not in ("VBP", "VBZ"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False
    subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("who", "which", "that") and trigger.dep_ == "relcl":
        subj = trigger.head
    if subj is None or subj.tag_ not in ("NNS", "NNPS"):
        return False
    return not any((c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both")) or c.dep_ == "poss"
                   or c.dep_ == "nummod" for c in subj.children)


def infinitive(verb: Token) -> bool:
    """True for a "to"-infinitive verb ("to help", "rallied to demand")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _purpose(verb: Token) -> bool:
    """True for a purpose infinitive: "to"-clause without a subject of its own ("in order to help")."""
    return verb.pos_ in ("VERB", "AUX") and infinitive(verb) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _for(child: Token) -> bool:
    """True for a "for" phrase or clause: "called for the release", "pushed for X to leave"."""
    return child.lower_ == "for" or any(t.dep_ == "mark" and t.lower_ == "for" for t in child.children)


#: Prepositions whose object is an event taken as given ("after the massacre", "since the coup").
_PRESUPPOSING = frozenset({"after", "before", "since", "during", "following", "amid", "despite", "over"})
#: Nouns of decision or plan: what their infinitive names is still to come.
_PLAN_NOUNS = frozenset({"decision", "intention", "intent", "plan", "programme", "program", "agreement", "deal",
                         "commitment", "pledge", "promise", "vow", "move", "timetable", "deadline", "order"})


_ORDINALS = frozenset({"first", "last", "only", "second", "third"})


def _ordinal(noun: Token) -> bool:
    """True for "the first/last/only (country)": its infinitive states what it did."""
    return any(c.dep_ in ("amod", "nummod") and (c.tag_ in ("JJS", "RBS") or c.lower_ in _ORDINALS)
               for c in noun.children)


def _imperative(verb: Token) -> bool:
    """True for a command ("Smash his head, or slaughter him", "Release them now"): a bare verb with
    no subject or auxiliary heading its sentence or a quoted clause."""
    if verb.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children):
        return False
    if verb.dep_ == "conj":
        return _imperative(verb.head)
    return verb.dep_ in ("ROOT", "ccomp")


def _every(words: list[Token]) -> bool:
    """True for a recurring time: "each year", "every Friday"."""
    return any(t.dep_ == "npadvmod" and any(d.lower_ in ("each", "every") for d in t.children) for t in words)


def _question(tok: Token) -> bool:
    """True when the token's sentence is a yes/no question ("Will X release …?"); a wh-question
    ("Why did X attack …?") takes the event as given."""
    words = [t for t in tok.sent if not t.is_quote and not t.is_space and not t.is_punct]
    ends = [t.text for t in tok.sent if not t.is_quote and not t.is_space]
    return bool(words) and ends[-1] == "?" and words[0].tag_ not in ("WRB", "WP", "WDT", "WP$")


def judge(trigger: Token, clause: Token, speaker_sector: SectorOf) -> Judgement | None:
    """The factuality of the event triggered at `trigger` (clause: its light verb, if any).

    Args:
        trigger: the trigger token.
        clause: the verb carrying it (the trigger itself for verbs; the light verb for nouns).
        speaker_sector: maps a speaker's head token to its actor sector (for claims).
    """
    c = cues()
    own = _clause_words(trigger) + (_clause_words(clause) if clause.i != trigger.i else [])
    own_words = _words(own)
    if own_words & c.habitual or is_generic(trigger) or _every(own):
        return None
    negated = bool(own_words & c.negation) or any(t.dep_ == "neg" for t in own)
    conditional = any(t.dep_ == "mark" and t.lower_ in ("if", "unless", "whether") for t in own)
    # Climb: infinitive and participle heads share the clause ("will not be visiting",
    # "refused to attack"); reporting and denial verbs above mark attribution.
    node = clause
    # A question asks whether something happens; it does not say that it does.
    hypothetical = bool(own_words & c.hypothetical) or _question(trigger) or _imperative(clause)
    planned = bool(own_words & c.planned)
    unverified = bool(own_words & c.unverified)
    speaker: Token | None = None
    verdict: Factuality | None = None
    cue = ""
    steps = 0
    while node.head.i != node.i and steps < 8:
        steps += 1
        child = node
        rel, node = node.dep_, node.head
        lemma = node.lemma_.lower()
        above = _clause_words(node)
        above_words = _words(above)
        if rel in ("dobj", "nsubjpass") and child.i == trigger.i and trigger.pos_ == "NOUN":
            # "should use sanctions", "did not back sanctions": the verb's modality is the noun's.
            verb_words = _words([t for t in node.children if t.dep_ in ("aux", "auxpass", "neg")])
            negated = negated or bool(verb_words & c.negation)
            hypothetical = hypothetical or bool(verb_words & c.hypothetical)
            planned = planned or bool(verb_words & c.planned)
        if rel == "pobj" and node.lower_ in _PRESUPPOSING:
            break  # "after the massacre", "since the attack": the event is taken as given
        if rel in ("ccomp", "acl") and (lemma in c.directive and node.pos_ == "NOUN" or any(
                o.dep_ == "dobj" and o.lemma_.lower() in c.directive for o in node.children)):
            hypothetical = True  # "its demand that Israel ease …", "reiterated its demand that …"
        if lemma in c.directive and (rel in ("xcomp", "dobj") or (rel == "ccomp" and lemma != "tell")
                                     or (rel in ("prep", "advcl") and _for(child))):
            hypothetical = True  # "urged X to withdraw", "demanded an apology", "called for the release"
        if rel in ("xcomp", "aux") or (rel == "conj" and node.pos_ == "VERB"):
            shares_aux = rel == "conj" and not any(t.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                                                   for t in child.children)
            if rel == "xcomp" or shares_aux:  # "will continue to support", "will attack and destroy"
                negated = negated or any(t.dep_ == "neg" for t in above)
                hypothetical = hypothetical or bool(above_words & c.hypothetical)
                planned = planned or bool(above_words & c.planned)
            planned = planned or lemma in c.planned
            hypothetical = hypothetical or lemma in c.hypothetical
            continue
        if rel == "advcl" and any(t.dep_ == "mark" and t.lower_ in ("if", "unless")
                                  for t in (*child.children, *node.children)):
            hypothetical = True
        if rel == "advcl" and _purpose(child) and lemma not in c.gathering:
            # "sent troops to secure the border": the securing is what was intended ("rose to voice
            # concern", "gathered to protest": people who came to do it did it).
            planned = True
        if lemma in c.unverified or node.lower_ in c.unverified:
            unverified = True
            cue = cue or node.text
        if lemma in c.denial and verdict is None:
            verdict, speaker, cue = Factuality.DENIED, _speaker(node), node.text
            break
        if lemma in c.claim and verdict is None:
            verdict, speaker, cue = Factuality.CLAIMED, _speaker(node), node.text
            break
        if lemma in c.reporting:
            speaker = _speaker(node)
            cue = node.text
            if any(t.dep_ == "neg" for t in above):
                verdict = Factuality.DENIED
            break
        if rel == "acl" and node.pos_ == "NOUN" and infinitive(child) and not _ordinal(node):
            # "efforts to win support", "a plan to withdraw": what a noun aims at has not happened
            # ("the first country to recognize …" has).
            if lemma in c.planned or lemma in _PLAN_NOUNS:
                planned = True
            else:
                hypothetical = True
            break
        if rel in ("relcl", "acl") and node.pos_ in ("NOUN", "PROPN", "PRON"):
            # A relative clause's factuality is its own; the noun's sentence does not bear on it.
            if node.lemma_.lower() in c.unverified:
                unverified = True
            break
    if verdict is Factuality.DENIED:
        return Judgement(verdict, speaker, cue)
    if conditional or (hypothetical and negated):
        # "if an agreement could not be reached": a condition, neither fact nor denial.
        return Judgement(Factuality.HYPOTHETICAL, speaker, "condition")
    if negated:
        return Judgement(Factuality.DENIED if speaker is not None else Factuality.NEGATED, speaker,
                         "negation")
    if verdict is Factuality.CLAIMED:
        return Judgement(verdict, speaker, cue)
    if hypothetical:
        return Judgement(Factuality.HYPOTHETICAL, speaker, "modality")
    if unverified:
        return Judgement(Factuality.UNVERIFIED, speaker, cue or "report")
    if speaker is not None and (speaker_sector(speaker) or "").lower() in c.claiming_sectors:
        return Judgement(Factuality.CLAIMED, speaker, f"{cue} (said by a party to the conflict)")
    if planned:
        return Judgement(Factuality.PLANNED, speaker, "future or intention")
    return Judgement(Factuality.ASSERTED, speaker, cue or "stated")

