"""In-article merging of mentions into events, on hand-built mentions."""

from __future__ import annotations

import dataclasses

import pytest

from dotterel import dedup
from dotterel.records import Actor, Cameo, DateValue, Evidence, Location, Mention
from dotterel.vocab import DateMethod, EventType, Factuality, Granularity, SectionRole

APRIL = DateValue("2021-04", Granularity.MONTH, "2021-04-01", "2021-04-30", "in April", DateMethod.RELATIVE)
JULY = DateValue("2021-07", Granularity.MONTH, "2021-07-01", "2021-07-31", "in July", DateMethod.RELATIVE)
PUBLISHED = DateValue("2021-07-05", Granularity.DAY, "2021-07-05", "2021-07-05", None, DateMethod.PUBLICATION)
LAVROV = Actor("Sergey Lavrov", "Sergey Lavrov", "RUS", "GOV")
PUTIN = Actor("Vladimir Putin", "Vladimir Putin", "RUS", "GOV")
PAKISTAN = Actor("Pakistan", "Pakistan", "PAK", None)


def mention(n: int, *, source: Actor | None = LAVROV, target: Actor | None = PAKISTAN,
            type: EventType = EventType.CONSULT, date: DateValue = APRIL,
            factuality: Factuality = Factuality.ASSERTED, cameo: str = "042") -> Mention:
    ev = Evidence(f"sentence {n}", SectionRole.BODY, 100 * n, 100 * n + 50, "visit", 100 * n + 5, 100 * n + 10)
    return Mention(f"m{n}", "d1", type, None, (), source, target, factuality, None, date, None, ev,
                   Cameo(cameo, cameo[:2], 1, 1.9), 0.8)


def test_dedup_merges_mentions_of_one_event_and_keeps_the_specific_date() -> None:
    [event] = dedup.merge([mention(1, date=PUBLISHED), mention(2)])
    assert event.mentions == 2 and event.date == APRIL and event.mention_ids == ("m1", "m2")


@pytest.mark.parametrize("other", [
    mention(2, source=PUTIN),                                   # another person of the same country
    mention(2, source=Actor("Ali Khan", "Ali Khan", None, None)),  # a name we cannot code is only itself
    mention(2, date=JULY),                                      # dates that do not overlap
    mention(2, type=EventType.ACCUSE),                          # another type
    mention(2, factuality=Factuality.DENIED),                   # a denial is not the asserted visit
])
def test_dedup_keeps_different_events_apart(other: Mention) -> None:
    assert len(dedup.merge([mention(1), other])) == 2


def test_dedup_denial_beats_a_report_of_the_same_event() -> None:
    [event] = dedup.merge([mention(1, source=PUTIN, date=JULY, factuality=Factuality.UNVERIFIED),
                           mention(2, source=PUTIN, date=JULY, factuality=Factuality.DENIED)])
    assert event.factuality is Factuality.DENIED


def test_dedup_reciprocal_mentions_merge_either_way_round() -> None:
    a = mention(1, type=EventType.AGREE, source=PAKISTAN, target=Actor("Iran", "Iran", "IRN", None))
    b = dataclasses.replace(mention(2, type=EventType.SUPPORT, cameo="057"), source=a.target, target=a.source)
    [event] = dedup.merge([a, b])  # an agreement and its signing
    assert event.mentions == 2 and event.source == PAKISTAN


def test_dedup_sectors_keep_domestic_sides_apart_but_not_organs_of_a_state_abroad() -> None:
    naacp = Actor("the NAACP", "NAACP", "USA", "NGO")
    tea_party = Actor("the Tea Party", "Tea Party", "USA", "PTY")
    accusations = [mention(1, source=naacp, target=tea_party, type=EventType.ACCUSE),
                   mention(2, source=tea_party, target=naacp, type=EventType.ACCUSE)]
    assert len(dedup.merge(accusations)) == 2
    army = Actor("Russian forces", None, "RUS", "MIL")
    moscow = Actor("Moscow", "Russia", "RUS", "GOV")
    attacks = [mention(1, source=army, type=EventType.ASSAULT), mention(2, source=moscow, type=EventType.ASSAULT)]
    assert len(dedup.merge(attacks)) == 1


def test_dedup_undated_domestic_mentions_merge_only_with_the_same_named_actors() -> None:
    trump = Actor("Mr. Trump", "Donald Trump", "USA", "GOV")
    pelosi = Actor("Ms. Pelosi", "Nancy Pelosi", "USA", "LEG")
    democrats = Actor("her colleagues", "United States", "USA", None)
    asked = mention(1, source=trump, target=pelosi, type=EventType.REQUEST, date=PUBLISHED)
    assert len(dedup.merge([asked, mention(2, source=democrats, target=pelosi, type=EventType.REQUEST,
                                           date=PUBLISHED)])) == 2
    assert len(dedup.merge([asked, mention(2, source=trump, target=pelosi, type=EventType.REQUEST,
                                           date=PUBLISHED)])) == 1


def test_dedup_an_implied_party_merges_with_a_named_one_and_yields_to_it() -> None:
    crowds = Actor("crowds", "Pakistan", "PAK", "CVL")
    implied = Actor("", "Pakistan", "PAK", "GOV", implied=True)
    police = Actor("the police", "Pakistan", "PAK", "COP")
    [event] = dedup.merge([mention(1, source=crowds, target=implied, type=EventType.PROTEST),
                           mention(2, source=crowds, target=police, type=EventType.PROTEST)])
    assert event.target == police
    # An implied party is no party both name: protests by nobody named that only it joins stay apart.
    apart = [mention(1, source=None, target=implied, type=EventType.PROTEST),
             mention(2, source=None, target=implied, type=EventType.PROTEST)]
    assert len(dedup.merge(apart)) == 2


def test_dedup_an_act_only_threatened_or_placed_elsewhere_is_another_event() -> None:
    fired = mention(1, type=EventType.ASSAULT)
    threatened = mention(2, type=EventType.ASSAULT, factuality=Factuality.HYPOTHETICAL)
    assert len(dedup.merge([fired, threatened])) == 2
    here = dataclasses.replace(fired, location=Location("Hokkaido", "Hokkaido", "JPN", None, None))
    there = dataclasses.replace(mention(2, type=EventType.ASSAULT),
                                location=Location("Guam", "Guam", "USA", None, None))
    assert len(dedup.merge([here, there])) == 2
