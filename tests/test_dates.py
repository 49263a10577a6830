"""Date finder: authored sentences resolved against a publication date, negatives, anchors."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc

from dotterel import nlp
from dotterel.dates import find_dates, resolve
from dotterel.pubdate import parse_pub_date
from dotterel.errors import InputError

PUB = dt.date(2024, 10, 24)  # a Thursday

# (sentence, [(text, value, precision, anchor word)]) - written for these tests
CASES: list[tuple[str, list[tuple[str, str | None, str | None, str]]]] = [
    ("The minister made the first public confirmation on Wednesday that troops were there.",
     [("on Wednesday", "2024-10-23", "day", "confirmation")]),
    ("Putin and Kim signed a defence pact back in June.", [("back in June", "2024-06", "month", "signed")]),
    ("That number could climb to 10,000 by the end of the year.",
     [("by the end of the year", "2024-12-31", "day", "climb")]),
    ("Two men were arrested yesterday.", [("yesterday", "2024-10-23", "day", "arrested")]),
    ("Exports fell sharply last year.", [("last year", "2023", "year", "fell")]),
    ("The company was founded in 1987.", [("in 1987", "1987", "year", "founded")]),
    ("The ceasefire began on March 3.", [("on March 3", "2024-03-03", "day", "began")]),
    ("The ceasefire was signed on 12 June 2023 in Doha.", [("on 12 June 2023", "2023-06-12", "day", "signed")]),
    ("Prices rose earlier this month.", [("earlier this month", "2024-10", "month", "rose")]),
    ("Rebels seized the town four years ago.", [("four years ago", "2020", "year", "seized")]),
    ("Elections will be held in December.", [("in December", "2024-12", "month", "held")]),
    ("Elections were held in December.", [("in December", "2023-12", "month", "held")]),
    ("The envoys will meet on Monday.", [("on Monday", "2024-10-28", "day", "meet")]),
    ("Troops withdrew last month.", [("last month", "2024-09", "month", "withdrew")]),
    ("The army said on Thursday it had shot down two drones.", [("on Thursday", "2024-10-24", "day", "said")]),
    ("The talks resumed in mid-2023.", [("in mid-2023", "2023", "year", "resumed")]),
]

NEGATIVES = [
    "The ceasefire held for three years.",
    "A 32-year-old man was detained.",
    "Zelenskyy said so in his nightly address.",
    "He gives a daily briefing.",
    "Tensions have grown in recent years.",
    "The offensive came two days after the talks collapsed.",
    "Prices have tripled over the past 18 months.",
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, Doc]:
    texts = [c[0] for c in CASES] + NEGATIVES
    return dict(zip(texts, nlp.parse_many(texts)))


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_dates(parsed: dict[str, Doc], text: str, expected: list[tuple]) -> None:
    doc = parsed[text]
    got = find_dates(doc, PUB)
    assert [(d.text, d.value, d.precision, doc[d.anchor].text) for d in got] == expected
    for d in got:
        assert text[d.span[0]:d.span[1]] == d.text


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:40] for t in NEGATIVES])
def test_not_dates(parsed: dict[str, Doc], text: str) -> None:
    assert find_dates(parsed[text], PUB) == []


def test_without_pub_date_relative_dates_stay_unresolved(parsed: dict[str, Doc]) -> None:
    absolute = find_dates(parsed["The company was founded in 1987."], None)
    relative = find_dates(parsed["Two men were arrested yesterday."], None)
    assert [(d.value, d.precision) for d in absolute] == [("1987", "year")]
    assert [(d.text, d.value) for d in relative] == [("yesterday", None)]


@pytest.mark.parametrize(("words", "pub", "tense", "expected"), [
    (["wednesday"], dt.date(2024, 10, 24), 0, ("2024-10-23", "day")),
    (["last", "wednesday"], dt.date(2024, 10, 23), 0, ("2024-10-16", "day")),
    (["next", "friday"], dt.date(2024, 10, 25), 0, ("2024-11-01", "day")),
    (["june"], dt.date(2024, 3, 1), 0, ("2023-06", "month")),
    (["june"], dt.date(2024, 3, 1), 1, ("2024-06", "month")),
    (["the", "end", "of", "the", "month"], dt.date(2024, 2, 10), 0, ("2024-02-29", "day")),
    (["next", "year"], dt.date(2024, 2, 10), 0, ("2025", "year")),
    (["march", "3", ",", "2021"], None, 0, ("2021-03-03", "day")),
    (["2024", "-", "11", "-", "05"], None, 0, ("2024-11-05", "day")),
    (["three", "weeks", "ago"], dt.date(2024, 10, 24), 0, ("2024-10-03", "day")),
    (["last", "week"], dt.date(2024, 10, 24), 0, ("2024-10", "month")),
    (["last", "week"], dt.date(2024, 10, 3), 0, ("2024-09", "month")),  # Sep 23-29
    (["this", "week"], dt.date(2024, 10, 3), 0, (None, None)),  # Sep 30 - Oct 6 straddles two months
])
def test_resolve_rules(words: list[str], pub: dt.date | None, tense: int, expected: tuple) -> None:
    r = resolve(words, pub, tense)
    assert (r.value, r.precision) == expected


def test_numeric_date_goes_through_dateparser() -> None:
    r = resolve(["23/10/2024"], PUB)
    assert (r.value, r.precision) == ("2024-10-23", "day")


def test_parse_pub_date() -> None:
    assert parse_pub_date("2024-10-24T08:00:00Z") == PUB
    assert parse_pub_date(None) is None
    with pytest.raises(InputError):
        parse_pub_date("yesterday")
