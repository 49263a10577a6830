"""Issue 19 fault soak: break `dotterel ingest` in every way listed, resume, compare with a clean run.

Faults (`--faults`, default all), each with 1 and 2 workers (`--workers`):

- kill: SIGKILL after a random delay, `--kills` times, each restart resuming the same SQLite store;
- postgres: a PostgreSQL server of our own (tests/faults.py) stopped (`pg_ctl -m fast`) after a random number
  of committed documents, then started again;
- pgrestart: the same server stopped and started again at once while the ingest runs: the run may carry on
  (exit 0, the pool reconnects) or fail with one line, never anything else;
- readonly: the store's file system remounted read-only between runs (a killed run left its -wal/-shm);
- fulldisk: the store on a tmpfs 30–80 % of the size a clean store needs, grown once the run has failed;
- locked: another process holds SQLite's write lock (BEGIN IMMEDIATE) for longer than `--lock-timeout`.

Every faulted run must end with a non-zero exit and exactly one line on stderr (no traceback) within
`--hang` seconds; then the fault is removed, ingest runs again to the end, and the store must hold the same
rows as a clean uninterrupted run on natural keys (documents, event tuples, actors, quarantine) with
`PRAGMA integrity_check` ok (PostgreSQL: dotterel's own consistency check on the same natural keys).
Without `mount` permission the file-system faults fall back to file modes (read-only, non-root only) and
RLIMIT_FSIZE (full disk); the summary says which was used.

    .venv/bin/python bench/soak.py --articles 200 --kills 11               # everything
    .venv/bin/python bench/soak.py --faults postgres readonly fulldisk locked --articles 100
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from faults import (  # noqa: E402
    Mount,
    PrivatePostgres,
    can_mount,
    differences,
    fsize_limit,
    hold_sqlite_lock,
    integrity,
    natural,
    one_line_failure,
    postgres_available,
    wait_for_documents,
)

CORPUS = ROOT.parent / "shared/corpora/news_sample.jsonl"
DOTTEREL = str(Path(sys.executable).with_name("dotterel"))
FAULTS = ("kill", "postgres", "pgrestart", "readonly", "fulldisk", "locked")


@dataclass
class Outcome:
    fault: str
    workers: int
    how: str = ""  # how the fault was injected (and at how many stored documents)
    message: str = ""  # the faulted run's stderr line
    problem: str | None = None  # why the faulted run did not end as it must (None: one line, non-zero)
    equal: bool = False
    integrity: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.problem is None and self.equal and self.integrity == "ok"


@dataclass
class Setup:
    corpus: Path
    tmp: Path
    want: dict[str, list]
    clean_bytes: int
    rng: random.Random
    articles: int
    lock_timeout: float
    hang: float
    mount: bool


def ingest_cmd(corpus: Path, db: str, workers: int, lock_timeout: float = 30.0) -> list[str]:
    cmd = [DOTTEREL, "ingest", str(corpus), "--db", db, "--batch-size", "4", "-q", "--lock-timeout", f"{lock_timeout:g}"]
    return cmd + (["--workers", str(workers)] if workers else [])


def spawn_ingest(s: "Setup", db: str, workers: int, lock_timeout: float = 30.0,
                 **popen: object) -> subprocess.Popen[str]:
    """An ingest of the soak corpus into `db`, its stderr kept for the one-line check."""
    return subprocess.Popen(ingest_cmd(s.corpus, db, workers, lock_timeout), stdout=subprocess.DEVNULL,  # type: ignore[call-overload]
                            stderr=subprocess.PIPE, text=True, **popen)


def run_to_failure(proc: subprocess.Popen[str], hang: float) -> tuple[int | None, str]:
    """Wait for a faulted run; (exit status, stderr), or (None, ...) if it hung past `hang` seconds."""
    try:
        _, err = proc.communicate(timeout=hang)
        return proc.returncode, err
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        return None, err


def judge_failure(out: Outcome, rc: int | None, err: str) -> None:
    out.message = next((x for x in reversed(err.splitlines()) if x.strip()), "")
    out.problem = "hung" if rc is None else one_line_failure(rc, err)


def resume_and_compare(out: Outcome, s: Setup, db: str, workers: int, before: Callable[[], None] | None = None) -> None:
    if before:
        before()
    final = subprocess.run(ingest_cmd(s.corpus, db, workers), capture_output=True, text=True, timeout=3600)
    if final.returncode != 0 or "Traceback" in final.stderr:
        out.problem = (out.problem or "") + f" resume failed ({final.returncode}): {final.stderr.strip()[-300:]}"
        return
    got = natural(db)
    diff = differences(s.want, got)
    out.equal = not diff
    out.integrity = integrity(db) if not diff else f"differs {diff}; integrity {integrity(db)}"


def fault_kill(s: Setup, workers: int, kills: int, max_delay: float) -> Outcome:
    out = Outcome("kill", workers)
    db = str(s.tmp / f"kill{workers}.db")
    killed = tries = 0
    while killed < kills and tries < kills * 3:
        tries += 1
        proc = spawn_ingest(s, db, workers)
        try:
            proc.wait(timeout=s.rng.uniform(0.5, max_delay))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed += 1
            continue
        if proc.returncode != 0:  # finished on its own: a fault only if it failed
            out.problem = f"ingest exited {proc.returncode}: {proc.stderr.read()[-300:] if proc.stderr else ''}"
        break
    out.how = f"{killed} SIGKILLs at random 0.5–{max_delay:g} s"
    out.message = "(killed: no message expected)"
    resume_and_compare(out, s, db, workers)
    return out


def _start_and_wait(s: Setup, db: str, workers: int, lock_timeout: float = 30.0,
                    **popen: object) -> tuple[subprocess.Popen[str], int, int]:
    """Start an ingest and wait until a random number of documents (4 … half the corpus) is committed."""
    target = s.rng.randint(4, max(5, s.articles // 2))
    proc = spawn_ingest(s, db, workers, lock_timeout, **popen)
    return proc, target, wait_for_documents(db, proc, target, timeout=900)


def fault_postgres(s: Setup, workers: int, pg: PrivatePostgres) -> Outcome:
    out = Outcome("postgres", workers)
    pg.reset()
    proc, target, seen = _start_and_wait(s, pg.url, workers)
    mode = s.rng.choice(["fast", "immediate"])
    pg.stop(mode)
    out.how = f"server stopped (-m {mode}) at {seen} documents stored"
    judge_failure(out, *run_to_failure(proc, s.hang))
    resume_and_compare(out, s, pg.url, workers, before=pg.start)
    return out


def fault_pgrestart(s: Setup, workers: int, pg: PrivatePostgres) -> Outcome:
    out = Outcome("pgrestart", workers)
    pg.reset()
    proc, target, seen = _start_and_wait(s, pg.url, workers)
    mode = s.rng.choice(["fast", "immediate"])
    pg.stop(mode)
    pg.start()
    out.how = f"server restarted (-m {mode}) at {seen} documents stored, ingest left running"
    rc, err = run_to_failure(proc, s.hang)
    if rc == 0 and not err.strip():
        out.message = "(carried on: exit 0)"
    else:
        judge_failure(out, rc, err)
    resume_and_compare(out, s, pg.url, workers)
    return out


def fault_readonly(s: Setup, workers: int) -> Outcome:
    out = Outcome("readonly", workers)
    if s.mount:
        mount = Mount(s.tmp, "1g")
        where, db = mount.path, str(mount.path / "s.db")
    elif os.geteuid() != 0:
        mount, where = None, s.tmp / f"ro{workers}"
        where.mkdir()
        db = str(where / "s.db")
    else:
        out.problem, out.how = "not run: root without mount permission (file modes do not stop root)", "—"
        return out
    try:
        proc, target, seen = _start_and_wait(s, db, workers)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if mount:
            mount.remount("ro")
            out.how = f"tmpfs remounted read-only after a SIGKILL at {seen} documents (-wal/-shm left behind)"
        else:
            for p in [where, *where.iterdir()]:
                p.chmod(0o555 if p.is_dir() else 0o444)
            out.how = f"store folder and files made read-only (chmod) after a SIGKILL at {seen} documents"
        proc = spawn_ingest(s, db, workers)
        judge_failure(out, *run_to_failure(proc, s.hang))

        def writable() -> None:
            if mount:
                mount.remount("rw")
            else:
                for p in [where, *where.iterdir()]:
                    p.chmod(0o755 if p.is_dir() else 0o644)
        resume_and_compare(out, s, db, workers, before=writable)
    finally:
        if mount:
            mount.close()
    return out


def fault_fulldisk(s: Setup, workers: int) -> Outcome:
    out = Outcome("fulldisk", workers)
    cap = max(256 * 1024, int(s.clean_bytes * s.rng.uniform(0.3, 0.8))) // 4096 * 4096
    if s.mount:
        mount = Mount(s.tmp, f"{cap // 1024}k")
        db = str(mount.path / "s.db")
        out.how = f"tmpfs of {cap // 1024:,} KiB (a clean store: {s.clean_bytes // 1024:,} KiB), grown to 1 GiB after"
        proc = spawn_ingest(s, db, workers)
    else:
        mount = None
        (s.tmp / f"full{workers}").mkdir()
        db = str(s.tmp / f"full{workers}" / "s.db")
        out.how = f"RLIMIT_FSIZE {cap // 1024:,} KiB on the ingest process (no mount permission), lifted after"
        proc = spawn_ingest(s, db, workers, preexec_fn=fsize_limit(cap))
    try:
        judge_failure(out, *run_to_failure(proc, s.hang))
        out.how += f"; failed at {natural(db)['documents'].__len__()} documents stored"
        resume_and_compare(out, s, db, workers, before=(lambda: mount.remount("rw", "size=1g")) if mount else None)
    finally:
        if mount:
            mount.close()
    return out


def fault_locked(s: Setup, workers: int) -> Outcome:
    out = Outcome("locked", workers)
    db = str(s.tmp / f"locked{workers}.db")
    proc, target, seen = _start_and_wait(s, db, workers, lock_timeout=s.lock_timeout)
    with hold_sqlite_lock(Path(db), seconds=s.hang):
        out.how = f"another process took BEGIN IMMEDIATE at {seen} documents stored (--lock-timeout {s.lock_timeout:g})"
        judge_failure(out, *run_to_failure(proc, s.hang))
    resume_and_compare(out, s, db, workers)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200, help="first N articles of the sample corpus")
    ap.add_argument("--faults", nargs="+", choices=FAULTS, default=list(FAULTS))
    ap.add_argument("--kills", type=int, default=11, help="SIGKILLs per worker count")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--max-delay", type=float, default=6.0, help="longest wait before a kill, seconds")
    ap.add_argument("--lock-timeout", type=float, default=3.0)
    ap.add_argument("--hang", type=float, default=180.0, help="a faulted run still going after this many s hangs")
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="dotterel-soak-") as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus.jsonl"
        with CORPUS.open("rb") as fh:
            corpus.write_bytes(b"".join(line for _, line in zip(range(args.articles), fh)))
        clean = str(tmp / "clean.db")
        start = time.monotonic()
        ref = subprocess.run(ingest_cmd(corpus, clean, 1), capture_output=True, text=True)
        if ref.returncode != 0:
            raise SystemExit(f"clean run failed: {ref.stderr[-500:]}")
        with __import__("sqlite3").connect(clean) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        clean_bytes = sum(Path(f"{clean}{x}").stat().st_size for x in ("", "-wal") if Path(f"{clean}{x}").exists())
        s = Setup(corpus=corpus, tmp=tmp, want=natural(clean), clean_bytes=clean_bytes, rng=random.Random(args.seed),
                  articles=args.articles, lock_timeout=args.lock_timeout, hang=args.hang, mount=can_mount())
        print(f"clean run: {args.articles} articles, {time.monotonic() - start:.0f} s, "
              f"{len(s.want['documents'])} documents, {len(s.want['events'])} events; mount permitted: {s.mount}",
              flush=True)
        pg = None
        if {"postgres", "pgrestart"} & set(args.faults):
            reason = postgres_available()
            pg = PrivatePostgres() if reason is None else None
            if reason:
                print(f"postgres: not run ({reason})")
        try:
            for fault in args.faults:
                for workers in args.workers:
                    begun = time.monotonic()
                    if fault == "kill":
                        out = fault_kill(s, workers, args.kills, args.max_delay)
                    elif fault in ("postgres", "pgrestart"):
                        if pg is None:
                            continue
                        out = (fault_postgres if fault == "postgres" else fault_pgrestart)(s, workers, pg)
                    elif fault == "readonly":
                        out = fault_readonly(s, workers)
                    elif fault == "fulldisk":
                        out = fault_fulldisk(s, workers)
                    else:
                        out = fault_locked(s, workers)
                    out.seconds = time.monotonic() - begun
                    outcomes.append(out)
                    print(f"{fault} × {workers} workers: {'ok' if out.ok else 'FAILED'} — {out.how}; "
                          f"message: {out.message!r}; problem: {out.problem}; equal to clean run: {out.equal}; "
                          f"integrity: {out.integrity}; {out.seconds:.0f} s", flush=True)
        finally:
            if pg is not None:
                pg.close()
    print("\n| fault | workers | injected | faulted run's message (stderr, one line) | resumed store = clean run | integrity_check |")
    print("|---|---|---|---|---|---|")
    for o in outcomes:
        msg = o.message if o.problem is None else f"**{o.problem}**"
        print(f"| {o.fault} | {o.workers} | {o.how} | `{msg}` | {'yes' if o.equal else '**no**'} | {o.integrity} |")
    failures = sum(not o.ok for o in outcomes)
    print(f"\nfaults injected {len(outcomes)}, failures {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
