"""Text similarity between articles: near-duplicates and stories.

Near-duplicates. Each document's normalised text is shingled into word
3-grams and summarised by a 128-permutation MinHash (datasketch). Its LSH
band keys go in `doc_lsh`, so a new document finds its candidates with one
indexed query against every document stored before, in this run or earlier
ones; a candidate whose estimated Jaccard similarity is at least
`DUPLICATE_THRESHOLD` (0.8: a syndicated wire copy with its own headline
and boilerplate, not two outlets rewriting the same agency story, which
share about half their text) makes the new document a duplicate of the
earliest such stored document (`documents.duplicate_of`, status
`duplicate`). Duplicates are still coded; their events join the original's
clusters and count once in `num_articles`.

Stories. Each document's content words (title and text, stop words and
words under `MIN_TERM_LENGTH` letters out) are stored in `doc_terms`; the
TF-IDF cosine of two documents (IDF over every stored document) says how
much they tell one story (`clusters.py` decides what is similar enough).
State lives in the store only.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from .store import Store
from .vocab import DocStatus

log = logging.getLogger(__name__)

#: Jaccard similarity of word 3-gram sets at or above which two articles are near-duplicates.
DUPLICATE_THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 3
#: datasketch's hashing scheme, named so stored signatures stay comparable across versions.
MINHASH_SCHEME = "affine32"
#: Content words shorter than this are left out of story vectors (with the stop words).
MIN_TERM_LENGTH = 3
_TERM = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


# -- near-duplicates ------------------------------------------------------------
def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of word n-grams of the text, lower-cased, punctuation and spacing ignored."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    """The MinHash signature of a text's shingles (seeded, so stable across runs)."""
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=MINHASH_SCHEME)
    m.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return m


def _bands() -> tuple[int, int]:
    """(bands, rows) that datasketch picks for our threshold and permutations."""
    lsh = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _band_keys(m: MinHash) -> list[tuple[int, int]]:
    b, r = _bands()
    keys = []
    for band in range(b):
        chunk = np.asarray(m.hashvalues[band * r:(band + 1) * r], dtype=np.uint64).tobytes()
        keys.append((band, int.from_bytes(hashlib.sha1(chunk).digest()[:8], "big", signed=True)))
    return keys


def _from_blob(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype=np.uint64).astype(minhash("").hashvalues.dtype)
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=MINHASH_SCHEME, hashvalues=values)


def find_duplicates(store: Store) -> dict[str, tuple[str, float]]:
    """Sign the documents not yet signed and mark the near-duplicates among them.

    Documents are taken in publication order, so the original of a pair is the
    earlier stored one. Writes `doc_minhash`, `doc_lsh` and, for each duplicate,
    `documents.duplicate_of`, `status` and `reason`.

    Returns:
        doc_id → (original doc_id, estimated Jaccard similarity) for the new duplicates.
    """
    pending = store.con.execute(
        "SELECT doc_id, text FROM documents d WHERE NOT EXISTS (SELECT 1 FROM doc_minhash s "
        "WHERE s.doc_id = d.doc_id) AND text IS NOT NULL ORDER BY published NULLS LAST, ingested_at, doc_id"
    ).fetchall()
    found: dict[str, tuple[str, float]] = {}
    for doc_id, text in pending:
        m = minhash(text)
        keys = _band_keys(m)
        rows = store.con.execute(
            "SELECT DISTINCT s.doc_id, s.signature, d.duplicate_of FROM doc_lsh l JOIN doc_minhash s USING (doc_id) "
            "JOIN documents d USING (doc_id) WHERE (l.band, l.key) IN (SELECT * FROM (VALUES "
            + ", ".join("(?, ?)" for _ in keys) + ")) AND l.doc_id <> ?",
            [x for k in keys for x in k] + [doc_id]).fetchall()
        best: tuple[str, float] | None = None
        for other, blob, other_dup in rows:
            sim = float(m.jaccard(_from_blob(blob)))
            if sim >= DUPLICATE_THRESHOLD and best is None:
                best = (other_dup or other, sim)  # candidates are stored earlier: the first is the original
        store.con.execute("INSERT OR REPLACE INTO doc_minhash VALUES (?, ?)",
                          [doc_id, np.asarray(m.hashvalues, dtype=np.uint64).tobytes()])
        store.con.execute("DELETE FROM doc_lsh WHERE doc_id = ?", [doc_id])
        store.con.executemany("INSERT INTO doc_lsh VALUES (?, ?, ?)", [[doc_id, b, k] for b, k in keys])
        if best is not None:
            found[doc_id] = best
            store.con.execute(
                "UPDATE documents SET duplicate_of = ?, status = ?, reason = ? WHERE doc_id = ?",
                [best[0], DocStatus.DUPLICATE.value, f"near-duplicate of {best[0]} (Jaccard {best[1]:.2f})",
                 doc_id])
    return found


# -- story similarity -----------------------------------------------------------
@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy's English list; imported late, it pulls in spaCy

    return frozenset(STOP_WORDS)


def terms(text: str) -> Counter[str]:
    """Content-word counts of a text: lower-cased words, stop words and words under `MIN_TERM_LENGTH` left out."""
    stop = _stop_words()
    words = (w.lower().strip("'-") for w in _TERM.findall(text))
    return Counter(w for w in words if len(w) >= MIN_TERM_LENGTH and w not in stop)


def index_terms(store: Store) -> int:
    """Write `doc_terms` (content-word counts of title and text) for the documents that have none yet."""
    pending = store.con.execute(
        "SELECT doc_id, title, text FROM documents d WHERE NOT EXISTS (SELECT 1 FROM doc_terms t "
        "WHERE t.doc_id = d.doc_id) AND text IS NOT NULL ORDER BY doc_id").fetchall()
    rows = [[doc_id, term, n] for doc_id, title, text in pending
            for term, n in sorted(terms(f"{title or ''}\n{text}").items())]
    if rows:  # one statement with list parameters: executemany is slow on DuckDB
        ids, words, counts = (list(col) for col in zip(*rows))
        store.con.execute("INSERT INTO doc_terms SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                          "unnest(?::INTEGER[])", [ids, words, counts])
    return len(pending)


def story_vectors(store: Store, doc_ids: Iterable[str]) -> dict[str, dict[str, float]]:
    """doc_id → unit TF-IDF vector of its content words, document frequencies taken over the whole store.

    Term weight: (1 + ln count) · (ln((1 + N) / (1 + df)) + 1), the smoothed sublinear TF-IDF; the IDF comes
    from every document stored so far, so words common to all news ("said", "government") weigh little and
    names, places and the story's own words weigh much.
    """
    ids = sorted(set(doc_ids))
    if not ids:
        return {}
    (n,) = store.con.execute("SELECT count(DISTINCT doc_id) FROM doc_terms").fetchone() or (0,)
    rows = store.con.execute(
        "WITH mine AS (SELECT doc_id, term, count FROM doc_terms WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))) "
        "SELECT m.doc_id, m.term, m.count, f.df FROM mine m JOIN (SELECT term, count(*) AS df FROM doc_terms "
        "WHERE term IN (SELECT DISTINCT term FROM mine) GROUP BY term) f USING (term) ORDER BY m.doc_id, m.term",
        [ids]).fetchall()
    vectors: dict[str, dict[str, float]] = {}
    for doc_id, term, count, df in rows:
        vectors.setdefault(doc_id, {})[term] = (1 + math.log(count)) * (math.log((1 + n) / (1 + df)) + 1)
    for v in vectors.values():
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        for term in v:
            v[term] /= norm
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())
