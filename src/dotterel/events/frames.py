"""Who did what to whom in one parsed sentence: event frames from dependencies.

A frame is a trigger (a lexicon verb, or an event noun, possibly carried by a
light verb as in "paid a visit") with the heads of its source and target
phrases. Subjects pass down to infinitives, conjoined verbs and relative
clauses ("agreed to increase", "X, who has met Y"); passives take their
source from the "by" phrase; nouns take theirs from a possessive ("Putin's
visit") or "by"/"of" phrases.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from .. import factuality
from ..actors.resolve import SUBJECT_CONTROL
from ..vocab import EventType
from .lexicon import Lexicon, Trigger

_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself",
                         "yourselves", "oneself"})
#: Types whose "of" phrase names the one acted upon ("the abduction of a citizen").
_PATIENT_OF = frozenset({EventType.ASSAULT, EventType.COERCE, EventType.SANCTION, EventType.AID,
                         EventType.ACCUSE, EventType.THREATEN, EventType.REJECT})
#: Prepositions that introduce a target, by type family.
_TARGET_PREPS_COOP = ("with", "to", "between", "for")
_TARGET_PREPS = ("against", "on", "upon", "at", "to", "with", "toward", "towards", "into", "from", "for")
#: An accusation is made against whoever did what it is "over" or "about", not whom it is made to
#: ("complained to the UN over Israeli raids").
_ACCUSED_PREPS = ("against", "over", "about", "on", "upon", "at", "to", "with", "toward", "towards", "for")
#: Types that govern an event embedded in their complement: "offered to mediate", "threatened
#: to impose sanctions", "called on X to release", "refused to withdraw", and (PLOVER manual:
#: demands made by demonstrating are PROTEST) "rallied to demand". The governing event is coded.
_GOVERNING = frozenset({EventType.AGREE, EventType.THREATEN, EventType.REQUEST, EventType.REJECT,
                        EventType.PROTEST})
#: Dependencies that embed one clause in another's complement or purpose.
_EMBEDDING = frozenset({"xcomp", "ccomp", "acl", "advcl"})
#: How much an embedded event's confidence is scaled, so the governing event ranks first.
EMBEDDED_FACTOR = 0.6
#: Verbs of gathering: their subject holds the event they gather for ("converged for a rally").
_GATHERING_VERBS = frozenset({"converge", "gather", "assemble", "come", "go", "march", "flock", "head", "arrive",
                              "turn", "show", "pour", "stream", "rally", "meet", "join", "return", "travel", "fly"})
#: Verbs of being in a state: their subject holds the event noun they are "on" ("stayed on alert").
_STATE_VERBS = frozenset({"be", "remain", "stay", "go", "keep", "continue"})
#: Event nouns whose possessor undergoes the act ("Lai's trial", "his arrest"), not does it.
_PATIENT_NOUNS = frozenset({"trial", "arrest", "detention", "prosecution", "indictment", "conviction", "sentencing",
                            "execution", "killing", "murder", "assassination", "abduction", "kidnapping",
                            "extradition", "deportation", "expulsion", "impeachment", "ouster", "removal",
                            "imprisonment", "jailing", "capture", "interrogation", "torture", "firing",
                            "dismissal", "sacking", "persecution", "harassment", "beating", "release",
                            "freeing", "rescue"})
#: Adverbs that act as a verb's particle, whose phrase is the verb's ("walked away from the talks").
_PARTICLES = frozenset({"away", "out", "back", "off", "down"})
#: Verbs of warning, which threaten only when the warning is of the speaker's own act.
_WARNING_VERBS = frozenset({"warn", "caution"})
#: Where something is said, not whom it is aimed at ("on Twitter", "on television").
_MEDIA_WORDS = frozenset({"twitter", "television", "tv", "radio", "air", "camera", "video", "facebook", "instagram",
                          "youtube", "podcast", "social", "website", "blog"})
#: Verbs of helping, which also mean contributing to an outcome ("helped fuel the boom").
_CONTRIBUTE_VERBS = frozenset({"help", "assist"})
#: Verbs whose subject owns the plan or decision they take ("made a decision to withdraw";
#: not "rejected the plan to …").
_OWNING_VERBS = frozenset({"make", "take", "have", "announce", "unveil", "adopt", "approve", "issue", "reach",
                           "renew", "repeat", "reiterate", "voice", "express", "step"})
#: Texts that speak for whoever issues them ("a statement demanding …").
_UTTERANCES = frozenset({"statement", "declaration", "communique", "communiqué", "letter", "resolution", "report",
                         "message", "note", "petition", "appeal", "memorandum", "ultimatum", "video", "post",
                         "tweet", "speech", "editorial", "announcement", "notice", "decree", "order"})
#: Verbs of meeting whose object is the topic ("discussed the mission with X": X is the party).
_TOPIC_VERBS = frozenset({"discuss", "debate", "negotiate", "review", "examine", "explore", "address", "consider"})
#: Dependencies of a noun phrase (a participle with a determiner there names people: "the wounded").
_NOUN_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos"})
#: Words that open a reported question or clause ("asked whether the case would be dropped",
#: "could not rule out that …").
_QUESTION_WORDS = frozenset({"whether", "if", "how", "what", "why", "when", "who", "which", "where", "that"})
#: Heads of a phrase naming someone employed: "fired the director" dismisses them.
_PERSONNEL = frozenset({"director", "chief", "head", "minister", "secretary", "official", "adviser", "advisor",
                        "aide", "employee", "staff", "worker", "agent", "general", "commander", "coach",
                        "manager", "prosecutor", "attorney", "spokesman", "spokeswoman", "spokesperson"})
_COOP_TYPES = frozenset({EventType.CONSULT, EventType.AGREE, EventType.COOPERATE, EventType.SUPPORT,
                         EventType.AID, EventType.CONCEDE, EventType.RETREAT})


@dataclass(frozen=True, slots=True)
class Frame:
    """A trigger with its source and target heads (each list holds conjuncts)."""

    trigger: Token
    words: tuple[Token, ...]
    coding: Trigger
    clause: Token
    sources: tuple[Token, ...]
    targets: tuple[Token, ...]
    #: The event exists only if `targets` names an actor ("X said the rebels must leave" is a
    #: demand on the rebels; "X said walls must not be controversial" is no demand).
    needs_target: bool = False


def _with_conjuncts(tok: Token | None) -> list[Token]:
    """A head and its conjuncts, without reflexives ("killed 23 people as well as themselves":
    the attackers are no second party)."""
    if tok is None:
        return []
    heads = [tok, *(c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON") and c.i > tok.i)]
    return [h for h in heads if h.lower_ not in _REFLEXIVES]


def _child(tok: Token, deps: frozenset[str] | set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject head of a verb, inherited through control, conjunction and
    relative clauses; and whether the verb is passive."""
    subj = _child(verb, _SUBJECTS)
    if subj is not None:
        # A bare participle with a subject is a headline passive ("citizen abducted in …").
        # Not with an object or an "on/at" target: "soldiers fired on protesters" is active.
        reduced = verb.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass", "dobj") or (c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "upon"))
            for c in verb.children)
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head, reduced
        return subj, reduced
    passive = _child(verb, _PASSIVE_SUBJECTS)
    if passive is not None:
        if passive.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head, True
        return passive, True
    if depth > 4:
        return None, False
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return verb.head, verb.tag_ == "VBN"
    if verb.dep_ == "acl" and factuality.infinitive(verb):
        # "its threat to fire rockets", "made a decision to withdraw": whose threat or decision.
        noun = verb.head
        owner = _child(noun, {"poss"}) or next(
            (c for c in noun.children if c.dep_ in ("compound", "amod") and c.pos_ in ("PROPN", "ADJ")
             and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")), None)  # "the US plan to impose sanctions"
        if owner is not None:
            return owner, False
        if noun.dep_ in ("dobj", "attr") and noun.head.lemma_.lower() in _OWNING_VERBS:
            return subject_of(noun.head, depth + 1)[0], False
        return None, False
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        noun = verb.head  # "troops guarding the border"; "issued a statement demanding …": its issuer
        if noun.lemma_.lower() in _UTTERANCES and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
            return subject_of(noun.head, depth + 1)[0], False
        return noun, False
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        inherited, passive_head = subject_of(verb.head, depth + 1)
        # An object-control verb passes its object ("urged X to leave").
        if verb.dep_ == "xcomp":
            # "urged X to leave", "called on X to leave"
            obj = _child(verb.head, {"dobj"}) or next(iter(_prep_objects(verb.head, ("on", "upon"))), None)
            if obj is not None and verb.head.lemma_ not in SUBJECT_CONTROL:
                return obj, False
        return inherited, passive_head if verb.dep_ == "conj" else False
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head, depth + 1)  # "X is ready to contribute"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in ("of", "for") \
            and verb.head.head.pos_ == "VERB":
        # "accused X of violating", "blamed X for attacking": the object does it; else the subject
        # ("apologised for attacking").
        governor = verb.head.head
        return _child(governor, {"dobj"}) or subject_of(governor, depth + 1)[0], False
    return None, False


def _target_preps(coding: Trigger) -> tuple[str, ...]:
    """The prepositions that may introduce the target of a coding's type, best first."""
    if coding.type in _COOP_TYPES:
        return _TARGET_PREPS_COOP
    return _ACCUSED_PREPS if coding.type is EventType.ACCUSE else _TARGET_PREPS


def _agent(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent":
            return _child(c, {"pobj"})
    return None


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the token's prepositions in `preps`, in the order of `preps`;
    times ("on Friday", "at noon") are never parties."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            obj = _child(c, {"pobj"}) or _stranded_object(c)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                out.append((preps.index(c.lower_), obj))
    return [obj for _, obj in sorted(out, key=lambda pair: pair[0])]


def _stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the parser left without one, when it took the phrase after it
    for the subject of the next clause ("granted asylum to five officers holed up in …")."""
    if prep.dep_ != "prep" or any(c.dep_ == "pcomp" for c in prep.children):
        return None
    for tok in prep.doc[prep.i + 1:prep.i + 8]:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.left_edge.i == prep.i + 1 and tok.head.i > tok.i \
                and tok.head.dep_ in ("advcl", "ccomp", "conj") and tok.pos_ in ("NOUN", "PROPN"):
            return tok
    return None


def _children_lemmas(tok: Token) -> set[str]:
    lemmas = set()
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "attr", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        lemmas.add("^" + tok.head.lemma_.lower())  # the verb that carries a noun: "^pose" in "poses a threat"
    elif tok.pos_ == "NOUN" and tok.dep_ == "pobj":
        lemmas.add("^" + tok.head.lower_)  # the preposition a noun follows: "^on" in "went on strike"
    for c in tok.children:
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children):
            continue  # "called X on Tuesday" is no "call on", "fired on Friday" no "fire on"
        if c.dep_ in ("prt", "prep", "dobj", "attr", "acomp", "nsubjpass", "compound", "amod", "nmod", "advmod",
                      "npadvmod", "xcomp", "oprd"):
            lemmas.add(c.lemma_.lower())
            if c.dep_ == "prep":
                lemmas.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "advmod" and c.lower_ in _PARTICLES:  # "walked away from the talks"
                for p in c.children:
                    if p.dep_ == "prep":
                        lemmas.add(p.lemma_.lower())
                        lemmas.update(g.lemma_.lower() for g in p.children if g.dep_ == "pobj")
            elif c.dep_ in ("dobj", "nsubjpass"):
                # A measure or kind names what is given: "tons of aid", "a state of emergency"; and where
                # the object is moved from, when the parser hung it there: "forced out hundreds from their homes".
                lemmas.update(g.lemma_.lower() for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                              for g in p.children if g.dep_ == "pobj")
        elif c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children):
            lemmas.add("for")  # "pushed for X to leave": a "for" clause is the verb's "for" phrase
        elif c.dep_ == "advcl" and c.i > tok.i and factuality.infinitive(c):
            lemmas.add(c.lemma_.lower())  # "have sworn to fight on", parsed as a purpose clause
        elif c.dep_ == "mark" and c.lower_ != "for":
            lemmas.add(c.lower_)  # "as opposed to": idioms a sense table can name (not "for X to")
        elif c.dep_ == "ccomp":
            # "asked whether X", "pressed on how", "ruled out that": the word opening the clause
            lemmas.update(g.lower_ for g in c.children if g.lower_ in _QUESTION_WORDS)
    return lemmas


def _verb_frame(tok: Token, coding: Trigger, lex: Lexicon) -> Frame:
    subj, passive = subject_of(tok)
    agent = _agent(tok)
    preps = _target_preps(coding)
    if passive and agent is None and coding.type is EventType.RETREAT and coding.mode in ("disarm", "withdraw"):
        sources, direct = _with_conjuncts(subj), None  # "the militia has been demobilized": it stood down
    elif passive:
        sources = _with_conjuncts(agent)
        direct = subj
    else:
        sources = _with_conjuncts(_doer(subj, lex) or subj if subj is not None else None)
        direct = _child(tok, {"dobj", "dative"})
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "a citizen abducted by militants"
        sources, direct = _with_conjuncts(agent), tok.head
    words = [tok]
    if direct is not None and coding.type is EventType.MOBILIZE:
        direct = None  # "deployed troops to X": the object is the force, X the target
    if direct is not None and coding.type is EventType.CONSULT and tok.lemma_.lower() in _TOPIC_VERBS:
        direct = None  # "met to discuss the mission": what is discussed is a topic, not a party
    carried = lex.lookup(direct.lemma_.lower(), "NOUN", set()) if direct is not None else None
    part_of_trigger = direct is not None and direct.lemma_.lower() in coding.with_  # "opened fire on X"
    if direct is not None and direct.dep_ == "dobj" and (
            part_of_trigger or (carried is not None and carried.type is coding.type)):
        # "imposed sanctions on X": the event noun carries the target.
        words.append(direct)
        # "demanded the withdrawal of X from Y": who is to act is asked; "tightened the blockade
        # of X with Y's help": who undergoes the act the verb carries out is acted on.
        undergoes = carried is not None and carried.type in _PATIENT_OF and (
            carried.type is coding.type or part_of_trigger)  # "lifted the siege of X"
        of_first = undergoes or _acting_of(direct, lex)
        noun_preps = _target_preps(carried) if carried is not None else preps  # "lift the ban on X"
        objs = _prep_objects(direct, ("of",) if of_first else ()) + _prep_objects(direct, noun_preps)
        direct = objs[0] if objs else None
    targets = _with_conjuncts(direct) if direct is not None else []
    if not targets:
        objs = _prep_objects(tok, preps)
        targets = _with_conjuncts(objs[0]) if objs else []
    if not targets and part_of_trigger and words[-1].dep_ == "dobj":
        targets = [words[-1]]  # "purchasing Russian crude oil": the goods may name the partner
    return Frame(tok, tuple(words), coding, tok, tuple(sources), tuple(targets))


def _noun_frame(tok: Token, coding: Trigger, lex: Lexicon) -> Frame:
    clause = tok.head
    words = [tok]
    sources: list[Token] = []
    targets: list[Token] = []
    poss = _possessor(tok)
    if poss is not None and tok.lemma_.lower() in _PATIENT_NOUNS:
        targets = _with_conjuncts(poss)  # "Lai's trial", "Khashoggi's killing": who undergoes it
    elif poss is not None:
        sources = _with_conjuncts(poss)
    agent = _prep_objects(tok, ("by",))
    if agent:
        sources = _with_conjuncts(agent[0])
    of = _prep_objects(tok, ("of",))
    if of and not targets:
        if coding.type in _PATIENT_OF:
            targets = _with_conjuncts(of[0])
        elif not sources:
            sources = _with_conjuncts(of[0])
    carrier = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        carrier = tok.head.head  # "launched ten days of war games", "carried out a series of raids"
        clause = carrier.head
    while carrier.dep_ == "conj" and carrier.head.pos_ == "NOUN":
        carrier = carrier.head  # "launched tank and mortar fire": the verb of the first object
        clause = carrier.head
    # A light verb, or the verb the row itself names as carrying the noun ("^open": "opened an inquiry").
    light = carrier.dep_ in ("dobj", "nsubjpass") and clause.pos_ in ("VERB", "AUX") and (
        clause.lemma_.lower() in lex.light_verbs or "^" + clause.lemma_.lower() in coding.with_)
    if not light:
        clause = tok.head
    if light:
        words.insert(0, clause)
        subj, passive = subject_of(clause)
        if carrier.dep_ == "dobj" and not passive:
            sources = sources or _with_conjuncts(subj)
        else:
            agent_tok = _agent(clause)
            sources = sources or _with_conjuncts(agent_tok)
    preps = tuple(p for p in _target_preps(coding) if p != "between")
    sides = _prep_objects(tok, ("between",))
    if sides and not sources:
        sources = _with_conjuncts(sides[0])  # "fighting between X and Y", "talks between X and Y": both sides
    elif sides and not targets:
        targets = _with_conjuncts(sides[0])  # "launched a mediation between X and Y": the mediator's parties
    if not targets and not sides:
        objs = _prep_objects(tok, preps) or (_prep_objects(clause, preps) if light else [])
        if objs:
            targets = _with_conjuncts(objs[0])
    if not sources and not light and tok.dep_ == "pobj" and (
            (tok.head.lower_ in ("for", "to") and tok.head.head.lemma_.lower() in _GATHERING_VERBS)
            or (tok.head.lower_ == "on" and tok.head.head.lemma_.lower() in _STATE_VERBS)):
        # "supporters gathered for a rally", "came to the protest": who gathers holds it;
        # "troops stayed on alert", "workers are on strike": who is in that state.
        sources = _with_conjuncts(subject_of(tok.head.head)[0])
    if not sources and not light:
        # An actor adjective or compound: "Russian strikes", "Pakistan-Iran talks".
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ")]
        sources = mods[:1] + [c for c in mods[1:2]] if mods else []
    return Frame(tok, tuple(sorted(words, key=lambda t: t.i)), coding, clause if light else tok,
                 tuple(sources), tuple(targets))


def is_condition(clause: Token, marks: tuple[str, ...] = ("if", "unless")) -> bool:
    """True for a conditional clause ("if X deploys missiles", "unless X pays")."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)


def _acting_of(noun: Token, lex: Lexicon) -> bool:
    """True when a noun is an event whose "of" phrase names who acts ("the withdrawal of
    Ethiopian troops", "the visit of X"), not who undergoes it ("the release of X")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in _PATIENT_NOUNS:
        return False
    coding = lex.lookup(noun.lemma_.lower(), "NOUN", set())
    return coding is not None and coding.type not in _PATIENT_OF


def _doer(noun: Token, lex: Lexicon) -> Token | None:
    """Who did what an event noun names, when the noun is a verb's subject: "airstrikes by the
    army killed 50", "Russia's shelling destroyed the bridge" (not "Monday's attack")."""
    if noun.pos_ != "NOUN" or (noun.lemma_.lower(), "NOUN") not in lex.rows:
        return None
    agent = next(iter(_prep_objects(noun, ("by",))), None)
    if agent is None and noun.lemma_.lower() not in _PATIENT_NOUNS:
        agent = _possessor(noun)
    return agent


def _possessor(noun: Token) -> Token | None:
    """A noun's possessor, unless it is a time: "Russia's shelling", not "last month's invasion"."""
    poss = _child(noun, {"poss"})
    return poss if poss is not None and poss.ent_type_ not in ("DATE", "TIME") else None


def _event_owner(tok: Token, lex: Lexicon) -> Token:
    """For an object that is itself an event noun ("welcomed Lavrov's visit"), its actor (the
    "by" agent of a killing or an arrest, before whoever undergoes it)."""
    if tok.pos_ == "NOUN" and (tok.lemma_.lower(), "NOUN") in lex.rows:
        agent = next(iter(_prep_objects(tok, ("by",))), None)
        if agent is not None and tok.lemma_.lower() in _PATIENT_NOUNS:
            return agent
        owner = _child(tok, {"poss"}) or next(iter(_prep_objects(tok, ("of", "by"))), None)
        if owner is not None:
            return owner
    return tok


def _governor(frame: Frame, by_token: dict[int, Frame]) -> Frame | None:
    """The frame whose complement embeds this one ("offered to mediate": offered), if any.

    Climbs at most three embedding links from the frame's clause, so "threatened to
    order troops to attack" is still governed by "threatened". A protest also governs
    what its marchers do meanwhile ("demonstrated, calling for …", "joined them in
    demanding …"): the PLOVER manual codes demands made by demonstrating as PROTEST."""
    node = frame.clause
    participle = False
    for _ in range(3):
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head  # "in demanding": a preposition's gerund
        elif node.dep_ not in _EMBEDDING or node.head.i == node.i:
            return None
        elif node.dep_ == "advcl" and not factuality.infinitive(node):
            if node.tag_ != "VBG":
                return None  # only purpose infinitives ("rallied to demand"), not "after …", "if …" clauses
            participle = True
        node = node.head
        gov = by_token.get(node.i)
        if gov is not None and gov is not frame:
            if participle and gov.coding.type is not EventType.PROTEST:
                return None
            return gov if gov.coding.type in _GOVERNING and gov.coding.type is not frame.coding.type else None
    return None


def _in_description(frame: Frame, frames: list[Frame]) -> bool:
    """True when a verb frame sits in a relative or participle clause ("a resolution that aims
    to tighten sanctions", "in a note passed to the UN") and the sentence has an event
    outside it: background to that event."""
    node = frame.clause
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
    if node.pos_ not in ("VERB", "AUX") or not (node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ == "VBN")):
        return False
    inside = {t.i for t in node.subtree}
    return any(f.trigger.i not in inside for f in frames)


def _warning(verb: Token, coding: Trigger, lex: Lexicon) -> Trigger | None:
    """What a bare warning is. "Warned X to leave" asks X to; "warned that it would retaliate",
    "warned that X would face force", "warned that … unless …" threaten; a warning about a
    risk ("warned that the economy could suffer", a quote "he warned") is a statement, no event."""
    if any(c.dep_ == "xcomp" and factuality.infinitive(c) for c in verb.children):
        return lex.lookup("urge", "VERB", set())
    subject = subject_of(verb)[0]
    for comp in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        said = _child(comp, {"nsubj", "nsubjpass"})
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in comp.children)
        conditional = any(map(is_condition, comp.children))
        own = said is not None and subject is not None and (
            said.lower_ in ("it", "they", "we", "he", "she", "i") or said.lower_ == subject.lower_)
        aimed = said is not None and comp.tag_ == "VBN" and _child(comp, {"auxpass"}) is not None
        if conditional or (future and (own or aimed)):
            return coding
    return None


