"""Recordings the article ascribes to someone: "a tape attributed to X", "a message from X",
"a video believed to be from X", "X's message". Their "speaker" or "voice" is that person."""
from __future__ import annotations

from briefgen.extract.speaker_nouns import RECORDING_NOUNS
from briefgen.extract.tokens import indexes_of


def recording_sources(doc, mask: bytearray, person_in) -> list[tuple[int, str]]:
    """(offset, person) for each recording ascribed to a person; `person_in(start, end)` names one."""
    out = []
    for i in indexes_of(doc, "LEMMA", RECORDING_NOUNS):
        t = doc[i]
        if mask[t.idx] or t.pos_ != "NOUN":
            continue
        name = None
        for c in t.children:
            if c.dep_ == "poss":
                name = person_in(c.left_edge.idx, c.idx + len(c.text))
        if name is None:
            name = _source_after(t, person_in)
        if name:
            out.append((t.idx, name))
    return out


def _source_after(noun, person_in) -> str | None:
    """The person after "attributed to", "from" or "by" in the noun's own phrase, before any verb."""
    doc = noun.doc
    # The phrase reaches through a participle ("attributed to", "believed to be from"), not a clause.
    k, verbs = noun.i + 1, 0
    while k < len(doc) and k <= noun.i + 6:
        t = doc[k]
        if t.is_punct or "\n" in t.text:
            return None
        if t.lower_ in ("from", "by") or (t.lower_ == "to" and k > 0 and doc[k - 1].lemma_ in ("attribute", "credit", "ascribe")):
            end = k + 1
            while end < len(doc) and end <= k + 6 and (doc[end].pos_ in ("PROPN", "DET", "ADJ", "NOUN") or doc[end].tag_ == "POS") \
                    and "\n" not in doc[end].text:
                end += 1
            if end == k + 1:
                return None
            return person_in(doc[k + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))
        if t.pos_ in ("VERB", "AUX"):
            verbs += 1
            if t.tag_ not in ("VBN", "VB", "VBG") or verbs > 2:
                return None  # a finite verb: the noun's own clause has begun
        k += 1
    return None
