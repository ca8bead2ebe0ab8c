"""The records dotterel produces: one frozen dataclass per schema.

The JSON output (`to_dict`), the DuckDB tables in `store.py` and the CLI
columns are all derived from these classes, so a field is declared once.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

from .vocab import DateMethod, EventType, Factuality, Granularity, SectionRole


def stable_id(*parts: object) -> str:
    """A short hash id that stays the same for the same parts (mention and event ids)."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: the words in the text and the CAMEO-style code.

    `code` is `country + sector` (e.g. `PAKGOV`), so its first three letters
    always give `country`. Unknown parts are None.
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    #: True for a party the text does not name but the event implies (the state a domestic
    #: protest is directed at, the state that made an arrest); its `text` is empty.
    implied: bool = False

    @property
    def code(self) -> str | None:
        if self.country is None:
            return None
        return self.country + (self.sector or "")

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country,
                "sector": self.sector, "code": self.code, "implied": self.implied}


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who asserts, claims or denies an event."""

    text: str
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code}


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date with its granularity (DESIGN.md "Dates")."""

    value: str | None
    granularity: Granularity | None
    start: str | None
    end: str | None
    text: str | None
    method: DateMethod

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Location:
    """A place resolved through the offline gazetteer."""

    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an event is said: its sentence, section and offsets.

    `char_start`/`char_end` span the sentence in the article's stored text;
    `trigger_start`/`trigger_end` span the trigger words.
    """

    sentence: str
    section: SectionRole
    char_start: int
    char_end: int
    trigger: str
    trigger_start: int
    trigger_end: int

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Cameo:
    """The CAMEO coding of an event, for GDELT-compatible output."""

    code: str
    root: str
    quad_class: int
    goldstein: float

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Mention:
    """One sentence's coding of an event."""

    mention_id: str
    doc_id: str
    type: EventType
    mode: str | None
    context: tuple[str, ...]
    source: Actor | None
    target: Actor | None
    factuality: Factuality
    attributed_to: Attribution | None
    date: DateValue
    location: Location | None
    evidence: Evidence
    cameo: Cameo
    confidence: float
    #: Why the date was chosen, for `dotterel explain`.
    date_reason: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One event within one article: its mentions merged (what `dotterel events` prints)."""

    event_id: str
    doc_id: str
    cluster_id: str | None
    type: EventType
    mode: str | None
    context: tuple[str, ...]
    source: Actor | None
    target: Actor | None
    factuality: Factuality
    attributed_to: Attribution | None
    date: DateValue
    location: Location | None
    evidence: Evidence
    cameo: Cameo
    confidence: float
    mentions: int
    mention_ids: tuple[str, ...] = ()
    date_reason: str = ""
    coder_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The event record of DESIGN.md, ready for JSON."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "cluster_id": self.cluster_id,
            "type": str(self.type),
            "mode": self.mode,
            "context": list(self.context),
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "factuality": str(self.factuality),
            "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None,
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "evidence": self.evidence.to_dict(),
            "cameo": self.cameo.to_dict(),
            "confidence": round(self.confidence, 3),
            "mentions": self.mentions,
            "coder_version": self.coder_version,
        }


@dataclass(frozen=True, slots=True)
class Section:
    """A block of an article with its role and its span in the article text."""

    role: SectionRole
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"role": str(self.role), "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its text, metadata, structure and (once coded) its events."""

    doc_id: str
    text: str
    content_hash: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    dateline: str | None = None
    dateline_location: Location | None = None
    sections: tuple[Section, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    events: tuple[Event, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The document record of DESIGN.md (`dotterel documents --format jsonl`)."""
        return {
            "doc_id": self.doc_id,
            "path": self.path,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "updated": self.updated,
            "dateline": self.dateline,
            "sections": [s.to_dict() for s in self.sections],
        }


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A document that could not be processed: one row in `errors`."""

    source: str
    line: int | None
    stage: str
    code: str
    reason: str
