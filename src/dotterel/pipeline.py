"""The pipeline: text → article structure → NLP → actors → events → merged events.

`Pipeline()(text, published=…)` codes one article; `Pipeline.code(sources)`
codes a stream of ingested documents in batches through `nlp.pipe` and yields
each coded `Document`, or the `InputError` that stopped it. A document not
in English is structured but not coded: its metadata says why (`skipped`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Literal

from spacy.language import Language

from . import article, dedup, language
from .actors.matching import find_matches, main_country
from .errors import DotterelError, InputError
from .events.coder import CodedSentence, SentenceCoder
from .events.typemodel import CandidateRecorder, TypeModel, shipped_model
from .ingest import Source, check_size
from .nlp import load_model
from .places import resolve_place
from .records import Document, Section
from .vocab import CODED_ROLES

log = logging.getLogger(__name__)

CODER_VERSION = "0.1.0"
#: Metadata key of a document left uncoded, with the reason (a language other than English).
SKIPPED = "skipped"
_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with white space normalised: same content, same hash."""
    return hashlib.sha256(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()


def normalise_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from an ISO date or timestamp; None if it is neither."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return article.parse_date(value)


class Pipeline:
    """Codes news articles into events.

    Args:
        nlp: a spaCy pipeline with a parser and NER; loaded lazily when None.
        on_error: "record" yields an `InputError` for a failing document and goes
            on; "raise" re-raises it.
        batch_size: documents per `nlp.pipe` batch.
        type_model: the learned event re-typer (`events/typemodel.py`): True (default) for
            the shipped model when the package has one, False for rules only, or a model.
    """

    def __init__(self, nlp: Language | None = None, *, on_error: Literal["record", "raise"] = "record",
                 batch_size: int = 16, type_model: bool | TypeModel | CandidateRecorder = True) -> None:
        if on_error not in ("record", "raise"):
            raise TypeError(f"on_error must be 'record' or 'raise', not {on_error!r}")
        self._nlp = nlp
        self.type_model: TypeModel | CandidateRecorder | None = (
            shipped_model() if type_model is True else None if type_model is False else type_model)
        self.on_error = on_error
        self.batch_size = batch_size

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_model()
        return self._nlp

    def __call__(self, text: str, *, published: str | None = None, title: str | None = None,
                 doc_id: str | None = None, url: str | None = None, outlet: str | None = None) -> Document:
        """Code one article's text."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        check_size(text, doc_id or "<text>")
        text, header_date = article.strip_date_header(text)
        source = Source(text=text, origin=doc_id or "<text>", doc_id=doc_id, title=title,
                        published=published or header_date, url=url, outlet=outlet)
        result = next(self.code([source]))
        if isinstance(result, InputError):
            raise result
        return result

    def code(self, sources: Iterable[Source | InputError]) -> Iterator[Document | InputError]:
        """Code a stream of sources; errors pass through in order."""
        batch: list[Source | InputError] = []
        for item in sources:
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def structure(self, source: Source) -> Document:
        """The document with its structure parsed, not yet coded."""
        published = normalise_date(source.published)
        s = article.parse(source.text, title=source.title, published=published)
        dateline_place = resolve_place(s.dateline.title()) if s.dateline else None
        digest = content_hash(source.text)
        skip = language.skip_reason(source.text, source.metadata)
        return Document(
            doc_id=source.doc_id or digest[:16], text=source.text, content_hash=digest,
            path=source.path, url=source.url, outlet=source.outlet, title=s.title,
            published=s.published, updated=s.updated, dateline=s.dateline,
            dateline_location=dateline_place, sections=s.sections,
            metadata={**source.metadata, "origin": source.origin, **({SKIPPED: skip} if skip else {})})

    def _code_batch(self, batch: list[Source | InputError]) -> Iterator[Document | InputError]:
        docs: list[Document | InputError] = []
        for item in batch:
            if isinstance(item, InputError):
                docs.append(item)
                continue
            try:
                docs.append(self.structure(item))
            except Exception as exc:  # one document must never stop the batch
                docs.append(self._fail(exc, item, "article"))
        texts = [(sec.text, (i, k)) for i, d in enumerate(docs) if isinstance(d, Document) and not skipped(d)
                 for k, sec in enumerate(d.sections) if sec.role in CODED_ROLES]
        parsed: dict[int, list[tuple[Section, object]]] = {}
        for spacy_doc, (i, k) in self.nlp.pipe(texts, as_tuples=True):
            parsed.setdefault(i, []).append((docs[i].sections[k], spacy_doc))  # type: ignore[union-attr]
        for i, d in enumerate(docs):
            if isinstance(d, InputError):
                yield d
                continue
            try:
                yield self._code_document(d, parsed.get(i, []))
            except Exception as exc:  # one document must never stop the batch
                yield self._fail(exc, d, "events")

    def _code_document(self, doc: Document, parsed: list[tuple[Section, object]]) -> Document:
        home = doc.dateline_location.country if doc.dateline_location else None
        coder = SentenceCoder(doc.doc_id, doc.published, home, self.type_model)
        actors = coder.actors
        sentences = [(section, sent, find_matches(sent, actors.gaz, actors.on))
                     for section, spacy_doc in parsed for sent in spacy_doc.sents]  # type: ignore[attr-defined]
        if home is None:
            actors.home = main_country(matches for _, _, matches in sentences)
        mentions = []
        for section, sent, matches in sentences:
            mentions.extend(coder.code(CodedSentence(sent, section.role, section.start, matches)))
        events = tuple(dedup.merge(mentions, CODER_VERSION))
        return dataclasses.replace(doc, events=events, mentions=tuple(mentions))

    def _fail(self, exc: Exception, item: Source | Document, stage: str) -> InputError:
        """The error row for a failed document (or re-raise, with on_error="raise")."""
        if self.on_error == "raise":
            raise exc
        if isinstance(exc, InputError):
            return exc
        origin = item.origin if isinstance(item, Source) else str(item.metadata.get("origin", item.doc_id))
        kind = "" if isinstance(exc, DotterelError) else "internal error, please report: "
        log.debug("document %s failed at %s", origin, stage, exc_info=exc)
        return InputError(f"{kind}{type(exc).__name__}: {exc}", source=origin, stage=stage)


def skipped(doc: Document) -> str | None:
    """Why the pipeline left a document uncoded ("language: fr"), or None for a coded one."""
    reason = doc.metadata.get(SKIPPED)
    return str(reason) if reason else None


__all__ = ["CODER_VERSION", "Pipeline", "content_hash", "skipped"]
