"""The analysis pipeline: one text in, one `dotterel/1` Document out.

Stages run in a fixed order over one parsed `Doc`; each is a plain function in its own module:
actors -> claims -> events -> quantities -> dates -> genre, then `assemble` links and numbers them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from dotterel import __version__, knowledge, nlp
from dotterel.actors import resolve_actors
from dotterel.assemble import Findings, assemble
from dotterel.claims import find_claims
from dotterel.claims.voice import with_quoted_speakers
from dotterel.dates import find_dates
from dotterel.errors import DotterelError
from dotterel.events import code_events
from dotterel.genre import classify_genre
from dotterel.model import Coder, Document, ErrorRecord, SourceItem
from dotterel.pubdate import parse_pub_date
from dotterel.quantities import find_quantities
from dotterel.sources.normalize import prepare, text_sha256

log = logging.getLogger(__name__)
NO_DATE_WARNING = "no publication date given: relative dates stay unresolved (value null)"


def coder_block() -> Coder:
    return Coder(name="dotterel", version=__version__, model=nlp.model_name(), knowledge=knowledge.fingerprint())


def find_all(doc: Doc, pub_date: dt.date | None) -> Findings:
    """Run every extraction stage over one parsed document."""
    actors = resolve_actors(doc, pub_date)
    claims = find_claims(doc, actors)
    genre = classify_genre(doc)
    return Findings(
        actors=actors,
        claims=claims,
        # "we"/"I" inside a quote act as its speaker: the coder sees them as mentions of the speaker's actor
        events=code_events(doc, with_quoted_speakers(doc, actors, claims), opinion=genre.label == "opinion"),
        quantities=find_quantities(doc),
        dates=find_dates(doc, pub_date),
        genre=genre,
    )


class Analyzer:
    """Analyses prepared items; the spaCy pipeline is loaded once per process."""

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self._coder: Coder | None = None

    @property
    def coder(self) -> Coder:
        """The coder block; loads the pipeline on first use, so bad input is refused without waiting for it."""
        if self._coder is None:
            self._coder = coder_block()
        return self._coder

    def analyze(self, item: SourceItem) -> Document:
        """Analyse one raw item (prepared here, once); raises DotterelError with a one-line reason when it cannot."""
        record = next(self.analyze_many([item]))
        if isinstance(record, ErrorRecord):
            raise DotterelError(record.error)
        return record

    def analyze_many(self, items: Iterable[SourceItem]) -> Iterator[Document | ErrorRecord]:
        """Analyse items in order, yielding a Document or an ErrorRecord for each one."""
        pending: list[tuple[SourceItem, SourceItem | ErrorRecord]] = []
        for item in items:
            try:
                pending.append((item, prepare(item)))
            except DotterelError as err:
                pending.append((item, ErrorRecord(id=item.id, error=str(err))))
            if len(pending) >= self.batch_size:
                yield from self._run(pending)
                pending = []
        if pending:
            yield from self._run(pending)

    def _run(self, pending: list[tuple[SourceItem, SourceItem | ErrorRecord]]) -> Iterator[Document | ErrorRecord]:
        ready = [p for _, p in pending if isinstance(p, SourceItem)]
        docs = nlp.parse_many((p.text for p in ready), batch_size=self.batch_size)
        for original, prepared in pending:
            if isinstance(prepared, ErrorRecord):
                yield prepared
                continue
            doc = next(docs)
            try:
                yield self._document(prepared, doc)
            except DotterelError as err:
                yield ErrorRecord(id=original.id, error=str(err))
            except Exception as err:  # noqa: BLE001 - one bad document must not stop a corpus run
                log.debug("internal error analysing %s", original.id or original.path, exc_info=True)
                yield ErrorRecord(id=original.id, error=f"internal error: {type(err).__name__}: {err}")

    def _document(self, item: SourceItem, doc: Doc) -> Document:
        pub_date = parse_pub_date(item.date)
        sha = text_sha256(item.text)
        warnings = ([] if pub_date else [NO_DATE_WARNING]) + item.warnings
        return assemble(
            doc,
            find_all(doc, pub_date),
            doc_id=item.id or sha[:16],
            sha=sha,
            item=item,
            pub_date=pub_date,
            coder=self.coder,
            warnings=warnings,
        )
