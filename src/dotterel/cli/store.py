"""What the store's CLI commands do (`events`, `documents`, `quarantine`): open, query, write out."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from dotterel.cli import export
from dotterel.cli.output import open_output
from dotterel.report import sure
from dotterel.store import query
from dotterel.store.engine import open_store

# The evidence travels with each row: who acted on whom (texts and codes), the trigger and its sentence;
# and how sure: the confidence, who presents the event (cue, certainty) and its casualty figures.
TABLE_EVENT_COLUMNS = ("day", "type", "modality", "confidence", "attributed", "casualties", "dyads", "actor_texts",
                       "recipient_texts", "trigger", "excerpt", "doc_id", "event_id")
TABLE_DOCUMENT_COLUMNS = ("doc_id", "pub_date", "source", "title", "n_events", "coder_version")


def show_events(db: str | None, filters: query.EventFilter, fmt: str, output: Path | None, asked: str = "") -> int:
    """`asked`: the filters as the user wrote them, for the one line said when nothing matches."""
    store = open_store(db, create=False)
    try:
        with store.connect() as conn:
            if fmt == "parquet":
                assert output is not None
                return export.write_parquet(query.iter_events(conn, filters), query.EVENT_COLUMNS, output)
            with open_output(output) as out:
                if fmt == "table":
                    total = query.count_events(conn, filters)
                    filters.limit = export.TABLE_LIMIT
                    rows = [_how_sure(r) for r in query.events(conn, filters, excerpt=True)]
                    export.render_table(rows, TABLE_EVENT_COLUMNS, "events", total, out,
                                        empty=f"no events match: {asked}" if asked else "no events stored")
                    return len(rows)
                rows_iter = query.iter_events(conn, filters)
                if fmt == "csv":
                    return export.write_csv(rows_iter, query.EVENT_COLUMNS, out)
                return export.write_jsonl(rows_iter, out)
    finally:
        store.close()


def _how_sure(row: dict[str, Any]) -> dict[str, Any]:
    """A flat event row with "how sure" in words (report/sure.py: the analyze table's wording)."""
    att = {"source": row["attribution_source"], "code": row["attribution_code"], "sector": row["attribution_sector"],
           "cue": row["attribution_cue"], "certainty": row["attribution_certainty"]}
    figs: dict[str, dict[str, Any] | None] = {}
    for name in query.CASUALTY_FIELDS:
        fig = {part: row[f"{name}_{part}"] for part in ("low", "best", "high", "source")}
        figs[name] = fig if any(fig[p] is not None for p in ("low", "best", "high")) else None
    return {**row, "confidence": f"{row['confidence']:.2f}",
            "attributed": sure.attribution_text(att if row["attribution_source"] is not None else None),
            "casualties": sure.casualties_text(figs["fatalities"], figs["injured"])}


def show_documents(db: str | None, fmt: str, output: Path | None) -> int:
    store = open_store(db, create=False)
    try:
        with store.connect() as conn, open_output(output) as out:
            if fmt == "table":
                total = query.count_documents(conn)
                rows = list(query.documents(conn, limit=export.TABLE_LIMIT))
                export.render_table(rows, TABLE_DOCUMENT_COLUMNS, "documents", total, out, empty="no documents stored")
                return len(rows)
            if fmt == "csv":
                return export.write_csv(query.documents(conn), query.DOCUMENT_COLUMNS, out)
            # `id` is the document id as DESIGN.md names it; `doc_id` stays for readers written before
            return export.write_jsonl(({"id": row["doc_id"], **row} for row in query.documents(conn)), out)
    finally:
        store.close()


def show_quarantine(db: str | None, fmt: str, out: TextIO) -> int:
    store = open_store(db, create=False)
    try:
        with store.connect() as conn:
            rows = query.quarantined(conn)
    finally:
        store.close()
    if fmt == "jsonl":
        return export.write_jsonl(rows, out)
    export.render_table(rows, ("path", "locator", "item_id", "reason", "run_id"), "quarantine", len(rows), out,
                        empty="nothing quarantined")
    return len(rows)
