"""Whom a stance on a definite thing is aimed at, from the act told just before that made the thing.

"The United States imposed tariffs on Japanese cars. Japan condemned *the tariffs*", "Sudan proposed a
border plan. Chad rejected *the proposal*", "Japan requested that *the sanctions* be lifted": a stance
(condemning, rejecting, praising, asking) whose object - or its content's subject - is a definite noun naming no
party of its own refers back to the latest act of the sentences just before that
the noun names - the act itself (its trigger, or the noun of its verb: data/events/act_nouns.csv) or the
thing it acted with (its object: "imposed *tariffs*") - and is aimed at that act's doer, never at the
stance-taker's own side. Attacks have their own rule (`nominal.referred_doers`); this one reads words only.
"""

from __future__ import annotations

import csv
import functools

from spacy.tokens import Doc, Token

from dotterel.events.nominal import REFER_REACH, SAME_WORD_REACH, bare_definite
from dotterel.findings import EventFinding, Mention
from dotterel.knowledge import data_path

# stances aimed at the doer of what they judge ("condemned the tariffs", "rejected the proposal", "asked that the
# sanctions be lifted")
RESPONSE_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})
# verbal acts whose object is what they are about, never a thing they made
_STANCE_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "CONSULT", "THREATEN"})


@functools.cache
def act_nouns() -> dict[str, frozenset[str]]:
    """verb lemma -> the nouns naming its act."""
    with data_path("events", "act_nouns.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(row["verb"].strip().lower(), set()).add(row["noun"].strip().lower())
    return {v: frozenset(n) for v, n in out.items()}


def _bare_thing(noun: Token) -> bool:
    """"the proposal", "the tariffs": a definite noun naming none of its parties (`nominal.bare_definite`), with no
    phrase of its own at all, not even a time phrase, and no compound ("the border plan")."""
    return noun.pos_ == "NOUN" and bare_definite(noun) and not any(c.dep_ in ("prep", "compound") for c in noun.children)


def _names_act(noun: str, event: EventFinding, doc: Doc) -> bool:
    """Whether `noun` (a lemma) names the act of `event`, or the thing its trigger made or used ("imposed
    *tariffs*", "proposed new *limits*"), never what a verbal act was about ("accused *the network*": accusing the
    network again is no answer to the first accuser)."""
    trigger = doc[event.trigger]
    verb = trigger.lemma_.lower()
    if noun == verb or noun in act_nouns().get(verb, ()):
        return True
    if event.type in _STANCE_TYPES:
        return False
    objects = [c for c in trigger.children if c.dep_ in _OBJECT_DEPS]
    return any(o.lemma_.lower() == noun for h in objects for o in (h, *h.conjuncts))


def _judged(event: EventFinding, patient: Token | None, doc: Doc) -> Token | None:
    """The definite thing a response is about: its object, else the subject of its content ("requested that *the
    sanctions* be lifted", "said *the tariffs* were unfair")."""
    content = [s for c in doc[event.trigger].children if c.dep_ == "ccomp" for s in c.children
               if s.dep_ in ("nsubj", "nsubjpass")]
    return next((t for t in [patient, *content] if t is not None and _bare_thing(t)), None)


def referred_act(event: EventFinding, patient: Token | None, before: list[EventFinding], doc: Doc
                 ) -> EventFinding | None:
    """The act of the sentences just before that a response's definite object names (see the module docstring)."""
    if event.type not in RESPONSE_TYPES:
        return None
    thing = _judged(event, patient, doc)
    if thing is None:
        return None
    noun = thing.lemma_.lower()
    for earlier in reversed(before):
        distance = event.sentence - earlier.sentence
        if earlier.trigger == event.trigger or distance < 0 or earlier.modality in ("negated", "hypothetical"):
            continue
        same_word = doc[earlier.trigger].lemma_.lower() == noun
        if distance > (SAME_WORD_REACH if same_word else REFER_REACH):
            continue
        if same_word or _names_act(noun, earlier, doc):
            return earlier
    return None


def referred_authors(event: EventFinding, patient: Token | None, before: list[EventFinding], doc: Doc
                     ) -> list[Mention]:
    """The coded doers of the act a response's definite object refers back to."""
    earlier = referred_act(event, patient, before, doc)
    doers = [m for m in earlier.actors if m.code] if earlier is not None else []
    own = {m.code for m in event.actors if m.code}
    # (the stance-taker's own act, or one by no one named: no one to aim at)
    return [] if not doers or {m.code for m in doers} & own else doers
