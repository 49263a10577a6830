"""The `dotterel` command. Each command checks its arguments, then calls a plain function that works."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from dotterel.errors import DotterelError
from dotterel.output import open_output

app = typer.Typer(
    name="dotterel",
    help="Turn news about war and diplomacy into sourced PLOVER event data, and watch for escalation.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
err_console = Console(stderr=True)


class AnalyzeFormat(str, enum.Enum):
    table = "table"
    json = "json"
    html = "html"


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error and exit non-zero (never a traceback)."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        from dotterel import __version__

        typer.echo(f"dotterel {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Turn news about war and diplomacy into sourced PLOVER event data, and watch for escalation."""


@app.command()
def analyze(
    file: Annotated[Optional[str], typer.Argument(help="Text or HTML file to analyse; '-' reads standard input.")] = None,
    jsonl: Annotated[Optional[Path], typer.Option("--jsonl", help="Analyse a JSONL file: one {\"id\", \"text\", \"date\"?} per line; prints one dotterel/1 record per line.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Publication date (YYYY-MM-DD) that relative dates resolve against.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Title of the article.")] = None,
    format: Annotated[AnalyzeFormat, typer.Option("--format", "-f", help="table (for reading), json (dotterel/1), html (self-contained page).")] = AnalyzeFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """Analyse one article: actors, PLOVER events, claims, quantities, dates, genre.

    Examples:

      dotterel analyze examples/articles/sahel-ceasefire.txt --date 2024-03-02

      dotterel analyze article.html --format json > article.json

      dotterel analyze --jsonl articles.jsonl > coded.jsonl
    """
    from dotterel.analyze import analyze_file, analyze_jsonl

    if (file is None) == (jsonl is None):
        fail("give exactly one of FILE or --jsonl (see `dotterel analyze --help`)", 2)
    try:
        if jsonl is not None:
            with open_output(output) as out:
                analyze_jsonl(jsonl, out, default_date=date)
            return
        doc = analyze_file(file or "-", date=date, title=title)
        from dotterel.report import render

        with open_output(output) as out:
            render(doc, format.value, out)
    except DotterelError as err:
        fail(str(err))


DB_HELP = "Database: a SQLite file or URL, or postgresql://user:pass@host/db (default: $DOTTEREL_DB, else ./dotterel.db)."


class EventsFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class DocumentsFormat(str, enum.Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ListFormat(str, enum.Enum):
    table = "table"
    jsonl = "jsonl"



@app.command("eval")
def evaluate(
    sets: Annotated[Optional[list[str]], typer.Argument(help="Sets to score: plover, petrarch2, acceptance, sentences, articles, heldout, quantities, claims, heldout_quantities, heldout_claims, newssd, meantime, or paths to gold files in score.py's format. Default: every set found.")] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="Also write the figures to this file (.md or .json).")] = None,
    errors: Annotated[int, typer.Option("--errors", help="Show this many of the worst errors per set.")] = 5,
) -> None:
    """Score the current coder on labelled sets: per-type P/R/F1, confusion, worst errors.

    Event metrics are exactly those of ../shared/tools/score.py. Run from the project root, with ../shared
    beside it for the shared sets.

    Examples:

      dotterel eval                         # every set found

      dotterel eval plover petrarch2 --report bench/eval_report.md

      dotterel eval tests/gold/articles.jsonl
    """
    from dotterel.evaluation import suite
    from dotterel.evaluation.render import print_results

    try:
        chosen = suite.resolve(list(sets or []))
        if not chosen:
            fail("no evaluation set found (run from the project root, with ../shared beside it)")
        results = []
        for name, path, fn in chosen:
            with err_console.status(f"scoring {name} ..."):
                results.append(fn(path))
            print_results(results[-1:], errors)
        if report is not None:
            command = "dotterel eval " + " ".join(sets or []) + f" --report {report}"
            text = suite.to_json(results) if report.suffix == ".json" else suite.to_markdown(results, command.replace("  ", " "))
            try:
                report.write_text(text + "\n", encoding="utf-8")
            except OSError as err:
                fail(f"{report}: cannot write ({err.strerror})")
    except DotterelError as err:
        fail(str(err))

