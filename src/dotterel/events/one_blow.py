"""One blow told twice: "two journalists were injured *after being attacked* by protesters".

A passive clause of the same type hung on a coded act by "after"/"when"/"by being ..." with no subject of its
own tells how that act happened, not a second act: it codes no event, and its agent ("by protesters") is
the act's doer when the act names none.
"""

from __future__ import annotations

from spacy.tokens import Token

# the words that join the clause to the act it explains ("injured *after* being attacked")
JOINING = frozenset({"after", "when", "while", "by", "upon", "on"})


def same_blow(tok: Token, coded: dict[int, str], types: set[str]) -> int | None:
    """The coded trigger whose act `tok` ("being attacked") tells again (`types`: the types `tok`'s patterns
    give), else None."""
    if not any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    if tok.dep_ == "pcomp" and tok.head.lower_ in JOINING:
        act = tok.head.head
    elif tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in JOINING for c in tok.children):
        act = tok.head
    else:
        return None
    if act.i not in coded or coded[act.i] not in types:
        return None
    return act.i if any(c.dep_ == "auxpass" for c in act.children) else None
