"""A learned re-typer for the rule coder's event candidates (softmax regression, pure numpy).

The rule coder (`frames.py`, the lexicon) proposes frames; this model looks at each
candidate trigger in its sentence (its lemma, the lexicon's type, the words around it,
the verbs that govern it, auxiliaries and negation, the sentence's other triggers and a
bag of its lemmas) and gives a probability for each of the sixteen PLOVER types and for
`OTHER` ("not the sentence's coded event": a non-event, or an event embedded under the
one that is coded). The coder then

- re-types a frame when the model is confident (its best type has probability ≥
  `retype_threshold`), the probability becoming the frame's confidence;
- otherwise keeps the rule coding and blends its confidence with the model's
  probability that the candidate is the coded event;
- adds a frame for the sentence's main verbs that no lexicon row covers, only when
  the model gives one type probability ≥ `new_threshold`.

Features are hashed (CRC-32 into `DIM` buckets), so the model file holds only the
weights of buckets seen in training and no vocabulary. Training is full-batch Adam
on the mean cross-entropy plus an L2 penalty: deterministic, seconds for a few
hundred candidates, and used both by `tools/train_type_model.py` and by
`dotterel eval plover --cv K`. scikit-learn is not needed.

The shipped weights (`data/models/type_model.json`) are trained on the PLOVER gold
standard records (© 2016 Open Event Data Alliance, CC BY-SA 4.0); see
`data/models/NOTICE`.
"""

from __future__ import annotations

import functools
import json
import logging
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span, Token

from ..errors import DataError
from ..vocab import EventType
from .frames import Frame, _verb_frame
from .lexicon import Lexicon, Trigger

log = logging.getLogger(__name__)

