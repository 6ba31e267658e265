"""Candidate sentences for the bottom line and key points."""
from __future__ import annotations

from briefgen.extract.spans import ParagraphMap
from briefgen.models import Article, Sentence


def candidate_sentences(doc, article: Article, limit: int = 12) -> list[Sentence]:
    """The first sentences of the body's paragraphs (the lead first)."""
    pmap = ParagraphMap(article)
    out = []
    for sent in doc.sents:
        t = sent.text.strip()
        if len(t.split()) < 6 or pmap.is_heading(sent.start_char):
            continue
        out.append(Sentence(text=t, paragraph=pmap.index(sent.start_char), start=sent.start_char, end=sent.end_char))
        if len(out) >= limit:
            break
    return out
