"""Renderers on hand-built Documents (no spaCy): highlights on the right substrings, escaping, tables."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest

from dotterel.model import (
    SCHEMA, ActorRef, Attribution, Claim, Coder, Document, Entity, Event, EventDate, Genre, Happening, Quantity,
    Speaker, Trigger,
)
from dotterel.report.html import render_html, safe_href
from dotterel.report.table import render_table

TEXT = ('South Korean lawmakers claim that as many as 3,000 North Korean soldiers have deployed to Russia. '
        'Kyiv said Russia struck <script>alert("x")</script> depots.')


def _span(sub: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(sub, start + 1)
    return (start, start + len(sub))


def make_document(text: str = TEXT, url: str | None = "https://example.org/a?b=1&c=2") -> Document:
    s1_end = text.index(".") + 1
    deployed, struck = _span("deployed"), _span("struck")
    return Document(
        schema=SCHEMA, id="doc-1", text_sha256="0" * 64, title='Troops & "claims" <b>', url=url,
        source="Example Wire", language="en", pub_date="2024-10-24",
        coder=Coder(name="dotterel", version="0.1.0", model="en_core_web_sm-3.8.0", knowledge="abc"),
        text=text, genre=Genre(label="opinion", score=0.81),
        entities=[
            Entity(id="n1", text="South Korean lawmakers", code="KOR", sector="LEG", name="South Korea", kind="state",
                   spans=[_span("South Korean lawmakers")]),
            Entity(id="n2", text="North Korean soldiers", code="PRK", sector="MIL", name="North Korea", kind="state",
                   spans=[_span("North Korean soldiers")]),
            Entity(id="n3", text="Russia", code="RUS", sector=None, name="Russia", kind="state",
                   spans=[_span("Russia"), _span("Russia", 1)]),
            Entity(id="n4", text="Kyiv", code="UKR", sector="GOV", name="Ukraine", kind="state", spans=[_span("Kyiv")]),
        ],
        events=[
            Event(id="e1", type="AID", mode=None, context=["military"], quad=2, score=10.0,
                  actor=[ActorRef(text="North Korean soldiers", code="PRK", sector="MIL", entity="n2",
                                  span=_span("North Korean soldiers"))],
                  recipient=[ActorRef(text="Russia", code="RUS", sector=None, entity="n3", span=_span("Russia"))],
                  modality="asserted",
                  attribution=Attribution(source="South Korean lawmakers", code="KOR", sector="LEG", cue="claim",
                                          claim="c1", span=_span("South Korean lawmakers")),
                  date=None, report_date=None, location=None, quantities=["q1"], confidence=0.8, sentence=0,
                  span=(0, s1_end), trigger=Trigger(text="deployed", span=deployed)),
            Event(id="e2", type="ASSAULT", mode="aerial", context=[], quad=4, score=-9.0,
                  actor=[ActorRef(text="Russia", code="RUS", sector=None, entity="n3", span=_span("Russia", 1))],
                  recipient=[], modality="hypothetical", attribution=None,
                  date=EventDate(text="back in June", value="2024-06", precision="month", span=(0, 0)),
                  report_date=None, location=None, quantities=[], confidence=0.6, sentence=1,
                  span=(s1_end + 1, len(text)), trigger=Trigger(text="struck", span=struck)),
        ],
        claims=[
            Claim(id="c1", speaker=Speaker(text="South Korean lawmakers", code="KOR", sector="LEG"), cue="claim",
                  kind="indirect", content=text[_span("as many")[0]:s1_end - 1], span=(0, s1_end - 1),
                  content_span=(_span("as many")[0], s1_end - 1), certainty="claimed", events=["e1"]),
        ],
        quantities=[
            Quantity(id="q1", text="as many as 3,000 North Korean soldiers", value=3000, unit="soldiers",
                     role="troops", bound="upper", low=None, high=3000, projected=False, event="e1",
                     span=_span("as many as 3,000 North Korean soldiers"),
                     counts=Happening(text="deployed", span=deployed)),
        ],
        sentences=[(0, s1_end), (s1_end + 1, len(text))],
        warnings=["no publication date given: <relative> dates stay unresolved"],
    )


class Segments(HTMLParser):
    """Collects, per data-ids item, the text of every highlighted segment, and the page's plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list[str]] = []
        self.by_id: dict[str, str] = {}
        self.classes: dict[str, set[str]] = {}
        self.titles: dict[str, str] = {}
        self.in_text = 0
        self.text = ""
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "div" and a.get("class") == "text":
            self.in_text = 1
            return
        if self.in_text:
            self.in_text += 1
            ids = (a.get("data-ids") or "").split()
            self.stack.append(ids)
            for i in ids:
                self.classes.setdefault(i, set()).update((a.get("class") or "").split())
                self.titles[i] = a.get("title") or ""

    def handle_endtag(self, tag: str) -> None:
        if self.in_text:
            self.in_text -= 1
            if self.stack and self.in_text:
                self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text += data
            for ids in self.stack:
                for i in ids:
                    self.by_id[i] = self.by_id.get(i, "") + data


