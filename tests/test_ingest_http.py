"""Ingest over HTTP against a real server on 127.0.0.1: feeds, pages, and every way a URL can fail."""
from __future__ import annotations

import sys
import time
from datetime import date, datetime, timezone

import pytest

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from httpserver import standard_server  # noqa: E402

from briefgen.config import Config, IngestConfig  # noqa: E402
from briefgen.errors import BriefgenError  # noqa: E402
from briefgen.ingest import load_articles  # noqa: E402

FAST = IngestConfig(timeout=1.5, max_bytes=200_000)  # generous: a loaded CI machine answers slowly


@pytest.fixture(scope="module")
def server():
    with standard_server() as s:
        yield s


def test_feed_entries_from_content_and_from_fetched_links(server):
    result = load_articles([server.url("/feed.xml")], settings=FAST)
    strike, farmers = result.articles
    assert strike.title == "Dock workers strike over automation plan"
    assert strike.published == date(2024, 3, 4) and strike.outlet == "Northern Ledger"
    assert strike.path == server.url("/strike.html")
    # The second entry has only a teaser: the page was fetched and read with its own metadata.
    assert farmers.outlet == "Lindmark Post" and farmers.author == "Karin Olsen"
    assert any(b.kind == "heading" for b in farmers.blocks)
    assert "/farmers.html" in server.requests
    [skipped] = result.skipped
    assert "refused" in skipped.reason
    assert all(ua.startswith("briefgen/") for ua in server.user_agents)


def test_relative_entry_links_resolve_against_the_feed_url(server):
    [a] = load_articles([server.url("/relative.atom")], settings=FAST).articles
    assert a.path == server.url("/farmers.html") and a.outlet == "Lindmark Post"


def test_each_bad_url_is_one_skip_with_its_reason(server):
    bad = {
        "/slow": "timed out", "/loop": "redirect", "/missing": "HTTP 404", "/big.html": "size limit",
        "/notxml.rss": "not a valid RSS", "/empty.html": "no article text", "/image.png": "not an article",
        "/to-file": "refused",
    }
    start = time.monotonic()
    result = load_articles([server.url("/old.html"), *(server.url(p) for p in bad), "file:///etc/hostname"], settings=FAST)
    assert time.monotonic() - start < 5.0  # the slow URL (8 s) is cut at the timeout, not waited for
    assert [a.title for a in result.articles] == ["Budget vote in the town council"]
    reasons = {s.path: s.reason for s in result.skipped}
    for path, words in bad.items():
        assert words in reasons[server.url(path)], (path, reasons[server.url(path)])
    assert "only http and https" in reasons["file:///etc/hostname"]
    with pytest.raises(BriefgenError, match="HTTP 404"):
        load_articles([server.url("/old.html"), server.url("/missing")], settings=FAST, strict=True)


def test_urls_are_fetched_concurrently(server):
    urls = [server.url(f"/delay/{i}") for i in range(8)]  # each answer takes half a second
    start = time.monotonic()
    result = load_articles(urls, settings=IngestConfig(concurrency=8))
    assert len(result.articles) == 8
    assert time.monotonic() - start < 2.0  # in a row they would take 4 s


def test_build_from_a_feed_url(server, nlp, tmp_path):
    from briefgen.pipeline import build

    config = Config(sources=[server.url("/feed.xml")], ingest=FAST)
    config.cache.enabled = False
    config.output.dir = str(tmp_path)
    briefing = build(config, now=datetime(2024, 3, 6, 8, 0, tzinfo=timezone.utc))
    assert [s.outlet for s in briefing.sources] == ["Northern Ledger", "Lindmark Post"]
    names = {a.name for a in briefing.actors}
    assert {"Teodor Marsk", "Greta Holm"} <= names
    assert len(briefing.skipped) == 1 and "refused" in briefing.skipped[0].reason


def test_bad_links_are_reported_as_written_with_what_is_wrong(server, tmp_path):
    feed = tmp_path / "links.rss"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><link>http://[::1/</link>
<item><title>Home</title><link>file:///etc/passwd</link><description>x</description></item>
<item><title>No host</title><link>http://</link><description>y</description></item>
<item><title>Bad host</title><link>http://[::1/story</link><description>z</description></item>
<item><title>Bad port</title><link>http://127.0.0.1:99999/story</link><description>z</description></item>
</channel></rss>""")
    result = load_articles([str(feed), "http://", "https://[::1/a", server.url("/to-file")], settings=FAST)
    reasons = {s.path: s.reason for s in result.skipped}
    assert "file link refused" in reasons["file:///etc/passwd"]  # not "file://etc/passwd"
    assert "no host name" in reasons["http://"] and "redirected" not in reasons["http://"]
    assert "not a valid URL" in reasons["http://[::1/story"] and "not a valid URL" in reasons["https://[::1/a"]
    assert "not a valid URL" in reasons["http://127.0.0.1:99999/story"]
    assert "redirected to a link that is not http or https" in reasons[server.url("/to-file")]
    assert result.articles == []


def test_a_malformed_canonical_link_is_dropped_not_fatal():
    from httpserver import PARAS_A, article_page

    from briefgen.ingest.html import parse_html

    a = parse_html(article_page("Dock workers strike", PARAS_A, canonical="http://[::1/strike"), "strike.html")
    assert a.url == "" and a.outlet == "Northern Ledger"
