"""The one exception tree of dotterel.

    DotterelError
    ├─ InputError(source, line, stage)   a bad document: a row in `errors`, the batch goes on
    │  ├─ DecodeError                    bytes that are not text in any encoding we accept
    │  └─ FormatError                    text that is not valid JSONL/HTML/WARC/… or not a news document
    ├─ DataError                         a shipped data table is malformed: our bug, fail loudly
    ├─ ConfigError                       a bad setting or argument value
    ├─ ModelError                        the NLP model cannot be loaded
    └─ StoreError                        the database cannot be opened or written

Each class has a stable `code`, so an `errors` row is built from attributes,
never by parsing a message.
"""

from __future__ import annotations


class DotterelError(Exception):
    """Base of every error dotterel raises on purpose."""

    code = "E000"


class InputError(DotterelError):
    """A document that cannot be read or coded; the run records it and goes on."""

    code = "E100"

    def __init__(self, reason: str, *, source: str = "", line: int | None = None,
                 stage: str = "ingest") -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source
        self.line = line
        self.stage = stage

    def __str__(self) -> str:
        where = self.source + (f":{self.line}" if self.line is not None else "")
        return f"{where}: {self.reason}" if where else self.reason


class DecodeError(InputError):
    """Bytes that are binary or not decodable as text."""

    code = "E101"


class FormatError(InputError):
    """Text that is malformed for its declared format, empty, or too large."""

    code = "E102"


class DataError(DotterelError):
    """A data table shipped with dotterel is malformed."""

    code = "E200"


class ConfigError(DotterelError):
    """A setting or argument has a value dotterel cannot use."""

    code = "E300"


class ModelError(DotterelError):
    """The spaCy model cannot be loaded."""

    code = "E400"


class StoreError(DotterelError):
    """The DuckDB store cannot be opened, read or written."""

    code = "E500"
