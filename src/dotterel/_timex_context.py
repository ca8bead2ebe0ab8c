"""What the temporal-expression rules read around an expression (dotterel.timex).

Tense comes from the verb the expression attaches to: the nearest tense cue
before it, or after it within its own clause (an infinitive, relative or
adverbial clause after the expression has its own verb); a present-tense cue
counts only near the expression, a past or future one across its clause. The other dates of
the sentence anchor "a year earlier", appositions and period ends.
"""

from __future__ import annotations

import functools
import re

from ._timex_calendar import Date, latest_quarter, range_of
from ._timex_vocab import _alt, _Ctx, _vocab
from .vocab import DateMethod


def _tense(c: _Ctx) -> str | None:
    """'past', 'future' or 'present' from the nearest tense cue around the
    expression, within its quotation (the attribution outside a quote has its own tense)."""
    w = _vocab().words
    prev = re.search(r"(\w+)\s*$", c.left)
    if prev and prev.group(1) in ("by", "until", "till", "effective", "before"):
        return "future"
    if prev and prev.group(1) == "since":
        return "past"
    quotes = [m.start() for m in re.finditer(r"\"|''|``|[“”]", c.sentence)]
    lo = max([q for q in quotes if q < c.start], default=c.bounds[0])
    hi = min([q for q in quotes if q >= c.end], default=c.bounds[1])
    lo, hi = max(lo, c.bounds[0]), min(hi, c.bounds[1])
    # Letters of any script, so "Fils-Aimé" is not read as a cue word "aim".
    toks = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\W\d_][^\W\d_']*(?:'[^\W\d_]+)?", c.sentence)
            if lo <= m.start() and m.end() <= hi]
    low = [t[0].lower() for t in toks]
    cues = {"future": set(w["future_cues"]), "past": set(w["past_cues"]), "present": set(w["present_cues"])}

    def label(i: int, right: bool) -> str | None:
        if " ".join(low[i:i + 2]) in w["not_cues"] or " ".join(low[i - 1:i + 1]) in w["not_cues"]:
            return None
        if toks[i][0][0].isupper() and toks[i][1] > 0 and c.sentence[:toks[i][1]].strip()[-1:] not in ('"', "“", "."):
            return None  # a capitalised word inside the sentence is a name ("Will", "Aim"), not a cue
        passive = i > 0 and low[i - 1] in w["be_forms"]  # "is heard": the auxiliary has the tense
        for n in (3, 2, 1):
            gram = " ".join(low[i:i + n])
            for tense in ("future", "past", "present"):
                if len(low[i:i + n]) == n and gram in cues[tense] and not (passive and tense == "past"):
                    # "planned to leave on [Thursday]" looks ahead, "On [Friday], X planned to pay" back
                    return "past" if right and tense == "future" and gram.endswith("ed to") else tense
        if not right and low[i] == "to" and _opens_clause(low, i, True, toks) and (
                set(low[max(0, i - 2):i]) & set(w["prospective"])):
            return "future"  # "an agreement to acquire the bank in [January]": not yet done
        if low[i] in w["be_forms"] and " ".join(low[i + 1:i + 3]) in cues["future"]:
            return "future"  # "were planning to", "is expected to"
        t = low[i]
        if t.endswith("'ll"):
            return "future"
        if t.endswith("ed") and len(t) >= 4 and toks[i][0][0].islower() and t not in w["not_past"] and not passive:
            return "past"
        return None

    before = [i for i, t in enumerate(toks) if t[2] <= c.start][::-1]
    # what follows a comma is another clause, unless the expression opens the
    # sentence ("On Tuesday, X plans ..."): then the main clause follows it
    fronted = re.fullmatch(r"\W*(?:\w+\W+)?", c.sentence[lo:c.start]) is not None
    stops = [m.start() for m in re.finditer(r"[,;:()]|--", c.sentence[c.end:hi])]
    limit = c.end + stops[1 if fronted else 0] if len(stops) > fronted else hi
    after = [i for i, t in enumerate(toks) if c.end <= t[1] and t[2] <= limit]
    # an infinitive, relative or adverbial clause after the expression has its
    # own verb: "met him in [May] to prepare the talks" is past
    for k, i in enumerate(after):
        if _opens_clause(low, i, fronted, toks):
            after = after[:k]
            break
    # The nearest cue wins. A past or future marker ("is scheduled to", "will",
    # a past verb) sets the time of its whole clause, however many words of
    # object and apposition lie between it and the date ("is scheduled to
    # spend five hours in X, her first stop [Tuesday]"); a present-tense
    # auxiliary only says the state holds now, so it counts only nearby.
    for dist in range(max(len(before), len(after))):
        for seq in (before, after):
            if dist < len(seq) and (lab := label(seq[dist], seq is after)):
                if lab != "present" or dist < _PRESENT_REACH:
                    return lab
    return None


