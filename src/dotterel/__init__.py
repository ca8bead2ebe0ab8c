"""dotterel: political event data from foreign-affairs news.

    >>> from dotterel import Pipeline
    >>> doc = Pipeline()("…article text…", published="2021-07-05")
    >>> doc.events
"""

from __future__ import annotations

import logging

from .errors import (ConfigError, DataError, DecodeError, DotterelError, FormatError, InputError, ModelError,
                     StoreError)
from .pipeline import Pipeline
from .records import (Actor, Attribution, Cameo, DateValue, Document, ErrorRecord, Event, Evidence, Location,
                      Mention, Section)
from .store import Store, open_store
from .vocab import EventType, Factuality, SectionRole

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Actor",
    "Attribution",
    "Cameo",
    "ConfigError",
    "DataError",
    "DateValue",
    "DecodeError",
    "Document",
    "DotterelError",
    "ErrorRecord",
    "Event",
    "EventType",
    "Evidence",
    "Factuality",
    "FormatError",
    "InputError",
    "Location",
    "Mention",
    "ModelError",
    "Pipeline",
    "Section",
    "SectionRole",
    "Store",
    "StoreError",
    "open_store",
]