@app.command()
def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or directories: text, HTML, JSONL, RSS/Atom feeds (directories recursively).", show_default=False)] = None,
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP)] = None,
    workers: Annotated[int, typer.Option("--workers", min=0, help="Analyse in a Dask LocalCluster of N processes (0: in this process).")] = 0,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Analyse on a running Dask cluster, e.g. tcp://host:8786.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per batch (one analysis task, one transaction).")] = 32,
    recode: Annotated[bool, typer.Option("--recode", help="Also re-code stored documents not yet coded by this coder version and knowledge.")] = False,
    lock_timeout: Annotated[float, typer.Option("--lock-timeout", min=0.0, help="Seconds to wait for another writer before giving up.")] = 30.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse a corpus into the store; resumable (re-run after an interruption), duplicates skipped.

    Examples:

      dotterel ingest articles/ feeds/world.xml --db corpus.db

      dotterel ingest news.jsonl --db postgresql://me:pw@localhost/events --workers 4

      dotterel ingest --recode --db corpus.db
    """
    from dotterel.ingest.console import run_ingest

    if not paths and not recode:
        fail("give at least one PATH to ingest (or --recode to re-code stored documents)", 2)
    if workers and scheduler:
        fail("give --workers or --scheduler, not both", 2)
    for path in paths or []:
        if not Path(path).exists() and not Path(path).is_symlink():
            fail(f"{path}: no such file or directory", 2)
    try:
        run_ingest(paths or [], db, workers=workers, scheduler=scheduler, batch_size=batch_size, recode=recode,
                   lock_timeout=lock_timeout, show_progress=not quiet)
    except DotterelError as err:
        fail(str(err))


@app.command()
def quarantine(
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP)] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="table or jsonl.")] = ListFormat.table,
) -> None:
    """List what ingest could not read or analyse, with the reason and where it came from."""
    from dotterel.store.cli_support import show_quarantine

    try:
        show_quarantine(db, format.value, sys.stdout)
    except DotterelError as err:
        fail(str(err))


@app.command()
def events(
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP)] = None,
    dyad: Annotated[Optional[str], typer.Option("--dyad", help="Actor and recipient codes, AAA-BBB (e.g. PRK-RUS).")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="Events with this code among the actors.")] = None,
    type: Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER event type (repeatable), e.g. AID.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="First day (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last day (YYYY-MM-DD), inclusive.")] = None,
    modality: Annotated[Optional[list[str]], typer.Option("--modality", help="asserted|negated|future|hypothetical|historical (repeatable).")] = None,
    format: Annotated[EventsFormat, typer.Option("--format", "-f", help="table (first 50), csv, jsonl, parquet (needs --output).")] = EventsFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """List stored events (each document's newest coding), filtered; export as CSV, JSONL or Parquet.

    Examples:

      dotterel events --db corpus.db --dyad PRK-RUS --since 2024-10-01

      dotterel events --db corpus.db --type AID --format parquet -o aid.parquet
    """
    import datetime as dt

    from dotterel.query import MODALITIES, EventFilter, parse_dyad
    from dotterel.store.cli_support import show_events

    try:
        pair = parse_dyad(dyad) if dyad else None
    except ValueError as err:
        fail(str(err), 2)
    for name, value in (("--since", since), ("--until", until)):
        if value is not None:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                fail(f"{name} {value!r} is not a date (YYYY-MM-DD)", 2)
    for m in modality or []:
        if m not in MODALITIES:
            fail(f"--modality {m!r} is not one of {', '.join(MODALITIES)}", 2)
    if format is EventsFormat.parquet and output is None:
        fail("--format parquet needs --output FILE", 2)
    filters = EventFilter(dyad=pair, actor=actor.upper() if actor else None, types=type or (), since=since,
                          until=until, modalities=modality or ())
    try:
        show_events(db, filters, format.value, output)
    except DotterelError as err:
        fail(str(err))


@app.command()
def documents(
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP)] = None,
    format: Annotated[DocumentsFormat, typer.Option("--format", "-f", help="table (first 50), jsonl or csv (every document).")] = DocumentsFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """List stored documents with their ids (jsonl/csv list every one)."""
    from dotterel.store.cli_support import show_documents

    try:
        show_documents(db, format.value, output)
    except DotterelError as err:
        fail(str(err))


@app.command()
def serve(
    db: Annotated[Optional[str], typer.Option("--db", help="Store: SQLite path or postgresql:// URL (default $DOTTEREL_DB or dotterel.db).")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind; anything but localhost needs --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[Optional[str], typer.Option("--token", envvar="DOTTEREL_TOKEN", help="API token every endpoint but /api/health then requires (browsers: open a page once with ?token=...).")] = None,
    max_body: Annotated[int, typer.Option("--max-body", min=1024, help="Largest request body accepted, in bytes.")] = 2 * 1024 * 1024,
    allow_fetch: Annotated[bool, typer.Option("--allow-fetch", help="Let /api/analyze fetch a given URL when no text is sent (off: no outbound requests).")] = False,
    open_reads: Annotated[bool, typer.Option("--open-reads", help="With --token: let GET requests through without it (off: every endpoint but /api/health needs the token).")] = False,
) -> None:
    """Run the web dashboard and REST API (OpenAPI at /openapi.json).

    Examples:

      dotterel serve --db corpus.db

      dotterel serve --db corpus.db --host 0.0.0.0 --token "$(openssl rand -hex 16)"
    """
    from dotterel.web.serve import run

    try:
        run(db, host=host, port=port, token=token, max_body=max_body, allow_fetch=allow_fetch, open_reads=open_reads)
    except DotterelError as err:
        fail(str(err))


class MonitorFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"
    png = "png"
    html = "html"


class Freq(str, enum.Enum):
    day = "day"
    week = "week"
    month = "month"


class Level(str, enum.Enum):
    country = "country"
    sector = "sector"


def _check_date(name: str, value: Optional[str]) -> None:
    import datetime as dt

    from dotterel import limits

    if value is not None:
        try:
            limits.check_date(dt.date.fromisoformat(value), name)
        except limits.LimitError as err:
            fail(str(err), 2)
        except ValueError:
            fail(f"{name} {value!r} is not a date (YYYY-MM-DD)", 2)


@app.command()
def monitor(
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP)] = None,
    dyad: Annotated[Optional[str], typer.Option("--dyad", help="One dyad, AAA-BBB (either direction unless --directed); AAA alone: single-actor series.")] = None,
    top: Annotated[Optional[int], typer.Option("--top", min=1, help="The N most active dyads (default 10 when no --dyad).")] = None,
    freq: Annotated[Freq, typer.Option("--freq", help="Period: day, week or month.")] = Freq.week,
    since: Annotated[Optional[str], typer.Option("--since", help="First day shown (YYYY-MM-DD); baselines still use earlier data.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last day (YYYY-MM-DD), inclusive.")] = None,
    level: Annotated[Level, typer.Option("--level", help="country dyads, or sector dyads such as SDNGOV-SDNREB.")] = Level.country,
    directed: Annotated[bool, typer.Option("--directed", help="Only the actor->recipient direction of --dyad.")] = False,
    min_sources: Annotated[int, typer.Option("--min-sources", min=1, help="Independent sources an alert needs.")] = 2,
    alpha: Annotated[float, typer.Option("--alpha", min=0.0, max=1.0, help="False-discovery rate per period across dyads.")] = 0.05,
    window: Annotated[int, typer.Option("--window", min=0, help="Days within which codings can be one happening.")] = 3,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Rebuild the event clusters even if the store is unchanged.")] = False,
    format: Annotated[MonitorFormat, typer.Option("--format", "-f", help="table, csv, json, parquet/png (need --output), html.")] = MonitorFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """Dyad time series of event clusters with an escalation index, and alerts with their evidence.

    Examples:

      dotterel monitor --db corpus.db --top 10

      dotterel monitor --db corpus.db --dyad RUS-UKR --freq week --since 2024-09-01

      dotterel monitor --db corpus.db --dyad SDNGOV-SDNREB --level sector --format html -o sudan.html
    """
    from dotterel.monitor.alerts import AlertParams
    from dotterel.monitor.clusters import Params
    from dotterel.monitor.console import MonitorRequest, run_monitor
    from dotterel.monitor.dyads import parse_dyad

    if dyad is not None and top is not None:
        fail("give --dyad or --top, not both", 2)
    if dyad is not None:
        try:
            parse_dyad(dyad)
        except ValueError as err:
            fail(str(err), 2)
    _check_date("--since", since)
    _check_date("--until", until)
    if format in (MonitorFormat.png, MonitorFormat.parquet) and output is None:
        fail(f"--format {format.value} needs --output FILE", 2)
    req = MonitorRequest(
        db=db, dyad=dyad.upper() if dyad else None, top=top or 10, freq=freq.value, since=since, until=until,
        level=level.value, directed=directed, format=format.value, output=output,
        alert=AlertParams(alpha=alpha, min_sources=min_sources), cluster=Params(window_days=window), rebuild=rebuild)
    try:
        run_monitor(req)
    except DotterelError as err:
        fail(str(err))


@app.command()
def timeline(
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP)] = None,
    about: Annotated[Optional[str], typer.Option("--about", help="Figures whose text, article title or event mentions this.")] = None,
    dyad: Annotated[Optional[str], typer.Option("--dyad", help="Figures tied to events between these actors, AAA-BBB.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Unit or role, e.g. soldiers (also finds troops, personnel).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="First day (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last day (YYYY-MM-DD).")] = None,
    format: Annotated[MonitorFormat, typer.Option("--format", "-f", help="table, csv, json, parquet/png (need --output), html.")] = MonitorFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """Claimed numbers over time by source, with disagreements between sources flagged.

    Examples:

      dotterel timeline --db corpus.db --unit soldiers --dyad PRK-RUS

      dotterel timeline --db corpus.db --about "North Korean" --format html -o troops.html
    """
    from dotterel.monitor.console import run_timeline
    from dotterel.monitor.dyads import parse_dyad

    if not (about or dyad or unit):
        fail("give at least one of --about, --dyad or --unit", 2)
    if dyad is not None:
        try:
            parse_dyad(dyad)
        except ValueError as err:
            fail(str(err), 2)
    _check_date("--since", since)
    _check_date("--until", until)
    if format in (MonitorFormat.png, MonitorFormat.parquet) and output is None:
        fail(f"--format {format.value} needs --output FILE", 2)
    try:
        run_timeline(db, about=about, dyad=dyad.upper() if dyad else None, unit=unit, since=since, until=until,
                     format=format.value, output=output)
    except DotterelError as err:
        fail(str(err))


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `dotterel ... | head` is fine
        sys.stderr.close()
    except KeyboardInterrupt:
        err_console.print("interrupted")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
