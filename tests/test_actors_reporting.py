"""Who a pronoun in reported speech is, on authored sentences."""

from __future__ import annotations

from dotterel import nlp
from dotterel.actors import resolve_actors


def _codes(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.code, m.sector) for m in resolve_actors(nlp.load()(text), None).mentions]


def test_he_after_a_reporting_noun_is_the_reporter_not_the_last_person() -> None:
    found = _codes("Prime Minister Ana Lind of Estonia cut taxes. A trader said he expected shares to climb.")
    assert ("he", None, "BUS") in found
    assert ("he", "EST", "GOV") not in found


def test_he_after_a_named_reporter_is_that_person() -> None:
    found = _codes("Prime Minister Ana Lind of Estonia cut taxes. Karl Oja said he expected shares to climb.")
    assert ("he", None, None) in found


def test_he_with_no_reporting_subject_keeps_the_last_person() -> None:
    found = _codes("Estonian Prime Minister Ana Lind cut taxes on Monday. She said the cut would help farmers.")
    assert ("She", "EST", "GOV") in found


def test_he_continues_the_last_subject_not_a_possessor_named_after_it() -> None:
    found = _codes("Estonian Foreign Minister Karl Oja said he had accepted the offer of Latvian Prime Minister "
                   "Ivo Berzins. The government would help firms, he added.")
    assert [c for t, c, _ in found if t == "he"] == ["EST", "EST"]
