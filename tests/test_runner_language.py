"""Documents not in English are stored as skipped, with the reason; English ones coded (slow: the model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel import open_store
from dotterel.cli import app
from dotterel.runner import run

from .test_language import ENGLISH, FRENCH, GERMAN

pytestmark = pytest.mark.slow


def test_runner_language_non_english_skipped_with_reason(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": t, "published": "2024-03-05"})
                              for i, t in (("fr", FRENCH), ("de", GERMAN), ("en", ENGLISH))), encoding="utf-8")
    store = open_store(":memory:")
    summary = run([path], store, pipeline)
    rows = dict(store.con.execute("SELECT doc_id, status || coalesce(' ' || reason, '') FROM documents").fetchall())
    assert rows == {"fr": "skipped language: fr", "de": "skipped language: de", "en": "coded"}
    assert (summary.coded, summary.skipped, summary.failed, summary.exit_code) == (1, 2, 0, 0)
    assert store.count("errors") == 0
    assert store.con.execute("SELECT count(*) FROM events WHERE doc_id <> 'en'").fetchone() == (0,)


@pytest.mark.parametrize(("stdin", "options"), [
    (json.dumps({"uid": "s1", "body": ENGLISH, "date": "2024-03-05"}) + "\n",
     ["--text-field", "body", "--date-field", "date", "--id-field", "uid"]),
    ("Envoys meet in Berlin\n\n" + ENGLISH + "\n", []),
    ("Envoys meet in Berlin\n\n" + ENGLISH + "\n", ["--format", "text"]),
])
def test_runner_stdin_through_the_cli(tmp_path: Path, stdin: str, options: list[str]) -> None:
    db = str(tmp_path / "stdin.duckdb")
    result = CliRunner().invoke(app, ["run", "-", "--db", db, *options], input=stdin)
    assert result.exit_code == 0, result.output
    with open_store(db, read_only=True) as store:
        row = store.con.execute("SELECT status, published FROM documents").fetchall()
    assert row == [("coded", "2024-03-05")] if options[:1] == ["--text-field"] else [r[0] for r in row] == ["coded"]


def test_runner_cli_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", "-", "--db", str(tmp_path / "x.duckdb"), "--format", "pdf"], input="x")
    assert result.exit_code == 2
