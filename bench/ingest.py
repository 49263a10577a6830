"""Ingest throughput against raw spaCy, in the same run, with 1 and 2 processes.

    .venv/bin/python bench/ingest.py [--corpus ../shared/corpora/news_sample.jsonl] [--limit N]

Configurations (each in a fresh subprocess, so peak memory is its own; model loading is not timed):
- spacy-1: `nlp.pipe(texts, batch_size=32)` in one process (the baseline for 1 process);
- spacy-2: the same split over 2 worker processes (multiprocessing, model loaded once per worker);
- ingest-0: `dotterel ingest` analysing in the main process, into a temp SQLite store;
- ingest-1 / ingest-2: `--workers 1` / `--workers 2` (Dask LocalCluster), into a temp SQLite store.
Reports documents/s, words/s (whitespace words), ratio to raw spaCy with the same number of analysing
processes, and peak RSS per analysing process (MB). Targets: ratio >= 0.70, <= 1.5 GB per worker.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CONFIGS = ("spacy-1", "spacy-2", "ingest-0", "ingest-1", "ingest-2")
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news_sample.jsonl"


def load_texts(corpus: Path, limit: int | None) -> list[str]:
    texts = []
    with corpus.open() as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def _init_worker() -> None:
    from dotterel import nlp

    nlp.load()


def _parse_batch(texts: list[str]) -> int:
    from dotterel import nlp

    return sum(len(d) for d in nlp.load().pipe(texts, batch_size=32))


def _peak(_: object = None) -> float:
    from dotterel.runs.workers import peak_rss_mb

    return peak_rss_mb()


def run_spacy(texts: list[str], processes: int) -> dict:
    from dotterel import nlp

    if processes == 1:
        model = nlp.load()
        start = time.perf_counter()
        for _ in model.pipe(texts, batch_size=32):
            pass
        return {"seconds": time.perf_counter() - start, "peak_mb": [_peak()]}
    import multiprocessing as mp

    with mp.get_context("spawn").Pool(processes, initializer=_init_worker) as pool:
        pool.map(_peak, range(processes))  # make sure every worker has loaded the model
        batches = [texts[i:i + 32] for i in range(0, len(texts), 32)]
        start = time.perf_counter()
        for _ in pool.imap_unordered(_parse_batch, batches):
            pass
        seconds = time.perf_counter() - start
        peaks = pool.map(_peak, range(processes * 4))
    return {"seconds": seconds, "peak_mb": sorted(set(peaks))[-processes:]}


def run_ingest(corpus: Path, limit: int | None, workers: int) -> dict:
    from dotterel.runs.workers import dask_client, warm_up
    from dotterel.runs.ingest import ingest
    from dotterel.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        path = corpus
        if limit:
            path = Path(tmp) / "corpus.jsonl"
            with corpus.open() as src, path.open("w") as dst:
                for i, line in enumerate(src):
                    if i >= limit:
                        break
                    dst.write(line)
        store = open_store(str(Path(tmp) / "bench.db"))
        if workers == 0:
            warm_up()
            start = time.perf_counter()
            summary = ingest(store, [str(path)], batch_size=32)
            seconds = time.perf_counter() - start
            peaks = [_peak()]
            main_peak = peaks[0]
        else:
            with dask_client(workers=workers) as client:
                client.run(warm_up)
                start = time.perf_counter()
                summary = ingest(store, [str(path)], batch_size=32, client=client)
                seconds = time.perf_counter() - start
                peaks = list(client.run(_peak).values())
            main_peak = _peak()
        store.close()
    return {"seconds": seconds, "peak_mb": peaks, "main_peak_mb": main_peak, "stored": summary.stored,
            "quarantined": summary.quarantined, "events": summary.events}


def one(config: str, corpus: Path, limit: int | None) -> dict:
    kind, n = config.split("-")
    if kind == "spacy":
        return run_spacy(load_texts(corpus, limit), int(n))
    return run_ingest(corpus, limit, int(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    if args.one:
        print(json.dumps(one(args.one, args.corpus, args.limit)))
        return
    texts = load_texts(args.corpus, args.limit)
    n_docs, n_words = len(texts), sum(len(t.split()) for t in texts)
    print(f"corpus: {args.corpus} ({n_docs} documents, {n_words} words)")
    results: dict[str, dict] = {}
    for config in args.configs.split(","):
        cmd = [sys.executable, __file__, "--one", config, "--corpus", str(args.corpus)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{config}: failed\n{out.stderr[-2000:]}")
            continue
        results[config] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{'config':10} {'docs/s':>8} {'words/s':>9} {'ratio':>6} {'peak MB/process':>18}")
    for config, r in results.items():
        procs = max(1, int(config.split("-")[1]))
        base = results.get(f"spacy-{procs}")
        ratio = base["seconds"] / r["seconds"] if base and config.startswith("ingest") else None
        peaks = "/".join(f"{p:.0f}" for p in r["peak_mb"])
        print(f"{config:10} {n_docs / r['seconds']:8.1f} {n_words / r['seconds']:9.0f} "
              f"{'' if ratio is None else f'{ratio:.2f}':>6} {peaks:>18}")


if __name__ == "__main__":  # Dask and multiprocessing re-import this module in their workers
    main()
