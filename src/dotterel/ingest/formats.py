"""Which reader a file needs: by `--format`, by file name, else by its first bytes.

Names decide when they say something (`.jsonl`, `.html`, `.warc`, `.rss`, …);
stdin and files with other names are sniffed: a WARC header, a JSON object, a
feed root element, an HTML document; anything else is plain text.
"""

from __future__ import annotations

import re

#: Input formats, each read by one module of `dotterel.ingest`.
FORMATS = ("text", "jsonl", "html", "warc", "feed")
READER_MODULES = {"text": "text", "jsonl": "jsonl", "html": "html", "warc": "warc", "feed": "feeds"}
SUFFIXES = {
    ".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
    ".xhtml": "html", ".warc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html|head|body)[\s>]", re.I)


def format_of(name: str, data: bytes, forced: str | None = None) -> str:
    """The format of a file (`name` without its compression suffix)."""
    if forced:
        return forced
    lower = name.lower()
    for suffix, fmt in SUFFIXES.items():
        if lower.endswith(suffix):
            return fmt
    return sniff(data)


def sniff(data: bytes) -> str:
    """The format that the first bytes of `data` show; "text" when nothing else fits."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        if _FEED_ROOT.search(head):
            return "feed"
        if _HTML_ROOT.search(head):
            return "html"
    return "text"
