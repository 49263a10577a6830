"""One self-contained HTML page for an analysed document: the text with every item highlighted in place.

Items (entity mentions, event triggers, claim contents, quantities) may nest or overlap, so the text is
cut at every span boundary (`report.highlight.pieces`, shared with the web pages); each segment is wrapped once, in one `<span>` carrying the classes and
tooltips of every item active over it (`data-ids` lists them as `n1.0` = first mention of n1, `e3`, ...).
Inline CSS only, no scripts, no external resources. Every piece of text — the article, titles,
codes — goes through `html.escape`; a URL becomes a link only when it is http(s).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from dotterel.model import ActorRef, Document, Event, Span, to_builtins
from dotterel.report import sure
from dotterel.report.highlight import pieces

CSS = """
body{font:15px/1.55 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:72rem;color:#1d1d1f;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:2rem 0 .5rem}
.meta{color:#555;font-size:.9rem}.meta span{margin-right:1.2rem}
.genre-opinion{background:#fde7c8;padding:0 .3rem;border-radius:3px}.genre-reporting{background:#dcecf9;padding:0 .3rem;border-radius:3px}
.text{white-space:pre-wrap;border:1px solid #ddd;border-radius:6px;padding:1rem 1.2rem;background:#fcfcfc}
.hl{border-radius:2px}
.ent-state{background:#cfe3ff}.ent-igo{background:#d9f2d9}.ent-non_state{background:#ffd6d6}
.ent-person{background:#f3e0ff}.ent-group{background:#fff1b8}
.trig{font-weight:700;outline:2px solid #c0392b;outline-offset:-1px}
.trig-negated,.trig-hypothetical{outline-style:dashed}.trig-historical{outline-color:#888}
.claim{text-decoration:underline;text-decoration-color:#2c7be5;text-decoration-thickness:2px;text-underline-offset:3px}
.qty{border-bottom:3px double #16a085}
.legend span{margin-right:.8rem;padding:0 .3rem}
table{border-collapse:collapse;width:100%;font-size:.88rem}th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.warn{color:#8a5a00}
"""


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted item: where, the CSS classes it adds, its id and its tooltip line."""

    start: int
    end: int
    classes: tuple[str, ...]
    ident: str
    title: str


def _code(code: str | None, sector: str | None) -> str:
    return "/".join(p for p in (code, sector) if p) or "?"


def _refs(refs: list[ActorRef]) -> str:
    return ", ".join(f"{r.text} [{_code(r.code, r.sector)}]" for r in refs) or "?"


def _valid(span: Span | None, length: int) -> bool:
    return span is not None and 0 <= span[0] < span[1] <= length


def marks(doc: Document) -> list[Mark]:
    """Every highlight of the page, from the document's spans (invalid spans are skipped)."""
    n = len(doc.text)
    out: list[Mark] = []
    for e in doc.entities:
        title = f"{e.name or e.text} · {_code(e.code, e.sector)} · {e.kind}"
        for i, span in enumerate(e.spans):
            if _valid(span, n):
                out.append(Mark(span[0], span[1], ("ent", f"ent-{e.kind}"), f"{e.id}.{i}", title))
    for ev in doc.events:
        if _valid(ev.trigger.span, n):
            said = f" · according to {sure.attribution_text(to_builtins(ev.attribution))}" if ev.attribution else ""
            killed, injured = _casualties(ev)
            toll = "".join(f" · {label} {fig}" for label, fig in (("killed", killed), ("injured", injured))
                           if fig != "—")
            title = (f"{ev.id} {ev.type} ({sure.status_text(ev.modality, ev.confidence)}): {_refs(ev.actor)} → "
                     f"{_refs(ev.recipient)}{said}{toll}")
            out.append(Mark(ev.trigger.span[0], ev.trigger.span[1], ("trig", f"trig-{ev.modality}"), ev.id, title))
    for c in doc.claims:
        if _valid(c.content_span, n):
            who = f"{c.speaker.text} [{_code(c.speaker.code, c.speaker.sector)}]" if c.speaker else "unknown speaker"
            out.append(Mark(c.content_span[0], c.content_span[1], ("claim",), c.id,
                            f"{c.id} claim by {who} ({c.cue}, {c.certainty})"))
    for q in doc.quantities:
        if _valid(q.span, n):
            value = "?" if q.value is None else f"{q.value:g}"
            extra = " projected" if q.projected else ""
            counts = f", counts {q.counts.text!r}" if q.counts else ""
            out.append(Mark(q.span[0], q.span[1], ("qty",), q.id,
                            f"{q.id} {value} {q.unit or ''} ({q.bound}{extra}){counts}".replace("  ", " ")))
    return out


def highlight(text: str, items: list[Mark]) -> str:
    """The escaped text with each segment between boundaries wrapped in the union of its items."""
    out: list[str] = []
    for piece, active in pieces(text, items):
        segment = escape(piece)
        if not active:
            out.append(segment)
            continue
        classes = sorted({"hl", *(c for m in active for c in m.classes)})
        ids = " ".join(m.ident for m in active)
        title = "\n".join(dict.fromkeys(m.title for m in active))
        out.append(f'<span class="{escape(" ".join(classes))}" data-ids="{escape(ids)}" '
                   f'title="{escape(title)}">{segment}</span>')
    return "".join(out)


def safe_href(url: str | None) -> str | None:
    """The URL when it is an http(s) link, else None (no `javascript:` or `data:` links)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _table(headers: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return '<p class="meta">none found</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _casualties(ev: Event) -> tuple[str, str]:
    """(fatalities, injured) of an event in words, with their sources."""
    return (sure.casualty_text(to_builtins(ev.fatalities) if ev.fatalities else None),
            sure.casualty_text(to_builtins(ev.injured) if ev.injured else None))


def _events(doc: Document) -> str:
    rows = []
    for ev in doc.events:
        rows.append([ev.id, ev.type, ev.mode or "", _refs(ev.actor), _refs(ev.recipient), ev.modality,
                     f"{ev.confidence:.2f}", sure.attribution_text(to_builtins(ev.attribution) if ev.attribution else None),
                     *_casualties(ev), (ev.date.value or ev.date.text) if ev.date else "", ev.trigger.text,
                     str(ev.sentence)])
    return _table(["id", "type", "mode", "actor", "recipient", "modality", "confidence", "attributed to",
                   "fatalities", "injured", "date", "trigger", "sentence"], rows)


def _claims(doc: Document) -> str:
    rows = [[c.id, f"{c.speaker.text} [{_code(c.speaker.code, c.speaker.sector)}]" if c.speaker else "", c.cue,
             c.kind, c.certainty, c.content, ", ".join(c.events)] for c in doc.claims]
    return _table(["id", "speaker", "cue", "kind", "certainty", "content", "events"], rows)


def _quantities(doc: Document) -> str:
    rows = [[q.id, q.text, "" if q.value is None else f"{q.value:g}", q.unit or "", q.bound,
             "yes" if q.projected else "no", q.counts.text if q.counts else "", q.event or ""] for q in doc.quantities]
    return _table(["id", "text", "value", "unit", "bound", "projected", "counts", "event"], rows)


def _meta(doc: Document) -> str:
    href = safe_href(doc.url)
    if href:
        url = f'<a href="{escape(href)}" rel="noopener noreferrer">{escape(href)}</a>'
    else:
        url = escape(doc.url or "—")
    parts = [
        f"id {escape(doc.id)}", f"published {escape(doc.pub_date or '—')}", f"source {escape(doc.source or '—')}",
        f"url {url}",
        f'genre <b class="genre-{escape(doc.genre.label)}">{escape(doc.genre.label)}</b> '
        f"(P(opinion) {doc.genre.score:.2f})",
        f"coder {escape(doc.coder.name)} {escape(doc.coder.version)} · {escape(doc.coder.model)}",
    ]
    return '<p class="meta">' + "".join(f"<span>{p}</span>" for p in parts) + "</p>"


def render_html(doc: Document) -> str:
    """The whole page as one string."""
    title = doc.title or f"Document {doc.id}"
    warnings = "".join(f'<li class="warn">{escape(w)}</li>' for w in doc.warnings)
    legend = ('<p class="legend meta"><span class="ent-state">state</span><span class="ent-igo">igo</span>'
              '<span class="ent-non_state">non-state</span><span class="ent-person">person</span>'
              '<span class="ent-group">group</span><span class="trig">event trigger</span>'
              '<span class="claim">claim content</span><span class="qty">quantity</span></p>')
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · dotterel</title><style>{CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1>{_meta(doc)}{legend}"
        f'<div class="text">{highlight(doc.text, marks(doc))}</div>'
        f"<h2>Events ({len(doc.events)})</h2>{_events(doc)}"
        f"<h2>Claims ({len(doc.claims)})</h2>{_claims(doc)}"
        f"<h2>Quantities ({len(doc.quantities)})</h2>{_quantities(doc)}"
        + (f"<h2>Warnings</h2><ul>{warnings}</ul>" if warnings else "")
        + "</body></html>\n"
    )


__all__ = ["Mark", "highlight", "marks", "render_html", "safe_href"]
