"""Find claims: who says what, in which words, and how sure.

Cues come from the lexicon (data/claims/cues.csv); the content is read from the dependency parse:
- verbal cues: the clausal complement (ccomp/parataxis) of the reporting verb, wherever it stands
  ("X said (that) ...", "..., X said.", "..., said X."); "As X noted, ..." takes the clause it modifies;
  a quoted predicate for "call"/"describe" ("called it a "serious issue" if ...");
- nominal cues with a "that" clause ("made the first public confirmation that ...", "X's claim that ...");
- "according to X", before or after the clause it modifies;
- quotations next to a reporting verb with no parsed complement, and stand-alone quoted sentences
  that continue the previous speaker's quotation;
- unattributed hedges: a clause the author marks as second-hand ("the attack, reportedly carried out
  by ...", "he allegedly fired") is a claim with no speaker (the adverbs of certainty.csv whose
  certainty is `claimed`), unless it lies inside a claim that has one.
Content that lies inside a quotation is widened to the whole quotation (quotes may run over several
sentences); the kind is direct (all quoted), mixed (partly quoted) or indirect.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.tokens import Doc, Token

from dotterel import language
from dotterel.claims import certainty
from dotterel.claims.cues import Cue, Lexicon, lexicon
from dotterel.claims.quotes import QuoteIndex, find_quotes
from dotterel.actors.speakers import (FIRST_SECOND, RELATIVE, SPEAKER_PRONOUNS, Speaker, SpeakerResolver, is_pronoun,
                                     not_a_speaker)
from dotterel.findings import ActorIndex, ClaimFinding, ClaimKind

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_COMPLEMENT_DEPS = frozenset({"ccomp", "parataxis"})
_CLAUSE_CHILD_DEPS = frozenset({"acl", "relcl", "ccomp", "appos"})
# Clauses that would let a reporting verb inherit its subject from the verb above it:
# "... and claim that", "..., stating that", "went on to say".
_SUBJECT_SHARING_DEPS = frozenset({"conj", "advcl", "xcomp"})
# Light verbs that turn a nominal cue into an act of the subject: "made the confirmation that".
_LIGHT_VERBS = frozenset({"make", "issue", "give", "release", "publish", "deliver", "repeat", "offer",
                          "put", "reiterate", "voice", "express", "file"})
# Calls whose object is the person addressed: the content is what they are asked to do.
_PERSON_OBJECT_CALLS = frozenset({"ask", "advise"})
_CONDITIONS = language.words("conditions", "antecedent")  # "if", "unless"
_QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "when", "where", "what", "who", "which"})
# "there" is never a speaker; "it" is one only as a referring subject ("It said ..."), while the
# extraposing "it" of "it was reported that" comes with a passive verb and is handled there.
_EXPLETIVES = frozenset({"there"})
_EDGE_TRIM_DEPS = frozenset({"mark", "cc"})
_QUOTE_CHARS = "\"“”«»„`'"
_QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''", "«", "»", "„", "'", "`"})
_SPEECH_PUNCT = frozenset({",", ":", ";", "—", "–", "-"})
_UTTERANCE_END = frozenset({",", ".", "!", "?", "—", "–"})
_MIN_CONTINUATION_WORDS = 3
# Prepositions after a nominal content that complete it: "blamed X for ...", "hailed X as ...".
_OBJECT_TAIL_PREPS = frozenset({"for", "as"})
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n|(?<=[.!?\"”])[ \t]*\n")


@dataclass(slots=True)
class _Draft:
    """A claim before its speaker is resolved and its edges are trimmed."""

    cue: Cue
    cue_tokens: tuple[int, int]  # [start, end) tokens of the cue words
    cue_head: Token
    speaker_head: Token
    content: tuple[int, int]  # [start, end) tokens
    content_heads: list[Token]
    attributes_events: bool = True


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound") and tok.tag_ != "JJ"


_NP_PARTS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART", "NUM"})


def _preceding_name(verb: Token) -> Token | None:
    """", India's foreign secretary Vikram Misri said": a subjectless reporting verb right after a noun
    phrase that follows a comma (the small parser hangs such names on the previous clause)."""
    doc = verb.doc
    if verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    last = doc[verb.i - 1]
    if last.pos_ not in ("PROPN", "NOUN"):
        return None
    i = verb.i - 1
    while i > verb.sent.start and doc[i - 1].pos_ in _NP_PARTS:
        i -= 1
    return last if i > verb.sent.start and doc[i - 1].text == "," else None


# Dependents a parse gives a speaker named after its verb: ", stated the minister", ", reported officials".
_POSTPOSED_DEPS = frozenset({"dobj", "nsubj", "attr", "npadvmod", "oprd"})


def _postposed(verb: Token) -> Token | None:
    """"The bridge was destroyed, reported officials": a subjectless reporting verb after a comma (or a
    closing quote) whose noun phrase follows it names the speaker; the small parser often makes that
    phrase the verb's object and the verb a conjunct of the reported clause."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
                                                     for c in verb.children):
        return None
    if doc[verb.i - 1].text not in (",", *_QUOTE_MARKS) or verb.dep_ not in ("conj", "parataxis", "ccomp", "ROOT"):
        return None
    for c in verb.children:
        if c.dep_ in _POSTPOSED_DEPS and c.i > verb.i and c.left_edge.i == verb.i + 1 and c.pos_ in ("NOUN", "PROPN"):
            # the phrase ends the clause: nothing but its own words and punctuation follow
            tail = doc[c.right_edge.i + 1:verb.right_edge.i + 1]
            if all(t.is_punct or t.is_space for t in tail):
                return c
    return None


