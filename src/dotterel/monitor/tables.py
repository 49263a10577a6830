"""The monitor's own tables, derived from the store and rebuilt from it (never edited by hand).

- `monitor_documents`: per stored document, its outlet key and a MinHash signature of its text, computed
  once (incrementally) so syndication can be found without re-reading every text.
- `monitor_builds`: the store fingerprint and parameters the clusters were built from; a build is
  skipped when neither changed, so repeated runs over the same store see the same clusters.
- `monitor_clusters`: one row per happening (event cluster) with first/last event date and report,
  member / document / independent-source counts.
- `monitor_cluster_members`: which event codings make up each cluster, with their source key and weight.
- `monitor_cluster_dyads`: the dyads each cluster feeds (country and sector level), with the period
  buckets copied in so every series is one indexed GROUP BY, on SQLite and PostgreSQL alike.

The tables sit on the store's `metadata` so one MetaData describes the whole database; migration
`0002_monitor` creates them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, String, Table, Text

from dotterel.store.schema import metadata

monitor_documents = Table(
    "monitor_documents",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("outlet", String(200), nullable=False),  # canonical outlet key
    Column("outlet_country", String(16)),  # from data/monitor/outlets.csv, for party-to-conflict weighting
    Column("signature", String(400), nullable=False),  # MinHash, comma-separated hex (portable)
)

monitor_builds = Table(
    "monitor_builds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fingerprint", String(200), nullable=False),
    Column("params", Text, nullable=False),  # JSON of the clustering parameters
    Column("built_at", DateTime(timezone=True), nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("n_clusters", Integer, nullable=False),
)

monitor_clusters = Table(
    "monitor_clusters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(240), nullable=False, unique=True),  # '<doc_id>#<local id>' of the first member
    Column("type", String(16), nullable=False),
    Column("family", String(32), nullable=False),
    Column("quad", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("military", Boolean, nullable=False),
    Column("label", Text, nullable=False),  # trigger text of the first member, for people reading lists
    Column("actors", Text, nullable=False),  # JSON list of country codes
    Column("recipients", Text, nullable=False),
    Column("location_code", String(16)),
    Column("first_date", String(10), nullable=False),  # event date (falls back to publication date)
    Column("last_date", String(10), nullable=False),
    Column("first_report", String(10)),  # publication dates of the first and last reporting article
    Column("last_report", String(10)),
    Column("n_members", Integer, nullable=False),
    Column("n_documents", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),  # independent outlets, syndicated copies counted once
    Column("weight", Float, nullable=False),  # max member weight (opinion down-weighting only)
    Index(None, "first_date"),
)

monitor_cluster_members = Table(
    "monitor_cluster_members",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cluster_id", Integer, ForeignKey("monitor_clusters.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("source", String(200), nullable=False),  # independent-source key (syndication resolved)
    Column("opinion", Boolean, nullable=False),
    Column("attribution_code", String(16)),
    Column("outlet_country", String(16)),
    Index(None, "cluster_id"),
    Index(None, "event_id"),
)

monitor_cluster_dyads = Table(
    "monitor_cluster_dyads",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cluster_id", Integer, ForeignKey("monitor_clusters.id", ondelete="CASCADE"), nullable=False),
    Column("level", String(8), nullable=False),  # country | sector
    # kind: directed (a acted on b), reciprocal (both sides acted; a < b), single (no recipient; b = '')
    Column("kind", String(12), nullable=False),
    Column("a", String(32), nullable=False),
    Column("b", String(32), nullable=False),
    Column("quad", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("weight", Float, nullable=False),  # opinion x party-to-conflict down-weighting, see docs/monitor.md
    Column("military", Boolean, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("day", String(10), nullable=False),
    Column("week", String(8), nullable=False),
    Column("month", String(7), nullable=False),
    # Covering index: every series GROUP BY (level, a, b, kind, quad, period) reads only this index; with
    # `week` right after the grouped columns SQLite needs no temporary B-tree for weekly series.
    Index(None, "level", "a", "b", "kind", "quad", "week", "day", "month", "score", "weight"),
    Index(None, "level", "b", "a"),
    Index(None, "cluster_id"),
)

TABLES = (monitor_documents, monitor_builds, monitor_clusters, monitor_cluster_members, monitor_cluster_dyads)

__all__ = ["TABLES", "monitor_builds", "monitor_cluster_dyads", "monitor_cluster_members", "monitor_clusters",
           "monitor_documents"]
