"""The command line on the bundled examples (slow: runs the model)."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()
EXAMPLES = str(files("dotterel") / "examples")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "demo.duckdb")
    result = runner.invoke(app, ["run", EXAMPLES, "--db", path])
    assert result.exit_code == 0, result.output
    return path


def test_cli_events_jsonl_records(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows
    keys = {"event_id", "doc_id", "cluster_id", "type", "mode", "context", "source", "target", "factuality",
            "attributed_to", "date", "location", "evidence", "cameo", "confidence", "mentions"}
    assert all(keys <= set(r) for r in rows)
    assert {r["factuality"] for r in rows} >= {"asserted", "denied"}


def test_cli_events_table_and_filters(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--type", "CONSULT", "--format", "csv"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("event_id,doc_id,type") and all(",CONSULT," in line for line in lines[1:])
    assert runner.invoke(app, ["events", "--db", db]).exit_code == 0


def test_cli_documents_and_explain(db: str) -> None:
    docs = [json.loads(x) for x in runner.invoke(app, ["documents", "--db", db, "--format", "jsonl"]).stdout.splitlines()]
    assert len(docs) == 5
    assert {"doc_id", "path", "url", "outlet", "title", "published", "dateline", "sections"} <= set(docs[0])
    event = json.loads(runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).stdout.splitlines()[0])
    result = runner.invoke(app, ["explain", event["event_id"], "--db", db])
    assert result.exit_code == 0 and "mention" in result.stdout and "date:" in result.stdout


def test_cli_run_reports_failures_with_exit_code_3(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Talks\n\nJapan and China held talks in Tokyo on Monday.", encoding="utf-8")
    (tmp_path / "bad.bin").write_bytes(bytes(range(256)))
    result = runner.invoke(app, ["run", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 3
    assert "bad.bin: binary data" in result.output and "Traceback" not in result.output


def test_cli_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "run `dotterel run` first" in result.output


def test_cli_dates_single() -> None:
    result = runner.invoke(app, ["dates", "in April this year", "--published", "2021-07-05"])
    assert result.exit_code == 0 and '"2021-04"' in result.stdout
