"""One loader for the data tables shipped in `dotterel/data/`.

Tables are CSV (with `#` comment lines) or YAML, read once per process and
validated by their users; a malformed row raises `DataError` naming the file
and line.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib.resources import files
from typing import Any

import yaml

from .errors import DataError


def data_text(name: str) -> str:
    """The text of a shipped data file."""
    try:
        return (files("dotterel") / "data" / name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"data file {name!r} is missing from the package") from exc


def split_cell(cell: str) -> list[str]:
    """The values of a `|`-separated table cell ("Burma|Myanmar"), without empty ones."""
    return [p.strip() for p in cell.split("|") if p.strip()]


@functools.cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a shipped CSV file as dicts; blank and `#` lines are skipped.

    Each row carries its 1-based line number under the key `__line__` so that
    validators can name it in a `DataError`.
    """
    lines = data_text(name).splitlines()
    numbered = [(i + 1, line) for i, line in enumerate(lines)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        raise DataError(f"{name}: no rows")
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in numbered)))
    rows = []
    for (lineno, _), row in zip(numbered[1:], reader):
        if None in row or any(v is None for v in row.values()):
            raise DataError(f"{name}:{lineno}: wrong number of columns")
        row = {k.strip(): v.strip() for k, v in row.items()}
        row["__line__"] = str(lineno)
        rows.append(row)
    return tuple(rows)


@functools.cache
def load_yaml(name: str) -> Any:
    """A shipped YAML file, parsed."""
    try:
        return yaml.safe_load(data_text(name))
    except yaml.YAMLError as exc:
        raise DataError(f"{name}: {exc}") from exc
