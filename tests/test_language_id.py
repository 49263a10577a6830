"""Which texts are analysed as English (sources/normalize.is_english, words in data/language/language_id.csv):
one short English sentence is enough, names with foreign particles are no foreign text, and a sentence of another
language is refused. Sentences authored for the test."""

from __future__ import annotations

import pytest

from dotterel.sources.normalize import is_english

ENGLISH = [
    "The Chilean foreign minister met Peruvian officials in Lima.",
    "Kenyan troops do not plan to leave Somalia.",
    "Inflation rose 3.1 per cent in Bolivia.",
    "Bashar al-Assad met the Iraqi envoy in Damascus.",
    "Officials in El Salvador and Los Angeles met on Monday.",
    "Herman Van Rompuy met Marine Le Pen in Brussels.",
    "Dozens die in floods in Da Nang.",
    "Troops crossed the border",  # a headline-like fragment
]
FOREIGN = [
    "Les forces russes ont bombardé Kharkiv lundi, selon les responsables ukrainiens.",
    "Die Regierung hat am Montag neue Sanktionen gegen Russland beschlossen, sagte der Sprecher.",
    "El gobierno de Chile anunció que los soldados se retiran de la frontera con Perú.",
    "Il governo italiano non ha ancora deciso se inviare le truppe, che sono pronte.",
    "De regering heeft het voorstel niet aangenomen en de minister is teleurgesteld.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_short_english_is_english(text: str) -> None:
    assert is_english(text)


@pytest.mark.parametrize("text", FOREIGN)
def test_other_languages_are_refused(text: str) -> None:
    assert not is_english(text)