def parse_page(page: str) -> Segments:
    parser = Segments()
    parser.feed(page)
    return parser


def test_html_text_round_trips_and_highlights_sit_on_their_spans() -> None:
    doc = make_document()
    page = parse_page(render_html(doc))
    assert page.text == doc.text  # the text shown is exactly the normalised text
    assert page.by_id["e1"] == "deployed" and page.by_id["e2"] == "struck"
    assert page.by_id["q1"] == "as many as 3,000 North Korean soldiers"
    assert page.by_id["n3.0"] == "Russia" and page.by_id["n3.1"] == "Russia"
    assert page.by_id["n1.0"] == "South Korean lawmakers"
    content = doc.claims[0].content_span
    assert page.by_id["c1"] == doc.text[content[0]:content[1]]


def test_html_overlapping_spans_carry_every_active_class() -> None:
    page = parse_page(render_html(make_document()))
    # "North Korean soldiers" lies inside the quantity and the claim, and is an entity itself
    assert {"ent", "ent-state", "qty", "claim"} <= page.classes["n2.0"]
    assert {"trig", "trig-asserted", "claim"} <= page.classes["e1"]
    assert "trig-hypothetical" in page.classes["e2"]


def test_html_titles_describe_items() -> None:
    page = parse_page(render_html(make_document()))
    assert "PRK/MIL" in page.titles["n2.0"]
    assert "AID" in page.titles["e1"] and "according to South Korean lawmakers" in page.titles["e1"]
    assert "North Korean soldiers [PRK/MIL] → Russia [RUS]" in page.titles["e1"]
    assert "South Korean lawmakers" in page.titles["c1"]
    assert "counts 'deployed'" in page.titles["q1"]


def test_html_escapes_hostile_text_and_url() -> None:
    doc = make_document(url='javascript:alert("pwned")')
    html = render_html(doc)
    assert "<script>" not in html and "alert(\"x\")" not in html
    assert "&lt;script&gt;" in html
    assert "<b>" not in html.split("<body>", 1)[1].replace('<b class="genre-opinion">', "")
    assert 'href="javascript' not in html.lower()
    page = parse_page(html)
    assert not any(tag == "script" for tag, _ in page.tags)
    assert all(not (a.get("href") or "").lower().startswith("javascript") for _, a in page.tags)

def test_html_quotes_cannot_break_out_of_attributes() -> None:
    doc = make_document()
    doc.entities[3].name = 'Ky"iv\' onmouseover=\'alert(1)'
    page = parse_page(render_html(doc))
    assert page.titles["n4.0"].startswith('Ky"iv\' onmouseover=\'alert(1)')
    assert all("onmouseover" not in attrs for _, attrs in page.tags)


def test_html_safe_links_and_self_contained() -> None:
    html = render_html(make_document())
    assert '<a href="https://example.org/a?b=1&amp;c=2"' in html
    assert "http://" not in html.replace("https://example.org", "")  # nothing external is loaded
    assert "<link" not in html and "src=" not in html
    assert safe_href(" HTTPS://x.org ") == "HTTPS://x.org"
    assert safe_href("data:text/html,hi") is None and safe_href("JavaScript:alert(1)") is None


def test_html_tables_list_events_claims_quantities() -> None:
    html = render_html(make_document())
    assert "<h2>Events (2)</h2>" in html and "<h2>Claims (1)</h2>" in html and "<h2>Quantities (1)</h2>" in html
    assert "<td>ASSAULT</td>" in html and "<td>aerial</td>" in html
    quantities = html[html.index("<h2>Quantities"):]
    assert "<th>counts</th>" in quantities and "<td>deployed</td>" in quantities  # what the number counts
    assert "&lt;relative&gt;" in html  # warnings shown, escaped


def test_html_skips_invalid_spans() -> None:
    doc = make_document()
    doc.entities[0].spans.append((500, 400))
    doc.quantities[0].span = (0, len(doc.text) + 10)
    page = parse_page(render_html(doc))
    assert page.text == doc.text and "q1" not in page.by_id


def render_text(doc: Document) -> str:
    out = io.StringIO()
    render_table(doc, out)
    return out.getvalue()


