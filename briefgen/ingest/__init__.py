"""Ingest: turn inputs (files, folders, globs, URLs, feeds, JSON exports, stdin) into Article values."""
from __future__ import annotations

import glob
import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from briefgen.config import IngestConfig
from briefgen.errors import BriefgenError, InputError
from briefgen.ingest.charset import bom_encoding, decode_bytes
from briefgen.ingest.fetch import FetchSettings, fetch_many, is_url
from briefgen.models import Article, Skipped

# What a folder contributes; feeds and JSON exports are read when named (a folder's .json may be anything).
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
_DOCUMENT_MAGIC = ((b"%PDF", "PDF"), (b"PK\x03\x04", "zip (Word, OpenDocument)"), (b"\xd0\xcf\x11\xe0", "Word 97-2003"))
MARKDOWN_SUFFIXES = {".md", ".markdown"}
_NOT_ARTICLES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip", "application/octet-stream")


@dataclass
class Ingested:
    """The articles read, in input order, and the inputs skipped with their reasons."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def expand_inputs(inputs: list[str], on_empty: Callable[[InputError], None] | None = None) -> list[str]:
    """Expand folders (recursively) and globs into file paths, keeping the given order.

    A folder or glob that yields nothing goes to `on_empty` (a run skips it, like a missing file: an empty
    inbox must not stop the other sources); without it, it is an error.
    """
    out: list[str] = []

    def empty(item: str, reason: str) -> None:
        if on_empty is None:
            raise BriefgenError(f"{item}: {reason}", exit_code=2)
        on_empty(InputError(item, reason))

    for item in inputs:
        if item == "-" or is_url(item):
            out.append(item)
            continue
        item = os.path.expanduser(item)  # config sources may start with ~ (no shell expands them)
        if any(c in item for c in "*?[") and not Path(item).exists():
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                empty(item, "the pattern matches no file; check the glob")
            out.extend(m for m in matches if Path(m).is_file())
        elif Path(item).is_dir():
            found = sorted(
                str(p) for p in Path(item).rglob("*")
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
            )
            if not found:
                empty(item, "the folder holds no article (.txt, .md, .html); add some or pass files")
            out.extend(found)
        else:
            out.append(item)
    return out


def content_hash(article: Article) -> str:
    """A stable hash of what extraction reads from an article."""
    h = hashlib.sha256()
    for part in (article.title, str(article.published or ""), article.outlet, article.text):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def read_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """Read a file, turning OS errors into one-line input errors."""
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file; check the path")
    if p.is_dir():
        raise InputError(path, "is a folder with no articles")
    try:
        if max_bytes is not None and p.stat().st_size > max_bytes:
            raise InputError(path, f"is {p.stat().st_size / 1e6:.1f} MB, over the size limit of {max_bytes / 1e6:g} MB (ingest.max_bytes)")
        data = p.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror})") from None
    check_data(path, data)
    return data


def check_data(path: str, data: bytes) -> None:
    """Refuse empty and binary content."""
    if not data.strip():
        raise InputError(path, "is empty; remove it or add the article text")
    for magic, kind in _DOCUMENT_MAGIC:  # office files are zip or OLE containers and PDFs may start without a NUL
        if data.startswith(magic):
            raise InputError(path, f"is a {kind} file, not an article; save or export its text and pass that")
    if b"\0" in data[:8192] and not bom_encoding(data):
        head = data[:8192]
        if len(head) > 16 and head.count(b"\0") * 2 >= len(head) - 1 and (b"\0" not in head[::2] or b"\0" not in head[1::2]):
            raise InputError(path, "looks like UTF-16 text without a byte-order mark; re-save it as UTF-8")
        raise InputError(path, "looks binary, not an article; pass text, Markdown, HTML, a feed or JSON")


def decode_text(data: bytes, charset: str = "") -> str:
    """Decode any input the same way, from a file, stdin or a server (briefgen.ingest.charset)."""
    return decode_bytes(data, charset)


def _sniff_head(data: bytes) -> bytes:
    """The document's opening bytes as UTF-8, so a UTF-16 or UTF-32 page is recognised like any other."""
    bom = bom_encoding(data)
    return data[:8192].decode(bom, "ignore").encode("utf-8") if bom else data


@dataclass
class Document:
    """Raw bytes of one input with what is known of its type."""

    label: str
    data: bytes
    suffix: str = ""
    url: str = ""
    content_type: str = ""
    charset: str = ""


def document_kind(doc: Document) -> str:
    """feed, html, json, markdown or text: from the suffix, then the content type, then the bytes."""
    from briefgen.ingest.feeds import looks_like_feed

    data = _sniff_head(doc.data)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    ctype = doc.content_type
    if doc.suffix in JSON_SUFFIXES or "json" in ctype:
        return "json"
    if doc.suffix in FEED_SUFFIXES or any(t in ctype for t in ("rss", "atom")) or looks_like_feed(data):
        return "feed"
    if doc.suffix in HTML_SUFFIXES or "html" in ctype or head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if doc.suffix in MARKDOWN_SUFFIXES or "markdown" in ctype:
        return "markdown"
    if not doc.suffix and head[:1] in (b"{", b"["):
        return "json"
    if "xml" in ctype:
        return "feed"
    return "text"


def _decoded(doc: Document) -> str:
    """Text, Markdown and JSON: files, stdin and fetched documents decode alike (a server's charset first)."""
    return decode_text(doc.data, doc.charset)


