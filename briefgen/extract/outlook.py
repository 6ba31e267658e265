"""Outlook: forward-looking statements (scheduled, planned or expected), with their date."""
from __future__ import annotations

import re

from briefgen.extract.actors import ActorIndex
from briefgen.extract.sentences import all_quoted, has_link, pieces, quote_regions
from briefgen.models import Article, DateMention, OutlookItem

# Surface cues of what is expected or planned; a regular expression because they are fixed word
# sequences whose only variation is the auxiliary's form, which the pattern lists.
_EXPECTED = re.compile(
    r"\b(is|are|['’]s|['’]re|be|being)\s+(widely\s+|now\s+|also\s+|still\s+)?(expected|scheduled|set|due|slated|poised|"
    r"likely|going|planned|tipped|supposed)\s+(to|for)\b"
    r"|\b(plans?|planned|planning|intends?|intended|aims?|vows?|vowed|promised?|pledged?|hopes?)\s+to\s+\w+"
    r"|\b(upcoming|forthcoming|later this (week|month|year)|next (week|month|year|spring|summer|autumn|fall|winter)|"
    r"in the coming (days|weeks|months|years))\b", re.I)


def extract_outlook(doc, article: Article, dates: list[DateMention], actors: ActorIndex) -> list[OutlookItem]:
    """Forward-looking sentences, with their date when one is in the sentence; open questions left out."""
    from briefgen.extract.questions import open_pieces  # imported here: questions imports this module

    taken = {q.text for q in open_pieces(doc, article)}
    published = article.published.isoformat() if article.published else ""
    quotes = {i: quote_regions(b.text) for i, b in enumerate(article.blocks)}
    offsets = article.block_offsets()
    out = []
    for p in pieces(doc, article):
        if p.heading or p.text.rstrip("\"'”’ ").endswith("?") or p.text in taken or has_link(p.text):
            continue
        if all_quoted(p, quotes[p.block], offsets[p.block][0]):
            continue  # someone's words with no attribution in the sentence: the quotes section has them
        # calendar dates only: a duration ("P2W") is no time the item looks ahead to
        in_sent = [d for d in dates if p.start <= d.start < p.end and d.value and d.value[0].isdigit()]
        future = [d for d in in_sent if published and d.value[:10] > published]
        if future and _past_report(p.span):
            future = []  # "hosted ... in October": a past event, whatever the date's value says
        if not (future or _EXPECTED.search(p.text) or _future_modal(p.span, p.text)):
            continue
        # A past date on a look-ahead would mislead; a written-out date beats a bare weekday.
        future.sort(key=lambda d: (not _explicit(d.text), d.value))
        when = (future or [None])[0]
        out.append(OutlookItem(text=p.text, paragraph=p.paragraph, date=when.value if when else None, mod=when.mod if when else None,
                               actors=actors.names_in(p.start, p.end), source=article.path))
    # What has a date comes first, soonest first; the rest keeps the article's order.
    return sorted(out, key=lambda o: (o.date is None, o.date or ""))


def _explicit(text: str) -> bool:
    """The date names its month or has digits ('February 29', '2024-03-01'), unlike 'Friday' or 'next week'."""
    return bool(re.search(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", text, re.I))


#: The spellings of the future modals, to skip sentences without one before looking at their tokens.
_MODAL_HINT = re.compile(r"\b(?:will|shall|wo)\b|\bwon['’]t\b|['’]ll\b", re.I)


def _future_modal(span, text: str) -> bool:
    """'will' or 'shall' as an auxiliary of a verb (not 'the will of the people'); `text` is the span's."""
    if not _MODAL_HINT.search(text):
        return False
    return any(t.tag_ == "MD" and t.lower_ in ("will", "shall", "'ll", "’ll", "wo") for t in span)


_REPORT_VERBS = {"say", "tell", "announce", "report", "state", "add", "confirm", "note", "write"}


def _past_report(span) -> bool:
    """The main verb is in the past and nothing in the sentence looks ahead ('would', 'to be held')."""
    # The sentence's own head: the parser may hang it on a heading before it.
    root = next((t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end), None)
    # "Arguments are scheduled for April 21, the court said": the report's verb is not the event's
    while root is not None and root.lemma_ in _REPORT_VERBS and (said := next((c for c in root.children if c.dep_ == "ccomp"), None)):
        root = said
    if root is None or root.tag_ not in ("VBD", "VBN"):
        return False
    if root.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in root.children):
        return False  # "is scheduled", "are planned": a present passive
    return not any(t.tag_ == "MD" or t.lower_ in ("upcoming", "next") for t in span)
