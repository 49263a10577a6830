"""Issue 19: the fault soak's fast cases (bench/soak.py runs them on the sample corpus with 1 and 2 workers).

Each fault is real (tests/faults.py): a PostgreSQL server of our own stopped mid-ingest, the store's file
system remounted read-only, a full file system, another process holding SQLite's write lock. The faulted
run must end with a non-zero exit and one line on stderr, no traceback, no hang; once the fault is gone a
second run must leave the same rows as a clean run (natural keys) and a sound store.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import faults
from test_ingest import write_corpus

DOTTEREL = str(Path(sys.executable).with_name("dotterel"))
pytestmark = pytest.mark.slow  # each case runs `dotterel ingest` (spaCy) two or three times: 10-35 s on 2 shared cores
N = 40  # authored articles; batches of 2, so a fault lands mid-run
HANG = 120  # seconds: a faulted run still going after this has hung


def _cmd(corpus: Path, db: str, lock_timeout: float = 30) -> list[str]:
    return [DOTTEREL, "ingest", str(corpus), "--db", db, "--batch-size", "2", "-q", "--lock-timeout", f"{lock_timeout:g}"]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list]]:
    """The corpus and the rows a clean, uninterrupted run stores."""
    tmp = tmp_path_factory.mktemp("clean")
    corpus = write_corpus(tmp / "c.jsonl", N)
    db = str(tmp / "clean.db")
    subprocess.run(_cmd(corpus, db), check=True, capture_output=True, timeout=600)
    want = faults.natural(db)
    assert len(want["documents"]) == N and want["events"]
    return corpus, want


def _fails_in_one_line(proc: subprocess.Popen[str]) -> str:
    try:
        _, err = proc.communicate(timeout=HANG)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"the faulted ingest hung for {HANG} s")
    problem = faults.one_line_failure(proc.returncode, err)
    assert problem is None, problem
    return err.strip()


def _resumes_to_clean(corpus: Path, db: str, want: dict[str, list]) -> None:
    rerun = subprocess.run(_cmd(corpus, db), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0 and "Traceback" not in rerun.stderr, rerun.stderr
    assert faults.differences(want, faults.natural(db)) == {}
    assert faults.integrity(db) == "ok"


def _start(corpus: Path, db: str, at_least: int = 4, **kw: object) -> subprocess.Popen[str]:
    proc = subprocess.Popen(_cmd(corpus, db, **kw), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,  # type: ignore[arg-type]
                            text=True)
    seen = faults.wait_for_documents(db, proc, at_least, timeout=300)
    assert proc.poll() is None and seen >= at_least, "the run ended before the fault: make the corpus bigger"
    return proc


@pytest.mark.postgres
@pytest.mark.parametrize("restart", [False, True], ids=["stopped", "restarted"])
def test_postgres_stopped_mid_ingest(clean: tuple[Path, dict[str, list]], restart: bool) -> None:
    reason = faults.postgres_available()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but a private PostgreSQL cannot be started: {reason}")
        pytest.skip(reason)
    corpus, want = clean
    with faults.PrivatePostgres() as pg:
        proc = _start(corpus, pg.url)
        pg.stop("fast")  # every session ends, as in a restart
        if restart:  # back at once: the run may carry on (the pool reconnects) or fail in one line
            pg.start()
            _, err = proc.communicate(timeout=HANG)
            assert proc.returncode == 0 or faults.one_line_failure(proc.returncode, err) is None, err
        else:
            message = _fails_in_one_line(proc)
            assert message.startswith("error: database postgresql+psycopg://postgres@127.0.0.1:") and "***" not in message
            pg.start()
            assert 4 <= len(faults.natural(pg.url)["documents"]) < N  # whole batches only
        _resumes_to_clean(corpus, pg.url, want)


def test_read_only_store(clean: tuple[Path, dict[str, list]], tmp_path: Path) -> None:
    corpus, want = clean
    if faults.can_mount():
        mount = faults.Mount(tmp_path, "64m")
        where = mount.path
    elif os.geteuid() != 0:
        mount, where = None, tmp_path / "store"
        where.mkdir()
    else:
        pytest.skip("root without mount permission: file modes do not stop root from writing")
    db = str(where / "s.db")
    try:
        proc = _start(corpus, db)
        proc.send_signal(signal.SIGKILL)  # leaves -wal/-shm behind, as a crashed run does
        proc.wait()
        if mount:
            mount.remount("ro")
        else:
            for p in [*where.iterdir(), where]:
                p.chmod(0o555 if p.is_dir() else 0o444)
        message = _fails_in_one_line(subprocess.Popen(_cmd(corpus, db), stdout=subprocess.DEVNULL,
                                                      stderr=subprocess.PIPE, text=True))
        assert "readonly database" in message and ("read-only file system" in message or "cannot be written" in message)
        if mount:
            mount.remount("rw")
        else:
            for p in [where, *where.iterdir()]:
                p.chmod(0o755 if p.is_dir() else 0o644)
        _resumes_to_clean(corpus, db, want)
    finally:
        if mount:
            mount.close()


@pytest.mark.parametrize("how", ["tmpfs", "rlimit"])
def test_full_disk(clean: tuple[Path, dict[str, list]], tmp_path: Path, how: str) -> None:
    corpus, want = clean
    cap = 320 * 1024  # a clean store of the corpus needs about twice that
    mount = None
    if how == "tmpfs":
        if not faults.can_mount():
            pytest.skip("no mount permission here (the rlimit case covers a full disk)")
        mount = faults.Mount(tmp_path, f"{cap // 1024}k")
        db = str(mount.path / "s.db")
        proc = subprocess.Popen(_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    else:
        db = str(tmp_path / "s.db")
        proc = subprocess.Popen(_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                preexec_fn=faults.fsize_limit(cap))
    try:
        message = _fails_in_one_line(proc)
        assert "disk is full" in message or "disk I/O error" in message, message
        assert len(faults.natural(db)["documents"]) < N
        if mount:
            mount.remount("rw", "size=64m")
        _resumes_to_clean(corpus, db, want)
    finally:
        if mount:
            mount.close()


def test_sqlite_writer_locked_mid_ingest(clean: tuple[Path, dict[str, list]], tmp_path: Path) -> None:
    corpus, want = clean
    db = tmp_path / "s.db"
    proc = _start(corpus, str(db), lock_timeout=1)
    with faults.hold_sqlite_lock(db, seconds=HANG):
        message = _fails_in_one_line(proc)
    assert message.endswith("is locked by another writer; gave up after 1 s")
    _resumes_to_clean(corpus, str(db), want)