def _page(fetched, label: str, outlet: str = "") -> Article:
    from briefgen.ingest.html import decode_html, parse_html

    check_document(label, fetched.data, fetched.content_type)
    return parse_html(decode_html(fetched.data, fetched.charset), label, url=fetched.final_url, default_outlet=outlet)


def check_document(label: str, data: bytes, content_type: str) -> None:
    """Refuse fetched bodies that are empty, binary or declared as a non-text type."""
    if content_type.startswith(_NOT_ARTICLES):
        raise InputError(label, f"is {content_type}, not an article")
    check_data(label, data)


def parse_document(doc: Document, settings: IngestConfig, fetch: FetchSettings) -> list[Article | InputError]:
    """Turn one document into articles (a feed or export holds several); per-entry problems come back as errors."""
    from briefgen.ingest import markdown, text

    kind = document_kind(doc)
    if kind == "json":
        from briefgen.ingest.records import parse_records

        return parse_records(_decoded(doc), doc.label, settings.fields)
    if kind == "feed":
        return _feed_articles(doc, settings, fetch)
    if kind == "html":
        from briefgen.ingest.html import decode_html, parse_html

        return [parse_html(decode_html(doc.data, doc.charset), doc.label, url=doc.url)]
    if kind == "markdown":
        return [markdown.parse_markdown(_decoded(doc), doc.label)]
    return [text.parse_text(_decoded(doc), doc.label)]


def _feed_articles(doc: Document, settings: IngestConfig, fetch: FetchSettings) -> list[Article | InputError]:
    """A feed's entries: full content as is, the others fetched from their (http/https) links concurrently."""
    from briefgen.ingest.feeds import parse_feed

    entries = parse_feed(doc.data, doc.label, min_words=settings.feed_min_words, base_url=doc.url)
    links = [e.link for e in entries if e.article is None and e.link]
    pages = dict(zip(links, fetch_many(links, fetch)))
    out: list[Article | InputError] = []
    for e in entries:
        if e.article is not None:
            out.append(e.article)
            continue
        if not e.link:
            out.append(InputError(e.label, "feed entry has neither content nor a link"))
            continue
        got = pages[e.link]
        if isinstance(got, InputError):
            out.append(InputError(e.label, f"feed entry: {got.reason}"))
            continue
        try:
            page = _page(got, e.label, e.outlet)
        except InputError as err:
            out.append(err)
            continue
        # The page's own metadata first; the feed fills what the page lacks.
        page.title = page.title or e.title
        page.published = page.published or e.published
        page.author = page.author or e.author
        out.append(page)
    return out


def fetch_settings(settings: IngestConfig) -> FetchSettings:
    """The fetch limits of the config's ingest section."""
    return FetchSettings(timeout=settings.timeout, max_bytes=settings.max_bytes,
                         max_redirects=settings.max_redirects, concurrency=settings.concurrency)


def read_stdin(max_bytes: int) -> bytes:
    """One article from standard input."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("-", f"standard input is over the size limit of {max_bytes / 1e6:g} MB (ingest.max_bytes)")
    check_data("-", data)
    return data


def read_article(path: str, settings: IngestConfig | None = None) -> list[Article]:
    """Read one local input into one or more articles (a feed or export holds several); errors raise."""
    settings = settings or IngestConfig()
    doc = Document(label=path, data=read_bytes(path, settings.max_bytes), suffix=Path(path).suffix.lower())
    articles = []
    for a in parse_document(doc, settings, fetch_settings(settings)):
        if isinstance(a, InputError):
            raise a
        articles.append(_finish(a))
    return articles


def _finish(article: Article) -> Article:
    if not article.blocks:
        raise InputError(article.path, "has no article text after the header lines")
    article.content_hash = content_hash(article)
    return article


def load_articles(inputs: list[str], *, strict: bool = False, settings: IngestConfig | None = None) -> Ingested:
    """Read every input (URLs fetched concurrently first); a bad one is skipped and reported (fatal with strict)."""
    settings = settings or IngestConfig()
    fetch = fetch_settings(settings)
    result = Ingested()

    def skip(e: InputError) -> None:
        if strict:
            raise BriefgenError(f"{e} (--strict makes a bad article fatal)") from None
        result.skipped.append(Skipped(path=e.path, reason=e.reason))

    items = expand_inputs(inputs, on_empty=skip)
    urls = list(dict.fromkeys(i for i in items if is_url(i)))
    fetched = dict(zip(urls, fetch_many(urls, fetch)))
    for item in items:
        try:
            if item == "-":
                doc = Document(label="-", data=read_stdin(settings.max_bytes))
            elif is_url(item):
                got = fetched[item]
                if isinstance(got, InputError):
                    raise got
                check_document(item, got.data, got.content_type)
                doc = Document(label=item, data=got.data, url=got.final_url, content_type=got.content_type, charset=got.charset)
            else:
                doc = Document(label=item, data=read_bytes(item, settings.max_bytes), suffix=Path(item).suffix.lower())
            for a in parse_document(doc, settings, fetch):
                if isinstance(a, InputError):
                    skip(a)
                    continue
                try:
                    result.articles.append(_finish(a))
                except InputError as e:
                    skip(e)
        except InputError as e:
            skip(e)
        except (BriefgenError, KeyboardInterrupt, MemoryError):
            raise
        except Exception as e:  # one unreadable input never sinks the briefing: skip it, say why
            skip(InputError(item, f"could not be read ({type(e).__name__}: {e}); check the file or report it"))
    return result
