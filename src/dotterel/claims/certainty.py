"""How sure a claim is: the cue's certainty, changed by hedges and by who is speaking.

The rules (the word lists live in data/claims/certainty.csv and sources.csv):
1. start from the cue's certainty (cues.csv);
2. a hedge on the content clause's head (modal "may/could/might", "likely", "probably", an "if"
   condition) or on the cue itself ("reportedly said") replaces it; the weakest hedge wins;
3. with no hedge, a neutral cue ("said", certainty `claimed`) from a commentator ("experts",
   "an analyst", "X, a professor") is an `opinion`;
4. so is a neutral claim whose words state the speaker's own view or will rather than a report
   ("I think", "we believe", "should", "must", "we want", "we are determined") - see `stance`.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dotterel.claims.cues import Lexicon
from dotterel.model import Certainty

# Weaker first: when two hedges apply the earlier one wins.
_WEAKEST_FIRST: tuple[Certainty, ...] = ("possible", "probable", "claimed", "opinion", "certain")
# Words by which speakers give their own view or will (rule 4); checked on the content text.
_STANCE = re.compile(r"\b(?:I|we) (?:think|believe|feel|want)\b|\b(?:should|must)\b"
                     r"|\bwe are (?:very )?(?:happy|determined|committed)\b", re.IGNORECASE)
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
    hedges = _hedges_on(cue, lex, "cue")
    for head in content_heads:
        hedges.extend(_hedges_on(head, lex, "content"))
    if hedges:
        return min(hedges, key=_WEAKEST_FIRST.index)
    if cue_certainty == "claimed" and speaker_head is not None and _is_commentator(speaker_head, lex):
        return "opinion"
    return cue_certainty


def _is_commentator(head: Token, lex: Lexicon) -> bool:
    if lex.is_source(head.lemma_, "commentator"):
        return True
    return any(c.dep_ == "appos" and lex.is_source(c.lemma_, "commentator") for c in head.children)


def stance(sure: Certainty, content: str) -> Certainty:
    """Rule 4: a neutral (`claimed`) content that voices the speaker's view or will is an `opinion`."""
    if sure == "claimed" and _STANCE.search(content):
        return "opinion"
    return sure
