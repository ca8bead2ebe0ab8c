"""Turn the bytes of a file into text, or say clearly why they are not text.

UTF-8 (with or without BOM) is taken as is. Bytes that are valid in no UTF
but look like a single-byte Western encoding (cp1252, latin-1) are decoded with
the detected encoding and the encoding is noted. Binary data and broken UTF-8
(valid multi-byte sequences mixed with invalid bytes) are errors: guessing
would store garbage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..errors import DecodeError

#: Encodings we accept from detection when the bytes are not UTF-8.
_SINGLE_BYTE = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman", "ascii")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and the encoding it was read with."""

    text: str
    encoding: str


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control bytes near the start."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > max(4, len(head) // 100)


def decode_bytes(data: bytes, *, source: str = "") -> Decoded:
    """Decode a document's bytes.

    Raises:
        DecodeError: binary data, or bytes that are broken UTF-8 or no known encoding.
    """
    if looks_binary(data):
        raise DecodeError("binary data, not text", source=source)
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _UTF8_MULTIBYTE.search(data):
        raise DecodeError(
            f"invalid UTF-8 at byte {utf8_error.start} (undecodable bytes in a UTF-8 text)",
            source=source)
    best = from_bytes(data, cp_isolation=list(_SINGLE_BYTE)).best()
    if best is None or best.encoding not in _SINGLE_BYTE:
        raise DecodeError("undecodable bytes: not UTF-8 and no known encoding", source=source)
    # Detection cannot tell the Western code pages apart on short texts; cp1252
    # is by far the most common, so it wins whenever it decodes the bytes.
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return Decoded(str(best), best.encoding)
