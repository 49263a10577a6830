#!/usr/bin/env python3
"""Share of a store's events with a coded actor, and with both actor and recipient codes.

usage: tools/store_coverage.py STORE [--by-type]   (STORE: a SQLite path or a database URL)

What the monitor, the dashboard and every export can use is an event whose parties carry codes. This counts
the events of each document's current coding, read through `store/query.py` (the one read layer), with
negated events left out as every count leaves them out (as `tools/party_coverage.py` does on fresh
analyses). `--by-type` adds one line per PLOVER type.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field


from dotterel.store import StoreError, open_store
from dotterel.store import query

COUNTED = tuple(m for m in query.MODALITIES if m != "negated")


@dataclass(slots=True)
class Coverage:
    documents: int = 0
    events: Counter[str] = field(default_factory=Counter)  # by type
    with_actor: Counter[str] = field(default_factory=Counter)
    with_both: Counter[str] = field(default_factory=Counter)

    def shares(self, etype: str | None = None) -> tuple[int, float, float]:
        """(events, share with a coded actor, share with actor and recipient codes), overall or for one type."""
        pick = (lambda c: sum(c.values())) if etype is None else (lambda c: c[etype])  # noqa: E731
        n = pick(self.events)
        return n, pick(self.with_actor) / max(n, 1), pick(self.with_both) / max(n, 1)


def coverage(conn: object) -> Coverage:
    """Count the current coding's non-negated events of the store behind `conn`."""
    cov = Coverage(documents=query.count_documents(conn))
    for row in query.iter_events(conn, query.EventFilter(modalities=COUNTED)):
        etype = row["type"]
        actor = any(row["actor_codes"])
        cov.events[etype] += 1
        cov.with_actor[etype] += actor
        cov.with_both[etype] += actor and any(row["recipient_codes"])
    return cov


def report(cov: Coverage, by_type: bool) -> str:
    n, actor, both = cov.shares()
    lines = [f"{cov.documents} documents, {n} events (negated left out): coded actor {actor:.1%}, "
             f"actor and recipient {both:.1%}"]
    if by_type:
        for etype in sorted(cov.events):
            n, actor, both = cov.shares(etype)
            lines.append(f"  {etype:<10} {n:>7}  actor {actor:6.1%}  both {both:6.1%}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", help="SQLite path or database URL of a store made by `dotterel ingest`")
    ap.add_argument("--by-type", action="store_true", help="one line per event type too")
    args = ap.parse_args(argv)
    try:
        store = open_store(args.store, migrate=False, create=False)
    except StoreError as err:
        print(f"store_coverage: {err}", file=sys.stderr)
        return 2
    try:
        with store.connect() as conn:
            print(report(coverage(conn), args.by_type))
    except StoreError as err:  # a SQLite file that is no dotterel store, a server gone: one line from the store
        print(f"store_coverage: cannot read {args.store}: {err}", file=sys.stderr)
        return 2
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
