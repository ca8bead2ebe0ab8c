"""Cross-document clustering and near-duplicates, on records built by hand (no model)."""

from __future__ import annotations

import dataclasses

import pytest

from dotterel import clusters, textsim
from dotterel.records import Document
from dotterel.store import open_store
from dotterel.vocab import DocStatus, EventType, Factuality

from .helpers import make_document, make_event

WIRE = ("The foreign ministers of the two countries met in the capital on Tuesday to discuss trade, "
        "border crossings and a new agreement on water sharing, officials said after the talks. "
        "Both sides described the meeting as constructive and agreed to meet again next month. "
        "The talks were the first at this level for three years and followed months of tension.")


def _doc(doc_id: str, *events, outlet: str = "a.com", published: str = "2021-07-05", text: str | None = None) -> Document:
    base = make_document(doc_id, tuple(events))
    return dataclasses.replace(base, outlet=outlet, published=published, content_hash="h-" + doc_id, title=doc_id,
                               # unrelated texts by default (one word each), so that only the tests that mean to
                               # make duplicates or one story do
                               text=text if text is not None else f"x{doc_id}")


def _rows(store, sql: str) -> list[tuple]:
    return store.con.execute(sql).fetchall()


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    s = open_store(":memory:")
    yield s
    s.close()


def test_clusters_shingles_ignore_case_and_punctuation() -> None:
    assert textsim.shingles("The cat, sat ON the mat.") == textsim.shingles("the cat sat on the  mat")
    assert textsim.shingles("two words") == {"two words"}


def test_clusters_near_duplicate_marked_against_earlier(store) -> None:
    copy = "Reuters - " + WIRE.replace("Tuesday", "Tuesday morning") + " Copyright 2021."
    store.write_batch([_doc("orig", text=WIRE, published="2021-07-05"),
                       _doc("copy", text=copy, published="2021-07-06", outlet="b.com"),
                       _doc("other", text="An unrelated story about a football match and its fans.")])
    summary = clusters.update(store)
    assert set(summary.duplicates) == {"copy"}
    assert _rows(store, "SELECT doc_id, duplicate_of, status FROM documents WHERE duplicate_of IS NOT NULL") == \
        [("copy", "orig", DocStatus.DUPLICATE.value)]


def test_clusters_near_duplicate_found_in_a_later_batch(store) -> None:
    store.write_batch([_doc("orig", text=WIRE)])
    clusters.update(store)
    store.write_batch([_doc("copy", text=WIRE + " Reporting by a correspondent.", published="2021-07-06")])
    assert clusters.update(store).duplicates == {"copy": ("orig", pytest.approx(1.0, abs=0.2))}


def test_clusters_same_event_two_outlets_one_cluster(store) -> None:
    store.write_batch([_doc("d1", make_event("d1", "e1"), outlet="a.com"),
                       _doc("d2", make_event("d2", "e2", source="PAK", target="RUS"), outlet="b.com"),
                       _doc("d3", make_event("d3", "e3", type=EventType.ASSAULT), outlet="c.com")])
    clusters.update(store)
    ids = dict(_rows(store, "SELECT event_id, cluster_id FROM events"))
    assert ids["e1"] == ids["e2"] == clusters.cluster_id_for("e1")  # CONSULT is direction-free
    assert ids["e3"] != ids["e1"]
    row = _rows(store, f"SELECT num_articles, num_sources, num_mentions, contested, first_seen::VARCHAR "
                       f"FROM clusters WHERE cluster_id = '{ids['e1']}'")
    assert row == [(2, 2, 2, False, "2021-07-05")]


def test_clusters_same_outlet_counts_one_source(store) -> None:
    store.write_batch([_doc("d1", make_event("d1", "e1")), _doc("d2", make_event("d2", "e2"))])
    clusters.update(store)
    assert _rows(store, "SELECT num_articles, num_sources FROM clusters") == [(2, 1)]


