"""HTML pages: main text with trafilatura, metadata from the page, htmldate as the date fallback."""
from __future__ import annotations

import codecs
import re
from datetime import date
from urllib.parse import urlsplit

from briefgen.errors import InputError
from briefgen.models import Article, Block

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and so do we:
# pages declaring latin-1 routinely use its curly quotes and dashes.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp819", "windows-1252"}


# Share of a block's letters inside links from which it is a link list, not text.
LINK_SHARE = 0.8
_SENTENCE_END = tuple('.!?"\'”’)')

# Fewer words than a one-sentence news brief is a menu or an error page that trafilatura kept
# in recall mode, not an article.
MIN_WORDS = 15


def declared_charset(data: bytes, header: str = "") -> str:
    """The charset from the HTTP header or the page's <meta>, if any and known to Python."""
    m = _META_CHARSET.search(data[:4096])
    for label in (header, m.group(1).decode("ascii", "ignore") if m else ""):
        label = label.strip().lower()
        if not label:
            continue
        if label in _AS_CP1252:
            return "cp1252"
        try:
            return codecs.lookup(label).name
        except LookupError:
            continue
    return ""


def decode_html(data: bytes, header_charset: str = "") -> str:
    """Decode a page like any input (briefgen.ingest.charset), its charset declared by the HTTP header or <meta>.

    (trafilatura's decode_file guesses without reading the declaration, which breaks short latin-1 pages.)
    """
    from briefgen.ingest.charset import decode_bytes

    return decode_bytes(data, declared_charset(data, header_charset))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def blocks_from_xml(xml: str) -> list[tuple[str, str]]:
    """(kind, text) of trafilatura's XML body: <head> are headings; <p>, list items and quotes paragraphs.

    Blocks that are (almost) all link text are related-story lists and menus, not article text;
    so are short unpunctuated lines left at the end ("Related stories", "Video |").
    """
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    main = root.find("main")
    if main is None:
        return []
    out: list[tuple[str, str]] = []
    blocks = ("head", "p", "item", "quote", "cell", "list", "row", "table", "div")
    containers = ("list", "quote", "div", "table", "row", "cell")

    def emit(kind: str, text: str, link_chars: int) -> None:
        text = _clean(text)
        chars = len(re.sub(r"\W", "", text))
        if chars and link_chars < LINK_SHARE * chars:
            out.append((kind, text))

    def links_in(el) -> int:
        return sum(len(re.sub(r"\W", "", "".join(r.itertext()))) for r in el.iter("ref"))

    def walk(el) -> None:
        # Mixed content (layout tables): text before, between and after the blocks is a paragraph too.
        run, link = [el.text or ""], 0
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in blocks:
                emit("paragraph", "".join(run), link)
                run, link = [], 0
                if tag in containers and any(c.tag in blocks for c in child):
                    walk(child)
                else:
                    emit("heading" if tag == "head" else "paragraph", "".join(child.itertext()), links_in(child))
            elif tag:  # inline: ref, hi, lb
                run.append(" " if tag == "lb" else "".join(child.itertext()))
                link += links_in(child)
            run.append(child.tail or "")
        emit("paragraph", "".join(run), link)

    walk(main)
    while out and len(out[-1][1].split()) <= 8 and not out[-1][1].endswith(_SENTENCE_END):
        out.pop()
    return out


def _drop_header_lines(blocks: list[tuple[str, str]], title: str) -> list[tuple[str, str]]:
    """Drop the headline and a bare date line when they open the body (old pages put them in the text)."""
    from briefgen.ingest.text import parse_date_line

    head = []
    for i, (kind, text) in enumerate(blocks[:3]):
        if (title and text == title) or parse_date_line(text):
            continue
        head.append((kind, text))
    return head + blocks[3:]


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_LOGO_ALT = re.compile(r"^\s*(?:the\s+)?(.{2,60}?)\s+(?:logo|home\s*page)\b", re.I)


def outlet_from_logo(html: str) -> str:
    """The site name from the masthead logo's alt text ("Daily Courier logo ..."), when the page names none.

    trafilatura reads og:site_name and similar tags only; old pages name themselves
    nowhere but in the logo image's alternative text.
    """
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml rejects empty or odd documents; then there is no logo either
        return ""
    names = []
    for img in root.iter("img"):
        for attr in ("alt", "title"):
            m = _LOGO_ALT.match(img.get(attr) or "")
            if m:
                names.append(_clean(m.group(1)))
    # A parent organization's logo often precedes the site's own: the longest name is the most specific.
    return max(names, key=len, default="")


