"""Writing analysed documents: one transaction per batch, only ever from the main process.

`write_batch(store, run_id, outcomes)` stores each outcome (a Document, or a quarantine entry) inside
one transaction that holds the write lock, so a killed process leaves either the whole batch or
nothing. Identity checks run again inside the transaction, so two writers (or a re-run after a kill)
never store a document twice:

- a document is its `text_sha256`; the same text again is a duplicate;
- a coding is (document, coder version, knowledge fingerprint); with `recode=True` a stored document
  coded by another coder gets a new coding, which becomes the document's current one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, insert, select, update

from dotterel.model import Casualties, Document, Event, to_json
from dotterel.store import schema as s
from dotterel.store.buckets import buckets
from dotterel.store.engine import Store, StoreError, clip, error_line
from dotterel.store.textsafe import clean


@dataclass(slots=True)
class Quarantined:
    """Something that could not be read or analysed, with where it came from."""

    path: str
    reason: str
    locator: str = ""
    item_id: str | None = None


@dataclass(slots=True)
class Analysed:
    """A document the pipeline produced, with where it came from (file, or file:line)."""

    doc: Document
    path: str | None = None


Outcome = Analysed | Quarantined


@dataclass
class BatchResult:
    stored: int = 0
    recoded: int = 0
    duplicates: int = 0
    quarantined: int = 0
    events: int = 0
    stored_shas: list[str] = field(default_factory=list)


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def start_run(store: Store, inputs: Sequence[str], coder_version: str, coder_knowledge: str, workers: int) -> int:
    with store.write() as conn:
        return conn.execute(
            insert(s.ingest_runs).returning(s.ingest_runs.c.id),
            dict(started_at=now(), status="running", inputs=json.dumps(list(inputs)), coder_version=coder_version,
                 coder_knowledge=coder_knowledge, workers=workers, n_read=0, n_stored=0, n_recoded=0,
                 n_duplicates=0, n_quarantined=0, n_events=0),
        ).scalar_one()


def finish_run(store: Store, run_id: int, status: str, n_read: int) -> None:
    with store.write() as conn:
        conn.execute(update(s.ingest_runs).where(s.ingest_runs.c.id == run_id)
                     .values(status=status, finished_at=now(), n_read=n_read))


def write_batch(store: Store, run_id: int, outcomes: Sequence[Outcome], *, recode: bool = False,
                skipped: int = 0) -> BatchResult:
    """Store a batch in one transaction; returns what happened to each kind of outcome.

    `skipped` counts duplicates the caller dropped before analysis (added to the run's counters only).
    """
    try:
        return _write_batch(store, run_id, outcomes, recode, skipped)
    except StoreError:
        raise  # the store itself failed (locked, read-only, full, gone): one line, the run stops
    except Exception as err:  # noqa: BLE001 - a document the store refused: retry one at a time
        if not any(isinstance(o, Analysed) for o in outcomes):
            raise
        return _one_by_one(store, run_id, outcomes, recode, skipped, err)


def _one_by_one(store: Store, run_id: int, outcomes: Sequence[Outcome], recode: bool, skipped: int,
                first: Exception) -> BatchResult:
    """The batch failed: write each outcome in its own transaction, quarantining a document that fails."""
    total = BatchResult()
    for i, outcome in enumerate(outcomes):
        extra = skipped if i == 0 else 0
        try:
            r = _write_batch(store, run_id, [outcome], recode, extra)
        except StoreError:
            raise
        except Exception as err:  # noqa: BLE001
            if not isinstance(outcome, Analysed):
                raise first from err
            doc = outcome.doc
            r = _write_batch(store, run_id, [Quarantined(path=outcome.path or "", item_id=doc.id, reason=(
                f"the store refused this document: {error_line(err)}"))], recode, extra)
        total.stored += r.stored
        total.recoded += r.recoded
        total.duplicates += r.duplicates
        total.quarantined += r.quarantined
        total.events += r.events
        total.stored_shas += r.stored_shas
    return total


def _write_batch(store: Store, run_id: int, outcomes: Sequence[Outcome], recode: bool, skipped: int) -> BatchResult:
    result = BatchResult()
    with store.write() as conn:
        for outcome in outcomes:
            if isinstance(outcome, Quarantined):
                result.quarantined += _quarantine(conn, run_id, outcome)
            else:
                _store_document(conn, run_id, outcome, recode, result)
        conn.execute(
            update(s.ingest_runs).where(s.ingest_runs.c.id == run_id).values(
                n_stored=s.ingest_runs.c.n_stored + result.stored,
                n_recoded=s.ingest_runs.c.n_recoded + result.recoded,
                n_duplicates=s.ingest_runs.c.n_duplicates + result.duplicates + skipped,
                n_quarantined=s.ingest_runs.c.n_quarantined + result.quarantined,
                n_events=s.ingest_runs.c.n_events + result.events,
            )
        )
    return result


def _quarantine(conn: Connection, run_id: int, q: Quarantined) -> int:
    """Quarantine `q` (counted as 1); no new row when it was already quarantined for the same reason."""
    t = s.quarantine
    q = Quarantined(path=clean(q.path) or "", reason=clean(q.reason) or "", locator=clean(q.locator) or "",
                    item_id=None if q.item_id is None else clip(clean(q.item_id) or "", s.ID_CHARS))
    seen = conn.execute(
        select(t.c.id).where(t.c.path == q.path, t.c.locator == q.locator, t.c.reason == q.reason).limit(1)
    ).first()
    if seen:
        return 1
    conn.execute(insert(t), dict(run_id=run_id, path=q.path, locator=q.locator, item_id=q.item_id,
                                 reason=q.reason, created_at=now()))
    return 1


def _store_document(conn: Connection, run_id: int, a: Analysed, recode: bool, result: BatchResult) -> None:
    doc = a.doc
    d = s.documents
    row = conn.execute(select(d.c.id).where(d.c.sha256 == doc.text_sha256)).first()
    if row is not None:
        doc_pk = row.id
        c = s.codings
        coded = conn.execute(select(c.c.id).where(
            c.c.document_id == doc_pk, c.c.coder_version == doc.coder.version,
            c.c.coder_knowledge == doc.coder.knowledge)).first()
        if coded is not None or not recode:
            result.duplicates += 1
            return
        _insert_coding(conn, run_id, doc_pk, doc)
        result.recoded += 1
        result.events += len(doc.events)
        return
    if len(doc.id) > s.ID_CHARS:
        result.quarantined += _quarantine(conn, run_id, Quarantined(
            path=a.path or "", item_id=doc.id,
            reason=f"id is {len(doc.id)} characters; the store keeps ids of at most {s.ID_CHARS}"))
        return
    taken = conn.execute(select(d.c.sha256).where(d.c.doc_id == doc.id)).first()
    if taken is not None:
        result.quarantined += _quarantine(conn, run_id, Quarantined(
            path=a.path or "", item_id=doc.id,
            reason=f"id {doc.id!r} is already used by a different text (sha256 {taken.sha256[:16]}…)"))
        return
    pub = buckets(doc.pub_date)
    doc_pk = conn.execute(insert(d).returning(d.c.id), dict(
        doc_id=doc.id, sha256=doc.text_sha256, title=doc.title, url=doc.url, source=doc.source, path=a.path,
        language=doc.language, pub_date=doc.pub_date, pub_day=pub.day, pub_week=pub.week, pub_month=pub.month,
        n_chars=len(doc.text), text=doc.text, current_coding_id=None, run_id=run_id, ingested_at=now(),
    )).scalar_one()
    _insert_coding(conn, run_id, doc_pk, doc)
    result.stored += 1
    result.events += len(doc.events)
    result.stored_shas.append(doc.text_sha256)


def _insert_coding(conn: Connection, run_id: int, doc_pk: int, doc: Document) -> int:
    c = s.codings
    coding_id = conn.execute(insert(c).returning(c.c.id), dict(
        document_id=doc_pk, coder_name=doc.coder.name, coder_version=doc.coder.version,
        coder_knowledge=doc.coder.knowledge, coder_model=doc.coder.model, genre_label=doc.genre.label,
        genre_score=doc.genre.score, n_events=len(doc.events), record=to_json(doc).decode(), run_id=run_id,
        created_at=now(),
    )).scalar_one()
    if doc.entities:
        conn.execute(insert(s.entities), [dict(
            coding_id=coding_id, local_id=e.id, text=e.text, code=e.code, sector=e.sector, name=e.name,
            kind=e.kind, spans=json.dumps([list(sp) for sp in e.spans])) for e in doc.entities])
    if doc.events:
        event_ids = conn.execute(
            insert(s.events).returning(s.events.c.id, sort_by_parameter_order=True),
            [_event_row(coding_id, doc_pk, doc, ev) for ev in doc.events],
        ).scalars().all()
        actor_rows = [
            dict(event_id=event_id, role=role, position=i, text=ref.text, code=ref.code, sector=ref.sector,
                 entity=ref.entity, span_start=ref.span[0], span_end=ref.span[1])
            for event_id, ev in zip(event_ids, doc.events)
            for role, refs in (("actor", ev.actor), ("recipient", ev.recipient))
            for i, ref in enumerate(refs)
        ]
        if actor_rows:
            conn.execute(insert(s.event_actors), actor_rows)
    if doc.claims:
        conn.execute(insert(s.claims), [dict(
            coding_id=coding_id, local_id=cl.id, speaker_text=cl.speaker.text if cl.speaker else None,
            speaker_code=cl.speaker.code if cl.speaker else None,
            speaker_sector=cl.speaker.sector if cl.speaker else None,
            speaker_entity=cl.speaker.entity if cl.speaker else None, cue=cl.cue, kind=cl.kind,
            content=cl.content, certainty=cl.certainty, events=json.dumps(cl.events),
            span_start=cl.span[0], span_end=cl.span[1], content_start=cl.content_span[0],
            content_end=cl.content_span[1]) for cl in doc.claims])
    if doc.quantities:
        conn.execute(insert(s.quantities), [dict(
            coding_id=coding_id, local_id=q.id, text=q.text, value=q.value, unit=q.unit, role=q.role,
            bound=q.bound, low=q.low, high=q.high, projected=q.projected, event=q.event,
            span_start=q.span[0], span_end=q.span[1], counts_text=q.counts.text if q.counts else None,
            counts_start=q.counts.span[0] if q.counts else None, counts_end=q.counts.span[1] if q.counts else None)
            for q in doc.quantities])
    # The newest coding is the current one: queries join through documents.current_coding_id.
    conn.execute(update(s.documents).where(s.documents.c.id == doc_pk).values(current_coding_id=coding_id))
    return coding_id


def event_when(doc: Document, ev: Event) -> str | None:
    """The best date for an event: its own day-precise date, else the report date, else pub date."""
    if ev.date is not None and ev.date.value and len(ev.date.value) >= 10:
        return ev.date.value[:10]
    if ev.report_date and len(ev.report_date) >= 10:
        return ev.report_date[:10]
    if doc.pub_date:
        return doc.pub_date[:10]
    if ev.date is not None and ev.date.value:
        return ev.date.value  # month or year precision: only the month bucket can use it
    return None


def _event_row(coding_id: int, doc_pk: int, doc: Document, ev: Event) -> dict:
    when = event_when(doc, ev)
    b = buckets(when)
    att, loc, date = ev.attribution, ev.location, ev.date
    return dict(
        coding_id=coding_id, document_id=doc_pk, local_id=ev.id, type=ev.type, mode=ev.mode,
        context=json.dumps(ev.context), quad=ev.quad, score=ev.score, modality=ev.modality,
        confidence=ev.confidence, date=when, day=b.day, week=b.week, month=b.month,
        event_date_text=date.text if date else None, event_date=date.value if date else None,
        event_date_precision=date.precision if date else None, report_date=ev.report_date,
        attribution_source=att.source if att else None, attribution_code=att.code if att else None,
        attribution_sector=att.sector if att else None, attribution_cue=att.cue if att else None,
        attribution_claim=att.claim if att else None, attribution_certainty=att.certainty if att else None,
        location_text=loc.text if loc else None, location_code=loc.code if loc else None,
        location_lat=loc.lat if loc else None, location_lon=loc.lon if loc else None,
        location_geonames_id=loc.geonames_id if loc else None,
        quantities=json.dumps(ev.quantities), sentence=ev.sentence, span_start=ev.span[0], span_end=ev.span[1],
        trigger_text=ev.trigger.text, trigger_start=ev.trigger.span[0], trigger_end=ev.trigger.span[1],
        **_casualty_columns("fatalities", ev.fatalities), **_casualty_columns("injured", ev.injured),
    )


def _casualty_columns(name: str, fig: Casualties | None) -> dict[str, int | str | None]:
    return {f"{name}_low": fig.low if fig else None, f"{name}_best": fig.best if fig else None,
            f"{name}_high": fig.high if fig else None, f"{name}_source": fig.source if fig else None}


def known_documents(store: Store, shas: Sequence[str], coder_version: str, coder_knowledge: str) -> dict[str, bool]:
    """For each stored sha among `shas`: whether it already has a coding by this coder."""
    if not shas:
        return {}
    d, c = s.documents, s.codings
    found: dict[str, bool] = {}
    with store.connect() as conn:
        for chunk_start in range(0, len(shas), 500):
            chunk = list(shas[chunk_start:chunk_start + 500])
            rows = conn.execute(
                select(d.c.sha256, func.count(c.c.id))
                .select_from(d.outerjoin(c, (c.c.document_id == d.c.id) & (c.c.coder_version == coder_version)
                                         & (c.c.coder_knowledge == coder_knowledge)))
                .where(d.c.sha256.in_(chunk)).group_by(d.c.sha256)
            )
            found.update({sha: n > 0 for sha, n in rows})
    return found
