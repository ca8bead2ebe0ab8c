"""Tests of how dotterel.events.coder finds parties, on sentences we wrote."""

from __future__ import annotations

import pytest

from dotterel import Pipeline
from dotterel.events.coder import _same_actor
from dotterel.records import Actor
from dotterel.vocab import EventType

pytestmark = pytest.mark.slow


def _events(pipeline: Pipeline, text: str, kind: EventType):  # type: ignore[no-untyped-def]
    doc = pipeline(text, published="2024-03-06")
    return [e for e in doc.events if e.type is kind]


@pytest.mark.parametrize(("text", "kind", "target"), [
    ("Chile granted asylum to three Bolivian army officers on Tuesday.", EventType.AID, "BOL"),
    ("Iran threatened on Monday to cut off gas supplies to Armenia.", EventType.THREATEN, "ARM"),
    ("China demanded on Monday that Japan withdraw its warships.", EventType.REQUEST, "JPN"),
    ("Kenya accepted demands from Somali elders on Sunday.", EventType.CONCEDE, "SOM"),
    ("Kenya refused to appear before the International Court of Justice.", EventType.REJECT, "IGO"),
    # An event noun's own actor is who is asked, not where it leaves from.
    ("The Arab League demanded the withdrawal of Ethiopian troops from Somalia.", EventType.REQUEST, "ETH"),
    # A threat's condition names who is threatened; so does the place the threatened act would strike.
    ("Turkey threatened to halt the talks if Greece deployed new missiles.", EventType.THREATEN, "GRC"),
    ("Hezbollah threatened on Friday to launch new raids in northern Israel.", EventType.THREATEN, "ISR"),
    # Phrases within phrases, and the agent of a participle.
    ("Japan suspended half of its loan program for Myanmar.", EventType.SANCTION, "MMR"),
    ("Kenyan police prevented a rally organised by Ugandan exiles.", EventType.COERCE, "UGA"),
    # The source's own commitment is no party; whom it was made to is.
    ("The governor reneged on his pledge to Afghan refugees.", EventType.REJECT, "AFG"),
    # A first conjunct that is no one's own keeps a pair of targets ("X and his party").
    ("Opposition leaders said President Museveni and his ministers must hold new elections.", EventType.REQUEST, "UGA"),
    # Who undergoes the act a verb carries out, not who helps; who did the killing is condemned.
    ("India enforced a blockade of Nepal with Bhutan's support.", EventType.COERCE, "NPL"),
    # A phrase the parser hung below a setting ("in the election") still names the party.
    ("The senator blamed his defeat in the primary election on the Chinese government.", EventType.ACCUSE, "CHN"),
    ("Russia condemned the killing of a Russian diplomat by Syrian gunmen.", EventType.ACCUSE, "SYR"),
    # An accusation is against whoever did what it is over, not whom it is made to.
    ("Ghana complained to the African Union over Togolese border raids.", EventType.ACCUSE, "TGO"),
    ("Ghana denounced as a disgrace Togo's treatment of refugees.", EventType.ACCUSE, "TGO"),
    # The ban a verb lifts names whom it is on; the return a verb allows, who returns.
    ("Kenya lifted the ban on Somali traders on Monday.", EventType.CONCEDE, "SOM"),
    ("Kenya allowed the return of UN monitors on Monday.", EventType.RETREAT, "IGO"),
    # A preposition whose object the parser gave to the next clause.
    ("Chile granted asylum to four Bolivian officers hiding in its embassy since the coup.", EventType.AID, "BOL"),
    # "X's ally" is not X; the chief of a body is the body's.
    ("Rebels ambushed the deputy chief of Uganda's militia ally in northern Congo.", EventType.ASSAULT, "COD"),
    # A noun event that is the second object of a light verb; old names of countries.
    ("Thai forces launched tank and mortar fire on Kampuchean bases.", EventType.ASSAULT, "KHM"),
])
def test_coder_target_named_beyond_the_object(pipeline: Pipeline, text: str, kind: EventType,
                                              target: str) -> None:
    events = _events(pipeline, text, kind)
    assert events and events[0].target is not None and events[0].target.country == target


def test_coder_topic_of_a_meeting_is_no_party(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Pakistani officials met on Monday to discuss trade cooperation with Iran.",
                     EventType.CONSULT)
    assert all(e.target is None or e.target.country != "IRN" for e in events)


def test_coder_unattributed_attack_is_an_unidentified_attacker_where_it_struck(pipeline: Pipeline) -> None:
    events = _events(pipeline, "A car bomb killed four soldiers near the city of Kandahar on Monday.",
                     EventType.ASSAULT)
    assert events and events[0].source is not None
    assert (events[0].source.country, events[0].source.sector) == ("AFG", "UNK")


