"""End-to-end: the dashboard in headless Chromium (Debian's `chromium`, driven by Playwright's Python API).

The server runs uvicorn in a background thread on a free localhost port, over the monitor's written
scenario (tests/web_scenario.py: GUY-VEN escalates from 2025-W06, ARM-AZE calms from 2025-W07). Chromium comes from $DOTTEREL_CHROMIUM or PATH, never a browser download; without
it these tests skip, except under CI=true where they fail.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from dotterel.web import create_app
from web_scenario import ARTICLES, CLAIM_DOC, scenario_db

pytestmark = pytest.mark.browser

CLIP = {"x": 0, "y": 0, "width": 800, "height": 500}  # enough to judge; the pure-Python PNG decoder stays fast
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    path = os.environ.get("DOTTEREL_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path or not Path(path).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but Chromium is missing (apt-get install chromium; set DOTTEREL_CHROMIUM)")
        pytest.skip("headless Chromium not installed (Debian package `chromium`)")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(app: FastAPI, port: int) -> Iterator[None]:
    """`app` served by uvicorn on 127.0.0.1:`port` in a thread, for as long as the block runs."""
    import uvicorn

    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    with serving(create_app(str(scenario_db(tmp_path_factory.mktemp("browser") / "store.db"))), port):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    path = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """What a page did that it should not: requests off this server, JS errors, dialogs (alert())."""

    def __init__(self, page, base: str) -> None:  # type: ignore[no-untyped-def]
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: None if r.url.startswith((base, "data:")) else self.outside.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

        def dialog(d):  # type: ignore[no-untyped-def]
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

    def clean(self) -> None:
        assert self.outside == [], self.outside
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs


@pytest.fixture(scope="module")
def context(browser):  # type: ignore[no-untyped-def]
    # One context for the module so plotly.min.js (4.8 MB) is fetched and compiled once, from cache after.
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture()
def page(context):  # type: ignore[no-untyped-def]
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    pg.close()


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes) into rows of raw pixels."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and interlace == 0 and color in (2, 6)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, channels, rows


def assert_not_blank(png: bytes) -> None:
    width, channels, rows = png_pixels(png)
    pixels = [row[i:i + 3] for row in rows[::4] for i in range(0, width * channels, channels * 4)]
    colours = set(pixels)
    background = max(colours, key=pixels.count)
    share = sum(p != background for p in pixels) / len(pixels)
    assert len(colours) > 20 and share > 0.05, (len(colours), share)


def test_overview_to_dyad_to_article(page, server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    watch = Watch(page, server)
    page.goto(server + "/")
    assert page.title() == "Overview · dotterel"
    assert page.locator("#n-documents").inner_text() == str(len(ARTICLES) + 1)
    shown = {(a.get_attribute("data-dyad"), a.locator(".change-at").inner_text())
             for a in page.locator("#alerts article.alert").all()}
    assert shown == {("GUY-VEN", "2025-W06"), ("ARM-AZE", "2025-W07")}
    alert = page.locator('#alerts article.alert[data-dyad="GUY-VEN"]')
    assert "toward conflict" in alert.inner_text() and "Venezuelan troops attack Guyanese border post" in alert.inner_text()

    page.locator("#escalating a.dyad-link", has_text="GUY-VEN").click()
    page.wait_for_url(server + "/dyads/GUY-VEN")
    page.wait_for_selector("#chart[data-drawn] .main-svg")
    assert page.locator("#events li.event .fatalities", has_text="killed 3").count() >= 1
    assert page.locator("#chart .legendtext", has_text="alert").count() == 1
    assert page.locator("#chart .scatterlayer path.point").count() == 1  # only alerts have markers: one
    assert page.locator("#dyad-alerts .change-at").all_inner_texts() == ["2025-W06"]
    shot = page.screenshot(clip=CLIP)
    (tmp_path / "dyad.png").write_bytes(shot)
    assert_not_blank(shot)

    page.locator("#clusters a.article-link", has_text="What we know about the Eteringbang attack").first.click()
    page.wait_for_url(f"**/articles/{CLAIM_DOC}*")
    assert page.locator('#article-text mark[data-refs~="e1"]').inner_text() == "attacked"
    assert page.locator('#article-text mark[data-refs~="q1"]').inner_text() == "three soldiers"
    assert page.locator('#article-text mark.hl-claim').count() >= 1
    page.locator('#article-text mark[data-refs~="e4"]').click()
    card = page.locator("#ann-e4")
    assert "active" in (card.get_attribute("class") or "")
    text = card.inner_text()
    assert "hypothetical" in text and "VEN" in text and "GUY" in text
    # how sure: who says so, with the cue and certainty, and the event's confidence
    assert card.locator(".f-source").inner_text() == "Analysts · “say” · possible"
    assert card.locator(".f-confidence").inner_text() == "1.00"  # the scenario codes by hand
    page.locator('#article-text mark[data-refs~="e1"]').click()
    toll = page.locator("#ann-e1 .f-fatalities")
    assert toll.inner_text() == "3" and page.locator("#ann-e1 .f-source").inner_text() == "author"
    assert_not_blank(page.screenshot(clip=CLIP))
    watch.clean()


def test_calm_pair_and_reversed_url(page, server) -> None:  # type: ignore[no-untyped-def]
    watch = Watch(page, server)
    page.goto(server + "/dyads/FRA-DEU")  # either order: one page per pair
    page.wait_for_url(server + "/dyads/DEU-FRA")
    page.wait_for_selector("#chart[data-drawn] .main-svg")
    assert page.locator("#chart .scatterlayer path.point").count() == 0  # calm, heavily covered: no alert
    assert page.locator("#dyad-alerts article.alert").count() == 0
    assert page.locator("#clusters article.cluster").count() > 0
    watch.clean()


def test_dyad_filters(page, server) -> None:  # type: ignore[no-untyped-def]
    watch = Watch(page, server)
    page.goto(server + "/dyads/GUY-VEN")
    page.select_option("select[name=modality]", "hypothetical")
    page.locator("form.filters button").click()
    page.wait_for_url("**modality=hypothetical**")
    events = page.locator("#events li.event")
    assert events.count() == 1 and "hypothetical" in events.first.inner_text()
    page.wait_for_selector("#chart[data-drawn]")
    watch.clean()


def test_hostile_article_runs_no_script(page, server) -> None:  # type: ignore[no-untyped-def]
    watch = Watch(page, server)
    page.goto(server + "/dyads/ISR-IRN")
    page.locator("#events a.article-link").first.click()
    page.wait_for_selector("#article-text")
    assert "<script>alert('xss')</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text img, #article-text script, #article-text a").count() == 0
    assert page.locator("a.original").count() == 0  # the javascript: URL is not a link
    page.locator('#article-text mark[data-refs~="q1"]').click()
    page.wait_for_timeout(200)
    watch.clean()


@pytest.mark.slow
def test_paste_page_with_real_analyzer(page, server) -> None:  # type: ignore[no-untyped-def]
    watch = Watch(page, server)
    page.goto(server + "/analyze")
    page.fill("input[name=title]", "Pasted")
    page.fill("input[name=date]", "2024-05-14")
    page.fill("textarea[name=text]", "Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing 12 "
                                     "civilians, Ukrainian officials said.")
    page.locator("#analyze-button").click()
    page.wait_for_selector("#article-text", timeout=120_000)
    assert page.locator("#article-title").inner_text() == "Pasted"
    assert page.locator("#article-text mark.hl").count() >= 1
    assert_not_blank(page.screenshot(clip=CLIP))
    watch.clean()
