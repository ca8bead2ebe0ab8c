"""JSON Lines: one document per line (`text` required; `id`, `title`, `published`,
`url`, `outlet`, `language` optional; other keys kept as metadata)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import FormatError, InputError
from . import Source, check_size
from .decode import decode_bytes

KNOWN_FIELDS = ("id", "text", "title", "published", "url", "outlet")


def _str_or_none(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def parse_record(obj: Any, name: str, lineno: int) -> Source:
    """A `Source` from one decoded JSON object, or `FormatError`."""
    if not isinstance(obj, dict):
        raise FormatError(f"expected a JSON object, got {type(obj).__name__}", source=name, line=lineno)
    text = obj.get("text")
    if not isinstance(text, str):
        raise FormatError("record has no string field 'text'", source=name, line=lineno)
    check_size(text, name, lineno)
    meta = {k: v for k, v in obj.items() if k not in KNOWN_FIELDS}
    return Source(text=text, origin=f"{name}:{lineno}", path=name, line=lineno,
                  doc_id=_str_or_none(obj.get("id")), title=_str_or_none(obj.get("title")),
                  published=_str_or_none(obj.get("published")), url=_str_or_none(obj.get("url")),
                  outlet=_str_or_none(obj.get("outlet")), metadata=meta)


def read(data: bytes, name: str) -> Iterator[Source | InputError]:
    """Every record of a JSONL file; a malformed line is an error, the others go on."""
    try:
        text = decode_bytes(data, source=name).text
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield FormatError("empty file", source=name)
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield FormatError(f"malformed JSON: {exc.msg} at column {exc.colno}", source=name, line=lineno)
            continue
        try:
            yield parse_record(obj, name, lineno)
        except InputError as exc:
            yield exc
