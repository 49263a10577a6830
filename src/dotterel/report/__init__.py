"""Renderers for one analysed document: json (dotterel/1), table (Rich), html (self-contained page)."""

from __future__ import annotations

from typing import TextIO

from dotterel.model import Document, to_json


def render(doc: Document, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(to_json(doc).decode() + "\n")
    elif fmt == "table":
        from dotterel.report.table import render_table

        render_table(doc, out)
    elif fmt == "html":
        from dotterel.report.html import render_html

        out.write(render_html(doc))
    else:
        raise ValueError(f"unknown format {fmt!r}")
