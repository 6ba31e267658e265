"""Recordings and documents the article ascribes to someone.

A recording: "a tape attributed to X", "a message from X", "a video believed to be from X", "X's
message"; its "speaker" or "voice" is that person. A document: "X's report", "a Pentagon report",
"a study by X", "a statement issued by X", "X released a report", "X said in a statement"; a
later "the report says" is its author, not whichever organization the article named last.
"""
from __future__ import annotations

from briefgen.extract.speaker_nouns import RECORDING_NOUNS
from briefgen.extract.tokens import indexes_of

# Written texts that speak for whoever wrote them.
WRITTEN_NOUNS = frozenset({"statement", "report", "release", "communique", "communiqué", "announcement", "letter",
                           "document", "memo", "declaration", "study", "survey", "analysis", "review", "assessment",
                           "audit", "complaint", "filing", "lawsuit", "petition", "tweet", "message", "post"})
# Research an article may call by several names: "a study by X ... the report says".
_RESEARCH_NOUNS = frozenset({"report", "study", "survey", "analysis", "review", "assessment", "audit"})
# Verbs whose subject wrote or put out their object: "X released a report", "X sent a letter".
_ISSUE_LEMMAS = frozenset({"release", "issue", "publish", "send", "write", "produce", "post", "sign", "file", "submit",
                           "draft", "deliver", "present", "unveil", "circulate", "prepare", "compile", "author", "tweet"})


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
            found = _source_after(t)
            if found is not None:
                name = person_in(doc[found[0]].idx, doc[found[1] - 1].idx + len(doc[found[1] - 1].text))
        if name:
            out.append((t.idx, name))
    return out


def document_group(lemma: str) -> str:
    """The name documents that can refer to one another share ("study" and "report" are one)."""
    return "research" if lemma in _RESEARCH_NOUNS else lemma


def document_mentions(doc, mask: bytearray) -> list[tuple]:
    """(noun token, author token or None) for each document named outside quotation marks, in order."""
    out = []
    for i in indexes_of(doc, "LEMMA", WRITTEN_NOUNS):
        t = doc[i]
        if not mask[t.idx] and t.pos_ == "NOUN":
            out.append((t, _author(t)))
    return out


#: Verbs of voicing someone else's text: "read from a letter", "quoted a report", "cited a study".
READING_LEMMAS = frozenset({"read", "quote", "cite", "recite"})


def read_from(cue):
    """Who wrote the text the cue's subject reads or quotes ("read from a letter signed by X", "quoted X's
    statement"), or None: the words are the writer's, the reader only voices them."""
    if cue.lemma_.lower() not in READING_LEMMAS:
        return None
    for c in cue.children:
        noun = c if c.dep_ == "dobj" else next((o for o in c.children if o.dep_ == "pobj"), None) \
            if c.dep_ == "prep" and c.lower_ in ("from", "out") else None
        if noun is not None and noun.lemma_.lower() in WRITTEN_NOUNS:
            author = _author(noun)
            if author is not None and author.i != cue.i and author.dep_ not in ("nsubj", "nsubjpass"):
                return author
    return None


def _author(noun):
    """The token naming who wrote `noun`, if its own phrase or the verb that issues it says so."""
    doc = noun.doc
    for c in noun.children:
        if c.dep_ == "poss":
            return c  # "the ministry's report"
    for c in noun.children:
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i and c.ent_type_ not in ("DATE", "TIME"):
            return c  # "a Pentagon report"
    found = _source_after(noun)
    if found is not None:
        prep = doc[found[0] - 1]
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return obj if obj is not None and found[0] <= obj.i < found[1] else doc[found[1] - 1]
    if noun.dep_ == "dobj" and noun.head.lemma_ in _ISSUE_LEMMAS:
        return _verb_subject(noun.head)  # "X released a report"
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "through", "via") and noun.head.head.pos_ == "VERB":
        return _verb_subject(noun.head.head)  # "X said in a statement"
    return None


def _verb_subject(verb):
    """The subject of `verb` or of the verb it is coordinated with."""
    v = verb
    for _ in range(3):
        for c in v.children:
            if c.dep_ == "nsubj":
                if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                    return v.head  # "the council, which issued a statement"
                return c
        if v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
            v = v.head
        else:
            break
    return None


def _source_after(noun) -> tuple[int, int] | None:
    """Token range [start, end) of who follows "attributed to", "from" or "by" in the noun's own
    phrase, before any verb."""
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
            return k + 1, end
        if t.pos_ in ("VERB", "AUX"):
            verbs += 1
            if t.tag_ not in ("VBN", "VB", "VBG") or verbs > 2:
                return None  # a finite verb: the noun's own clause has begun
        k += 1
    return None
