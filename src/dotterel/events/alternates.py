"""Where else a frame's target may be named, when its own object is a thing or missing.

"granted asylum to X", "threatened to cut off electricity to X", "demanded that X
leave", "denounced as a crime X's abuses": the coder tries these phrases in order and
takes the first that names an actor other than the source.
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import factuality
from ..actors.resolve import RELATIONAL_NOUNS
from ..vocab import EventType
from .frames import Frame, _acting_of, _agent, _child, _prep_objects, is_condition
from .lexicon import Lexicon


#: Prepositions whose object may be the party acted upon when the direct object is a thing.
_ALTERNATE_PREPS = ("to", "with", "against", "on", "upon", "from", "by", "of", "for", "toward", "towards", "before",
                    "over")
#: Prepositions whose object is a setting, not a party, but may carry the party's phrase.
_PLACE_TIME_PREPS = ("in", "at", "during", "after", "before")
#: Clauses whose arguments may name the party: complements and purpose infinitives.
_ALTERNATE_CLAUSES = frozenset({"xcomp", "ccomp", "advcl"})


def alternates(frame: Frame, lex: Lexicon | None = None) -> tuple[Token, ...]:
    """Other heads that may name the target, best first, for when the frame's own target is a
    thing or missing: "granted asylum to X", "threatened to cut off electricity to X",
    "demanded that X leave". None for a frame that `needs_target`.

    Looks, in order, at the object phrases ("demands from X", "X's suppression",
    "crimes by X"), the trigger's other prepositions, then one or two levels of
    complement or purpose clauses ("threatened to cut off power to X", "demanded that X
    cancel", "opened fire to scatter X"); an event noun's own actor comes first ("demanded
    the withdrawal of X from Y": X is asked), and a threat's condition names who is
    threatened last ("threatened to stop talks if X deploys")."""
    if frame.needs_target:
        return ()
    out: list[Token] = []
    seen = {t.i for t in (*frame.sources, *frame.targets, *frame.words)}

    def add(tok: Token | None) -> None:
        if tok is not None and tok.i not in seen and tok.pos_ in ("NOUN", "PROPN", "PRON") \
                and tok.ent_type_ not in ("DATE", "TIME"):
            seen.add(tok.i)
            out.append(tok)

    def phrase(head: Token, depth: int = 0) -> None:
        if head.lemma_.lower() not in RELATIONAL_NOUNS:  # "X's ally" is not X
            add(_child(head, {"poss"}))
        if lex is not None and _acting_of(head, lex):
            add(next(iter(_prep_objects(head, ("of",))), None))
        for c in head.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                add(_agent(c))  # "a rally organised by exiles"
        for obj in _prep_objects(head, _ALTERNATE_PREPS):
            add(obj)
            if obj.lemma_.lower() not in RELATIONAL_NOUNS:
                add(_child(obj, {"poss"}))
            if depth == 0:
                phrase(obj, 1)  # "half of a loan program for Myanmar", "demands for freedom from X"
        if depth == 0:
            for obj in _prep_objects(head, _PLACE_TIME_PREPS):
                phrase(obj, 1)  # "blamed his loss in the primary on X": a phrase the parser hung lower

    # What is discussed is a topic: "discussed cooperation with X" does not meet X.
    topic = frame.coding.type is EventType.CONSULT

    def clause(verb: Token, depth: int) -> None:
        for obj in (_child(verb, {"dobj"}), _child(verb, {"dative"}), *_shifted_objects(verb)):
            if obj is not None and not topic:
                phrase(obj)
        for obj in _prep_objects(verb, _ALTERNATE_PREPS):
            add(obj)
            phrase(obj)
        if depth >= 2:
            return
        for c in verb.children:
            if c.dep_ in _ALTERNATE_CLAUSES and c.pos_ in ("VERB", "AUX") and c.i > verb.i:
                if c.dep_ == "advcl" and not factuality.infinitive(c) and not (
                        c.tag_ == "VBG" and frame.coding.type is EventType.PROTEST):
                    continue  # only purpose infinitives (and a protest's "calling for"), not "after …", "if …"
                if c.tag_ != "VBG":  # whom marchers join is no target: "joining students in demanding …"
                    add(_child(c, {"nsubj", "nsubjpass"}))
                    add(_child(c, {"dobj", "dative"}))
                clause(c, depth + 1)

    for t in () if topic else frame.targets:
        phrase(t)
    if frame.clause.pos_ in ("VERB", "AUX"):
        clause(frame.clause, 0)
    else:
        phrase(frame.trigger)
    if frame.coding.type is EventType.THREATEN:
        for tok in frame.clause.subtree:
            if is_condition(tok):
                add(_child(tok, {"nsubj", "nsubjpass"}))
    return tuple(out)


def _shifted_objects(verb: Token) -> list[Token]:
    """An object the writer moved after an "as" phrase ("denounced as a crime X's abuses"),
    parsed as a second object of "as" or as an apposition to it."""
    out: list[Token] = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            out += objs[1:] + [a for o in objs[:1] if (a := _child(o, {"appos"})) is not None]
    return out
