"""Monitor tables: per-document outlet/MinHash, cluster builds, event clusters, members, cluster dyads.

Owned by the monitor (src/dotterel/monitor/tables.py describes the same tables). Everything in them is
derived from the store and rebuilt by `dotterel.monitor.build`, so downgrading just drops them.

Revision ID: 0002_monitor
Revises: 0001
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_monitor"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "monitor_documents",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.String(length=200), nullable=False),
        sa.Column("outlet_country", sa.String(length=16), nullable=True),
        sa.Column("signature", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name=op.f("fk_monitor_documents_document_id_documents")),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_monitor_documents")),
    )
    op.create_table(
        "monitor_builds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=200), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("n_clusters", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitor_builds")),
    )
    op.create_table(
        "monitor_clusters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=240), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("family", sa.String(length=32), nullable=False),
        sa.Column("quad", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("military", sa.Boolean(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("actors", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("location_code", sa.String(length=16), nullable=True),
        sa.Column("first_date", sa.String(length=10), nullable=False),
        sa.Column("last_date", sa.String(length=10), nullable=False),
        sa.Column("first_report", sa.String(length=10), nullable=True),
        sa.Column("last_report", sa.String(length=10), nullable=True),
        sa.Column("n_members", sa.Integer(), nullable=False),
        sa.Column("n_documents", sa.Integer(), nullable=False),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitor_clusters")),
        sa.UniqueConstraint("key", name=op.f("uq_monitor_clusters_key")),
    )
    op.create_index(op.f("ix_monitor_clusters_first_date"), "monitor_clusters", ["first_date"])
    op.create_table(
        "monitor_cluster_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("opinion", sa.Boolean(), nullable=False),
        sa.Column("attribution_code", sa.String(length=16), nullable=True),
        sa.Column("outlet_country", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(["cluster_id"], ["monitor_clusters.id"], ondelete="CASCADE",
                                name=op.f("fk_monitor_cluster_members_cluster_id_monitor_clusters")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE",
                                name=op.f("fk_monitor_cluster_members_event_id_events")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name=op.f("fk_monitor_cluster_members_document_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitor_cluster_members")),
    )
    op.create_index(op.f("ix_monitor_cluster_members_cluster_id"), "monitor_cluster_members", ["cluster_id"])
    op.create_index(op.f("ix_monitor_cluster_members_event_id"), "monitor_cluster_members", ["event_id"])
    op.create_table(
        "monitor_cluster_dyads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("a", sa.String(length=32), nullable=False),
        sa.Column("b", sa.String(length=32), nullable=False),
        sa.Column("quad", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("military", sa.Boolean(), nullable=False),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("week", sa.String(length=8), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.ForeignKeyConstraint(["cluster_id"], ["monitor_clusters.id"], ondelete="CASCADE",
                                name=op.f("fk_monitor_cluster_dyads_cluster_id_monitor_clusters")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitor_cluster_dyads")),
    )
    op.create_index(op.f("ix_monitor_cluster_dyads_level_a_b_kind_quad_week_day_month_score_weight"),
                    "monitor_cluster_dyads",
                    ["level", "a", "b", "kind", "quad", "week", "day", "month", "score", "weight"])
    op.create_index(op.f("ix_monitor_cluster_dyads_level_b_a"), "monitor_cluster_dyads", ["level", "b", "a"])
    op.create_index(op.f("ix_monitor_cluster_dyads_cluster_id"), "monitor_cluster_dyads", ["cluster_id"])


def downgrade() -> None:
    for table in ("monitor_cluster_dyads", "monitor_cluster_members", "monitor_clusters", "monitor_builds",
                  "monitor_documents"):
        op.drop_table(table)
