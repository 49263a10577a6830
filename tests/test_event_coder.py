"""The event coder on hand-built parses: no model needed, so each case pins one rule exactly."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
import spacy

from dotterel.events.coder import code_events
from dotterel.events.modality import modality_of
from dotterel.findings import ActorIndex, Mention

VOCAB = spacy.blank("en").vocab  # lexical attributes (lower_, ...) need the English defaults


def parse(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    """rows: (word, lemma, head index, dep, pos); the root points at itself."""
    words, lemmas, heads, deps, pos = zip(*rows)
    doc = Doc(VOCAB, words=list(words), lemmas=list(lemmas), heads=list(heads), deps=list(deps), pos=list(pos),
              sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def actor(doc: Doc, start: int, end: int, code: str | None, sector: str | None = None,
          kind: str = "state") -> Mention:
    span = doc[start:end]
    return Mention(start=span.start_char, end=span.end_char, text=span.text, code=code, sector=sector,
                   kind=kind, name=span.text, key=f"{kind}:{code}:{sector}", token_start=start, token_end=end,
                   head=span.root.i)


def coded(doc: Doc, mentions: list[Mention]) -> list[tuple[str, list[str | None], list[str | None], str]]:
    return [(e.type, [m.code for m in e.actors], [m.code for m in e.recipients], e.modality)
            for e in code_events(doc, ActorIndex(mentions))]


def test_send_troops_to_a_state_is_military_aid() -> None:
    # "Pyongyang sent troops to Russia ."
    doc = parse([("Pyongyang", "Pyongyang", 1, "nsubj", "PROPN"), ("sent", "send", 1, "ROOT", "VERB"),
                 ("troops", "troop", 1, "dobj", "NOUN"), ("to", "to", 1, "prep", "ADP"),
                 ("Russia", "Russia", 3, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "PRK", "GOV"), actor(doc, 4, 5, "RUS")]) == [
        ("AID", ["PRK"], ["RUS"], "asserted")]


def test_troops_sent_to_a_mission_in_a_state_are_aid_to_that_state() -> None:
    # "France sent troops to a force in Liberia ."
    doc = parse([("France", "France", 1, "nsubj", "PROPN"), ("sent", "send", 1, "ROOT", "VERB"),
                 ("troops", "troop", 1, "dobj", "NOUN"), ("to", "to", 1, "prep", "ADP"), ("a", "a", 5, "det", "DET"),
                 ("force", "force", 3, "pobj", "NOUN"), ("in", "in", 5, "prep", "ADP"),
                 ("Liberia", "Liberia", 6, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "FRA"), actor(doc, 7, 8, "LBR")]) == [("AID", ["FRA"], ["LBR"], "asserted")]


def test_being_on_alert_or_on_strike_is_the_event_named_by_the_noun() -> None:
    # "Israeli troops remained on alert ."  (before "troops remained in X", which is military presence)
    doc = parse([("Israeli", "israeli", 1, "amod", "ADJ"), ("troops", "troop", 2, "nsubj", "NOUN"),
                 ("remained", "remain", 2, "ROOT", "VERB"), ("on", "on", 2, "prep", "ADP"),
                 ("alert", "alert", 3, "pobj", "NOUN"), (".", ".", 2, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 2, "ISR", "MIL")]) == [("MOBILIZE", ["ISR"], [], "asserted")]
    # "French workers are on strike ."
    doc = parse([("French", "french", 1, "amod", "ADJ"), ("workers", "worker", 2, "nsubj", "NOUN"),
                 ("are", "be", 2, "ROOT", "AUX"), ("on", "on", 2, "prep", "ADP"),
                 ("strike", "strike", 3, "pobj", "NOUN"), (".", ".", 2, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 2, "FRA", "CVL")]) == [("PROTEST", ["FRA"], ["FRA"], "asserted")]


def test_passive_deployment_takes_the_troops_owner_as_actor() -> None:
    # "North Korean soldiers were deployed to Russia ."
    doc = parse([("North", "north", 2, "amod", "PROPN"), ("Korean", "korean", 2, "amod", "ADJ"),
                 ("soldiers", "soldier", 4, "nsubjpass", "NOUN"), ("were", "be", 4, "auxpass", "AUX"),
                 ("deployed", "deploy", 4, "ROOT", "VERB"), ("to", "to", 4, "prep", "ADP"),
                 ("Russia", "Russia", 5, "pobj", "PROPN"), (".", ".", 4, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 3, "PRK", "MIL"), actor(doc, 6, 7, "RUS")]) == [
        ("AID", ["PRK"], ["RUS"], "asserted")]


def test_troops_moved_without_a_foreign_recipient_is_mobilize() -> None:
    # "Iran deployed troops near the border ."
    doc = parse([("Iran", "Iran", 1, "nsubj", "PROPN"), ("deployed", "deploy", 1, "ROOT", "VERB"),
                 ("troops", "troop", 1, "dobj", "NOUN"), ("near", "near", 1, "prep", "ADP"),
                 ("the", "the", 5, "det", "DET"), ("border", "border", 3, "pobj", "NOUN"),
                 (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "IRN")]) == [("MOBILIZE", ["IRN"], [], "asserted")]


def test_threat_content_is_not_a_second_event() -> None:
    # "Iran threatened to close the strait ."
    doc = parse([("Iran", "Iran", 1, "nsubj", "PROPN"), ("threatened", "threaten", 1, "ROOT", "VERB"),
                 ("to", "to", 3, "aux", "PART"), ("close", "close", 1, "xcomp", "VERB"),
                 ("the", "the", 5, "det", "DET"), ("strait", "strait", 3, "dobj", "NOUN"),
                 (".", ".", 1, "punct", "PUNCT")])
    assert [e[0] for e in coded(doc, [actor(doc, 0, 1, "IRN")])] == ["THREATEN"]


def test_compound_actor_is_one_event_with_an_actor_list() -> None:
    # "Armenia and Azerbaijan signed a treaty ."
    doc = parse([("Armenia", "Armenia", 3, "nsubj", "PROPN"), ("and", "and", 0, "cc", "CCONJ"),
                 ("Azerbaijan", "Azerbaijan", 0, "conj", "PROPN"), ("signed", "sign", 3, "ROOT", "VERB"),
                 ("a", "a", 5, "det", "DET"), ("treaty", "treaty", 3, "dobj", "NOUN"),
                 (".", ".", 3, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "ARM"), actor(doc, 2, 3, "AZE")]) == [
        ("SUPPORT", ["ARM", "AZE"], [], "asserted")]


def test_future_cooperation_is_agree_and_future_conflict_is_future() -> None:
    # "China will send aid to Nepal ."
    doc = parse([("China", "China", 2, "nsubj", "PROPN"), ("will", "will", 2, "aux", "AUX"),
                 ("send", "send", 2, "ROOT", "VERB"), ("aid", "aid", 2, "dobj", "NOUN"),
                 ("to", "to", 2, "prep", "ADP"), ("Nepal", "Nepal", 4, "pobj", "PROPN"),
                 (".", ".", 2, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "CHN"), actor(doc, 5, 6, "NPL")]) == [
        ("AGREE", ["CHN"], ["NPL"], "asserted")]
    # "India will attack Pakistan ."
    doc = parse([("India", "India", 2, "nsubj", "PROPN"), ("will", "will", 2, "aux", "AUX"),
                 ("attack", "attack", 2, "ROOT", "VERB"), ("Pakistan", "Pakistan", 2, "dobj", "PROPN"),
                 (".", ".", 2, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "IND"), actor(doc, 3, 4, "PAK")]) == [
        ("ASSAULT", ["IND"], ["PAK"], "future")]


def test_condition_antecedent_is_not_an_event() -> None:
    # "If Israel attacks Iran , Iran would respond ."
    doc = parse([("If", "if", 2, "mark", "SCONJ"), ("Israel", "Israel", 2, "nsubj", "PROPN"),
                 ("attacks", "attack", 7, "advcl", "VERB"), ("Iran", "Iran", 2, "dobj", "PROPN"),
                 (",", ",", 7, "punct", "PUNCT"), ("Iran", "Iran", 7, "nsubj", "PROPN"),
                 ("would", "would", 7, "aux", "AUX"), ("respond", "respond", 7, "ROOT", "VERB"),
                 (".", ".", 7, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 1, 2, "ISR"), actor(doc, 3, 4, "IRN"), actor(doc, 5, 6, "IRN")]) == []


@pytest.mark.parametrize(("rows", "trigger", "expected"), [
    # "Russia denied sending troops"
    ([("Russia", "Russia", 1, "nsubj", "PROPN"), ("denied", "deny", 1, "ROOT", "VERB"),
      ("sending", "send", 1, "xcomp", "VERB"), ("troops", "troop", 2, "dobj", "NOUN")], 2, "negated"),
    # "Seoul is considering sending weapons"
    ([("Seoul", "Seoul", 2, "nsubj", "PROPN"), ("is", "be", 2, "aux", "AUX"),
      ("considering", "consider", 2, "ROOT", "VERB"), ("sending", "send", 2, "xcomp", "VERB"),
      ("weapons", "weapon", 3, "dobj", "NOUN")], 3, "hypothetical"),
    # "Troops did not fire"
    ([("Troops", "troop", 3, "nsubj", "NOUN"), ("did", "do", 3, "aux", "AUX"), ("not", "not", 3, "neg", "PART"),
      ("fire", "fire", 3, "ROOT", "VERB")], 3, "negated"),
    # "Tokyo plans to deploy jets"
    ([("Tokyo", "Tokyo", 1, "nsubj", "PROPN"), ("plans", "plan", 1, "ROOT", "VERB"), ("to", "to", 3, "aux", "PART"),
      ("deploy", "deploy", 1, "xcomp", "VERB"), ("jets", "jet", 3, "dobj", "NOUN")], 3, "future"),
    # "Rebels could attack"
    ([("Rebels", "rebel", 2, "nsubj", "NOUN"), ("could", "could", 2, "aux", "AUX"),
      ("attack", "attack", 2, "ROOT", "VERB")], 2, "hypothetical"),
    # "Kyiv fears Russia will attack": feared, even with "will"
    ([("Kyiv", "Kyiv", 1, "nsubj", "PROPN"), ("fears", "fear", 1, "ROOT", "VERB"), ("Russia", "Russia", 4, "nsubj", "PROPN"),
      ("will", "will", 4, "aux", "AUX"), ("attack", "attack", 1, "ccomp", "VERB")], 4, "hypothetical"),
    # "Obama wants Putin to attack": an infinitive with its own subject, governed by a wish
    ([("Obama", "Obama", 1, "nsubj", "PROPN"), ("wants", "want", 1, "ROOT", "VERB"), ("Putin", "Putin", 4, "nsubj", "PROPN"),
      ("to", "to", 4, "aux", "PART"), ("attack", "attack", 1, "ccomp", "VERB")], 4, "hypothetical"),
])
def test_modality_cues(rows: list[tuple[str, str, int, str, str]], trigger: int, expected: str) -> None:
    assert modality_of(parse(rows)[trigger]) == expected


def test_its_forces_belong_to_the_subject_of_the_reporting_clause() -> None:
    # "Pakistan said its jets attacked India ."
    doc = parse([("Pakistan", "Pakistan", 1, "nsubj", "PROPN"), ("said", "say", 1, "ROOT", "VERB"),
                 ("its", "its", 3, "poss", "PRON"), ("jets", "jet", 4, "nsubj", "NOUN"),
                 ("attacked", "attack", 1, "ccomp", "VERB"), ("India", "India", 4, "dobj", "PROPN"),
                 (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "PAK"), actor(doc, 5, 6, "IND")]) == [
        ("ASSAULT", ["PAK"], ["IND"], "asserted")]


def test_an_attack_on_a_place_targets_the_country_it_lies_in() -> None:
    # "Gunmen attacked a market in Mogadishu ."
    doc = parse([("Gunmen", "gunman", 1, "nsubj", "NOUN"), ("attacked", "attack", 1, "ROOT", "VERB"),
                 ("a", "a", 3, "det", "DET"), ("market", "market", 1, "dobj", "NOUN"), ("in", "in", 1, "prep", "ADP"),
                 ("Mogadishu", "Mogadishu", 4, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    events = code_events(doc, ActorIndex([actor(doc, 5, 6, "SOM", "GOV")]))
    assert [(e.type, [m.code for m in e.recipients]) for e in events] == [("ASSAULT", ["SOM"])]
    assert events[0].location is not None and events[0].location.code == "SOM"


def test_a_protest_with_no_named_target_is_aimed_at_the_protesters_own_government() -> None:
    # "Kenyan farmers staged a protest ."
    doc = parse([("Kenyan", "kenyan", 1, "amod", "ADJ"), ("farmers", "farmer", 2, "nsubj", "NOUN"),
                 ("staged", "stage", 2, "ROOT", "VERB"), ("a", "a", 4, "det", "DET"),
                 ("protest", "protest", 2, "dobj", "NOUN"), (".", ".", 2, "punct", "PUNCT")])
    events = code_events(doc, ActorIndex([actor(doc, 0, 2, "KEN", "CVL")]))
    assert [(e.type, [m.code for m in e.recipients], [m.sector for m in e.recipients]) for e in events] == [
        ("PROTEST", ["KEN"], ["GOV"])]


def test_an_attack_on_a_place_of_someone_targets_its_owner() -> None:
    # "Gunmen attacked a camp for Sudanese refugees ."
    doc = parse([("Gunmen", "gunman", 1, "nsubj", "NOUN"), ("attacked", "attack", 1, "ROOT", "VERB"),
                 ("a", "a", 3, "det", "DET"), ("camp", "camp", 1, "dobj", "NOUN"), ("for", "for", 3, "prep", "ADP"),
                 ("Sudanese", "sudanese", 6, "amod", "ADJ"), ("refugees", "refugee", 4, "pobj", "NOUN"),
                 (".", ".", 1, "punct", "PUNCT")])
    # (the unnamed gunmen take the sentence's one state: see test_unnamed_protesters_are_of_...)
    assert coded(doc, [actor(doc, 5, 7, "SDN", "CVL")]) == [("ASSAULT", ["SDN"], ["SDN"], "asserted")]


def test_the_adversary_inside_a_purpose_phrase_is_the_recipient() -> None:
    # "Chad mobilised reservists for a war against Libya ."
    doc = parse([("Chad", "Chad", 1, "nsubj", "PROPN"), ("mobilised", "mobilise", 1, "ROOT", "VERB"),
                 ("reservists", "reservist", 1, "dobj", "NOUN"), ("for", "for", 1, "prep", "ADP"),
                 ("a", "a", 5, "det", "DET"), ("war", "war", 3, "pobj", "NOUN"), ("against", "against", 5, "prep", "ADP"),
                 ("Libya", "Libya", 6, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "TCD", "GOV"), actor(doc, 7, 8, "LBY")]) == [
        ("MOBILIZE", ["TCD"], ["LBY"], "asserted")]


def test_dying_in_a_named_attack_is_an_assault_by_the_attacker() -> None:
    # "Two soldiers died in a Saudi air strike ."  /  "Two soldiers died in hospital ." is no event
    doc = parse([("Two", "two", 1, "nummod", "NUM"), ("soldiers", "soldier", 2, "nsubj", "NOUN"),
                 ("died", "die", 2, "ROOT", "VERB"), ("in", "in", 2, "prep", "ADP"), ("a", "a", 7, "det", "DET"),
                 ("Saudi", "saudi", 7, "amod", "ADJ"), ("air", "air", 7, "compound", "NOUN"),
                 ("strike", "strike", 3, "pobj", "NOUN"), (".", ".", 2, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 5, 6, "SAU")]) == [("ASSAULT", ["SAU"], [], "asserted")]
    doc = parse([("Two", "two", 1, "nummod", "NUM"), ("soldiers", "soldier", 2, "nsubj", "NOUN"),
                 ("died", "die", 2, "ROOT", "VERB"), ("in", "in", 2, "prep", "ADP"),
                 ("hospital", "hospital", 3, "pobj", "NOUN"), (".", ".", 2, "punct", "PUNCT")])
    assert coded(doc, []) == []


def test_killed_in_an_attack_takes_the_attacker_from_the_attack() -> None:
    # "Civilians were killed in an Ethiopian drone attack ."
    doc = parse([("Civilians", "civilian", 2, "nsubjpass", "NOUN"), ("were", "be", 2, "auxpass", "AUX"),
                 ("killed", "kill", 2, "ROOT", "VERB"), ("in", "in", 2, "prep", "ADP"), ("an", "an", 7, "det", "DET"),
                 ("Ethiopian", "ethiopian", 7, "amod", "ADJ"), ("drone", "drone", 7, "compound", "NOUN"),
                 ("attack", "attack", 3, "pobj", "NOUN"), (".", ".", 2, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 5, 6, "ETH")]) == [("ASSAULT", ["ETH"], [], "asserted")]


def test_lifting_a_state_of_emergency_is_a_concession_to_the_own_country() -> None:
    # "Peru lifted the state of emergency ."
    doc = parse([("Peru", "Peru", 1, "nsubj", "PROPN"), ("lifted", "lift", 1, "ROOT", "VERB"),
                 ("the", "the", 3, "det", "DET"), ("state", "state", 1, "dobj", "NOUN"), ("of", "of", 3, "prep", "ADP"),
                 ("emergency", "emergency", 4, "pobj", "NOUN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "PER", "GOV")]) == [("CONCEDE", ["PER"], ["PER"], "asserted")]


def test_an_ethnic_group_belongs_to_the_state_it_lives_in() -> None:
    # "Ethnic Uzbeks in Kyrgyzstan protested ."
    doc = parse([("Ethnic", "ethnic", 1, "amod", "ADJ"), ("Uzbeks", "Uzbeks", 4, "nsubj", "PROPN"),
                 ("in", "in", 1, "prep", "ADP"), ("Kyrgyzstan", "Kyrgyzstan", 2, "pobj", "PROPN"),
                 ("protested", "protest", 4, "ROOT", "VERB"), (".", ".", 4, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 1, 2, "UZB"), actor(doc, 3, 4, "KGZ")]) == [("PROTEST", ["KGZ"], ["KGZ"], "asserted")]


def test_clashes_between_two_sides_that_continue_are_one_two_sided_assault() -> None:
    # "Clashes between Serbian police and Kosovar protesters continued in Mitrovica ."
    doc = parse([("Clashes", "clash", 7, "nsubj", "NOUN"), ("between", "between", 0, "prep", "ADP"),
                 ("Serbian", "serbian", 3, "amod", "ADJ"), ("police", "police", 1, "pobj", "NOUN"),
                 ("and", "and", 3, "cc", "CCONJ"), ("Kosovar", "kosovar", 6, "amod", "ADJ"),
                 ("protesters", "protester", 3, "conj", "NOUN"), ("continued", "continue", 7, "ROOT", "VERB"),
                 ("in", "in", 7, "prep", "ADP"), ("Mitrovica", "Mitrovica", 8, "pobj", "PROPN"), (".", ".", 7, "punct", "PUNCT")])
    mentions = [actor(doc, 2, 4, "SRB", "COP"), actor(doc, 5, 7, "XKX", "CVL"), actor(doc, 9, 10, "XKX")]
    assert coded(doc, mentions) == [("ASSAULT", ["SRB", "XKX"], [], "asserted")]


def test_protests_that_erupt_in_a_city_are_aimed_at_its_government() -> None:
    # "Protests erupted in Nairobi ."  /  "Talks continued in Nairobi ." names no party: no event
    doc = parse([("Protests", "protest", 1, "nsubj", "NOUN"), ("erupted", "erupt", 1, "ROOT", "VERB"),
                 ("in", "in", 1, "prep", "ADP"), ("Nairobi", "Nairobi", 2, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 3, 4, "KEN")]) == [("PROTEST", ["KEN"], ["KEN"], "asserted")]
    doc = parse([("Talks", "talk", 1, "nsubj", "NOUN"), ("continued", "continue", 1, "ROOT", "VERB"),
                 ("in", "in", 1, "prep", "ADP"), ("Nairobi", "Nairobi", 2, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 3, 4, "KEN")]) == []


def test_weapons_handed_over_to_no_one_are_given_up() -> None:
    # "The militia handed over its weapons ."  vs  "Poland handed over tanks to Ukraine ."
    doc = parse([("The", "the", 1, "det", "DET"), ("militia", "militia", 2, "nsubj", "NOUN"),
                 ("handed", "hand", 2, "ROOT", "VERB"), ("over", "over", 2, "prt", "ADP"), ("its", "its", 5, "poss", "PRON"),
                 ("weapons", "weapon", 2, "dobj", "NOUN"), (".", ".", 2, "punct", "PUNCT")])
    assert [e[0] for e in coded(doc, [actor(doc, 0, 2, "LBY", "REB")])] == ["RETREAT"]
    doc = parse([("Poland", "Poland", 1, "nsubj", "PROPN"), ("handed", "hand", 1, "ROOT", "VERB"),
                 ("over", "over", 1, "prt", "ADP"), ("tanks", "tank", 1, "dobj", "NOUN"), ("to", "to", 1, "prep", "ADP"),
                 ("Ukraine", "Ukraine", 4, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "POL"), actor(doc, 5, 6, "UKR")]) == [("AID", ["POL"], ["UKR"], "asserted")]


def test_a_withdrawal_named_by_a_noun_is_a_retreat_from_the_place() -> None:
    # "Russia completed the withdrawal of its troops from Georgia ."
    doc = parse([("Russia", "Russia", 1, "nsubj", "PROPN"), ("completed", "complete", 1, "ROOT", "VERB"),
                 ("the", "the", 3, "det", "DET"), ("withdrawal", "withdrawal", 1, "dobj", "NOUN"),
                 ("of", "of", 3, "prep", "ADP"), ("its", "its", 6, "poss", "PRON"), ("troops", "troop", 4, "pobj", "NOUN"),
                 ("from", "from", 3, "prep", "ADP"), ("Georgia", "Georgia", 7, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "RUS"), actor(doc, 8, 9, "GEO")]) == [("RETREAT", ["RUS"], ["GEO"], "asserted")]


def test_a_threat_is_aimed_at_the_party_named_in_its_condition() -> None:
    # "Iran threatened to strike unless Iraq withdrew ."
    doc = parse([("Iran", "Iran", 1, "nsubj", "PROPN"), ("threatened", "threaten", 1, "ROOT", "VERB"),
                 ("to", "to", 3, "aux", "PART"), ("strike", "strike", 1, "xcomp", "VERB"),
                 ("unless", "unless", 6, "mark", "SCONJ"), ("Iraq", "Iraq", 6, "nsubj", "PROPN"),
                 ("withdrew", "withdraw", 3, "advcl", "VERB"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "IRN"), actor(doc, 5, 6, "IRQ")]) == [("THREATEN", ["IRN"], ["IRQ"], "asserted")]


def test_rejecting_an_offer_from_someone_is_aimed_at_them() -> None:
    # "Chad rejected an offer from Sudan ."
    doc = parse([("Chad", "Chad", 1, "nsubj", "PROPN"), ("rejected", "reject", 1, "ROOT", "VERB"),
                 ("an", "an", 3, "det", "DET"), ("offer", "offer", 1, "dobj", "NOUN"), ("from", "from", 3, "prep", "ADP"),
                 ("Sudan", "Sudan", 4, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "TCD"), actor(doc, 5, 6, "SDN")]) == [("REJECT", ["TCD"], ["SDN"], "asserted")]


def test_beating_detainees_is_an_assault_on_them() -> None:
    # "Guards beat Eritrean detainees ."
    doc = parse([("Guards", "guard", 1, "nsubj", "NOUN"), ("beat", "beat", 1, "ROOT", "VERB"),
                 ("Eritrean", "eritrean", 3, "amod", "ADJ"), ("detainees", "detainee", 1, "dobj", "NOUN"),
                 (".", ".", 1, "punct", "PUNCT")])
    # the victims' country is not the unnamed guards' (whom an act is done to is never its actor)
    assert coded(doc, [actor(doc, 2, 4, "ERI", "CVL")]) == [("ASSAULT", [None], ["ERI"], "asserted")]


def test_unnamed_people_acted_on_by_a_states_own_organs_are_that_states() -> None:
    # "Egyptian police arrested protesters ."  (an army is left alone: armies act abroad as often as at home)
    doc = parse([("Egyptian", "egyptian", 1, "amod", "ADJ"), ("police", "police", 2, "nsubj", "NOUN"),
                 ("arrested", "arrest", 2, "ROOT", "VERB"), ("protesters", "protester", 2, "dobj", "NOUN"),
                 (".", ".", 2, "punct", "PUNCT")])
    protesters = Mention(start=25, end=35, text="protesters", code=None, sector="CVL", kind="group", name=None,
                         key="group:protesters", token_start=3, token_end=4, head=3)
    assert coded(doc, [actor(doc, 0, 2, "EGY", "COP"), protesters]) == [("COERCE", ["EGY"], ["EGY"], "asserted")]
    army = actor(doc, 0, 2, "EGY", "MIL")
    assert coded(doc, [army, protesters]) == [("COERCE", ["EGY"], [None], "asserted")]


def test_a_states_own_organs_coercing_unnamed_people_act_on_their_own_country() -> None:
    # "Egyptian police arrested 12 ."  nobody named is acted on: the recipient is Egypt (CAMEO/PLOVER convention);
    # not so for an army, a country as a whole, or two sides
    doc = parse([("Egyptian", "egyptian", 1, "amod", "ADJ"), ("police", "police", 2, "nsubj", "NOUN"),
                 ("arrested", "arrest", 2, "ROOT", "VERB"), ("12", "12", 2, "dobj", "NUM"),
                 (".", ".", 2, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 2, "EGY", "COP")]) == [("COERCE", ["EGY"], ["EGY"], "asserted")]
    assert coded(doc, [actor(doc, 0, 2, "EGY", "MIL")]) == [("COERCE", ["EGY"], [], "asserted")]
    assert coded(doc, [actor(doc, 0, 2, "EGY", None)]) == [("COERCE", ["EGY"], [], "asserted")]


def test_unnamed_attackers_are_of_the_place_where_they_strike() -> None:
    # "Gunmen attacked a market in Mogadishu ."  -> the attackers are taken to be Somalia's
    doc = parse([("Gunmen", "gunman", 1, "nsubj", "NOUN"), ("attacked", "attack", 1, "ROOT", "VERB"),
                 ("a", "a", 3, "det", "DET"), ("market", "market", 1, "dobj", "NOUN"), ("in", "in", 1, "prep", "ADP"),
                 ("Mogadishu", "Mogadishu", 4, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 5, 6, "SOM", "GOV")]) == [("ASSAULT", ["SOM"], ["SOM"], "asserted")]


def test_unnamed_protesters_are_of_where_they_are_or_of_the_one_state_named() -> None:
    # "Students throughout Indonesia staged protests ."
    doc = parse([("Students", "student", 3, "nsubj", "NOUN"), ("throughout", "throughout", 0, "prep", "ADP"),
                 ("Indonesia", "Indonesia", 1, "pobj", "PROPN"), ("staged", "stage", 3, "ROOT", "VERB"),
                 ("protests", "protest", 3, "dobj", "NOUN"), (".", ".", 3, "punct", "PUNCT")])
    students = Mention(start=0, end=8, text="Students", code=None, sector="EDU", kind="group", name=None,
                       key="group:students", token_start=0, token_end=1, head=0)
    assert coded(doc, [students, actor(doc, 2, 3, "IDN")]) == [("PROTEST", ["IDN"], ["IDN"], "asserted")]
    # "Students staged protests over Indonesian fuel prices ." : the one state the sentence names
    doc = parse([("Students", "student", 1, "nsubj", "NOUN"), ("staged", "stage", 1, "ROOT", "VERB"),
                 ("protests", "protest", 1, "dobj", "NOUN"), ("over", "over", 2, "prep", "ADP"),
                 ("Indonesian", "indonesian", 6, "amod", "ADJ"), ("fuel", "fuel", 6, "compound", "NOUN"),
                 ("prices", "price", 3, "pobj", "NOUN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [students, actor(doc, 4, 5, "IDN")]) == [("PROTEST", ["IDN"], ["IDN"], "asserted")]


def test_the_act_in_a_rejected_offer_is_its_content_not_an_event() -> None:
    # "Arafat rejected an offer to host a summit to negotiate with Israel ."
    doc = parse([("Arafat", "Arafat", 1, "nsubj", "PROPN"), ("rejected", "reject", 1, "ROOT", "VERB"),
                 ("an", "an", 3, "det", "DET"), ("offer", "offer", 1, "dobj", "NOUN"), ("to", "to", 5, "aux", "PART"),
                 ("host", "host", 3, "acl", "VERB"), ("a", "a", 7, "det", "DET"), ("summit", "summit", 5, "dobj", "NOUN"),
                 ("to", "to", 9, "aux", "PART"), ("negotiate", "negotiate", 5, "advcl", "VERB"),
                 ("with", "with", 9, "prep", "ADP"), ("Israel", "Israel", 10, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    events = coded(doc, [actor(doc, 0, 1, "PSE", "GOV"), actor(doc, 11, 12, "ISR")])
    assert [e[0] for e in events] == ["REJECT"]


def test_what_someone_is_jailed_for_is_an_allegation_not_an_event() -> None:
    # "Tunisia jailed a student for helping militants ."
    doc = parse([("Tunisia", "Tunisia", 1, "nsubj", "PROPN"), ("jailed", "jail", 1, "ROOT", "VERB"),
                 ("a", "a", 3, "det", "DET"), ("student", "student", 1, "dobj", "NOUN"), ("for", "for", 1, "prep", "ADP"),
                 ("helping", "help", 4, "pcomp", "VERB"), ("militants", "militant", 5, "dobj", "NOUN"),
                 (".", ".", 1, "punct", "PUNCT")])
    assert [e[0] for e in coded(doc, [actor(doc, 0, 1, "TUN", "GOV")])] == ["COERCE"]


def test_a_bare_yaml_boolean_in_a_word_list_is_refused() -> None:
    from dotterel.events.patterns import parse_patterns

    raw = {"classes": {}, "patterns": [{"verbs": ["call"], "type": "REQUEST", "prep_any": ["for", True]}]}
    with pytest.raises(ValueError, match="quote on/off"):
        parse_patterns(raw)


def test_calling_on_a_state_to_act_is_a_request_to_it() -> None:
    # "Kenya called on Ethiopia to withdraw ."  (the "on" of the pattern file must stay a word, not YAML's True)
    doc = parse([("Kenya", "Kenya", 1, "nsubj", "PROPN"), ("called", "call", 1, "ROOT", "VERB"),
                 ("on", "on", 1, "prep", "ADP"), ("Ethiopia", "Ethiopia", 2, "pobj", "PROPN"), ("to", "to", 5, "aux", "PART"),
                 ("withdraw", "withdraw", 1, "xcomp", "VERB"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "KEN"), actor(doc, 3, 4, "ETH")]) == [("REQUEST", ["KEN"], ["ETH"], "asserted")]


def test_vowing_that_one_will_strike_back_threatens_the_target() -> None:
    # "Iran vowed that it would retaliate against Israel ."
    doc = parse([("Iran", "Iran", 1, "nsubj", "PROPN"), ("vowed", "vow", 1, "ROOT", "VERB"), ("that", "that", 5, "mark", "SCONJ"),
                 ("it", "it", 5, "nsubj", "PRON"), ("would", "would", 5, "aux", "AUX"), ("retaliate", "retaliate", 1, "ccomp", "VERB"),
                 ("against", "against", 5, "prep", "ADP"), ("Israel", "Israel", 6, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "IRN"), actor(doc, 3, 4, "IRN"), actor(doc, 7, 8, "ISR")]) == [
        ("THREATEN", ["IRN"], ["ISR"], "asserted")]


def test_a_main_verb_misparsed_as_a_participle_keeps_its_subject() -> None:
    # spaCy's small parser: "Turkish drones(ROOT) killed(acl) five fighters(dobj) ."
    doc = parse([("Turkish", "turkish", 1, "amod", "ADJ"), ("drones", "drone", 1, "ROOT", "NOUN"),
                 ("killed", "kill", 1, "acl", "VERB"), ("five", "five", 4, "nummod", "NUM"),
                 ("fighters", "fighter", 2, "dobj", "NOUN"), (".", ".", 1, "punct", "PUNCT")])
    doc[2].tag_ = "VBD"
    assert coded(doc, [actor(doc, 0, 1, "TUR")]) == [("ASSAULT", ["TUR"], [], "asserted")]


def test_withdrawing_a_bill_is_a_concession_and_withdrawing_troops_a_retreat() -> None:
    # "Peru withdrew the bill ."  /  "Peru withdrew its troops ."
    bill = parse([("Peru", "Peru", 1, "nsubj", "PROPN"), ("withdrew", "withdraw", 1, "ROOT", "VERB"),
                  ("the", "the", 3, "det", "DET"), ("bill", "bill", 1, "dobj", "NOUN"), (".", ".", 1, "punct", "PUNCT")])
    troops = parse([("Peru", "Peru", 1, "nsubj", "PROPN"), ("withdrew", "withdraw", 1, "ROOT", "VERB"),
                    ("its", "its", 3, "poss", "PRON"), ("troops", "troop", 1, "dobj", "NOUN"), (".", ".", 1, "punct", "PUNCT")])
    assert [e[0] for e in coded(bill, [actor(bill, 0, 1, "PER", "GOV")])] == ["CONCEDE"]
    assert [e[0] for e in coded(troops, [actor(troops, 0, 1, "PER", "GOV")])] == ["RETREAT"]


def test_giving_in_concedes_but_giving_something_to_someone_does_not() -> None:
    # "Nepal gave in to the protesters ."
    doc = parse([("Nepal", "Nepal", 1, "nsubj", "PROPN"), ("gave", "give", 1, "ROOT", "VERB"), ("in", "in", 1, "prt", "ADP"),
                 ("to", "to", 1, "prep", "ADP"), ("the", "the", 5, "det", "DET"), ("protesters", "protester", 3, "pobj", "NOUN"),
                 (".", ".", 1, "punct", "PUNCT")])
    assert [e[0] for e in coded(doc, [actor(doc, 0, 1, "NPL", "GOV")])] == ["CONCEDE"]


def test_an_act_denied_in_a_that_clause_is_negated() -> None:
    # "Moscow denied that troops struck Kharkiv ."
    doc = parse([("Moscow", "Moscow", 1, "nsubj", "PROPN"), ("denied", "deny", 1, "ROOT", "VERB"),
                 ("that", "that", 4, "mark", "SCONJ"), ("troops", "troop", 4, "nsubj", "NOUN"),
                 ("struck", "strike", 1, "ccomp", "VERB"), ("Kharkiv", "Kharkiv", 4, "dobj", "PROPN"),
                 (".", ".", 1, "punct", "PUNCT")])
    assert modality_of(doc[4]) == "negated"


def test_a_missile_fired_on_a_weekday_is_a_test_not_an_attack() -> None:
    # "Pakistan fired a missile on Wednesday ."  ("on Wednesday" is a time, not a target)
    doc = parse([("Pakistan", "Pakistan", 1, "nsubj", "PROPN"), ("fired", "fire", 1, "ROOT", "VERB"),
                 ("a", "a", 3, "det", "DET"), ("missile", "missile", 1, "dobj", "NOUN"), ("on", "on", 1, "prep", "ADP"),
                 ("Wednesday", "Wednesday", 4, "pobj", "PROPN"), (".", ".", 1, "punct", "PUNCT")])
    doc.set_ents([spacy.tokens.Span(doc, 5, 6, label="DATE")])
    assert [e[0] for e in coded(doc, [actor(doc, 0, 1, "PAK")])] == ["MOBILIZE"]


def test_travelling_somewhere_for_talks_is_a_consultation() -> None:
    # "Wang flew to Moscow for talks ."
    doc = parse([("Wang", "Wang", 1, "nsubj", "PROPN"), ("flew", "fly", 1, "ROOT", "VERB"), ("to", "to", 1, "prep", "ADP"),
                 ("Moscow", "Moscow", 2, "pobj", "PROPN"), ("for", "for", 1, "prep", "ADP"), ("talks", "talk", 4, "pobj", "NOUN"),
                 (".", ".", 1, "punct", "PUNCT")])
    assert coded(doc, [actor(doc, 0, 1, "CHN", "GOV", kind="person"), actor(doc, 3, 4, "RUS", "GOV")]) == [
        ("CONSULT", ["CHN"], ["RUS"], "asserted")]


def test_people_from_a_country_act_for_it_but_things_from_it_do_not() -> None:
    # "Doctors from Cuba treated patients ."  is of Cuba; the subject of "Arms from Iran killed ..." is no Iranian actor
    doc = parse([("Doctors", "doctor", 3, "nsubj", "NOUN"), ("from", "from", 0, "prep", "ADP"), ("Cuba", "Cuba", 1, "pobj", "PROPN"),
                 ("attacked", "attack", 3, "ROOT", "VERB"), ("nobody", "nobody", 3, "dobj", "PRON"), (".", ".", 3, "punct", "PUNCT")])
    assert [e[1] for e in coded(doc, [actor(doc, 2, 3, "CUB")])] == [["CUB"]]
    doc = parse([("Arms", "arm", 3, "nsubj", "NOUN"), ("from", "from", 0, "prep", "ADP"), ("Iran", "Iran", 1, "pobj", "PROPN"),
                 ("killed", "kill", 3, "ROOT", "VERB"), ("civilians", "civilian", 3, "dobj", "NOUN"), (".", ".", 3, "punct", "PUNCT")])
    assert [e[1] for e in coded(doc, [actor(doc, 2, 3, "IRN")])] == [[None]]


def test_declining_an_act_rejects_it_but_declining_to_comment_is_nothing() -> None:
    # "Ghana declined to send troops ."  /  "Ghana declined to comment ."
    act = parse([("Ghana", "Ghana", 1, "nsubj", "PROPN"), ("declined", "decline", 1, "ROOT", "VERB"), ("to", "to", 3, "aux", "PART"),
                 ("send", "send", 1, "xcomp", "VERB"), ("troops", "troop", 3, "dobj", "NOUN"), (".", ".", 1, "punct", "PUNCT")])
    talk = parse([("Ghana", "Ghana", 1, "nsubj", "PROPN"), ("declined", "decline", 1, "ROOT", "VERB"), ("to", "to", 3, "aux", "PART"),
                  ("comment", "comment", 1, "xcomp", "VERB"), (".", ".", 1, "punct", "PUNCT")])
    assert [e[0] for e in coded(act, [actor(act, 0, 1, "GHA")])] == ["REJECT"]
    assert coded(talk, [actor(talk, 0, 1, "GHA")]) == []
