"""The `dotterel` command. Each command checks its arguments, then calls a plain function that works."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from dotterel.errors import DotterelError

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
            with _open_output(output) as out:
                analyze_jsonl(jsonl, out, default_date=date)
            return
        doc = analyze_file(file or "-", date=date, title=title)
        from dotterel.report import render

        with _open_output(output) as out:
            render(doc, format.value, out)
    except DotterelError as err:
        fail(str(err))


class _Out:
    def __init__(self, path: Optional[Path]) -> None:
        self.path = path
        self.fh = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if self.path is None:
            return sys.stdout
        try:
            self.fh = self.path.open("w", encoding="utf-8")
        except OSError as err:
            raise DotterelError(f"{self.path}: cannot write ({err.strerror})") from None
        return self.fh

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()


def _open_output(path: Optional[Path]) -> _Out:
    return _Out(path)


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
