from __future__ import annotations

import pytest

from dotterel import language

FRENCH = ("Les ministres des Affaires étrangères de la France et de l'Allemagne se sont réunis mardi à Berlin "
          "pour discuter d'un nouvel accord commercial entre les deux pays, ont indiqué des responsables. "
          "Les discussions ont duré quatre heures et se sont terminées par une déclaration commune.")
GERMAN = ("Die Außenminister Frankreichs und Deutschlands haben sich am Dienstag in Berlin getroffen, um über "
          "ein neues Handelsabkommen zwischen den beiden Ländern zu beraten, teilten Beamte mit. Die Gespräche "
          "dauerten vier Stunden und endeten mit einer gemeinsamen Erklärung.")
ENGLISH = ("The foreign ministers of France and Germany met in Berlin on Tuesday to discuss a new trade agreement "
           "between the two countries, officials said. The talks lasted four hours and ended with a joint "
           "statement promising closer cooperation on energy and security.")


@pytest.mark.parametrize(("text", "reason"), [(FRENCH, "language: fr"), (GERMAN, "language: de"), (ENGLISH, None)])
def test_language_skip_reason_of_detected_language(text: str, reason: str | None) -> None:
    assert language.skip_reason(text, {}) == reason


@pytest.mark.parametrize(("declared", "reason"), [("en", None), ("en-GB", None), ("English", None),
                                                  ("fr_FR", "language: fr"), ("", "language: fr")])
def test_language_declared_language_wins(declared: str, reason: str | None) -> None:
    assert language.skip_reason(FRENCH, {"language": declared}) == reason


def test_language_short_texts_are_not_judged() -> None:
    assert language.detect("Les ministres se sont réunis mardi.") is None
    assert language.skip_reason("Les ministres se sont réunis mardi.", {}) is None


def test_language_detection_is_deterministic() -> None:
    assert {language.detect(GERMAN) for _ in range(5)} == {"de"}
