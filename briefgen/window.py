"""The window: which articles a dated briefing covers, by publication date."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from briefgen.errors import EXIT_USAGE, BriefgenError
from briefgen.models import Article

_UNITS = {"h": "hours", "d": "days", "w": "weeks"}


def parse_span(text: str) -> timedelta:
    """'24h', '7d', '2w' as a timedelta."""
    m = re.fullmatch(r"\s*(\d+)\s*([hdw])\s*", text or "")
    if not m:
        raise BriefgenError(f"window '{text}': write a number and h, d or w (24h, 7d, 2w)", exit_code=EXIT_USAGE)
    return timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})


def window_start(since: str | None, now: datetime) -> date | None:
    """First publication day in the window: `since` is a span before `now` ('24h') or an ISO date."""
    if not since:
        return None
    if re.fullmatch(r"\s*\d+\s*[hdw]\s*", since):
        return (now - parse_span(since)).date()
    try:
        start = date.fromisoformat(since.strip()[:10])
    except ValueError:
        raise BriefgenError(f"--since '{since}': give a span (24h, 7d) or an ISO date (2024-02-18)", exit_code=EXIT_USAGE) from None
    if start > now.date():  # an empty window by construction: a typo in the year, or --now set too early
        raise BriefgenError(f"--since {start} is after the briefing's date {now.date()}; give an earlier date or a later --now",
                            exit_code=EXIT_USAGE)
    return start


def select_window(articles: list[Article], start: date, end: date) -> tuple[list[Article], list[tuple[Article, str]]]:
    """Articles published from `start` to `end` (days, inclusive) and those outside with why; undated ones are kept."""
    # Publication dates are days, so the window is compared in whole days: '24h' before 08:00 covers yesterday and today.
    kept, outside = [], []
    for a in articles:
        if a.published is None or start <= a.published <= end:
            kept.append(a)
        elif a.published < start:
            outside.append((a, f"published {a.published}, before the window (from {start})"))
        else:
            outside.append((a, f"published {a.published}, after the briefing date ({end})"))
    return kept, outside


#: A story published this many days or more before the newest one is background, not the news of the briefing.
BACKGROUND_STORY_DAYS = 30


def background_stories(extractions: list) -> set[str]:
    """Paths of the stories published BACKGROUND_STORY_DAYS or more before the newest one (undated ones are current):
    last year's profile in a folder of this week's reports gives context, not the bottom line or a quote of the day."""
    newest = max((e.published for e in extractions if e.published), default=None)
    return {e.path for e in extractions if newest and e.published and (newest - e.published).days >= BACKGROUND_STORY_DAYS}
