"""Article genre (opinion vs reporting): quote masking and weights without a model, then real articles."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from dotterel.genre import FEATURES, classify_genre, genre_features, load_weights, opinion_probability, quoted_tokens

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLES = Path(__file__).parent / "data" / "genre_articles.jsonl"
VOCAB = spacy.blank("en").vocab


def _shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} missing under CI")
        pytest.skip(f"../shared/{relative} not available")
    return path


def test_quoted_tokens_straight_and_curly() -> None:
    doc = Doc(VOCAB, words=["He", "said", '"', "we", "will", "win", '"', "and", "“", "you", "lose", "”", "."])
    inside = quoted_tokens(doc)
    assert [t.text for t in doc if inside[t.i]] == ["we", "will", "win", "you", "lose"]


def test_unclosed_quote_stops_at_paragraph() -> None:
    doc = Doc(VOCAB, words=['"', "We", "fight", ".", "\n\n", "Officials", "said"], spaces=[False] * 7)
    inside = quoted_tokens(doc)
    assert inside[1] and not inside[5] and not inside[6]


def test_weights_file_names_known_features() -> None:
    weights = load_weights()
    assert set(weights.weights) <= set(FEATURES)
    # the direction of each cue is part of the design, not a tuning accident
    assert weights.weights["attributed_share"] < 0 < weights.weights["subjective_share"]
    assert weights.weights["first_person_share"] > 0 and weights.weights["question_share"] > 0


def test_opinion_probability_moves_with_cues() -> None:
    wire = {name: 0.0 for name in FEATURES} | {"attributed_share": 0.6, "numeric_share": 0.4, "mean_subjectivity": 0.3}
    column = {name: 0.0 for name in FEATURES} | {"subjective_share": 0.6, "mean_subjectivity": 0.6,
                                                 "first_person_share": 0.3, "question_share": 0.1,
                                                 "evaluative_per_100": 2.0}
    assert opinion_probability(wire) < 0.1 < 0.9 < opinion_probability(column)


def test_empty_document_is_reporting() -> None:
    genre = classify_genre(Doc(VOCAB, words=[]))
    assert genre.label == "reporting" and 0.0 <= genre.score < 0.5


@pytest.fixture(scope="module")
def authored() -> list[tuple[dict, Doc]]:
    from dotterel import nlp

    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(zip(rows, nlp.parse_many([r["text"] for r in rows])))


def test_authored_articles_cover_both_genres(authored: list[tuple[dict, Doc]]) -> None:
    labels = [r["genre"] for r, _ in authored]
    assert len(labels) >= 20 and labels.count("opinion") >= 8 and labels.count("reporting") >= 8


def test_authored_articles_classified(authored: list[tuple[dict, Doc]]) -> None:
    wrong = [(r["id"], classify_genre(d).score) for r, d in authored if classify_genre(d).label != r["genre"]]
    assert wrong == []


def test_quoted_opinion_in_a_report_stays_reporting() -> None:
    from dotterel import nlp

    text = ('"We will never accept this shameful, outrageous decision," the minister told reporters on Monday. '
            'The government said it would appeal. "Why should we pay for their mistakes?" he asked. '
            "The court ruled on Friday that the 2019 contract was void, according to a copy of the ruling.")
    features = genre_features(nlp.parse(text))
    assert features["first_person_share"] == 0.0 and features["question_share"] == 0.0
    assert classify_genre(nlp.parse(text)).label == "reporting"


def test_acceptance_article_is_opinion() -> None:
    from dotterel import nlp

    text = _shared("examples/north-korea-troops.txt").read_text(encoding="utf-8")
    genre = classify_genre(nlp.parse(text))
    assert genre.label == "opinion"


@pytest.mark.slow
def test_news_sample_is_mostly_reporting() -> None:
    from dotterel import nlp

    dev = set(json.loads(_shared("corpora/splits.json").read_text())["dev"])  # never `test` records
    rows = [r for r in (json.loads(line) for line in
                        _shared("corpora/news_sample.jsonl").read_text(encoding="utf-8").splitlines())
            if r["id"] in dev]
    wikinews = [r for r in rows if r["id"].startswith("wikinews")][:60]
    reuters = [r for r in rows if not r["id"].startswith("wikinews")][:60]
    for group in (wikinews, reuters):
        labels = [classify_genre(d).label for d in nlp.parse_many([r["text"] for r in group])]
        assert labels.count("reporting") / len(labels) >= 0.85


def test_an_article_is_about_an_epidemic_when_many_of_its_sentences_name_one() -> None:
    from dotterel.genre import about_disease
    from dotterel.nlp import parse

    epidemic = parse("Measles cases doubled in Samoa this month. The outbreak has closed schools. "
                     "The government extended the curfew. Shops stayed shut.")
    unrest = parse("Riots spread across the capital. The army extended the curfew. A hospital treated the "
                   "wounded, one of whom had the flu. Shops stayed shut. Roads were blocked. Talks resumed.")
    assert about_disease(epidemic)
    assert not about_disease(unrest)  # one passing mention makes no epidemic article
