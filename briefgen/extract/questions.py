"""Open questions and outlook: what is unresolved and what is expected."""
from __future__ import annotations

import re

from briefgen.extract.actors import ActorIndex
from briefgen.extract.spans import ParagraphMap
from briefgen.models import Article, DateMention, OpenQuestion, OutlookItem

_OPEN = re.compile(r"\b(whether|remains to be seen|it is unclear|unclear (?:whether|how|when|if)|has yet to|have yet to)\b", re.I)
_FUTURE = re.compile(r"\b(will|is expected to|are expected to|plans to|is scheduled to|are scheduled to)\b", re.I)


def extract_open_questions(doc, article: Article, actors: ActorIndex) -> list[OpenQuestion]:
    """Sentences that ask or say something is unresolved."""
    pmap = ParagraphMap(article)
    out = []
    for sent in doc.sents:
        t = sent.text.strip()
        if t.endswith("?") and not pmap.is_heading(sent.start_char) or _OPEN.search(t):
            out.append(OpenQuestion(text=t, paragraph=pmap.index(sent.start_char), actors=actors.names_in(sent.start_char, sent.end_char), source=article.path))
    return out


def extract_outlook(doc, article: Article, dates: list[DateMention], actors: ActorIndex) -> list[OutlookItem]:
    """Forward-looking sentences, with their date when one is in the sentence."""
    pmap = ParagraphMap(article)
    out = []
    for sent in doc.sents:
        t = sent.text.strip()
        if _FUTURE.search(t) and not t.endswith("?"):
            when = next((d.value for d in dates if sent.start_char <= d.start < sent.end_char and d.value), None)
            out.append(OutlookItem(text=t, paragraph=pmap.index(sent.start_char), date=when, actors=actors.names_in(sent.start_char, sent.end_char), source=article.path))
    return out
