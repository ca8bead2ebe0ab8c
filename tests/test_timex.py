"""Tests of dotterel.timex: finding and resolving temporal expressions.

Sentences are written for these tests; the date-arithmetic oracles in the
property tests are written independently of the resolver's own helpers.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dotterel._timex_calendar import range_of
from dotterel.timex import Timex, find, resolve, to_date_value
from dotterel.vocab import DateMethod, Granularity

DCT = "2021-07-05"  # a Monday


def _resolve(sentence: str, expr: str, published: str | dt.date | None = DCT,
             anchor: dt.date | None = None) -> Timex:
    start = sentence.index(expr)
    return resolve(sentence, start, start + len(expr), published, anchor=anchor)


@pytest.mark.parametrize(("sentence", "expr", "value"), [
    ("The treaty was signed on March 26, 1996, in Geneva.", "March 26, 1996", "1996-03-26"),
    ("The treaty was signed on 26 March 1996 in Geneva.", "26 March 1996", "1996-03-26"),
    ("Talks resumed on Oct. 5, 2020, after a pause.", "Oct. 5, 2020", "2020-10-05"),
    ("The statement is dated 2021-07-05.", "2021-07-05", "2021-07-05"),
    ("The statement is dated 7/5/2021.", "7/5/2021", "2021-07-05"),
    ("The ports were busy in the 1990s.", "the 1990s", "199"),
    ("The ports were busy in 1990s Karachi.", "1990s", "199"),
    ("In nineteen ninety-one the embassy closed.", "nineteen ninety-one", "1991"),
    ("The pipeline was finished in mid-1990.", "mid-1990", "1990"),
    ("Ties were cut in May 2010.", "May 2010", "2010-05"),
    ("It was the bloodiest war of the 20th century.", "the 20th century", "19"),
    ("Losses will continue through the third quarter of 1990.", "the third quarter of 1990", "1990-Q3"),
    ("Growth slowed in the first half of 1990.", "the first half of 1990", "1990-H1"),
    ("The army left in the winter of 1994.", "the winter of 1994", "1994-WI"),
    ("Trade should reach $10 billion by 2028.", "2028", "2028"),
    ("The expedition of 1957-58 crossed the ice.", "58", "1958"),
])
def test_timex_explicit_dates(sentence: str, expr: str, value: str) -> None:
    t = _resolve(sentence, expr)
    assert t.value == value
    assert t.method is DateMethod.EXPLICIT


@pytest.mark.parametrize(("sentence", "expr", "published", "value"), [
    ("Lavrov visited Islamabad in April.", "April", DCT, "2021-04"),
    ("Lavrov visited Islamabad in September.", "September", DCT, "2020-09"),
    ("Lavrov will visit Islamabad in September.", "September", DCT, "2021-09"),
    ("The talks are scheduled for September.", "September", DCT, "2021-09"),
    ("Lavrov visited Islamabad in April this year.", "April this year", DCT, "2021-04"),
    ("Lavrov visited Islamabad in April last year.", "April last year", DCT, "2020-04"),
    ("The envoy arrived last March.", "last March", DCT, "2021-03"),
    ("The envoy arrived last June.", "last June", DCT, "2020-06"),  # the month just gone is "last month"
    ("The envoy arrives next March.", "next March", DCT, "2022-03"),
    ("The minister met his counterpart on June 14.", "June 14", DCT, "2021-06-14"),
    ("The dividend is payable Jan. 2.", "Jan. 2", "2020-12-20", "2021-01-02"),
    ("The minister travelled abroad in December.", "December", "2021-01-10", "2020-12"),
    ("The ministers will meet in January.", "January", "2020-12-20", "2021-01"),
    ("The summit was held in early March.", "early March", DCT, "2021-03"),
])
def test_timex_months_without_year(sentence: str, expr: str, published: str, value: str) -> None:
    t = _resolve(sentence, expr, published)
    assert t.value == value
    assert t.method is DateMethod.RELATIVE


@pytest.mark.parametrize(("sentence", "expr", "value"), [
    ("The spokesperson said on Tuesday that the visit was off.", "Tuesday", "2021-06-29"),
    ("The ministers will meet on Thursday in Doha.", "Thursday", "2021-07-08"),
    ("Troops crossed the border last Monday.", "last Monday", "2021-06-28"),
    ("Troops will cross the border next Thursday.", "next Thursday", "2021-07-08"),
    ("Protesters gathered on Friday night outside the embassy.", "Friday night", "2021-07-02"),
    ("The embassy confirmed the abduction on Monday.", "Monday", "2021-07-05"),
])
def test_timex_weekdays(sentence: str, expr: str, value: str) -> None:
    t = _resolve(sentence, expr)
    assert (t.value, t.method, t.granularity) == (value, DateMethod.WEEKDAY, Granularity.DAY)


@pytest.mark.parametrize(("sentence", "expr", "value"), [
    ("The foreign office said today that talks would resume.", "today", "2021-07-05"),
    ("The envoy left yesterday.", "yesterday", "2021-07-04"),
    ("The envoy leaves tomorrow.", "tomorrow", "2021-07-06"),
    ("Militants attacked a convoy last week.", "last week", "2021-W26"),
    ("The talks continue this week.", "this week", "2021-W27"),
    ("The delegation comes next month.", "next month", "2021-08"),
    ("Trade fell last year.", "last year", "2020"),
    ("Trade was higher a year ago.", "a year ago", "2020"),
    ("The envoy arrived two weeks ago.", "two weeks ago", "2021-W25"),
    ("Ties improved earlier this month.", "earlier this month", "2021-07"),
    ("Relations have soured since last year.", "last year", "2020"),
    ("Trade doubled over the past decade.", "the past decade", "201"),
    ("The rebels retreated last summer.", "last summer", "2020-SU"),
    ("Exports rose in the first half.", "the first half", "2021-H1"),
    ("Third-quarter revenue rose sharply.", "Third-quarter", "2021-Q3"),
    ("The company lost money in the fourth quarter.", "the fourth quarter", "2020-Q4"),
    ("Net income fell to $5 million, or 10 cents a share, from a year ago.", "a year ago", "2020-Q2"),
    ("The bonds will be redeemed in five years.", "five years", "2026"),
    ("The ministry is now reviewing the case.", "now", "PRESENT_REF"),
    ("The ministry currently holds the files.", "currently", "PRESENT_REF"),
    ("The two sides met recently in Tashkent.", "recently", "PAST_REF"),
    ("The sides may meet again in the future.", "the future", "FUTURE_REF"),
    ("The former envoy spoke to reporters.", "former", "PAST_REF"),
])
def test_timex_relative_expressions(sentence: str, expr: str, value: str) -> None:
    assert _resolve(sentence, expr).value == value


@pytest.mark.parametrize(("sentence", "value"), [
    # the purpose infinitive after the expression has its own verb: the main verb "met" dates it
    ("President X met Prime Minister Y in Nairobi in May to discuss the mission.", "2025-05"),
    ("President X met Prime Minister Y in Nairobi in May to prepare the upcoming mission.", "2025-05"),
    ("The envoys met in May, which is when the mission will be planned.", "2025-05"),
    # names are not tense cues, whatever their letters ("Aimé" is no "aim to")
    ("President X met Prime Minister Jean-Aimé Durand in Lomé in May to discuss the mission.", "2025-05"),
    ("Minister Will Carter met the envoy in May.", "2025-05"),
    # the expression inside an infinitive of something agreed or planned: not yet done
    ("The company announced an agreement to acquire the bank in May.", "2026-05"),
    ("The company plans to acquire the bank in May.", "2026-05"),
    # a purpose infinitive of a past act stays past
    ("He flew to Paris to meet the president in May.", "2025-05"),
    ("The rebels planned a large march on the capital in May.", "2026-05"),
])
def test_timex_tense_comes_from_the_governing_verb(sentence: str, value: str) -> None:
    assert _resolve(sentence, "May", "2025-06-02").value == value


@pytest.mark.parametrize(("sentence", "expr", "published", "value"), [
    # a future marker dates its whole clause, however far the weekday sits from it
    ("The minister is scheduled to spend only five hours on the ground in the capital of the northern "
     "province, his first stop Tuesday morning, before flying home.", "Tuesday morning", DCT, "2021-07-06"),
    ("The minister spent only five hours on the ground in the capital of the northern province, "
     "his first stop on a long tour of the region Tuesday morning.", "Tuesday morning", DCT, "2021-06-29"),
    # a distant present auxiliary ("has moved") does not pull a month to the nearest year
    ("Stock in the firm has moved sharply on talk of a merger, rising to a high for the year of $42 a share "
     "in June from $30 a share in March.", "March", "2025-10-30", "2025-03"),
])
def test_timex_tense_far_from_the_expression(sentence: str, expr: str, published: str, value: str) -> None:
    assert _resolve(sentence, expr, published).value == value


@pytest.mark.parametrize(("sentence", "value"), [
    ("Profit was $5 million, or 10 cents a share, compared with $4 million a year ago.", "2020-Q2"),
    ("Quarterly net income was lower than a year ago.", "2020-Q2"),
    ("Revenue rose to $9 million in the quarter from $7 million a year ago.", "2020-Q2"),
    # no figure set against another: "a year ago" only says when
    ("A year ago, the bank earned $5 million, or 10 cents a share.", "2020"),
    ("A year ago the quarterly dividend was cut in half.", "2020"),
])
def test_timex_year_ago_names_last_years_quarter_only_in_a_comparison(sentence: str, value: str) -> None:
    expr = "A year ago" if sentence.startswith("A year ago") else "a year ago"
    assert _resolve(sentence, expr).value == value


@pytest.mark.parametrize(("sentence", "expr", "value"), [
    ("The council meets daily in the capital.", "daily", "P1D"),
    ("The figures are published weekly.", "weekly", "P1W"),
    ("Over the week, the rupee lost 2% against the dollar.", "the week", "2021-WXX"),
    ("Talks resumed in the week following the attack.", "the week", "2021-WXX"),
])
def test_timex_sets_and_unspecified_weeks(sentence: str, expr: str, value: str) -> None:
    assert _resolve(sentence, expr).value == value


def test_timex_same_day_as_a_named_month() -> None:
    s = "The envoy was expelled last October, and his post was filled that same day."
    assert _resolve(s, "that same day").value == "2020-10-XX"


def test_timex_apposition_and_period_end_share_the_period_year() -> None:
    s = "Exports fell from their level of the corresponding year-earlier period, the third quarter ended Nov. 30."
    assert _resolve(s, "the third quarter", "2021-10-27").value == "2020-Q3"
    assert _resolve(s, "Nov. 30", "2021-10-27").value == "2020-11-30"


def test_timex_anchored_to_a_date_in_the_sentence() -> None:
    s = "For the six months ended Aug. 12, profit rose to $6 million from $18 million a year earlier."
    assert _resolve(s, "a year earlier", "2021-10-26").value == "2020-08-12"


@pytest.mark.parametrize(("sentence", "expr", "value"), [
    ("The sides met again two weeks later.", "two weeks later", "2021-06-18"),  # the anchor's granularity
    ("They signed the accord three days later.", "three days later", "2021-06-07"),
    ("The army withdrew days after the statement.", "days", "2021-06"),
    ("Talks resumed the day after the statement.", "the day", "2021-06-05"),
])
def test_timex_anchor_given_by_caller(sentence: str, expr: str, value: str) -> None:
    assert _resolve(sentence, expr, anchor=dt.date(2021, 6, 4)).value == value


def test_timex_vague_shift_without_anchor_is_relative_to_publication() -> None:
    t = _resolve("The army withdrew days after the statement.", "days")
    assert (t.value, t.granularity) == ("2021-07", Granularity.MONTH)


@pytest.mark.parametrize(("sentence", "expr", "value", "method"), [
    ("Trade fell last year.", "last year", "XXXX", DateMethod.UNKNOWN),
    ("Lavrov visited Islamabad in April.", "April", "XXXX-04", DateMethod.UNKNOWN),
    ("The ministers met on Tuesday.", "Tuesday", "XXXX-WXX-2", DateMethod.UNKNOWN),
    ("The treaty was signed on March 26, 1996.", "March 26, 1996", "1996-03-26", DateMethod.EXPLICIT),
])
def test_timex_without_publication_date(sentence: str, expr: str, value: str, method: DateMethod) -> None:
    t = _resolve(sentence, expr, None)
    assert (t.value, t.method) == (value, method)


@pytest.mark.parametrize(("value", "granularity", "first", "last"), [
    ("2021-06-14", Granularity.DAY, "2021-06-14", "2021-06-14"),
    ("2021-W23", Granularity.WEEK, "2021-06-07", "2021-06-13"),
    ("2021-04", Granularity.MONTH, "2021-04-01", "2021-04-30"),
    ("2021-Q3", Granularity.QUARTER, "2021-07-01", "2021-09-30"),
    ("2021-SU", Granularity.SEASON, "2021-06-01", "2021-08-31"),
    ("2021", Granularity.YEAR, "2021-01-01", "2021-12-31"),
    ("202", Granularity.DECADE, "2020-01-01", "2029-12-31"),
])
def test_timex_to_date_value_ranges(value: str, granularity: Granularity, first: str, last: str) -> None:
    gran, a, b = range_of(value)
    t = Timex("x", 0, 1, value, gran, a, b, DateMethod.RELATIVE, "test")
    dv = to_date_value(t, DCT)
    assert (dv.value, dv.granularity, dv.start, dv.end) == (value, granularity, first, last)


def test_timex_to_date_value_reference_words() -> None:
    now = _resolve("The ministry is now reviewing the case.", "now")
    dv = to_date_value(now, DCT)
    assert (dv.value, dv.granularity, dv.method) == (DCT, Granularity.DAY, DateMethod.RELATIVE)
    past = to_date_value(_resolve("They met recently.", "recently"), DCT)
    assert (past.value, past.method) == (None, DateMethod.UNKNOWN)
    unknown = to_date_value(_resolve("Trade fell last year.", "last year", None), None)
    assert (unknown.value, unknown.method) == (None, DateMethod.UNKNOWN)


@pytest.mark.parametrize(("text", "expected"), [
    ("Lavrov paid a visit to Islamabad in April this year, the spokesperson said on Friday.",
     ["April this year", "Friday"]),
    ("Officials may meet again, and troops will march on the capital.", []),
    ("Mr. August told reporters that 1,500 troops and 2000 vehicles were sent.", []),
    ("Trade should reach $10 billion by 2028, up from $2021 million.", ["2028"]),
    ("The accord signed on June 14 takes effect next month.", ["June 14", "next month"]),
    ("In May, talks were held; the rebels may agree in March 2022.", ["May", "March 2022"]),
    ("Two weeks ago the envoy said relations had improved since 1990.", ["Two weeks ago", "1990"]),
    # commas dropped by normalisation must not hide an expression after them
    ("Envoys, aides, and guards were expelled, most recently last October.", ["recently", "last October"]),
    ("Exports fell in the corresponding year-earlier period.", ["the corresponding year-earlier period"]),
])
def test_timex_find_in_prose(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in find(text)] == expected


def test_timex_resolve_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        resolve("short", 2, 40, DCT)
    with pytest.raises(TypeError):
        resolve(b"bytes", 0, 1, DCT)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        resolve("in April", 3, 8, "not a date")


# ---------------------------------------------------------------- properties

DCTS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def _iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


@settings(max_examples=200, deadline=None)
@given(DCTS, st.integers(1, 60), st.sampled_from(["day", "week"]))
def test_timex_n_units_ago_matches_oracle(dct: dt.date, n: int, unit: str) -> None:
    expr = f"{n} {unit}{'s' if n > 1 else ''} ago"
    sentence = f"The envoy arrived in the capital {expr}."
    days = n * (7 if unit == "week" else 1)
    target = dct - dt.timedelta(days=days)
    expected = target.isoformat() if unit == "day" else _iso_week(target)
    assert _resolve(sentence, expr, dct).value == expected


@settings(max_examples=300, deadline=None)
@given(DCTS, st.integers(0, 6), st.sampled_from(["last", "next", "on-past", "on-future"]))
def test_timex_weekdays_match_oracle(dct: dt.date, wd: int, how: str) -> None:
    name = WEEKDAYS[wd]
    back = (dct.weekday() - wd) % 7
    ahead = (wd - dct.weekday()) % 7
    if how == "last":
        sentence, expr, target = f"The ministers met last {name}.", f"last {name}", dct - dt.timedelta(days=back or 7)
    elif how == "next":
        sentence, expr, target = f"The ministers will meet next {name}.", f"next {name}", dct + dt.timedelta(days=ahead or 7)
    elif how == "on-past":
        sentence, expr, target = f"The ministers met on {name}.", name, dct - dt.timedelta(days=back)
    else:
        sentence, expr, target = f"The ministers will meet on {name}.", name, dct + dt.timedelta(days=ahead)
    assert _resolve(sentence, expr, dct).value == target.isoformat()


@settings(max_examples=300, deadline=None)
@given(DCTS, st.integers(1, 12), st.sampled_from(["this year", "last year", "next year", "past", "future"]))
def test_timex_months_match_oracle(dct: dt.date, month: int, how: str) -> None:
    name = MONTHS[month - 1]
    if how in ("this year", "last year", "next year"):
        year = dct.year + {"this year": 0, "last year": -1, "next year": 1}[how]
        sentence, expr = f"The ministers met in {name} {how}.", f"{name} {how}"
    elif how == "past":
        year = dct.year if month <= dct.month else dct.year - 1
        sentence, expr = f"The ministers met in {name}.", name
    else:
        year = dct.year if month >= dct.month else dct.year + 1
        sentence, expr = f"The ministers will meet in {name}.", name
    assert _resolve(sentence, expr, dct).value == f"{year:04d}-{month:02d}"


WORDS = st.sampled_from(["in", "May", "may", "March", "march", "last", "next", "week", "Friday", "on",
                         "1990", "$", "2021", "ago", "two", "days", "the", ",", ".", "Mr.", "August",
                         "early", "1990s", "third-quarter", "year", "this", "now", "'", "-", "Oct.", "5"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=40).map(" ".join)))
def test_timex_find_spans_are_ordered_and_in_range(text: str) -> None:
    spans = find(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        previous_end = end
        resolve(text, start, end, DCT)  # every found span resolves without raising


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=20).map(" ".join), st.data(), st.one_of(st.none(), DCTS))
def test_timex_resolve_any_span_never_raises(text: str, data: st.DataObject, dct: dt.date | None) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    t = resolve(text, start, end, dct)
    assert t.text == text[start:end]
    assert (t.first_day is None) == (t.last_day is None)
    if t.first_day is not None and t.last_day is not None:
        assert t.first_day <= t.last_day
    to_date_value(t, dct)