@pytest.mark.parametrize(("kwargs", "joined"), [
    ({"type": EventType.AGREE}, False),          # other type
    ({"source": "IND"}, False),                  # other dyad
    ({"date": "2019-04"}, False),                # dates far apart
    ({"source": "PAK", "target": "RUS"}, True),  # reversed reciprocal dyad
])
def test_clusters_compatibility_rules(store, kwargs, joined) -> None:
    store.write_batch([_doc("d1", make_event("d1", "e1")), _doc("d2", make_event("d2", "e2", **kwargs))])
    clusters.update(store)
    assert (store.count("clusters") == 1) is joined


def test_clusters_reversed_dyad_of_directed_type_is_another_event(store) -> None:
    store.write_batch([_doc("d1", make_event("d1", "e1", type=EventType.ACCUSE)),
                       _doc("d2", make_event("d2", "e2", type=EventType.ACCUSE, source="PAK", target="RUS"))])
    clusters.update(store)
    assert store.count("clusters") == 2


def test_clusters_asserted_and_denied_is_contested(store) -> None:
    store.write_batch([_doc("d1", make_event("d1", "e1"), outlet="a.com"),
                       _doc("d2", make_event("d2", "e2", factuality=Factuality.DENIED), outlet="b.com")])
    clusters.update(store)
    assert _rows(store, "SELECT contested, factuality FROM clusters") == [(True, "claimed")]
    from dotterel import query

    (c,) = query.contested(store)
    assert [(x["doc_id"], x["outlet"], x["factuality"]) for x in c["claims"]] == \
        [("d1", "a.com", "asserted"), ("d2", "b.com", "denied")]


@pytest.mark.parametrize(("values", "expected"), [
    (["asserted", "asserted"], ("asserted", False)),
    (["asserted", "planned"], ("asserted", False)),
    (["claimed", "negated"], ("claimed", True)),
    (["denied", "planned"], ("denied", False)),
    (["negated"], ("negated", False)),
    (["hypothetical", "unverified"], ("unverified", False)),
])
def test_clusters_summarise_factuality(values, expected) -> None:
    assert clusters.summarise_factuality(values) == expected


def test_clusters_incremental_join_keeps_cluster_id(store) -> None:
    store.write_batch([_doc("d1", make_event("d1", "e1"), outlet="a.com"),
                       _doc("d2", make_event("d2", "e2"), outlet="b.com")])
    clusters.update(store)
    (before,) = _rows(store, "SELECT cluster_id FROM clusters")
    store.write_batch([_doc("d3", make_event("d3", "e3"), outlet="c.com", published="2021-07-06")])
    summary = clusters.update(store)
    assert (summary.events, summary.new_clusters) == (1, 0)
    assert _rows(store, "SELECT cluster_id, num_articles, num_sources, last_seen::VARCHAR FROM clusters") == \
        [(before[0], 3, 3, "2021-07-06")]


def test_clusters_update_is_idempotent(store) -> None:
    store.write_batch([_doc("d1", make_event("d1", "e1"), text=WIRE),
                       _doc("d2", make_event("d2", "e2"), outlet="b.com", text=WIRE + " More.")])
    clusters.update(store)
    snapshot = [_rows(store, f"SELECT * FROM {t} ORDER BY ALL") for t in ("clusters", "events", "doc_minhash")]
    summary = clusters.update(store)
    assert (summary.events, summary.duplicates) == (0, {})
    assert [_rows(store, f"SELECT * FROM {t} ORDER BY ALL") for t in ("clusters", "events", "doc_minhash")] == snapshot


def test_clusters_recoded_document_rejoins_same_cluster(store) -> None:
    docs = [_doc("d1", make_event("d1", "e1")), _doc("d2", make_event("d2", "e2"), outlet="b.com")]
    store.write_batch(docs)
    clusters.update(store)
    before = _rows(store, "SELECT * FROM clusters ORDER BY ALL")
    store.write_batch(docs[:1])  # recode d1: its event comes back without a cluster
    clusters.update(store)
    assert _rows(store, "SELECT * FROM clusters ORDER BY ALL") == before


