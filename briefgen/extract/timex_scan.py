"""Scan a text with the temporal RULES, but only around words that every temporal expression contains.

Each rule's pattern opens with optional words and lookbehinds, so Python's regex engine tries it at
every character of the text: 17 full scans cost more than all the rest of date extraction. Every
expression the rules match contains an anchor (a digit, a month or weekday name, a unit such as
"week" or "year", a season or holiday name, ...) within a few words of its start, so a scan for
each rule's anchors (a literal search, fast) and the rule run over the windows around them find
exactly the same matches.
"""
from __future__ import annotations

import re

from briefgen.extract.timex_patterns import RULES

_MONTH = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_YEAR = r"1\d\d\d|20\d\d"
#: For each rule, words one of which occurs in every match, at most BEFORE characters after the
#: match's start (the tests check the windowed scan against full scans). A rule without an anchor
#: is scanned in full. All-lowercase anchors read the lowercased text: a case-insensitive pattern
#: is several times slower to scan.
ANCHORS: dict[str, tuple[re.Pattern, bool]] = {name: (re.compile(rx), rx.islower()) for name, rx in {
    "days": _MONTH, "month": _MONTH, "abbr_month_year": _MONTH,
    "iso": _YEAR, "years": _YEAR, "year": _YEAR, "numeric": r"\d/", "named": r"9/11", "decade": r"\d0s",
    "weekday": r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day",
    "clock": r"\d ?[ap]\.?m\b|noon|midnight|midday|o['’]clock|in the (?:morning|afternoon|evening)",
    "relday": r"today|tonight|yesterday|tomorrow|morning|afternoon|evening|night",
    "relunit": r"week|month|year|decade|quarter",
    "anaphor": r"day|morning|afternoon|evening|night|week|month|year",
    "shift": r"day|week",
    "ago": r"ago|earlier|before|later",
    "quarter": r"quarter|half|q[1-4]",
    "edge": r"week|month|year|decade",
    "newyear": r"new year",
    "ordday": r"\d(?:st|nd|rd|th)\b",
    "season": r"spring|summer|autumn|fall|winter",
    "holiday": r"Christmas|New Year|Thanksgiving|Easter|Halloween|Valentine|Independence Day|Labor Day|Memorial Day|Election Day",
}.items()}
#: How far a match may begin before its anchor ("more than twenty-five and a half days ago"), and how
#: far past the window's end a match found in it may run (lookaheads read a few characters more).
BEFORE, AFTER = 60, 60
LOOKAHEAD = 120


def windows(text: str, anchor: re.Pattern) -> list[tuple[int, int]]:
    """Merged [lo, hi) ranges around the anchors in `text`: every match starts inside one."""
    out: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        lo, hi = max(0, m.start() - BEFORE), m.end() + AFTER
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def scan(text: str, rules=RULES) -> list[tuple[int, int, int, str]]:
    """(start, end, rule order, rule name) of every match of every rule, as full scans would find them."""
    n = len(text)
    low = text.lower()
    if len(low) != n:
        low = None  # a letter whose lowercase is longer ("İ") would shift the offsets
    out = []
    cache: dict[str, list[tuple[int, int]]] = {}
    for order, (name, rx) in enumerate(rules):
        anchor, lowered = ANCHORS.get(name, (None, False))
        if anchor is None or (lowered and low is None):
            out.extend((m.start(), m.end(), order, name) for m in rx.finditer(text))
            continue
        spans = cache.get(anchor.pattern)
        if spans is None:
            spans = cache[anchor.pattern] = windows(low if lowered else text, anchor)
        for lo, hi in spans:
            for m in rx.finditer(text, lo, min(n, hi + LOOKAHEAD)):
                if m.start() >= hi:
                    break
                out.append((m.start(), m.end(), order, name))
    return out


def full_scan(text: str, rules=RULES) -> list[tuple[int, int, int, str]]:
    """The same matches by scanning the whole text with every rule (the reference for the tests)."""
    return [(m.start(), m.end(), order, name) for order, (name, rx) in enumerate(rules) for m in rx.finditer(text)]
