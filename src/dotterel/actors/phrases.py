"""Which actor mentions make up a noun phrase: the head, its modifiers and conjuncts, looking through
words that only count or group the real actor ("thousands of students")."""

from __future__ import annotations

from spacy.tokens import Token

from dotterel import language
from dotterel.findings import ActorIndex, Mention

# dependency relations that stay inside one noun phrase (compound actors come in through conj)
PHRASE_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "conj", "cc", "det", "nummod", "quantmod", "appos", "flat", "case",
     "predet", "npadvmod", "punct"})


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


# heads that only count, group or measure the real actor: "tens of thousands of students", "a group of
# deputies", "25,000 tons of food aid"
GROUPING_HEADS = language.words("grouping_heads", "group", "measure")


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
        same = [m for m in actors.in_tokens(own.token_start, own.token_end) if m.span == own.span] or [own]
        for tok in head.doc[own.token_start:own.token_end]:
            for conj in tok.conjuncts:
                m = actors.at_token(conj.i)
                if m is not None and m not in same:
                    same.append(m)
        return same
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
