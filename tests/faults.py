"""Fault injection for `dotterel ingest` (issue 19): used by bench/soak.py and tests/test_faults.py.

Each fault is real, not mocked: a PostgreSQL server of our own stopped and started again, a file system
remounted read-only, a file system that is full, another process holding SQLite's write lock.

- `PrivatePostgres`: a throw-away cluster (initdb in a temporary folder, its own port and socket folder), so
  stopping it never touches a server anything else uses. As root the server runs as the `postgres` user.
- `Mount`: a small tmpfs, remounted read-only or found full, where `mount` is permitted (root with
  CAP_SYS_ADMIN). Where it is not: read-only by file modes (non-root only; root writes through them) and a
  full disk by RLIMIT_FSIZE in the ingest process (writes past the limit fail with EFBIG, as a full disk
  fails with ENOSPC). `fault_kind()` says which was used, for the report.
- `hold_sqlite_lock`: a separate process that takes `BEGIN IMMEDIATE` and keeps it.
- `natural(url)`: every row by natural keys, dialect-neutral, to compare a faulted store with a clean one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text

NATURAL = {
    "documents": "SELECT sha256, doc_id, pub_date, path, text FROM documents",
    "events": "SELECT d.sha256, e.local_id, e.type, e.modality, e.day FROM events e "
              "JOIN documents d ON d.id = e.document_id",
    "actors": "SELECT d.sha256, e.local_id, a.role, a.position, a.code, a.text FROM event_actors a "
              "JOIN events e ON e.id = a.event_id JOIN documents d ON d.id = e.document_id",
    "quarantine": "SELECT path, locator, reason FROM quarantine",
}


def sqlalchemy_url(url: str) -> str:
    if "://" not in url:
        return f"sqlite:///{Path(url).resolve()}"
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def natural(url: str) -> dict[str, list[tuple[str | None, ...]]]:
    """Every row of the store by natural keys, values as text (so SQLite and PostgreSQL compare), sorted."""
    engine = create_engine(sqlalchemy_url(url))
    try:
        with engine.connect() as conn:
            return {k: sorted((tuple(None if v is None else str(v) for v in row) for row in conn.execute(text(q))),
                              key=repr) for k, q in NATURAL.items()}
    finally:
        engine.dispose()


def integrity(url: str) -> str:
    """`PRAGMA integrity_check` for SQLite; for PostgreSQL, dotterel's own consistency check ('ok' or problems)."""
    engine = create_engine(sqlalchemy_url(url))
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                return str(conn.execute(text("PRAGMA integrity_check")).scalar_one())
            from dotterel.store.integrity import problems

            found = problems(conn)
            return "ok" if not found else "; ".join(map(str, found))[:200]
    finally:
        engine.dispose()


def differences(want: dict[str, list], got: dict[str, list]) -> dict[str, tuple[int, int]]:
    """Tables whose rows differ, with (rows wanted, rows found)."""
    return {k: (len(want[k]), len(got[k])) for k in want if want[k] != got[k]}


def one_line_failure(rc: int, stderr: str) -> str | None:
    """None when a failed run ended as it must (non-zero exit, one line on stderr, no traceback); else why not."""
    lines = [x for x in stderr.splitlines() if x.strip()]
    if rc == 0:
        return "exit 0"
    if "Traceback" in stderr:
        return "traceback: " + (lines[-1] if lines else "")
    if len(lines) != 1:
        return f"{len(lines)} lines on stderr: " + " | ".join(lines[-3:])[:300]
    return None


# --- PostgreSQL -------------------------------------------------------------------------------------------

def _pg_bin() -> Path | None:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def postgres_available() -> str | None:
    """None when a private PostgreSQL can be started here; else the reason it cannot."""
    if _pg_bin() is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) are not installed"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run the server as"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivatePostgres:
    """A PostgreSQL cluster of our own in a temporary folder; `stop()` and `start()` it at will."""

    def __init__(self) -> None:
        reason = postgres_available()
        if reason:
            raise RuntimeError(reason)
        self.bin = _pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="dotterel-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        self.start()

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bin / tool), *args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120, cwd=self.dir)

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.dir / "log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: 'fast' ends every session (as a restart or a crash does), 'immediate' is a crash."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)

    def reset(self) -> None:
        """An empty `public` schema (a fresh store)."""
        engine = create_engine(sqlalchemy_url(self.url), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        finally:
            engine.dispose()

    def __enter__(self) -> PrivatePostgres:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- file systems -----------------------------------------------------------------------------------------

def can_mount() -> bool:
    """Whether this process may mount a tmpfs (tried once, on a throw-away folder)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    probe = Path(tempfile.mkdtemp(prefix="dotterel-mount-probe-"))
    try:
        ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
                            capture_output=True).returncode == 0
        if ok:
            subprocess.run(["umount", str(probe)], capture_output=True)
        return ok
    finally:
        probe.rmdir()


class Mount:
    """A tmpfs of `size` at a new folder under `parent`: `remount('ro')`, `remount('rw', size=...)`, `close()`."""

    def __init__(self, parent: Path, size: str) -> None:
        self.path = Path(tempfile.mkdtemp(prefix="tmpfs-", dir=parent))
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(self.path)],
                       check=True, capture_output=True)

    def remount(self, *options: str) -> None:
        subprocess.run(["mount", "-o", ",".join(["remount", *options]), str(self.path)], check=True,
                       capture_output=True)

    def close(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], capture_output=True)
        with contextlib.suppress(OSError):
            self.path.rmdir()


def fsize_limit(n_bytes: int):  # type: ignore[no-untyped-def]
    """A preexec_fn capping every file the child writes at `n_bytes` (the full-disk fallback)."""
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (n_bytes, n_bytes))
    return apply


# --- SQLite lock ------------------------------------------------------------------------------------------

_HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


@contextlib.contextmanager
def hold_sqlite_lock(db: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the store's write lock (BEGIN IMMEDIATE) for `seconds`, then letting go."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db), str(seconds)], stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        yield proc
    finally:
        proc.kill()
        proc.wait()


def stored_documents(url: str) -> int:
    """Documents committed so far (0 while the store does not exist yet); never waits on the writer."""
    if "://" not in url and not Path(url).exists():
        return 0
    try:
        engine = create_engine(sqlalchemy_url(url), connect_args={"connect_timeout": 2} if "postgresql" in url
                               else {"timeout": 0.5})
        try:
            with engine.connect() as conn:
                return int(conn.execute(text("SELECT count(*) FROM documents")).scalar_one())
        finally:
            engine.dispose()
    except Exception:  # noqa: BLE001 - not created yet, or the server is down: nothing known to be stored
        return 0


def wait_for_documents(url: str, proc: subprocess.Popen[bytes], at_least: int, timeout: float) -> int:
    """Poll until `at_least` documents are stored, the process ends, or `timeout` passes; the count seen."""
    deadline = time.monotonic() + timeout
    n = 0
    while time.monotonic() < deadline and proc.poll() is None:
        n = stored_documents(url)
        if n >= at_least:
            break
        time.sleep(0.1)
    return n
