"""Article structure: split files into articles and find the role of each block.

News files carry page furniture around the text: repeated titles, photo
captions, "Short Url"/"Follow" buttons, update lines, bullets, datelines and
sub-headings. Later stages code only some roles (never captions), so the
structure is found first, with each section's span in the article text.

Splitting a file into articles is a structural rule: an article begins with a
headline block, i.e. a title-like line that is repeated a few lines later or
followed closely by an "Updated …" date line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .datafiles import load_yaml
from .errors import DataError
from .records import Section
from .vocab import SectionRole

#: How many lines after a title its repeat or date line may stand.
_HEADLINE_WINDOW = 8
_MAX_TITLE_CHARS = 200
_MAX_HEADING_WORDS = 8
_DATE_HEADER = re.compile(r"\A[^\S\n]*date[^\S\n]+(\d{4}-\d{2}-\d{2})[^\S\n]*(?:\n|\Z)")
_OPEN_QUOTES = "\"“‘'«"
_CLOSE_QUOTES = "\"”’'»"
_SENTENCE_END = re.compile(r"[.!?…:;,][\"”’')\]]*$")
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%Y-%m-%d",
                 "%d %B, %Y", "%b. %d, %Y", "%A, %B %d, %Y", "%A %d %B %Y")


@dataclass(frozen=True, slots=True)
class Patterns:
    """Compiled patterns from `data/article.yaml`."""

    boilerplate: tuple[re.Pattern[str], ...]
    date_line: re.Pattern[str]
    bullet: re.Pattern[str]
    caption: tuple[re.Pattern[str], ...]
    dateline: tuple[re.Pattern[str], ...]
    inline_promo: re.Pattern[str]
    inline_caption: re.Pattern[str]


@functools.cache
def patterns() -> Patterns:
    """The structure patterns, compiled once."""
    raw = load_yaml("article.yaml")
    try:
        return Patterns(
            boilerplate=tuple(re.compile(p, re.I) for p in raw["boilerplate"]),
            date_line=re.compile(raw["date_line"], re.I),
            bullet=re.compile(raw["bullet"]),
            caption=tuple(re.compile(p, re.I) for p in raw["caption"]),
            dateline=tuple(re.compile(p) for p in raw["dateline"]),
            inline_promo=re.compile(raw["inline_promo"]),
            inline_caption=re.compile(raw["inline_caption"]),
        )
    except (KeyError, TypeError, re.error) as exc:
        raise DataError(f"article.yaml: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line of an article with its span."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Structure:
    """What the parser found in one article."""

    title: str | None
    published: str | None
    updated: str | None
    dateline: str | None
    sections: tuple[Section, ...]
    removed: tuple[str, ...]


def strip_date_header(text: str) -> tuple[str, str | None]:
    """Remove a leading ` date YYYY-MM-DD` line; return the rest and the date."""
    m = _DATE_HEADER.match(text)
    if not m:
        return text, None
    return text[m.end():], m.group(1)


def lines_of(text: str) -> list[Line]:
    """Non-empty lines with their spans, surrounding white space excluded."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            out.append(Line(stripped, start, start + len(stripped)))
        pos += len(raw)
    return out


def parse_date(text: str) -> str | None:
    """An ISO date from a page's date line ("29 October 2024", "Oct. 5, 2021 10:32 PM")."""
    text = re.sub(r"\s+", " ", text.strip().rstrip("."))
    text = re.sub(r"\s*(?:\d{1,2}:\d{2}.*|\bat\b.*)$", "", text).strip(" ,|-")
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    m = re.search(r"\b(\d{4}-\d{2}-\d{2})\b", text)
    return m.group(1) if m else None


def is_boilerplate(line: str) -> bool:
    return any(p.search(line) for p in patterns().boilerplate)


def date_line(line: str) -> str | None:
    """The ISO date of an "Updated …"/"Published …" line, else None."""
    m = patterns().date_line.match(line)
    return parse_date(m.group("date")) if m else None


def is_caption(line: str) -> bool:
    return any(p.search(line) for p in patterns().caption)


def _title_like(line: str) -> bool:
    return (len(line) <= _MAX_TITLE_CHARS and not patterns().bullet.match(line)
            and not line.endswith((".", ":", ";", ",")) and not is_boilerplate(line)
            and not is_caption(line)
            and date_line(line) is None and len(line.split()) >= 3)


def headline_starts(lines: list[Line]) -> list[int]:
    """Indexes of lines that open a headline block (see module docstring)."""
    starts: list[int] = []
    repeats: set[int] = set()
    for i, line in enumerate(lines):
        if i in repeats or not _title_like(line.text):
            continue
        window = lines[i + 1:i + 1 + _HEADLINE_WINDOW]
        repeat = next((i + 1 + k for k, w in enumerate(window) if w.text == line.text), None)
        dated = False
        for w in window[:5]:
            if date_line(w.text):
                dated = True
                break
            if not (is_caption(w.text) or is_boilerplate(w.text) or _title_like(w.text)):
                break
        if repeat is not None or (dated and (i == 0 or not _in_body(lines, i))):
            starts.append(i)
            if repeat is not None:
                repeats.add(repeat)
    return starts