def test_clusters_duplicate_joins_original_and_counts_once(store) -> None:
    store.write_batch([_doc("orig", make_event("orig", "e1"), text=WIRE),
                       _doc("copy", make_event("copy", "e2"), text=WIRE + " (Reuters)", outlet="a.com")])
    clusters.update(store)
    assert _rows(store, "SELECT num_articles, num_sources, num_mentions FROM clusters") == [(1, 1, 2)]


def test_clusters_runner_clusters_after_each_batch(tmp_path) -> None:
    from dotterel.runner import run

    class FakePipeline:
        def code(self, sources):  # type: ignore[no-untyped-def]
            for i, s in enumerate(sources):
                yield _doc(s.doc_id, make_event(s.doc_id, f"e{i}"), outlet=f"o{i}.com")

    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "x1", "text": "One story."}\n{"id": "x2", "text": "Another telling."}\n',
                   encoding="utf-8")
    with open_store(":memory:") as s:
        run([src], s, FakePipeline(), batch_size=1)  # type: ignore[arg-type]
        assert _rows(s, "SELECT num_articles, num_sources FROM clusters") == [(2, 2)]


# -- stories: articles that tell one story join their principal events -----------------------------
TALKS_A = ("Pakistani and Russian envoys held talks in Islamabad on Monday about the Karachi pipeline, "
           "grain shipments and the Kabul crisis, the Pakistani foreign ministry said.")
TALKS_B = ("Russia and Pakistan agreed in Islamabad on Monday to finish the Karachi pipeline and to expand "
           "grain shipments, Russian envoys said after talks that also covered the Kabul crisis.")
FLOODS = ("Heavy monsoon rains flooded villages along the river delta, and farmers counted the damage to "
          "their rice harvest as relief lorries struggled on broken roads.")


def test_clusters_story_texts_are_similar_and_unrelated_are_not(store) -> None:
    store.write_batch([_doc("d1", text=TALKS_A), _doc("d2", text=TALKS_B), _doc("d3", text=FLOODS)])
    textsim.index_terms(store)
    v = textsim.story_vectors(store, ["d1", "d2", "d3"])
    assert textsim.cosine(v["d1"], v["d1"]) == pytest.approx(1.0)
    assert textsim.cosine(v["d1"], v["d2"]) >= clusters.STORY_SIMILARITY > textsim.cosine(v["d1"], v["d3"])


def test_clusters_terms_drop_stop_words_and_short_words() -> None:
    assert textsim.terms("The talks in Islamabad, and the TALKS of it.") == {"talks": 2, "islamabad": 1}


@pytest.mark.parametrize(("second", "published", "joined"), [
    (TALKS_B, "2021-07-05", True),    # one story told by two outlets: CONSULT and AGREE join
    (TALKS_B, "2021-07-07", True),    # a follow-up two days later
    (TALKS_B, "2021-08-05", False),   # a month apart: another story
    (FLOODS, "2021-07-05", False),    # same day, unrelated text
])
def test_clusters_story_joins_principal_events_of_similar_articles(store, second, published, joined) -> None:
    store.write_batch([_doc("d1", make_event("d1", "e1", date="2021-07"), text=TALKS_A, outlet="a.com"),
                       _doc("d2", make_event("d2", "e2", type=EventType.AGREE, date="2021-07"), text=second,
                            outlet="b.com", published=published)])
    clusters.update(store)
    assert (store.count("clusters") == 1) is joined


TALKS_C = ("Pakistani and Russian envoys pressed on in Islamabad with the Karachi pipeline talks and grain "
           "shipments, while the Kabul crisis hung over the talks, ministry officials said.")


