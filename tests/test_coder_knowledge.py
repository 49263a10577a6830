"""Load-time checks of the coder's knowledge and the shared language data: a typo in a name the code
refers to raises instead of silently matching nothing."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dotterel import language
from dotterel.events.coder import code_events
from dotterel.events.ontology import ONTOLOGY
from dotterel.events.patterns import CODE_CLASSES, load_patterns, parse_patterns
from dotterel.findings import ActorIndex, Mention

VOCAB = spacy.blank("en").vocab


def _raw(**extra: object) -> dict:
    raw: dict = {"classes": {name: ["x"] for name in CODE_CLASSES}, "patterns": []}
    raw.update(extra)
    return raw


def test_a_word_class_the_code_names_must_be_defined() -> None:
    raw = _raw()
    del raw["classes"]["NATURE"]
    with pytest.raises(ValueError, match="NATURE"):
        parse_patterns(raw)


def test_an_unknown_class_reference_in_a_pattern_raises() -> None:
    with pytest.raises(ValueError, match="@TROOPZ"):
        parse_patterns(_raw(patterns=[{"verbs": ["send"], "type": "AID", "object": "@TROOPZ"}]))


def test_a_class_named_in_a_word_list_stands_for_its_words() -> None:
    raw = _raw(patterns=[{"verbs": ["rally"], "type": "MOBILIZE", "object": ["@NATURE", "reservist"]}])
    (pattern,) = parse_patterns(raw).for_lemma("rally")
    assert pattern.objects == frozenset({"x", "reservist"})
    with pytest.raises(ValueError, match="@NATUR"):
        parse_patterns(_raw(patterns=[{"verbs": ["rally"], "type": "MOBILIZE", "object": ["@NATUR", "reservist"]}]))


def test_asking_for_a_class_the_code_does_not_declare_raises() -> None:
    with pytest.raises(KeyError):
        load_patterns().in_class("talk", "TALK")


def test_convention_columns_are_read_and_a_misspelt_one_raises() -> None:
    assert ONTOLOGY.has("ASSAULT", "place_targeted") and not ONTOLOGY.has("CONSULT", "place_targeted")
    assert ONTOLOGY.spec("PROTEST").home_target and ONTOLOGY.spec("PROTEST").home_sector == "GOV"
    assert ONTOLOGY.spec("CONCEDE").home_target and ONTOLOGY.spec("CONCEDE").home_sector is None
    with pytest.raises(KeyError):
        ONTOLOGY.has("ASSAULT", "place_target")


def test_the_coder_codes_with_the_pattern_set_it_is_given() -> None:
    # "Pyongyang sent troops to Russia ."
    doc = Doc(VOCAB, words=["Pyongyang", "sent", "troops", "to", "Russia", "."],
              lemmas=["Pyongyang", "send", "troop", "to", "Russia", "."], heads=[1, 1, 1, 1, 3, 1],
              deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
              pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"], sent_starts=[True, False, False, False, False, False])
    mentions = [Mention(start=doc[i].idx, end=doc[i].idx + len(doc[i]), text=doc[i].text, code=code, sector=None,
                        kind="state", name=doc[i].text, key=f"state:{code}", token_start=i, token_end=i + 1, head=i)
                for i, code in ((0, "PRK"), (4, "RUS"))]
    assert [e.type for e in code_events(doc, ActorIndex(list(mentions)))] == ["AID"]
    empty = parse_patterns(_raw())
    assert code_events(doc, ActorIndex(list(mentions)), empty) == []


def test_language_data_keeps_file_order_and_refuses_unknown_uses() -> None:
    assert language.ordered("prepositions", "location")[0] == "in"
    with pytest.raises(KeyError):
        language.words("auxiliaries", "futur")


def test_a_number_word_may_have_two_kinds() -> None:
    # "mln" is a number word ("12 mln") and a suffix glued to digits ("12mln"): both rows are read
    kinds = {kind for word, _, kind in language.numbers("quantities") if word == "mln"}
    assert kinds == {"big", "suffix"}
