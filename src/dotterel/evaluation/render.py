"""Rich rendering of evaluation results for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dotterel.evaluation.suite import SetResult

console = Console()


def _fmt(v: object) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def print_results(results: list[SetResult], errors: int = 5) -> None:
    for r in results:
        table = Table(title=f"{r.name} ({r.kind})", title_justify="left", show_header=False)
        for k, v in r.headline.items():
            table.add_row(k, _fmt(v))
        console.print(table)
        per_type = r.details.get("per_type")
        if per_type:
            t = Table("type", "P", "R", "F1", "gold", "pred", title="per type", title_justify="left")
            for name, v in per_type.items():
                t.add_row(name, f"{v['p']:.2f}", f"{v['r']:.2f}", f"{v['f1']:.2f}", str(v["gold"]), str(v["pred"]))
            console.print(t)
        confusion = r.details.get("confusion")
        if confusion and r.kind == "events":
            off = sorted(((n, k) for k, n in confusion.items() if k.split("->")[0] != k.split("->")[1]), reverse=True)
            if off:
                console.print("confusions (gold->predicted): " + ", ".join(f"{k} {n}" for n, k in off[:12]))
        for err in r.details.get("worst_errors", [])[:errors]:
            console.print(f"  [dim]{_error_line(err)}[/]", highlight=False)


def _error_line(err: object) -> str:
    """One worst error: a gold/predicted pair, or another set's own record (a precision set's article and its
    event count)."""
    if isinstance(err, dict) and {"gold", "predicted", "text"} <= set(err):
        return f"{err['gold']} -> {err['predicted']}: {err['text'][:160]}"
    if isinstance(err, dict):
        return ", ".join(f"{k}: {v}" for k, v in err.items())
    return str(err)
