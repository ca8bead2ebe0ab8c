"""Tests of frame rules in dotterel.events.frames on sentences we wrote."""

from __future__ import annotations

import pytest

from dotterel.events.frames import EMBEDDED_FACTOR, find_frames
from dotterel.events.lexicon import lexicon
from dotterel.vocab import EventType


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from dotterel.nlp import load_model

    return load_model()


def _frames(nlp, text: str):  # type: ignore[no-untyped-def]
    return find_frames(nlp(text)[:], lexicon())


@pytest.mark.slow
def test_frames_adjectival_participle_is_not_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    frames = _frames(nlp, "Iran released the detained sailors on Monday.")
    assert "detained" not in {f.trigger.text for f in frames}


@pytest.mark.slow
def test_frames_governing_trigger_outranks_embedded_event(nlp) -> None:  # type: ignore[no-untyped-def]
    frames = _frames(nlp, "Brazil threatened to impose sanctions on Venezuela.")
    by_type = {f.coding.type: f.coding.confidence for f in frames}
    assert EventType.THREATEN in by_type
    assert all(c < by_type[EventType.THREATEN] for t, c in by_type.items() if t is not EventType.THREATEN)
    assert 0 < EMBEDDED_FACTOR < 1


@pytest.mark.parametrize("text", [
    "Crowds of Tamils marched in Jaffna, calling for self-rule.",
    "Inmates rioted in the prison, joining farmers in demanding land reform.",
])
def test_frames_a_protest_governs_its_marchers_demands(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    by_type = {f.coding.type: f.coding.confidence for f in _frames(nlp, text)}
    assert by_type[EventType.REQUEST] < by_type[EventType.PROTEST]


@pytest.mark.parametrize(("text", "main", "background"), [
    ("Chile said it will support a resolution that aims to impose sanctions on Peru.", "support", "impose"),
    ("In a letter handed over to the United Nations, Iraq agreed to the inspections.", "agreed", "handed"),
])
def test_frames_an_event_in_a_relative_clause_is_background(nlp, text: str, main: str,  # type: ignore[no-untyped-def]
                                                             background: str) -> None:
    conf = {f.trigger.text: f.coding.confidence for f in _frames(nlp, text)}
    assert conf[background] < conf[main]


@pytest.mark.parametrize(("text", "trigger", "source"), [
    ("Iran renewed its threat to fire rockets at the tanker.", "fire", "its"),
    ("Kenya made a decision to withdraw its troops.", "withdraw", "Kenya"),
    ("Iran rejected the US plan to impose sanctions.", "impose", "US"),
])
def test_frames_who_acts_in_a_nouns_infinitive(nlp, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                               source: str) -> None:
    frame = next(f for f in _frames(nlp, text) if f.trigger.text == trigger)
    assert [t.text for t in frame.sources] == [source]


def test_frames_said_must_is_a_demand_on_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    frames = _frames(nlp, "The minister said the rebels must hand over their weapons.")
    demand = next(f for f in frames if f.coding.type is EventType.REQUEST)
    assert demand.trigger.lemma_ == "say" and [t.text for t in demand.words] == ["said", "must"]
    assert [t.text for t in demand.sources] == ["minister"] and [t.text for t in demand.targets] == ["rebels"]


def test_frames_said_without_obligation_is_no_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    frames = _frames(nlp, "The minister said the rebels handed over their weapons.")
    assert not any(f.coding.type is EventType.REQUEST for f in frames)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Senator Warren promised to keep fighting inequality.", "fighting", None),
    ("Russian troops are fighting Ukrainian forces near Bakhmut.", "fighting", EventType.ASSAULT),
    ("The plan met with opposition from Republicans.", "met", None),
    ("Obama met with Netanyahu at the White House.", "met", EventType.CONSULT),
    ("Biden talked with Putin about Ukraine.", "talked", EventType.CONSULT),
    ("Qatar hosted the World Cup final.", "hosted", None),
    ("Bishop Jenky has stood by his comments.", "stood", None),
    ("Turkey stood by Azerbaijan.", "stood", EventType.SUPPORT),
    ("A security camera captured the moment of the blast.", "captured", None),
    ("Rebels captured two Kenyan aid workers.", "captured", EventType.ASSAULT),
    ("The envoy declined to comment on the deal.", "declined", None),
    ("Kenya declined an invitation to the summit.", "declined", EventType.REJECT),
    ("The senator said the president had obstructed justice.", "obstructed", None),
])
def test_frames_senses_that_are_no_event(nlp, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                         expected: EventType | None) -> None:
    types = {f.coding.type for f in _frames(nlp, text) if f.trigger.text == trigger}
    assert types == ({expected} if expected else set())


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Israel called up 300,000 reservists.", "called", EventType.MOBILIZE),
    ("Pakistan called off the visit.", "called", EventType.REJECT),
    ("The release of the leaked files embarrassed the prime minister.", "release", None),
    ("He did not respond to requests for comment.", "requests", None),
    ("Trump signed the bill, as opposed to the one he demanded.", "opposed", None),
    ("Trump immediately fired back at Clinton.", "fired", EventType.ACCUSE),
    ("The NAACP called out Governor LePage for his remarks.", "called", EventType.ACCUSE),
    ("The rocket blasted off from the space center.", "blasted", None),
    ("China poses a threat to American interests.", "threat", None),
    ("Obama gave a speech in Ohio.", "gave", None),
    ("The minister spoke to reporters in Islamabad.", "spoke", None),
    ("The scandal destroyed his career.", "destroyed", None),
    ("Trump seized on the news.", "seized", None),
    ("The two leaders waged a war of words.", "war", None),
    ("Thousands demonstrated in Tehran.", "demonstrated", EventType.PROTEST),
    ("North Korea demonstrated its missile capability.", "demonstrated", None),
    ("The junta forced the UN aid agency out of the country.", "forced", EventType.SANCTION),
    ("Army helicopters evacuated the wounded from the valley.", "wounded", None),
    ("Army helicopters evacuated the wounded from the valley.", "evacuated", EventType.AID),
    ("Trump asked whether the case would be dropped.", "asked", None),
    ("The judge could not rule out that the clerk slowed the inquiry.", "rule", None),
    ("NATO ruled out a no-fly zone over Ukraine.", "ruled", EventType.REJECT),
    ("The former president hailed from the Muslim Brotherhood.", "hailed", None),
    ("The rebels have sworn to fight on until the army leaves.", "sworn", EventType.THREATEN),
    # A war, an investigation: events when waged or opened, a topic when only named.
    ("Russia waged war on Ukraine.", "war", EventType.ASSAULT),
    ("The troops returned from the war.", "war", None),
    ("Police launched an inquiry into the killing.", "inquiry", EventType.ACCUSE),
    ("The special counsel's investigation found no evidence.", "investigation", None),
    # Helping an outcome along is no aid.
    ("Democrats helped defeat the bill.", "helped", None),
    ("Russia helped Syria with weapons.", "helped", EventType.AID),
    # Walking away from talks is a refusal; supporters walking away are not.
    ("Iran walked away from the talks.", "walked", EventType.REJECT),
    ("His supporters began to walk away.", "walk", None),
    # A warning threatens only the speaker's own act (or a conditional); else it is a statement or a demand.
    ("The rebels warned that they would execute the hostages.", "warned", EventType.THREATEN),
    ("The president warned the rebels would be met with overwhelming force.", "warned", EventType.THREATEN),
    ("The central bank warned that inflation was the biggest risk to growth.", "warned", None),
    ("Generals had warned about the militia regrouping.", "warned", None),
    ("Officials warned villagers to leave the valley.", "warned", EventType.REQUEST),
    # On strike is a labour strike; a strike carried out is an attack.
    ("Nurses in Kenya have been on strike since Monday.", "strike", EventType.PROTEST),
    ("Israel carried out a strike on Gaza.", "strike", EventType.ASSAULT),
    # A firing of a person is a dismissal; firing on people is gunfire.
    ("The mayor welcomed Smith's firing on Twitter.", "firing", None),
    ("The firing of the police chief shocked the city.", "firing", None),
    ("The firing of rockets on Sderot continued.", "firing", EventType.ASSAULT),
])
def test_frames_multiword_senses(nlp, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                 expected: EventType | None) -> None:
    types = {f.coding.type for f in _frames(nlp, text) if f.trigger.text == trigger}
    assert types == ({expected} if expected else set())


