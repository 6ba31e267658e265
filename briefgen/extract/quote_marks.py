"""Quotation marks: pair opening and closing marks into quoted spans of an article body.

Hand-written rather than a regular expression because pairing needs state a pattern cannot
carry: straight marks whose direction depends on their neighbours, single marks nested inside
double ones, quotes that run over several paragraphs (an opening mark on each paragraph, a
closing mark only on the last), and stray marks that must not swallow the rest of the text.
One pass over the marks: linear in the length of the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.models import Article

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
_DOUBLE_APOSTROPHE = re.compile(r"''|‘‘|’’")  # some outlets write ''...'' for double quotes
# The marks themselves, to jump from one to the next instead of visiting every character.
_DOUBLE_CHAR = re.compile("[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + '"') + "]")
_SINGLE_CHAR = re.compile("[" + re.escape(OPEN_SINGLE + CLOSE_SINGLE) + "]")


@dataclass
class MarkedSpan:
    """A quoted span: [start, end) is the text inside the outer marks, in article-body offsets."""

    start: int
    end: int
    text: str
    closed: bool = True


@dataclass
class _Mark:
    pos: int
    width: int
    kind: str  # "open", "close" or "either"


def _is_space_or_edge(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or text[i].isspace()


def _straight_direction(text: str, i: int, width: int) -> str:
    """Decide whether a straight mark opens or closes from the characters around it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if (before.isspace() or before in "([{—–-/:") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "either"


def _double_marks(text: str) -> list[_Mark]:
    """Double-level marks of one paragraph, left to right."""
    marks: list[_Mark] = []
    taken: set[int] = set()
    for m in _DOUBLE_APOSTROPHE.finditer(text):
        i = m.start()
        marks.append(_Mark(i, 2, _straight_direction(text, i, 2)))
        taken.update((i, i + 1))
    for m in _DOUBLE_CHAR.finditer(text):
        i, c = m.start(), m.group()
        if i in taken:
            continue
        if c in OPEN_DOUBLE:
            marks.append(_Mark(i, 1, "open"))
        elif c in CLOSE_DOUBLE:
            marks.append(_Mark(i, 1, "close"))
        elif c == '"':
            marks.append(_Mark(i, 1, _straight_direction(text, i, 1)))
    marks.sort(key=lambda m: m.pos)
    return marks


def _straight_single_marks(text: str) -> list[_Mark]:
    """Straight single marks used as outer quotes ('...', as British outlets write): an opening mark after a
    space or bracket, a closing one before a space or punctuation. Apostrophes inside words ("don't"),
    elisions ("'90s", "rock 'n' roll") and plural possessives ("the leaders' meeting") are left out, and
    a mark that finds no partner in its paragraph is dropped rather than left to open a quote that
    would run to the paragraph's end."""
    marks: list[_Mark] = []
    for m in re.finditer("'", text):
        i = m.start()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if (before.isspace() or before in "([—–") and (after.isalpha() or after in "…\"“"):
            if text[i + 1:i + 3] in ("n'", "n "):
                continue  # "rock 'n' roll"
            marks.append(_Mark(i, 1, "open"))
        elif before.isdigit() and after == "s":
            continue
        elif not before.isspace() and not after.isalnum() and i > 0:
            if before == "s" and _is_space_or_edge(text, i + 1) and not (marks and marks[-1].kind == "open"):
                continue  # plural possessive with no quote open
            if marks and marks[-1].kind == "open":
                marks.append(_Mark(i, 1, "close"))
    # keep only pairs: an opening mark followed by its closing mark
    paired: list[_Mark] = []
    for a, b in zip(marks, marks[1:]):
        if a.kind == "open" and b.kind == "close" and (not paired or paired[-1].pos < a.pos):
            paired += [a, b]
    return paired


def _single_marks(text: str) -> list[_Mark]:
    """Single curly marks used as outer quotes; a closing ’ inside a word is an apostrophe."""
    if "'" in text and not _SINGLE_CHAR.search(text):
        return _straight_single_marks(text)
    marks: list[_Mark] = []
    for m in _SINGLE_CHAR.finditer(text):
        i, c = m.start(), m.group()
        if c in OPEN_SINGLE and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–"):
            marks.append(_Mark(i, 1, "open"))
        elif c in CLOSE_SINGLE and not (i + 1 < len(text) and text[i + 1].isalpha()) and i > 0 and not text[i - 1].isspace():
            if c == "’" and i > 0 and text[i - 1] == "s" and _is_space_or_edge(text, i + 1) and not (
                    marks and marks[-1].kind == "open" and not _close_follows(text, i + 1)):
                continue  # plural possessive: "the leaders’ meeting" (unless it is the only close left)
            marks.append(_Mark(i, 1, "close"))
    return marks


