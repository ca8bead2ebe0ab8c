"""JSON Lines: one document per line (`text` required; `id`, `title`, `published`,
`url`, `outlet`, `language` optional; other keys kept as metadata).

Dumps with other field names are read with `text_field`, `date_field`,
`title_field`, `id_field` and `url_field` (`dotterel run --text-field body …`).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import FormatError, InputError
from . import Source, check_size
from .decode import decode_bytes


@dataclass(frozen=True, slots=True)
class Fields:
    """The JSON keys that hold each document field."""

    text: str = "text"
    published: str = "published"
    title: str = "title"
    id: str = "id"
    url: str = "url"
    outlet: str = "outlet"

    @classmethod
    def from_options(cls, text_field: str | None = None, date_field: str | None = None,
                     title_field: str | None = None, id_field: str | None = None,
                     url_field: str | None = None, **_: Any) -> Fields:
        """The field names given as `read` options; None keeps the default name."""
        given = {"text": text_field, "published": date_field, "title": title_field, "id": id_field,
                 "url": url_field}
        return cls(**{k: v for k, v in given.items() if v})


def _str_or_none(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def parse_record(obj: Any, name: str, lineno: int, fields: Fields = Fields()) -> Source:
    """A `Source` from one decoded JSON object, or `FormatError`."""
    if not isinstance(obj, dict):
        raise FormatError(f"expected a JSON object, got {type(obj).__name__}", source=name, line=lineno)
    text = obj.get(fields.text)
    if not isinstance(text, str):
        raise FormatError(f"record has no string field {fields.text!r}", source=name, line=lineno)
    check_size(text, name, lineno)
    taken = {getattr(fields, f.name) for f in dataclasses.fields(fields)}
    meta = {k: v for k, v in obj.items() if k not in taken}
    return Source(text=text, origin=f"{name}:{lineno}", path=name, line=lineno,
                  doc_id=_str_or_none(obj.get(fields.id)), title=_str_or_none(obj.get(fields.title)),
                  published=_str_or_none(obj.get(fields.published)), url=_str_or_none(obj.get(fields.url)),
                  outlet=_str_or_none(obj.get(fields.outlet)), metadata=meta)


def read(data: bytes, name: str, **options: Any) -> Iterator[Source | InputError]:
    """Every record of a JSONL file; a malformed line is an error, the others go on.

    Args:
        options: `text_field`, `date_field`, `title_field`, `id_field`, `url_field`:
            the keys to read instead of `text`, `published`, `title`, `id`, `url`.
    """
    fields = Fields.from_options(**options)
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
            yield parse_record(obj, name, lineno, fields)
        except InputError as exc:
            yield exc
