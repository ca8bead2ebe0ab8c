"""Throughput of the dotterel pipeline against bare spaCy `nlp.pipe` on the same texts.

    python bench/throughput.py [CORPUS.jsonl] [--repeat N]

Codes a corpus (default ../shared/corpus/dev.jsonl when present, else the seed
articles repeated) with `Pipeline.code` (no store), then runs bare
`nlp.pipe` over the same article texts with the same model, and prints
documents/s, words/s and the ratio dotterel/bare (1.0 = as fast as bare spaCy).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

from dotterel.ingest import Source, read_paths
from dotterel.nlp import load_model
from dotterel.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def load_sources(path: Path | None, repeat: int) -> list[Source]:
    if path is None:
        corpus = SHARED / "corpus" / "dev.jsonl"
        path = corpus if corpus.exists() else SHARED / "seeds"
    sources = [s for s in read_paths([path]) if isinstance(s, Source)]
    if path.is_dir() and repeat == 1:
        repeat = 20
    return sources * repeat


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    sources = load_sources(args.corpus, args.repeat)
    if not sources:
        print("no documents to benchmark", file=sys.stderr)
        return 1
    nlp = load_model()
    texts = [s.text for s in sources]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:4]))  # warm up

    t0 = time.perf_counter()
    docs = [d for d in Pipeline(nlp).code(sources)]
    ours = time.perf_counter() - t0
    events = sum(len(getattr(d, "events", ())) for d in docs)

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    bare = time.perf_counter() - t0

    result = {
        "documents": len(texts), "words": words, "events": events,
        "dotterel_seconds": round(ours, 2), "spacy_seconds": round(bare, 2),
        "dotterel_docs_per_s": round(len(texts) / ours, 1), "dotterel_words_per_s": round(words / ours),
        "spacy_docs_per_s": round(len(texts) / bare, 1), "spacy_words_per_s": round(words / bare),
        "ratio": round(bare / ours, 3), "python": platform.python_version(), "machine": platform.machine(),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['documents']} documents, {words} words, {events} events")
        print(f"dotterel   : {result['dotterel_docs_per_s']:8.1f} docs/s {result['dotterel_words_per_s']:9d} words/s")
        print(f"bare spaCy : {result['spacy_docs_per_s']:8.1f} docs/s {result['spacy_words_per_s']:9d} words/s")
        print(f"ratio (dotterel speed / bare nlp.pipe speed): {result['ratio']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