@pytest.mark.slow
def test_frames_must_of_inference_is_no_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    frames = _frames(nlp, "\"Comey must be under enormous pressure,\" tweeted the former speaker.")
    assert not any(f.coding.type is EventType.REQUEST for f in frames)
    frames = _frames(nlp, "\"The rebels must hand over their weapons,\" the minister said.")
    demand = next(f for f in frames if f.coding.type is EventType.REQUEST)
    assert [t.text for t in demand.words] == ["must", "said"]


@pytest.mark.slow
def test_frames_who_gathers_for_an_event_holds_it(nlp) -> None:  # type: ignore[no-untyped-def]
    [rally] = [f for f in _frames(nlp, "Thousands of Kenyans converged on Friday for a rally in Nairobi.")
               if f.coding.type is EventType.PROTEST]
    assert [t.text for t in rally.sources] == ["Thousands"]


@pytest.mark.slow
def test_frames_who_is_demobilized_stands_down(nlp) -> None:  # type: ignore[no-untyped-def]
    [retreat] = [f for f in _frames(nlp, "Half of the rebels have been demobilized.")
                 if f.coding.type is EventType.RETREAT]
    assert [t.text for t in retreat.sources] == ["Half"] and not retreat.targets


@pytest.mark.slow
def test_frames_what_a_meeting_discusses_is_no_party(nlp) -> None:  # type: ignore[no-untyped-def]
    frames = _frames(nlp, "Ruto met Fils-Aimé in Nairobi to discuss the mission.")
    assert all(not f.targets for f in frames if f.trigger.text == "discuss")
