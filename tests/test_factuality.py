"""Factuality of event triggers (slow: parses with the model)."""

from __future__ import annotations

import pytest

from dotterel import factuality
from dotterel.nlp import load_model
from dotterel.vocab import Factuality

pytestmark = pytest.mark.slow


def _judge(sentence: str, trigger: str, sector: str | None = None) -> Factuality | None:
    doc = load_model()(sentence)
    tok = next(t for t in doc if t.text == trigger)
    judgement = factuality.judge(tok, tok, lambda _tok: sector)
    return judgement.value if judgement else None


@pytest.mark.parametrize(("sentence", "trigger", "sector", "expected"), [
    ("Turkish troops attacked the village on Monday.", "attacked", None, Factuality.ASSERTED),
    ("Turkish troops did not attack the village.", "attack", None, Factuality.NEGATED),
    ("The president will not visit Ankara, the ministry said.", "visit", None, Factuality.DENIED),
    ("The ministry denied that troops attacked the village.", "attacked", None, Factuality.DENIED),
    ("The army could attack the village if talks fail.", "attack", None, Factuality.HYPOTHETICAL),
    ("The minister will visit Ankara next week.", "visit", None, Factuality.PLANNED),
    ("Police are investigating reports that gunmen attacked a bus.", "attacked", None, Factuality.UNVERIFIED),
    ("The group said it had kidnapped two engineers.", "kidnapped", "REB", Factuality.CLAIMED),
    ("Rebels claimed they had shot down a helicopter.", "shot", None, Factuality.CLAIMED),
    ("Did Turkish troops attack the village?", "attack", None, Factuality.HYPOTHETICAL),
    ("Turkey sent troops to attack the village.", "attack", None, Factuality.PLANNED),
    ("Why did Turkish troops attack the village?\"", "attack", None, Factuality.ASSERTED),
    # What someone is asked or told to do has not happened (DESIGN.md: demanded = hypothetical).
    ("France urged Russia to withdraw its troops.", "withdraw", None, Factuality.HYPOTHETICAL),
    ("Protesters demanded that the minister resign.", "resign", None, Factuality.HYPOTHETICAL),
    ("The UN called for the release of the hostages.", "release", None, Factuality.HYPOTHETICAL),
    ("Trump demanded an apology from the judge.", "apology", None, Factuality.HYPOTHETICAL),
    ("Britain pushed for Iran to release the hostages.", "release", None, Factuality.HYPOTHETICAL),
    ("Rebels forced the army to withdraw from the town.", "withdraw", None, Factuality.ASSERTED),
    ("Their efforts to win support from China failed.", "win", None, Factuality.HYPOTHETICAL),
    ("Israel announced a plan to withdraw from Gaza.", "withdraw", None, Factuality.PLANNED),
    ("Russia was the first country to recognize the government.", "recognize", None, Factuality.ASSERTED),
    ("The US should use sanctions against Hong Kong officials.", "sanctions", None, Factuality.HYPOTHETICAL),
    ("The EU did not back sanctions against Russia.", "sanctions", None, Factuality.NEGATED),
    ("\"Attack their convoys and kill their soldiers,\" the leader said.", "kill", None, Factuality.HYPOTHETICAL),
    ("Russia will attack and destroy the bridge.", "destroy", None, Factuality.PLANNED),
    ("Trump said he had neither met McGurk nor appointed him.", "met", None, Factuality.DENIED),
    ("Companies are obliged to accept the directive.", "accept", None, Factuality.HYPOTHETICAL),
    ("Democrats fought to tighten gun laws after the massacre in Newtown.", "massacre", None, Factuality.ASSERTED),
    ("The suspect told jurors that he was arrested in July.", "arrested", None, Factuality.ASSERTED),
    ("The ILO reiterated its demand that Israel ease the restrictions.", "ease", None, Factuality.HYPOTHETICAL),
    ("The plan to leave Syria, which was lauded by Putin, failed.", "lauded", None, Factuality.ASSERTED),
    # Who came together to do something did it; what a party is accused of is the accuser's claim.
    ("Opposition senators stood up to condemn the decree.", "condemn", None, Factuality.ASSERTED),
    ("Ghana accused Togo of shelling its border posts.", "shelling", None, Factuality.CLAIMED),
])
def test_factuality_values(sentence: str, trigger: str, sector: str | None, expected: Factuality) -> None:
    assert _judge(sentence, trigger, sector) is expected


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Insurgents often attack convoys in the north.", "attack"),
    ("Militants attack foreigners who travel alone.", "attack"),
    ("You agree to receive our newsletter.", "agree"),
    ("The king pardons prisoners on royal holidays each year.", "pardons"),
])
def test_factuality_generic_statements_are_no_events(sentence: str, trigger: str) -> None:
    assert _judge(sentence, trigger) is None