def _quoted_as(verb: Token) -> Token | None:
    """"quoted X as saying ...", "X was quoted by Y as saying ...": the one quoted speaks."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() != "quote":
        return None
    quote = prep.head
    for dep in ("dobj", "nsubjpass"):
        who = next((c for c in quote.children if c.dep_ == dep), None)
        if who is not None:
            return who
    return None


def _subject(verb: Token) -> Token | None:
    """The speaker head for a reporting verb: its subject, the agent of a passive, the antecedent of
    a relative pronoun, or the subject it shares with the verb it hangs from."""
    named = _preceding_name(verb)
    if named is not None:
        return named
    postposed = _postposed(verb)
    if postposed is not None:
        return postposed
    quoted = _quoted_as(verb)
    if quoted is not None:
        return quoted
    if verb.dep_ == "acl" and lexicon().is_source(verb.head.lemma_, "document") and verb.i > verb.head.i:
        # "released a statement saying ...": the one who issued it, else the statement itself
        noun = verb.head
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            issuer = next((c for c in noun.head.children if c.dep_ == "nsubj" and c.lower_ not in _EXPLETIVES), None)
            if issuer is not None:
                return issuer
        return noun
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        passive = False
        for c in tok.children:
            if c.dep_ == "nsubj":
                if c.lower_ in _EXPLETIVES:
                    return None
                if c.lower_ in RELATIVE and tok.dep_ == "relcl":
                    return tok.head
                return c
            if c.dep_ in ("nsubjpass", "csubj", "csubjpass", "expl"):
                passive = True
        if passive:
            for c in tok.children:
                if c.dep_ == "agent":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    return objs[0] if objs else None
            return None
        if tok.dep_ == "xcomp" and (tok.head.pos_ != "VERB" or tok.head.lemma_ == "be"):
            return None  # "it's safe to say", "hard to say": nobody is speaking
        if tok.dep_ in _SUBJECT_SHARING_DEPS and tok.head.i != tok.i and not _crosses_line(tok, tok.head):
            # "As X noted" keeps its own subject; a subordinate clause's subject is not shared
            if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
                return None
            tok = tok.head
            continue
        return None
    return None


def _crosses_line(a: Token, b: Token) -> bool:
    """A dependency across a line break is a parse error (paragraphs are separate sentences)."""
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[lo:hi])


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _clause_host(tok: Token) -> Token:
    """The clause a modifier like "according to" belongs to: the nearest verb with its own subject
    (or a complement clause, or the root), so participles and nouns pass it upwards."""
    host = tok.head
    while host.head.i != host.i and host.dep_ not in ("ccomp", "parataxis") and not (
            host.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECT_DEPS for c in host.children)):
        host = host.head
    return host


def _rest_of_clause(host: Token, cue_part: Token) -> tuple[int, int] | None:
    """The host clause minus the cue's own subtree, on the side away from the cue."""
    h_start, h_end = _subtree_range(host)
    c_start, c_end = _subtree_range(cue_part)
    if c_start - h_start >= h_end - c_end:
        return (h_start, c_start) if c_start > h_start else None
    return (c_end, h_end) if h_end > c_end else None


