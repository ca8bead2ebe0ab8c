"""Shared fixtures: the ../shared folder (skip when absent) and one spaCy model per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder beside the repository (CI always has it)."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not beside the repository (a user's clone): real-article tests skipped")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """One Pipeline with the real model for the whole session."""
    from dotterel import Pipeline

    return Pipeline()
