"""First-person pronouns inside a quotation stand for its speaker: in ""We will not accept this," the
foreign minister said", "we" is the minister's side, so an act inside the quote has the speaker's actor.

Runs after the claims finder and before the event coder, on the speakers the finder itself resolved
(an actor mention, or a pronoun's antecedent), so no second parse is made. The speaker rules `assemble`
adds later (an official of no stated state speaks for the article's state) are guesses, measured worse here.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from dotterel import language
from dotterel.claims.quotes import QuoteIndex, find_quotes
from dotterel.findings import ActorIndex, ClaimFinding, Mention

# "I", "we", "me", "us", "my", "our": the speaker's own voice (not "you", the addressee)
_FIRST_PERSON = language.words("pronouns", "first_person")


def with_quoted_speakers(doc: Doc, actors: ActorIndex, claims: list[ClaimFinding]) -> ActorIndex:
    """`actors` plus one mention per first-person pronoun inside a quoted claim content whose speaker has a
    code: the speaker's actor over the pronoun's words. `actors` itself is returned when there is none."""
    quoted = [c for c in claims if c.kind != "indirect"]
    if not quoted:
        return actors
    quotes = QuoteIndex(find_quotes(doc))
    extra: list[Mention] = []
    seen: set[int] = set()
    for c in quoted:
        sp = c.speaker
        if sp is None or sp.code is None:
            continue
        span = doc.char_span(c.content_span[0], c.content_span[1], alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if tok.lower_ not in _FIRST_PERSON or tok.pos_ != "PRON" or tok.i in seen \
                    or actors.at_token(tok.i) is not None or quotes.at(tok.idx) is None:
                continue
            seen.add(tok.i)
            extra.append(replace(sp, start=tok.idx, end=tok.idx + len(tok), text=tok.text, token_start=tok.i,
                                 token_end=tok.i + 1, head=tok.i, place=False))
    return ActorIndex([*actors.mentions, *extra]) if extra else actors