class _Finder:
    def __init__(self, doc: Doc, actors: ActorIndex, lex: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
        self.actors = actors
        self.lex = lex
        # token attributes as arrays: one C call instead of a Python walk over every token
        self._attrs = doc.to_array([IDX, LEMMA, LOWER])
        self._token_starts: list[int] = self._attrs[:, 0].tolist() if len(doc) else []
        self.quotes = QuoteIndex(find_quotes(doc, self.text, self._token_starts))
        self.speakers = SpeakerResolver(doc, actors, lex)

    # --- cue readers: each returns a draft or None -------------------------------------------

    def _verbal(self, tok: Token, cue: Cue) -> _Draft | None:
        if not _is_verb(tok) or any(c.dep_ == "neg" for c in tok.children):
            return None
        speaker = _subject(tok)
        if speaker is None:
            return None
        if cue.needs == "source" and not self._is_source(speaker):
            return None
        cue_end = tok.i + 1
        for c in tok.children:  # "pointed out", "told reporters"
            if c.i == cue_end and (c.dep_ == "prt" or (tok.lemma_ == "tell" and c.dep_ in ("dobj", "dative"))):
                cue_end += 1
        content, heads = self._verbal_content(tok, cue)
        if content is None:
            return None
        reports = self.lex.object_content.get(tok.lemma_.lower(), True) or not heads or heads[0].dep_ != "dobj"
        return _Draft(cue, (tok.i, cue_end), tok, speaker, content, heads, reports)

    def _verbal_content(self, tok: Token, cue: Cue) -> tuple[tuple[int, int] | None, list[Token]]:
        preps = self.lex.prep_content.get(tok.lemma_.lower())
        if preps:  # "X called for an inquiry", "X warned of retaliation": what is called for, warned of
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in preps and c.i == tok.i + 1 and c.right_edge.i > c.i:
                    # a condition after it belongs to what is warned of: "of retaliation if talks fail"
                    conditions = [a for a in tok.children if a.dep_ == "advcl" and a.i > c.i
                                  and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in a.children)]
                    end = max([c.right_edge.i] + [a.right_edge.i for a in conditions])
                    return (c.i + 1, end + 1), [c, *conditions]
        if cue.needs == "call":  # "X urged the government to act", "X demands an end to ..."
            comps = [c for c in tok.children if c.dep_ in _COMPLEMENT_DEPS and c.i > tok.i]
            if not comps:
                objs = [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp") and c.i > tok.i]
                if not objs or objs[0].dep_ != "dobj":
                    return None, []
                if len(objs) == 1 and tok.lemma_.lower() in _PERSON_OBJECT_CALLS:
                    return None, []  # "asked Trump", "advised the minister": whom, not what
                return (objs[0].left_edge.i, max(c.right_edge.i for c in objs) + 1), objs
        if cue.needs == "utterance":  # "X spoke to the press: "..."": only a quotation, never a clause
            content, heads = self._verbal_content(tok, replace(cue, needs=""))
            if content is None:
                return None, []
            start, end = self._chars(self._trim(*content))
            quoted = self.quotes.quoted_chars(start, end)
            return (content, heads) if quoted >= 0.9 * len(self.text[start:end].strip(_QUOTE_CHARS + " ")) \
                else (None, [])
        if cue.needs == "quote":
            if self.quotes.at(tok.idx) is not None:
                return None, []  # the cue is itself inside a quotation: not a quoted predicate
            for c in tok.children:
                if (c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as")) \
                        and self.quotes.overlapping(*self._chars(_subtree_range(c))):
                    return (c.left_edge.i, tok.right_edge.i + 1), [c, tok]
            return None, []
        comps = [c for c in tok.children if c.dep_ in _COMPLEMENT_DEPS and c.pos_ in ("VERB", "AUX", "NOUN",
                                                                                       "PROPN", "ADJ", "PRON")]
        if comps:
            comps = self._one_side(tok, comps)
            ranges = [_subtree_range(c) for c in comps]
            return (min(r[0] for r in ranges), max(r[1] for r in ranges)), comps
        stranded = self._stranded_that_clause(tok)
        if stranded is not None:
            return _subtree_range(stranded), [stranded]
        host = tok.head
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
            return _rest_of_clause(host, tok), [host]
        if tok.dep_ == "parataxis" and tok.i > host.i:  # "The town fell, officials said."
            return _rest_of_clause(host, tok), [host]
        if tok.dep_ == "conj" and tok.i > host.i and not any(
                c.dep_ == "cc" and host.i < c.i < tok.i for c in [*host.children, *tok.children]):
            return _rest_of_clause(host, tok), [host]  # the same, parsed as a conjunct with no "and"
        quote = self._adjacent_quote(tok)
        if quote:
            return quote, []
        # "reported the leader to be dead", "believe the figures to be accurate": object + "to be"
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
        pred = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_ == "be"
                     and obj is not None and c.i > obj.i), None)
        if obj is not None and pred is not None:
            return (obj.left_edge.i, pred.right_edge.i + 1), [pred]
        if obj is not None and tok.lemma_.lower() in self.lex.object_content and obj.pos_ in ("NOUN", "PROPN"):
            # "alleged Iranian involvement", "criticized X for sending ...", "denounced X as adventurism"
            # "alleged land grabs by the ranchers": a "by" the parser hangs on the verb names the object's
            # doer (the speaker is the subject), unless it is the means ("by saying")
            tail = [c for c in tok.children if c.i > obj.i and (
                c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in _OBJECT_TAIL_PREPS)
                or (c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pobj" for g in c.children)))]
            return (obj.left_edge.i, max(c.right_edge.i for c in [obj, *tail]) + 1), [obj, *tail]
        return None, []

    def _one_side(self, tok: Token, comps: list[Token]) -> list[Token]:
        """Complements on both sides of the cue are one content only when both are quoted (a quote
        split by "he said"); otherwise the clause after the cue is the content and the one before is
        the author's."""
        before = [c for c in comps if c.i < tok.i]
        after = [c for c in comps if c.i > tok.i]
        if not before or not after:
            return comps
        if all(self.quotes.at(c.idx) is not None for c in comps):
            return comps
        return after

    @staticmethod
    def _stranded_that_clause(tok: Token) -> Token | None:
        """A "that" clause the parser hung on a noun between the verb and it: "said in a statement
        that ...", "said on Tuesday that ..."."""
        for c in tok.children:
            if c.i < tok.i or c.dep_ not in ("prep", "npadvmod"):
                continue
            nouns = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
            for noun in nouns:
                for clause in noun.children:
                    if clause.dep_ in _CLAUSE_CHILD_DEPS and clause.i > noun.i and any(
                            m.dep_ == "mark" and m.lower_ == "that" and m.pos_ == "SCONJ" for m in clause.children):
                        return clause
        return None

    def _adjacent_quote(self, tok: Token) -> tuple[int, int] | None:
        """A quoted utterance right before or after the reporting clause ('"...," he said' /
        'said: "..."'). The utterance must be set off by punctuation, so a quoted phrase inside a
        clause ('a "grave provocation" that threatened ...') is not taken for speech."""
        doc = self.doc
        start, end = _subtree_range(tok)
        i = start - 1
        set_off = False
        while i >= 0 and (doc[i].text in _SPEECH_PUNCT or doc[i].is_space):
            set_off = set_off or doc[i].text in _SPEECH_PUNCT
            i -= 1
        if i > 0 and doc[i].text in _QUOTE_MARKS:
            q = self.quotes.at(doc[i].idx - 1)
            if q is not None and q.close == i and (set_off or doc[i - 1].text in _UTTERANCE_END):
                return q.open + 1, i
        j = end
        set_off = False
        while j < len(doc) and (doc[j].text in _SPEECH_PUNCT or doc[j].is_space):
            set_off = set_off or doc[j].text in _SPEECH_PUNCT
            j += 1
        if set_off and j < len(doc) and doc[j].text in _QUOTE_MARKS:
            q = self.quotes.at(doc[j].idx + len(doc[j]))
            if q is not None and q.open == j:
                return j + 1, q.close if q.close is not None else self._token_end(q.end)
        return None

    def _nominal(self, tok: Token, cue: Cue) -> _Draft | None:
        if tok.pos_ != "NOUN":
            return None
        clauses = [c for c in tok.children if c.dep_ in _CLAUSE_CHILD_DEPS
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        if not clauses:
            return None
        speaker = self._nominal_speaker(tok)
        if speaker is None:
            return None
        if cue.needs == "source" and not self._is_source(speaker):
            return None
        return _Draft(cue, (tok.i, tok.i + 1), tok, speaker, _subtree_range(clauses[0]), [clauses[0]])

    def _nominal_speaker(self, noun: Token) -> Token | None:
        for c in noun.children:
            if c.dep_ == "poss":
                return c
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in _LIGHT_VERBS:
            return _subject(noun.head)
        return None

    def _according(self, tok: Token, cue: Cue) -> _Draft | None:
        to = [c for c in tok.children if c.lower_ == "to"]
        if not to or tok.head.i == tok.i:
            return None
        objs = [g for g in to[0].children if g.dep_ == "pobj"]
        if not objs:
            return None
        host = _clause_host(tok)
        content = _rest_of_clause(host, tok)
        # "X were injured according to officials, ranging in age from ...": the side with the clause's
        # verb is the content, however long the tail on the other side is
        c_start, c_end = _subtree_range(tok)
        if content is not None and host.i < c_start <= content[0]:
            content = (_subtree_range(host)[0], c_start)
        if content is None:
            return None
        return _Draft(cue, (tok.i, to[0].i + 1), tok, objs[0], content, [host])

    # --- helpers ------------------------------------------------------------------------------

    def _is_source(self, head: Token) -> bool:
        if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or self.actors.at_token(head.i) is not None:
            return True
        if is_pronoun(head):
            return head.lower_ not in ("it", "this", "that", "which")
        if self.lex.is_source(head.lemma_):
            return True
        # "Satellite images and facial recognition technology": any conjunct will do
        return any(c.dep_ == "conj" and self.lex.is_source(c.lemma_) for c in head.children)

    def _chars(self, toks: tuple[int, int]) -> tuple[int, int]:
        span = self.doc[toks[0]:toks[1]]
        return span.start_char, span.end_char

    def _token_end(self, char: int) -> int:
        """Index one past the last token that starts before `char`."""
        return bisect_left(self._token_starts, char)

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        doc = self.doc
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].text in _QUOTE_MARKS
                               or (doc[start].dep_ in _EDGE_TRIM_DEPS and doc[start].lower_ in ("that", "and", "but"))):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in _QUOTE_MARKS
                               or doc[end - 1].dep_ == "cc"):
            end -= 1
        return start, end

    def _is_question(self, draft: _Draft) -> bool:
        """Indirect questions ("did not say whether ...") and questions in the author's voice."""
        first = self.doc[draft.content[0]]
        quoted = self.quotes.at(first.idx) is not None
        if first.lower_ in _QUESTION_WORDS and not quoted:
            return True
        sent = draft.cue_head.sent
        last = next((t for t in reversed(sent) if not t.is_space), None)
        return last is not None and last.text == "?" and self.quotes.at(draft.cue_head.idx) is None \
            and not quoted

    # --- assembly -----------------------------------------------------------------------------

    def _finish(self, draft: _Draft) -> ClaimFinding | None:
        doc = self.doc
        start, end = self._trim(*draft.content)
        if end - start < 1 or not any(t.is_alpha for t in doc[start:end]):
            return None
        draft.content = (start, end)
        if self._is_question(draft):
            return None
        c_start, c_end = self._clip_to_paragraph(self._chars((start, end)), draft.cue_head.idx)
        if c_end <= c_start:
            return None
        # content inside a quotation is the whole quotation (it may run over several sentences)
        q = self.quotes.at(c_start)
        if q is not None and c_end <= q.end and not (draft.cue_tokens[0] >= start and draft.cue_tokens[0] < end):
            c_start, c_end = self._trim_chars(q.start, q.end)
        c_start, c_end = self._balance_quotes(c_start, c_end)
        quoted = self.quotes.quoted_chars(c_start, c_end)
        length = len(self.text[c_start:c_end].strip(_QUOTE_CHARS + " "))
        kind: ClaimKind = "direct" if quoted >= length else ("mixed" if quoted > 0 else "indirect")
        head = draft.speaker_head
        if is_pronoun(head) and head.lower_ not in SPEAKER_PRONOUNS:
            return None  # "this noted ...", "what said ...": a parse error, not a speaker
        if head.lower_ in FIRST_SECOND:
            # outside quotes it is the author's own voice ("we know that ..."); inside a quotation it
            # is part of the quoted speaker's words, which the enclosing claim already carries
            return None
        if not_a_speaker(head, self.actors, self.lex) is not None:
            return None  # "the attack said", "3,000 said": a parse error, not a speaker
        sp: Speaker = self.speakers.speaker(head)
        self.speakers.remember(sp)
        cue_span = self._chars(draft.cue_tokens)
        sure = certainty.decide(draft.cue.certainty, draft.cue_head, draft.content_heads,
                                head if sp.antecedent is None else doc[sp.antecedent], self.lex)
        sure = certainty.stance(sure, self.text[c_start:c_end])
        whole = (min(sp.span[0], cue_span[0], c_start), max(sp.span[1], cue_span[1], c_end))
        return ClaimFinding(speaker=sp.mention, speaker_text=sp.text, speaker_span=sp.span,
                            cue=self.text[cue_span[0]:cue_span[1]], cue_span=cue_span, kind=kind,
                            content_span=(c_start, c_end), span=whole, certainty=sure,
                            attributes_events=draft.attributes_events)

    def _clip_to_paragraph(self, content: tuple[int, int], cue: int) -> tuple[int, int]:
        """Keep the content on the cue's side of any paragraph end inside it. A paragraph ends at a
        line break after sentence-final punctuation or at a blank line; a bare line break in mid
        sentence is a wrapped line and is kept."""
        text = self.text
        start, end = content
        for m in _PARAGRAPH_END.finditer(text, start, end):
            if m.end() <= cue:
                start = max(start, m.end())
            elif m.start() >= cue:
                end = min(end, m.start())
        return self._trim_chars(start, end)

    def _balance_quotes(self, start: int, end: int) -> tuple[int, int]:
        """A content edge inside a quotation moves out to take the whole quoted phrase, marks
        included ('the victim has "severe burns"', not 'the victim has "severe')."""
        text = self.text
        for q in self.quotes.overlapping(start, end):
            q_start, q_end = self._trim_chars(q.start, q.end)
            if q_start < start < q_end or (q_start == start and end > q_end):
                start = q_start
                if start > 0 and text[start - 1] in _QUOTE_CHARS and end > q_end:
                    start -= 1
            if q_start < end < q_end or (q_end == end and start < q_start):
                end = q_end
                if end < len(text) and text[end] in _QUOTE_CHARS and start < q_start:
                    end += 1
        return start, end

    def _trim_chars(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        return start, end

    def _continuations(self, claims: list[ClaimFinding]) -> list[ClaimFinding]:
        """Quoted sentences right after a claim's sentence continue that speaker's quotation."""
        doc = self.doc
        sent_of = self.speakers.sentence_of
        out: list[ClaimFinding] = []
        covered = [c.content_span for c in claims]
        for q in self.quotes.quotes:
            if any(s < q.end and q.start < e for s, e in covered):
                continue
            if len(self.text[q.start:q.end].split()) < _MIN_CONTINUATION_WORDS:
                continue
            first = q.open + 1
            while first < len(doc) and doc[first].is_space:
                first += 1
            if doc[q.open].sent.start != q.open and doc[first].sent.start not in (q.open, first):
                continue  # a quotation inside the author's own sentence
            prev = [c for c in claims + out if c.span[1] <= q.start]
            if not prev:
                continue
            last = max(prev, key=lambda c: c.span[1])
            last_tok = self._token_end(last.span[1]) - 1
            if sent_of(first) - sent_of(last_tok) != 1:
                continue  # only the very next sentence continues the quotation
            start, end = self._trim_chars(q.start, q.end)
            out.append(ClaimFinding(speaker=last.speaker, speaker_text=last.speaker_text,
                                    speaker_span=last.speaker_span, cue=last.cue, cue_span=last.cue_span,
                                    kind="direct", content_span=(start, end),
                                    span=(min(last.span[0], start), max(last.span[1], end)),
                                    certainty=last.certainty))
        return out

    def run(self) -> list[ClaimFinding]:
        drafts: list[_Draft] = []
        lex = self.lex
        strings = self.doc.vocab.strings
        wanted = {strings[w] for table in (lex.verbs, lex.nouns) for w in table}
        wanted.add(strings["according"])
        hits = [i for i, (lemma_id, lower_id) in enumerate(self._attrs[:, 1:].tolist())
                if lemma_id in wanted or lower_id in wanted]
        for i in hits:
            tok = self.doc[i]
            lemma = tok.lemma_.lower()
            draft: _Draft | None = None
            if tok.lower_ == "according" and "according to" in lex.preps:
                draft = self._according(tok, lex.preps["according to"])
            elif lemma in lex.verbs and tok.pos_ in ("VERB", "AUX"):
                draft = self._verbal(tok, lex.verbs[lemma])
            elif lemma in lex.nouns and tok.pos_ == "NOUN":
                draft = self._nominal(tok, lex.nouns[lemma])
            if draft is not None:
                drafts.append(draft)
        claims: list[ClaimFinding] = []
        seen: set[tuple[int, int]] = set()
        # speakers resolve in text order of their names, so antecedents come first
        for draft in sorted(drafts, key=lambda d: d.speaker_head.i):
            claim = self._finish(draft)
            if claim is not None and claim.content_span not in seen:
                seen.add(claim.content_span)
                claims.append(claim)
        claims.extend(self._continuations(claims))
        claims.extend(self._unattributed(claims))
        claims.extend(self._raised(claims))
        claims.sort(key=lambda c: c.span)
        return claims

    def _raised(self, claims: list[ClaimFinding]) -> list[ClaimFinding]:
        """"The driver is reported to be in critical condition", "talks are expected to resume": a passive
        reporting verb with an infinitive and no agent is a claim with no speaker, whose content is the
        infinitive (data/claims/raising.csv), unless it lies inside a claim that has one."""
        out: list[ClaimFinding] = []
        doc = self.doc
        strings = doc.vocab.strings
        wanted = {strings[w] for w in self.lex.raising}
        for i in [i for i, lemma_id in enumerate(self._attrs[:, 1].tolist()) if lemma_id in wanted]:
            tok = doc[i]
            lemma = tok.lemma_.lower()
            if tok.tag_ != "VBN" or any(c.dep_ == "agent" for c in tok.children):
                continue
            # passive: its own passive subject or auxiliary ("... and is reported to be"), or a participle on
            # its noun ("the leader, believed to be hiding in ...")
            if not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) and tok.dep_ != "acl":
                continue
            inf = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i
                        and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
            if inf is None:
                continue
            start, end = self._trim(*_subtree_range(inf))
            if end - start < 2:
                continue
            span = self._chars((start, end))
            if any(c.content_span[0] <= tok.idx < c.content_span[1] for c in claims if c.speaker_text):
                continue  # inside attributed speech: the speaker's own words
            cue_start = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("aux", "auxpass") and c.i < tok.i])
            cue = self._chars((cue_start, tok.i + 1))
            out.append(ClaimFinding(speaker=None, speaker_text="", speaker_span=(cue[0], cue[0]),
                                    cue=self.text[cue[0]:cue[1]], cue_span=cue, kind="indirect", content_span=span,
                                    span=(min(cue[0], span[0]), max(cue[1], span[1])),
                                    certainty=self.lex.verbs[lemma].certainty))
        return out

    def _unattributed(self, claims: list[ClaimFinding]) -> list[ClaimFinding]:
        """"reportedly conducted by the Taliban": the clause the hedge modifies, with no speaker."""
        out: list[ClaimFinding] = []
        doc = self.doc
        hedges = {w for w, h in self.lex.hedges.items() if h.certainty == "claimed" and h.where in ("both", "content")}
        for tok in doc:
            if tok.lower_ not in hedges or tok.pos_ != "ADV" or tok.dep_ != "advmod":
                continue
            head = tok.head
            if head.lemma_.lower() in self.lex.verbs:
                continue  # "reportedly said": a hedge on the cue of a claim with a speaker
            start, end = _subtree_range(head)
            if start == tok.i:
                start += 1
            start, end = self._trim(start, end)
            if end - start < 2:
                continue
            span = self._chars((start, end))
            if any(c.content_span[0] <= span[0] and span[1] <= c.content_span[1] for c in claims) or any(
                    c.content_span[0] <= tok.idx < c.content_span[1] for c in claims):
                continue  # inside attributed speech: the speaker's hedge, read by `certainty`
            cue = (tok.idx, tok.idx + len(tok))
            out.append(ClaimFinding(speaker=None, speaker_text="", speaker_span=(cue[0], cue[0]), cue=tok.text,
                                    cue_span=cue, kind="indirect", content_span=span,
                                    span=(min(cue[0], span[0]), max(cue[1], span[1])), certainty="claimed"))
        return out


def find_claims(doc: Doc, actors: ActorIndex) -> list[ClaimFinding]:
    """Every claim in `doc`: speaker, cue, content, kind and certainty."""
    return _Finder(doc, actors, lexicon()).run()
