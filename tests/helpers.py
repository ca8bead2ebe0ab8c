"""Records built by hand, so store and query tests need no model."""

from __future__ import annotations

from dotterel.records import Actor, Attribution, Cameo, DateValue, Document, Event, Evidence, Location, Section
from dotterel.vocab import DateMethod, EventType, Factuality, Granularity, SectionRole


def make_event(doc_id: str = "d1", event_id: str = "e1", *, type: EventType = EventType.CONSULT,
               source: str = "RUS", target: str = "PAK", factuality: Factuality = Factuality.ASSERTED,
               date: str = "2021-04", mentions: int = 1) -> Event:
    sentence = "Russian Foreign Minister Sergey Lavrov paid a visit to Islamabad in April."
    return Event(
        event_id=event_id, doc_id=doc_id, cluster_id=None, type=type, mode="visit", context=("diplomatic",),
        source=Actor("Russian Foreign Minister Sergey Lavrov", "Sergey Lavrov", source, "GOV"),
        target=Actor("Islamabad", "Pakistan", target, "GOV"), factuality=factuality,
        attributed_to=Attribution("the spokesperson", "PAKGOV"),
        date=DateValue(date, Granularity.MONTH, f"{date}-01", f"{date}-30", "in April", DateMethod.RELATIVE),
        location=Location("Islamabad", "Islamabad", "PAK", 33.72, 73.04),
        evidence=Evidence(sentence, SectionRole.BODY, 0, len(sentence), "paid a visit", 39, 51),
        cameo=Cameo("042", "04", 1, 1.9), confidence=0.9, mentions=mentions, mention_ids=("m1",),
        date_reason="in April: month", coder_version="test")


def make_document(doc_id: str = "d1", events: tuple[Event, ...] = ()) -> Document:
    text = "Title here\n\nRussian Foreign Minister Sergey Lavrov paid a visit to Islamabad in April."
    return Document(doc_id=doc_id, text=text, content_hash="h-" + doc_id, path="x.txt", title="Title here",
                    published="2021-07-05", sections=(Section(SectionRole.TITLE, "Title here", 0, 10),),
                    events=events)
