"""HTML pages: the article's main text and metadata through trafilatura.

trafilatura drops navigation, footers, share widgets and comments and finds the
title, publication date, site name, domain and author; our article-structure
pass (`article.parse`) then runs on the extracted text as on any other text.
The outlet is the page's domain when it has one (as in JSON Lines dumps, so one
outlet has one name across formats), else its site name.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from ..errors import FormatError, InputError
from . import Source, check_size
from .decode import looks_binary

log = logging.getLogger(__name__)

#: Larger pages are refused (trafilatura's own default limit).
MAX_HTML_BYTES = 20_000_000
#: Dates from the page's markup only: the extensive search takes a footer's
#: "Copyright 2024" for a publication date, which would beat a WARC capture date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
               "section", "article", "pre", "dd", "dt", "figcaption", "hr")


def page_source(data: bytes, origin: str, *, path: str | None, line: int | None = None,
                url: str | None = None, captured: str | None = None) -> Source:
    """The article of one HTML page.

    Args:
        origin: where the page comes from, for error rows.
        url: the page's URL when known (a WARC record's target), else the page's own.
        captured: the capture date, used when the page states no date of its own.

    Raises:
        FormatError: binary data, a page too large, or one without article text.
    """
    source = path or origin
    if looks_binary(data):
        raise FormatError("binary data, not an HTML page", source=source, line=line)
    if len(data) > MAX_HTML_BYTES:
        raise FormatError(f"HTML page too large: {len(data):,} bytes (limit {MAX_HTML_BYTES:,})",
                          source=source, line=line)
    try:
        import trafilatura
    except ImportError:
        raise FormatError("HTML input needs trafilatura (pip install 'dotterel[formats]')",
                          source=source, line=line) from None
    page = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                       include_tables=False, date_extraction_params=_DATE_PARAMS)
    text = getattr(page, "text", None) if page is not None else None
    if not text or not text.strip():
        raise FormatError("no article text found in the HTML page", source=source, line=line)
    check_size(text, source, line)
    meta = {k: v for k, v in (("author", page.author), ("site_name", page.sitename),
                              ("description", page.description)) if v}
    url = url or page.url or None
    return Source(text=text, origin=origin, path=path, line=line, title=page.title or None,
                  published=page.date or captured, url=url,
                  outlet=page.hostname or domain_of(url) or page.sitename or None, metadata=meta)


def domain_of(url: str | None) -> str | None:
    """The host of a URL without "www." ("https://www.ledger.example/a" → "ledger.example")."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def read(data: bytes, name: str, **options: Any) -> Iterator[Source | InputError]:
    """The article of one HTML file."""
    try:
        yield page_source(data, name, path=name)
    except InputError as exc:
        yield exc


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one line per block."""
    if "<" not in markup:
        return markup.strip()
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
