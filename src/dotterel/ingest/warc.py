"""WARC web archives: every HTML response record becomes a document.

A record's document has its target URL, and its capture date (WARC-Date) as
the publication date unless the page states its own. Requests, metadata,
redirects, error pages and non-HTML payloads are not documents and are passed
over. A truncated or malformed archive keeps the documents read before the
break and gives one error row, at the byte offset of the record that broke
(offsets count in the uncompressed archive).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

from ..errors import FormatError, InputError
from . import Source
from .html import MAX_HTML_BYTES, page_source

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read(data: bytes, name: str, **options: Any) -> Iterator[Source | InputError]:
    """The documents of one WARC file (uncompressed, or gzip per record)."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield FormatError("WARC input needs warcio (pip install 'dotterel[formats]')", source=name)
        return
    if not data.lstrip().startswith(b"WARC/") and not data.startswith(b"\x1f\x8b"):
        yield FormatError("not a WARC file (no WARC/ header)", source=name)
        return
    records = ArchiveIterator(io.BytesIO(data), arc2warc=True)
    offset = 0
    try:
        for record in records:
            payload = _html_payload(record)
            missing = getattr(record.raw_stream, "limit", 0)  # bytes the record lacks: a cut archive
            offset = records.get_record_offset()  # (reads the record to its end)
            if payload is None:
                continue
            if missing > 0 and len(payload) <= MAX_HTML_BYTES:
                yield FormatError(f"truncated WARC record at byte {offset:,} ({missing:,} bytes missing)",
                                  source=name, line=offset)
                return
            yield _document(record, payload, name, offset)
    except Exception as exc:  # warcio fails in many ways on a broken archive; keep what came before
        yield FormatError(f"truncated or malformed WARC record after byte {offset:,}: "
                          f"{type(exc).__name__}: {exc}", source=name, line=offset)


def _html_payload(record: Any) -> bytes | None:
    """The page of an HTML response record (read up to the size limit), None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not content_type.startswith(_HTML_TYPES):
        return None
    return bytes(record.content_stream().read(MAX_HTML_BYTES + 1))


def _document(record: Any, payload: bytes, name: str, offset: int) -> Source | InputError:
    """The document of one HTML response, dated by its capture when the page states no date."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    captured = record.rec_headers.get_header("WARC-Date")
    try:
        return page_source(payload, f"{name}@{offset}", path=name, line=offset, url=url, captured=captured)
    except InputError as exc:
        return exc
