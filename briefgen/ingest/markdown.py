"""Markdown articles with optional YAML front matter (title, date, outlet, url, author)."""
from __future__ import annotations

import datetime as dt
import re

import yaml
from markdown_it import MarkdownIt

from briefgen.errors import InputError
from briefgen.ingest.text import parse_date_line
from briefgen.models import Article, Block

_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def _front_matter(text: str, path: str) -> tuple[dict, str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark else ""
        raise InputError(path, f"front matter{line} is not valid YAML; fix or remove it") from None
    except ValueError as e:  # YAML that parses to an impossible value: "date: 2024-02-30"
        raise InputError(path, f"front matter has an impossible value ({e}); fix the date or remove it") from None
    if not isinstance(meta, dict):
        raise InputError(path, "front matter must be a mapping (title:, date:, ...)")
    return meta, text[m.end():]


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date_line(value)
    return None


def parse_markdown(text: str, path: str) -> Article:
    """Parse Markdown with markdown-it: headings and paragraphs become blocks, inline markup is dropped."""
    meta, body = _front_matter(text.replace("\r\n", "\n"), path)
    tokens = MarkdownIt("commonmark").parse(body)
    blocks: list[tuple[str, str]] = []
    kind = None
    for tok in tokens:
        if tok.type in ("heading_open", "paragraph_open"):
            kind = "heading" if tok.type == "heading_open" else "paragraph"
        elif tok.type == "inline" and kind:
            parts = []
            for child in tok.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
            content = re.sub(r"\s+", " ", "".join(parts)).strip()
            if content:
                blocks.append((kind, content))
            kind = None
    title = str(meta.get("title") or "")
    if not title and blocks and blocks[0][0] == "heading":
        title = blocks.pop(0)[1]
    return Article(
        path=path,
        title=title,
        published=_as_date(meta.get("date") or meta.get("published")),
        outlet=str(meta.get("outlet") or meta.get("source") or ""),
        author=str(meta.get("author") or ""),
        url=str(meta.get("url") or ""),
        blocks=[Block(index=i, kind=k, text=t) for i, (k, t) in enumerate(blocks, start=1)],
    )