def test_table_lists_every_event_and_header(monkeypatch: pytest.MonkeyPatch) -> None:
    import dotterel.report.table as table

    monkeypatch.setattr(table, "PIPE_WIDTH", 260)  # wide enough that no cell folds
    output = render_text(make_document())
    for needle in ("doc-1", "2024-10-24", "opinion", "en_core_web_sm-3.8.0", "e1", "e2", "AID", "ASSAULT",
                   "aerial", "hypothetical", "South Korean lawmakers [KOR/LEG]", "North Korean soldiers [PRK/MIL]",
                   "→ Russia [RUS]", "deployed", "struck", "2024-06"):
        assert needle in output, needle
    assert "\x1b[" not in output  # no colour codes when not a terminal


def test_table_lists_claims_quantities_entities_and_warnings() -> None:
    output = render_text(make_document())
    for needle in ("Claims", "c1", "claimed", "indirect", "Quantities", "q1", "3,000", "soldiers", "upper",
                   "Entities", "n4", "Kyiv", "UKR", "GOV", "Warnings", "<relative>"):
        assert needle in output, needle
    quantity_row = next(line for line in output.splitlines() if " q1 " in f" {line} ")
    assert "deployed" in quantity_row and "e1" in quantity_row  # what it counts, and its event
    russia_row = next(line for line in output.splitlines() if " n3 " in f" {line} ")
    assert "RUS" in russia_row and russia_row.rstrip().endswith("2")  # two mentions


def test_table_prints_markup_like_text_verbatim_and_empty_sections() -> None:
    doc = make_document()
    doc.title = "[bold red]not markup[/]"
    doc.events, doc.claims, doc.quantities = [], [], []
    output = render_text(doc)
    assert "[bold red]not markup[/]" in output
    assert "Events: none found" in output and "Claims: none found" in output


@pytest.mark.parametrize("width", [60, 200])
def test_table_keeps_every_event_at_any_width(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import dotterel.report.table as table

    monkeypatch.setattr(table, "PIPE_WIDTH", width)
    output = render_text(make_document())
    event_rows = [line for line in output.splitlines() if line.split()[:1] in (["e1"], ["e2"])]
    assert len(event_rows) == 2


def _with_how_sure() -> Document:
    from dotterel.model import Casualties, CasualtyFigure

    doc = make_document()
    att = doc.events[0].attribution
    assert att is not None
    att.certainty = "claimed"
    doc.events[1].fatalities = Casualties(low=3, best=3, high=3, source="<b>police</b>", quantities=[],
                                          others=[CasualtyFigure(low=5, best=5, high=5, source="medics")])
    doc.events[1].injured = Casualties(low=10, best=10, high=None, source=None)
    return doc


def test_table_shows_how_sure_beside_each_event(monkeypatch: pytest.MonkeyPatch) -> None:
    import dotterel.report.table as table

    monkeypatch.setattr(table, "PIPE_WIDTH", 400)  # wide enough that no cell folds
    output = render_text(_with_how_sure())
    e1 = next(line for line in output.splitlines() if line.split()[:1] == ["e1"])
    e2 = next(line for line in output.splitlines() if line.split()[:1] == ["e2"])
    assert "asserted · confidence 0.80" in e1 and "South Korean lawmakers [KOR/LEG] · “claim” · claimed" in e1
    assert "hypothetical · confidence 0.60" in e2 and "author" in e2
    assert "killed 3 (per <b>police</b>); also 5 (per medics); injured at least 10" in e2
    assert "\x1b[" not in output


def test_html_shows_how_sure_escaped() -> None:
    html = render_html(_with_how_sure())
    assert "<b>police</b>" not in html and "3 (per &lt;b&gt;police&lt;/b&gt;); also 5 (per medics)" in html
    assert "<td>at least 10</td>" in html and "<td>0.80</td>" in html
    assert "South Korean lawmakers [KOR/LEG] · “claim” · claimed" in html
    page = parse_page(html)
    assert "killed 3 (per <b>police</b>)" in page.titles["e2"]  # the tooltip, unescaped by the parser


@pytest.mark.parametrize("fig, words", [
    ({"low": 3, "best": 3, "high": 3}, "3"),
    ({"low": 10, "best": 10, "high": None}, "at least 10"),
    ({"low": None, "best": 30, "high": None}, "about 30"),
    ({"low": None, "best": 15, "high": 15}, "up to 15"),
    ({"low": 5, "best": 5, "high": 8}, "5–8 (best 5)"),
    ({"low": 12, "best": None, "high": None}, "at least 12, no best figure"),
    ({"low": 1200, "best": 1200, "high": 1200, "source": "UN"}, "1,200 (per UN)"),
])
def test_casualty_figures_in_words(fig: dict, words: str) -> None:
    from dotterel.report.sure import casualty_text

    assert casualty_text(fig) == words
