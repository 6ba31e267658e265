"""Jinja2 filters: formatting only, no computation."""
from __future__ import annotations

import re
from datetime import date, datetime


def format_date(value, fmt: str = "%-d %B %Y") -> str:
    """Format a date or ISO string for display."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value.strftime(fmt)


def format_iso(value: str, mod: str | None = None) -> str:
    """Readable form of an ISO 8601 value: day, month, range, week, quarter; `mod` in front ('late February 2024')."""
    from briefgen.render.dates import humanize

    return humanize(value, mod)


def format_datetime(value, fmt: str = "%-d %B %Y, %H:%M") -> str:
    """Format an aware date-time with its zone name: '19 February 2024, 08:00 UTC'."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    zone = value.tzname() or ""
    return f"{value.strftime(fmt)} {zone}".strip()


def link_url(value: str | None) -> str:
    """The URL if it is http(s), else '': an article's URL never becomes a javascript: or file: link."""
    from urllib.parse import urlsplit

    if not value:
        return ""
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return ""
    if scheme not in ("http", "https"):
        return ""
    # Spaces, quotes and angle brackets are never valid in a URL; encoded, they cannot end a Markdown
    # autolink <...> early and turn the rest into Markdown ("https://x/>[a](javascript:...)").
    return re.sub(r'[\x00-\x20<>"`\x7f]', lambda m: f"%{ord(m.group()):02X}", value.strip())


FILTERS = {"date": format_date, "iso": format_iso, "datetime": format_datetime, "link_url": link_url}
