from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotterel.errors import DecodeError
from dotterel.ingest.decode import decode_bytes, looks_binary


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_decode_western_single_byte_is_detected_and_noted(encoding: str) -> None:
    text = "Le ministre a déclaré à Genève que la réunion aurait lieu à Zürich. " * 3
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


def test_decode_utf8_with_bom() -> None:
    assert decode_bytes("\ufeffKyiv – talks".encode("utf-8")).text == "Kyiv – talks"


def test_decode_binary_is_refused() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_decode_broken_utf8_is_refused() -> None:
    with pytest.raises(DecodeError, match="invalid UTF-8"):
        decode_bytes("Café talks in Zürich".encode() + b"\xff\xfe\xfa end")


@given(st.binary(max_size=2000))
def test_decode_never_raises_anything_but_decode_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except DecodeError:
        return
    assert isinstance(decoded.text, str)


@given(st.text(max_size=500))
def test_decode_round_trips_any_utf8_text(text: str) -> None:
    data = text.encode("utf-8")
    if looks_binary(data):
        return
    assert decode_bytes(data).text == text.removeprefix("\ufeff")
