"""Places inside other names and envoys' hosts: authored sentences, parsed once per module."""

from __future__ import annotations

import pytest

from dotterel import nlp
from dotterel.actors import resolve_actors
from dotterel.findings import ActorIndex


def _codes(text: str) -> dict[str, tuple[str | None, str | None]]:
    index: ActorIndex = resolve_actors(nlp.load()(text), None)
    return {m.text: (m.code, m.sector) for m in index.mentions}


@pytest.mark.parametrize("text, place", [
    ("Two ranchers from New Mexico sued the water board on Thursday.", "New Mexico"),
    ("Voters in New Jersey rejected the bond measure.", "New Jersey"),
    ("An Arizona senator questioned the budget.", "Arizona"),
])
def test_us_state_is_usa_not_the_namesake_abroad(text: str, place: str) -> None:
    codes = _codes(text)
    assert [c for t, (c, _) in codes.items() if place in t] == ["USA"], codes
    assert "MEX" not in {c for c, _ in codes.values()} and "JEY" not in {c for c, _ in codes.values()}


@pytest.mark.parametrize("text, word", [
    ("A tanker caught fire in the Red Sea overnight.", "Red Sea"),
    ("Patrol boats crossed the South China Sea in convoy.", "China"),
    ("Storms closed ports along the Gulf of Mexico.", "Mexico"),
    ("Shares of North American miners fell.", "American"),
])
def test_seas_and_continents_are_no_state(text: str, word: str) -> None:
    codes = _codes(text)
    assert not any(word in t for t in codes), codes


def test_envoy_to_a_state_is_of_the_sending_state() -> None:
    codes = _codes("The Danish envoy to Peking Carl Holm protested to Japan.")
    assert codes["Carl Holm"] == ("DNK", "GOV")


def test_envoy_with_no_sending_state_stays_uncoded() -> None:
    codes = _codes("The envoy to Peking Carl Holm protested to Japan.")
    assert codes["Carl Holm"] == (None, None)
