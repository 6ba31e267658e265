"""The day quoted words were said, for deictic days inside them ("tomorrow" in a quote said on Sunday).

A deictic day in the narration counts from the publication day. Inside quotation marks it counts from
the day the words were spoken, which the story tells only sometimes: "the envoy said Sunday:
'We leave tomorrow'". Only then is the quote's "today" moved; a quote whose day is not told (a letter,
a transcript, a plain "he said") keeps the publication day, as TimeML annotators anchor it.
"""
from __future__ import annotations

import bisect
import re
from datetime import date

from briefgen.extract.quote_marks import find_quoted_spans
from briefgen.models import Article

# Verbs that put words on a day: "said Sunday", "told reporters on Monday", "wrote on 3 May".
_SPEECH_VERBS = {"say", "tell", "add", "state", "declare", "announce", "write", "reply", "answer", "insist",
                 "warn", "vow", "promise", "explain", "ask", "shout", "tweet", "post"}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _said_on(doc, start: int, end: int) -> bool:
    """Whether the date hangs on a verb of speech, directly or through 'on' ("said Sunday", "told ... on Monday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root.head
    if tok.pos_ == "ADP" and tok.lower_ == "on":
        tok = tok.head
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in _SPEECH_VERBS


def speech_days(doc, article: Article, found: list, deictic: set) -> dict:
    """{(start, end): day} for each deictic date in `deictic` (start, end) that lies inside a quotation whose
    attribution, in the sentence that opens or closes the quote, dates the speaking to one day. `found` is
    (start, end, value, mod) of every date of the article."""
    if not deictic:
        return {}
    quotes = [(q.start, q.end) for q in find_quoted_spans(article)]
    if not quotes:
        return {}
    sent_starts = [s.start_char for s in doc.sents]

    def sent(i: int) -> int:
        return bisect.bisect_right(sent_starts, i)

    breaks = [m.start() for m in re.finditer(r"\n\s*\n", article.text)]

    def para(i: int) -> int:
        return bisect.bisect_right(breaks, i)

    def quoted(i: int):
        return next(((qs, qe) for qs, qe in quotes if qs <= i < qe), None)

    # days told outside the quotes, on a verb of speech: (sentence, start, day)
    said = [(sent(s), s, date.fromisoformat(v)) for s, e, v, _ in found
            if isinstance(v, str) and _DAY.fullmatch(v) and quoted(s) is None and _said_on(doc, s, e)]
    out = {}
    for s, e in deictic:
        q = quoted(s)
        if q is None:
            continue
        # the attribution shares a sentence with the quote's first or last words, in the quote's paragraph
        # (a day said at the end of the paragraph before belongs to other words: "... Castro said Sunday.")
        near = {sent(q[0]), sent(max(q[0], q[1] - 1))}
        days = {d for si, ds, d in said if si in near and para(ds) == para(s)}
        if len(days) == 1:
            out[(s, e)] = days.pop()
    return out
