"""Antecedents: whom a pronoun or "the report" can refer back to, in reading order.

Two streams: actors named outside quotation marks (words inside a quote are the speaker's, not the
narrator's), each with whether it can be a referent ("the Obama administration" does not name a
person one can call "he") and whether it is a clause subject (pronouns prefer subjects); and the
attributions made so far (whoever was last quoted).
"""
from __future__ import annotations

import bisect

from briefgen.extract.roles import titled_name_head


def outside_mentions(doc, actors, mask: bytearray):
    """(start, end, name, span, root) for each actor mention outside quotation marks, in order."""
    for s, e, n in sorted(actors.mentions):
        if mask[s]:
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        yield s, e, n, span, root


def mention_flags(root, mask: bytearray, start: int | None = None) -> tuple[bool, int]:
    """(referent, subject) for a mention whose head token is `root`; subject is MAIN, EMBEDDED or 0."""
    if root is None:
        return True, 0
    referent = not (root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN")
    head = root.head if root.dep_ == "appos" else titled_name_head(root, root.i if start is None else start)
    # The owner of a subject is as salient: "Roe's advice earned him praise, and he ...".
    if head.dep_ == "poss" and head.head.dep_ in ("nsubj", "nsubjpass"):
        head = head.head
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return referent, 0
    return referent, clause_level(head.head, mask)


MAIN, EMBEDDED = 2, 1
# Clauses that report or describe rather than narrate: "Hendricks said Roe's plan would fail" is
# about Hendricks; a later "he said" is still Hendricks.
_EMBEDDED_DEPS = ("ccomp", "relcl", "acl", "csubj", "pcomp")


def clause_level(verb, mask: bytearray) -> int:
    """MAIN for the subject of a main clause (or of an adverbial clause under one), EMBEDDED for a
    content or relative clause. A clause under a verb inside quotation marks counts as main: the
    parse often hangs "“...,” Roe said" on the quoted words."""
    v = verb
    for _ in range(8):
        if v.head.i == v.i:
            return MAIN
        if v.dep_ == "ccomp" and v.i < v.head.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.head.children):
            # "Ann Roe, the singer turned campaigner, said": an apposition parsed as a clause before a
            # verb left with no subject; its subject is the sentence's
            v = v.head
            continue
        if v.dep_ in _EMBEDDED_DEPS:
            return MAIN if mask[v.head.idx] else EMBEDDED
        v = v.head
    return MAIN


class Antecedents:
    """Mentions (start, name, referent, subject level, paragraph) and attributions (offset, name, paragraph)."""

    def __init__(self, mentions: list[tuple[int, str, bool, int, int]], kind, agrees):
        self.mentions = mentions
        self._starts = [m[0] for m in mentions]
        self.events: list[tuple[int, str, int]] = []
        self._kind, self._agrees = kind, agrees

    def record(self, offset: int, name: str, paragraph: int) -> None:
        self.events.append((offset, name, paragraph))

    def recent(self, before: int, kinds: set[str], min_paragraph: int = 0, subject: int = 0,
               pronoun: str = "") -> tuple[int, str] | None:
        """(offset, name) of the actor of one of `kinds` named last before `before`, as a subject of at
        least the `subject` level when one is asked for (and that `pronoun` fits)."""
        i = bisect.bisect_left(self._starts, before) - 1
        while i >= 0 and self.mentions[i][4] >= min_paragraph:
            s, name, referent, level, _ = self.mentions[i]
            if referent and self._kind(name) in kinds and level >= subject and self._agrees(name, pronoun):
                return s, name
            i -= 1
        return None

    def recent_event(self, before: int, person: bool, min_paragraph: int, pronoun: str = "") -> tuple[int, str] | None:
        """(offset, name) of the latest attribution to a person (or, with `person` false, to anyone else)."""
        for off, name, par in reversed(self.events):
            if par < min_paragraph:
                break
            if off < before and ((self._kind(name) in ("person", None)) if person else self._kind(name) != "person") \
                    and self._agrees(name, pronoun):
                return off, name
        return None
