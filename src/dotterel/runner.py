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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import clusters
from .errors import InputError
from .ingest import Source, read_paths
from .pipeline import CODER_VERSION, Pipeline, content_hash
from .records import Document, ErrorRecord
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    """What a run did."""

    documents: int = 0
    coded: int = 0
    already_stored: int = 0
    events: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0: all coded; 3: some documents failed; 1: nothing could be done."""
        if self.failed and not (self.coded or self.already_stored):
            return 1
        return 3 if self.failed else 0


def error_record(exc: InputError) -> ErrorRecord:
    """The `errors` row for an input error, built from its attributes."""
    return ErrorRecord(source=exc.source, line=exc.line, stage=exc.stage, code=exc.code, reason=exc.reason)


def run(paths: Iterable[str | os.PathLike[str]], store: Store, pipeline: Pipeline | None = None, *,
        recode: bool = False, batch_size: int = 32,
        on_progress: Callable[[int, int], None] | None = None) -> RunSummary:
    """Ingest and code every document under `paths` into `store`.

    Args:
        recode: code documents again even when their content is stored.
        on_progress: called with (documents seen, events so far) after each batch.
    """
    pipeline = pipeline or Pipeline()
    summary = RunSummary()
    started = time.perf_counter()
    pending_errors: list[ErrorRecord] = []

    def fresh() -> Iterator[Source]:
        for item in read_paths(paths):
            summary.documents += 1
            if isinstance(item, InputError):
                _note_error(summary, item, pending_errors)
                continue
            if not recode and store.has_content(content_hash(item.text), item.doc_id):
                summary.already_stored += 1
                continue
            yield item

    batch: list[Document] = []
    for result in pipeline.code(fresh()):
        if isinstance(result, InputError):
            _note_error(summary, result, pending_errors)
        else:
            batch.append(result)
            summary.coded += 1
            summary.events += len(result.events)
        if len(batch) >= batch_size:
            store.write_batch(batch, pending_errors, coder_version=CODER_VERSION)
            clusters.update(store)  # join the new events to clusters across documents
            batch, pending_errors = [], []
            if on_progress:
                on_progress(summary.documents, summary.events)
    store.write_batch(batch, pending_errors, coder_version=CODER_VERSION)
    clusters.update(store)
    summary.seconds = time.perf_counter() - started
    if on_progress:
        on_progress(summary.documents, summary.events)
    return summary


def _note_error(summary: RunSummary, exc: InputError, pending: list[ErrorRecord]) -> None:
    summary.failed += 1
    summary.errors.append(str(exc))
    pending.append(error_record(exc))
    log.info("document failed: %s", exc)
