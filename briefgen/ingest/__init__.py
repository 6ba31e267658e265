"""Ingest: turn inputs (files, folders, globs) into Article values."""
from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import BriefgenError, InputError
from briefgen.models import Article, Skipped

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


@dataclass
class Ingested:
    """The articles read, in input order, and the inputs skipped with their reasons."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def expand_inputs(inputs: list[str]) -> list[str]:
    """Expand folders (recursively) and globs into file paths, keeping the given order."""
    out: list[str] = []
    for item in inputs:
        if any(c in item for c in "*?[") and not Path(item).exists():
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise BriefgenError(f"{item}: the pattern matches no file; check the glob", exit_code=2)
            out.extend(m for m in matches if Path(m).is_file())
        elif Path(item).is_dir():
            found = sorted(
                str(p) for p in Path(item).rglob("*")
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
            )
            if not found:
                raise BriefgenError(f"{item}: the folder holds no article (.txt, .md); add some or pass files", exit_code=2)
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


def read_bytes(path: str) -> bytes:
    """Read a file, turning OS errors into one-line input errors."""
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file; check the path")
    if p.is_dir():
        raise InputError(path, "is a folder with no articles")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror})") from None
    if not data.strip():
        raise InputError(path, "is empty; remove it or add the article text")
    if b"\0" in data[:8192]:
        raise InputError(path, "looks binary, not an article; pass text, Markdown or HTML")
    return data


def decode_text(path: str, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM); anything else is an input error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(path, f"is not valid UTF-8 (byte {e.start}); re-save it as UTF-8") from None


def read_article(path: str) -> list[Article]:
    """Read one input into one or more articles (a feed or export holds several)."""
    from briefgen.ingest import markdown, text

    suffix = Path(path).suffix.lower()
    data = read_bytes(path)
    if suffix in {".md", ".markdown"}:
        articles = [markdown.parse_markdown(decode_text(path, data), path)]
    else:
        articles = [text.parse_text(decode_text(path, data), path)]
    for a in articles:
        if not a.blocks:
            raise InputError(path, "has no article text after the header lines")
        a.content_hash = content_hash(a)
    return articles


def load_articles(inputs: list[str], *, strict: bool = False) -> Ingested:
    """Read every input; a bad one is skipped and reported (fatal with strict)."""
    result = Ingested()
    for path in expand_inputs(inputs):
        try:
            result.articles.extend(read_article(path))
        except InputError as e:
            if strict:
                raise BriefgenError(f"{e} (--strict makes a bad article fatal)") from None
            result.skipped.append(Skipped(path=e.path, reason=e.reason))
    return result
