"""The seed articles against ../shared/gold/seeds.yaml, as its header says (slow)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dotterel.eval.seeds import evaluate_seeds

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(shared: Path, pipeline) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return evaluate_seeds(shared / "gold" / "seeds.yaml", pipeline)


def test_seeds_every_article_found(report: dict[str, Any]) -> None:
    assert [a["title"] for a in report["articles"] if not a["found"]] == []


def test_seeds_structure_checks_all_true(report: dict[str, Any]) -> None:
    failed = [(a["title"], k) for a in report["articles"] for k, ok in a["structure"].items() if not ok]
    assert failed == []


def test_seeds_every_must_event_matched(report: dict[str, Any]) -> None:
    missed = [(a["title"], k) for a in report["articles"] for k, ok in a["must"].items() if not ok]
    assert missed == []


def test_seeds_no_must_not_violated(report: dict[str, Any]) -> None:
    violations = [(a["title"], v["rule"]) for a in report["articles"] for v in a["must_not_violations"]]
    assert violations == []