def test_coder_subject_of_ready_to(pipeline: Pipeline) -> None:
    doc = pipeline("Norway is ready to contribute 200 troops to the UN mission in Mali, its defence minister said.",
                   published="2024-03-06")
    assert any(e.source is not None and e.source.country == "NOR" for e in doc.events)


def test_coder_unknown_name_takes_its_apposition(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Jan Kowalski, the Polish foreign ministry spokesman, condemned the raid on Tuesday.",
                     EventType.ACCUSE)
    assert events and events[0].source is not None and events[0].source.code == "POLGOV"


@pytest.mark.parametrize(("text", "absent"), [
    ("The governor fired the police chief on Tuesday.", EventType.ASSAULT),   # a dismissal
    ("The senator released her tax returns on Friday.", EventType.RETREAT),   # a thing, not a captive
    ("The minister called the plan reckless on Monday.", EventType.CONSULT),  # naming, not phoning
    ("Putin called Erdogan on Tuesday.", EventType.REQUEST),                  # a date is no "call on"
    ("The governor said she would execute the plan by decree.", EventType.ASSAULT),   # carrying out a plan
    ("The senator's fundraising operation stalled in Texas.", EventType.ASSAULT),     # no military operation
    ("Kenyan engineers are seeking to learn why the bridge collapsed.", EventType.REQUEST),  # finding out
    ("The mayor's campaign bought radio ads in Ohio.", EventType.COOPERATE),          # a purchase, no trade
    ("The minister said the report was an attack on Kenya.", EventType.ASSAULT),      # a characterisation
])
def test_coder_word_senses_that_are_not_the_event(pipeline: Pipeline, text: str, absent: EventType) -> None:
    assert not _events(pipeline, text, absent)


def test_coder_attack_on_a_plan_is_criticism(pipeline: Pipeline) -> None:
    assert _events(pipeline, "Senate Republicans attacked the budget plan on Monday.", EventType.ACCUSE)
    assert not _events(pipeline, "Senate Republicans attacked the budget plan on Monday.", EventType.ASSAULT)


