"""The words of an attribution subject's own phrase, and cleaning a name read from them."""
from __future__ import annotations


def phrase(tok) -> list:
    """The subject's own words: compounds, modifiers and appositions, without clauses."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in ("compound", "flat", "amod", "det", "poss", "nmod", "appos", "prep", "pobj"):
            out.extend(t for t in child.subtree if t.dep_ not in ("relcl", "acl", "punct"))
    return sorted(set(out), key=lambda t: t.i)


def under_other_prep(t, head) -> bool:
    """Whether `t` sits under a preposition of `head` other than "of", "from", "by" ("a letter from Roe")."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ not in ("of", "from", "by"):
            return True
        t = t.head
    return False


def clean(text: str) -> str:
    """A name as written, without a possessive, an article or trailing punctuation."""
    t = text.strip().strip(",.;:")
    for suffix in ("’s", "'s"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    if t.lower().startswith("the "):
        t = t[4:]
    return t.strip()
