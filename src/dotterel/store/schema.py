"""The relational schema of the store (SQLAlchemy 2 Core tables).

Layout, and why:
- `documents` is one row per distinct normalised text (`sha256` is the identity; `doc_id` the public id).
- `codings` is one row per (document, coder version, knowledge fingerprint): the full `dotterel/1`
  JSON of that coding is kept in `record` so nothing is lost; `documents.current_coding_id` points at the
  newest coding, which is the one every query sees.
- `entities`, `events`, `event_actors`, `claims`, `quantities` are the queryable rows of a coding.
  `event_actors` holds one row per actor/recipient (`role` = actor|recipient) so dyad queries are
  plain indexed joins.
- Date bucket keys (`day` '2024-10-24', `week` '2024-W43', `month` '2024-10') are stored columns computed
  in Python, so SQLite and PostgreSQL answer the same queries the same way.
- `ingest_runs` and `quarantine` record what each run did and what it could not store.

The Alembic migrations in `migrations/versions/` create exactly these tables; a test compares them.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# The widest document id the store keeps (documents.doc_id, quarantine.item_id): the writer quarantines a
# document with a longer id on both dialects, rather than SQLite keeping it and PostgreSQL refusing it.
ID_CHARS = 200

# Named constraints keep Alembic autogenerate/compare stable across SQLite and PostgreSQL.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),  # running | done | failed (killed runs stay 'running')
    Column("inputs", Text, nullable=False),  # JSON list of the paths given
    Column("coder_version", String(32), nullable=False),
    Column("coder_knowledge", String(64), nullable=False),
    Column("workers", Integer, nullable=False),
    Column("n_read", Integer, nullable=False, default=0),
    Column("n_stored", Integer, nullable=False, default=0),
    Column("n_recoded", Integer, nullable=False, default=0),
    Column("n_duplicates", Integer, nullable=False, default=0),
    Column("n_quarantined", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(ID_CHARS), nullable=False, unique=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("path", Text),  # where it was read from (file, or file:line for JSONL)
    Column("language", String(8), nullable=False),
    Column("pub_date", String(10)),
    Column("pub_day", String(10)),
    Column("pub_week", String(8)),
    Column("pub_month", String(7)),
    Column("n_chars", Integer, nullable=False),
    Column("text", Text, nullable=False),
    # Points at the newest coding; no FK constraint because codings reference documents (a cycle).
    Column("current_coding_id", Integer),
    Column("run_id", Integer, ForeignKey("ingest_runs.id"), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index(None, "pub_day"),
    Index(None, "source"),
)

codings = Table(
    "codings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("coder_name", String(32), nullable=False),
    Column("coder_version", String(32), nullable=False),
    Column("coder_knowledge", String(64), nullable=False),
    Column("coder_model", String(64), nullable=False),
    Column("genre_label", String(16), nullable=False),
    Column("genre_score", Float, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("record", Text, nullable=False),  # the full dotterel/1 JSON of this coding
    Column("run_id", Integer, ForeignKey("ingest_runs.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "coder_version", "coder_knowledge"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("coding_id", Integer, ForeignKey("codings.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("code", String(16)),
    Column("sector", String(16)),
    Column("name", Text),
    Column("kind", String(16), nullable=False),
    Column("spans", Text, nullable=False),  # JSON [[start, end], ...]
    UniqueConstraint("coding_id", "local_id"),
    Index(None, "code"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("coding_id", Integer, ForeignKey("codings.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(16), nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("context", Text, nullable=False),  # JSON list
    Column("quad", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("modality", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    # `date` is the best date known for the event: its own date when given to the day, else the
    # report date, else the publication date; the buckets are computed from it.
    Column("date", String(10)),
    Column("day", String(10)),
    Column("week", String(8)),
    Column("month", String(7)),
    Column("event_date_text", Text),
    Column("event_date", String(10)),
    Column("event_date_precision", String(8)),
    Column("report_date", String(10)),
    Column("attribution_source", Text),
    Column("attribution_code", String(16)),
    Column("attribution_sector", String(16)),
    Column("attribution_cue", String(64)),
    Column("attribution_claim", String(16)),
    Column("attribution_certainty", String(16)),  # the attributed claim's certainty (migration 0003)
    Column("location_text", Text),
    Column("location_code", String(16)),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("location_geonames_id", Integer),
    Column("quantities", Text, nullable=False),  # JSON list of local quantity ids
    Column("sentence", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    # ACLED-style casualty figures (event.fatalities / event.injured; migration 0003): the first-named
    # source's figure; other sources' figures stay in the coding's record
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("fatalities_source", Text),
    Column("injured_low", Integer),
    Column("injured_best", Integer),
    Column("injured_high", Integer),
    Column("injured_source", Text),
    UniqueConstraint("coding_id", "local_id"),
    Index(None, "type", "day"),
    Index(None, "day"),
    Index(None, "month"),
    Index(None, "document_id"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(10), nullable=False),  # actor | recipient
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("code", String(16)),
    Column("sector", String(16)),
    Column("entity", String(16)),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    UniqueConstraint("event_id", "role", "position"),
    Index(None, "code", "role", "event_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("coding_id", Integer, ForeignKey("codings.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(16), nullable=False),
    Column("speaker_text", Text),
    Column("speaker_code", String(16)),
    Column("speaker_sector", String(16)),
    Column("speaker_entity", String(16)),
    Column("cue", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("content", Text, nullable=False),
    Column("certainty", String(16), nullable=False),
    Column("events", Text, nullable=False),  # JSON list of local event ids
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    UniqueConstraint("coding_id", "local_id"),
    Index(None, "speaker_code"),
)

quantities = Table(
    "quantities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("coding_id", Integer, ForeignKey("codings.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float),
    Column("unit", String(64)),
    Column("role", String(64)),
    Column("bound", String(8), nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("projected", Boolean, nullable=False),
    Column("event", String(16)),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    # what the number counts (`counts` of the record: "14 people were *killed*"), migration 0004
    Column("counts_text", Text),
    Column("counts_start", Integer),
    Column("counts_end", Integer),
    UniqueConstraint("coding_id", "local_id"),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id"), nullable=False),
    Column("path", Text, nullable=False),
    Column("locator", String(64), nullable=False),  # '' for a whole file, 'line 12', 'entry 3'
    Column("item_id", String(ID_CHARS)),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index(None, "path"),
)

__all__ = [
    "ID_CHARS",
    "metadata",
    "ingest_runs",
    "documents",
    "codings",
    "entities",
    "events",
    "event_actors",
    "claims",
    "quantities",
    "quarantine",
]
