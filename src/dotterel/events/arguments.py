"""Arguments of a trigger in the dependency parse: who acts, what is acted on, the prepositional parties.

Subjects are inherited the way English controls them: an `xcomp` ("considering sending") or an
`advcl`/`conj` without its own subject ("having summoned", "attacked and killed") takes its head's
subject; a passive subject is the patient, and the `by` agent is the actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from dotterel import language
from dotterel.actors.phrases import real_head

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "prep", "acomp"})
RELATIVE_PRONOUNS = language.words("pronouns", "relative")
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# month and weekday names are no titles: "*March* Madness", "*May* Day" name no march and no protest
CALENDAR_WORDS = frozenset(language.calendar("dates"))


@dataclass(slots=True)
class Arguments:
    subject: Token | None = None  # the grammatical actor (agent of a passive)
    patient: Token | None = None  # direct object, or passive subject
    passive: bool = False
    preps: dict[str, list[Token]] = field(default_factory=dict)  # "to" -> [pobj heads], "dative" too


def _own_subject(tok: Token, stative: frozenset[str]) -> tuple[Token | None, Token | None, bool]:
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
    if passive and subj is None and tok.lemma_.lower() in stative:
        subj, patient, passive = patient, None, False  # "Israel is opposed to the plan": a stance, not a passive
    return subj, patient, passive


def _infinitive_held_subject(tok: Token) -> Token | None:
    """"X, on a trip to explain his case, met Y": the parser hangs the main verb's subject on the infinitive
    before it; an infinitive has no subject of its own (but "for Z to"), so the subject is the verb's."""
    for clause in tok.lefts:
        if clause.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        if any(c.dep_ == "mark" for c in clause.children):
            continue  # "for Z to ...", "in order for Z to ..."
        held = next((c for c in clause.lefts if c.dep_ == "nsubj"), None)
        if held is not None:
            return held
    return None


def _relative_antecedent(clause: Token, subj: Token) -> Token:
    """In a relative clause, "which"/"who" stand for the noun the clause modifies."""
    if clause.dep_ == "relcl" and subj.lower_ in RELATIVE_PRONOUNS:
        return clause.head
    return subj


def second_predicate(tok: Token) -> bool:
    """"said the reports were baseless *and warned* Iran": a verb with no subject of its own joined to a reported
    copular clause is the speaker's second act (the parser hangs it on "were"), not part of what was said."""
    head = tok.head
    return tok.dep_ == "conj" and tok.pos_ == "VERB" and head.lemma_ == "be" and head.dep_ == "ccomp" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def inherited_subject(tok: Token, stative: frozenset[str]) -> Token | None:
    """Walk up controlled clauses ("stuck to providing", "considering sending") to the nearest subject."""
    if second_predicate(tok):
        return _own_subject(tok.head.head, stative)[0]  # the speaker's own second act: the speaker
    if tok.dep_ == "pcomp" and tok.head.lower_ == "for" and (obj := _object_controller(tok.head.head)) is not None:
        return obj  # "praised Oslo *for sending* aid", "fined X for dumping": the one praised or blamed did it
    cur = tok
    for _ in range(6):
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":  # "stuck to providing": via the preposition
            cur = cur.head
        if cur.dep_ not in INHERIT_DEPS or cur.head.i == cur.i:
            return None
        if cur.dep_ == "acl":  # "forces deployed to X": the modified noun is the theme, not the actor
            return noun_owner(cur.head) if to_infinitive(cur) else None
        controlled = cur.dep_ == "xcomp" and to_infinitive(cur)
        cur = cur.head
        subj, patient, passive = _own_subject(cur, stative)
        if controlled and patient is not None and passive:
            return patient  # "X and Y were expected to hold talks", "X was forced to withdraw"
        if controlled and (obj := _object_controller(cur)) is not None:
            # "the law led the prime minister to threaten", also when the causing verb borrows its subject
            # ("a law that triggered strikes *and led* the premier to threaten"): the object does the infinitive
            return obj
        if subj is not None:
            return _relative_antecedent(cur, subj)
        if patient is not None and not passive:
            return patient
    return None


