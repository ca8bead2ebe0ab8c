"""Read source files into documents, one at a time, never stopping at a bad one.

`read_paths` walks files and directories and yields, in order, a `Source` for
every document it can read and an `InputError` for every one it cannot; the
caller stores the errors and goes on. Each format has its reader module
(`text`, `jsonl`, `html`, `warc`, `feeds`), chosen by `formats.format_of`;
compressed files are unpacked first (`compressed`).
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


def read_paths(paths: Iterable[str | os.PathLike[str]], *, format: str | None = None,
               **options: Any) -> Iterator[Source | InputError]:
    """Every document under `paths`, or the error that kept it from being read.

    Args:
        format: read every input as this format (see `formats.FORMATS`); by
            default the file name decides, and stdin (`-`) is sniffed.
        options: passed to the readers (the JSONL field names: `text_field`, …).
    """
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        name = str(item)
        try:
            data = _load(item, name)
        except InputError as exc:
            yield exc
            continue
        yield from _read_file(data, name, format, options)


def _load(path: Path, name: str) -> bytes:
    """The bytes of a file or stdin, refusing files too large to hold in memory."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
            size = len(data)
        else:
            size = path.stat().st_size
            data = b"" if size > MAX_FILE_BYTES else path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=name) from None
    if size > MAX_FILE_BYTES:
        raise FormatError(f"file too large: {size / 2**20:.0f} MiB (limit {MAX_FILE_BYTES // 2**20} MiB)",
                          source=name)
    return data


def _read_file(data: bytes, name: str, forced: str | None, options: dict[str, Any]) -> Iterator[Source | InputError]:
    """The documents of one file, decompressed and given to the reader of its format."""
    import importlib

    from .compressed import decompress
    from .formats import READER_MODULES, format_of

    try:
        unpacked = decompress(data, name, limit=MAX_FILE_BYTES)
    except InputError as exc:
        yield exc
        return
    fmt = format_of(unpacked.inner_name, unpacked.data, forced)
    reader = importlib.import_module(f".{READER_MODULES[fmt]}", __name__).read
    data = unpacked.data
    if unpacked.error is not None and fmt == "jsonl":
        data = data[: data.rfind(b"\n") + 1]  # the line cut short is the truncation error below
    last_failed = False
    if unpacked.error is None or fmt in ("jsonl", "warc"):  # records before a cut are whole
        try:
            for item in reader(data, name, **options):
                last_failed = isinstance(item, InputError)
                yield item
        except Exception as exc:  # a parser library failing on odd input must not stop the run
            log.debug("reader failed on %s", name, exc_info=exc)
            yield FormatError(f"cannot read as {fmt}: {type(exc).__name__}: {exc}", source=name)
            return
    if unpacked.error is not None and not last_failed:  # a reader's error at the cut says it already
        yield unpacked.error


def check_size(text: str, source: str, line: int | None = None) -> None:
    """Refuse documents far longer than news, with a clear reason."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise FormatError(f"document too large: {len(text):,} characters "
                          f"(limit {MAX_DOCUMENT_CHARS:,})", source=source, line=line)
    if not text.strip():
        raise FormatError("empty document", source=source, line=line)


__all__ = ["Source", "read_paths", "iter_files", "check_size", "MAX_DOCUMENT_CHARS"]