def _dismissal(noun: Token) -> bool:
    """True when "firing" dismisses someone: a person's or an employee's, not shots "on" anyone."""
    if any(o.ent_type_ not in ("PRODUCT", "ORG", "WORK_OF_ART") and o.lemma_.lower() not in _MEDIA_WORDS
           for o in _prep_objects(noun, ("on", "at", "upon"))):
        return False  # shots on someone (not "on Twitter", "on Monday")
    people = [_child(noun, {"poss"}), *_prep_objects(noun, ("of",))]
    return any(p is not None and (p.ent_type_ == "PERSON" or p.pos_ == "PRON" or p.lemma_.lower() in _PERSONNEL)
               for p in people)


def _contributes(verb: Token) -> bool:
    """True when "help" means contributing to an outcome, not aiding a party: it helps an
    act along ("helped defeat the bill", "helped the mayor make her case") or helps no one named
    ("could help")."""
    obj = _child(verb, {"dobj", "dative"})
    if any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and factuality.infinitive(c)) for c in verb.children):
        return obj is None or obj.ent_type_ not in ("GPE", "NORP", "ORG")
    return obj is None and not _prep_objects(verb, ("with", "to"))


def _rank_embedded(frames: list[Frame]) -> list[Frame]:
    """Lower the confidence of events embedded under a governing trigger, so that
    "X threatened to impose sanctions" ranks THREATEN above SANCTION."""
    by_token: dict[int, Frame] = {}
    for f in frames:
        for t in (f.trigger, f.clause, *f.words):
            by_token.setdefault(t.i, f)
    out = []
    for f in frames:
        if _governor(f, by_token) is not None or _in_description(f, frames):
            f = replace(f, coding=replace(f.coding, confidence=round(f.coding.confidence * EMBEDDED_FACTOR, 3)))
        out.append(f)
    return out


