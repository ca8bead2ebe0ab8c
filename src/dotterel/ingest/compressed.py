"""Compressed inputs (gzip, bz2, zstd), decompressed in a bounded way.

The compression is told by the file name (`.gz`, `.bz2`, `.zst`) or, for stdin
and unknown names, by the magic bytes. Decompression stops past a limit, so a
small file that expands to gigabytes (a decompression bomb) is refused instead
of filling memory. A truncated stream keeps what was read before the cut, with
the error, so record formats (JSONL, WARC) can still store the records before it.
"""

from __future__ import annotations

import bz2
import io
import zlib
from dataclasses import dataclass

from ..errors import FormatError

#: Suffix → compression.
SUFFIXES = {".gz": "gzip", ".bz2": "bz2", ".zst": "zstd"}
_MAGIC = ((b"\x1f\x8b", "gzip"), (b"BZh", "bz2"), (b"\x28\xb5\x2f\xfd", "zstd"))
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Decompressed:
    """The bytes read, the file name without its compression suffix, and the error that cut it short."""

    data: bytes
    inner_name: str
    error: FormatError | None = None


def compression_of(data: bytes, name: str) -> str | None:
    """The compression of a file: by suffix, else (stdin, unknown names) by magic bytes."""
    for suffix, kind in SUFFIXES.items():
        if name.lower().endswith(suffix):
            return kind
    for magic, kind in _MAGIC:
        if data.startswith(magic) and (kind != "bz2" or data[3:4].isdigit()):
            return kind
    return None


def decompress(data: bytes, name: str, *, limit: int) -> Decompressed:
    """The decompressed bytes of `data` (or `data` itself when not compressed).

    Raises:
        FormatError: more than `limit` bytes of decompressed data, or a stream
            that is not valid for its compression at all.
    """
    kind = compression_of(data, name)
    if kind is None:
        return Decompressed(data, name)
    suffix = next((s for s in SUFFIXES if name.lower().endswith(s)), "")
    inner = name[: len(name) - len(suffix)]
    try:
        chunks, error = _zstd(data, name, limit) if kind == "zstd" else _inflate(kind, data, name, limit)
    except (OSError, zlib.error, ValueError) as exc:  # not valid data from its first bytes
        raise FormatError(f"not valid {kind} data: {exc}", source=name) from None
    if error is not None and not any(chunks):
        raise error
    return Decompressed(b"".join(chunks), inner, error)


def _inflate(kind: str, data: bytes, name: str, limit: int) -> tuple[list[bytes], FormatError | None]:
    """gzip or bz2 data (several members/streams allowed), at most `limit` bytes out."""
    new = (lambda: zlib.decompressobj(31)) if kind == "gzip" else bz2.BZ2Decompressor
    chunks: list[bytes] = []
    size, d, pending = 0, new(), data
    while True:
        try:
            out = d.decompress(pending, _CHUNK)
        except (OSError, zlib.error) as exc:
            if not chunks:
                raise
            return chunks, FormatError(f"corrupt {kind} data after {size:,} bytes: {exc}", source=name)
        pending = getattr(d, "unconsumed_tail", b"")
        size += len(out)
        _check_limit(size, limit, kind, name)
        if out:
            chunks.append(out)
        if d.eof:
            pending = d.unused_data
            if not pending.strip(b"\0"):
                return chunks, None
            d = new()
        elif not out and not pending and getattr(d, "needs_input", True):
            return chunks, FormatError(f"truncated {kind} data after {size:,} decompressed bytes", source=name)


def _zstd(data: bytes, name: str, limit: int) -> tuple[list[bytes], FormatError | None]:
    """zstd data, several frames allowed, at most `limit` bytes out.

    python-zstandard's bounded reader does not report a truncated frame, so the
    size is checked first with it (bounded), then the frames are decompressed
    knowing that their output fits, and a last frame without end is reported.
    """
    try:
        import zstandard
    except ImportError:
        raise FormatError("zstd input needs the 'zstandard' package (pip install 'dotterel[formats]')",
                          source=name) from None
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data), read_across_frames=True)
        size = 0
        while chunk := reader.read(_CHUNK):
            size += len(chunk)
            _check_limit(size, limit, "zstd", name)
        chunks: list[bytes] = []
        pending = data
        while pending:
            d = zstandard.ZstdDecompressor().decompressobj()
            chunks.append(d.decompress(pending))
            if not d.eof:
                return chunks, FormatError(f"truncated zstd data after {sum(map(len, chunks)):,} "
                                           "decompressed bytes", source=name)
            pending = d.unused_data
    except zstandard.ZstdError as exc:
        raise FormatError(f"not valid zstd data: {exc}", source=name) from None
    return chunks, None


def _check_limit(size: int, limit: int, kind: str, name: str) -> None:
    if size > limit:
        raise FormatError(f"{kind} data decompresses to more than {limit:,} bytes (the limit); refused",
                          source=name)
