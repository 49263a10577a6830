"""Find knowledge-base aliases in a parsed Doc with one spaCy PhraseMatcher (built once per vocab).

Matching is on exact token text (ORTH), so "US" matches and "us" does not, and proper names are not
confused with common words ("Chad", "turkey"). Overlapping matches resolve to the longest, then the
earliest ("North Korean" beats "Korean"; "UN Security Council" beats "UN").
"""

from __future__ import annotations

import threading

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dotterel import nlp
from dotterel.actors.kb import Actor, KnowledgeBase, load

_LOCK = threading.Lock()
_MATCHERS: dict[int, tuple[Vocab, PhraseMatcher, dict[int, str]]] = {}


def _tokenizer(vocab: Vocab) -> Tokenizer:
    """The pinned pipeline's tokenizer when the Doc came from it (already loaded: no cost), else a
    blank English one with the same rules (hand-built Docs in tests)."""
    if nlp.load.cache_info().currsize and nlp.load().vocab is vocab:
        return nlp.load().tokenizer
    return spacy.blank("en").tokenizer


def _build(vocab: Vocab, kb: KnowledgeBase) -> tuple[PhraseMatcher, dict[int, str]]:
    aliases = list(kb.aliases)
    matcher = PhraseMatcher(vocab, attr="ORTH")
    labels: dict[int, str] = {}
    for alias, pattern in zip(aliases, _tokenizer(vocab).pipe(aliases)):
        labels[vocab.strings.add(alias)] = alias
        matcher.add(alias, [pattern])
    return matcher, labels


def matcher_for(vocab: Vocab) -> tuple[PhraseMatcher, dict[int, str]]:
    """The alias matcher for this vocab (cached; the pipeline's vocab lives for the process)."""
    entry = _MATCHERS.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        with _LOCK:
            entry = _MATCHERS.get(id(vocab))
            if entry is None or entry[0] is not vocab:
                matcher, labels = _build(vocab, load())
                entry = (vocab, matcher, labels)
                _MATCHERS[id(vocab)] = entry
    return entry[1], entry[2]


def find_aliases(doc: Doc) -> list[tuple[int, int, str, list[Actor]]]:
    """Non-overlapping alias matches (token start, token end, alias, candidate actors) in text order."""
    matcher, labels = matcher_for(doc.vocab)
    kb = load()
    found = sorted(matcher(doc), key=lambda m: (m[1] - m[2], m[1]))  # longest first, then earliest
    taken: set[int] = set()
    out: list[tuple[int, int, str, list[Actor]]] = []
    for key, start, end in found:
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        alias = labels[key]
        out.append((start, end, alias, kb.aliases[alias]))
    out.sort(key=lambda m: m[0])
    return out
