"""Quotes: direct quotations with their speakers, and reported speech as statements.

Quotation marks are paired without the parser (quote_marks); the parse is used once, read-only,
to find the attribution verb near each quote and its subject, which speakers resolves to an
actor. Each quote looks only at the sentences around it, so the cost is linear in the text.
"""
from __future__ import annotations

import re

from briefgen.extract.actors import ActorIndex
from briefgen.extract.quote_marks import MarkedSpan, find_quoted_spans
from briefgen.extract.spans import ParagraphMap
from briefgen.extract.speakers import SpeakerResolver
from briefgen.models import Article, Quote

#: Lemmas of verbs that attribute words to someone (said, noted, told, wrote, ...).
CUE_LEMMAS = {
    "say", "tell", "add", "note", "claim", "state", "write", "ask", "explain", "declare", "insist", "warn",
    "argue", "reply", "respond", "announce", "report", "comment", "continue", "conclude", "acknowledge",
    "admit", "assert", "contend", "recall", "remark", "suggest", "stress", "emphasize", "emphasise",
    "observe", "quip", "joke", "tweet", "predict", "promise", "vow", "urge", "deny", "confirm", "complain",
    "concede", "testify", "allege", "charge", "maintain", "mention", "recount", "reveal", "read", "exclaim",
    "shout", "yell", "whisper", "answer", "caution", "lament", "boast", "brag", "describe", "call", "post",
    "proclaim", "pledge", "counter", "retort", "scoff", "agree", "affirm", "opine", "muse", "plead",
    "demand", "question", "wonder", "blast", "slam", "criticize", "criticise", "accuse", "quote", "cite",
    "tout", "dismiss", "characterize", "label", "term", "dub",
}
#: Verbs that introduce reported speech (a that-clause) as a statement; a narrower set than CUE_LEMMAS.
STATEMENT_LEMMAS = {
    "say", "tell", "add", "note", "claim", "state", "announce", "warn", "explain", "insist", "argue",
    "report", "confirm", "deny", "stress", "emphasize", "emphasise", "declare", "acknowledge", "admit",
    "assert", "contend", "suggest", "predict", "promise", "vow", "allege", "maintain", "reveal", "write",
    "indicate", "estimate", "concede", "testify", "reiterate", "pledge", "signal",
}
#: Words right before a quotation mark that make the quoted words a title, not speech.
TITLE_CUES = {
    "book", "film", "movie", "song", "album", "show", "program", "programme", "operation", "act", "law",
    "bill", "titled", "entitled", "novel", "play", "series", "documentary", "headline", "hashtag",
    "slogan", "column", "editorial", "article", "op-ed", "podcast", "episode", "exhibition", "doctrine",
}
_WORD = re.compile(r"[\w’']+")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_QUOTE_DEPS = ("ccomp", "dobj", "parataxis", "xcomp", "advcl", "conj", "pobj", "attr", "oprd", "npadvmod", "dep")
_CONTINUATION = re.compile(r"\n\n\s*(?:''|[“\"«‘])")
MIN_WORDS = 4  # fewer words inside marks are scare quotes or names, not quotations


def extract_quotes(doc, article: Article, actors: ActorIndex) -> tuple[list[Quote], list[Quote]]:
    """Find quoted spans and give each its speaker; collect reported speech as statements."""
    body = article.text  # the Doc was made from this string; Doc.text would rebuild it token by token
    spans = [s for s in find_quoted_spans(article) if s.end <= len(body)]
    mask = bytearray(len(body) + 1)
    for s in spans:
        mask[max(0, s.start - 1): s.end + 1] = b"\x01" * (s.end + 1 - max(0, s.start - 1))
    ctx = _Context(doc, body, article, actors, mask)
    # Quotes and statements are attributed in reading order, so a pronoun or "the report" can
    # refer to whoever spoke last, whichever kind of speech that was.
    items = [(s.start, 0, s) for s in spans if is_quotation(s, body)]
    items += [(c[2], 1, c) for c in ctx.statement_candidates()]
    items.sort(key=lambda x: (x[0], x[1]))
    quotes: list[Quote] = []
    statements: list[Quote] = []
    for _, kind, item in items:
        if kind == 0:
            q = ctx.attribute(item)
            if q is not None:
                quotes.append(q)
        else:
            statements.append(ctx.statement(*item))
    return quotes, statements


