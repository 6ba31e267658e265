"""Typewriter quotation marks made typographic for display: wire copy's ``...'' becomes “...”.

Only what the briefing shows is changed; extraction reads the article's own marks (and offsets).
Written by hand: the marks to fix are two fixed sequences, and a smartypants-style library would
also rewrite apostrophes and dashes that the articles' own typography already settled.
"""
from __future__ import annotations

import re

_OPEN = re.compile(r"``|''(?=\w)|(?<=[\s(\[—–-])''|^''")


def typographic(text: str) -> str:
    """`` and an opening '' become “, a closing '' becomes ”."""
    if "``" not in text and "''" not in text:
        return text
    return _OPEN.sub("“", text).replace("''", "”")
