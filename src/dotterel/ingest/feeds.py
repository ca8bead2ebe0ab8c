"""RSS and Atom feeds saved to disk: each entry becomes a document.

An entry gives its link (url), published (or updated) date, title, and its
content, or its summary when it has none, with the HTML stripped. The outlet
is the domain of the feed's own link. Errors name the entry by its number in
the feed (the `line` of the error row).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from ..errors import FormatError, InputError
from . import Source, check_size
from .html import domain_of, fragment_text


def read(data: bytes, name: str, **options: Any) -> Iterator[Source | InputError]:
    """The entries of one RSS/Atom file; a file that is no feed is one error."""
    try:
        import feedparser
    except ImportError:
        yield FormatError("feed input needs feedparser (pip install 'dotterel[formats]')", source=name)
        return
    feed = feedparser.parse(data)  # bytes, never a URL: feedparser fetches nothing
    if not feed.get("version"):
        why = f": {feed.get('bozo_exception')}" if feed.get("bozo") else ""
        yield FormatError(f"not an RSS or Atom feed{why}", source=name)
        return
    if not feed.entries:
        yield FormatError("feed has no entries", source=name)
        return
    outlet = domain_of(feed.feed.get("link"))
    for number, entry in enumerate(feed.entries, start=1):
        try:
            yield _entry_source(entry, name, number, outlet)
        except InputError as exc:
            yield exc


def _entry_source(entry: Any, name: str, number: int, outlet: str | None) -> Source:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    text = fragment_text(contents[0] if contents else entry.get("summary", ""))
    check_size(text, name, number)
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    meta = {k: entry[k] for k in ("id", "author") if entry.get(k)}
    return Source(text=text, origin=f"{name}:{number}", path=name, line=number,
                  title=fragment_text(entry.get("title", "")) or None,
                  published=time.strftime("%Y-%m-%dT%H:%M:%SZ", when) if when else None,
                  url=entry.get("link") or None, outlet=domain_of(entry.get("link")) or outlet, metadata=meta)