def _split(url: str):
    """urlsplit, or None for a malformed URL (a page's canonical link or a feed's link may be one)."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 (raises on a bad IPv6 host)
        return parts
    except ValueError:
        return None


def outlet_from_url(url: str) -> str:
    """The host name without 'www.', as an outlet of last resort."""
    parts = _split(url)
    host = (parts.hostname if parts else "") or ""
    return host[4:] if host.startswith("www.") else host


def parse_html(html: str, path: str, *, url: str = "", default_outlet: str = "") -> Article:
    """Extract one article from a page: blocks, headline, date, outlet, author, canonical URL.

    `default_outlet` (a feed's title) names the outlet when the page names none.
    """
    import trafilatura

    # favor_recall: news pages often set the lead paragraph apart (dateline, lead class);
    # precision mode drops it, and a lost lead costs more than a stray link line at the end.
    # include_tables: old pages lay the whole article out in a table; without tables
    # trafilatura flattens it into one paragraph.
    xml = trafilatura.extract(
        html, url=url or None, output_format="xml", favor_recall=True, include_comments=False,
        include_tables=True, include_images=False, include_links=True, include_formatting=False,
        deduplicate=False, with_metadata=False,
    )
    blocks = blocks_from_xml(xml) if xml else []
    # extensive=False: htmldate's extensive search takes any date in the body ("the vote on 15 March")
    # as the publication date, and a wrong date drops the article from a daily window.
    meta = trafilatura.extract_metadata(html, default_url=url or None, extensive=False)
    title = _clean(meta.title or "") if meta else ""
    published = _as_date(meta.date) if meta else None
    if published is None:
        published = find_date(html, url) or dateline_date(blocks)
    blocks = _drop_header_lines(blocks, title)
    words = sum(len(text.split()) for kind, text in blocks if kind == "paragraph")
    if words < MIN_WORDS:
        raise InputError(path, f"has no article text ({words} words: an empty page, or only navigation and links)")
    canonical = (meta.url if meta and meta.url else "") or url
    outlet = _clean(meta.sitename or "") if meta else ""
    if outlet and url and outlet in (urlsplit(url).netloc, outlet_from_url(url)):
        outlet = ""  # trafilatura's fallback is the host name; the page's logo or the caller may know better
    if not outlet:
        outlet = outlet_from_logo(html) or default_outlet
    if not outlet and canonical:
        outlet = outlet_from_url(canonical)
    return Article(
        path=path,
        title=title,
        published=published,
        outlet=outlet,
        author=_clean(meta.author or "") if meta else "",
        url=canonical if (parts := _split(canonical)) and parts.scheme in ("http", "https") else "",
        blocks=[Block(index=i, kind=k, text=t) for i, (k, t) in enumerate(blocks, start=1)],
    )


_DATELINE_DASH = re.compile(r"\s(?:--?|–|—)\s")


def dateline_date(blocks: list[tuple[str, str]], head: int = 3) -> date | None:
    """The date of a dateline opening the body: a bare date line, or "16 January 2008 – The council ..."
    ("GENEVA, 16 January 2008 – ..." too). A date anywhere else in the text is an event's, not the page's."""
    from briefgen.ingest.text import parse_date_line

    for _, text in blocks[:head]:
        if d := parse_date_line(text):
            return d
        m = _DATELINE_DASH.search(text[:80])
        if m:
            parts = text[:m.start()].split(",")
            for i in range(len(parts)):  # drop a place name before the date, one comma at a time
                if d := parse_date_line(",".join(parts[i:])):
                    return d
    return None


def find_date(html: str, url: str = "") -> date | None:
    """The publication date htmldate reads from the page's markup (meta tags, structured data, time
    elements, the URL), or None. Not its extensive search: that scans the body text and returns
    whatever date it mentions most plausibly, an event's as readily as the page's."""
    from htmldate import find_date as htmldate_find

    try:
        found = htmldate_find(html, url=url or None, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises assorted parser errors on odd markup; a missing date is not fatal
        return None
    return _as_date(found)