OTHER = "OTHER"
#: The model's classes: the sixteen PLOVER types, then "not the coded event".
CLASSES: tuple[str, ...] = tuple(str(t) for t in EventType) + (OTHER,)
#: Hash buckets for features.
DIM = 1 << 18
#: Weight of a sentence bag-of-lemmas feature (candidate features weigh 1).
BAG_WEIGHT = 0.5
#: Where the shipped model lives, under the package's `data/`.
MODEL_FILE = "models/type_model.json"
#: Dependencies by which a main verb embeds another ("said it would boycott", "agreed to lift").
_CHAIN = frozenset({"ccomp", "xcomp", "conj", "advcl"})
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN"})
_KID_DEPS = frozenset({"prt", "dobj", "attr", "acomp", "nsubjpass", "compound", "amod", "advmod",
                       "npadvmod", "xcomp", "oprd", "ccomp", "dative"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate trigger of a sentence: its frame (None for a main verb no lexicon row
    covers), the trigger token, the text of its words and its features."""

    token: Token
    frame: Frame | None
    words: tuple[str, ...]
    features: tuple[tuple[str, float], ...]


def _ancestors(tok: Token, depth: int = 3) -> list[Token]:
    """The verbs or nouns that embed a trigger, nearest first ("announced … would withdraw")."""
    out = []
    node = tok
    for _ in range(depth):
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node)
    return out


def candidate_features(sent: Span, tok: Token, frame: Frame | None,
                       rule_types: dict[int, str], bag: list[str] | None = None) -> tuple[tuple[str, float], ...]:
    """The (feature, value) pairs of one candidate trigger; `rule_types` maps the token
    index of every lexicon trigger of the sentence to its type."""
    rule = frame.coding if frame is not None else None
    feats: dict[str, float] = {"bias": 1.0}
    lemma = tok.lemma_.lower()
    rtype = str(rule.type) if rule is not None else "NONE"

    def add(name: str, value: float = 1.0) -> None:
        feats[name] = max(feats.get(name, 0.0), value)

    add(f"lem={lemma}")
    add(f"pos={tok.pos_}")
    add(f"tag={tok.tag_}")
    add(f"dep={tok.dep_}")
    add(f"rule={rtype}")
    add(f"rule={rtype}|lem={lemma}")
    if rule is not None:
        add("prior", rule.confidence)
        add(f"mode={rule.mode}")
        for w in rule.with_:
            add(f"with={w}")
        for w in frame.words if frame is not None else ():
            add(f"word={w.lemma_.lower()}")
        if frame is not None and frame.clause.i != tok.i:
            add(f"light={frame.clause.lemma_.lower()}")
    for c in tok.children:
        cl = c.lemma_.lower()
        if c.dep_ in ("aux", "auxpass"):
            add(f"aux={cl}")
        elif c.dep_ == "neg":
            add("neg")
        elif c.dep_ == "prep":
            add(f"prep={cl}")
            for g in c.children:
                if g.dep_ == "pobj":
                    add(f"prep={cl}|{g.lemma_.lower()}")
        elif c.dep_ in _KID_DEPS:
            add(f"kid={cl}")
            add(f"kid={c.dep_}|{cl}")
        if c.i in rule_types:
            add(f"kid_rule={rule_types[c.i]}")
    add(f"head={tok.head.lemma_.lower()}")
    for depth, anc in enumerate(_ancestors(tok)):
        al = anc.lemma_.lower()
        add(f"anc={al}", 1.0 if depth == 0 else 0.5)
        if anc.i in rule_types:
            add(f"anc_rule={rule_types[anc.i]}")
            add("embedded")
        for c in anc.children:
            if c.dep_ in ("aux", "auxpass"):
                add(f"anc_aux={c.lemma_.lower()}", 0.5)
            elif c.dep_ == "neg":
                add("anc_neg", 0.5)
    if tok.i == sent.root.i:
        add("root")
    for i, t in rule_types.items():
        if i != tok.i:
            add(f"sent_rule={t}", 0.5)
    for name in bag if bag is not None else sentence_bag(sent):
        add(name, BAG_WEIGHT)
    return tuple(sorted(feats.items()))


def sentence_bag(sent: Span) -> list[str]:
    """The sentence's content lemmas as bag features."""
    return [f"bag={t.lemma_.lower()}" for t in sent if t.pos_ in _CONTENT and not t.is_stop]


def candidates(sent: Span, frames: Sequence[Frame], max_extra: int = 4) -> list[Candidate]:
    """The rule frames of a sentence, then its main verbs that no frame covers (the root and
    the verbs it embeds through complements, conjunctions and adverbial clauses, two levels deep)."""
    covered = {t.i for f in frames for t in (f.trigger, f.clause, *f.words)}
    rule_types = {f.trigger.i: str(f.coding.type) for f in frames}
    bag = sentence_bag(sent)
    out = [Candidate(f.trigger, f, tuple(w.text.lower() for w in f.words),
                     candidate_features(sent, f.trigger, f, rule_types, bag)) for f in frames]
    extra: list[Token] = []
    level = [sent.root]
    for _ in range(3):
        nxt: list[Token] = []
        for tok in level:
            if tok.pos_ == "VERB" and tok.i not in covered and len(extra) < max_extra:
                extra.append(tok)
            nxt.extend(c for c in tok.children if c.dep_ in _CHAIN and c.pos_ in ("VERB", "AUX"))
        level = nxt
    out.extend(Candidate(t, None, (t.text.lower(),), candidate_features(sent, t, None, rule_types, bag)) for t in extra)
    return out


def _negated(cand: Candidate) -> bool:
    return any(name in ("neg", "anc_neg") for name, _ in cand.features)


def _hash(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % DIM


@dataclass(frozen=True)
class TypeModel:
    """Softmax-regression weights over hashed features, and the decision thresholds."""

    rows: dict[int, np.ndarray]
    bias: np.ndarray
    retype_threshold: float = 0.5
    new_threshold: float = 0.6
    meta: dict[str, Any] = field(default_factory=dict)

    def proba(self, features: Iterable[tuple[str, float]]) -> dict[str, float]:
        """Class → probability for one candidate."""
        z = self.bias.astype(np.float64).copy()
        for name, value in features:
            row = self.rows.get(_hash(name))
            if row is not None:
                z += value * row
        z -= z.max()
        p = np.exp(z)
        p /= p.sum()
        return {c: float(v) for c, v in zip(CLASSES, p)}

    def apply(self, sent: Span, frames: Sequence[Frame], lex: Lexicon) -> list[tuple[Frame, bool]]:
        """The sentence's frames after the model, each with whether the model chose its type
        (then the coder must not re-derive the type, e.g. from the future tense)."""
        out: list[tuple[Frame, bool]] = []
        for cand in candidates(sent, frames):
            p = self.proba(cand.features)
            best = max(CLASSES[:-1], key=lambda c: p[c])
            sure = p[best] >= (self.retype_threshold if cand.frame is not None else self.new_threshold)
            if cand.frame is not None and best != str(cand.frame.coding.type) and _negated(cand):
                # dotterel codes a negated event as its type with factuality DENIED (factuality.py),
                # refusals to accept as REJECT (coder.py); the model does not learn other negations.
                sure = False
            if cand.frame is not None:
                rule = cand.frame.coding
                if sure and best != str(rule.type) and rule.with_:
                    # A multi-word rule ("called on X to", "called a meeting", "imposed sanctions")
                    # names its sense; 5-fold CV is the same with or without re-typing them.
                    sure = False
                if sure and best != str(rule.type):
                    coding = replace(rule, type=EventType(best), mode=None, context=(), cameo=None,
                                     confidence=round(p[best], 3))
                    out.append((replace(cand.frame, coding=coding), True))
                elif sure:
                    out.append((replace(cand.frame, coding=replace(rule, confidence=round(p[best], 3))), True))
                else:
                    # Not confident: keep the rules' coding, its confidence blended with the
                    # model's belief that this candidate is the sentence's coded event.
                    blended = 0.5 * rule.confidence + 0.5 * (1.0 - p[OTHER])
                    out.append((replace(cand.frame, coding=replace(rule, confidence=round(blended, 3))), False))
            elif sure and (cand.token.lemma_.lower(), "VERB") not in lex.rows:
                # A lexicon verb without a frame was turned down by a rule ("fired the director").
                coding = Trigger(cand.token.lemma_.lower(), "VERB", (), EventType(best), None, (), None,
                                 round(p[best], 3))
                out.append((_verb_frame(cand.token, coding, lex), True))
        return out

    def to_json(self) -> dict[str, Any]:
        return {"format": "dotterel-type-model/1", "classes": list(CLASSES), "dim": DIM,
                "retype_threshold": self.retype_threshold, "new_threshold": self.new_threshold,
                "meta": self.meta, "bias": [round(float(b), 4) for b in self.bias],
                "rows": {str(k): [round(float(x), 4) for x in v] for k, v in sorted(self.rows.items())}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TypeModel:
        if data.get("classes") != list(CLASSES) or data.get("dim") != DIM:
            raise DataError("type model: classes or hash size differ from this version of dotterel")
        rows = {int(k): np.asarray(v, dtype=np.float64) for k, v in data["rows"].items()}
        return cls(rows, np.asarray(data["bias"], dtype=np.float64), float(data["retype_threshold"]),
                   float(data["new_threshold"]), dict(data.get("meta") or {}))

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> TypeModel:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


@functools.cache
def shipped_model() -> TypeModel | None:
    """The model shipped in the package, or None when the package has none."""
    res = files("dotterel") / "data" / MODEL_FILE
    try:
        text = res.read_text(encoding="utf-8")
    except FileNotFoundError:
        log.info("no shipped type model: coding with rules only")
        return None
    return TypeModel.from_json(json.loads(text))


def train(examples: Sequence[Sequence[tuple[str, float]]], labels: Sequence[str], *, l2: float = 1e-3,
          steps: int = 300, lr: float = 0.05, retype_threshold: float = 0.5, new_threshold: float = 0.6,
          meta: dict[str, Any] | None = None) -> TypeModel:
    """Fit softmax regression on hashed features (full-batch Adam, deterministic).

    Args:
        examples: each candidate's (feature, value) pairs.
        labels: each candidate's class (a PLOVER type or `OTHER`).
        l2: the L2 penalty on the weights (not the bias).
    """
    if len(examples) != len(labels) or not examples:
        raise ValueError("train needs as many labels as examples, and at least one")
    cols: dict[int, int] = {}
    for feats in examples:
        for name, _ in feats:
            cols.setdefault(_hash(name), len(cols))
    X = np.zeros((len(examples), len(cols)))
    for i, feats in enumerate(examples):
        for name, value in feats:
            X[i, cols[_hash(name)]] += value
    index = {c: k for k, c in enumerate(CLASSES)}
    Y = np.zeros((len(examples), len(CLASSES)))
    for i, lab in enumerate(labels):
        Y[i, index[lab]] = 1.0
    W = np.zeros((len(cols), len(CLASSES)))
    b = np.zeros(len(CLASSES))
    params = [W, b]
    m = [np.zeros_like(x) for x in params]
    v = [np.zeros_like(x) for x in params]
    n = len(examples)
    for step in range(1, steps + 1):
        Z = X @ W + b
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        G = (P - Y) / n
        grads = [X.T @ G + l2 * W, G.sum(axis=0)]
        for k, (x, g) in enumerate(zip(params, grads)):
            m[k] = 0.9 * m[k] + 0.1 * g
            v[k] = 0.999 * v[k] + 0.001 * g * g
            mh = m[k] / (1 - 0.9 ** step)
            vh = v[k] / (1 - 0.999 ** step)
            x -= lr * mh / (np.sqrt(vh) + 1e-8)
    rows = {h: W[k].copy() for h, k in cols.items() if np.abs(W[k]).max() >= 1e-4}
    return TypeModel(rows, b.copy(), retype_threshold, new_threshold, dict(meta or {}))


class CandidateRecorder:
    """Stands in for a model inside the coder and records every candidate it is shown,
    leaving the rule coding as it is: how training data is collected with the very
    parses and candidates the coder sees."""

    def __init__(self) -> None:
        #: Sentence text (stripped) → its candidates.
        self.seen: dict[str, list[Candidate]] = {}

    def apply(self, sent: Span, frames: Sequence[Frame], lex: Lexicon) -> list[tuple[Frame, bool]]:
        self.seen.setdefault(sent.text.strip(), []).extend(candidates(sent, frames))
        return [(f, False) for f in frames]
