"""Run the pipeline over files into a store: the batch loop behind `dotterel run`.

This is the one place that catches errors broadly: a document that fails at
any stage becomes a row in `errors` and the batch goes on. Documents whose
content is already stored are skipped, so re-running is a no-op and an
interrupted run resumes where it stopped.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import clusters
from .errors import InputError
from .ingest import Source, read_paths
from .pipeline import CODER_VERSION, Pipeline, content_hash, skipped
from .records import Document, ErrorRecord
from .store import Store
from .vocab import DocStatus

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    """What a run did."""

    documents: int = 0
    coded: int = 0
    already_stored: int = 0
    skipped: int = 0
    events: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0: all coded; 3: some documents failed; 1: nothing could be done."""
        if self.failed and not (self.coded or self.already_stored or self.skipped):
            return 1
        return 3 if self.failed else 0


def error_record(exc: InputError) -> ErrorRecord:
    """The `errors` row for an input error, built from its attributes."""
    return ErrorRecord(source=exc.source, line=exc.line, stage=exc.stage, code=exc.code, reason=exc.reason)


def run(paths: Iterable[str | os.PathLike[str]], store: Store, pipeline: Pipeline | None = None, *,
        recode: bool = False, batch_size: int = 32,
        on_progress: Callable[[int, int], None] | None = None,
        read_options: Mapping[str, Any] | None = None) -> RunSummary:
    """Ingest and code every document under `paths` into `store`.

    Documents the pipeline leaves uncoded (not in English) are stored with
    status `skipped` and the reason; they are neither errors nor coded.

    Args:
        recode: code documents again even when their content is stored.
        read_options: passed to `ingest.read_paths` (`format`, JSONL field names).
        on_progress: called with (documents seen, events so far) after each batch.
    """
    pipeline = pipeline or Pipeline()
    summary = RunSummary()
    started = time.perf_counter()
    pending_errors: list[ErrorRecord] = []

    def fresh() -> Iterator[Source]:
        for item in read_paths(paths, **(read_options or {})):
            summary.documents += 1
            if isinstance(item, InputError):
                _note_error(summary, item, pending_errors)
                continue
            if not recode and store.has_content(content_hash(item.text), item.doc_id):
                summary.already_stored += 1
                continue
            yield item

    batch: list[Document] = []
    status: dict[str, tuple[DocStatus, str | None, str | None]] = {}
    for result in pipeline.code(fresh()):
        if isinstance(result, InputError):
            _note_error(summary, result, pending_errors)
        else:
            batch.append(result)
            _note_document(summary, result, status)
        if len(batch) >= batch_size:
            store.write_batch(batch, pending_errors, status=status, coder_version=CODER_VERSION)
            clusters.update(store)  # join the new events to clusters across documents
            batch, pending_errors, status = [], [], {}
            if on_progress:
                on_progress(summary.documents, summary.events)
    store.write_batch(batch, pending_errors, status=status, coder_version=CODER_VERSION)
    clusters.update(store)
    summary.seconds = time.perf_counter() - started
    if on_progress:
        on_progress(summary.documents, summary.events)
    return summary


def _note_document(summary: RunSummary, doc: Document,
                   status: dict[str, tuple[DocStatus, str | None, str | None]]) -> None:
    reason = skipped(doc)
    if reason:
        summary.skipped += 1
        status[doc.doc_id] = (DocStatus.SKIPPED, reason, None)
        log.info("document %s skipped: %s", doc.doc_id, reason)
    else:
        summary.coded += 1
        summary.events += len(doc.events)


def _note_error(summary: RunSummary, exc: InputError, pending: list[ErrorRecord]) -> None:
    summary.failed += 1
    summary.errors.append(str(exc))
    pending.append(error_record(exc))
    log.info("document failed: %s", exc)
