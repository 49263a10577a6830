"""The ingest loop: read sources, skip what is stored, analyse in batches, write each batch atomically.

    store = open_store("corpus.db")
    summary = ingest(store, ["articles/", "feed.xml"], workers=2)

Why it is resumable: a document's identity is the hash of its normalised text; the reading process
computes it before analysis where it can (every input except raw HTML inside JSONL), skips documents
already stored with a coding by the current coder, and writes each analysed batch in one transaction
(`store.writer.write_batch`), which checks identity again. A run killed at any moment leaves whole
batches only; running it again stores the rest.

Only this process writes. Analysis runs here (`workers=0`), in a Dask LocalCluster (`workers=N`), or on
an existing cluster (`scheduler="tcp://host:8786"`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from dotterel import __version__, knowledge
from dotterel.model import Document, ErrorRecord, SourceItem
from dotterel.runs.workers import analyze_items
from dotterel.sources.normalize import looks_like_html, normalize_text, text_sha256
from dotterel.sources.readers import Source, iter_sources
from dotterel.store import schema as s
from dotterel.store.engine import Store, StoreError
from dotterel.store.writer import (
    Analysed,
    BatchResult,
    Outcome,
    Quarantined,
    finish_run,
    known_documents,
    start_run,
    write_batch,
)

Advance = Callable[[int], None]


@dataclass
class IngestSummary:
    run_id: int
    read: int = 0
    stored: int = 0
    recoded: int = 0
    duplicates: int = 0
    quarantined: int = 0
    events: int = 0
    elapsed: float = 0.0
    workers: int = 0

    @property
    def docs_per_s(self) -> float:
        return self.read / self.elapsed if self.elapsed > 0 else 0.0

    def add(self, r: BatchResult) -> None:
        self.stored += r.stored
        self.recoded += r.recoded
        self.duplicates += r.duplicates
        self.quarantined += r.quarantined
        self.events += r.events


@dataclass
class _Batch:
    """Sources to analyse, plus outcomes already known (read errors) to write with them."""

    sources: list[Source] = field(default_factory=list)
    known: list[Outcome] = field(default_factory=list)
    skipped: int = 0  # duplicates found before analysis

    def __len__(self) -> int:
        return len(self.sources) + len(self.known) + self.skipped


def coder_key() -> tuple[str, str]:
    """(version, knowledge fingerprint) of the coder in this process: the key of a coding."""
    return __version__, knowledge.fingerprint()


def _sha_before_analysis(item: SourceItem) -> str | None:
    """The document's identity, if it can be known without analysing (HTML is only cleaned by `prepare`)."""
    if looks_like_html(item.text):
        return None
    return text_sha256(normalize_text(item.text))


def _quarantined(src: Source, reason: str) -> Quarantined:
    return Quarantined(path=src.path, locator=src.locator, reason=reason, item_id=src.item.id if src.item else None)


def plan_batches(store: Store, sources: Iterable[Source], batch_size: int, recode: bool) -> Iterator[_Batch]:
    """Group sources into batches to analyse, dropping those already stored (or seen in this run)."""
    version, fingerprint = coder_key()
    seen: set[str] = set()
    chunk: list[Source] = []

    def flush() -> _Batch:
        batch = _Batch()
        shas = {id(src): _sha_before_analysis(src.item) for src in chunk if src.item is not None}
        stored = known_documents(store, [x for x in shas.values() if x], version, fingerprint)
        for src in chunk:
            if src.item is None:
                batch.known.append(_quarantined(src, src.error or "unreadable"))
                continue
            sha = shas[id(src)]
            if sha is not None:
                if sha in seen or (sha in stored and (stored[sha] or not recode)):
                    batch.skipped += 1
                    continue
                seen.add(sha)
            batch.sources.append(src)
        return batch

    for src in sources:
        chunk.append(src)
        if len(chunk) >= batch_size:
            yield flush()
            chunk = []
    if chunk:
        yield flush()


def stored_to_recode(store: Store) -> Iterator[Source]:
    """Stored documents without a coding by the current coder, as Sources to analyse again."""
    version, fingerprint = coder_key()
    d, c = s.documents, s.codings
    current = select(c.c.id).where(c.c.document_id == d.c.id, c.c.coder_version == version,
                                   c.c.coder_knowledge == fingerprint).exists()
    with store.connect() as conn:
        pks = conn.execute(select(d.c.id).where(~current).order_by(d.c.id)).scalars().all()
    for start in range(0, len(pks), 200):
        with store.connect() as conn:
            rows = conn.execute(select(d).where(d.c.id.in_(pks[start:start + 200])).order_by(d.c.id)).all()
        for r in rows:
            item = SourceItem(text=r.text, id=r.doc_id, date=r.pub_date, title=r.title, url=r.url,
                              source=r.source, path=r.path)
            yield Source(path=r.path or f"stored:{r.doc_id}", item=item)


def _outcomes(batch: _Batch, results: Sequence[Document | ErrorRecord]) -> list[Outcome]:
    out = list(batch.known)
    for src, res in zip(batch.sources, results, strict=True):
        if isinstance(res, ErrorRecord):
            out.append(_quarantined(src, res.error))
        else:
            out.append(Analysed(doc=res, path=src.where))
    return out


