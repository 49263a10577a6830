"""Quantities: what each number counts (`counts`, `{text, span}` of the verb, event noun or adjective its
phrase is an argument of: "14 people were *killed*").

Additive: three nullable columns, so a store written by an earlier coder opens and keeps every row. They are
filled for existing rows from the coding's own record JSON, which has kept `counts` since the coder began
writing it; codings made before that have no `counts` and stay null (as their record does) until recoded.

Revision ID: 0004_quantity_counts
Revises: 0003_casualties
Create Date: 2026-12-05
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004_quantity_counts"
down_revision = "0003_casualties"
branch_labels = None
depends_on = None

COLUMNS: tuple[tuple[str, sa.types.TypeEngine], ...] = (
    ("counts_text", sa.Text()),
    ("counts_start", sa.Integer()),
    ("counts_end", sa.Integer()),
)
BATCH = 500  # codings read per query: a large store is filled without holding every record at once


def upgrade() -> None:
    # plain ALTER TABLE ... ADD COLUMN on both dialects: no table rebuild, so no row is copied or cascaded
    for name, type_ in COLUMNS:
        op.add_column("quantities", sa.Column(name, type_, nullable=True))
    conn = op.get_bind()
    fill = sa.text("UPDATE quantities SET counts_text = :text, counts_start = :start, counts_end = :end "
                   "WHERE coding_id = :coding AND local_id = :local")
    after = 0
    while True:
        # only codings that have quantity rows; keyset paging on the primary key
        batch = conn.execute(sa.text(
            "SELECT id, record FROM codings WHERE id > :after AND EXISTS "
            "(SELECT 1 FROM quantities WHERE quantities.coding_id = codings.id) ORDER BY id LIMIT :n"),
            {"after": after, "n": BATCH}).all()
        if not batch:
            break
        rows = [{"text": q["counts"]["text"], "start": q["counts"]["span"][0], "end": q["counts"]["span"][1],
                 "coding": coding_id, "local": q["id"]}
                for coding_id, record in batch for q in json.loads(record).get("quantities", [])
                if q.get("counts")]
        if rows:
            conn.execute(fill, rows)
        after = batch[-1][0]


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite >= 3.35), as in 0003: a batch rebuild would recreate the table
    for name, _ in reversed(COLUMNS):
        op.execute(f"ALTER TABLE quantities DROP COLUMN {name}")