#: How many words away a present-tense cue still dates an expression.
_PRESENT_REACH = 15


def _opens_clause(low: list[str], i: int, fronted: bool, toks: list[tuple[str, int, int]]) -> bool:
    """Whether token i opens a clause of its own: a to-infinitive ("to discuss";
    not "to the capital"), a relative or adverbial clause ("which", "when"), or
    a second predicate ("and were planning")."""
    w = _vocab().words
    t = low[i]
    if t in w["clause_openers"]:
        return True
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if t == "to" and nxt and toks[i + 1][0][0].islower() and nxt not in w["not_infinitive"]:
        return True
    return not fronted and t in ("and", "but") and nxt in w["clause_verbs"]


def _mode(c: _Ctx, default: str) -> str:
    """How to place a date named without its year or week: last/next from the
    expression's own words, else the tense, else `default`."""
    if re.search(r"\b(?:last|past|previous)\b", c.expr):
        return "last"
    if re.search(r"\b(?:next|coming|following)\b", c.expr):
        return "next"
    tense = _tense(c)
    return default if tense is None else "nearest" if tense == "present" else tense


def _results_quarter(c: _Ctx) -> int | None:
    """The quarter a sentence reports results for: the one it names, else the
    latest completed one when it talks of quarters, per-share results etc."""
    assert c.dct is not None
    s = c.sentence.lower()
    m = re.search(r"\b(first|second|third|fourth)[- ](?:fiscal )?quarter", s)
    if m:
        return int(_vocab().words["ordinals"][m.group(1)])
    if _cues("results_cues").search(s):
        return latest_quarter(c.dct)[1]
    return None


@functools.cache
def _cues(name: str) -> re.Pattern[str]:
    """Any word or phrase of one of timex.yaml's word lists, as whole words."""
    return re.compile(rf"\b(?:{_alt(_vocab().words[name])})\b")


def _compared(c: _Ctx) -> bool:
    """Whether the expression dates the second term of a comparison: a word
    like "from", "than" or "compared with" comes before it in its sentence."""
    return _cues("comparison_cues").search(c.left) is not None


def _apposed_year(c: _Ctx) -> int | None:
    """The year of a date the expression stands in apposition to ("in the
    year-ago quarter, the [second quarter], ..."): the two name one period."""
    for s, e, r in c.others():
        if e <= c.start and re.fullmatch(r",\s*(?:the\s+)?", c.sentence[e:c.start]) and re.match(r"\d{4}", r.value):
            return int(r.value[:4])
    return None


def _period_ended(c: _Ctx) -> int | None:
    """The year of the period whose end the expression names ("the second
    quarter ended [Oct. 31]"), when the sentence dates that period."""
    for s, e, r in c.others():
        if e <= c.start and re.fullmatch(r"\s*(?:which\s+|that\s+)?end(?:ed|ing|s)(?:\s+on)?\s*", c.sentence[e:c.start]) \
                and re.match(r"\d{4}-[QH]", r.value):
            return int(r.value[:4])
    return None


def _sentence_anchor(c: _Ctx) -> tuple[Date, str] | None:
    """Another date that the sentence names (nearest, preferring one before the
    expression), with its granularity: what "a year earlier" counts from."""
    if c.anchor is not None:
        return c.anchor, "day"
    best: tuple[int, Date, str] | None = None
    for s, e, r in c.others():
        gran, first, _ = range_of(r.value)
        if first is None or gran is None or r.method not in (DateMethod.EXPLICIT, DateMethod.RELATIVE):
            continue
        if r.reason.startswith(("relative", "unit")):
            continue  # only dates the text names, not other DCT-relative ones
        dist = c.start - e if e <= c.start else 1000 + s - c.end
        if best is None or dist < best[0]:
            best = (dist, first, str(gran))
    return (best[1], best[2]) if best else None
