"""What is not an event (DESIGN.md), and one event per happening.

Reporting verbs have no patterns, so they never code; the rules here skip triggers that do have patterns
but report no event of their own: a question asked outside quotes, the antecedent of a condition, what someone is accused of, the content of
a verbal act coded above it (not a clause of time or reason, "condemned Peru *after* its troops shelled the
town"), the purpose of a coded act, a restatement of a coded act, background relative clauses.
"""

from __future__ import annotations

from spacy.tokens import Token

from dotterel import language
from dotterel.events.arguments import is_purpose, second_predicate
from dotterel.events.modality import is_condition, load_cues
from dotterel.events.ontology import ONTOLOGY
from dotterel.events.patterns import PatternSet

# "Asked if ..., the minister said": a reporter's question, not a request
QUESTION_VERBS = language.words("reporting", "question")

# participles used as prepositions: "*barring* new clashes, ...", "*following* the raid"
PARTICIPLE_PREPOSITIONS = language.words("prepositions", "participle")

# subordinating marks of a circumstance: "condemned Peru *after* its troops shelled the town" (not the content)
CIRCUMSTANCE_MARKS = language.words("conditions", "circumstance")

# quotation marks: a question inside a quote may presuppose what it asks about ("why did they shell us?")
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''", "«", "»", "„"})

# dependencies by which a clause is the content of the verbal act above it
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "advcl", "pobj", "prep", "acomp", "acl", "dobj"})


def suppressed(tok: Token, coded: dict[int, str], main_coded: bool, ps: PatternSet) -> bool:
    """Not an event of its own: the antecedent of a condition; the content of a verbal act coded above it;
    the purpose of a coded act; a participle or conjunct restating a coded act of the same type ("attacked
    the camp, killing 156"); a background relative clause when the sentence's main clause already carries an
    event. `coded` maps the sentence's coded triggers (token index) to their types."""
    if is_condition(tok) or alleged(tok, ps) or reporters_question(tok) or participle_preposition(tok):
        return True
    if direct_question(tok):
        return True
    if credited_act(tok, ps):
        return False
    if main_coded and in_relative_clause(tok):
        return True
    head = tok.head
    if head.i != tok.i and head.i in coded:
        if is_purpose(tok):
            return True
        # a clause with a doer of its own is another act ("teachers rallied *while* nurses blocked a highway")
        if not own_subject(tok) and _restates(tok, coded[head.i], ps):
            return True
    cur = tok
    for _ in range(4):
        # a conjunct shares its head's role ("refused to allow planes to land *and evacuate*") unless the head
        # is an event of its own ("accused X *and recalled* its envoy")
        content_conj = cur.dep_ == "conj" and cur.head.i not in coded
        if content_conj and second_predicate(cur):
            return False
        if (cur.dep_ not in CONTENT_DEPS and not content_conj) or cur.head.i == cur.i or circumstance(cur):
            return False
        said = cur.dep_ == "ccomp" and cur.head.lemma_.lower() in load_cues().reporting_verbs
        cur = cur.head
        above = coded.get(cur.i)
        if above is not None and ONTOLOGY.has(above, "content_taking"):
            return True
        if said and cur.head.i in coded and cur.dep_ in ("advcl", "xcomp"):
            return True  # "staged rallies, *saying* he must resign": what the actors say while acting is a claim
    return False


def _restates(tok: Token, head_type: str, ps: PatternSet) -> bool:
    """A dependent clause of a coded act that adds no act of its own."""
    if head_type == "PROTEST" and tok.dep_ in ("advcl", "xcomp"):
        return True  # "blocked roads demanding reforms": the demand is what the protest says
    if tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" or tok.dep_ == "conj":
        return any(p.type == head_type for p in ps.for_token(tok))
    return False


def own_subject(tok: Token) -> bool:
    """A clause with a doer of its own that is a noun phrase (not a pronoun standing for the same doer):
    "rallied outside parliament *while nurses blocked* a highway" reports a second act by other people (but "one
    was killed and *three* were hurt" names more victims of the same act)."""
    if tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and any(
            c.dep_ == "auxpass" for c in tok.head.children):
        return False  # "one was killed and three others wounded": the passive goes on, its subject is a victim
    return any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)


def circumstance(tok: Token) -> bool:
    """An adverbial clause opened by "after", "while", "because" ...: when or why the act above it happened,
    an event of its own, not what that act says."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in tok.children)


def direct_question(tok: Token) -> bool:
    """A sentence that asks, outside any quote ("Why should voters back her?", "Will Chile attack Peru?"): an
    interviewer's or a headline's question reports no event."""
    sent = tok.sent
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text == "?" and not any(t.text in QUOTE_MARKS for t in sent)


def participle_preposition(tok: Token) -> bool:
    """"*Barring* any new clashes, the talks resume": a participle with no subject or auxiliary of its own,
    used as a preposition, names no act."""
    return tok.lower_ in PARTICIPLE_PREPOSITIONS and tok.tag_ == "VBG" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def reporters_question(tok: Token) -> bool:
    """"*Asked* if the talks had failed, the minister said ...": a bare participle of a question verb, with no
    subject or auxiliary of its own, frames the speaker's answer."""
    if tok.lemma_.lower() not in QUESTION_VERBS or tok.tag_ != "VBN":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def credited_act(tok: Token, ps: PatternSet) -> bool:
    """"praised Oslo *for sending* aid": the act a party is credited with is done, not the praise's content."""
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or tok.head.lower_ != "for":
        return False
    governor = tok.head.head
    return ps.lemma_of(governor.text, governor.lemma_.lower()) in ps.word_class("CREDITED_FOR")


def alleged(tok: Token, ps: PatternSet) -> bool:
    """"suspected of *blowing up* a plane", "jailed for *collaborating*": what someone is accused of."""
    if tok.dep_ != "pcomp" or tok.head.lower_ not in ("of", "for", "with"):
        return False
    governor = tok.head.head
    return ps.lemma_of(governor.text, governor.lemma_.lower()) in ps.allegation_words


def in_relative_clause(tok: Token) -> bool:
    """Inside a relative clause or its complements ("a resolution that aims *to tighten* sanctions")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("relcl", "acl"):
            return True
        if cur.dep_ not in ("xcomp", "conj", "ccomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def in_main_clause(tok: Token) -> bool:
    """The sentence root, or verbs joined to it by coordination/reporting (not subordinate clauses)."""
    while tok.head.i != tok.i:
        if tok.dep_ not in ("conj", "ccomp", "xcomp"):
            return False
        tok = tok.head
    return True
