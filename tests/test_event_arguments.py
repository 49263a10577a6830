"""The subject the argument reader gives a verb on a hand-built parse (the parser's own errors, fixed)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dotterel.events.arguments import arguments


def _doc(rows: list[tuple[str, int, str]]) -> Doc:
    words = [w for w, _, _ in rows]
    return Doc(spacy.blank("en").vocab, words=words, heads=[h for _, h, _ in rows], deps=[d for _, _, d in rows])


def test_subject_held_by_an_infinitive_before_the_verb_is_the_verbs() -> None:
    # "Alva, on a trip to present his plan, met Balladur": parsed with Alva as the subject of "present"
    doc = _doc([("Alva", 6, "nsubj"), (",", 6, "punct"), ("on", 6, "prep"), ("a", 4, "det"), ("trip", 2, "pobj"),
                ("to", 6, "aux"), ("present", 10, "advcl"), ("his", 8, "poss"), ("plan", 6, "dobj"),
                (",", 10, "punct"), ("met", 10, "ROOT"), ("Balladur", 10, "dobj"), (".", 10, "punct")])
    assert arguments(doc[10], frozenset()).subject.text == "Alva"


def test_an_infinitive_with_its_own_for_subject_keeps_it() -> None:
    # "for Alva to present his plan, met Balladur" (no subject of the main verb: none given)
    doc = _doc([("for", 3, "mark"), ("Alva", 3, "nsubj"), ("to", 3, "aux"), ("present", 7, "advcl"),
                ("his", 5, "poss"), ("plan", 3, "dobj"), (",", 7, "punct"), ("met", 7, "ROOT"),
                ("Balladur", 7, "dobj")])
    assert arguments(doc[7], frozenset()).subject is None
