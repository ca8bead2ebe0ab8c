from __future__ import annotations

from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotterel import article
from dotterel.vocab import SectionRole

EXAMPLE = (files("dotterel") / "examples" / "two_articles.txt").read_text(encoding="utf-8")


def _articles(text: str) -> list[str]:
    return [text[a:b] for a, b in article.split_articles(text)]


def test_article_split_two_articles_by_headline_blocks() -> None:
    parts = _articles(EXAMPLE)
    assert len(parts) == 2
    assert parts[0].startswith("Turkey and Iraq") and parts[1].startswith("Kenya sends")


def test_article_structure_roles_and_furniture() -> None:
    s = article.parse(_articles(EXAMPLE)[0])
    roles = [sec.role for sec in s.sections]
    assert s.title == "Turkey and Iraq agree to reopen border crossing after talks in Ankara"
    assert s.published == "2025-03-14" and s.dateline == "ANKARA"
    assert roles.count(SectionRole.TITLE) == 1
    assert roles.count(SectionRole.BULLET) == 2
    assert roles.count(SectionRole.CAPTION) == 1
    assert [x.text for x in s.sections if x.role is SectionRole.HEADING] == ["What comes next"]
    assert set(s.removed) >= {"Short Url", "Follow", "Updated 14 March 2025"}
    body = [x for x in s.sections if x.role is SectionRole.BODY]
    assert body[0].text.startswith("Iraqi Foreign Minister")  # dateline cut off the section


def test_article_sections_are_spans_of_the_text() -> None:
    text = _articles(EXAMPLE)[1]
    for sec in article.parse(text).sections:
        assert text[sec.start:sec.end] == sec.text


def test_article_date_header_is_stripped() -> None:
    text, published = article.strip_date_header(" date 2024-09-18\u00a0\nTitle line here\n\nBody.")
    assert published == "2024-09-18" and text.startswith("Title line")


def test_article_quote_paragraph_and_given_title() -> None:
    text = "EU and Japan sign pact\n\nTOKYO: The EU and Japan signed a pact.\n\n“We will work together.”"
    s = article.parse(text, title="EU and Japan sign pact")
    assert [x.role for x in s.sections] == [SectionRole.TITLE, SectionRole.BODY, SectionRole.QUOTE]


@pytest.mark.parametrize("line,date", [("Updated 29 October 2024", "2024-10-29"),
                                       ("Published: Oct. 5, 2021 10:32 PM", "2021-10-05"),
                                       ("Updated on 2023-01-02", "2023-01-02")])
def test_article_date_lines(line: str, date: str) -> None:
    assert article.date_line(line) == date


@given(st.text(alphabet=st.sampled_from("ab .\n•Updated 1 May 2020Follow"), max_size=400))
def test_article_split_spans_are_ordered_and_inside(text: str) -> None:
    spans = article.split_articles(text)
    last = 0
    for a, b in spans:
        assert last <= a <= b <= len(text)
        last = b
    for a, b in spans:
        article.parse(text[a:b])


def test_article_inline_link_to_another_story_is_removed() -> None:
    text = ("Leaders met in Geneva on Monday.\n\nThe envoy said talks went well. Talks collapse as envoys "
            "walk out Read more The next round is due in May.\n")
    s = article.parse(text, title="Leaders met", published="2025-03-14")
    body = " ".join(sec.text for sec in s.sections if sec.role is SectionRole.BODY)
    assert "Read more" not in body and "walk out" not in body
    assert "talks went well." in body and "The next round is due in May." in body
    assert any("Read more" in r for r in s.removed)
    for sec in s.sections:
        assert text[sec.start:sec.end] == sec.text


def test_article_inline_photo_caption_is_a_caption() -> None:
    text = ("Leaders met in Geneva on Monday.\n\nThe envoy said talks went well. Image copyright AFP Image caption "
            "Envoys shook hands in Geneva on Monday. The next round is due in May.\n")
    s = article.parse(text, title="Leaders met", published="2025-03-14")
    body = " ".join(sec.text for sec in s.sections if sec.role is SectionRole.BODY)
    captions = [sec.text for sec in s.sections if sec.role is SectionRole.CAPTION]
    assert "Image" not in body and "shook hands" not in body and "The next round is due in May." in body
    assert captions == ["Image copyright AFP Image caption Envoys shook hands in Geneva on Monday."]


def test_article_photo_credit_in_a_flattened_page_cuts_out_only_the_credit() -> None:
    sentence = "The minister said the talks in Geneva would resume next week after a pause. "
    text = "Share this story " + "(Photo: Jane Roe, Getty Images) " + sentence * 12 + "\n"
    s = article.parse(text, title="Talks to resume", published="2025-03-14")
    body = " ".join(sec.text for sec in s.sections if sec.role is SectionRole.BODY)
    captions = [sec.text for sec in s.sections if sec.role is SectionRole.CAPTION]
    assert captions == ["(Photo: Jane Roe, Getty Images)"]
    assert body.count("would resume next week") == 12
    # A caption line of its own is still a caption.
    short = article.parse("Photo: Jane Roe shows the border crossing.\n\n" + sentence + "\n", title="Talks")
    assert [sec.role for sec in short.sections][:1] == [SectionRole.CAPTION]


def test_article_party_label_is_no_photo_position() -> None:
    text = ("WASHINGTON -- Gov. Jane Roe (R) vetoed the bill on Wednesday, aides said.\n\n"
            "Senator John Doe (R) and Senator Mary Major (L) pose at the Capitol.\n")
    s = article.parse(text, title="Governor vetoes bill", published="2025-03-14")
    roles = [(sec.role, sec.text[:12]) for sec in s.sections]
    assert (SectionRole.BODY, "Gov. Jane Ro") in roles
    assert (SectionRole.CAPTION, "Senator John") in roles


def test_article_in_this_photo_is_a_caption() -> None:
    text = ("Leaders met in Geneva on Monday.\n\n"
            "Agency / Reuters The envoy looks on during a visit to a school in this undated photo released on "
            "Friday.\n\nThe next round is due in May.\n")
    s = article.parse(text, title="Leaders met", published="2025-03-14")
    assert [sec.role for sec in s.sections if "looks on" in sec.text] == [SectionRole.CAPTION]
