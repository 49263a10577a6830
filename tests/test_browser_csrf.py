"""Issue 22 §3 in headless Chromium: a page on another origin cannot make the dashboard store a document.

The attack page (served from a second local server, so another origin) auto-submits the /analyze form
with save=1, and also tries a no-cors `fetch` POST to /api/documents. The analyser is a stand-in that
returns a ready Document at once, so a successful attack would store one without loading spaCy.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

from dotterel.web import create_app
from test_browser import CHROMIUM_ARGS, chromium_path, free_port, serving
from test_web_security import FakeHolder
from web_scenario import scenario_db, stored_documents

pytestmark = pytest.mark.browser

ATTACK = """<!doctype html><html><body>
<form id="f" method="post" action="{target}/analyze" enctype="multipart/form-data">
<input name="text" value="Troops of Norway moved towards the border on Tuesday, officials said.">
<input name="save" value="1"></form>
<script>
fetch("{target}/api/documents", {{method: "POST", mode: "no-cors", headers: {{"content-type": "text/plain"}},
  body: JSON.stringify({{text: "Troops of Peru moved towards the border on Friday, officials said."}})}})
  .finally(() => document.getElementById("f").submit());
</script></body></html>"""


def test_a_cross_origin_page_cannot_store_a_document(tmp_path: Path, make_doc) -> None:  # type: ignore[no-untyped-def]
    path = chromium_path()
    from playwright.sync_api import sync_playwright

    db = scenario_db(tmp_path / "store.db")
    app = create_app(str(db))
    app.state.analyzer = FakeHolder(make_doc)
    port, evil_port = free_port(), free_port()
    target = f"http://127.0.0.1:{port}"
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "attack.html").write_text(ATTACK.format(target=target))
    handler = lambda *a: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path / "www"))  # noqa: E731
    evil = http.server.ThreadingHTTPServer(("localhost", evil_port), handler)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    with serving(app, port):
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
                page = browser.new_page()
                statuses: list[tuple[str, int]] = []
                page.on("response", lambda r: statuses.append((r.url, r.status)) if r.url.startswith(target) else None)
                page.goto(f"http://localhost:{evil_port}/attack.html")
                page.wait_for_url(f"{target}/analyze", timeout=15_000)
                page.wait_for_load_state()
                assert "cross-origin request refused" in page.content()
                assert (f"{target}/analyze", 403) in statuses
                # the same form sent from the dashboard's own page is accepted (and stores the document)
                page.goto(f"{target}/analyze")
                page.fill("textarea[name=text]", "Troops of Ghana moved towards the border on Monday, officials said.")
                page.check("input[name=save]")
                page.click("button[type=submit], input[type=submit]")
                page.wait_for_load_state()
                assert "cross-origin" not in page.content()
                browser.close()
            assert stored_documents(db, "posted") == 1  # only the same-origin submission
        finally:
            evil.shutdown()
