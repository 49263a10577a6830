"""Who is speaking: the speaker's words from the parse, and antecedents for pronoun speakers (the claims
finder's speakers; part of the actors API because it decides whose words a phrase stands for).

Speaker words are the speaker's noun phrase without leading determiners, appositions, relative
clauses or trailing punctuation ("Frank Ledwidge, a former officer," -> "Frank Ledwidge").

Pronoun speakers ("he", "they", "it") and bare definite ones ("the ministry") are resolved to an
earlier speaker or named entity when a simple rule finds one. The choice documented for the pipeline:
`speaker_text` then carries the antecedent's words (what a reader of one claim needs), while
`speaker_span` stays on the pronoun, where the text actually names the speaker in this claim.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.attrs import DEP, SENT_START, TAG
from spacy.tokens import Doc, Token

from dotterel import language
from dotterel.actors.kb import load as load_kb
from dotterel.actors.phrases import real_head
from dotterel.findings import ActorIndex, Mention

if TYPE_CHECKING:  # a type only: the claims package imports this module
    from dotterel.claims.cues import Lexicon

# Dependents that describe the speaker rather than name it.
_DROP_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis"})
_LEADING_DROP = frozenset({"det", "predet", "cc", "preconj", "case"})
PERSON_PRONOUNS = language.words("pronouns", "person")
PLURAL_PRONOUNS = language.words("pronouns", "plural")
THING_PRONOUNS = language.words("pronouns", "thing")
FIRST_SECOND = language.words("pronouns", "first_second")
SPEAKER_PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS | FIRST_SECOND | language.words(
    "pronouns", "indefinite")
RELATIVE = language.words("pronouns", "relative")
# How far back (in sentences) an antecedent may lie.
WINDOW_SENTENCES = 4


_NUMERIC_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_NAMED_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Endings of nouns naming people by what they do (a closed list of English derivational suffixes).
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "man", "men", "woman", "women")
_NAMING_DEPS = frozenset({"compound", "amod", "nmod"})  # not "poss": "Reagan's decision"


def not_a_speaker(head: Token, actors: ActorIndex, lex: Lexicon, strict: bool = False) -> str | None:
    """Why the phrase headed by `head` cannot be a claim's speaker, or None when it can.

    A speaker is a person, group, institution, outlet or document. A number or date never is ("3,000
    said"), nor a noun listed as one that never speaks (events and abstractions, `never` in
    data/claims/sources.csv: "the attack said", "criticism within X said" are parse errors). `strict`
    (the evaluation's junk count) also refuses every common noun that is not known to speak: a named
    entity or resolved actor, named by one ("Lloyds insurance"), listed as able to speak (sources.csv,
    the sector words of data/actors/sectors.csv), or a noun of doing ("dockers"). Human nouns are an open
    class, so the finder itself only refuses the listed ones. Counting heads are looked through.
    """
    head = real_head(head)
    if head.like_num or head.pos_ == "NUM" or head.ent_type_ in _NUMERIC_ENTS:
        return "number or date"
    if head.pos_ != "NOUN" or head.lower_ in SPEAKER_PRONOUNS or head.ent_type_ in _NAMED_ENTS \
            or actors.at_token(head.i) is not None:
        return None
    lemma = head.lemma_.lower()
    if lex.is_source(lemma, "never"):
        return "not a speaking noun"
    if not strict:
        return None
    if any(c.dep_ in _NAMING_DEPS and (c.ent_type_ in _NAMED_ENTS or c.pos_ == "PROPN"
                                       or actors.at_token(c.i) is not None) for c in head.children):
        return None
    if lex.is_source(lemma) or lex.is_source(head.lower_) or lemma in _sector_heads():
        return None
    if len(lemma) > 4 and lemma.endswith(_AGENT_SUFFIXES):  # "dockers", "villagers", "economists"
        return None
    return "not known to speak"


@functools.cache
def _sector_heads() -> frozenset[str]:
    """Last words of the actor sector entries ("defence ministry" -> "ministry")."""
    return frozenset(w.split()[-1] for w in load_kb().sectors)


@dataclass(frozen=True, slots=True)
class Speaker:
    head: int  # token index of the head word naming the speaker here (the pronoun, if one)
    text: str
    span: tuple[int, int]  # chars of the words naming the speaker here
    mention: Mention | None
    antecedent: int | None = None  # token head of the antecedent, for pronoun speakers


def phrase_tokens(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the speaker words headed by `head`."""
    dropped: set[int] = set()
    for child in head.children:
        if child.dep_ in _DROP_DEPS and not _inner_hyphen(child):
            dropped.update(t.i for t in child.subtree)
    kept = [t.i for t in head.subtree if t.i not in dropped]
    # the contiguous run around the head: appositions and commas split the phrase
    start = end = head.i
    kept_set = set(kept)
    while start - 1 in kept_set:
        start -= 1
    while end + 1 in kept_set:
        end += 1
    doc = head.doc
    while start < head.i and (doc[start].dep_ in _LEADING_DROP or doc[start].is_punct):
        start += 1
    while end > head.i and (doc[end].is_punct or doc[end].dep_ in ("case", "cc")):
        end -= 1
    # an opened bracket without its closing one ("Security Service (FSB") is cut off
    opened = [t.i for t in doc[start:end + 1] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1]:end + 1]) and opened[-1] > head.i:
        end = opened[-1] - 1
        while end > head.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
            end -= 1
    return start, end + 1


