"""People the article refers to without a name: main-clause subjects like "the man", "an official",
"the miners' relatives".

Each is the latest referent for a later "he" or "she" (or, for a plural, "they"), even when no actor
matches it, so the pronoun never jumps back over it to an older, unrelated name or organization.
"""
from __future__ import annotations

import bisect

from briefgen.extract.speaker_gender import GENDERED_NOUNS
from briefgen.extract.speaker_nouns import (COLLECTIVE_NOUNS, GENERIC_PERSON_NOUNS, PERSON_NOUN_SET, REFERRING_DETS,
                                           is_person_noun)
from briefgen.extract.tokens import indexes_of

_MAIN_CLAUSE = ("ROOT", "conj", "parataxis")


def description_subjects(doc, mask: bytearray, actors) -> list:
    """Singular person nouns with a determiner or owner that are main-clause subjects, outside quotes."""
    out = []
    for i in indexes_of(doc, "LEMMA", PERSON_NOUN_SET):
        t = doc[i]
        if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN" or t.tag_ != "NN" or mask[t.idx]:
            continue
        if t.head.dep_ not in _MAIN_CLAUSE:
            continue  # "Roe said the official lied. He added ...": "he" is still Roe
        if not any(c.dep_ in ("det", "poss") and (c.dep_ == "poss" or c.lower_ in REFERRING_DETS) for c in t.children):
            continue
        if actors.name_at(t.idx, t.idx + len(t.text)):
            continue  # part of a name the actor index already knows
        out.append(t)
    return out


def plural_subjects(doc, mask: bytearray, actors) -> list:
    """Main-clause subjects that name several people ("relatives", "local residents", "the crew"), outside quotes."""
    out = []
    for i in sorted({*indexes_of(doc, "TAG", _PLURAL_TAGS), *indexes_of(doc, "LEMMA", COLLECTIVE_NOUNS)}):
        t = doc[i]
        if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN" or mask[t.idx] or t.head.dep_ not in _MAIN_CLAUSE:
            continue
        if not is_person_noun(t.lemma_) or actors.name_at(t.idx, t.idx + len(t.text)):
            continue
        out.append(t)
    return out


_PLURAL_TAGS = frozenset({"nns"})


class UnnamedPersons:
    """The article's person descriptions, each resolved (once, lazily) by `name_of(tok)`."""

    def __init__(self, doc, mask: bytearray, actors, name_of, paragraph_of, agrees):
        self._subjects = description_subjects(doc, mask, actors)
        self._starts = [t.idx for t in self._subjects]
        self._plurals: list | None = None  # found when a "they" first asks: most articles have none
        self._plural_args = (doc, mask, actors)
        self._names: dict[int, str | None] = {}
        self._name_of, self._paragraph_of, self._agrees = name_of, paragraph_of, agrees

    def name(self, tok) -> str | None:
        if tok.i not in self._names:
            self._names[tok.i] = self._name_of(tok)
        return self._names[tok.i]

    def recent(self, lower: str, before: int, min_paragraph: int):
        """The latest person description before `before` that a pronoun of this gender can refer to.

        A definite title ("the presidential nominee") that matches no actor's role is passed over:
        it may be an epithet for the person named just before. A generic noun ("the man", "the
        speaker"), an indefinite one ("a senator") or a possessed one ("his lawyer") is someone else.
        """
        i = bisect.bisect_left(self._starts, before) - 1
        while i >= 0:
            t = self._subjects[i]
            i -= 1
            if self._paragraph_of(t.idx) < min_paragraph:
                return None
            lemma = t.lemma_.lower()
            if lemma in GENDERED_NOUNS.get(lower, ()):
                continue
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
            if definite and lemma not in GENERIC_PERSON_NOUNS and self.name(t) is None:
                continue
            if not self._agrees(self.name(t), lower):
                continue
            return t
        return None

    def recent_plural(self, before: int, min_paragraph: int):
        """The latest description of several people before `before`, for "they"."""
        if self._plurals is None:
            self._plurals = plural_subjects(*self._plural_args)
            self._plural_starts = [t.idx for t in self._plurals]
        i = bisect.bisect_left(self._plural_starts, before) - 1
        if i >= 0 and self._paragraph_of(self._plurals[i].idx) >= min_paragraph:
            return self._plurals[i]
        return None
