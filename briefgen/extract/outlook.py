"""Outlook: forward-looking statements (scheduled, planned or expected), with their date."""
from __future__ import annotations

import re

from briefgen.extract.actors import ActorIndex
from briefgen.extract.dates import looks_ahead
from briefgen.extract.intervals import bounds, narrow, sort_key
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
        verb = any(t.pos_ in ("VERB", "AUX") for t in p.span)  # a bare time stamp ("6:05 p.m.") tells nothing ahead
        future = [d for d in in_sent if published and _ahead(doc, d, published, verb)]
        if future and _past_report(p.span):
            future = []  # "hosted ... in October": a past event, whatever the date's value says
        if _counterfactual(p.span):
            continue
        if not future and (_mostly_quoted(p, quotes[p.block], offsets[p.block][0])
                           or _ahead_only_in_own_words(p, quotes[p.block], offsets[p.block][0])):
            continue  # '"We will not ask for more money until ...," he said': a quote, without a date to look to
        if not (future or _expected(p) or _future_modal(p.span, p.text)):
            continue
        # A past date on a look-ahead would mislead; a written-out date beats a bare weekday.
        future.sort(key=lambda d: (not _explicit(d.text), *_span_key(d)))
        when = (future or [None])[0]
        out.append(OutlookItem(text=p.text, paragraph=p.paragraph, date=when.value if when else None, mod=when.mod if when else None,
                               actors=actors.names_in(p.start, p.end), source=article.path))
    # What has a date comes first, soonest first; the rest keeps the article's order.
    return sorted(out, key=lambda o: (o.date is None, sort_key(o.date) or ""))


def _ahead(doc, d: DateMention, published: str, verb: bool = True) -> bool:
    """The date lies after the publication day, or runs past it in a clause that looks ahead ("will be
    decided by the end of the year"); compared as calendar intervals, not as strings ('2024-W05' or
    '2024-SP' sort after any day of 2024)."""
    b = bounds(d.value)
    if b is None:
        return False
    b = narrow(d.value, d.mod, b)
    if b[0] > published:
        return True
    if not verb or b[1] < published:
        return False
    return looks_ahead(doc, d.start, d.end, d.text)


def _span_key(d: DateMention) -> tuple[int, str]:
    """(grain, first day) of a date: the most precise first (a day, a week, a month, a quarter, a year,
    longer), then the soonest ('next month' before 'this decade', 2020 before 2023)."""
    from datetime import date

    a, b = narrow(d.value, d.mod, bounds(d.value))
    days = (date.fromisoformat(b) - date.fromisoformat(a)).days
    return next(g for g, most in enumerate((0, 8, 31, 92, 184, 366, 10**9)) if days <= most), a


def _explicit(text: str) -> bool:
    """The date names its month or has digits ('February 29', '2024-03-01'), unlike 'Friday' or 'next week'."""
    return bool(_MONTH_OR_DIGIT.search(text))


_MONTH_OR_DIGIT = re.compile(r"\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                             r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b", re.I)


#: The spellings of the future modals, to skip sentences without one before looking at their tokens.
_MODAL_HINT = re.compile(r"\b(?:will|shall|wo)\b|\bwon['’]t\b|['’]ll\b", re.I)


def _future_modal(span, text: str) -> bool:
    """'will' or 'shall' as an auxiliary of a verb (not 'the will of the people'); `text` is the span's."""
    if not _MODAL_HINT.search(text):
        return False
    return any(t.tag_ == "MD" and t.lower_ in ("will", "shall", "'ll", "’ll", "wo") for t in span)


def _main_verb(span):
    """The sentence's own head (the parser may hang it on a heading before it), or the reported clause's
    when it is a report: "Arguments are scheduled for April 21, the court said"."""
    root = next((t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end), None)
    while root is not None and root.lemma_ in _REPORT_VERBS and (said := next((c for c in root.children if c.dep_ == "ccomp"), None)):
        root = said
    return root


def _mostly_quoted(p, regions: list[tuple[int, int]], base: int) -> bool:
    """Half the sentence or more is someone's own words: quoted, and speaking as I, we or you (a
    quoted report in the third person, "Lavrov said that Russia plans ...," TASS said, still tells the news)."""
    spans = [(max(a, p.start - base), min(b, p.end - base)) for a, b in regions]
    spans = [(a, b) for a, b in spans if a < b]
    if 2 * sum(b - a for a, b in spans) < p.end - p.start:
        return False
    return any(t.tag_ in ("PRP", "PRP$") and t.lower_ in _PERSONAL and any(a <= t.idx - base < b for a, b in spans)
               for t in p.span)


_PERSONAL = {"i", "me", "my", "we", "us", "our", "you", "your"}


#: The cues of _EXPECTED that are verbs only as verbs: "plans to" looks ahead, "a plan to" names a plan.
_VERB_CUES = re.compile(r"(plans?|planned|planning|intends?|intended|aims?|vows?|vowed|promised?|pledged?|hopes?)\s", re.I)


def _expected_cues(p):
    """The matches of _EXPECTED in a sentence, without nouns that look like its verbs ("a plan to mobilise")."""
    out = []
    for m in _EXPECTED.finditer(p.text):
        if _VERB_CUES.match(m.group()):
            tok = p.span.doc.char_span(p.start + m.start(), p.start + m.start() + 1, alignment_mode="expand")
            if tok is not None and len(tok) and tok[0].pos_ in ("NOUN", "PROPN"):
                continue
        out.append(m)
    return out


def _expected(p) -> bool:
    return bool(_EXPECTED.search(p.text)) and bool(_expected_cues(p))


def _ahead_only_in_own_words(p, regions: list[tuple[int, int]], base: int) -> bool:
    """Every word that looks ahead is inside a first-person quotation ('"We will now get to work," Roe said
    after taking office'): a pledge in someone's words, which the quotes section shows, not a schedule."""
    spans = [(a + base, b + base) for a, b in regions if a + base < p.end and b + base > p.start]
    if not spans:
        return False
    inside = lambda at: any(a <= at < b for a, b in spans)  # noqa: E731
    cues = [p.start + m.start() for m in _expected_cues(p)]
    cues += [t.idx for t in p.span if t.tag_ == "MD" and t.lower_ in ("will", "shall", "'ll", "’ll", "wo")]
    if not cues or not all(inside(c) for c in cues):
        return False
    return any(t.tag_ in ("PRP", "PRP$") and t.lower_ in _PERSONAL and inside(t.idx) for t in p.span)


def _counterfactual(span) -> bool:
    """'would have shut down on Thursday', 'a lander would have launched in 2028': what did not happen."""
    root = _main_verb(span)
    if root is None or root.tag_ != "VBN":
        return False
    aux = [c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")]
    return "have" in aux and any(a in ("would", "could", "might", "should", "'d", "’d") for a in aux)


_REPORT_VERBS = {"say", "tell", "announce", "report", "state", "add", "confirm", "note", "write"}


def _past_report(span) -> bool:
    """The main verb is in the past and nothing in the sentence looks ahead ('would', 'to be held')."""
    root = _main_verb(span)
    if root is None or root.tag_ not in ("VBD", "VBN"):
        return False
    if root.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in root.children):
        return False  # "is scheduled", "are planned": a present passive
    return not any(t.tag_ == "MD" or t.lower_ in ("upcoming", "next") for t in span)
