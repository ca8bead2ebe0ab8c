"""Tests of the learned type model (dotterel.events.typemodel): inference on a tiny
hand-made model, training on a tiny synthetic set, determinism, file round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dotterel.errors import DataError
from dotterel.events.typemodel import CLASSES, OTHER, TypeModel, _hash, shipped_model, train


def _hand_model() -> TypeModel:
    """A model that says ASSAULT for lemma "bomb" and OTHER otherwise."""
    bias = np.zeros(len(CLASSES))
    bias[CLASSES.index(OTHER)] = 1.0
    row = np.zeros(len(CLASSES))
    row[CLASSES.index("ASSAULT")] = 5.0
    return TypeModel({_hash("lem=bomb"): row}, bias)


def test_typemodel_proba_on_a_hand_made_model() -> None:
    model = _hand_model()
    p = model.proba([("lem=bomb", 1.0)])
    assert max(p, key=p.__getitem__) == "ASSAULT"
    assert sum(p.values()) == pytest.approx(1.0)
    q = model.proba([("lem=meet", 1.0)])
    assert max(q, key=q.__getitem__) == OTHER
    # e^5 / (e^5 + e^1 + 15) for ASSAULT with "bomb"
    assert p["ASSAULT"] == pytest.approx(np.exp(5) / (np.exp(5) + np.exp(1) + 15), rel=1e-6)


def test_typemodel_json_round_trip(tmp_path: Path) -> None:
    model = _hand_model()
    path = tmp_path / "m.json"
    model.save(path)
    back = TypeModel.load(path)
    assert back.proba([("lem=bomb", 1.0)]) == pytest.approx(model.proba([("lem=bomb", 1.0)]), abs=1e-4)


def test_typemodel_rejects_a_model_of_other_classes() -> None:
    data = _hand_model().to_json()
    data["classes"] = data["classes"][:-1]
    with pytest.raises(DataError):
        TypeModel.from_json(data)


def _synthetic() -> tuple[list[list[tuple[str, float]]], list[str]]:
    words = {"bomb": "ASSAULT", "meet": "CONSULT", "protest": "PROTEST", "say": OTHER}
    examples, labels = [], []
    for i in range(8):
        for w, lab in words.items():
            examples.append([("bias", 1.0), (f"lem={w}", 1.0), (f"noise={i % 3}", 1.0)])
            labels.append(lab)
    return examples, labels


def test_typemodel_training_learns_the_obvious_mapping() -> None:
    examples, labels = _synthetic()
    model = train(examples, labels, steps=200)
    for feats, lab in zip(examples, labels):
        p = model.proba(feats)
        assert max(p, key=p.__getitem__) == lab
        assert p[lab] > 0.6


def test_typemodel_training_is_deterministic() -> None:
    examples, labels = _synthetic()
    a, b = train(examples, labels, steps=50), train(examples, labels, steps=50)
    assert a.to_json() == b.to_json()


@pytest.mark.parametrize("bad", [([], []), ([[("bias", 1.0)]], [])])
def test_typemodel_training_needs_matching_labels(bad: tuple[list, list]) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError):
        train(*bad)


def test_typemodel_shipped_model_loads_with_its_provenance() -> None:
    model = shipped_model()
    if model is None:
        pytest.skip("this build ships no type model")
    assert model.rows and "trained_on" in model.meta
    notice = Path(__file__).resolve().parents[2] / "src" / "dotterel" / "data" / "models" / "NOTICE"
    assert "CC BY-SA 4.0" in notice.read_text(encoding="utf-8")


@pytest.mark.slow
def test_typemodel_pipeline_switch_off_gives_rules_only() -> None:
    from dotterel import Pipeline

    assert Pipeline(type_model=False).type_model is None
    assert Pipeline().type_model is shipped_model()


@pytest.mark.slow
def test_typemodel_does_not_retype_a_multiword_rule(pipeline) -> None:  # type: ignore[no-untyped-def]
    from dotterel.vocab import EventType

    doc = pipeline("The US called a Security Council meeting on Wednesday.", published="2025-03-12")
    assert [e.type for e in doc.events] == [EventType.REQUEST]
    doc = pipeline("The British prime minister called on China to put more pressure on North Korea.",
                   published="2017-08-30")
    assert any(e.type is EventType.REQUEST and e.target is not None and e.target.country == "CHN" for e in doc.events)
