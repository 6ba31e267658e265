"""Ingest of local inputs: HTML pages (layouts, charsets), feeds, JSON exports, stdin, bad files."""
from __future__ import annotations

import io
import json
import sys
from datetime import date

import pytest

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from httpserver import PARAS_A, PARAS_B, PARAS_LATIN, article_page, table_layout_page  # noqa: E402

from briefgen.config import IngestConfig, RecordFieldsConfig  # noqa: E402
from briefgen.errors import BriefgenError, InputError  # noqa: E402
from briefgen.ingest import expand_inputs, load_articles, read_article  # noqa: E402
from briefgen.ingest.html import decode_html, parse_html  # noqa: E402


def test_html_article_keeps_paragraphs_heading_and_metadata():
    html = article_page("Dock workers strike over automation plan", PARAS_A, canonical="https://ledger.example/strike")
    a = parse_html(html, "strike.html")
    assert a.title == "Dock workers strike over automation plan"
    assert a.published == date(2024, 3, 4)
    assert a.outlet == "Northern Ledger"
    assert a.author == "Karin Olsen"
    assert a.url == "https://ledger.example/strike"
    assert a.blocks[0].text == PARAS_A[0]
    assert [b.kind for b in a.blocks].count("heading") == 1
    assert a.blocks[3].kind == "heading" and a.blocks[3].text == "What happens next"
    assert [b.text for b in a.blocks if b.kind == "paragraph"] == PARAS_A
    assert "Most read" not in a.text and "All rights reserved" not in a.text and "Sport" not in a.text


def test_old_table_page_without_charset_decodes_and_finds_date_and_logo_outlet(tmp_path):
    page = tmp_path / "old.html"
    page.write_bytes(table_layout_page("Budget vote in the town council", PARAS_LATIN).encode("cp1252"))
    a = read_article(str(page))[0]
    assert a.title == "Budget vote in the town council"
    assert a.published == date(2024, 3, 5)  # htmldate, from the page's text
    assert a.outlet == "Valley Gazette"  # the logo's alt text
    texts = [b.text for b in a.blocks]
    assert PARAS_LATIN[1] in texts and PARAS_LATIN[2] in texts
    assert "Renée Dutrémont" in a.text
    assert "Archive" not in a.text  # the menu row is all links


def test_link_lists_and_trailing_labels_are_not_article_text():
    paras = "".join(f"<p>{p}</p>" for p in PARAS_B[:3])
    html = f"""<html><head><title>Farmers protest</title></head><body><div class="story">
<h1>Farmers protest</h1>{paras}<p><a href="/more">Read more: subsidy talks collapse in the south</a></p>
<p>{PARAS_B[3]}</p><p>Related coverage</p><p><a href="/r1">Tractor sales fall for a third year</a></p>
<p><a href="/v">Video</a> |</p></div></body></html>"""
    a = parse_html(html, "farm.html")
    assert [b.text for b in a.blocks] == PARAS_B[:4]


def test_declared_latin1_reads_windows_quotes_and_wrong_declaration_loses_to_utf8():
    body = "<html><head><meta charset='iso-8859-1'></head><body><p>\u201cFine,\u201d she said \u2013 caf\u00e9.</p></body></html>"
    assert "\u201cFine,\u201d she said \u2013 caf\u00e9." in decode_html(body.encode("cp1252"))
    assert "\u201cFine,\u201d she said \u2013 caf\u00e9." in decode_html(body.encode("utf-8"))


def test_page_without_article_text_is_an_input_error():
    with pytest.raises(InputError, match="no article text"):
        parse_html("<html><body><nav><a href='/'>Home</a> <a href='/b'>World</a></nav></body></html>", "nav.html")


