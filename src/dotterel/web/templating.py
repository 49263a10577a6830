"""Jinja2 filters the templates use. Templates autoescape; these filters never return markup."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi.templating import Jinja2Templates

from dotterel.report.sure import casualty_text


def safe_url(value: str | None) -> str | None:
    """The URL when it is http(s), else None: a stored `javascript:` or `data:` URL never becomes a link."""
    if not value:
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def codes(refs: list[dict[str, Any]]) -> str:
    return ", ".join(r.get("code") or "?" for r in refs) or "—"


def num(value: float | int | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


def query(params: dict[str, Any]) -> str:
    """A query string from a dict (lists repeat the key; empty values are left out)."""
    pairs = [(k, x) for k, v in params.items() for x in (v if isinstance(v, (list, tuple)) else [v])
             if x not in (None, "")]
    return urlencode(pairs)


def configure(templates: Jinja2Templates) -> Jinja2Templates:
    env = templates.env
    env.autoescape = True
    env.filters.update(safe_url=safe_url, codes=codes, num=num, query=query, casualty=casualty_text)
    env.trim_blocks = True
    env.lstrip_blocks = True
    return templates
