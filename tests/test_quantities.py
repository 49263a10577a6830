"""Quantity finder: authored sentences (parsed once per module), hand-built parses, gold-set floors."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from dotterel import nlp
from dotterel.evaluation.quantities import evaluate, load_gold, match, score
from dotterel.findings import QuantityFinding
from dotterel.quantities import find_quantities

GOLD = Path(__file__).parent / "gold" / "quantities.jsonl"

# (sentence, [(value, unit, role, bound, low, high, projected)]) - written for these tests, not from ../shared
CASES: list[tuple[str, list[tuple[float, str | None, str | None, str, float | None, float | None, bool]]]] = [
    ("Lawmakers claim that as many as 3,000 North Korean soldiers have been deployed to Russia.",
     [(3000, "soldiers", "troops", "upper", None, 3000, False)]),
    ("That number could climb to 10,000 by the end of the year.",
     [(10000, None, None, "exact", None, None, True)]),
    ("Gunmen killed 12 people in the market.", [(12, "people", "killed", "exact", None, None, False)]),
    ("The fund holds $4.5 billion.", [(4.5e9, "USD", "money", "exact", None, None, False)]),
    ("Support for the party fell to 40% in the poll.", [(40, "percent", "percent", "exact", None, None, False)]),
    ("The border town lies 300 km from the capital.", [(300, "km", "distance", "exact", None, None, False)]),
    ("At least 20 people were wounded.", [(20, "people", "wounded", "lower", 20, None, False)]),
    ("Police detained more than 150 protesters.", [(150, "protesters", "arrested", "lower", 150, None, False)]),
    ("Roughly 8,000 residents were displaced by the floods.",
     [(8000, "residents", "displaced", "approx", None, None, False)]),
    ("Between 2,000 and 3,000 refugees crossed the river.",
     [(2000, "refugees", "displaced", "range", 2000, 3000, False)]),
    ("The army moved 40-50 tanks to the front.", [(40, "tanks", "weapons", "range", 40, 50, False)]),
    ("A dozen drones were shot down.", [(12, "drones", "weapons", "exact", None, None, False)]),
    ("Hundreds of villagers fled.", [(100, "villagers", "displaced", "lower", 100, None, False)]),
    ("Tens of thousands of workers went on strike.", [(10000, "workers", "people", "lower", 10000, None, False)]),
    ("Hundreds of Kurds crossed into the valley.", [(100, "Kurds", None, "lower", 100, None, False)]),
    ("The deficit is expected to reach 2.5 million euros.",
     [(2.5e6, "EUR", "money", "exact", None, None, True)]),
    ("The talks lasted for nine hours.", [(9, "hours", "duration", "exact", None, None, False)]),
    ("No more than 5 percent of the aid arrived.", [(5, "percent", "percent", "upper", None, 5, False)]),
    ("The city has upwards of 2 million inhabitants.", [(2e6, "inhabitants", None, "lower", 2e6, None, False)]),
]

# indefinite amounts: "several" / "a few" are about 3, "several thousand" about 3,000 (value, bound)
INDEFINITE_CASES = [
    ("Several journalists were detained at the border.", (3, "approx")),
    ("Several thousand farmers blocked the motorway.", (3000, "approx")),
    ("The ferry was delayed by a few hours.", (3, "approx")),
    ("The vote was postponed several times in May.", (3, "approx")),
]

# "a" as one time unit, only after a bound cue (value, unit, bound); a bare "a year" is no amount
ARTICLE_CASES = [
    ("The siege has lasted more than a year.", [(1, "years", "lower")]),
    ("The mission took nearly a month.", [(1, "months", "approx")]),
    ("They met a year ago in Oslo.", []),
    ("Rents rose 4% a year.", [(4, "percent", "exact")]),
]

# "one <noun> said": an unnamed speaker, not a count; "only one bank said" still counts
ONE_SPEAKER_CASES = [
    ("One analyst said the market would recover.", []),
    ("One soldier was killed.", [1]),
    ("Only one bank said it would lend.", [1]),
]

# "times" counting occurrences is a quantity; "three times higher" (NEGATIVES) is a multiplier
FREQUENCY_CASES = [
    ("Rebels breached the truce 135 times, the army said.", (135, "times")),
    ("The ship was boarded 12 times during the voyage.", (12, "times")),
]

# wire-style money: a scale word hyphenated to the digits, "dlr" / "stg" units (value, unit)
WIRE_MONEY_CASES = [
    ("The senate approved a 42-billion-dlr farm bill.", (42e9, "USD")),
    ("The firm took a 250-mln-dlr charge.", (250e6, "USD")),
    ("Reserves rose by 1.5 billion stg last month.", (1.5e9, "GBP")),
    ("The deal is worth 12  billion dollars.", (12e9, "USD")),  # a doubled space inside the number
]

def test_a_currency_named_mark_is_money_not_an_index_level() -> None:
    got = [(q.value, q.unit) for q in find_quantities(nlp.parse("The surplus rose to 3.5 billion marks in May."))]
    assert got == [(3.5e9, "marks")]


# sentences whose numbers are all out of scope
NEGATIVES = [
    "The F-16 and the S-400 were on display at the 2019 show.",
    "He was elected in 1998 and re-elected in 2002.",
    "The session opens at 10:30 a.m. on the 3rd floor.",
    "A 45-year-old woman was among the victims.",
    "Aged 19, she joined the army.",
    "They won 3-1 in the final.",
    "Call 0800 555 0199 for details.",
    "The plan has 1. a ceasefire; 2. a prisoner swap.",
    "Chapter 7 of the treaty was discussed on June 12.",
    "The war ended two years ago.",
    "Prices are three times higher than in the 1990s.",
    "The two presidents met in Geneva.",
    "No one was hurt, and one of the guards fled.",
    "They met again in the first half of the season.",
    "Flags flew at half staff over the harbour.",
    "The team won 4-2 after extra time.",
    "The share index climbed to 1,250 from 1,180 points on Monday.",
    "There was no evidence of fraud.",
]

# fractions: a share, value rounded to three decimals (value, unit, bound)
FRACTION_CASES = [
    ("Two-thirds of the budget was spent.", [(0.667, "budget", "exact")]),
    ("Nearly half of the wells ran dry.", [(0.5, "wells", "approx")]),
    ("At least a third of the delegates walked out.", [(0.333, "delegates", "lower")]),
    ("The reform needs a three-quarters majority.", [(0.75, "majority", "exact")]),
    ("A third round of talks opened in Doha.", []),
    ("The harvest lasted a year and a half.", []),
]

# "no" + a noun that counts people, casualties or troops is a zero (value, unit, role)
ZERO_CASES = [
    ("The shelling caused no casualties.", [(0, "casualties", "casualties")]),
    ("No coalition soldiers were wounded in the clash.", [(0, "soldiers", "wounded")]),
]

# a tally next to a vote word is two counts; a score is none
TALLY_CASES = [
    ("The assembly voted 87-12 to lift the curfew.", [87, 12]),
    ("Deputies passed the budget by a 301-to-140 vote.", [301, 140]),
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, Doc]:
    texts = [c[0] for c in CASES] + NEGATIVES
    return dict(zip(texts, nlp.parse_many(texts)))


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quantities(parsed: dict[str, Doc], text: str, expected: list[tuple]) -> None:
    got = find_quantities(parsed[text])
    assert [(q.value, q.unit, q.role, q.bound, q.low, q.high, q.projected) for q in got] == expected


@pytest.mark.parametrize(("text", "expected"), INDEFINITE_CASES, ids=[c[0][:40] for c in INDEFINITE_CASES])
def test_indefinite_amounts(text: str, expected: tuple) -> None:
    got = [(q.value, q.bound) for q in find_quantities(nlp.parse(text))]
    assert got == [expected]


@pytest.mark.parametrize(("text", "expected"), WIRE_MONEY_CASES, ids=[c[0][:40] for c in WIRE_MONEY_CASES])
def test_wire_money(text: str, expected: tuple) -> None:
    got = [(q.value, q.unit) for q in find_quantities(nlp.parse(text))]
    assert got == [expected]


@pytest.mark.parametrize(("text", "expected"), FREQUENCY_CASES, ids=[c[0][:40] for c in FREQUENCY_CASES])
def test_frequency_times(text: str, expected: tuple) -> None:
    got = [(q.value, q.unit) for q in find_quantities(nlp.parse(text))]
    assert got == [expected]


@pytest.mark.parametrize(("text", "expected"), ARTICLE_CASES, ids=[c[0][:40] for c in ARTICLE_CASES])
def test_article_time_unit(text: str, expected: list) -> None:
    got = [(q.value, q.unit, q.bound) for q in find_quantities(nlp.parse(text))]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), ONE_SPEAKER_CASES, ids=[c[0][:40] for c in ONE_SPEAKER_CASES])
def test_one_speaker(text: str, expected: list) -> None:
    assert [q.value for q in find_quantities(nlp.parse(text))] == expected


@pytest.mark.parametrize(("text", "expected"), FRACTION_CASES, ids=[c[0][:40] for c in FRACTION_CASES])
def test_fractions(text: str, expected: list) -> None:
    got = [(q.value, q.unit, q.bound) for q in find_quantities(nlp.parse(text))]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), ZERO_CASES, ids=[c[0][:40] for c in ZERO_CASES])
def test_zero_counts(text: str, expected: list) -> None:
    got = [(q.value, q.unit, q.role) for q in find_quantities(nlp.parse(text))]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), TALLY_CASES, ids=[c[0][:40] for c in TALLY_CASES])
def test_vote_tallies(text: str, expected: list) -> None:
    got = find_quantities(nlp.parse(text))
    assert [q.value for q in got] == expected
    assert {q.role for q in got} == {"votes"}
    assert all(text[q.span[0]:q.span[1]] == str(int(q.value)) for q in got)


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:40] for t in NEGATIVES])
def test_out_of_scope_numbers_yield_nothing(parsed: dict[str, Doc], text: str) -> None:
    assert find_quantities(parsed[text]) == []


def test_text_span_and_anchor(parsed: dict[str, Doc]) -> None:
    text = CASES[0][0]
    doc = parsed[text]
    (q,) = find_quantities(doc)
    assert q.text == "as many as 3,000 North Korean soldiers"
    assert text[q.span[0]:q.span[1]] == q.text
    assert doc[q.anchor].text == "deployed"  # the verb the soldiers are the subject of


def test_projection_anchor_is_the_change_verb(parsed: dict[str, Doc]) -> None:
    doc = parsed[CASES[1][0]]
    (q,) = find_quantities(doc)
    assert doc[q.anchor].lemma_ == "climb"


def test_that_number_takes_the_previous_unit() -> None:
    doc = nlp.parse("As many as 3,000 soldiers were sent. That number could climb to 10,000 by the end of the year.")
    first, second = find_quantities(doc)
    assert (second.value, second.unit, second.role, second.projected) == (10000, "soldiers", "troops", True)


def test_hand_built_parse_needs_no_model() -> None:
    """A parse built by hand: "Rebels seized 14 villages" - the counted noun comes from the heads."""
    vocab = nlp.load().vocab
    doc = Doc(vocab, words=["Rebels", "seized", "14", "villages", "."], heads=[1, 1, 3, 1, 1],
              deps=["nsubj", "ROOT", "nummod", "dobj", "punct"],
              pos=["NOUN", "VERB", "NUM", "NOUN", "PUNCT"], lemmas=["rebel", "seize", "14", "village", "."])
    (q,) = find_quantities(doc)
    assert (q.value, q.unit, q.role, q.bound, q.anchor) == (14, "villages", "places", "exact", 1)


def test_scorer_matches_one_to_one() -> None:
    gold = load_gold(GOLD)[:1]
    q = QuantityFinding(text="x", span=(0, 1), value=14, unit=None, role=None, bound="exact", low=None,
                        high=None, projected=False, anchor=0)
    s = score(gold, lambda g: [q, q])  # the same value twice: only one can match
    assert (s.gold, s.predicted, s.matched) == (1, 2, 1)
    assert s.bound_accuracy == 0.0  # gold says lower
    assert match([], [q], "") == []


def test_gold_set_floors() -> None:
    """Rules were developed against this authored dev set; the floors sit a little under what it
    reaches (value F1 1.00, bound 1.00, projected 1.00 at the time of writing) so regressions fail."""
    s = evaluate(GOLD)
    assert s.gold >= 140
    assert s.f1 >= 0.95, s.summary()
    assert s.bound_accuracy >= 0.95, s.summary()
    assert s.projected_accuracy >= 0.95, s.summary()
