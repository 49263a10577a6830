"""The status of an event: asserted, negated, future, hypothetical (historical is decided from dates).

Read from the trigger's own auxiliaries and negation, then from the verbs that govern it through
control (`xcomp`) or coordination: "is considering sending" -> hypothetical, "denied sending" -> negated,
"will deploy" -> future. Reporting verbs (`ccomp`) do not pass their tense down: "said it will" is decided
inside the reported clause.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml
from spacy.tokens import Token

from dotterel import language
from dotterel.events.arguments import to_infinitive
from dotterel.knowledge import data_path, word_set
from dotterel.model import Modality


@dataclass(slots=True, frozen=True)
class ModalityCues:
    negation: frozenset[str]
    negative_subjects: frozenset[str]
    negative_determiners: frozenset[str]
    negating_verbs: frozenset[str]
    future_aux: frozenset[str]
    future_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_verbs: frozenset[str]
    condition_marks: frozenset[str]
    intent_predicates: frozenset[str]
    reporting_verbs: frozenset[str]
    obligation_aux: frozenset[str]
    reported_future_aux: frozenset[str]
    obligation_verbs: frozenset[str]
    not_obligation: frozenset[str]
    self_future_aux: frozenset[str]
    desire_verbs: frozenset[str]
    litotes: frozenset[str]


@functools.cache
def load_cues() -> ModalityCues:
    with data_path("events", "modality.yaml").open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    cues = {k: word_set(v, "modality.yaml") for k, v in raw.items()}
    # closed-class words live in data/language/ (shared with dates, claims, genre)
    cues.update(future_aux=language.words("auxiliaries", "future"),
                self_future_aux=language.words("auxiliaries", "self_future"),
                hypothetical_aux=language.words("auxiliaries", "hypothetical"),
                obligation_aux=language.words("auxiliaries", "obligation"),
                reported_future_aux=language.words("auxiliaries", "reported_future"),
                condition_marks=language.words("conditions", "antecedent"),
                reporting_verbs=language.words("reporting", "event"))
    return ModalityCues(**cues)


def _local(tok: Token, cues: ModalityCues) -> Modality | None:
    """Modality marked on the verb itself: its negation and auxiliaries."""
    status: Modality | None = None
    for child in tok.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "advmod" and word == "never"):
            return "negated"
        if child.dep_ in ("nsubj", "nsubjpass") and _no_one(child, cues):
            return "negated"
        if child.dep_ in ("aux", "auxpass"):
            if word in cues.future_aux or child.lemma_.lower() in cues.future_aux:
                status = status or "future"
            elif word in cues.reported_future_aux and _reported(tok, cues):
                status = status or "future"  # "said Shultz would go to Moscow": the report's future
            elif word in cues.hypothetical_aux:
                status = "hypothetical"
            elif child.lemma_ == "go" and any(c.lower_ == "to" for c in tok.children if c.dep_ == "aux"):
                status = status or "future"
    return status


def _no_one(subject: Token, cues: ModalityCues) -> bool:
    """"*Nobody* attacked", "*no* soldiers were hurt": a subject that names no one (not "no fewer than 20")."""
    if subject.lower_ in cues.negative_subjects:
        return True
    children = list(subject.children)
    return any(c.dep_ == "det" and c.lower_ in cues.negative_determiners for c in children) and not any(
        c.dep_ == "nummod" for c in children)


def _reported(tok: Token, cues: ModalityCues) -> bool:
    """The clause a reporting verb governs ("said that ..."), neither a condition nor held on one ("would meet
    him *if* ...": a conditional, still hypothetical)."""
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in cues.reporting_verbs and not is_condition(
        tok, cues) and not any(m.dep_ == "mark" and m.lower_ in cues.condition_marks
                               for c in tok.children if c.dep_ == "advcl" for m in c.children)


def is_condition(tok: Token, cues: ModalityCues | None = None) -> bool:
    """True when the trigger is the antecedent of a condition ("if Western nations tightened sanctions")."""
    cues = cues or load_cues()
    cur = tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in cues.condition_marks for c in cur.children):
            return True
        if cur.dep_ not in ("conj", "xcomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def modality_of(tok: Token) -> Modality:
    cues = load_cues()
    cur = tok
    found: Modality | None = None
    for _ in range(5):
        local = _local(cur, cues)
        if local == "negated":
            return "negated"
        found = found or local
        if cur.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in cur.children):
            cur = cur.head  # "will meet and sign": the second verb shares the first one's auxiliaries
            continue
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in cues.negating_verbs:
            return "negated"  # "Moscow denied that its forces had struck the hospital"
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in cues.desire_verbs:
            found = "hypothetical"  # "hopes that Serbia will recognise Kosovo": wished, not done (even with "will")
        infinitive = cur.dep_ == "ccomp" and to_infinitive(cur)
        if (cur.dep_ not in ("xcomp", "advcl", "pcomp", "acomp") and not infinitive) or cur.head.i == cur.i:
            break  # ("wants Putin *to attack*": an infinitive with its own subject is governed like an xcomp)
        head = cur.head
        if head.dep_ == "prep" and head.head.i != head.i:  # "accused of", "refrain from"
            head = head.head
        lemma = head.lemma_.lower()
        if lemma in cues.negating_verbs:
            return "negated"
        if lemma in cues.litotes and _local(head, cues) == "negated":
            return "future"  # "will not hesitate to use force": the act is announced, not denied
        if lemma in cues.hypothetical_verbs and cur.dep_ != "advcl":
            found = found or "hypothetical"
        elif lemma in cues.future_verbs and cur.dep_ != "advcl":
            found = found or "future"
        elif cur.dep_ == "advcl":
            break
        cur = head
    return found or "asserted"


def declared_intent(tok: Token) -> bool:
    """True when the trigger is the content of its actor's own declared intent ("is ready to send")."""
    cues = load_cues()
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "pcomp", "prep") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in cues.intent_predicates or cur.lower_ in cues.intent_predicates:
            # ("hesitated to send" declares nothing; "will not hesitate to send" does)
            return cur.lemma_.lower() not in cues.litotes or _local(cur, cues) == "negated"
    return False


def self_announced_future(tok: Token) -> bool:
    """"They said they would boycott": a future act announced by its own actor (a pronoun subject)."""
    cues = load_cues()
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in cues.reporting_verbs:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in cues.self_future_aux for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ == "PRON"


def semi_modal_obligation(tok: Token, cues: ModalityCues | None = None) -> bool:
    """"Y needs to / has to withdraw", bare: not "has yet to" (not done yet) and not under a modal ("might have
    to step down", "would have to import": a prediction, asked of no one)."""
    cues = cues or load_cues()
    return tok.lemma_.lower() in cues.obligation_verbs and any(
        c.dep_ == "xcomp" and to_infinitive(c) for c in tok.children) and not any(
        (c.dep_ == "advmod" and c.lower_ in cues.not_obligation) or c.dep_ == "aux" for c in tok.children)


def obligation_content(tok: Token) -> Token | None:
    """For a reporting verb, the clause it reports if that clause says someone must/should act ("said Y
    must withdraw"), or needs or has to ("said Y needs to withdraw": the semi-modal governs the act)."""
    cues = load_cues()
    if tok.lemma_.lower() not in cues.reporting_verbs:
        return None
    for child in tok.children:
        if child.dep_ != "ccomp":
            continue
        if any(c.dep_ == "aux" and c.lower_ in cues.obligation_aux for c in child.children):
            return child
        if semi_modal_obligation(child, cues):
            return child
    return None
