"""Dates: temporal expressions normalized against the publication date."""
from __future__ import annotations

from dateutil import parser as dateparser

from briefgen.extract.spans import ParagraphMap
from briefgen.models import Article, DateMention


def extract_dates(doc, article: Article) -> list[DateMention]:
    """spaCy DATE spans with a first normalizer (dateutil against the publication date)."""
    pmap = ParagraphMap(article)
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        value = None
        if article.published:
            try:
                from datetime import datetime

                d = dateparser.parse(ent.text, default=datetime.combine(article.published, datetime.min.time()))
                value = d.date().isoformat()
            except (ValueError, OverflowError):
                value = None
        out.append(DateMention(text=ent.text, value=value, paragraph=pmap.index(ent.start_char), start=ent.start_char, end=ent.end_char))
    return out
