"""Plain text files: one or several articles, an optional ` date YYYY-MM-DD` first line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import article
from ..errors import FormatError, InputError
from . import Source, check_size
from .decode import decode_bytes


def read(data: bytes, name: str, **options: Any) -> Iterator[Source | InputError]:
    """The articles of one text file, each a `Source`."""
    try:
        if not data.strip():
            raise FormatError("empty file", source=name)
        decoded = decode_bytes(data, source=name)
    except InputError as exc:
        yield exc
        return
    text, published = article.strip_date_header(decoded.text)
    meta = {} if decoded.encoding == "utf-8" else {"encoding": decoded.encoding}
    spans = article.split_articles(text)
    if not spans:
        yield FormatError("empty file", source=name)
    for start, end in spans:
        body = text[start:end]
        line = text.count("\n", 0, start) + 1 + (1 if published else 0)
        origin = f"{name}:{line}" if len(spans) > 1 else name
        try:
            check_size(body, name, line if len(spans) > 1 else None)
        except InputError as exc:
            yield exc
            continue
        yield Source(text=body, origin=origin, path=name, line=line if len(spans) > 1 else None,
                     published=published, metadata=dict(meta))
