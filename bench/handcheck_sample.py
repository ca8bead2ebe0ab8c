"""Draw the random sample of events for a hand check of the coder.

    python bench/handcheck_sample.py DB [--n 40] [--seed 2026] [--implied]

`--implied` draws only events with an implied party (a state the sentence does
not name), to check those rules on their own.

Prints, for each sampled event, its ids, coding and evidence sentence (read
from the store at run time; the report in bench/ keeps only ids and
judgements, never article text).
"""

from __future__ import annotations

import argparse
import json
import random

from dotterel import open_store, query


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--implied", action="store_true", help="only events with an implied party")
    args = ap.parse_args()
    with open_store(args.db, read_only=True) as store:
        events = query.events(store)
    if args.implied:
        events = [e for e in events if (e["source"] or {}).get("implied") or (e["target"] or {}).get("implied")]
    rng = random.Random(args.seed)
    for e in sorted(rng.sample(events, min(args.n, len(events))), key=lambda e: (e["doc_id"], e["event_id"])):
        print(json.dumps({
            "doc_id": e["doc_id"], "event_id": e["event_id"], "type": e["type"], "mode": e["mode"],
            "source": (e["source"] or {}).get("code"), "source_text": (e["source"] or {}).get("text"),
            "source_implied": (e["source"] or {}).get("implied", False),
            "target": (e["target"] or {}).get("code"), "target_text": (e["target"] or {}).get("text"),
            "target_implied": (e["target"] or {}).get("implied", False),
            "factuality": e["factuality"], "date": e["date"]["value"], "trigger": e["evidence"]["trigger"],
            "sentence": e["evidence"]["sentence"]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
