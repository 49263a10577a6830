"""The `dotterel` command. Each command checks its arguments, then calls a plain function that works.

Conventions every command keeps (tests/test_cli_conventions.py): a usage error is one plain line on
stderr, `error: ...`, and exit status 2 (other failures: 1); values are checked against what the project
knows (`cli.values`); tables are Rich on a terminal and TSV anywhere else (`cli.output`); an empty
result says so in one line; every --help ends with examples.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn, Optional, TypeVar

import typer
from rich.console import Console
from sqlalchemy import exc as sa_exc
from typer._click import exceptions as click_errors  # Typer vendors Click; its errors live here

from dotterel.cli import values
from dotterel.cli.output import is_terminal, open_output, progress_lines
from dotterel.errors import DotterelError
from dotterel.limits import FETCH_TIMEOUT, MAX_FETCH_BYTES, size_text
from dotterel.store.engine import error_line

app = typer.Typer(
    name="dotterel",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
err_console = Console(stderr=True)
T = TypeVar("T")


class AnalyzeFormat(str, enum.Enum):
    table = "table"
    json = "json"
    html = "html"


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error and exit non-zero (never a traceback); code 2 is a usage error."""
    print(f"error: {' '.join(message.split())}", file=sys.stderr, flush=True)
    raise typer.Exit(code)


def checked(check: Callable[[], T]) -> T:
    """The value a `cli.values` check returns; its UsageProblem becomes a one-line usage error."""
    try:
        return check()
    except values.UsageProblem as err:
        fail(str(err), 2)


