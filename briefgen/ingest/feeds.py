"""RSS and Atom feeds with feedparser: one article per entry, from its full content or its link."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date

from briefgen.errors import InputError
from briefgen.ingest.html import outlet_from_url
from briefgen.ingest.text import split_blocks
from briefgen.models import Article, Block

_FEED_ROOT = re.compile(rb"\A(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>|<\?xml-stylesheet[^>]*\?>)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)


def looks_like_feed(data: bytes) -> bool:
    """Whether the document's root element is rss, feed (Atom) or rdf:RDF (RSS 1.0)."""
    return bool(_FEED_ROOT.match(data[:4096].lstrip(b"\xef\xbb\xbf")))


@dataclass
class Entry:
    """A feed entry: either a finished article, or a link to fetch with what the feed said about it."""

    article: Article | None
    link: str
    title: str
    published: date | None
    author: str
    outlet: str
    label: str


def fragment_blocks(html: str) -> list[tuple[str, str]]:
    """(kind, text) of an HTML fragment (feed content): headings, paragraphs and list items."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises ParserError on empty or odd fragments; such content is no article
        return []
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    out: list[tuple[str, str]] = []
    blocks = root.xpath(".//p|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//li|.//blockquote[not(p)]")
    if not blocks:
        return [("paragraph", re.sub(r"\s+", " ", p)) for p in split_blocks(root.text_content())]
    for el in blocks:
        if el.xpath("ancestor::p|ancestor::li"):
            continue  # nested inside a block already taken
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if text:
            out.append(("heading" if el.tag[0] == "h" and el.tag[1:].isdigit() else "paragraph", text))
    return out


def _raw_links(data: bytes) -> list[str]:
    """Each entry's link as written in the feed, in entry order ('' where there is none).

    feedparser collapses the slashes after '://' ("file:///etc/passwd" becomes "file://etc/passwd"),
    so a refused link would be reported as something the feed does not say.
    """
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    out = []
    for item in root.xpath("//*[local-name()='item' or local-name()='entry']"):
        links = item.xpath("./*[local-name()='link']")
        # Atom: the alternate link's href (rel defaults to alternate); RSS: the element's text.
        hrefs = [el.get("href") for el in links if el.get("href") and el.get("rel", "alternate") == "alternate"]
        texts = [(el.text or "").strip() for el in links if (el.text or "").strip()]
        out.append((hrefs or texts or [""])[0].strip())
    return out


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return date(t.tm_year, t.tm_mon, t.tm_mday)
    return None


def parse_feed(data: bytes, path: str, *, min_words: int = 80, base_url: str = "") -> list[Entry]:
    """Read a feed's entries; entries whose content is shorter than `min_words` are left to fetch.

    `base_url` (where a fetched feed came from) resolves relative entry links; a local feed has
    none, so its relative links stay relative and are refused.
    """
    import feedparser

    # A BytesIO, never the bytes themselves: feedparser opens a str or bytes argument as a
    # URL or a local file name when it can, and a feed must not make us read a local file.
    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True, response_headers=headers)
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "not well-formed").splitlines()[0]
            raise InputError(path, f"is not a valid RSS or Atom feed ({reason})")
        raise InputError(path, "is a feed with no entries")
    feed_title = re.sub(r"\s+", " ", parsed.feed.get("title", "")).strip()
    feed_link = parsed.feed.get("link", "")
    raw = _raw_links(data)
    raw = raw if len(raw) == len(parsed.entries) else [""] * len(parsed.entries)
    out: list[Entry] = []
    for n, e in enumerate(parsed.entries, start=1):
        link = e.get("link", "")
        if link and raw[n - 1] and not link.startswith(("http://", "https://")):
            link = raw[n - 1]  # refused anyway; report it as written
        source = e.get("source") or {}
        outlet = (source.get("title") if isinstance(source, dict) else "") or feed_title or outlet_from_url(feed_link or link)
        title = re.sub(r"\s+", " ", e.get("title", "")).strip()
        published = _entry_date(e)
        author = e.get("author", "")
        label = link or f"{path}#{n}"
        content = max((c.get("value", "") for c in e.get("content", [])), key=len, default="")
        blocks = fragment_blocks(content) if content else []
        words = sum(len(t.split()) for _, t in blocks)
        article = None
        if words >= min_words or (blocks and not link):
            article = Article(path=label, title=title, published=published, outlet=outlet, author=author,
                              url=link if link.startswith(("http://", "https://")) else "",
                              blocks=[Block(index=i, kind=k, text=t) for i, (k, t) in enumerate(blocks, start=1)])
        elif not link:
            summary = fragment_blocks(e.get("summary", "")) if e.get("summary") else []
            if summary:
                article = Article(path=label, title=title, published=published, outlet=outlet, author=author,
                                  blocks=[Block(index=i, kind=k, text=t) for i, (k, t) in enumerate(summary, start=1)])
        out.append(Entry(article=article, link=link, title=title, published=published, author=author, outlet=outlet, label=label))
    return out
