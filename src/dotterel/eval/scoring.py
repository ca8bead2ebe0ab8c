"""Pure scoring functions for event-coder evaluation (no model, no files).

The rules are those of `shared/gold/README.md`, section "Scoring":

- top-k: a document with k gold records is judged on its k most confident
  produced events; a gold record is a hit when one of them has its type, each
  produced event counting once;
- per-type precision/recall/F1 compare each gold record's type with the type
  the system gave that record (its hit, else the unused top-k event it was
  paired with, else nothing: a miss), and macro-F1 averages F1 over the types
  present in the gold;
- country accuracy compares the first three letters of a gold actor code with
  the system's country, on hits only.

Everything here takes and returns plain values so that it can be tested on
small hand-made cases with known answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: The predicted label of a gold record for which the system produced nothing.
NONE = "(none)"

#: Upper edges of the confidence buckets of the reliability table.
BUCKET_EDGES: tuple[float, ...] = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass(frozen=True, slots=True)
class Assignment:
    """The produced event a gold record was paired with (index into the produced
    list, or None) and whether its type matches."""

    produced: int | None
    hit: bool


def top_k(produced: Sequence[float], k: int) -> list[int]:
    """Indices of the k most confident produced events (stable on ties: earlier first)."""
    order = sorted(range(len(produced)), key=lambda i: (-produced[i], i))
    return order[:k]


def assign(gold: Sequence[str], produced: Sequence[tuple[str, float]]) -> list[Assignment]:
    """Pair each gold type with one of the k = len(gold) most confident produced events.

    Hits are paired first (each produced event once, most confident first); the
    remaining gold records take the remaining top-k events in confidence order,
    so a wrong type shows in the confusion matrix; beyond those, nothing.
    """
    chosen = top_k([c for _, c in produced], len(gold))
    free = list(chosen)
    out: list[Assignment | None] = [None] * len(gold)
    for g, gtype in enumerate(gold):
        for i in free:
            if produced[i][0] == gtype:
                out[g] = Assignment(i, True)
                free.remove(i)
                break
    for g in range(len(gold)):
        if out[g] is None:
            out[g] = Assignment(free.pop(0), False) if free else Assignment(None, False)
    return [a for a in out if a is not None]


def per_type(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and counts per gold type from (gold, predicted) pairs.

    `predicted` is a type or `NONE`. Types only predicted (never gold) get a row
    too, with recall 0 and n 0, so their false positives are visible; they do not
    enter `macro_f1`.
    """
    pairs = list(pairs)
    gold_n = Counter(g for g, _ in pairs)
    pred_n = Counter(p for _, p in pairs if p != NONE)
    right = Counter(g for g, p in pairs if g == p)
    out: dict[str, dict[str, float]] = {}
    for t in sorted(set(gold_n) | set(pred_n)):
        p = right[t] / pred_n[t] if pred_n[t] else 0.0
        r = right[t] / gold_n[t] if gold_n[t] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = {"n": gold_n[t], "predicted": pred_n[t], "correct": right[t],
                  "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    return out


def macro_f1(table: dict[str, dict[str, float]]) -> float:
    """Mean F1 over the types present in the gold (rows with n > 0)."""
    f1s = [row["f1"] for row in table.values() if row["n"] > 0]
    return round(sum(f1s) / len(f1s), 4) if f1s else 0.0


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """gold type → predicted type (or `NONE`) → count."""
    out: dict[str, Counter[str]] = {}
    for g, p in pairs:
        out.setdefault(g, Counter())[p] += 1
    return {g: dict(sorted(c.items())) for g, c in sorted(out.items())}


def reliability(samples: Iterable[tuple[float, bool]],
                edges: Sequence[float] = BUCKET_EDGES) -> list[dict[str, float | int | str]]:
    """Accuracy per confidence bucket: `(confidence, correct)` samples, buckets closed
    on the right (`(0.8, 0.9]`), the first one open below (`[0, 0.5]`). Empty buckets
    are kept with n 0 so the table always has the same rows."""
    counts = [0] * len(edges)
    good = [0] * len(edges)
    conf_sum = [0.0] * len(edges)
    for conf, ok in samples:
        b = next((i for i, hi in enumerate(edges) if conf <= hi + 1e-9), len(edges) - 1)
        counts[b] += 1
        good[b] += bool(ok)
        conf_sum[b] += conf
    rows: list[dict[str, float | int | str]] = []
    lo = 0.0
    for i, hi in enumerate(edges):
        label = f"[{lo:.1f}, {hi:.1f}]" if i == 0 else f"({lo:.1f}, {hi:.1f}]"
        rows.append({"bucket": label, "n": counts[i],
                     "accuracy": round(good[i] / counts[i], 4) if counts[i] else 0.0,
                     "mean_confidence": round(conf_sum[i] / counts[i], 4) if counts[i] else 0.0})
        lo = hi
    return rows


def country(code: str | None) -> str | None:
    """The country part of a CAMEO-style code (`PAKGOV` → `PAK`, `IGOUNO` → `IGO`)."""
    return code[:3].upper() if code else None


def country_ok(gold_codes: Sequence[str | None], *produced: str | None) -> bool | None:
    """Whether any produced country is one of the gold actors' countries.

    None when no gold actor has a code (the record is not scored).
    """
    wanted = {c for c in (country(g) for g in gold_codes) if c}
    if not wanted:
        return None
    return any(p is not None and p.upper() in wanted for p in produced)


def accuracy(results: Iterable[bool | None]) -> dict[str, float | int]:
    """`{"scored", "correct", "accuracy"}` over the results that are not None."""
    scored = [r for r in results if r is not None]
    right = sum(scored)
    return {"scored": len(scored), "correct": right,
            "accuracy": round(right / len(scored), 4) if scored else 0.0}
