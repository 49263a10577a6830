"""The happening a quantity counts: the predicate its phrase is an argument of (quantity field `counts`).

Read from the parse already made (no second pass): from the token the quantity attaches to (its counted
noun, else its number) up the dependency tree to
- the verb it is an argument of: subject, object, passive subject, a prepositional or adverbial measure
  ("14 people were killed", "killing 14", "voted 92 to 1", "rose 25 pct", "for six days");
- a predicative adjective or participle of a counted-happening verb ("190 were dead", "left 14 dead",
  "220 men killed");
- an event noun it measures or sits under ("a $5 million loan", "a cut of 3 pct", "the deaths of 14",
  "six weeks of talks", "the attack on two bases");
- the happening noun a toll names ("a death toll of 14", "the death toll rose to 14": "death");
- the event noun carried by a verb of result, duration or a light verb ("the blast caused no casualties":
  "blast"; "the talks lasted six days": "talks"; "held talks for three days": "talks").
A copula with nothing predicated ("the rate is 5 pct") counts no happening: None.
Words: data/quantities/predicates.csv, the verbs of roles.csv and the nouns of data/events/event_nouns.csv.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dotterel.knowledge import data_path

_VERBISH = frozenset({"VERB", "AUX"})
_NOUNISH = frozenset({"NOUN", "PROPN"})
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_COMPLEMENT_DEPS = frozenset({"oprd", "ccomp", "xcomp", "acomp", "advcl", "conj"})
_PREDICATIVE_ADJ_DEPS = frozenset({"acomp", "oprd", "ccomp", "xcomp", "ROOT", "conj"})
_SIZE_DEPS = frozenset({"acl", "relcl", "prep", "csubj", "nsubj"})  # "what police estimated at 40,000 marched"
_MAX_STEPS = 14


@dataclass(frozen=True, slots=True)
class Words:
    event_nouns: frozenset[str]
    happening: frozenset[str]
    toll: frozenset[str]
    result: frozenset[str]
    aspect: frozenset[str]
    light: frozenset[str]
    instrument: frozenset[str]
    size: frozenset[str]
    part: frozenset[str]
    counted_verbs: frozenset[str]  # verbs whose participle after a noun is the happening ("220 men killed")


@functools.cache
def words() -> Words:
    kinds: dict[str, set[str]] = {}
    with data_path("quantities", "predicates.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            kinds.setdefault(row["kind"], set()).add(row["word"].lower())
    unknown = set(kinds) - {"event_noun", "happening", "toll", "result", "aspect", "light", "instrument", "size", "part"}
    if unknown:
        raise ValueError(f"data/quantities/predicates.csv: unknown kinds {sorted(unknown)}")
    nouns = set(kinds.get("event_noun", ()))
    with data_path("events", "event_nouns.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            nouns.add(row["noun"].split()[-1].lower())  # "suicide attack" -> attack
    from dotterel.quantities.lexicon import lexicon

    counted = frozenset(verb for verb, role in lexicon().verb_roles.items() if role not in ("troops",))
    return Words(frozenset(nouns), frozenset(kinds.get("happening", ())), frozenset(kinds.get("toll", ())),
                 frozenset(kinds.get("result", ())), frozenset(kinds.get("aspect", ())),
                 frozenset(kinds.get("light", ())), frozenset(kinds.get("instrument", ())),
                 frozenset(kinds.get("size", ())), frozenset(kinds.get("part", ())), counted)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _is_event_noun(tok: Token) -> bool:
    return tok.pos_ in _NOUNISH and (_lemma(tok) in words().event_nouns or tok.lower_ in words().event_nouns)


def _inside(tok: Token, lo: int, hi: int) -> bool:
    """Does the subtree of `tok` hold a token of the quantity [lo, hi)?"""
    return tok.left_edge.i < hi and lo <= tok.right_edge.i


def _participle(tok: Token) -> Token | None:
    """"220 men killed", "hundreds of rebels captured": a participle of a counted-happening verb after it."""
    for c in tok.rights:
        if c.dep_ in ("acl", "amod", "relcl") and c.tag_ == "VBN" and _lemma(c) in words().counted_verbs:
            return c
    return None


def _toll_happening(toll: Token) -> Token:
    """"the death toll" -> death; "the toll of the attack" -> attack; a bare "toll" -> toll."""
    for c in toll.children:
        if c.dep_ in ("compound", "amod", "nmod") and (_is_event_noun(c) or _lemma(c) in words().happening):
            return c
    for c in toll.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and _is_event_noun(p):
                    return p
    return toll


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _aspect_key(tok: Token) -> str:
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return f"{_lemma(tok)} {prt}" if prt else _lemma(tok)


def _verb_predicate(verb: Token, lo: int, hi: int, measure: bool) -> Token | None:
    """The happening of a verb the quantity [lo, hi) is an argument of."""
    w = words()
    for _ in range(4):
        if _lemma(verb) not in w.instrument or verb.dep_ not in ("advcl", "xcomp", "acl"):
            break
        if verb.head.pos_ in _VERBISH:
            verb = verb.head  # "attacked the post using three drones": the attack's
        elif _is_event_noun(verb.head):
            return verb.head  # "carried out the raid using three drones"
        else:
            break
    lemma = _lemma(verb)
    args = [c for c in verb.children if c.dep_ in _ARGUMENT_DEPS and not _inside(c, lo, hi)]
    for c in args:
        if c.dep_ != "attr" and _lemma(c) in w.toll:
            return _toll_happening(c)  # "the death toll rose to 14", "put the toll at 14"
    if lemma == "be":
        comp = next((c for c in verb.children if c.dep_ in ("acomp", "oprd") and not _inside(c, lo, hi)), None)
        if comp is None:
            return None  # "the rate is 5 pct": nothing happens
        return _adjective_predicate(comp, lo, hi, measure)
    if lemma in w.result:
        for c in verb.children:
            if c.dep_ in _COMPLEMENT_DEPS and c.i > verb.i and (c.pos_ == "ADJ" or c.tag_ == "VBN") \
                    and not _subject(c):
                return c  # "left 14 dead", "leaving 220 men wounded", "leaving $2 million to be raised"
        subj = _subject(verb)
        if subj is not None and not _inside(subj, lo, hi) and _is_event_noun(subj):
            return subj  # "the blast caused no casualties"
    if measure and (lemma in w.aspect or _aspect_key(verb) in w.aspect):
        subj = _subject(verb)
        if subj is not None and _is_event_noun(subj):
            return subj  # "the talks lasted six days"
    if lemma in w.light:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and not _inside(c, lo, hi)), None)
        if obj is not None and _is_event_noun(obj):
            return obj  # "held talks for three days"
    return verb


def _adjective_predicate(adj: Token, lo: int, hi: int, measure: bool) -> Token:
    """"190 were dead" -> dead; "the war has been ongoing for 17 years" -> war."""
    if measure and (_lemma(adj) in words().aspect or adj.lower_ in words().aspect):
        head = adj.head if adj.dep_ != "ROOT" else adj
        subj = _subject(head)
        if subj is not None and _is_event_noun(subj) and not _inside(subj, lo, hi):
            return subj
    return adj


def predicate(attach: Token, lo: int, hi: int, measure: bool) -> Token | None:
    """The token of the happening counted by the quantity over tokens [lo, hi) that attaches at `attach`
    (its counted noun, else its number head); `measure`: an amount with a unit (money, percent, duration),
    which measures an event noun it modifies rather than counting it. None when nothing happens."""
    found = _climb(attach, lo, hi, measure)
    if measure or (found is not None and (_lemma(found) in words().counted_verbs or found.lower_ in words().happening)):
        return found
    return _list_participle(attach.doc, hi) or found


_LIST_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "DET", "CCONJ", "PUNCT"})
_LIST_REACH = 12


def _list_participle(doc: Doc, hi: int) -> Token | None:
    """"150 soldiers, 95 civilians and hundreds of rebels killed": a counted-happening participle closing a
    list of counts, which the parser often hangs elsewhere. Only list words (nouns, numbers, commas, "and",
    "of") between the quantity and it, and the participle takes no object ("killed 5 soldiers and wounded
    12" is no list)."""
    for k in range(hi, min(hi + _LIST_REACH, len(doc))):
        tok = doc[k]
        if tok.pos_ in _LIST_POS and (tok.pos_ != "PUNCT" or tok.text == ","):
            continue
        if tok.pos_ == "ADP" and tok.lower_ == "of":
            continue
        # the tagger often reads the participle as a past tense ("... and hundreds of rebels killed.")
        if tok.tag_ in ("VBN", "VBD") and _lemma(tok) in words().counted_verbs and not any(
                c.dep_ == "dobj" for c in tok.children):
            return tok
        return None
    return None


def _climb(attach: Token, lo: int, hi: int, measure: bool) -> Token | None:
    """The predicate by the parse (see `predicate`)."""
    w = words()
    if attach.pos_ in _NOUNISH and (_lemma(attach) in w.happening or attach.lower_ in w.happening) \
            and attach.i >= hi - 1:
        return attach  # "14 dead", "caused 30 deaths"
    t = attach
    for _ in range(_MAX_STEPS):
        part = _participle(t)
        if part is not None:
            return part
        if measure and t.pos_ in _NOUNISH:
            for c in t.rights:  # "six weeks of talks", "3 pct of trading"
                if c.dep_ == "prep" and c.lower_ == "of":
                    obj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    if obj is not None and _is_event_noun(obj):
                        return obj
        if t.pos_ in _VERBISH and not (lo <= t.i < hi):
            if (_lemma(t) in w.size or _lemma(t) in w.part) and t.dep_ in _SIZE_DEPS and t.head.i != t.i:
                t = t.head  # "troops numbering 4,000 were deployed", "killed 18, including four children"
                if _is_event_noun(t):
                    return t  # "a loss estimated at 350 kilos"
                continue
            return _verb_predicate(t, lo, hi, measure)
        if t.pos_ == "ADJ" and t.dep_ in _PREDICATIVE_ADJ_DEPS and not (lo <= t.i < hi):
            return _adjective_predicate(t, lo, hi, measure)
        head = t.head
        if head.i == t.i:
            return t if _is_event_noun(t) and not (lo <= t.i < hi) else None
        if t.dep_ == "pobj" and head.pos_ == "ADP" and head.head.i != head.i:
            owner = head.head
            if owner.pos_ in _NOUNISH and not (lo <= owner.i < hi):
                if _lemma(owner) in w.toll:
                    return _toll_happening(owner)  # "a death toll of 14"
                if _is_event_noun(owner):
                    return owner  # "the deaths of 14", "a cut of 3 pct", "strikes by thousands of workers"
            t = owner
            continue
        if t.dep_ in _MODIFIER_DEPS and head.i > t.i and (_lemma(head) in w.happening or head.lower_ in w.happening):
            return head  # "left 14 dead" (the parser's "dead" heads the number)
        modifier = t.dep_ in _MODIFIER_DEPS or (t.dep_ == "det" and lo <= t.i < hi)  # "a month-long lull"
        if modifier and head.i > t.i and head.pos_ in _NOUNISH and not (lo <= head.i < hi):
            if _lemma(head) in w.toll:
                return _toll_happening(head)
            if _is_event_noun(head):
                return head  # "a $5 million loan", "an eight-year war", "a 230-to-198 vote"
        t = head
    return None


def is_part(verb: Token) -> bool:
    """"including four children": the quantity hangs on a verb naming a part of another count."""
    return _lemma(verb) in words().part


def happening_words() -> frozenset[str]:
    """Nouns and adjectives that name the happening itself ("dead", "deaths"): their role is the happening's."""
    return words().happening
