"""Arguments of a trigger in the dependency parse: who acts, what is acted on, the prepositional parties.

Subjects are inherited the way English controls them: an `xcomp` ("considering sending") or an
`advcl`/`conj` without its own subject ("having summoned", "attacked and killed") takes its head's
subject; a passive subject is the patient, and the `by` agent is the actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from dotterel.events.patterns import load_patterns
from dotterel.findings import ActorIndex, Mention

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
# dependency relations that stay inside one noun phrase (compound actors come in through conj)
PHRASE_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "conj", "cc", "det", "nummod", "quantmod", "appos", "flat", "case",
     "predet", "npadvmod", "punct"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "prep", "acomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})


@dataclass(slots=True)
class Arguments:
    subject: Token | None = None  # the grammatical actor (agent of a passive)
    patient: Token | None = None  # direct object, or passive subject
    passive: bool = False
    preps: dict[str, list[Token]] = field(default_factory=dict)  # "to" -> [pobj heads], "dative" too


def phrase_tokens(head: Token) -> list[Token]:
    """The head and its noun-phrase-internal descendants (not relative clauses or PPs)."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in PHRASE_DEPS:
                out.append(child)
                stack.append(child)
    return out


# heads that only count or group the real actor: "tens of thousands of students", "a group of deputies"
GROUPING_HEADS = frozenset({
    "ten", "tens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens",
    "score", "scores", "group", "number", "lot", "crowd", "band", "handful", "some", "many", "most", "all",
    "several", "few", "part", "majority", "contingent", "delegation", "team", "unit", "member", "members",
    # measures of a thing given: "25,000 tons of food aid", "$50,000 worth of goods"
    "ton", "tons", "tonne", "tonnes", "kg", "kilogram", "kilograms", "barrel", "barrels", "litre", "litres",
    "liter", "liters", "gallon", "gallons", "worth", "consignment", "batch", "truckload", "truckloads",
    "planeload", "shipload", "load", "loads", "amount", "quantity", "supply"})


def real_head(head: Token) -> Token:
    """Look through counting/grouping heads to the noun they count ("thousands of Kurds" -> Kurds)."""
    for _ in range(3):
        if head.lower_ not in GROUPING_HEADS and head.lemma_.lower() not in GROUPING_HEADS and head.pos_ != "NUM":
            return head
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return head
        head = obj
    return head


def mentions_in(head: Token | None, actors: ActorIndex) -> list[Mention]:
    """Actor mentions that make up the noun phrase headed by `head`.

    The mention covering the head wins ("pro-Iranian Hizbollah" is Hizbollah, "Pakistan, a U.S. ally" is
    Pakistan); without one, modifiers and appositions speak for it ("Iraqi Kurds"); conjuncts add actors
    ("Armenia and Azerbaijan").
    """
    if head is None:
        return []
    if actors.at_token(head.i) is None:
        head = real_head(head)
    found: list[Mention] = []
    for part in [head, *head.conjuncts]:
        for m in _phrase_mentions(part, actors):
            if m not in found:
                found.append(m)
    if any(m.code for m in found):  # "the US commander, General X": an unresolved part adds nothing
        found = [m for m in found if m.code]
    return found


def _phrase_mentions(head: Token, actors: ActorIndex) -> list[Mention]:
    own = actors.at_token(head.i)
    if own is not None and own.code is None and any(
            (m := actors.at_token(t.i)) is not None and m.code for t in phrase_tokens(head)):
        own = None  # "Hezbollah guerrillas": the uncoded group noun yields to the coded modifier
    if own is not None and own.kind == "state" and head.tag_ in ("NNPS", "NNS"):
        # "Bosnian Serbs", "Iraqi Kurds": a people named after one state, living in another, are of the latter
        home = next((m for c in head.children if c.dep_ in ("amod", "compound")
                     if (m := actors.at_token(c.i)) is not None and m.kind == "state" and m.code
                     and m.code != own.code), None)
        own = home or own
    if own is not None:
        # coordinated modifiers inside it: "Pakistani and Afghan officials", "the presidents of Rwanda and Congo"
        # "both countries" stands for two actors: two mentions over the same words
        found = [m for m in actors.in_tokens(own.token_start, own.token_end) if m.span == own.span] or [own]
        for tok in head.doc[own.token_start:own.token_end]:
            for conj in tok.conjuncts:
                m = actors.at_token(conj.i)
                if m is not None and m not in found:
                    found.append(m)
        return found
    found: list[Mention] = []
    for tok in phrase_tokens(head):
        if tok.dep_ in ("conj", "cc") and tok.head.i == head.i:
            continue
        m = actors.at_token(tok.i)
        if m is not None and m not in found and not _inside_conjunct(tok, head):
            found.append(m)
    return sorted(found, key=lambda m: m.start)


def _inside_conjunct(tok: Token, head: Token) -> bool:
    """Inside a conjunct of the head itself ("X and *Y*"), which `mentions_in` adds on its own; coordinated
    modifiers ("the Turkish and *Greek* sides") belong to the phrase."""
    cur = tok
    while cur.i != head.i and cur.head.i != cur.i:
        if cur.dep_ == "conj" and cur.head.i == head.i:
            return True
        cur = cur.head
    return False


