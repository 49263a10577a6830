"""How sure a claim is: the cue's certainty, changed by hedges and by who is speaking.

The rules (the word lists live in data/claims/certainty.csv and sources.csv):
1. start from the cue's certainty (cues.csv);
2. a hedge on the content clause's head (modal "may/could/might", "likely", "probably", an "if"
   condition) or on the cue itself ("reportedly said") replaces it; the weakest hedge wins;
3. with no hedge, a neutral cue ("said", certainty `claimed`) from a commentator ("experts",
   "an analyst", "X, a professor") is an `opinion`;
4. a neutral cue whose content is the speaker's own belief ("said he believed ...") takes the belief
   cue's certainty, hedged by its clause;
5. a neutral claim whose words give the speaker's own certainty takes it ("I am sure" certain, "we are
   confident" probable), and one whose words state his view or will rather than a report ("I think",
   "should", "we are determined") is an `opinion` - see `stance` and data/claims/stance.csv. (Judging
   words alone - the genre stage's evaluative lists - were tried and lowered agreement: reporters'
   sources use them in factual claims too.)
"""

from __future__ import annotations

import csv
import functools
import re
from typing import cast

from spacy.tokens import Token

from dotterel.claims.cues import CERTAINTIES, Lexicon
from dotterel.knowledge import data_path
from dotterel.model import Certainty

# Weaker first: when two hedges apply the earlier one wins.
_WEAKEST_FIRST: tuple[Certainty, ...] = ("possible", "probable", "claimed", "opinion", "certain")
_HEDGE_DEPS = frozenset({"aux", "advmod", "acomp", "mark", "neg"})


def _hedges_on(tok: Token, lex: Lexicon, place: str) -> list[Certainty]:
    found: list[Certainty] = []
    words = [tok] + [c for c in tok.children if c.dep_ in _HEDGE_DEPS]
    # an "if"/"unless" condition attached to the clause head makes the content conditional
    for c in tok.children:
        if c.dep_ == "advcl":
            words.extend(m for m in c.children if m.dep_ == "mark")
    # "aren't likely to turn": the hedge sits on the copula above the xcomp
    for c in tok.children:
        if c.dep_ == "xcomp":
            words.extend(a for a in c.children if a.dep_ == "aux" and a.lower_ != "to")
    for w in words:
        hedge = lex.hedges.get(w.lower_)
        if hedge is not None and hedge.where in (place, "both"):
            found.append(hedge.certainty)
    return found


def decide(cue_certainty: Certainty, cue: Token, content_heads: list[Token], speaker_head: Token | None,
           lex: Lexicon) -> Certainty:
    if cue_certainty == "claimed":
        for head in content_heads:
            inner = _own_attitude(head, lex)
            if inner is not None:
                return inner
    hedges = _hedges_on(cue, lex, "cue")
    for head in content_heads:
        hedges.extend(_hedges_on(head, lex, "content"))
    if hedges:
        return min(hedges, key=_WEAKEST_FIRST.index)
    if cue_certainty == "claimed" and speaker_head is not None and _is_commentator(speaker_head, lex):
        return "opinion"
    return cue_certainty


_THIRD_PERSON = frozenset({"he", "she", "they"})
_ATTITUDES = frozenset({"probable", "possible", "opinion"})


def _own_attitude(head: Token, lex: Lexicon) -> Certainty | None:
    """"X said he believed ...", "said he thought the market may recover": a neutral cue whose content is
    the speaker's own belief takes the belief's certainty (hedged by its clause, as rule 2), not `claimed`.
    Only third-person subjects: "I think" is rule 4's."""
    cue = lex.verbs.get(head.lemma_.lower())
    if cue is None or cue.needs or cue.certainty not in _ATTITUDES or head.pos_ != "VERB":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in _THIRD_PERSON for c in head.children):
        return None
    clauses = [c for c in head.children if c.dep_ == "ccomp"]
    if not clauses:
        return None  # "he felt pressure": a perception, not a belief about a clause
    hedges = [h for c in clauses for h in _hedges_on(c, lex, "content")]
    return min([cue.certainty, *hedges], key=_WEAKEST_FIRST.index)


def _is_commentator(head: Token, lex: Lexicon) -> bool:
    if lex.is_source(head.lemma_, "commentator"):
        return True
    return any(c.dep_ == "appos" and lex.is_source(c.lemma_, "commentator") for c in head.children)


def stance(sure: Certainty, content: str) -> Certainty:
    """Rule 4: a neutral (`claimed`) content that gives the speaker's own certainty takes it; one that
    voices his view or will is an `opinion`."""
    if sure != "claimed":
        return sure
    for pattern, certainty in _stance_phrases():
        if pattern.search(content):
            return certainty
    return sure


@functools.cache
def _stance_phrases() -> tuple[tuple[re.Pattern[str], Certainty], ...]:
    out = []
    with data_path("claims", "stance.csv").open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines):
        if row["certainty"] not in CERTAINTIES:
            raise ValueError(f"stance.csv: unknown certainty {row['certainty']!r}")
        words = r"\s+".join(re.escape(w) for w in row["phrase"].split())
        out.append((re.compile(rf"\b{words}\b", re.IGNORECASE), cast(Certainty, row["certainty"])))
    return tuple(out)