def test_coder_called_on_passes_its_object_as_the_subject(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The UN called on Israel to withdraw its troops.", EventType.RETREAT)
    assert all(e.source is not None and e.source.country == "ISR" for e in events)


def test_coder_coercion_without_a_named_target_acts_on_its_place(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The government imposed a curfew in Kandahar on Monday.", EventType.COERCE)
    assert events and events[0].target is not None and events[0].target.country == "AFG"


def test_coder_what_the_source_offers_of_its_own_is_no_target(pipeline: Pipeline) -> None:
    doc = pipeline("Ghana offered its troops to Mali on Monday.", published="2024-03-06")
    assert any(e.target is not None and e.target.country == "MLI" for e in doc.events)


def test_coder_said_must_needs_a_party_to_demand_of(pipeline: Pipeline) -> None:
    text = '"Walls should not be controversial," the Kenyan president said on Monday.'
    assert not _events(pipeline, text, EventType.REQUEST)


@pytest.mark.parametrize(("text", "kind", "factuality"), [
    ("Poland says it will not accept any more refugees.", EventType.REJECT, "asserted"),
    ("Hungary will never recognise the referendum in Crimea.", EventType.REJECT, "asserted"),
    ("Iran did not accept the proposal from France.", EventType.AGREE, "negated"),
    ("Russia will not withdraw its troops from Syria.", EventType.REJECT, "asserted"),
])
def test_coder_a_refusal_to_accept_is_a_rejection(pipeline: Pipeline, text: str, kind: EventType,
                                                  factuality: str) -> None:
    events = _events(pipeline, text, kind)
    assert events and str(events[0].factuality) == factuality


@pytest.mark.parametrize(("text", "count"), [
    ("Senator Warren spoke to a crowd of supporters in Boston.", 0),
    ("President Biden talked about inflation in Ohio.", 0),
    ("Prime Minister Sharif arrived in Lahore on Monday.", 0),
    ("Sharif met Chinese President Xi Jinping in Beijing.", 1),
    ("Pakistan and China held talks in Beijing.", 1),
])
def test_coder_a_meeting_needs_a_second_party(pipeline: Pipeline, text: str, count: int) -> None:
    assert len(_events(pipeline, text, EventType.CONSULT)) == count


def test_coder_pluperfect_without_a_date_is_no_publication_day(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "Pakistan said gunmen had abducted a Chinese engineer.", EventType.ASSAULT)
    assert event.date.value is None and str(event.date.method) == "unknown"
    [event] = _events(pipeline, "Gunmen abducted a Chinese engineer in Pakistan.", EventType.ASSAULT)
    assert event.date.value == "2024-03-06"


def test_coder_possessor_of_a_trial_or_arrest_is_who_undergoes_it(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "Russia condemned Navalny's arrest by Moscow police.", EventType.COERCE)
    assert event.source is not None and event.source.sector == "COP"
    assert event.target is not None and event.target.name == "Alexei Navalny"


@pytest.mark.parametrize("text", [
    "Russia said it is ready to pull its troops out of Moldova.",
    "Israel will evacuate all outposts in the West Bank.",
])
def test_coder_a_stated_intention_to_yield_is_agree(pipeline: Pipeline, text: str) -> None:
    """CAMEO 035 "express intent to yield" is AGREE in the 2021 CAMEO→PLOVER table."""
    events = _events(pipeline, text, EventType.AGREE)
    assert events and events[0].cameo.code == "035"


def test_coder_one_person_attacking_another_is_criticism(pipeline: Pipeline) -> None:
    assert _events(pipeline, "Donald Trump attacked Hillary Clinton on Monday.", EventType.ACCUSE)
    assert _events(pipeline, "Gunmen attacked a convoy near Quetta on Monday.", EventType.ASSAULT)


def test_coder_the_place_of_an_event_abroad_is_acted_on(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "Israel will evacuate all outposts in the West Bank in August.", EventType.AGREE)
    assert event.target is not None and event.target.country == "PSE"


def test_coder_a_protest_takes_the_target_of_its_marchers_demands(pipeline: Pipeline) -> None:
    doc = pipeline("Crowds of Tamils marched in Jaffna on Sunday, calling for self-rule from Sri Lanka.",
                   published="2024-03-06")
    top = max(doc.events, key=lambda e: e.confidence)
    assert top.type is EventType.PROTEST and top.target is not None and top.target.country == "LKA"


def test_coder_a_stated_act_with_an_unless_is_a_threat_on_whoever_must_act() -> None:
    doc = Pipeline(type_model=False)("Kenya will send more troops unless the rebels withdraw.", published="2024-03-06")
    threat = next(e for e in doc.events if e.type is EventType.THREATEN)
    assert threat.source.country == "KEN" and threat.target is not None and threat.target.sector == "REB"


def test_coder_joint_exercises_are_military_cooperation(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Indian and Japanese destroyers began five days of naval drills on Monday.",
                     EventType.COOPERATE)
    assert events and {events[0].source.country, events[0].target.country} == {"IND", "JPN"}
    assert events[0].cameo.code == "062"


def test_coder_two_countries_negotiators_meet(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Chinese and Indian diplomats went back to Vienna this week for talks.", EventType.CONSULT)
    assert events and {events[0].source.country, events[0].target.country} == {"CHN", "IND"}


def test_coder_a_deadline_bounds_the_event_and_does_not_date_it(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "Kenya signed a deal with Turkey before the March 30 vote, officials said on Monday.",
                      EventType.SUPPORT)
    assert event.date.value == "2024-03"  # the month of the Monday report, not March 30


def test_coder_a_noun_event_under_a_dated_report_takes_its_month(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "Last week, the envoy posted pictures of her trip to Kenya.", EventType.CONSULT)
    assert event.date.value == "2024-02"


def test_coder_a_town_before_an_attack_is_where_it_struck(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "The mayor spoke on Monday after the Tucson attack.", EventType.ASSAULT)
    assert event.source is not None and (event.source.country, event.source.sector) == ("USA", "UNK")
    assert event.source.text == "" and event.location is not None and event.location.country == "USA"


def test_coder_one_person_in_two_sectors_is_one_actor() -> None:
    roe = Actor("Senator Roe", "Jane Roe", "USA", "LEG")
    assert _same_actor(roe, Actor("her", "Jane Roe", "USA", None))
    # A country's name on two of its bodies names two actors.
    assert not _same_actor(Actor("the White House", "United States", "USA", "GOV"),
                           Actor("Congress", "United States", "USA", "LEG"))


@pytest.mark.parametrize(("text", "kind", "target"), [
    ("Israeli troops killed five people in Gaza.", EventType.ASSAULT, ("PSE", "CVL")),  # where they were
    ("Pakistani police arrested 20 people.", EventType.COERCE, ("PAK", "CVL")),         # else the country named
])
def test_coder_people_are_civilians_of_the_place_they_are_in(pipeline: Pipeline, text: str, kind: EventType,
                                                               target: tuple[str, str]) -> None:
    [event] = _events(pipeline, text, kind)
    assert event.target is not None and (event.target.country, event.target.sector) == target


def test_coder_a_counted_group_is_someone_new_not_one_named_before(pipeline: Pipeline) -> None:
    doc = pipeline("People protested in Lahore on Monday. Police killed 12 people in Kabul on Tuesday.",
                   published="2025-03-12")
    killed = [e for e in doc.events if e.evidence.trigger == "killed"]
    assert killed and killed[0].target is not None and killed[0].target.country == "AFG"


def test_coder_who_remains_on_alert_holds_the_alert(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "Indian troops stayed on alert along the border with Pakistan on Monday.",
                      EventType.MOBILIZE)
    assert event.source is not None and (event.source.country, event.source.sector) == ("IND", "MIL")


def test_coder_beginning_in_a_month_dates_the_main_clause(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "Starting in August, Kenyan officials held talks with Somali envoys.",
                      EventType.CONSULT)
    assert event.date.value == "2023-08"


@pytest.mark.parametrize(("text", "kind"), [
    ("Thousands of Kenyans rallied in Nairobi on Monday.", EventType.PROTEST),
    ("The Kenyan Union of Teachers called off its strike on Monday.", EventType.CONCEDE),  # done to a protest
    ("Opposition parties in Ghana rejected the budget on Monday.", EventType.REJECT),
    ("Ugandan rebels laid down their arms on Monday.", EventType.RETREAT),
])
def test_coder_a_domestic_challenge_with_no_one_named_is_toward_its_state(pipeline: Pipeline, text: str,
                                                                            kind: EventType) -> None:
    [event] = _events(pipeline, text, kind)
    assert event.target is not None and event.target.implied and event.target.text == ""
    assert event.target.country == event.source.country and event.target.sector == "GOV"


@pytest.mark.parametrize(("text", "kind"), [
    ("A man stabbed a neighbour in Nairobi on Monday.", EventType.ASSAULT),  # violence by civilians
    ("Japan said it feared the Iranian threat.", EventType.THREATEN),   # the state's own threat
    ("Farmers in Kenya demanded higher prices on Monday.", EventType.REQUEST),  # of whom, the text does not say
])
def test_coder_no_state_is_implied_for_others(pipeline: Pipeline, text: str, kind: EventType) -> None:
    assert not any(e.target is not None and e.target.implied for e in _events(pipeline, text, kind))


def test_coder_an_arrest_with_no_one_named_is_the_state_where_it_happened(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "Two Kenyan reporters were detained in Uganda on Monday.", EventType.COERCE)
    assert event.source is not None and event.source.implied and event.source.country == "UGA"
    # A lawsuit anyone may bring: no state is implied.
    assert all(e.source is None for e in _events(pipeline, "The firm was sued in Texas.", EventType.ACCUSE))


def test_coder_a_statement_takes_no_place_from_what_it_states(pipeline: Pipeline) -> None:
    [threat] = _events(pipeline, "Iran threatened on Monday to strike ships near Bahrain.", EventType.THREATEN)
    assert threat.location is None
    [attack] = _events(pipeline, "Iranian boats attacked two ships near Bahrain on Monday.", EventType.ASSAULT)
    assert attack.location is not None and attack.location.country == "BHR"


@pytest.mark.parametrize(("text", "kind"), [
    ("Ugandan troops captured a rebel stronghold after three days of fighting.", EventType.ASSAULT),  # combat
    ("Ugandan troops recaptured the town of Gulu on Monday.", EventType.ASSAULT),
    ("Uganda annexed the disputed island on Monday.", EventType.COERCE),  # holding territory, CAMEO 192
])
def test_coder_taking_ground_in_fighting_is_assault_and_holding_it_coercion(pipeline: Pipeline, text: str,
                                                                            kind: EventType) -> None:
    assert _events(pipeline, text, kind)


def test_coder_between_names_both_sides_or_the_parties_of_a_mediator(pipeline: Pipeline) -> None:
    [talks] = _events(pipeline, "Talks between Iran and Iraq resumed on Monday.", EventType.CONSULT)
    assert (talks.source.country, talks.target.country) == ("IRN", "IRQ")
    fighting = _events(pipeline, "Kenya shut its border because of fighting between Somalia and Ethiopia.",
                       EventType.ASSAULT)
    assert fighting and {fighting[0].source.country, fighting[0].target.country} == {"SOM", "ETH"}


def test_coder_driving_people_from_their_homes_is_mass_expulsion(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "Soldiers forced out hundreds of Somali herders from their homes.", EventType.ASSAULT)
    assert event.cameo.code == "201"


def test_coder_an_event_noun_as_subject_names_its_doer(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "Airstrikes by the Kenyan army killed 12 militants on Monday.", EventType.ASSAULT)
    assert event.source is not None and event.source.code == "KENMIL"


def test_coder_what_a_party_is_accused_of_is_the_accusers_claim(pipeline: Pipeline) -> None:
    [shelling] = _events(pipeline, "Kenya accused Somalia of shelling its border posts.", EventType.ASSAULT)
    assert shelling.source is not None and shelling.source.country == "SOM"
    assert shelling.factuality.value == "claimed"


def test_coder_a_town_is_no_attacker(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Kenya condemned the attack on the British embassy in Mombasa, Kenya, which killed two guards.",
                     EventType.ASSAULT)
    assert events and all(e.source is None or e.source.text != "Mombasa" for e in events)
