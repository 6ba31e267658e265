"""Sentences clipped to paragraphs, and where the quotations of a paragraph are."""
from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.extract.quote_marks import paragraph_spans
from briefgen.extract.spans import dateline_end
from briefgen.models import Article

_OUTLOOK_HEADING = re.compile(
    r"^\W*(what(?:['’]s| is| comes| happens)? next|what to watch|things to watch|watch for|outlook|"
    r"looking ahead|the road ahead|next steps?|what lies ahead|what now|what we don['’]t know|"
    r"unanswered questions|open questions|questions remain)\b", re.I)
_OPENING_MARK_AT_END = re.compile(r"\s+['‘“\"]$")
_SPEAKER_LABEL = re.compile(r"^\W{0,3}[A-Z][A-Z.'’ -]{1,30}:\s")
_LINK = re.compile(r"https?://|\bwww\.|pic\.twitter\.com|\b[\w-]+\.(?:com|org|net)/\S")


def has_link(text: str) -> bool:
    """A web address in the sentence: mostly an embedded post or a share line, not a sentence to show."""
    return _LINK.search(text) is not None


@dataclass
class Piece:
    """One sentence of the body, never crossing a paragraph boundary."""

    start: int
    end: int
    text: str
    block: int          # position in article.blocks (0-based)
    paragraph: int      # Block.index
    heading: bool       # the block is a heading
    section: str        # text of the heading above ("" before any heading)
    span: object        # the spaCy Span (stays inside the extraction package)


def outlook_section(heading: str) -> bool:
    """Whether a section heading announces what is next (What's next?, What to watch, Outlook ...)."""
    return bool(_OUTLOOK_HEADING.match(heading.strip()))


def is_transcript(text: str) -> bool:
    """Whether a paragraph starts with a speaker label ('WALLACE: ...'), as interview transcripts do."""
    return bool(_SPEAKER_LABEL.match(text))


def pieces(doc, article: Article) -> list[Piece]:
    """spaCy's sentences, split where they run across a paragraph break (the parser sometimes joins them).

    Computed once per parsed article and kept in the Doc's user_data: three extractors read them,
    and walking doc.sents is the costly part.
    """
    key = ("briefgen.pieces", article.path, article.content_hash, len(doc))
    if key not in doc.user_data:
        doc.user_data[key] = _pieces(doc, article)
    return doc.user_data[key]


def _pieces(doc, article: Article) -> list[Piece]:
    text_of_doc = article.text  # the Doc was made from this string; Doc.text would rebuild it token by token
    spans = article.block_offsets()
    out: list[Piece] = []
    bi = 0
    heading_at = {i: b.text for i, (_, _, b) in enumerate(spans) if b.kind == "heading"}
    for sent in doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        while bi < len(spans) and spans[bi][1] <= s0:
            bi += 1
        j = bi
        while j < len(spans) and spans[j][0] < s1:
            b0, b1, block = spans[j]
            a, z = max(s0, b0), min(s1, b1)
            if a == b0:
                a = min(z, dateline_end(text_of_doc, a))  # "WASHINGTON (AP) --" is not part of the sentence
            raw = text_of_doc[a:z]
            lead = len(raw) - len(raw.lstrip())
            text = _OPENING_MARK_AT_END.sub("", raw.strip())  # "... by 2029. '" : the next quote's opening mark
            if text:
                sec = _section_before(heading_at, j)
                span = doc.char_span(a + lead, a + lead + len(text), alignment_mode="expand")
                if span is not None:
                    out.append(Piece(a + lead, a + lead + len(text), text, j, block.index, block.kind == "heading", sec, span))
            j += 1
    return out


def all_quoted(p: Piece, regions: list[tuple[int, int]], base: int) -> bool:
    """Whether the sentence lies inside one quotation (its own marks aside); `regions` are its paragraph's
    quote_regions and `base` the paragraph's offset in the body."""
    return any(a <= p.start - base + 1 and b >= p.end - base - 1 for a, b in regions)


def _section_before(heading_at: dict[int, str], j: int) -> str:
    """Text of the nearest heading at or before block j."""
    for i in range(j, -1, -1):
        if i in heading_at:
            return heading_at[i]
    return ""


def quote_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside quotation marks in one paragraph; an unclosed quote runs to the end.
    The same pairing of marks as the quote finder's (see quote_marks)."""
    return paragraph_spans(text)
