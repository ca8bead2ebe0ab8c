"""Which language a document is in, so that non-English ones are skipped, not coded.

The coder's rules are rules of English; a French or German article would only
give noise. A language the source declares (a JSON Lines `language` field)
wins; otherwise langdetect judges texts long enough to judge, seeded so that
the same text always gets the same answer. A document too short to judge, or
whose language is uncertain, is taken as English: better coded than dropped.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

log = logging.getLogger(__name__)

#: Texts shorter than this (characters) are not judged.
MIN_CHARS = 200
#: Only this much of a text is read to judge it.
SAMPLE_CHARS = 2000
#: A detected language other than English must be at least this probable.
MIN_PROBABILITY = 0.9
ENGLISH = "en"
_NAMES = {"english": "en", "french": "fr", "german": "de", "spanish": "es", "russian": "ru",
          "arabic": "ar", "chinese": "zh", "portuguese": "pt", "italian": "it"}


def declared(metadata: dict[str, Any]) -> str | None:
    """The language code a source declares ("en-US", "English" → "en"), if any."""
    value = metadata.get("language")
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return _NAMES.get(code, code)


def detect(text: str) -> str | None:
    """The language code of `text`, or None when it is too short or the judgement uncertain."""
    if len(text) < MIN_CHARS:
        return None
    detector = _detector()
    if detector is None:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = detector(text[:SAMPLE_CHARS])[0]
    except LangDetectException:
        return None
    return str(best.lang) if best.prob >= MIN_PROBABILITY else None


def skip_reason(text: str, metadata: dict[str, Any]) -> str | None:
    """Why a document is not coded ("language: fr"), or None for one in English."""
    lang = declared(metadata) or detect(text)
    return None if lang in (None, ENGLISH) else f"language: {lang}"


@functools.cache
def _detector() -> Any:
    """langdetect's `detect_langs`, seeded for determinism; None when langdetect is missing."""
    try:
        from langdetect import DetectorFactory, detect_langs
    except ImportError:
        log.warning("langdetect is not installed: documents are not checked for their language")
        return None
    DetectorFactory.seed = 0
    return detect_langs