def _inner_hyphen(tok: Token) -> bool:
    """A hyphen inside a word ("Hoi-kwan", "Abu-Bakr"): part of the name, not punctuation that ends it."""
    return tok.text in ("-", "‐") and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ and not tok.whitespace_


def phrase(head: Token) -> tuple[str, tuple[int, int]]:
    """The speaker words headed by `head` and their character span."""
    s, e = phrase_tokens(head)
    span = head.doc[s:e]
    return span.text, (span.start_char, span.end_char)


def is_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$")


def is_bare_definite(tok: Token) -> bool:
    """"the ministry", "the spokesman": a common noun whose only dependent is "the"."""
    if tok.pos_ != "NOUN":
        return False
    kids = list(tok.children)
    return len(kids) == 1 and kids[0].lower_ == "the"


def _is_main_subject(tok: Token) -> bool:
    """The subject of its sentence's main verb (or of a verb conjoined with it)."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


class SpeakerResolver:
    """Builds speakers in text order, remembering earlier ones as antecedents."""

    def __init__(self, doc: Doc, actors: ActorIndex, lex: Lexicon) -> None:
        self.doc = doc
        self.actors = actors
        self.lex = lex
        rows = doc.to_array([DEP, TAG, SENT_START]).tolist() if len(doc) else []
        self._sent_starts = [i for i, row in enumerate(rows) if row[2] == 1 or i == 0]
        self.history: list[Speaker] = []  # resolved speakers of earlier claims, text order
        # heads that may stand for a later pronoun: named entities, and subjects naming one person
        # without a name ("Kenya's interior minister visited ..."); collected once per document
        heads = {ent.root.i for ent in doc.ents if ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
                 and ent.root.dep_ not in ("compound", "poss")}
        nsubj, nn = doc.vocab.strings["nsubj"], doc.vocab.strings["NN"]
        heads.update(i for i, (dep, tag, _) in enumerate(rows)
                     if dep == nsubj and tag == nn and self._personal_noun(doc[i]))
        self._heads = sorted(heads)

    def sentence_of(self, i: int) -> int:
        """Index of the sentence holding token `i`."""
        return bisect_right(self._sent_starts, i) - 1

    def _candidates(self, before: int) -> list[tuple[int, str, tuple[int, int], Mention | None]]:
        """Earlier speakers, named entities and person subjects (head, words, span, mention) within
        WINDOW_SENTENCES before token `before`, nearest last."""
        first_sent = max(0, self.sentence_of(before) - WINDOW_SENTENCES)
        lo = self._sent_starts[first_sent] if self._sent_starts else 0
        out: list[tuple[int, str, tuple[int, int], Mention | None]] = []
        for sp in self.history:
            h = sp.antecedent if sp.antecedent is not None else sp.head
            if lo <= h < before:
                out.append((h, sp.text, sp.span, sp.mention))
        taken = {c[0] for c in out}
        for h in self._heads[bisect_left(self._heads, lo):bisect_left(self._heads, before)]:
            if h not in taken:
                text, span = phrase(self.doc[h])
                out.append((h, text, span, self.actors.at_token(h)))
        out.sort(key=lambda c: c[0])
        return out

    def _titled_name(self, head: Token) -> bool:
        """A name with a personal title or a person's name in it ("Trade Minister Ana Reyes"), even
        when the entity recogniser labelled it otherwise."""
        return head.pos_ == "PROPN" and any(
            c.dep_ == "compound" and (c.ent_type_ == "PERSON" or self.lex.is_source(c.lemma_, "person"))
            for c in head.children)

    def _personal_noun(self, tok: Token) -> bool:
        return tok.tag_ in ("NN", "NNP") and self.lex.is_source(tok.lemma_, "person")

    def _antecedent(self, tok: Token) -> tuple[int, str, tuple[int, int], Mention | None] | None:
        doc = self.doc
        low = tok.lower_
        cands = self._candidates(tok.i)
        speakers = {sp.antecedent if sp.antecedent is not None else sp.head for sp in self.history}
        # a pronoun usually takes up the main subject or an earlier speaker, not a name mentioned in
        # passing ("Monsod said Ongpin was wrong. She said ..."): try those first, nearest first
        main = [c for c in cands if c[0] in speakers or _is_main_subject(doc[c[0]])]
        for cand in [*reversed(main), *reversed(cands)]:
            h = doc[cand[0]]
            ent = h.ent_type_
            mention = cand[3]
            personal = ent == "PERSON" or (mention is not None and mention.kind == "person") or (
                not ent and self._personal_noun(h)) or self._titled_name(h)
            plural = h.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in h.children)
            if low in PERSON_PRONOUNS and personal:
                return cand
            if low in PLURAL_PRONOUNS and (plural or ent in ("ORG", "NORP")) and not personal:
                return cand
            if low in THING_PRONOUNS and not personal and not plural:
                return cand
            if is_bare_definite(tok) and h.lemma_.lower() == tok.lemma_.lower() and h.i != tok.i:
                return cand
        # "Japan's prime minister said ... He added ...": no named person, but the last speaker fits
        if low in PERSON_PRONOUNS:
            for sp in reversed(self.history):
                h = doc[sp.antecedent if sp.antecedent is not None else sp.head]
                # a name the recogniser calls ORG or GPE but no actor resolves is most often a person's
                if h.i < tok.i and h.tag_ not in ("NNS", "NNPS") and not is_pronoun(h) \
                        and (h.ent_type_ not in ("ORG", "GPE", "NORP") or self.actors.at_token(h.i) is None):
                    return h.i, sp.text, sp.span, sp.mention
                break
        return None

    def speaker(self, head: Token) -> Speaker:
        """The speaker headed by `head`, resolving pronouns and bare definites where clear."""
        text, span = phrase(head)
        mention = self.actors.at_token(head.i)
        result = Speaker(head.i, text, span, mention)
        if is_pronoun(head) or is_bare_definite(head):
            ante = self._antecedent(head)
            if ante is not None:
                a_head, a_text, _, a_mention = ante
                # the speaker's words and code must name one actor: where the pronoun's own reading is a
                # split antecedent ("the US and Japan ... they") or another named actor than the speaker
                # found, the speaker wins; an unnamed reading ("one broker said he") stays
                own = self.actors.in_tokens(head.i, head.i + 1)
                if mention is not None and a_mention is not None and mention.key != a_mention.key and (
                        len(own) > 1 or mention.name is not None):
                    mention = a_mention
                result = Speaker(head.i, a_text, span, mention or a_mention, antecedent=a_head)
        return result

    def remember(self, sp: Speaker) -> None:
        self.history.append(sp)
