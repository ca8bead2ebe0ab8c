"""Bad input never loses data; re-running is a no-op (slow: uses the model)."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from dotterel import open_store, query
from dotterel.runner import run

pytestmark = pytest.mark.slow

GOOD = ("Japan and China held security talks in Tokyo on Monday, officials said.\n\n"
        "Chinese Foreign Minister Wang Yi met Japanese officials in Tokyo in July.\n")


@pytest.fixture()
def bad_dir(tmp_path: Path) -> Path:
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "good.txt").write_text("Talks in Tokyo\n\n" + GOOD, encoding="utf-8")
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (d / "western.txt").write_bytes(("Talks in Genève resume\n\nThe French government said on Monday "
                                     "that talks in Genève would resume, according to the ministère.\n").encode("cp1252"))
    (d / "broken.txt").write_bytes("Talks in Zürich\n\nThe délégation met.".encode() + b"\xff\xfe\xfd")
    (d / "empty.txt").write_bytes(b"")
    (d / "huge.txt").write_text("Huge file\n\n" + ("The minister met the envoy in Kyiv. " * 600_000), encoding="utf-8")
    lines = [json.dumps({"id": "ok-1", "text": GOOD, "published": "2024-07-10"}), "{broken json",
             json.dumps({"id": "ok-2", "text": "Kenya deployed police officers to Haiti on Sunday.",
                         "published": "2025-06-02"})]
    (d / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


def test_runner_bad_input_is_recorded_and_the_rest_coded(bad_dir: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    store = open_store(":memory:")
    summary = run([bad_dir], store, pipeline)
    assert summary.exit_code == 3
    reasons = {Path(e["source"]).name + (f":{e['line']}" if e["line"] else ""): e["reason"]
               for e in query.errors(store)}
    assert set(reasons) == {"image.png", "broken.txt", "empty.txt", "huge.txt", "docs.jsonl:2"}
    assert "binary" in reasons["image.png"] and "UTF-8" in reasons["broken.txt"]
    assert "too large" in reasons["huge.txt"] and "malformed JSON" in reasons["docs.jsonl:2"]
    docs = query.documents(store)
    assert len(docs) == 4  # good.txt, western.txt, ok-1, ok-2
    western = store.con.execute("SELECT metadata FROM documents WHERE path LIKE '%western.txt'").fetchone()
    assert western is not None and json.loads(western[0])["encoding"] == "cp1252"
    assert summary.coded == 4 and summary.failed == 5


def test_runner_same_input_twice_adds_nothing(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "x.duckdb"
    examples = files("dotterel") / "examples"
    with open_store(db) as store:
        first = run([str(examples)], store, pipeline)
        counts = (store.count("documents"), store.count("events"), store.count("event_mentions"))
    with open_store(db) as store:
        second = run([str(examples)], store, pipeline)
        assert (store.count("documents"), store.count("events"), store.count("event_mentions")) == counts
    assert first.coded == counts[0] > 0 and counts[1] > 0
    assert second.coded == 0 and second.already_stored == first.coded and second.exit_code == 0
