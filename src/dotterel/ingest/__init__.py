"""Read source files into documents, one at a time, never stopping at a bad one.

`read_paths` walks files and directories and yields, in order, a `Source` for
every document it can read and an `InputError` for every one it cannot; the
caller stores the errors and goes on. Formats are chosen by file name.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import FormatError, InputError

log = logging.getLogger(__name__)

#: Largest text accepted for one document (characters); news is far smaller.
MAX_DOCUMENT_CHARS = 1_000_000
#: Larger files are refused without being read, to keep memory bounded.
MAX_FILE_BYTES = 256 * 1024 * 1024

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.bz2", ".jsonl.zst")


@dataclass(frozen=True, slots=True)
class Source:
    """One document as read from its source, before its structure is parsed."""

    text: str
    origin: str
    path: str | None = None
    line: int | None = None
    doc_id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | InputError]:
    """Files under the given paths, directories walked recursively in sorted order."""
    for p in paths:
        path = Path(p)
        if str(p) == "-":
            yield path
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        elif path.is_file():
            yield path
        else:
            yield InputError("no such file or directory", source=str(path))


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Source | InputError]:
    """Every document under `paths`, or the error that kept it from being read."""
    from . import jsonl, text

    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        name = str(item)
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
            else:
                size = item.stat().st_size
                if size > MAX_FILE_BYTES:
                    raise FormatError(f"file too large: {size / 2**20:.0f} MiB "
                                      f"(limit {MAX_FILE_BYTES // 2**20} MiB)", source=name)
                data = item.read_bytes()
        except OSError as exc:
            yield InputError(f"cannot read: {exc.strerror or exc}", source=name)
            continue
        except InputError as exc:
            yield exc
            continue
        reader = jsonl.read if name.lower().endswith(JSONL_SUFFIXES) else text.read
        yield from reader(data, name)


def check_size(text: str, source: str, line: int | None = None) -> None:
    """Refuse documents far longer than news, with a clear reason."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise FormatError(f"document too large: {len(text):,} characters "
                          f"(limit {MAX_DOCUMENT_CHARS:,})", source=source, line=line)
    if not text.strip():
        raise FormatError("empty document", source=source, line=line)


__all__ = ["Source", "read_paths", "iter_files", "check_size", "MAX_DOCUMENT_CHARS"]
