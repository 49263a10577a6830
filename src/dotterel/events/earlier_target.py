"""Whom a passive blow with no agent and no party hit, from the attack just reported.

A target named again: "Iraqi jets bombed Iran's port of Bandar Abbas. *The port* was last raided in March."

A passive blow with no agent whose victim is a definite noun phrase (or "it") naming no party of its own
points back to a thing an attack of the sentence or the two before struck: the same war's parties hit it
again, so the new act takes that attack's coded parties (the owner as recipient, the attacker as actor).
Only the thing an attack *struck* is looked for (its object, passive subject or "on/at/against" phrase), never
any earlier noun, so "the port" of a trade story is no target.

More victims with no side named ("the minister was stabbed. *Two guards* were also hurt"), in an article about no
one state, are of the side the attack just reported hit; not the attackers ("two of the gunmen were killed").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dotterel import language
from dotterel.actors.kb import load as load_kb
from dotterel.actors.phrases import real_head
from dotterel.findings import EventFinding, Mention

# determiners that point back to a thing already named ("the port", "these oilfields")
DEFINITE = language.words("determiners", "definite")
# pronouns a passive victim refers back with ("it was hit again")
PRONOUNS = frozenset({"it", "they"})
# heads that count people ("two *others*", "*one* of them")
COUNTED = frozenset({"other", "others", "one"})
# the slots of an attack's trigger that hold what it struck
_STRUCK_DEPS = frozenset({"dobj", "nsubjpass"})
_STRUCK_PREPS = frozenset({"on", "at", "against", "into"})


def _points_back(patient: Token) -> bool:
    if patient.pos_ == "PRON":
        return patient.lower_ in PRONOUNS
    if patient.pos_ != "NOUN":
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in patient.children)


def _struck(trigger: Token) -> list[Token]:
    """The heads of the phrases an attack's trigger struck, with their conjuncts."""
    heads = [c for c in trigger.children if c.dep_ in _STRUCK_DEPS]
    heads += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in _STRUCK_PREPS
              for o in p.children if o.dep_ == "pobj"]
    return heads + [c for h in heads for c in h.conjuncts]


def _coded(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.code]


def earlier_parties(patient: Token | None, recent: list[EventFinding], doc: Doc
                    ) -> tuple[list[Mention], list[Mention]] | None:
    """(actor, recipients) of the latest of `recent` attacks (text order) that struck what `patient` names
    again; None when the patient names nothing struck before, or that attack had no coded recipient."""
    if patient is None or not _points_back(patient):
        return None
    for event in reversed(recent):
        if event.type != "ASSAULT" or event.modality != "asserted" or not _coded(event.recipients):
            continue
        struck = _struck(doc[event.trigger])
        if patient.pos_ == "PRON" or any(
                t.pos_ == "NOUN" and t.lemma_.lower() == patient.lemma_.lower() for h in struck for t in h.subtree):
            return _coded(event.actors), _coded(event.recipients)
    return None


def struck_side(patient: Token | None, recent: list[EventFinding], attackers: frozenset[str],
                people: frozenset[str]) -> list[Mention]:
    """The coded recipients of the latest of `recent` attacks, for more victims of it with no side of their own
    (`attackers`: the nouns of those who attack, never its victims; `people`: nouns of persons, so "the ship was
    attacked" names no victim of the attack just told)."""
    if patient is None or real_head(patient).lemma_.lower() in attackers or not _persons(patient, people):
        return []
    for event in reversed(recent):
        if event.type == "ASSAULT" and event.modality == "asserted" and _coded(event.recipients):
            return _coded(event.recipients)
    return []


def _persons(patient: Token, people: frozenset[str]) -> bool:
    """"the local police chief and two others", "three guards", "two": people, not things."""
    kb = load_kb()
    head = real_head(patient)
    words = [head, *head.conjuncts]
    words += [c for w in words for c in w.children if c.dep_ == "compound"]
    return head.pos_ == "NUM" or any(
        w.pos_ == "NUM" or w.lower_ in COUNTED or w.lemma_.lower() in people or w.lemma_.lower() in kb.sectors
        for w in words)


def recalls_attack(sent: Span, attack_nouns: frozenset[str]) -> bool:
    """The sentence names an attack already told by a definite noun ("survived *the attack*", "wounds suffered
    in *the bombing*"): the story of that attack goes on, and its unnamed victims with it."""
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in attack_nouns and _points_back(t) for t in sent)
