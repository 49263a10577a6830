"""The store: SQLite by default, PostgreSQL by URL; schema migrated with Alembic on connect.

    from dotterel.store import open_store
    from dotterel.store import query

    store = open_store("corpus.db")            # or "postgresql://user:pw@host/db"; None -> $DOTTEREL_DB / dotterel.db
    with store.connect() as conn:
        rows = query.events(conn, query.EventFilter(dyad=("PRK", "RUS")))
        record = query.document(conn, rows[0]["doc_id"])   # the stored dotterel/1 record

Writing goes through `dotterel.store.writer.write_batch` (one transaction per batch, write-locked);
`dotterel.runs.ingest.ingest` is the whole ingest loop; reads go through `dotterel.store.query`.
"""

from dotterel.store.engine import (
    DEFAULT_LOCK_TIMEOUT,
    Store,
    StoreError,
    StoreLockedError,
    display,
    open_store,
    resolve_url,
)

__all__ = ["DEFAULT_LOCK_TIMEOUT", "Store", "StoreError", "StoreLockedError", "display", "open_store", "resolve_url"]