def _object_controller(verb: Token) -> Token | None:
    """The object of a verb of causing or asking that controls its infinitive ("led X to", "forced X to",
    "urged X to"); none for verbs whose subject keeps control ("promised X to")."""
    if verb.lemma_.lower() in ("promise", "vow", "pledge"):
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN", "PRON")), None)


def noun_owner(noun: Token) -> Token | None:
    """Whose decision, plan or bid a noun is: "Washington's decision to impose", "a bid by Tokyo to open"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _misparsed_main_verb(tok: Token) -> bool:
    """"Israeli air strikes killed 20 people": the small parser makes the noun the root and the verb a
    participle modifying it; a participle with its own object under a root noun is the main verb."""
    # "X, president of the Y union, *called* on Z to ...": a finite past verb after an apposition is no participle
    return (tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN")
            and tok.tag_ in ("VBD", "VBN") and (any(c.dep_ == "dobj" for c in tok.children) or (
                tok.tag_ == "VBD" and any(c.dep_ == "appos" and c.i < tok.i for c in tok.head.children))))


def _only_time(tok: Token) -> bool:
    return all(t.ent_type_ in TIME_ENTITIES or t.is_punct or t.pos_ == "DET" for t in tok.subtree)


def _existential_patient(tok: Token) -> Token | None:
    """"There were ten soldiers *killed* in Ukraine": the participle's noun is what was acted on."""
    noun = tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and noun.dep_ == "attr" and noun.head.lemma_ == "be" and any(
            c.dep_ == "expl" for c in noun.head.children):
        return noun
    return None


def _relative_object(tok: Token, subj: Token | None, patient: Token | None) -> Token | None:
    """"the accord (that) they struck", "the town the rebels shelled": in an object relative clause the
    modified noun is what the verb acts on (a relative pronoun object, or none with a subject of its own)."""
    if subj is None or subj.i == tok.head.i or not (
            tok.dep_ == "relcl" or (tok.dep_ == "acl" and subj.head.i == tok.i)):  # (an acl with its own subject)
        return patient
    if patient is not None:
        return tok.head if patient.lower_ in RELATIVE_PRONOUNS else patient
    # not "the plan they agreed to sign", "the day (when) they met", "the town they withdrew from"
    if any(c.dep_ in ("ccomp", "xcomp", "advmod", "dative") or (c.dep_ == "prep" and not any(c.children))
           for c in tok.children) or tok.head.ent_type_ in TIME_ENTITIES:
        return None
    return tok.head


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


def _shared_object(tok: Token) -> Token | None:
    """"attacked and burned three villages in X", "killed or wounded 40 soldiers": coordinated verbs share
    the object (and its place) that the parser hangs on the last one; the verb holding them, when the first
    verb takes no complement of its own."""
    if any(c.dep_ in ("prep", "ccomp", "xcomp", "dative") for c in tok.children):
        return None  # "fired on X and killed Y": the first verb has its own complement
    for conj in tok.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > tok.i and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) and any(
                c.dep_ in ("dobj", "obj") for c in conj.children):
            return conj
    return None


def _agent_only(tok: Token) -> bool:
    return any(c.dep_ == "agent" for c in tok.children) and not any(c.dep_ in SUBJECTS for c in tok.children)


def _shared_passive_subject(tok: Token) -> Token | None:
    """"three soldiers were captured *and killed by rebels*": a participle joined to a passive verb shares what it
    was done to, never its doer (only with an agent of its own: "were removed and sworn in" says too little)."""
    if tok.dep_ != "conj" or tok.tag_ != "VBN" or any(c.dep_ in ("dobj", "obj") for c in tok.children):
        return None
    return next((c for c in tok.head.children if c.dep_ in PASSIVE_SUBJECTS), None)