def is_quotation(span: MarkedSpan, body: str) -> bool:
    """Whether quoted words are speech, not a scare quote or a title."""
    words = _WORD.findall(span.text)
    # Words as written (space-separated): "3,210 shooting victims" is three words, not four.
    if len(span.text.split()) < MIN_WORDS:
        return False
    before = body[max(0, span.start - 30): span.start - 1].split()
    last = before[-1].lower().strip(",:;") if before else ""
    stripped = span.text.strip()
    speech_end = stripped[-1:] in ".,?!…—–-:;"
    if last in TITLE_CUES and not speech_end:
        return False
    # Title Case without sentence punctuation: a name of a book, law or operation.
    content = [w for w in words if len(w) > 3]
    if len(words) <= 12 and len(content) >= 2 and all(w[0].isupper() for w in content):
        return False
    return True


class _Context:
    """Per-article state: the parse, the quoted-character mask and speaker resolution."""

    def __init__(self, doc, body: str, article: Article, actors: ActorIndex, mask: bytearray):
        self.doc, self.body, self.mask = doc, body, mask
        self.pmap = ParagraphMap(article)
        self.par_starts = {b.index: s for s, _, b in article.block_offsets()}
        self.par_ends = {b.index: e for _, e, b in article.block_offsets()}
        self.resolver = SpeakerResolver(doc, actors, mask, self.pmap.index)
        self.last: Quote | None = None

    # -- direct quotes -----------------------------------------------------------------------
    def attribute(self, span: MarkedSpan) -> Quote | None:
        doc, body = self.doc, self.body
        inner = doc.char_span(span.start, span.end, alignment_mode="expand")
        if inner is None or len(inner) == 0:
            return None
        paragraph = self.pmap.index(span.start)
        par_start = self.par_starts.get(paragraph, 0)
        left, right = self._frame(span, inner)
        signed = self._dash_signature(span)
        cue, subject = (None, None) if signed is not None else self._cue(span, inner, left, right)
        speaker, cue_text = None, None
        if signed is not None:
            speaker = self.resolver.name_of_span(signed.start_char, signed.end_char) or signed.text.strip(" .,")
        elif cue is not None:
            cue_text = "according to" if cue.lower_ == "according" else cue.text
            if subject is not None:
                speaker = self.resolver.resolve(subject, par_start, paragraph)
        elif self._is_continuation(span, left, right, paragraph):
            speaker = self.last.speaker
        else:
            speaker = self._sentence_subject(left, right, par_start, paragraph) or self._previous_subject(left, paragraph)
        text = _CONTINUATION.sub(" ", span.text).strip()
        q = Quote(text=text, speaker=speaker, cue=cue_text, paragraph=paragraph, start=span.start, end=span.end)
        self.last = q
        self.resolver.record(span.end, speaker)
        return q

    def _frame(self, span: MarkedSpan, inner) -> tuple[int, int]:
        """Token range [left, right) of the sentences that can hold this quote's attribution."""
        doc, body = self.doc, self.body
        left, right = inner.sent.start, inner[-1].sent.end
        lo, hi = self._paragraph_bounds(span)
        # Before the opening mark: a colon, comma or "that" ties the quote to the words before it,
        # even across a paragraph break when a colon ends the previous paragraph.
        k = span.start - 2
        while k >= 0 and body[k].isspace():
            k -= 1
        if k >= 0 and (body[k] in ":,—–" or body[k].isalpha()):
            tok = _token_at(doc, k)
            if tok is not None and (body[k] == ":" or "\n" not in body[k:span.start]):
                left = min(left, tok.sent.start)
                lo = min(lo, tok.sent.start_char)
        # After the closing mark: "“...,” she said." often parses as its own sentence.
        j = span.end + 1
        while j < len(body) and body[j].isspace() and body[j] != "\n":
            j += 1
        tail = span.text.rstrip()[-1:]
        if j < len(body) and body[j] not in "\n" and (tail in ",?!—–-" or tail.isalnum() or body[j].islower() or body[j] in ",;—–"):
            tok = _token_at(doc, j)
            if tok is not None:
                right = max(right, tok.sent.end)
        while left < right and doc[left].idx < lo:
            left += 1
        while right > left and doc[right - 1].idx >= hi:
            right -= 1
        return left, right

    def _paragraph_bounds(self, span: MarkedSpan) -> tuple[int, int]:
        """Body offsets of the paragraphs the quote runs over: a parse sentence may cross a paragraph break."""
        first, last = self.pmap.index(span.start), self.pmap.index(span.end)
        lo = self.par_starts.get(first, 0)
        hi = self.par_ends.get(last, len(self.body))
        return lo, hi

    def _cue(self, span: MarkedSpan, inner, left: int, right: int):
        """The attribution verb for this quote and its subject token (either may be None)."""
        doc, mask = self.doc, self.mask
        best, best_key = None, None
        inner_set = range(inner.start, inner.end)
        for t in doc[left:right]:
            if mask[t.idx] or "\n" in t.text:
                continue
            according = t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"
            if not according and not (t.lemma_.lower() in CUE_LEMMAS and t.pos_ in ("VERB", "AUX")):
                continue
            subject = _subject(t, mask, self.pmap.index) or self._surface_subject(t, inner, left)
            linked = any(c.i in inner_set and c.dep_ in _QUOTE_DEPS for c in t.children) or (
                t.head.i in inner_set and t.dep_ in ("parataxis", "ccomp", "conj"))
            if t.idx > span.end and _clause_between(doc, inner.end, t.i):
                continue  # "“...,” when Clinton blasted him": a new clause, not the attribution
            # Nearest in characters to either mark; a verb linked by the parse to the quote first.
            dist = span.start - t.idx if t.idx < span.start else t.idx - span.end
            if not self._same_paragraph(t.idx, span):
                dist += 10_000
            key = (0 if linked else 1, 0 if subject is not None else 1, dist)
            if best_key is None or key < best_key:
                best, best_key = (t, subject), key
        return best if best else (None, None)

    def _surface_subject(self, verb, inner, left: int):
        """A name next to the cue when the parse gave it no subject: "“...,” Police Chief Ann Roe said"."""
        doc, mask = self.doc, self.mask
        if verb.i >= inner.end:
            window = [t for t in doc[inner.end:verb.i] if not mask[t.idx]]
            after = []
            for t in doc[verb.i + 1: verb.i + 8]:
                if t.is_punct or mask[t.idx]:
                    break
                after.append(t)
            window = window or after
        else:
            window = [t for t in doc[left:verb.i] if not mask[t.idx]]
        names = [t for t in window if t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")]
        if not names:
            return None
        # The head of the last name run: "Chuck Jordan" -> "Jordan".
        last = names[-1] if verb.i >= inner.end and window and window[0].i < verb.i else names[-1]
        return last

    def _same_paragraph(self, offset: int, span: MarkedSpan) -> bool:
        p = self.pmap.index(offset)
        return self.pmap.index(span.start) <= p <= self.pmap.index(span.end)

    def _is_continuation(self, span: MarkedSpan, left: int, right: int, paragraph: int) -> bool:
        """A quote with no words of its own around it, following another quote closely."""
        if self.last is None or not self.last.speaker or paragraph - self.pmap.index(self.last.end) > 1:
            return False
        for t in self.doc[left:right]:
            if not self.mask[t.idx] and t.is_alpha:
                return False
        return True

    def _dash_signature(self, span: MarkedSpan):
        """The name signing a quote after a dash on the same line: "“...” ― Ana Ruiz"."""
        body = self.body
        j = span.end + 1
        while j < len(body) and body[j].isspace() and body[j] != "\n":  # no-break spaces too
            j += 1
        if j >= len(body) or body[j] not in "―—–-":
            return None
        j += 1
        while j < len(body) and body[j].isspace() and body[j] != "\n":
            j += 1
        tok = _token_at(self.doc, j) if j < len(body) and body[j].isupper() else None
        if tok is None:
            return None
        # The capitalized words that follow on the same line (the tagger may not call them PROPN).
        k = tok.i
        while k + 1 < len(self.doc) and "\n" not in self.doc[k].whitespace_ and self.doc[k + 1].text[:1].isupper():
            k += 1
        return self.doc[tok.i: k + 1]

    def _previous_subject(self, left: int, paragraph: int) -> str | None:
        """For a quote standing alone: the subject of the sentence just before it, as a reader reads it."""
        if left == 0:
            return None
        k = left - 1
        while k > 0 and (self.doc[k].is_space or self.doc[k].is_punct):
            k -= 1
        tok = self.doc[k]
        p = self.pmap.index(tok.idx)
        if paragraph - p > 1 or self.mask[tok.idx]:
            return None
        for t in tok.sent:
            if t.dep_ == "ROOT" and self.pmap.index(t.idx) == p:
                subj = _subject(t, self.mask, self.pmap.index)
                if subj is not None and (subj.pos_ in ("PROPN", "PRON") or self.resolver.name_of_span(subj.idx, subj.idx + len(subj.text))):
                    name = self.resolver.resolve(subj, self.par_starts.get(p, 0), p)
                    if name and self.resolver.kind(name) in ("person", None):
                        return name
        return None

    def _sentence_subject(self, left: int, right: int, par_start: int, paragraph: int) -> str | None:
        """For a partial quote with no cue: the subject of the sentence that embeds it."""
        for t in self.doc[left:right]:
            if t.dep_ == "ROOT" and not self.mask[t.idx]:
                subj = _subject(t, self.mask, self.pmap.index)
                if subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN"):
                    return self.resolver.resolve(subj, par_start, paragraph)
        return None

    # -- reported speech ----------------------------------------------------------------------
    def statement_candidates(self) -> list[tuple]:
        """Clauses introduced by a speech verb outside any quotation: "X said the meeting would ..."."""
        out: list[tuple] = []
        doc, mask = self.doc, self.mask
        for t in doc:
            if mask[t.idx]:
                continue
            if t.lemma_.lower() in STATEMENT_LEMMAS and t.pos_ == "VERB":
                clause = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i), None)
                cue_text = t.text
            elif t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" and t.head.i != t.i:
                clause = t.head if t.head.pos_ in ("VERB", "AUX") else None
                cue_text = "according to"
            else:
                continue
            if clause is None:
                continue
            if cue_text == "according to":
                # The main clause after the "according to X," phrase.
                skip = max(x.i for x in t.subtree)
                toks = [x for x in clause.subtree if x.i > skip]
            else:
                toks = list(clause.subtree)
            while toks and (toks[0].dep_ == "mark" or toks[0].is_punct or toks[0].lower_ == "that"):
                toks = toks[1:]  # "that", and the comma after "according to X"
            if not toks:
                continue
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            if any(mask[start:end]) or "\n" in self.body[start:end] or len(_WORD.findall(self.body[start:end])) < MIN_WORDS:
                continue
            out.append((t, cue_text, start, end))
        return out

    def statement(self, verb, cue_text: str, start: int, end: int) -> Quote:
        """Attribute one reported-speech clause."""
        text = self.body[start:end].rstrip(" ,;")
        paragraph = self.pmap.index(start)
        subject = _subject(verb, self.mask, self.pmap.index)
        speaker = self.resolver.resolve(subject, self.par_starts.get(paragraph, 0), paragraph) if subject is not None else None
        self.resolver.record(verb.idx, speaker)
        return Quote(text=text, speaker=speaker, cue=cue_text, paragraph=paragraph, start=start, end=start + len(text))


