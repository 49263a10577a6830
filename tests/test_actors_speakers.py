"""Unnamed officials as speakers: coded only where the speech act itself names their state."""

from __future__ import annotations

import json

import pytest

from dotterel.model import SourceItem, to_json
from dotterel.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _speakers(analyzer: Analyzer, text: str) -> list[tuple[str, str | None, str | None]]:
    record = json.loads(to_json(analyzer.analyze(SourceItem(text=text))))
    return [(c["speaker"]["text"], c["speaker"]["code"], c["speaker"]["sector"])
            for c in record["claims"] if c["speaker"]]


@pytest.mark.parametrize("text", [
    "Peru and Chile resumed talks. Lima radio quoted a foreign ministry spokesman as saying the border would stay shut.",
    "Peru and Chile resumed talks. In Lima, a foreign ministry spokesman said Chile had broken the deal.",
])
def test_official_takes_the_state_the_speech_act_names(analyzer: Analyzer, text: str) -> None:
    assert ("foreign ministry spokesman", "PER", "GOV") in _speakers(analyzer, text)


@pytest.mark.parametrize("text", [
    "Peru and Chile resumed talks. A foreign ministry spokesman said Chile had broken the deal.",
    "Peru and Chile resumed talks. After meeting Chilean envoys, a foreign ministry spokesman said the border would stay shut.",
])
def test_official_in_a_two_state_article_is_not_guessed(analyzer: Analyzer, text: str) -> None:
    assert ("foreign ministry spokesman", None, "GOV") in _speakers(analyzer, text)
