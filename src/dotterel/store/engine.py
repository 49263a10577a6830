"""Opening a store: URL resolution, connection checks, SQLite pragmas, write locks, migrations.

`open_store(url)` returns a `Store` whose schema is at the newest Alembic revision (migrations ship in
`dotterel/store/migrations/` and run on connect). URLs:

- `None` -> `$DOTTEREL_DB`, else the SQLite file `dotterel.db` in the current directory;
- a plain path (`corpus.db`) -> that SQLite file; `sqlite:///path.db` as SQLAlchemy spells it;
- `postgresql://user:pass@host/db` -> PostgreSQL through psycopg 3.

Only one process writes at a time: `Store.write()` opens a transaction holding the write lock
(SQLite `BEGIN IMMEDIATE`, PostgreSQL a transaction-scoped advisory lock), waiting at most
`lock_timeout` seconds before failing with `StoreLockedError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from sqlalchemy.engine import make_url
from sqlalchemy.engine.url import URL

from dotterel.errors import DotterelError
from dotterel.store.fsdiag import explain

DEFAULT_FILE = "dotterel.db"
DEFAULT_LOCK_TIMEOUT = 30.0
# Arbitrary constants naming dotterel's advisory locks on PostgreSQL.
_PG_WRITE_LOCK = 0x64_6F_74_01
_PG_MIGRATE_LOCK = 0x64_6F_74_02
MIGRATIONS = Path(__file__).with_name("migrations")
# Sized for the dashboard under load (issue 22 §4: 20 concurrent requests, each holding one connection, plus
# the monitor's background build and an upload): SQLAlchemy's default 5 + 10 ran out at 20.
POOL = dict(pool_size=20, max_overflow=20, pool_timeout=30)


class StoreError(DotterelError):
    """The database cannot be opened or used; the message is one line."""


class StoreLockedError(StoreError):
    """Another process held the write lock for longer than the timeout."""


def resolve_url(url: str | None) -> URL:
    """The SQLAlchemy URL for a `--db` value (see module docstring)."""
    raw = url or os.environ.get("DOTTEREL_DB") or DEFAULT_FILE
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser().resolve()))
    try:
        parsed = make_url(raw)
    except exc.ArgumentError:
        raise StoreError(f"cannot open database {raw!r}: not a database URL") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"cannot open database {display(parsed)}: only sqlite and postgresql URLs are supported")
    return parsed


def display(url: URL) -> str:
    return url.render_as_string(hide_password=True)


@dataclass
class Store:
    """An open, migrated database. Use `connect()` to read and `write()` to write."""

    engine: Engine
    url: URL
    lock_timeout: float

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading (SQLite WAL readers never wait for the writer).

        A store that fails under it (server stopped, disk gone) is a StoreError with one line, as in `write`.
        """
        try:
            with self.engine.connect() as conn:
                yield conn
        except _ENVIRONMENT as err:
            raise _translate(err, self) from None

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction holding the store's write lock; commits on exit, rolls back on error."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(sqlite_begin="IMMEDIATE")
                with conn.begin():
                    if self.dialect == "postgresql":
                        ms = int(self.lock_timeout * 1000)
                        conn.execute(text(f"SET LOCAL lock_timeout = {ms}"))
                        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})
                        conn.execute(text("SET LOCAL lock_timeout = 0"))
                    yield conn
        except _ENVIRONMENT as err:
            raise _translate(err, self) from None

    def files(self) -> frozenset[Path]:
        """The files of a SQLite store (the database and its -wal/-shm/-journal companions); none for others."""
        db = self.url.database if self.url.get_backend_name() == "sqlite" else None
        if not db or db == ":memory:":
            return frozenset()
        path = Path(db).resolve()
        return frozenset({path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))})

    def close(self) -> None:
        self.engine.dispose()


# What the database or its machine did (server stopped or restarted, connection cut, disk full, file
# read-only, lock held), as opposed to a bug in our SQL: reported as one line, never a traceback.
_ENVIRONMENT = (exc.OperationalError, exc.InterfaceError)


def _translate(err: exc.DBAPIError, store: Store) -> StoreError:
    msg = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
    if "locked" in msg.lower() or "lock timeout" in msg.lower():
        return StoreLockedError(
            f"database {display(store.url)} is locked by another writer; gave up after {store.lock_timeout:g} s"
        )
    if store.dialect == "sqlite":
        msg = explain(msg, store.url.database)
    return StoreError(f"database {display(store.url)}: {msg}")


def _sqlite_engine(url: URL, lock_timeout: float) -> Engine:
    path = url.database
    if path and path != ":memory:":
        parent = Path(path).parent
        if not parent.is_dir():
            raise StoreError(f"cannot open database {display(url)}: directory {parent} does not exist")
    engine = create_engine(url, connect_args={"timeout": lock_timeout}, **POOL)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # Let SQLAlchemy's "begin" hook emit BEGIN itself, so writers can ask for BEGIN IMMEDIATE
        # (take the write lock up front) instead of failing half-way through a batch.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")  # readers don't block the writer, nor it them
        cur.execute("PRAGMA synchronous = NORMAL")  # committed data survives a killed process
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def open_store(url: str | None = None, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT, migrate: bool = True,
               create: bool = True) -> Store:
    """Open and migrate the store at `url`; StoreError with one line if it can't.

    `create=False` refuses to create a new SQLite file (for commands that only read).
    """
    resolved = resolve_url(url)
    if not create and resolved.get_backend_name() == "sqlite" and resolved.database not in (None, "", ":memory:"):
        if not Path(resolved.database).is_file():
            raise StoreError(f"no database at {resolved.database} (run `dotterel ingest` first, or give --db)")
    try:
        if resolved.get_backend_name() == "sqlite":
            engine = _sqlite_engine(resolved, lock_timeout)
        else:
            engine = create_engine(resolved, connect_args={"connect_timeout": 10}, pool_pre_ping=True, **POOL)
    except (exc.ArgumentError, exc.NoSuchModuleError, ImportError) as err:
        raise StoreError(f"cannot open database {display(resolved)}: {err}") from None
    store = Store(engine=engine, url=resolved, lock_timeout=lock_timeout)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        if migrate:
            upgrade(store)
    except exc.OperationalError as err:
        engine.dispose()
        err_ = _translate(err, store)
        if isinstance(err_, StoreLockedError):
            raise err_ from None
        raise StoreError(f"cannot open database {display(resolved)}: "
                         f"{explain(_first_line(err), resolved.database)}") from None
    except exc.DatabaseError as err:
        engine.dispose()
        raise StoreError(f"cannot open database {display(resolved)}: {_first_line(err)}") from None
    return store


def error_line(err: Exception) -> str:
    """What the database (its driver, else SQLAlchemy) said, as one short line: `DataError: value too long ...`."""
    orig = getattr(err, "orig", None) or err
    return clip(f"{type(orig).__name__}: {_first_line(err)}", 300)


def _first_line(err: Exception) -> str:
    """The first line of what the driver (else SQLAlchemy) said."""
    lines = str(getattr(err, "orig", None) or err).strip().splitlines()
    return lines[0] if lines else ""


def clip(value: str, width: int) -> str:
    """`value` cut to fit `width` characters, marked as cut."""
    return value if len(value) <= width else value[:width - 1] + "…"


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(store: Store) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    from alembic import command

    head = head_revision()
    with store.engine.connect() as conn:
        if current_revision(conn) == head:
            return
    with store.write() as conn:
        if store.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATE_LOCK})
        if current_revision(conn) == head:  # another process migrated while we waited
            return
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