def _version(value: bool) -> None:
    if value:
        from dotterel import __version__

        typer.echo(f"dotterel {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Turn news about war and diplomacy into sourced PLOVER event data, and watch for escalation.

    Examples:

      dotterel analyze examples/articles/sahel-ceasefire.txt --date 2024-03-02

      dotterel ingest examples/articles.jsonl --db demo.db

      dotterel events --db demo.db --actor Iran

      dotterel monitor --db demo.db --top 10

    Tables are plain TSV (tab-separated, never cut or wrapped) when written to a file or pipe.
    """


@app.command()
def analyze(
    file: Annotated[Optional[str], typer.Argument(help="Text or HTML file to analyse; '-' reads standard input; an http(s) URL with --fetch.")] = None,
    jsonl: Annotated[Optional[Path], typer.Option("--jsonl", help="Analyse a JSONL file: one {\"id\", \"text\", \"date\"?} per line; prints one dotterel/1 record per line.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Publication date (YYYY-MM-DD) that relative dates resolve against.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Title of the article.")] = None,
    format: Annotated[AnalyzeFormat, typer.Option("--format", "-f", help="table (for reading), json (dotterel/1), html (self-contained page).")] = AnalyzeFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
    fetch: Annotated[bool, typer.Option("--fetch", help=f"FILE is an http(s) URL: fetch that one page ({FETCH_TIMEOUT:g} s, {size_text(MAX_FETCH_BYTES)} at most) and analyse it. Without it nothing is fetched.")] = False,
) -> None:
    """Analyse one article: actors, PLOVER events, claims, quantities, dates, genre.

    Examples:

      dotterel analyze examples/articles/sahel-ceasefire.txt --date 2024-03-02

      dotterel analyze article.html --format json > article.json

      dotterel analyze https://example.org/news/story.html --fetch --date 2024-03-02

      dotterel analyze --jsonl articles.jsonl > coded.jsonl
    """
    from dotterel.analyze import analyze_file, analyze_jsonl

    if (file is None) == (jsonl is None):
        fail("give exactly one of FILE or --jsonl (see `dotterel analyze --help`)", 2)
    if fetch and jsonl is not None:
        fail("--fetch analyses one URL given as FILE, not --jsonl", 2)
    try:
        if jsonl is not None:
            # a long JSONL run reports on stderr every 500 documents or 10 s (stdout carries the records)
            with open_output(output) as out, progress_lines("analyze", None) as advance:
                analyze_jsonl(jsonl, out, default_date=date, advance=advance)
            return
        doc = analyze_file(file or "-", date=date, title=title, fetch=fetch)
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
    errors: Annotated[Optional[int], typer.Option("--errors", help="Show this many of the worst errors per set. Default: 5, none for the sets kept for measuring only (held-out, PLOVER, PETRARCH2, NewsSD, MEANTIME).", show_default=False)] = None,
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
            if not is_terminal(sys.stderr):  # a spinner shows nothing in a log
                print(f"eval: scoring {name} ...", file=sys.stderr, flush=True)
            with err_console.status(f"scoring {name} ..."):
                results.append(fn(path))
            shown = errors if errors is not None else (0 if name in suite.MEASURING_ONLY else 5)
            print_results(results[-1:], shown)
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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr (a bar on a terminal, else a line every 500 documents or 10 s).")] = False,
) -> None:
    """Analyse a corpus into the store; resumable (re-run after an interruption), duplicates skipped.

    The store's own files (the database and its -wal/-shm/-journal) are never read as input.

    Examples:

      dotterel ingest articles/ feeds/world.xml --db corpus.db

      dotterel ingest news.jsonl --db postgresql://me:pw@localhost/events --workers 4

      dotterel ingest --recode --db corpus.db
    """
    from dotterel.cli.ingest import run_ingest

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
    """List what ingest could not read or analyse, with the reason and where it came from.

    Examples:

      dotterel quarantine --db corpus.db

      dotterel quarantine --db corpus.db --format jsonl > quarantined.jsonl
    """
    from dotterel.cli.store import show_quarantine

    try:
        show_quarantine(db, format.value, sys.stdout)
    except DotterelError as err:
        fail(str(err))


DYAD_HELP = ("AAA-BBB: actor code, recipient code (AAA-AAA: both sides in one country); AAA alone: that actor "
             "on anyone. Codes or names (Iran-Israel). Give it once.")


@app.command()
def events(
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP)] = None,
    dyad: Annotated[Optional[list[str]], typer.Option("--dyad", help=DYAD_HELP, show_default=False)] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="Events with this actor among the actors: a code (IRN) or a name the actor knowledge base knows (Iran).")] = None,
    type: Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER event type (repeatable), e.g. AID; an unknown type fails naming the valid ones.", show_default=False)] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="First day (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last day (YYYY-MM-DD), inclusive.")] = None,
    modality: Annotated[Optional[list[str]], typer.Option("--modality", help="asserted|negated|future|hypothetical|historical (repeatable).", show_default=False)] = None,
    format: Annotated[EventsFormat, typer.Option("--format", "-f", help="table (first 50; TSV off a terminal), csv, jsonl, parquet (needs --output).")] = EventsFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """List stored events (each document's newest coding), filtered; export as CSV, JSONL or Parquet.

    The table shows who acted on whom and the evidence: the trigger and its sentence.

    Examples:

      dotterel events --db corpus.db --dyad PRK-RUS --since 2024-10-01

      dotterel events --db corpus.db --actor Iran --type ASSAULT

      dotterel events --db corpus.db --type AID --format parquet -o aid.parquet
    """
    from dotterel.cli.store import show_events
    from dotterel.store.query import EventFilter

    pair = checked(lambda: values.dyad(dyad))
    code = checked(lambda: values.actor_code(actor)) if actor else None
    types = checked(lambda: values.event_types(type or []))
    first = checked(lambda: values.day(since, "--since"))
    last = checked(lambda: values.day(until, "--until"))
    modalities = checked(lambda: values.modalities(modality or []))
    if format is EventsFormat.parquet and output is None:
        fail("--format parquet needs --output FILE", 2)
    if pair and not pair[1]:  # a bare code is that actor on anyone
        if code and code != pair[0]:
            fail(f"--dyad {pair[0]} and --actor {code} name different actors", 2)
        code, pair = pair[0], None
    filters = EventFilter(dyad=pair, actor=code, types=types, since=first, until=last, modalities=modalities)
    asked = " ".join(f"{k} {v}" for k, v in (("--dyad", "-".join(pair) if pair else None), ("--actor", code),
                                            *(("--type", x) for x in types), ("--since", first),
                                            ("--until", last), *(("--modality", m) for m in modalities)) if v)
    try:
        show_events(db, filters, format.value, output, asked=asked)
    except DotterelError as err:
        fail(str(err))


@app.command()
def documents(
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP)] = None,
    format: Annotated[DocumentsFormat, typer.Option("--format", "-f", help="table (first 50; TSV off a terminal), jsonl or csv (every document).")] = DocumentsFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """List stored documents with their ids (jsonl/csv list every one; jsonl gives `id` and `doc_id`).

    Examples:

      dotterel documents --db corpus.db

      dotterel documents --db corpus.db --format jsonl > documents.jsonl
    """
    from dotterel.cli.store import show_documents

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
    max_body: Annotated[int, typer.Option("--max-body", min=1024, help="Largest request body accepted, in bytes.")] = MAX_FETCH_BYTES,
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


@app.command()
def monitor(
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP)] = None,
    dyad: Annotated[Optional[list[str]], typer.Option("--dyad", help="One dyad, AAA-BBB (either direction unless --directed); AAA alone: its single-actor series. Codes or names; give it once.", show_default=False)] = None,
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
    from dotterel.cli.monitor import MonitorRequest, run_monitor
    from dotterel.monitor.alerts import AlertParams
    from dotterel.monitor.clusters import Params

    pair = checked(lambda: values.dyad(dyad))
    if pair is not None and top is not None:
        fail("give --dyad or --top, not both", 2)
    if pair and pair[0] == pair[1] and level is Level.country:
        fail(f"--dyad {'-'.join(pair)}: both sides in one country show only at --level sector "
             "(sector codes such as SDNGOV-SDNREB)", 2)
    since = checked(lambda: values.day(since, "--since"))
    until = checked(lambda: values.day(until, "--until"))
    if format in (MonitorFormat.png, MonitorFormat.parquet) and output is None:
        fail(f"--format {format.value} needs --output FILE", 2)
    req = MonitorRequest(
        db=db, dyad="-".join(p for p in pair if p) if pair else None, top=top or 10, freq=freq.value, since=since, until=until,
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
    dyad: Annotated[Optional[list[str]], typer.Option("--dyad", help="Figures tied to events between these actors, AAA-BBB (or of one actor, AAA). Codes or names; give it once.", show_default=False)] = None,
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
    from dotterel.cli.monitor import run_timeline

    if not (about or dyad or unit):
        fail("give at least one of --about, --dyad or --unit", 2)
    pair = checked(lambda: values.dyad(dyad))
    since = checked(lambda: values.day(since, "--since"))
    until = checked(lambda: values.day(until, "--until"))
    if format in (MonitorFormat.png, MonitorFormat.parquet) and output is None:
        fail(f"--format {format.value} needs --output FILE", 2)
    try:
        run_timeline(db, about=about, dyad="-".join(p for p in pair if p) if pair else None, unit=unit, since=since, until=until,
                     format=format.value, output=output)
    except DotterelError as err:
        fail(str(err))


def main(argv: list[str] | None = None) -> NoReturn:
    """The console script: run `argv` (default: the command line) and exit with its status.

    Click's usage errors (unknown option, bad value, missing argument) become one plain line instead of
    Typer's boxed panel, so scripts and logs get `error: ...` and status 2 like every other usage error.
    """
    try:
        code = app(args=argv, prog_name="dotterel", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as err:  # bare `dotterel` or a group without a command
        print(err.ctx.get_help() if err.ctx else err.format_message())
        code = 0
    except click_errors.UsageError as err:
        hint = f" (see `{err.ctx.command_path} --help`)" if err.ctx else ""
        fail_line = " ".join(err.format_message().split())
        print(f"error: {fail_line}{hint}", file=sys.stderr, flush=True)
        code = 2
    except click_errors.ClickException as err:
        print(f"error: {' '.join(err.format_message().split())}", file=sys.stderr, flush=True)
        code = err.exit_code
    except typer.Abort:
        print("interrupted", file=sys.stderr)
        code = 130
    except sa_exc.SQLAlchemyError as err:  # a database error no command turned into a StoreError: still one line
        print(f"error: database: {error_line(err)}", file=sys.stderr, flush=True)
        code = 1
    except BrokenPipeError:  # `dotterel ... | head` is fine
        sys.stderr.close()
        code = 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        code = 130
    raise SystemExit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
