"""Events: the clause that carries each calendar date, with its actors."""
from __future__ import annotations

import re

from briefgen.extract.actors import ActorIndex
from briefgen.models import Article, DateMention, Event

_FIRST_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def sort_key(value: str) -> str | None:
    """First calendar day of an ISO value, for ordering ('2024-02' -> '2024-02-01')."""
    m = _FIRST_DAY.match(value or "")
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2) or "01", m.group(3) or "01"
    return f"{y}-{mo}-{d}"


def extract_events(doc, article: Article, dates: list[DateMention], actors: ActorIndex) -> list[Event]:
    """One event per dated sentence: the sentence is the description for now."""
    events = []
    for dm in dates:
        key = sort_key(dm.value or "")
        if not key or (dm.value or "").startswith("P"):
            continue
        span = doc.char_span(dm.start, dm.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        upcoming = bool(article.published and key > article.published.isoformat())
        events.append(Event(
            date=dm.value, sort_key=key, text=sent.text.strip(), date_text=dm.text,
            actors=actors.names_in(sent.start_char, sent.end_char), upcoming=upcoming,
            paragraph=dm.paragraph, source=article.path,
        ))
    return events