def _own_subject(tok: Token) -> tuple[Token | None, Token | None, bool]:
    subj = patient = None
    passive = False
    for child in tok.children:
        if child.dep_ in SUBJECTS and subj is None:
            subj = child
        elif child.dep_ in PASSIVE_SUBJECTS:
            patient, passive = child, True
        elif child.dep_ == "agent" and not any(c.dep_ in SUBJECTS for c in tok.children):
            # "by the army", "by Russian shelling" (a gerund: pcomp); an active verb's "by" phrase that the
            # parser calls an agent ("police prevented a march *by supporters*") does not replace its subject
            subj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), subj)
    if passive and subj is None and tok.lemma_.lower() in load_patterns().stative_participles:
        subj, patient, passive = patient, None, False  # "Israel is opposed to the plan": a stance, not a passive
    return subj, patient, passive


def _relative_antecedent(clause: Token, subj: Token) -> Token:
    """In a relative clause, "which"/"who" stand for the noun the clause modifies."""
    if clause.dep_ == "relcl" and subj.lower_ in RELATIVE_PRONOUNS:
        return clause.head
    return subj


def inherited_subject(tok: Token) -> Token | None:
    """Walk up controlled clauses ("stuck to providing", "considering sending") to the nearest subject."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":  # "stuck to providing": via the preposition
            cur = cur.head
        if cur.dep_ not in INHERIT_DEPS or cur.head.i == cur.i:
            return None
        if cur.dep_ == "acl":  # "forces deployed to X": the modified noun is the theme, not the actor
            return None
        cur = cur.head
        subj, patient, passive = _own_subject(cur)
        if subj is not None:
            return _relative_antecedent(cur, subj)
        if patient is not None and not passive:
            return patient
    return None


def _misparsed_main_verb(tok: Token) -> bool:
    """"Israeli air strikes killed 20 people": the small parser makes the noun the root and the verb a
    participle modifying it; a participle with its own object under a root noun is the main verb."""
    return (tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN")
            and tok.tag_ in ("VBD", "VBN") and any(c.dep_ == "dobj" for c in tok.children))


def _only_time(tok: Token) -> bool:
    return all(t.ent_type_ in TIME_ENTITIES or t.is_punct or t.pos_ == "DET" for t in tok.subtree)


def _existential_patient(tok: Token) -> Token | None:
    """"There were ten soldiers *killed* in Ukraine": the participle's noun is what was acted on."""
    noun = tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and noun.dep_ == "attr" and noun.head.lemma_ == "be" and any(
            c.dep_ == "expl" for c in noun.head.children):
        return noun
    return None


def to_infinitive(tok: Token) -> bool:
    """A verb with its own "to": "allowed convoys *to enter*", "staged a strike *to demand* reforms"."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)


def _controlled_object(tok: Token) -> Token | None:
    """"allowed UN convoys to enter Darfur": the parser makes the convoys the subject of "enter"; they are
    what "allowed" acts on (object control)."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and to_infinitive(c):
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return subj
    return None


def arguments(tok: Token) -> Arguments:
    subj, patient, passive = _own_subject(tok)
    if subj is None and patient is None and (there := _existential_patient(tok)) is not None:
        patient, passive = there, True
    if subj is None and not passive:
        subj = tok.head if _misparsed_main_verb(tok) else inherited_subject(tok)
    if subj is not None:
        subj = _relative_antecedent(tok, subj)
    if patient is None:
        patient = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if patient is None:
        patient = _controlled_object(tok)
    args = Arguments(subject=subj, patient=patient, passive=passive)
    for holder in (tok, patient):
        if holder is None:
            continue
        for child in holder.children:
            if child.dep_ in ("prep", "dative") and child.pos_ == "ADP":
                # "on Wednesday", "in March": times are no party and no place of an event
                objs = [c for c in child.children if c.dep_ == "pobj" and not _only_time(c)]
                if not objs and any(c.dep_ == "pobj" for c in child.children):
                    continue
                args.preps.setdefault(child.lower_, []).extend(objs)
                for inner in child.children:  # "pulled out *of* the talks", "away *from* the border"
                    if inner.dep_ == "prep" and not objs:
                        args.preps.setdefault(inner.lower_, []).extend(
                            c for c in inner.children if c.dep_ == "pobj" and not _only_time(c))
                if child.dep_ == "dative":
                    args.preps.setdefault("dative", []).extend(objs)
            elif child.dep_ == "dative":  # "gave Ukraine weapons"
                args.preps.setdefault("iobj", []).append(child)
            elif child.dep_ == "prt" and holder is tok:  # "step down", "pull out": the particle counts as a prep
                args.preps.setdefault(child.lower_, [])
            elif child.dep_ in ("advcl", "ccomp") and holder is tok and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in child.children):
                # "pushing for the US to support the plan": the one asked is the clause's subject
                args.preps.setdefault("for", []).extend(c for c in child.children if c.dep_ == "nsubj")
    return args