def _in_body(lines: list[Line], i: int) -> bool:
    """True when line i follows a long body paragraph (so it is not a new headline)."""
    return i > 0 and len(lines[i - 1].text) > _MAX_TITLE_CHARS


def split_articles(text: str) -> list[tuple[int, int]]:
    """Spans of the articles in a file's text (after its date header is removed)."""
    lines = lines_of(text)
    if not lines:
        return []
    starts = headline_starts(lines) or [0]
    if starts[0] != 0:
        starts[0] = 0
    bounds = [lines[s].start for s in starts] + [len(text)]
    spans = []
    for a, b in zip(bounds, bounds[1:]):
        chunk = text[a:b]
        spans.append((a, a + len(chunk.rstrip())))
    return spans


def _dateline(text: str) -> re.Match[str] | None:
    for p in patterns().dateline:
        m = p.match(text)
        if m:
            return m
    return None


def _is_quote(text: str) -> bool:
    return (len(text) > 1 and text[0] in _OPEN_QUOTES and text.rstrip()[-1] in _CLOSE_QUOTES
            and not re.search(r"[\"”’']\s*,?\s*(?:\w+\s+){1,4}(?:said|says|added|noted|told)\b", text[1:-1]))


def _is_heading(line: Line, body_started: bool) -> bool:
    words = line.text.split()
    return (body_started and len(words) <= _MAX_HEADING_WORDS
            and not _SENTENCE_END.search(line.text) and line.text[0].isupper())


def parse(text: str, *, title: str | None = None, published: str | None = None) -> Structure:
    """Find the title, dates, dateline and role-tagged sections of one article.

    Args:
        text: the article's stored text.
        title: the title when the source gives it (JSONL); a first line repeating it is dropped.
        published: the publication date when the source gives it.
    """
    lines = lines_of(text)
    sections: list[Section] = []
    removed: list[str] = []
    updated: str | None = None
    dateline: str | None = None
    body_started = False

    def add(role: SectionRole, start: int, end: int) -> None:
        if text[start:end].strip():
            sections.append(Section(role, text[start:end], start, end))

    for i, line in enumerate(lines):
        s = line.text
        if title is None and i == 0 and _title_like(s):
            title = s
            add(SectionRole.TITLE, line.start, line.end)
            continue
        if title is not None and s == title:
            if not any(sec.role is SectionRole.TITLE for sec in sections):
                add(SectionRole.TITLE, line.start, line.end)
            else:
                removed.append(s)
            continue
        when = date_line(s)
        if when is not None:
            updated = updated or when
            removed.append(s)
            continue
        if is_boilerplate(s):
            removed.append(s)
            continue
        bullet = patterns().bullet.match(s)
        if bullet and not body_started:
            add(SectionRole.BULLET, line.start + bullet.end(), line.end)
            continue
        if (is_caption(s) and len(s.split()) <= _CAPTION_WORDS) or (not body_started and _short_fragment(s)):
            add(SectionRole.CAPTION, line.start, line.end)
            continue
        if _is_heading(line, body_started):
            add(SectionRole.HEADING, line.start, line.end)
            continue
        start = line.start
        if not body_started:
            m = _dateline(s)
            if m:
                dateline = m.group("place").strip()
                start += m.end()
        body_started = True
        role = SectionRole.QUOTE if _is_quote(s) else SectionRole.BODY
        inline = sorted([*patterns().inline_promo.finditer(text, start, line.end),
                         *patterns().inline_caption.finditer(text, start, line.end)], key=lambda m: m.start())
        for m in inline:
            if m.start() < start:
                continue
            # "… said. Another story's headline Read more Leaving …": the link goes, both sentences stay;
            # "Image copyright AFP Image caption …": a caption inside the paragraph.
            add(role, start, m.start())
            if m.re is patterns().inline_caption:
                add(SectionRole.CAPTION, m.start(), m.end())
            else:
                removed.append(m.group().strip())
            start = m.end()
        add(role, start, line.end)
    return Structure(title=title, published=published or updated, updated=updated,
                     dateline=dateline, sections=tuple(sections), removed=tuple(removed))


#: A caption is a line of a few sentences; a longer line with a photo credit in it is a page
#: flattened into one paragraph, whose credit is cut out as an inline caption.
_CAPTION_WORDS = 80


def _short_fragment(s: str) -> bool:
    """A verbless label line before the body (an image's alt text), not a sentence."""
    return len(s.split()) <= 14 and not _SENTENCE_END.search(s) and not s[0] in _OPEN_QUOTES