def _failed(batch: _Batch, reason: str) -> list[Outcome]:
    return list(batch.known) + [_quarantined(src, reason) for src in batch.sources]


def ingest(
    store: Store,
    paths: Sequence[str],
    *,
    workers: int = 0,
    scheduler: str | None = None,
    batch_size: int = 32,
    recode: bool = False,
    advance: Advance | None = None,
    client=None,
) -> IngestSummary:
    """Ingest `paths` (files or directories) into `store`; see the module docstring.

    `client`: an already connected Dask client to analyse on (instead of `workers`/`scheduler`).
    """
    started = time.perf_counter()
    version, fingerprint = coder_key()

    def sources() -> Iterator[Source]:
        yield from iter_sources(paths, skip=store.files())  # never the store's own database files
        if recode:
            yield from stored_to_recode(store)

    def run(analysed: Iterator[tuple[_Batch, list[Outcome]]], n: int) -> IngestSummary:
        summary = IngestSummary(run_id=start_run(store, paths, version, fingerprint, n), workers=n)
        status = "failed"
        try:
            for batch, outcomes in analysed:
                if not outcomes and not batch.skipped:
                    continue
                result = write_batch(store, summary.run_id, outcomes, recode=recode, skipped=batch.skipped)
                summary.add(result)
                summary.duplicates += batch.skipped
                summary.read += len(batch)
                if advance:
                    advance(len(batch))
            status = "done"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        except StoreError:
            # the store itself failed (server gone, disk full, lock held): marking the run failed would only
            # wait for it again and replace this first error; the run stays "running", as after a SIGKILL
            status = "store failed"
            raise
        finally:
            summary.elapsed = time.perf_counter() - started
            if status != "store failed":
                finish_run(store, summary.run_id, status, summary.read)
        return summary

    batches = plan_batches(store, sources(), batch_size, recode)
    if client is not None:
        from dotterel.runs.workers import n_workers

        n = n_workers(client)
        return run(_distributed(client, batches, batch_size, in_flight=2 * n), n)
    if not workers and not scheduler:
        local = ((b, _outcomes(b, analyze_items([x.item for x in b.sources if x.item], batch_size) if b.sources else []))
                 for b in batches)
        return run(local, 0)

    from dotterel.runs.workers import dask_client, n_workers

    with dask_client(workers=workers or None, scheduler=scheduler) as client:
        n = n_workers(client)
        return run(_distributed(client, batches, batch_size, in_flight=2 * n), n)


ANALYSIS_CHUNK = 8  # documents per worker task: small tasks keep every worker busy to the end of a run


def _distributed(client, batches: Iterator[_Batch], batch_size: int, in_flight: int) -> Iterator[tuple[_Batch, list[Outcome]]]:
    """Keep up to `in_flight` batches on the workers, each split into tasks of `ANALYSIS_CHUNK` documents so
    the last batches of a run spread over every worker; yield each batch's outcomes once all its tasks are in."""
    from distributed import as_completed

    pending = as_completed()
    owner: dict[str, tuple[int, int]] = {}  # future key -> (batch number, chunk number)
    open_batches: dict[int, tuple[_Batch, list[list[Document | ErrorRecord] | None], list[str]]] = {}
    exhausted = False
    numbered = enumerate(batches)

    def fill() -> list[_Batch]:
        """Submit batches until `in_flight` are out; returns those that need no analysis."""
        nonlocal exhausted
        ready: list[_Batch] = []
        while not exhausted and len(open_batches) < in_flight:
            n, batch = next(numbered, (None, None))
            if batch is None or n is None:
                exhausted = True
            elif not batch.sources:
                ready.append(batch)
            else:
                items = [x.item for x in batch.sources if x.item]  # plan_batches keeps only readable ones
                chunks = [items[i:i + ANALYSIS_CHUNK] for i in range(0, len(items), ANALYSIS_CHUNK)]
                open_batches[n] = (batch, [None] * len(chunks), [])
                for c, chunk in enumerate(chunks):
                    fut = client.submit(analyze_items, chunk, batch_size, pure=False)
                    owner[fut.key] = (n, c)
                    pending.add(fut)
        return ready

    while True:
        for batch in fill():
            yield batch, list(batch.known)
        if pending.is_empty():
            if exhausted:
                return
            continue
        fut = next(pending)
        n, c = owner.pop(fut.key)
        batch, parts, errors = open_batches[n]
        try:
            parts[c] = fut.result()
        except Exception as err:  # noqa: BLE001 - a dead worker costs its batch (quarantined), not the run
            parts[c] = []
            errors.append(f"analysis worker failed: {type(err).__name__}: {err}".splitlines()[0])
        fut.release()
        if any(p is None for p in parts):
            continue
        del open_batches[n]
        if errors:
            yield batch, _failed(batch, errors[0])
        else:
            yield batch, _outcomes(batch, [r for part in parts if part is not None for r in part])
