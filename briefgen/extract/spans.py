"""Helpers shared by the extractors: offsets to paragraphs, sentence clean-up."""
from __future__ import annotations

import bisect
import re

from briefgen.models import Article


class ParagraphMap:
    """Map character offsets in an article body to block indexes."""

    def __init__(self, article: Article):
        spans = article.block_offsets()
        self._starts = [s for s, _, _ in spans]
        self._blocks = [b for _, _, b in spans]

    def index(self, offset: int) -> int:
        """The block index holding `offset` (1 when the article has no blocks)."""
        if not self._blocks:
            return 1
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self._blocks[i].index

    def is_heading(self, offset: int) -> bool:
        if not self._blocks:
            return False
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self._blocks[i].kind == "heading"


def token_at(doc, offset: int):
    """The token covering the character at `offset` (or the next one after whitespace), or None."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


#: A wire dateline opening a paragraph: "WASHINGTON (AP) --", "GAZA CITY, Gaza Strip, March 3 (Reuters) -",
#: "NEW YORK, 14 March —" (the day first, as UN and British outlets write it).
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*"  # the place, in capitals
    r"(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?"  # a state or country
    r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} [A-Z][a-z]{2,8}\.?(?: \d{4})?))?"  # a date, either order
    r",? ?(?:\([^()\n]{1,30}\) ?)?(?:--|—|–|-|_)(?=\s|$)[ \t]*")


#: The same in title case, which only an outlet in brackets marks as a dateline: "Washington (CNN) —";
#: not a party tag or a ticker ("Ann Roe (D-Ohio) -", "Acme (NYSE: ACM) -"), nor a dash before a lowercase
#: word, which is an aside ("Ann Roe (Labour) - the lead negotiator - said").
_TITLED_DATELINE = re.compile(
    r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?"
    r" \((?![DRI]-)(?!NYSE|NASDAQ|Nasdaq|LSE)[A-Z][^()\n]{1,30}\) ?(?:--|—|–|-|_)(?=\s|$)[ \t]*(?![a-z \t])")


def dateline_end(text: str, start: int) -> int:
    """The offset just past a wire dateline that opens the paragraph at `start`, else `start`.

    The dateline says where (and when) the story was filed; it is not part of the first sentence.
    """
    if start and text[start - 1] != "\n":
        return start
    m = _DATELINE.match(text, start) or _TITLED_DATELINE.match(text, start)
    return m.end() if m else start