def test_bad_local_files_are_skipped_with_one_reason_each(tmp_path):
    good = tmp_path / "good.html"
    good.write_text(article_page("Farmers block roads over subsidy cut", PARAS_B), encoding="utf-8")
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.html"
    empty.write_text("   \n")
    big = tmp_path / "big.html"
    big.write_text(article_page("Long", PARAS_A * 300), encoding="utf-8")
    nofeed = tmp_path / "broken.xml"
    nofeed.write_text("just words, no markup at all")
    result = load_articles([str(good), str(binary), str(empty), str(big), str(nofeed)], settings=IngestConfig(max_bytes=50_000))
    assert [a.title for a in result.articles] == ["Farmers block roads over subsidy cut"]
    reasons = {s.path.rsplit("/", 1)[1]: s.reason for s in result.skipped}
    assert "binary" in reasons["photo.html"]
    assert "empty" in reasons["empty.html"]
    assert "size limit" in reasons["big.html"]
    assert "not a valid RSS or Atom feed" in reasons["broken.xml"]
    with pytest.raises(BriefgenError, match="--strict"):
        load_articles([str(good), str(empty)], strict=True)


def test_feed_file_links_to_local_files_are_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret paragraph that must never be read.\n\nAnother secret paragraph.")
    feed = tmp_path / "feed.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Pointing home</title><link>file://{secret}</link><description>x</description></item>
<item><title>Relative</title><link>{secret.name}</link><description>y</description></item>
</channel></rss>""")
    result = load_articles([str(feed)])
    assert result.articles == []
    assert len(result.skipped) == 2
    assert all("refused" in s.reason for s in result.skipped)


def test_atom_feed_with_full_content_needs_no_fetch(tmp_path):
    content = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in PARAS_B)
    feed = tmp_path / "farm.atom"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lindmark Post</title><id>urn:x</id><updated>2024-03-05T09:00:00Z</updated>
<entry><title>Farmers block roads</title><id>urn:1</id><link href="https://post.example/farmers"/>
<updated>2024-03-05T09:00:00Z</updated><author><name>Anna Berg</name></author>
<content type="html">{content}</content></entry></feed>""", encoding="utf-8")
    [a] = load_articles([str(feed)]).articles
    assert (a.title, a.published, a.outlet, a.author, a.url) == (
        "Farmers block roads", date(2024, 3, 5), "Lindmark Post", "Anna Berg", "https://post.example/farmers")
    assert [b.text for b in a.blocks] == PARAS_B


def test_json_and_json_lines_with_configured_field_names(tmp_path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"articles": [
        {"headline": "Dock strike", "story": "\n\n".join(PARAS_A), "when": "2024-03-04T07:30:00Z",
         "source": {"id": "nl", "name": "Northern Ledger"}, "link": "https://ledger.example/a"},
        {"headline": "No body here"},
    ]}))
    lines = tmp_path / "export.jsonl"
    lines.write_text(json.dumps({"headline": "Farmers", "story": "".join(f"<p>{p}</p>" for p in PARAS_B), "when": "March 5, 2024"})
                     + "\n{not json\n")
    settings = IngestConfig(fields=RecordFieldsConfig(title=["headline"], text=["story"], date=["when"]))
    result = load_articles([str(export), str(lines)], settings=settings)
    a, b = result.articles
    assert (a.path, a.title, a.published, a.outlet, a.url) == (
        f"{export}#1", "Dock strike", date(2024, 3, 4), "Northern Ledger", "https://ledger.example/a")
    assert [x.text for x in a.blocks] == PARAS_A
    assert (b.title, b.published) == ("Farmers", date(2024, 3, 5))
    assert [x.text for x in b.blocks] == PARAS_B
    skipped = {s.path: s.reason for s in result.skipped}
    assert "no text" in skipped[f"{export}#2"]
    assert "not valid JSON" in skipped[f"{lines}#2"]


def test_stdin_dash_reads_one_article(monkeypatch):
    text = "Farmers block roads\n\nMarch 5, 2024\n\nLindmark Post\n\n" + "\n\n".join(PARAS_B)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    [a] = load_articles(["-"]).articles
    assert (a.path, a.title, a.published, a.outlet) == ("-", "Farmers block roads", date(2024, 3, 5), "Lindmark Post")


def test_urls_and_dash_pass_through_glob_expansion():
    assert expand_inputs(["https://news.example/a?id=[3]", "-"]) == ["https://news.example/a?id=[3]", "-"]


