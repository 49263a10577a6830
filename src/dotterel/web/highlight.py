"""The article text with events, claims and quantities highlighted in place, as escaped HTML.

Annotations may overlap (a claim contains the trigger of the event it reports), so the text is cut at
every annotation boundary (`report.highlight.pieces`, shared with the report page) and each piece is wrapped once, carrying the ids of every annotation that
covers it (`data-refs="c1 e2"`). Every piece of text and every attribute value goes through
`markupsafe.escape`: article text is untrusted input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from dotterel.report import sure
from dotterel.report.highlight import pieces


@dataclass(slots=True)
class Annotation:
    kind: str  # event | claim | quantity
    id: str
    start: int
    end: int
    label: str  # short text shown in the card heading
    details: list[tuple[str, str]]  # (field, value) rows shown in the card and the tooltip


def _codes(refs: list[dict[str, Any]]) -> str:
    return ", ".join(f"{r.get('code') or '?'}{('/' + r['sector']) if r.get('sector') else ''} ({r.get('text', '')})"
                     for r in refs) or "—"


def annotations_of(record: dict[str, Any]) -> list[Annotation]:
    """Annotations of a `dotterel/1` record, ordered by where they start."""
    out: list[Annotation] = []
    for ev in record.get("events", []):
        trig = ev["trigger"]["span"]
        details = [("type", f"{ev['type']}{(' / ' + ev['mode']) if ev.get('mode') else ''} (quad {ev['quad']}, "
                            f"score {ev['score']:g})"),
                   ("actor", _codes(ev["actor"])), ("recipient", _codes(ev["recipient"])),
                   ("modality", ev["modality"]), ("confidence", f"{ev.get('confidence', 0):.2f}"),
                   ("source", sure.attribution_text(ev.get("attribution")))]
        # casualty figures with who gives them (records coded before they existed have none)
        details += [(name, sure.casualty_text(ev[name])) for name in ("fatalities", "injured") if ev.get(name)]
        if ev.get("date"):
            details.append(("date", f"{ev['date'].get('value') or 'unresolved'} (“{ev['date'].get('text', '')}”)"))
        if ev.get("location"):
            details.append(("location", f"{ev['location'].get('text')} ({ev['location'].get('code') or '?'})"))
        out.append(Annotation("event", ev["id"], trig[0], trig[1], ev["type"], details))
    for cl in record.get("claims", []):
        sp = cl.get("speaker")
        speaker = f"{sp['text']} ({sp.get('code') or '?'}{('/' + sp['sector']) if sp.get('sector') else ''})" if sp else "unknown"
        details = [("source", speaker), ("cue", cl["cue"]), ("kind", cl["kind"]), ("certainty", cl["certainty"]),
                   ("events", ", ".join(cl.get("events", [])) or "—")]
        out.append(Annotation("claim", cl["id"], cl["span"][0], cl["span"][1], f"claim: {cl['certainty']}", details))
    for q in record.get("quantities", []):
        value = q.get("value")
        details = [("value", "—" if value is None else f"{value:g}"), ("unit", q.get("unit") or "—"),
                   ("role", q.get("role") or "—"), ("bound", q["bound"]), ("projected", "yes" if q["projected"] else "no"),
                   ("counts", (q.get("counts") or {}).get("text") or "—"), ("event", q.get("event") or "—")]
        out.append(Annotation("quantity", q["id"], q["span"][0], q["span"][1], "quantity", details))
    n = len(record.get("text", ""))
    valid = [a for a in out if 0 <= a.start < a.end <= n]
    valid.sort(key=lambda a: (a.start, -a.end))
    return valid


def tooltip(a: Annotation) -> str:
    return f"{a.id} {a.label}: " + "; ".join(f"{k} {v}" for k, v in a.details)


def highlighted(text: str, anns: list[Annotation]) -> Markup:
    """`text` as HTML with each annotated stretch wrapped in `<mark>`; everything escaped."""
    parts: list[str] = []
    for raw, cover in pieces(text, anns):
        piece = escape(raw)
        if not cover:
            parts.append(piece)
            continue
        kinds = sorted({a.kind for a in cover})
        refs = " ".join(a.id for a in cover)
        title = " | ".join(tooltip(a) for a in cover)
        parts.append(f'<mark class="hl {" ".join("hl-" + k for k in kinds)}" data-refs="{escape(refs)}" '
                     f'title="{escape(title)}">{piece}</mark>')
    return Markup("".join(parts))
