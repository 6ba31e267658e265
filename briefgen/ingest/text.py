"""Plain-text articles in the seed's layout: headline, date line, outlet line, then paragraphs."""
from __future__ import annotations

import re
from datetime import date

from dateutil import parser as dateparser

from briefgen.models import Article, Block

_END_PUNCT = tuple('.!;:,"”’\')')
_OUTLET_END = tuple('.!;:,"”’-—_')


def parse_date_line(line: str) -> date | None:
    """A header line that is only a date ("Feb 19, 2024", "2024-02-19")."""
    s = line.strip()
    if not s or len(s) > 40 or not re.search(r"\d{4}", s):
        return None
    try:
        return dateparser.parse(s, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def is_heading(block: str) -> bool:
    """Short single lines without final punctuation are section headings ("What's next?" too)."""
    if "\n" in block.strip():
        return False
    words = block.split()
    if not words or len(words) > 10:
        return False
    if block.rstrip().endswith("?"):
        return len(words) <= 5
    return not block.rstrip().endswith(_END_PUNCT)


def split_blocks(text: str) -> list[str]:
    """Paragraphs separated by blank lines, inner line breaks folded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"\n\s*\n", text)
    return [re.sub(r"[ \t]*\n[ \t]*", " ", p).strip() for p in parts if p.strip()]


def to_blocks(paragraphs: list[str]) -> list[Block]:
    """Number paragraphs and headings from 1."""
    return [
        Block(index=i, kind="heading" if is_heading(p) else "paragraph", text=re.sub(r"[ \t]+", " ", p))
        for i, p in enumerate(paragraphs, start=1)
    ]


def parse_text(text: str, path: str) -> Article:
    """Parse the seed layout; the date and outlet lines are optional."""
    parts = split_blocks(text)
    title = parts.pop(0) if parts and not parse_date_line(parts[0]) else ""
    published = None
    outlet = ""
    if parts and (d := parse_date_line(parts[0])):
        published = d
        parts.pop(0)
    if parts and len(parts[0].split()) <= 8 and not parts[0].endswith(_OUTLET_END) and len(parts) > 1:
        if published is not None or not is_heading(parts[1]):
            outlet = parts.pop(0)
    if published is None and parts and (d := parse_date_line(parts[0])):
        published = d
        parts.pop(0)
    return Article(path=path, title=title.strip(), published=published, outlet=outlet, blocks=to_blocks(parts))
