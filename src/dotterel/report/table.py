"""Terminal rendering of one analysed document (Rich): a header, then events, claims, quantities, entities.

Every cell is a `rich.text.Text`, never markup, so text from the article ("[bold]", "[/]") prints as
written. When `out` is not a terminal the width is fixed, so piped output and tests are stable.
"""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dotterel.model import ActorRef, Document, Event, Span, to_builtins
from dotterel.report import sure

PIPE_WIDTH = 160
SHORT = 90  # characters kept of long content (claims, sentences)


def shorten(text: str, limit: int = SHORT) -> str:
    """One line, at most `limit` characters, with an ellipsis when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _code(code: str | None, sector: str | None) -> str:
    parts = [p for p in (code, sector) if p]
    return "/".join(parts) if parts else "?"


def _refs(refs: list[ActorRef]) -> str:
    return ", ".join(f"{r.text} [{_code(r.code, r.sector)}]" for r in refs) or "—"


def _slice(text: str, span: Span) -> str:
    start, end = span
    return text[start:end] if 0 <= start < end <= len(text) else ""


def _sentence(doc: Document, ev: Event) -> str:
    if 0 <= ev.sentence < len(doc.sentences):
        return _slice(doc.text, doc.sentences[ev.sentence])
    return _slice(doc.text, ev.span)


def _fmt_number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _header(doc: Document) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    rows = [
        ("id", doc.id),
        ("title", doc.title or "—"),
        ("source", " ".join(p for p in (doc.source, doc.url) if p) or "—"),
        ("published", doc.pub_date or "—"),
        ("genre", f"{doc.genre.label} (P(opinion) {doc.genre.score:.2f})"),
        ("coder", f"{doc.coder.name} {doc.coder.version} · {doc.coder.model} · knowledge {doc.coder.knowledge}"),
        ("found", f"{len(doc.events)} events, {len(doc.claims)} claims, {len(doc.quantities)} quantities, "
                  f"{len(doc.entities)} entities"),
    ]
    for key, value in rows:
        grid.add_row(Text(key), Text(value))
    return grid


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAVY, show_lines=False)
    for name in columns:
        table.add_column(name, overflow="fold")
    return table


def events_table(doc: Document) -> Table:
    # "how sure" beside each event: modality and confidence, who presents it (cue, certainty), casualty
    # figures with their source
    table = _table("Events", ["id", "type", "mode", "actor → recipient", "modality", "attributed to", "casualties",
                              "date", "trigger", "sentence"])
    for ev in doc.events:
        attribution = sure.attribution_text(to_builtins(ev.attribution) if ev.attribution else None)
        casualties = sure.casualties_text(to_builtins(ev.fatalities) if ev.fatalities else None,
                                          to_builtins(ev.injured) if ev.injured else None)
        date = (ev.date.value or ev.date.text) if ev.date else "—"
        table.add_row(*(Text(cell) for cell in (
            ev.id, f"{ev.type} ({ev.score:+g})", ev.mode or "—", f"{_refs(ev.actor)} → {_refs(ev.recipient)}",
            sure.status_text(ev.modality, ev.confidence), attribution, casualties, date, ev.trigger.text,
            f"{ev.sentence}: {shorten(_sentence(doc, ev), 70)}")))
    return table


def claims_table(doc: Document) -> Table:
    table = _table("Claims", ["id", "speaker", "cue", "kind", "certainty", "content", "events"])
    for c in doc.claims:
        speaker = f"{c.speaker.text} [{_code(c.speaker.code, c.speaker.sector)}]" if c.speaker else "—"
        table.add_row(*(Text(cell) for cell in (
            c.id, speaker, c.cue, c.kind, c.certainty, shorten(c.content), ", ".join(c.events) or "—")))
    return table


def quantities_table(doc: Document) -> Table:
    table = _table("Quantities", ["id", "text", "value", "unit", "bound", "projected", "counts", "event"])
    for q in doc.quantities:
        value = f"{_fmt_number(q.low)}–{_fmt_number(q.high)}" if q.bound == "range" else _fmt_number(q.value)
        table.add_row(*(Text(cell) for cell in (
            q.id, shorten(q.text, 60), value, q.unit or "—", q.bound, "yes" if q.projected else "no",
            q.counts.text if q.counts else "—", q.event or "—")))
    return table


def entities_table(doc: Document) -> Table:
    table = _table("Entities", ["id", "text", "code", "sector", "kind", "mentions"])
    for e in doc.entities:
        table.add_row(*(Text(cell) for cell in (
            e.id, e.text if not e.name or e.name == e.text else f"{e.text} ({e.name})", e.code or "—",
            e.sector or "—", e.kind, str(len(e.spans)))))
    return table


def render_table(doc: Document, out: TextIO) -> None:
    """Write the analyst's view of `doc` to `out`."""
    is_tty = bool(getattr(out, "isatty", lambda: False)())
    console = Console(file=out, width=None if is_tty else PIPE_WIDTH, force_terminal=is_tty,
                      no_color=not is_tty, highlight=False, soft_wrap=False)
    console.print(_header(doc))
    sections = [("Events", doc.events, events_table), ("Claims", doc.claims, claims_table),
                ("Quantities", doc.quantities, quantities_table), ("Entities", doc.entities, entities_table)]
    for title, items, build in sections:
        console.print()
        if items:
            console.print(build(doc))
        else:
            console.print(Text(f"{title}: none found", style="dim"))
    if doc.warnings:
        console.print()
        console.print(Text("Warnings", style="bold yellow"))
        for warning in doc.warnings:
            console.print(Text(f"  ! {warning}", style="yellow"))


__all__ = ["claims_table", "entities_table", "events_table", "quantities_table", "render_table", "shorten"]