def _clause_between(doc, a: int, b: int) -> bool:
    """Whether tokens a..b-1 open a new clause (a subordinator or another verb) before the cue."""
    for t in doc[a:b]:
        # A capitalized "verb" is a mis-tagged name ("Tulsa police Chief ..."), not a clause.
        if t.pos_ == "SCONJ" or (t.pos_ == "VERB" and t.text[:1].islower()) or t.lower_ in ("when", "while", "as", "after", "before"):
            return True
    return False


def _token_at(doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _subject(verb, mask: bytearray, paragraph_of):
    """The token that names who speaks through `verb`, outside quotation marks and in its paragraph."""
    # The parser's sentences can run over a paragraph break; a subject across it is never the speaker.
    par = paragraph_of(verb.idx)

    def ok(tok) -> bool:
        return not mask[tok.idx] and paragraph_of(tok.idx) == par

    if verb.lower_ == "according":
        for prep in verb.children:
            if prep.lower_ == "to":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and ok(obj):
                        return obj
        nxt = verb.doc[verb.i + 2] if verb.i + 2 < len(verb.doc) else None
        return nxt if nxt is not None and nxt.pos_ in ("PROPN", "PRON", "NOUN") and ok(nxt) else None
    if verb.dep_ in ("xcomp", "advcl") and verb.tag_ == "VBG":
        # "showed footage of Clinton asking, “...”": a participle right after the object (no comma
        # between, unlike "left the room, saying") says what the object did.
        for c in verb.head.children:
            if c.dep_ == "dobj" and c.right_edge.i == verb.i - 1 and ok(c):
                return c
    v = verb
    for _ in range(3):  # "added, saying", "stood and said": the subject sits on a governing verb
        for c in v.children:
            if c.dep_ in _SUBJECT_DEPS and ok(c) and not c.is_punct:
                return _not_a_date(c)
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("PROPN", "NOUN", "PRON") and v.head.i < v.i and ok(v.head):
            return v.head
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            v = v.head
        else:
            break
    # Inversion the parser did not label: "“...,” said Martin Indyk".
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "npadvmod", "dative", "oprd") and c.pos_ == "PROPN" and c.i > verb.i and ok(c) \
                and c.ent_type_ not in ("DATE", "TIME"):
            return c
    return None


def _not_a_date(tok):
    """A subject parsed as "Monday" in "Chief Jordan said Monday": the name among its modifiers."""
    if tok.ent_type_ in ("DATE", "TIME"):
        for c in tok.children:
            if c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME"):
                return c
    return tok
