"""Events: the attribution's certainty and the ACLED-style casualty figures (fatalities, injured).

Additive: new nullable columns only, so a store written by an earlier coder opens and keeps every row.
`attribution_certainty` is filled for existing rows from the claim each event is attributed to; the
casualty figures of existing codings stay null until they are recoded (`dotterel ingest --recode`): they
are read from the parse (which claim carries a number, which verb it hangs on), which the store lacks.

Revision ID: 0003_casualties
Revises: 0002_monitor
Create Date: 2026-12-05
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_casualties"
down_revision = "0002_monitor"
branch_labels = None
depends_on = None

FIELDS = ("fatalities", "injured")


COLUMNS: tuple[tuple[str, sa.types.TypeEngine], ...] = (
    ("attribution_certainty", sa.String(length=16)),
    *((f"{name}_{part}", sa.Text() if part == "source" else sa.Integer())
      for name in FIELDS for part in ("low", "best", "high", "source")),
)


def upgrade() -> None:
    # plain ALTER TABLE ... ADD COLUMN on both dialects: no table rebuild, so no row is copied or cascaded
    for name, type_ in COLUMNS:
        op.add_column("events", sa.Column(name, type_, nullable=True))
    op.execute(
        "UPDATE events SET attribution_certainty = (SELECT claims.certainty FROM claims "
        "WHERE claims.coding_id = events.coding_id AND claims.local_id = events.attribution_claim) "
        "WHERE attribution_claim IS NOT NULL"
    )


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite >= 3.35): a batch rebuild would DROP the events table, and with
    # foreign keys on SQLite cascades that to event_actors and the monitor's members
    for name, _ in reversed(COLUMNS):
        op.execute(f"ALTER TABLE events DROP COLUMN {name}")