def test_clusters_story_is_covered_within_days_of_its_first_report(store) -> None:
    # Each report is within STORY_WINDOW_DAYS of the one before, but the third is five days after the
    # first: a follow-up chain must not stretch one story over a week.
    store.write_batch([
        _doc("d1", make_event("d1", "e1", date="2021-07"), text=TALKS_A, outlet="a.com"),
        _doc("d2", make_event("d2", "e2", type=EventType.AGREE, date="2021-07"), text=TALKS_B, outlet="b.com",
             published="2021-07-07"),
        _doc("d3", make_event("d3", "e3", type=EventType.REQUEST, date="2021-07"), text=TALKS_C, outlet="c.com",
             published="2021-07-10")])
    clusters.update(store)
    ids = dict(_rows(store, "SELECT event_id, cluster_id FROM events"))
    assert ids["e1"] == ids["e2"] != ids["e3"]


def test_clusters_story_join_crosses_quad_classes_but_not_contested(store) -> None:
    # One outlet leads with the accusation, the other with the talks that it interrupted; the talks are
    # denied by one, asserted by none: a denial of another type of event does not contest the accusation.
    store.write_batch([
        _doc("d1", make_event("d1", "e1", type=EventType.ACCUSE, mentions=2),
             make_event("d1", "e3", factuality=Factuality.DENIED), text=TALKS_A, outlet="a.com"),
        _doc("d2", make_event("d2", "e2", type=EventType.CONSULT), text=TALKS_B, outlet="b.com")])
    clusters.update(store)
    ids = dict(_rows(store, "SELECT event_id, cluster_id FROM events"))
    assert ids["e1"] == ids["e2"]
    row = _rows(store, f"SELECT num_articles, num_sources, contested FROM clusters WHERE cluster_id = '{ids['e1']}'")
    assert row == [(2, 2, False)]


def test_clusters_story_join_in_a_later_batch_keeps_id_and_is_idempotent(store) -> None:
    store.write_batch([_doc("d1", make_event("d1", "e1"), text=TALKS_A, outlet="a.com")])
    clusters.update(store)
    (before,) = _rows(store, "SELECT cluster_id FROM clusters")
    store.write_batch([_doc("d2", make_event("d2", "e2", type=EventType.AGREE), text=TALKS_B, outlet="b.com",
                            published="2021-07-06")])
    clusters.update(store)
    snapshot = [_rows(store, f"SELECT * FROM {t} ORDER BY ALL") for t in ("clusters", "events", "doc_terms")]
    assert _rows(store, "SELECT cluster_id, num_articles, last_seen::VARCHAR FROM clusters") == \
        [(before[0], 2, "2021-07-06")]
    assert clusters.update(store).events == 0
    assert [_rows(store, f"SELECT * FROM {t} ORDER BY ALL") for t in ("clusters", "events", "doc_terms")] == snapshot


def _domestic(doc_id: str, event_id: str, source_sector: str, target_sector: str):  # type: ignore[no-untyped-def]
    e = make_event(doc_id, event_id, type=EventType.ACCUSE, source="USA", target="USA")
    return dataclasses.replace(e, source=dataclasses.replace(e.source, sector=source_sector),
                               target=dataclasses.replace(e.target, sector=target_sector))


@pytest.mark.parametrize(("sectors", "joined"), [
    (("GOV", "COP"), True),   # the same domestic dyad
    (("LEG", "COP"), False),  # another body of the same country
])
def test_clusters_domestic_events_need_their_sectors_to_agree(store, sectors, joined) -> None:
    # Each article leads with a visit (more mentions); the domestic accusations come second.
    store.write_batch([_doc("d1", make_event("d1", "v1", mentions=3), _domestic("d1", "e1", "GOV", "COP")),
                       _doc("d2", make_event("d2", "v2", mentions=3), _domestic("d2", "e2", *sectors))])
    clusters.update(store)
    assert store.count("clusters") == (2 if joined else 3)


def test_clusters_domestic_leads_of_unrelated_articles_stay_apart(store) -> None:
    store.write_batch([_doc("d1", _domestic("d1", "e1", "GOV", "COP")), _doc("d2", _domestic("d2", "e2", "GOV", "COP"))])
    clusters.update(store)
    assert store.count("clusters") == 2
