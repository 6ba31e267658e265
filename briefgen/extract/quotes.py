"""Quotes: direct quotations with their speakers, and reported speech."""
from __future__ import annotations

import re

from briefgen.extract.actors import ActorIndex
from briefgen.extract.spans import ParagraphMap
from briefgen.models import Article, Quote

_QUOTE = re.compile(r"[“\"]([^”\"\n]{3,}?)[”\"]")
CUE_LEMMAS = {"say", "tell", "note", "add", "claim", "state", "write", "ask", "explain", "declare", "insist", "warn"}


def extract_quotes(doc, article: Article, actors: ActorIndex) -> tuple[list[Quote], list[Quote]]:
    """Find quoted spans and give each the nearest speaker in its sentence."""
    pmap = ParagraphMap(article)
    text = doc.text
    quotes: list[Quote] = []
    for m in _QUOTE.finditer(text):
        start, end = m.start(1), m.end(1)
        span = doc.char_span(start, end, alignment_mode="expand")
        speaker, cue = None, None
        if span is not None:
            sent = span.sent
            for tok in sent:
                if tok.lemma_ in CUE_LEMMAS and not (start <= tok.idx < end):
                    cue = tok.text
                    for child in tok.children:
                        if child.dep_ in ("nsubj", "nsubjpass") and not (start <= child.idx < end):
                            speaker = actors.name_at(child.idx, child.idx + len(child.text))
                    break
        quotes.append(Quote(text=m.group(1), speaker=speaker, cue=cue, paragraph=pmap.index(start), start=start, end=end))
    return quotes, []