def _obligation_frame(tok: Token, lex: Lexicon) -> Frame | None:
    """ "X said Y must leave": a demand by X on Y, coded as the lexicon codes "demand"."""
    cues = factuality.cues()
    if tok.lemma_.lower() not in cues.reporting:
        return None
    demand = lex.lookup("demand", "VERB", set())
    for comp in tok.children:
        if comp.dep_ != "ccomp" or demand is None:
            continue
        modal = next((c for c in comp.children if c.dep_ == "aux" and c.lower_ in cues.obligation), None)
        subj = _child(comp, {"nsubj", "nsubjpass"})
        speaker = _child(tok, {"nsubj"})
        # "X must be under pressure", "X must have known": an inference, not a demand.
        inferred = comp.lemma_ == "be" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in comp.children)
        if modal is not None and subj is not None and speaker is not None and subj.pos_ != "PRON" and not inferred:
            words = tuple(sorted((tok, modal), key=lambda t: t.i))
            return Frame(tok, words, demand, tok, tuple(_with_conjuncts(speaker)),
                         tuple(_with_conjuncts(subj)), needs_target=True)
    return None


def find_frames(sent: Span, lex: Lexicon) -> list[Frame]:
    """Every event frame in a parsed sentence."""
    frames = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        obligation = _obligation_frame(tok, lex) if tok.pos_ == "VERB" else None
        if obligation is not None:
            frames.append(obligation)
        if tok.pos_ == "VERB" and tok.dep_ == "amod":
            continue  # an adjectival participle describes a noun: "detained sailors", "wounded civilians"
        if tok.pos_ == "VERB":
            obj = _child(tok, {"dobj", "nsubjpass"})
            if lemma in lex.light_verbs and obj is not None and lex.lookup(obj.lemma_.lower(), "NOUN", _children_lemmas(obj)):
                continue
            coding = lex.lookup(lemma, "VERB", _children_lemmas(tok))
            if coding is not None and coding.type is EventType.CONSULT and \
                    any(c.dep_ in ("oprd", "acomp") for c in tok.children):
                continue  # "called the plan reckless": naming, not meeting or phoning
            if coding is not None and lemma == "fire" and not coding.with_ and obj is not None and (
                    obj.ent_type_ == "PERSON" or obj.lemma_.lower() in _PERSONNEL):
                continue  # "fired the director": a dismissal, not gunfire
            if coding is not None and lemma in _WARNING_VERBS and not coding.with_:
                coding = _warning(tok, coding, lex)
            if coding is not None and lemma in _CONTRIBUTE_VERBS and _contributes(tok):
                continue  # "helped fuel the boom", "could help": contributing to an outcome, no aid
            if coding is not None and tok.tag_ in ("VBN", "JJ") and tok.dep_ in _NOUN_DEPS \
                    and any(c.dep_ == "det" for c in tok.children):
                continue  # "evacuated the wounded", "mourned the dead": people, not an event
            if coding is not None:
                frame = _verb_frame(tok, coding, lex)
                # The owner of an object event ("welcomed Lavrov's visit"), unless the object is part of
                # the trigger ("reiterated its demand": its is the source's own).
                targets = tuple(t if t in frame.words else _event_owner(t, lex) for t in frame.targets)
                frames.append(Frame(frame.trigger, frame.words, coding, frame.clause, frame.sources, targets))
        elif tok.pos_ == "NOUN":
            coding = lex.lookup(lemma, "NOUN", _children_lemmas(tok))
            head_coding = lex.lookup(tok.head.lemma_.lower(), "VERB", _children_lemmas(tok.head)) \
                if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in lex.light_verbs \
                else None
            carried = head_coding is not None and coding is not None and (
                head_coding.type is coding.type or lemma in head_coding.with_)
            if coding is not None and lemma == "firing" and _dismissal(tok):
                continue  # "Smith's firing", "the firing of the director": a dismissal, not gunfire
            if coding is not None and tok.dep_ != "compound" and not carried:
                frames.append(_noun_frame(tok, coding, lex))
    return _rank_embedded(frames)
