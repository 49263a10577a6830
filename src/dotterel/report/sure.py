""""How sure" in words, the same in the terminal table, the HTML report and the web pages: an event's
modality and confidence, who presents it (source, cue, certainty) and its casualty figures with their
source. Plain text only: each renderer escapes it its own way.

Figures are read as DESIGN.md's casualty fields: "3" (low = best = high), "at least 10" (low = best),
"about 30" (best only), "up to 15" (best = high), "5–8" (a range), "at least 12, no best figure" (a vague
amount: low only).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Json = Mapping[str, Any]


def _code(code: str | None, sector: str | None) -> str:
    return "/".join(p for p in (code, sector) if p)


def attribution_text(att: Json | None) -> str:
    """"South Korean lawmakers [KOR/LEG] · “claim” · claimed", or "author" when the author asserts it."""
    if not att:
        return "author"
    code = _code(att.get("code"), att.get("sector"))
    parts = [f"{att.get('source')}" + (f" [{code}]" if code else "")]
    if att.get("cue"):
        parts.append(f"“{att['cue']}”")
    if att.get("certainty"):
        parts.append(str(att["certainty"]))
    return " · ".join(parts)


def status_text(modality: str, confidence: float | None) -> str:
    """"asserted · confidence 0.82"."""
    return modality if confidence is None else f"{modality} · confidence {confidence:.2f}"


def figure_text(fig: Json) -> str:
    """One figure in words (see the module docstring)."""
    low, best, high = fig.get("low"), fig.get("best"), fig.get("high")
    if best is None:
        if low is not None and high is not None and low != high:
            return f"{low:,}–{high:,}"
        if low is not None:
            return f"at least {low:,}, no best figure"
        return f"up to {high:,}" if high is not None else "unknown"
    if low is not None and high is not None:
        return f"{best:,}" if low == high == best else f"{low:,}–{high:,} (best {best:,})"
    if low is not None:
        return f"at least {best:,}"
    if high is not None:
        return f"up to {best:,}"
    return f"about {best:,}"


def sourced(fig: Json) -> str:
    """A figure with who gives it: "3 (per police)"; the author's own figures name no one."""
    source = fig.get("source")
    return figure_text(fig) + (f" (per {source})" if source else "")


def casualty_text(fig: Json | None) -> str:
    """The figure of the first-named source, then what other sources say; "—" when none was reported."""
    if not fig:
        return "—"
    others = [sourced(o) for o in fig.get("others") or []]
    return sourced(fig) + (f"; also {', '.join(others)}" if others else "")


def casualties_text(fatalities: Json | None, injured: Json | None) -> str:
    """"killed 3 (per police); injured at least 10 (per police)", or "—"."""
    parts = [f"{label} {casualty_text(fig)}" for label, fig in (("killed", fatalities), ("injured", injured)) if fig]
    return "; ".join(parts) or "—"


__all__ = ["attribution_text", "casualties_text", "casualty_text", "figure_text", "sourced", "status_text"]
