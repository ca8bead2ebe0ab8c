"""Score the temporal-expression resolver against TempEval-3 gold (`timex_dev.jsonl`).

Each gold record gives a sentence, the span of one DATE/TIME expression, the
document creation date and the TimeML value; the resolver is given the same
and its value (cut to the date part, as the gold is) must match exactly. Also
the batch form behind `dotterel dates`: JSONL records in, resolved values out.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..timex import resolve


def _date_part(value: str) -> str:
    """A TimeML value without its time of day ("2013-03-22TAF" → "2013-03-22").

    Values are compared as exact strings, as the gold README says; the report also
    gives the accuracy with week numbers written in two digits on both sides
    (the gold writes "2000-W7" for the valid "2000-W07")."""
    return value.split("T", 1)[0] if value[:4].isdigit() or value[:4] == "XXXX" else value


def _canonical(value: str) -> str:
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


def _resolve_record(rec: dict[str, Any]) -> tuple[str, str, str | None]:
    """(value, reason, granularity) for one record; raises on a malformed one."""
    sentence, start, end = rec["sentence"], rec["char_start"], rec["char_end"]
    if not isinstance(sentence, str) or not isinstance(start, int) or not isinstance(end, int):
        raise TypeError("sentence must be a string and char_start/char_end integers")
    t = resolve(sentence, start, end, rec.get("dct") or None)
    return t.value, t.reason, (str(t.granularity) if t.granularity is not None else None)


def evaluate_timex(path: str | Path, *, errors: int = 0) -> dict[str, Any]:
    """Value accuracy of `resolve` on a gold JSONL file.

    Args:
        path: JSONL records `{id, dct, sentence, char_start, char_end, text,
            value, kind, corpus}`.
        errors: how many misses to return (first in file order), with the
            expected and produced values and the resolver's reason.

    Returns:
        `{"n", "accuracy" (exact string match), "accuracy_two_digit_weeks", "by_kind": {kind: {"n", "accuracy"}}, "by_corpus":
        {...}, "errors": [...]}`; a record the resolver fails on counts as a miss.
    """
    n, hits, canonical_hits = 0, 0, 0
    totals: dict[str, Counter[str]] = {"by_kind": Counter(), "by_corpus": Counter()}
    good: dict[str, Counter[str]] = {"by_kind": Counter(), "by_corpus": Counter()}
    misses: list[dict[str, Any]] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            try:
                produced, reason, _ = _resolve_record(rec)
            except (KeyError, TypeError, ValueError) as exc:
                produced, reason = "", f"error: {exc}"
            ok = _date_part(produced) == _date_part(str(rec["value"]))
            n += 1
            hits += ok
            canonical_hits += _canonical(_date_part(produced)) == _canonical(_date_part(str(rec["value"])))
            for key, field in (("by_kind", "kind"), ("by_corpus", "corpus")):
                label = str(rec.get(field, "?"))
                totals[key][label] += 1
                good[key][label] += ok
            if not ok and len(misses) < errors:
                misses.append({"id": rec.get("id"), "text": rec.get("text"), "dct": rec.get("dct"),
                               "expected": rec["value"], "produced": produced, "reason": reason,
                               "sentence": rec.get("sentence")})
    result: dict[str, Any] = {"n": n, "accuracy": round(hits / n, 4) if n else 0.0,
                              "accuracy_two_digit_weeks": round(canonical_hits / n, 4) if n else 0.0}
    for key in ("by_kind", "by_corpus"):
        result[key] = {label: {"n": total, "accuracy": round(good[key][label] / total, 4)}
                       for label, total in sorted(totals[key].items())}
    result["errors"] = misses
    return result


def resolve_records(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Resolve JSONL records `{id, dct, sentence, char_start, char_end, text}`.

    Yields `{id, value, granularity}` per non-blank line; a line that is not a
    valid record yields `{id, value: None, granularity: None, error}` with a
    one-line reason instead of raising, so a batch goes on.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        rid: Any = None
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise TypeError("a record must be a JSON object")
            rid = rec.get("id")
            value, _, gran = _resolve_record(rec)
            yield {"id": rid, "value": value, "granularity": gran}
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            reason = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc).splitlines()[0]
            yield {"id": rid, "value": None, "granularity": None, "error": f"line {number}: {reason}"}
