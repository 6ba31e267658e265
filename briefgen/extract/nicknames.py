"""Names written with a nickname in quotation marks: State Del. Lena "Lee" Ortiz, Dwayne "The Rock" Johnson.

The small English model breaks such a name at the marks: it tags 'Lena "' as a person and
'Lee" Ortiz' as a work of art, so the surname is never joined to the first name. This finds
them in the text (a regex: spaCy has no rule for it, and a Matcher would visit every token)
and gives the entity list one PERSON span over the whole name in their place.
"""
from __future__ import annotations

import re

from briefgen.extract.spans import token_at

# A capitalized first name, a nickname of one to three capitalized words in straight or curly
# marks, then a capitalized surname (with an optional generational suffix).
_NAME = re.compile(
    r"\b[A-Z][a-z]+ [\"“‘']([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})[\"”’'] [A-Z][a-z][\w'’-]*(?:,? (?:Jr|Sr)\.|,? I{2,3}|,? IV)?")
# Words that end a nickname pattern without being a surname: 'Congress "Pass It" Monday'.
_NOT_SURNAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def entities(doc, text: str) -> list[Span]:
    """`doc.ents`, with a PERSON span in place of the entities that split a nicknamed name."""
    ents = list(doc.ents)
    if '"' not in text and "“" not in text and "‘" not in text and "'" not in text:
        return ents
    from spacy.tokens import Span  # here: importing the extractors should not load spaCy

    names = []
    for m in _NAME.finditer(text):
        if m.group(0).split()[-1] in _NOT_SURNAMES:
            continue
        first, last = token_at(doc, m.start()), token_at(doc, m.end() - 1)
        if first is None or last is None or first.idx != m.start() or last.i - first.i < 3:
            continue
        # the model must have seen a person somewhere in it: 'Lena "', 'Lee" Ortiz' or 'Ortiz'
        if not any(t.ent_type_ == "PERSON" for t in doc[first.i: last.i + 1]):
            continue
        names.append(Span(doc, first.i, last.i + 1, label="PERSON"))
    if not names:
        return ents
    kept = [e for e in ents if not any(e.start < n.end and n.start < e.end for n in names)]
    return sorted(kept + names, key=lambda s: s.start)


def plain(name: str) -> str | None:
    """The name without its nickname ('Lena "Lee" Ortiz' -> 'Lena Ortiz'), or None when it has none."""
    m = re.search(r" [\"“‘']([^\"”’']+)[\"”’'] ", name)
    return name[: m.start()] + " " + name[m.end():] if m else None