def _close_follows(text: str, start: int) -> bool:
    """Whether a closing ’ (one not inside a word) comes after `start` before the next opening ‘: if not,
    a ’ after an "s" ends the open quote ("‘not in a position to pay bonuses’ in any case")."""
    for m in _SINGLE_CHAR.finditer(text, start):
        i, c = m.start(), m.group()
        if c in OPEN_SINGLE and (i == 0 or text[i - 1].isspace()):
            return False
        if c in CLOSE_SINGLE and not (i + 1 < len(text) and text[i + 1].isalpha()) and not text[i - 1].isspace():
            return True
    return False


def _pair(text: str, marks: list[_Mark]) -> tuple[list[tuple[int, int]], int | None]:
    """Pair marks of one paragraph; return closed spans and the start of a quote left open at the end."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in marks:
        if open_at is None:
            if m.kind in ("open", "either"):
                open_at = m.pos + m.width
            continue
        if m.kind == "open":
            # A second opening mark before any closing one: the first was stray; start again here.
            open_at = m.pos + m.width
        else:
            if m.pos > open_at:
                spans.append((open_at, m.pos))
            open_at = None
    return spans, open_at


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside quotation marks in one paragraph; a quote left open runs to its end
    (it continues in the next paragraph)."""
    spans, open_at = _pair(text, _double_marks(text) or _single_marks(text))
    if open_at is not None and text[open_at:].strip():
        spans.append((open_at, len(text)))
    return spans


def _starts_with_open(text: str) -> bool:
    t = text.lstrip()
    return bool(t) and (t[0] in OPEN_DOUBLE or t[0] == '"' or t.startswith("''"))


def find_quoted_spans(article: Article) -> list[MarkedSpan]:
    """Every span inside quotation marks, paragraph by paragraph, continuing over paragraphs."""
    blocks = article.block_offsets()
    body = article.text
    out: list[MarkedSpan] = []
    carry: int | None = None  # body offset where a quote still open at the previous paragraph's end began
    for bi, (base, _, block) in enumerate(blocks):
        text = block.text
        marks = _double_marks(text) or _single_marks(text)
        if carry is not None:
            # The quote goes on; this paragraph's own opening mark only restates it.
            if marks and marks[0].kind != "close" and not text[: marks[0].pos].strip():
                marks = marks[1:]
            first = marks[0] if marks else None
            if first is not None and first.kind in ("close", "either"):
                out.append(MarkedSpan(carry, base + first.pos, body[carry:base + first.pos]))
                marks = marks[1:]
                carry = None
            elif first is not None:
                # A fresh opening mark: the running quote was never closed; end it with the previous paragraph.
                prev_end = blocks[bi - 1][1]
                out.append(MarkedSpan(carry, prev_end, body[carry:prev_end], closed=False))
                carry = None
            else:
                nxt = blocks[bi + 1][2].text if bi + 1 < len(blocks) else ""
                if not _starts_with_open(nxt):
                    end = base + len(text.rstrip())
                    out.append(MarkedSpan(carry, end, body[carry:end], closed=False))
                    carry = None
                continue
        spans, open_at = _pair(text, marks)
        out.extend(MarkedSpan(base + s, base + e, text[s:e]) for s, e in spans)
        if open_at is None or not text[open_at:].strip():
            continue
        nxt = blocks[bi + 1][2].text if bi + 1 < len(blocks) else ""
        if _starts_with_open(nxt):
            carry = base + open_at
        else:
            # Unbalanced: end the quote with its paragraph so it cannot swallow the article.
            end = len(text.rstrip())
            out.append(MarkedSpan(base + open_at, base + end, text[open_at:end], closed=False))
    if carry is not None:
        end = len(body.rstrip())
        out.append(MarkedSpan(carry, end, body[carry:end], closed=False))
    out.sort(key=lambda s: s.start)
    return out