def _shared_agent(tok: Token) -> Token | None:
    """"were captured and killed *by rebels*": the agent the parser hangs on the last of coordinated participles
    did the first ones too."""
    for conj in (c for c in tok.children if c.dep_ == "conj" and c.tag_ == "VBN"):
        agent = next((a for a in conj.children if a.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def _agent_of_vehicle(tok: Token) -> Token | None:
    """A passive with no agent of its own whose means or occasion names one: "was condemned *in a joint
    statement by* Chile and Peru", "was denounced in a letter *signed by* 40 deputies"."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"):
            for by in noun.children:
                if by.dep_ == "acl" and by.tag_ == "VBN":  # "a statement *issued by* X"
                    by = next((a for a in by.children if a.dep_ == "agent"), by)
                if by.dep_ in ("prep", "agent") and by.lower_ == "by":
                    agent = next((o for o in by.children if o.dep_ == "pobj"), None)
                    if agent is not None:
                        return agent
    return None


def arguments(tok: Token, stative: frozenset[str]) -> Arguments:
    """The trigger's arguments; `stative` lists participles that read as stances, not passives
    ("opposed", the pattern set's `stative_participles`)."""
    subj, patient, passive = _own_subject(tok, stative)
    if patient is None and not passive and _agent_only(tok):
        patient = _shared_passive_subject(tok)
        passive = passive or patient is not None
    if passive and subj is None:
        subj = _shared_agent(tok) or _agent_of_vehicle(tok)
    if subj is None and patient is None and (there := _existential_patient(tok)) is not None:
        patient, passive = there, True
    if subj is None and patient is None and tok.lemma_.lower() not in stative and any(
            c.dep_ == "auxpass" for c in tok.children):
        # "a dozen people died *and scores more were injured*", "troops opened fire *and were attacked*": a
        # passive whose subject the parser left on the verb before it undergoes the act, it does not do it
        patient, passive = inherited_subject(tok, stative), True
    if subj is None and not passive:
        subj = tok.head if _misparsed_main_verb(tok) else inherited_subject(tok, stative)
    if subj is None and not passive:
        subj = _infinitive_held_subject(tok)
    if subj is not None:
        subj = _relative_antecedent(tok, subj)
    if patient is None:
        patient = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if patient is None:
        patient = _controlled_object(tok)
    patient = _relative_object(tok, subj, patient)
    shared = _shared_object(tok) if patient is None and not passive else None
    if shared is not None:
        patient = next(c for c in shared.children if c.dep_ in ("dobj", "obj"))
    args = Arguments(subject=subj, patient=patient, passive=passive)
    for holder in (tok, patient, shared):
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


def is_purpose(tok: Token) -> bool:
    """"staged a strike *to demand* reforms", "opened fire *to disperse* them": the goal of an act."""
    return tok.dep_ in ("advcl", "xcomp") and to_infinitive(tok)


def object_lemmas(args: Arguments) -> set[str]:
    """Lemmas of the object phrase: head, its compounds ("defense pact") and conjuncts ("shells and munitions")."""
    if args.patient is None:
        return set()
    out = set()
    patient = real_head(args.patient)  # "suspended part of its aid": the aid
    heads = [patient, *patient.conjuncts]
    heads += [c for c in patient.head.children if c.dep_ == "dobj" and c not in heads]
    heads += [c for c in patient.children if c.dep_ == "appos"]  # "Malaysia Airlines Boeing 777 flight MH17"
    for tok in heads:
        lemma = tok.lemma_.lower()
        out.add(lemma)
        if tok.ent_type_ == "MONEY":  # "granted $27 million": a sum of money is money
            out.add("money")
        out.add(tok.lower_)
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        for m in mods:
            out.add(f"{m.lemma_.lower()} {lemma}")
            out.add(f"{m.lower_} {tok.lower_}")
            if tok.pos_ == "PROPN" and m.dep_ == "compound" and m.lower_ not in CALENDAR_WORDS:
                out.add(m.lemma_.lower())  # "President Bazoum": the title is the word class
        for prep in tok.children:  # "state of emergency", "cessation of hostilities"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out.update(f"{lemma} of {o.lower_}" for o in prep.children if o.dep_ == "pobj")
    return out
