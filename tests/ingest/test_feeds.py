from __future__ import annotations

import pytest

from dotterel.errors import FormatError
from dotterel.ingest import Source, feeds
from dotterel.ingest.formats import sniff

RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>The Ledger</title><link>https://www.ledger.example/</link>
<item><title>Envoys meet in Berlin</title><link>https://www.ledger.example/a</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The ministers met in &lt;b&gt;Berlin&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Talks went on.&lt;/p&gt;</description></item>
<item><title>Only a title</title><link>https://www.ledger.example/b</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><link href="https://wire.example/"/>
<id>urn:wire</id><updated>2024-03-06T09:00:00Z</updated>
<entry><title>Troops withdraw</title><link href="https://wire.example/t"/><id>urn:wire:1</id>
<updated>2024-03-06T09:00:00Z</updated><published>2024-03-06T08:00:00Z</published>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Troops withdrew from the border on Wednesday.&lt;/p&gt;</content></entry></feed>"""


def test_feeds_rss_entries_with_link_date_title_and_stripped_text() -> None:
    first, second = list(feeds.read(RSS, "ledger.rss"))
    assert isinstance(first, Source)
    assert (first.title, first.url, first.outlet) == ("Envoys meet in Berlin", "https://www.ledger.example/a",
                                                      "ledger.example")
    assert first.published == "2024-03-05T10:00:00Z"
    assert first.text == "The ministers met in Berlin.\nTalks went on."
    assert isinstance(second, FormatError) and second.line == 2  # no content: one error, the rest goes on


def test_feeds_atom_entry_prefers_content_to_summary() -> None:
    (entry,) = list(feeds.read(ATOM, "wire.atom"))
    assert isinstance(entry, Source)
    assert entry.text == "Troops withdrew from the border on Wednesday."
    assert (entry.published, entry.url, entry.metadata["id"]) == ("2024-03-06T08:00:00Z", "https://wire.example/t",
                                                                  "urn:wire:1")


@pytest.mark.parametrize("data", [b"<?xml version='1.0'?><note>hi</note>", b"plain words", b""])
def test_feeds_not_a_feed_is_one_error(data: bytes) -> None:
    (err,) = list(feeds.read(data, "x.xml"))
    assert isinstance(err, FormatError) and "feed" in err.reason


@pytest.mark.parametrize(("data", "fmt"), [(RSS, "feed"), (ATOM, "feed"), (b"<!DOCTYPE html><html>", "html"),
                                            (b'{"text": "x"}', "jsonl"), (b"WARC/1.0\r\n", "warc"),
                                            (b"Envoys meet\n\nText.", "text")])
def test_feeds_sniff_tells_formats_apart(data: bytes, fmt: str) -> None:
    assert sniff(data) == fmt
