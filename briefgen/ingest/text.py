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


#: Labelled header lines that plain-text exports put under the headline ("Published: 12 March 2025",
#: "Source: Reuters", "By Jane Doe", "URL: https://..."): field name and value.
_HEADER = re.compile(
    r"^(?P<key>(?:first )?published(?: on)?|posted(?: on)?|updated(?: on)?|date|dateline|source|outlet|publisher|"
    r"publication|author|byline|by|url|link)(?P<sep>\s*[:|]\s*|\s+[-–—]\s+|\s+)(?P<value>\S.{0,120})$", re.I)
_HEADER_FIELD = {"date": "published", "dateline": "published", "source": "outlet", "outlet": "outlet", "publisher": "outlet",
                 "publication": "outlet", "author": "author", "byline": "author", "by": "author", "url": "url", "link": "url"}


_TITLE_LABEL = re.compile(r"^\s*(?:title|headline)\s*:\s*(?=\S)", re.I)


def _header_line(block: str) -> tuple[str, str] | None:
    """(field, value) of a labelled header line, or None: 'Published: 12 March 2025' -> ('published', ...)."""
    if "\n" in block or len(block) > 140:
        return None
    m = _HEADER.match(block.strip())
    if not m:
        return None
    words = [w for w in m.group("key").lower().split() if w not in ("on", "first")]
    field = _HEADER_FIELD.get(words[-1], "published")
    value = m.group("value").strip()
    labelled = not m.group("sep").isspace()  # "Source: Reuters"; a bare space only after dates' labels and "By"
    if field == "published":
        return (field, value) if re.search(r"\d{4}", value) else None
    if field == "author":
        names = value.replace(",", " ").split()
        if len(names) > 8 or value.endswith((".", "!", ";")) or (not labelled and not all(
                w[:1].isupper() and not any(c.isdigit() or c == ":" for c in w) or w in ("and", "&") for w in names)):
            return None  # "By Friday, the talks ...", "By The Numbers: 2024": a sentence or a title, not a byline
        return field, value
    if not labelled or len(value.split()) > 8:
        return None
    return field, value


def _separate_header_lines(text: str, head: int = 10) -> str:
    """Header lines written one under the other with no blank line between them become blocks of their own."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out, seen, zone = [], 0, True  # the zone: the headline, then header lines and blank lines only
    for i, line in enumerate(lines):
        stripped = line.strip()
        if zone and i < head and stripped and _header_line(stripped):
            out += ["", line, ""]
            continue
        if stripped:
            seen += 1
            zone = zone and seen == 1  # the first other line is the headline; the next ends the zone
        out.append(line)
    return "\n".join(out)


def _header_date(value: str) -> date | None:
    """The date of a labelled date line, which may carry a time and zone ('Feb 19, 2024 10:31 AM EST')."""
    try:
        # only the day matters here: the zone is ignored (dateutil warns on names like "EST")
        return dateparser.parse(value, fuzzy=True, ignoretz=True).date()
    except (ValueError, OverflowError):
        return None


def _outlet_line(parts: list[str]) -> bool:
    """Whether the first block is a short outlet line ("Jerusalem Post", "The New York Times (AP)") with body
    after it: a name, every word capitalized but small joining words, not a standfirst ("Vote ends months of deadlock")."""
    if not parts or len(parts) < 2 or parts[0].endswith(_OUTLET_END):
        return False
    words = parts[0].split()
    return len(words) <= 6 and all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _NAME_JOINERS for w in words)


_NAME_JOINERS = {"of", "the", "and", "&", "de", "la", "le", "al", "el", "for", "on", "in"}


def parse_text(text: str, path: str) -> Article:
    """Parse the seed layout; the date and outlet lines are optional, and labelled header lines under
    the headline (Published:, Source:, By ..., URL:) are read as the fields they name."""
    parts = split_blocks(_separate_header_lines(text))
    title = parts.pop(0) if parts and not parse_date_line(parts[0]) and not _header_line(parts[0]) else ""
    title = _TITLE_LABEL.sub("", title, count=1)  # "Title: ..." / "Headline: ..." in some exports
    fields: dict[str, str] = {}
    published = None
    while parts and (h := _header_line(parts[0])) is not None:
        field, value = h
        if field == "published":
            d = _header_date(value)
            if d is None:
                break
            published = published or d
        else:
            fields.setdefault(field, value)
        parts.pop(0)
    if published and "outlet" not in fields and _outlet_line(parts):
        fields["outlet"] = parts.pop(0)  # "Published: 2026-03-04" then a bare "Reuters" line, as in the seed layout
    if fields or published:
        return Article(path=path, title=title.strip(), published=published, outlet=fields.get("outlet", ""),
                       author=fields.get("author", ""), url=fields.get("url", ""), blocks=to_blocks(parts))
    outlet = ""
    if parts and (d := parse_date_line(parts[0])):
        published = d
        parts.pop(0)
    if _outlet_line(parts) and (published is not None or not is_heading(parts[1])):
        outlet = parts.pop(0)
    if published is None and parts and (d := parse_date_line(parts[0])):
        published = d
        parts.pop(0)
    return Article(path=path, title=title.strip(), published=published, outlet=outlet, blocks=to_blocks(parts))
