"""Alembic environment: runs on the connection `dotterel.store.engine.migrate` hands over.

There is no alembic.ini: the store migrates itself on connect, so migrations always run against the
connection the caller opened (SQLite or PostgreSQL), inside its transaction.
"""

from __future__ import annotations

from alembic import context

from dotterel.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable when someone runs the alembic CLI by hand
    raise RuntimeError("dotterel migrations run through dotterel.store.open_store(url), not the alembic CLI")

# render_as_batch: SQLite cannot ALTER most things; batch mode copies the table instead.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