def test_config_style_sources_mix_home_globs_and_exports(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "farm.html").write_text(article_page("Farmers block roads over subsidy cut", PARAS_B), encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text(json.dumps({"title": "Dock strike", "body": "\n\n".join(PARAS_A)}) + "\n")
    result = load_articles(["~/news/*.html", str(tmp_path / "wire.jsonl")])
    assert [a.title for a in result.articles] == ["Farmers block roads over subsidy cut", "Dock strike"]


def test_feed_content_without_html_blocks_splits_at_blank_lines():
    from briefgen.ingest.feeds import fragment_blocks

    blocks = fragment_blocks("The board met\non Tuesday.\n\n  Members   voted &amp; left.\n\n")
    assert blocks == [("paragraph", "The board met on Tuesday."), ("paragraph", "Members voted & left.")]


def _story_page(first: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in [first] + PARAS_B[1:4])
    return f"<html><head><title>Farmers protest</title></head><body><article><h1>Farmers protest</h1>{paras}</article></body></html>"


def test_a_date_in_the_body_text_is_not_the_publication_date():
    # Only the page's markup or a dateline dates a page; "on 14 June 2024" is the event's date,
    # and taking it would drop an undated page from every daily window.
    page = _story_page("The farmers' association said on Monday that it would hold a national rally on 14 June 2024 in Orrevik.")
    assert parse_html(page, "farm.html").published is None


def test_a_dateline_opening_the_body_dates_an_undated_page():
    page = _story_page("ORREVIK, 2 May 2023 \u2013 Farmers in the northern province of Lindmark began a three-day protest on Tuesday.")
    assert parse_html(page, "farm.html").published == date(2023, 5, 2)
    page = _story_page("7 November 2022 -- Farmers in the northern province of Lindmark began a three-day protest on Tuesday.")
    assert parse_html(page, "farm.html").published == date(2022, 11, 7)


_WESTERN = ("Caf\u00e9 owners in Z\u00fcrich protest a new tax\n\n3 March 2024\n\nLake Courier\n\n"
            "Owners of caf\u00e9s and bakeries in the old town said on Monday that the levy would cost them \u201ctoo much\u201d.\n\n"
            "The city\u2019s finance office said the tax would fund street repairs and more buses.")


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\0\0"),
                                           ("utf-32-be", b"\0\0\xfe\xff"), ("utf-8", b"\xef\xbb\xbf")])
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_and_markdown_files_with_a_byte_order_mark_decode(tmp_path, encoding, bom, suffix):
    path = tmp_path / f"tax{suffix}"
    path.write_bytes(bom + _WESTERN.encode(encoding))
    [a] = read_article(str(path))
    assert "Z\u00fcrich" in (a.title + a.text) and "\u201ctoo much\u201d" in a.text
    assert "\ufeff" not in a.title + a.text


def test_stdin_and_files_decode_western_single_byte_text_alike(tmp_path, monkeypatch):
    data = _WESTERN.encode("cp1252")  # curly quotes included: windows-1252, what "latin-1" files usually are
    path = tmp_path / "tax.txt"
    path.write_bytes(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    from_stdin, from_file = load_articles(["-", str(path)]).articles
    assert from_stdin.title == from_file.title == "Caf\u00e9 owners in Z\u00fcrich protest a new tax"
    assert from_stdin.text == from_file.text and "\u201ctoo much\u201d" in from_file.text
    assert from_file.published == date(2024, 3, 3)


def test_windows_1252_is_preferred_only_when_it_reads_as_western_text():
    from briefgen.ingest.charset import decode_bytes

    assert decode_bytes("Gr\u00fc\u00dfe aus K\u00f6ln".encode("latin-1")) == "Gr\u00fc\u00dfe aus K\u00f6ln"
    russian = "\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e \u043e\u0431\u044a\u044f\u0432\u0438\u043b\u043e \u043e \u043d\u043e\u0432\u044b\u0445 \u043c\u0435\u0440\u0430\u0445 \u043f\u043e\u0434\u0434\u0435\u0440\u0436\u043a\u0438 \u0444\u0435\u0440\u043c\u0435\u0440\u043e\u0432"
    decoded = decode_bytes(russian.encode("cp1251"))
    assert "\u00cf\u00f0" not in decoded  # not the windows-1252 reading of Cyrillic bytes ("Ïð...")
