"""Reading a corpus: directories, HTML, feeds, JSONL, and every kind of bad input (no spaCy needed)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dotterel.sources.readers import MAX_LINE_BYTES, fragment_text, iter_sources

ARTICLE = ("The defence ministers of Norway and Finland met in Oslo on Monday and agreed to hold a joint "
           "naval exercise in the spring, a statement from both governments said.")
PAGE = f"""<!DOCTYPE html><html><head><title>Nordic ministers agree on drills</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="date" content="2024-03-04"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Nordic ministers agree on drills</h1><p>{ARTICLE}</p>
<p>The exercise will involve ships from both navies and will take place in international waters, the
statement added, without giving further details about its size.</p></article>
<footer>Copyright Harbour Gazette</footer></body></html>"""
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette World</title>
<item><title>Ministers meet</title><link>https://example.org/a</link>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The defence ministers of Norway and Finland met in Oslo on Monday.&lt;/p&gt;&lt;p&gt;They agreed to hold drills.&lt;/p&gt;</description></item>
<item><title>Empty one</title><link>https://example.org/b</link></item>
<item><title>Port reopens</title><pubDate>not a date at all</pubDate>
<description>The harbour of Bergen reopened to shipping after storms closed it for three days.</description></item>
</channel></rss>"""


def _read(*paths: Path) -> list:  # type: ignore[type-arg]
    return list(iter_sources([str(p) for p in paths]))


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b" / "page.html").write_text(PAGE)
    (tmp_path / "b" / "c" / "news.jsonl").write_text('{"id": "j1", "text": "%s", "date": "2024-03-05"}\n\n' % ARTICLE)
    (tmp_path / "b" / "feed.xml").write_text(FEED)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    sources = _read(tmp_path)
    where = [s.where for s in sources]
    # each folder's files (sorted), then its subfolders
    assert where == [str(tmp_path / "a.txt"), str(tmp_path / "b/feed.xml") + "#1", str(tmp_path / "b/feed.xml") + "#2",
                     str(tmp_path / "b/feed.xml") + "#3", str(tmp_path / "b/page.html"),
                     str(tmp_path / "b/c/news.jsonl") + ":1"]
    assert sources[-1].item.id == "j1" and sources[-1].item.date == "2024-03-05"


def test_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    [src] = _read(page)
    assert src.error is None
    assert ARTICLE in src.item.text and "Home" not in src.item.text and "Copyright" not in src.item.text
    assert src.item.title == "Nordic ministers agree on drills"
    assert src.item.date == "2024-03-04"
    assert src.item.source == "Harbour Gazette"


def test_corrupt_html_is_quarantined_with_a_reason(tmp_path: Path) -> None:
    bad = tmp_path / "broken.html"
    bad.write_bytes(b"<html><body><div><p>\x00\x00\xff\xfe<<<</div")
    half = tmp_path / "nav-only.html"
    half.write_text("<html><head><title>x</title></head><body><div><script>var x = 1;</script></div></body></html>")
    reasons = {Path(s.path).name: s.error for s in _read(bad, half)}
    assert reasons["broken.html"] == "looks binary (NUL bytes), not text"
    assert reasons["nav-only.html"] == "no article text found in the HTML page"


def test_feed_entries_keep_metadata_and_broken_entries_are_quarantined_one_by_one(tmp_path: Path) -> None:
    feed = tmp_path / "world.rss"
    feed.write_text(FEED)
    first, empty, third = _read(feed)
    assert first.item.text == ("The defence ministers of Norway and Finland met in Oslo on Monday.\n\n"
                               "They agreed to hold drills.")
    assert (first.item.title, first.item.url, first.item.date, first.item.source) == (
        "Ministers meet", "https://example.org/a", "2024-03-04", "Harbour Gazette World")
    assert empty.item is None and empty.error == "feed entry 2 ('Empty one') has no text"
    assert third.item.date is None and "Bergen" in third.item.text  # a bad date is dropped, the entry kept


def test_truncated_feed_keeps_what_it_can(tmp_path: Path) -> None:
    feed = tmp_path / "cut.xml"
    feed.write_text(FEED[: FEED.index("<item><title>Empty")] + "<item><title>Cut off")
    sources = _read(feed)
    assert sources[0].item is not None and "Norway" in sources[0].item.text
    garbage = tmp_path / "garbage.atom"
    garbage.write_text("<feed><<<not xml at all")
    [src] = _read(garbage)
    assert src.item is None and src.error.startswith(("not a readable RSS/Atom feed", "feed has no entries"))


def test_a_50_mb_file_is_quarantined_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.seek(50 * 2**20 - 1)
        fh.write(b"x")
    [src] = _read(big)
    assert src.error == "file is 50 MiB; the limit is 5 MiB"


def test_an_over_long_jsonl_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    with corpus.open("wb") as fh:
        fh.write(b'{"id": "big", "text": "' + b"a " * (MAX_LINE_BYTES // 2 + 10) + b'"}\n')
        fh.write(b'{"id": "ok", "text": "%s"}\n' % ARTICLE.encode())
    big, ok = _read(corpus)
    assert big.locator == "line 1" and "limit" in big.error
    assert ok.item.id == "ok" and ok.locator == "line 2"


def test_unreadable_files_are_quarantined_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners in Lyon protested on Friday.".encode("latin-1"))
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE + " Locked.")
    locked.chmod(0)
    try:
        reasons = {Path(s.path).name: s.error for s in _read(tmp_path)}
    finally:
        locked.chmod(0o644)
    assert reasons["good.txt"] is None
    assert reasons["dangling.txt"] == "cannot read (No such file or directory)"
    assert reasons["latin1.txt"] == "not valid UTF-8 (byte 3)"
    if os.geteuid() == 0:
        # root reads a chmod 000 file anyway: it must then simply be read like any other
        assert reasons["locked.txt"] is None
    else:
        assert reasons["locked.txt"] == "cannot read (Permission denied)"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can drop to another user to make chmod 000 bite")
def test_unreadable_file_as_another_user(tmp_path: Path) -> None:
    """Run as root: read the directory as 'nobody', for whom chmod 000 really blocks reading."""
    import subprocess
    import sys

    tmp_path.chmod(0o755)
    (tmp_path / "good.txt").write_text(ARTICLE)
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE)
    locked.chmod(0)
    code = ("import sys; from dotterel.sources.readers import iter_sources\n"
            "for s in iter_sources([sys.argv[1]]): print(s.path.rsplit('/', 1)[-1], '|', s.error)")
    try:
        out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                             user="nobody", timeout=60, cwd="/")
    except (PermissionError, KeyError):
        pytest.skip("cannot switch to user nobody here")
    if out.returncode != 0 and "Permission denied" in out.stderr:
        pytest.skip("user nobody cannot run this virtualenv's python")
    assert out.returncode == 0, out.stderr
    assert "locked.txt | cannot read (Permission denied)" in out.stdout
    assert "good.txt | None" in out.stdout


def test_fragment_text() -> None:
    assert fragment_text("<p>One &amp; two.</p><script>x()</script><p>Three</p>") == "One & two.\n\nThree"
    assert fragment_text("plain &quot;text&quot;") == 'plain "text"'
