"""Issue 19: 10,000+ seeded hostile JSONL lines (tests/fuzz_inputs.py) through `dotterel analyze --jsonl`.

Runs the real console entry point in a subprocess and reports: lines tried, records out, error records,
documents, crashes (a traceback or a non-zero exit, or a missing record: must be 0), records not valid
(schema), wall time and peak memory (max RSS of the child).

    .venv/bin/python bench/fuzz.py --lines 10000 --seed 19
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_inputs import hostile_lines  # noqa: E402
from test_fuzz import check_record  # noqa: E402

DOTTEREL = str(Path(sys.executable).with_name("dotterel"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--light", action="store_true", help="leave out the multi-MB and 100k-word lines")
    args = ap.parse_args()
    lines = hostile_lines(args.lines, args.seed, heavy=not args.light)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hostile.jsonl"
        path.write_bytes(b"".join(lines))
        size = path.stat().st_size
        start = time.monotonic()
        proc = subprocess.run([DOTTEREL, "analyze", "--jsonl", str(path)], capture_output=True,
                              stdin=subprocess.DEVNULL)
        elapsed = time.monotonic() - start
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stderr = proc.stderr.decode("utf-8", "replace")
    records = [json.loads(x) for x in proc.stdout.split(b"\n") if x]
    invalid = 0
    for record in records:
        try:
            check_record(record)
        except Exception:  # noqa: BLE001 - counted, reported
            invalid += 1
    errors = sum("error" in r for r in records)
    crashes = int("Traceback" in stderr) + int(proc.returncode != 0) + abs(len(lines) - len(records))
    print(f"lines tried      {len(lines):,} ({size / 2**20:.1f} MiB, seed {args.seed})")
    print(f"records out      {len(records):,}  (documents {len(records) - errors:,}, error records {errors:,})")
    print(f"invalid records  {invalid}")
    print(f"crashes          {crashes}  (exit {proc.returncode}, traceback: {'Traceback' in stderr})")
    print(f"time             {elapsed:.1f} s ({len(lines) / elapsed:.0f} lines/s)")
    print(f"peak memory      {peak_mib:.0f} MiB (max RSS of dotterel)")
    if crashes or invalid:
        print(stderr[-3000:], file=sys.stderr)
    return 1 if crashes or invalid else 0


if __name__ == "__main__":
    sys.exit(main())
