from __future__ import annotations

import pytest

from dotterel.errors import FormatError
from dotterel.ingest import Source, html
from dotterel.pipeline import Pipeline

from .pages import BODY, page


def _one(data: bytes) -> Source:
    (source,) = list(html.read(data, "page.html"))
    assert isinstance(source, Source), source
    return source


def test_html_page_main_text_and_metadata() -> None:
    source = _one(page())
    assert source.title == "Envoys meet in Berlin"
    assert source.published is not None and source.published.startswith("2024-03-05")
    assert source.outlet == "example.com"
    assert source.url == "https://www.ledger.example.com/world/envoys-meet"
    assert source.metadata["author"] == "Jane Roe"
    assert all(p in source.text for p in BODY)


@pytest.mark.parametrize("clutter", ["Subscribe to our newsletter", "Share on Facebook", "Copyright 2024",
                                     "Privacy policy", "World news menu"])
def test_html_clutter_is_gone(clutter: str) -> None:
    assert clutter not in _one(page()).text


def test_html_structure_pass_runs_on_extracted_text() -> None:
    import spacy

    doc = Pipeline(spacy.blank("en")).structure(_one(page()))
    assert doc.title == "Envoys meet in Berlin" and doc.published == "2024-03-05"
    assert [s.text for s in doc.sections if s.role == "body"] == list(BODY)


@pytest.mark.parametrize(("data", "reason"), [
    (b"<html><head><title>T</title></head><body><script>x()</script></body></html>", "no article text"),
    (b"\x00\x01\x02 binary", "binary"),
])
def test_html_bad_page_is_one_error(data: bytes, reason: str) -> None:
    (err,) = list(html.read(data, "bad.html"))
    assert isinstance(err, FormatError) and reason in err.reason and err.source == "bad.html"


def test_html_fragment_text_keeps_blocks_and_drops_scripts() -> None:
    assert html.fragment_text("<p>One <b>two</b></p><p>Three<br>four</p><script>x()</script>") == \
        "One two\nThree\nfour"
