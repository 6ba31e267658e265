"""Quotes: direct quotations with their speakers, and reported speech as statements.

Quotation marks are paired without the parser (quote_marks); the parse is used once, read-only,
to find the attribution verb near each quote and its subject, which speakers resolves to an
actor. Each quote looks only at the sentences around it, so the cost is linear in the text.
"""
from __future__ import annotations

import re

from briefgen.extract.actors import ActorIndex
from briefgen.extract.ascribed import read_from
from briefgen.extract.quote_marks import MarkedSpan, find_quoted_spans
from briefgen.extract.spans import ParagraphMap, dateline_end, token_at
from briefgen.extract.speakers import SpeakerResolver
from briefgen.extract.tokens import indexes_of
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
STATEMENT_LEMMAS = frozenset({
    "say", "tell", "add", "note", "claim", "state", "announce", "warn", "explain", "insist", "argue",
    "report", "confirm", "deny", "stress", "emphasize", "emphasise", "declare", "acknowledge", "admit",
    "assert", "contend", "suggest", "predict", "promise", "vow", "allege", "maintain", "reveal", "write",
    "indicate", "estimate", "concede", "testify", "reiterate", "pledge", "signal",
})
#: Words right before a quotation mark that make the quoted words a title, not speech.
TITLE_CUES = {
    "book", "film", "movie", "song", "album", "show", "program", "programme", "operation", "act", "law",
    "bill", "titled", "entitled", "novel", "play", "series", "documentary", "headline", "hashtag",
    "slogan", "column", "editorial", "article", "op-ed", "podcast", "episode", "exhibition", "doctrine",
}
_ACCORDING = frozenset({"according"})
_WORD = re.compile(r"[\w’']+")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_QUOTE_DEPS = ("ccomp", "dobj", "parataxis", "xcomp", "advcl", "conj", "pobj", "attr", "oprd", "npadvmod", "dep")
_CONTINUATION = re.compile(r"\n\n\s*(?:''|[“\"«‘])")
_MODALS = {"to", "would", "could", "might", "should", "can", "may", "will", "must", "shall", "'d", "’d"}
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
    items += [(c[2], 1 if c[1] else 2, c) for c in ctx.statement_candidates()]
    items.sort(key=lambda x: (x[0], x[1]))
    quotes: list[Quote] = []
    statements: list[Quote] = []
    for _, kind, item in items:
        if kind == 0:
            q = ctx.attribute(item)
            if q is not None:
                quotes.append(q)
        elif kind == 1:
            statements.append(ctx.statement(*item))
        else:
            ctx.record_speaker(item[0])
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
    # Every word capitalized, short ones too: a heading or slogan ("All Bets Are Off."), not speech.
    if len(words) <= 12 and all(w[0].isupper() or not w[0].isalpha() for w in words):
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
        self.signatures: list[tuple[int, int]] = []  # "― Ann Roe" after a quote: never a later quote's subject

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
        aside = self._dash_aside(span) if signed is None else None
        if signed is None and aside is None:
            aside = self._speaker_label(span, par_start)
        cue, subject = (None, None) if signed is not None or aside is not None else self._cue(span, inner, left, right)
        speaker, cue_text = None, None
        if aside is not None:
            speaker = aside
        elif signed is not None:
            speaker = self.resolver.name_of_span(signed.start_char, signed.end_char) or signed.text.strip(" .,")
            self.signatures.append((signed.start_char, signed.end_char))
        elif cue is not None:
            cue_text = "according to" if cue.lower_ == "according" else cue.text
            subject = read_from(cue) or subject  # the writer of a letter read aloud, not its reader
            if subject is not None:
                speaker = self.resolver.resolve(subject, par_start, paragraph)
            if speaker is None and _hypothetical(cue):
                # "wants rules that would let banks tell clients “...”": no one said it; the
                # words are the sentence subject's.
                speaker = self._sentence_subject(left, right, par_start, paragraph)
        elif self._is_continuation(span, left, right, paragraph):
            speaker = self.last.speaker
        else:
            embedding = self._embedding_clause(inner)
            subj = _subject(embedding, self.mask, self.pmap.index) if embedding is not None else None
            speaker = (self.resolver.resolve(subj, par_start, paragraph) if subj is not None else None) \
                or self._sentence_subject(left, right, par_start, paragraph) or self._previous_subject(left, paragraph)
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
            tok = token_at(doc, k)
            if tok is not None and (body[k] == ":" or "\n" not in body[k:span.start]):
                left = min(left, tok.sent.start)
                lo = min(lo, tok.sent.start_char)
        # After the closing mark: "“...,” she said." often parses as its own sentence.
        j = span.end + 1
        while j < len(body) and body[j].isspace() and body[j] != "\n":
            j += 1
        tail = span.text.rstrip()[-1:]
        if j < len(body) and body[j] not in "\n" and (tail in ",?!—–-" or tail.isalnum() or body[j].islower() or body[j] in ",;—–"):
            tok = token_at(doc, j)
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
        embedding = self._embedding_clause(inner)
        for t in doc[left:right]:
            if mask[t.idx] or "\n" in t.text:
                continue
            according = t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"
            if not according and not (t.lemma_.lower() in CUE_LEMMAS and t.pos_ in ("VERB", "AUX")) and not _put_it(t):
                continue
            opens = self._opens_onto(t, inner)
            linked = any(c.i in inner_set and c.dep_ in _QUOTE_DEPS for c in t.children) or (
                t.head.i in inner_set and t.dep_ in ("parataxis", "ccomp", "conj")) or opens
            if t.idx > span.end and _clause_between(doc, inner.end, t.i, t):
                continue  # "“...,” when Clinton blasted him": a new clause, not the attribution
            if embedding is not None and not linked:
                continue  # "as X went on about “...,” Y said yes": the quote is X's, in X's clause
            subject = None
            if t.tag_ == "VBG" and t.dep_ == "advcl" and t.i > 0 and doc[t.i - 1].text == "," and _subordinate(t.head):
                # "praised the engineer who built it, saying “...”", "when pressed, insisting “...”":
                # a participle after a comma speaks for the main clause, not for the relative or
                # "when" clause the parser hung it on.
                subject = self._main_subject(t)
            subject = subject or _subject(t, mask, self.pmap.index) or self._main_subject(t) or self._surface_subject(t, inner, left)
            # Nearest in characters to either mark; a verb linked by the parse to the quote first,
            # and a speech act that happened before one that would, could or is to happen.
            dist = span.start - t.idx if t.idx < span.start else t.idx - span.end
            elsewhere = 0 if self._same_paragraph(t.idx, span) else 1  # a cue in the quote's own paragraph first
            # A verb whose clause holds the quote before one beside it ("the rules she named are “...,”
            # the paper wrote": the quote is in what the paper wrote, not in what she named).
            holds = opens or (t.left_edge.i <= inner.start and t.right_edge.i >= inner.end - 1)
            key = (elsewhere, 0 if linked else 1, 1 if _hypothetical(t) else 0, 0 if holds else 1, 0 if subject is not None else 1, dist)
            if best_key is None or key < best_key:
                best, best_key = (t, subject), key
        return best if best else (None, None)

    def _opens_onto(self, verb, inner) -> bool:
        """A speech verb with no words of its own said, right before the opening mark: "saying last week, “...”"."""
        if verb.i >= inner.start or verb.right_edge.i >= inner.start:
            return False
        if any(c.dep_ in ("ccomp", "xcomp", "parataxis") or (c.dep_ == "dobj" and c.pos_ not in ("PRON", "PROPN"))
               for c in verb.children):
            return False  # "said the talks failed, “...”": the verb has its own content
        return all(t.is_punct for t in self.doc[verb.right_edge.i + 1: inner.start])

    def _embedding_clause(self, inner):
        """The verb of a subordinate clause that holds a partial quote as an argument, if it has its own subject.

        "while the mayor talked on about “how the budget is broken,” his aide said yes": the quote is
        what the mayor talked about; a later speech verb whose content is something else is not its cue.
        """
        doc, mask = self.doc, self.mask
        t = inner.root
        while inner.start <= t.head.i < inner.end and t.head.i != t.i:
            t = t.head
        for _ in range(4):
            if t.head.i == t.i or t.dep_ not in ("pobj", "pcomp", "prep", "dobj", "attr", "conj", "appos", "oprd"):
                return None
            t = t.head
            if t.pos_ in ("VERB", "AUX") and not mask[t.idx]:
                break
        else:
            return None
        if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() in CUE_LEMMAS or t.left_edge.i >= inner.start:
            return None
        if t.lemma_ == "be":
            return None  # "the forecast that X would be “...”": X is described, not speaking
        # An adverbial or relative clause ("as X went on about"), not a content clause ("that X ...").
        subordinate = t.dep_ in ("advcl", "relcl") and not any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in t.children)
        subject = _subject(t, mask, self.pmap.index)
        return t if subordinate and subject is not None and subject.i < inner.start else None

    def _main_subject(self, verb):
        """For a participle with no subject in the parse ("..., insisting, “...”"): the main clause's subject.

        The first subject in the sentence, outside quotation marks, of a clause that is not
        subordinate (no "when", "who", "if" in front of it): who the sentence is about.
        """
        if verb.tag_ != "VBG" or verb.lower_ == "according":
            return None
        return self._first_main_subject(verb.sent.start, verb.i, self.pmap.index(verb.idx))

    def _first_main_subject(self, start: int, end: int, par: int):
        # A line break ends a sentence the parser ran on: "...” ― Ann Roe\n“..." is two.
        content = False
        for k in range(end - 1, start - 1, -1):
            tok = self.doc[k]
            if content and ("\n" in tok.text or "\n" in tok.whitespace_):
                start = k + 1
                break
            content = content or not tok.is_space
        for t in self.doc[start:end]:
            if t.dep_ not in _SUBJECT_DEPS or self.mask[t.idx] or t.pos_ not in ("PROPN", "PRON"):
                continue  # a person named or referred to: "the advice earned him ..." is not who speaks
            h = t.head
            if h.dep_ in ("relcl", "acl", "advcl", "pcomp") or any(c.dep_ == "mark" or c.tag_ in ("WRB", "WDT") for c in h.children):
                continue
            if self.pmap.index(t.idx) == par and not any(a <= t.idx < b for a, b in self.signatures):
                return _not_a_date(t)
        return None

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
        # Narration opening this quote's paragraph ("On Sunday X, who ..., said ...") breaks the chain;
        # the previous quote's own attribution ("“...,” Y said.") does not.
        if paragraph > self.pmap.index(self.last.end):
            gap = range(max(self.last.end, self.par_starts.get(paragraph, 0)), span.start)
            if any(not self.mask[i] and self.body[i].isalpha() for i in gap):
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
        tok = token_at(self.doc, j) if j < len(body) and body[j].isupper() else None
        if tok is None:
            return None
        # The capitalized words that follow on the same line (the tagger may not call them PROPN).
        k = tok.i
        while k + 1 < len(self.doc) and "\n" not in self.doc[k].whitespace_ and self.doc[k + 1].text[:1].isupper():
            k += 1
        return self.doc[tok.i: k + 1]

    def _dash_aside(self, span: MarkedSpan) -> str | None:
        """A quote set between dashes right after a person's name: "... Ann Roe -- “...” -- and ..."."""
        body, doc = self.body, self.doc
        k = span.start - 1
        while k >= 0 and body[k] in " \u00a0'\"“‘«„":  # the opening mark may be two characters: ''
            k -= 1
        if k < 1 or body[k] not in "-—–" or (body[k] == "-" and body[k - 1] != "-"):
            return None
        j = span.end
        while j < len(body) and body[j] in " \u00a0'\"”’»":
            j += 1
        if j >= len(body) or body[j] not in "-—–":
            return None  # only an aside closed by a second dash; "X -- “...”" may be a headline or list
        k -= 2 if body[k - 1] == "-" else 1
        while k >= 0 and body[k] in " \u00a0":
            k -= 1
        tok = token_at(doc, k) if k >= 0 else None
        if tok is None or tok.pos_ != "PROPN" or self.mask[tok.idx]:
            return None
        if tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in CUE_LEMMAS:
            return None  # "told Ann Roe -- “...”": the one spoken to
        name = self.resolver.name_of_span(tok.idx, tok.idx + len(tok.text))
        return name if name and self.resolver.kind(name) == "person" else None

    def _speaker_label(self, span: MarkedSpan, par_start: int) -> str | None:
        """The name labelling a paragraph of an interview or transcript: "Barasa: “We want ...”"."""
        label = self.body[par_start: span.start - 1].rstrip()
        if not label.endswith(":") or "\n" in label:
            return None
        words = label[:-1].split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return None
        if " ".join(words).lower() in ("a", "answer"):
            return self.resolver.first_person()  # an interview's answers: the person it introduces first
        toks = self.doc.char_span(par_start, par_start + len(label) - 1, alignment_mode="expand")
        if toks is None or any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in CUE_LEMMAS for t in toks):
            return None  # "Said Roe:" has its own cue
        found = self.resolver.name_of_span(par_start, par_start + len(label) - 1) or self.resolver.actors.lookup(" ".join(words))
        return found if found and self.resolver.kind(found) in ("person", "organization") else None

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
                # A name, a pronoun, or a description with the name beside it ("His partner, Ann Roe, called ...").
                if subj is not None and (subj.pos_ in ("PROPN", "PRON") or self.resolver.name_of_span(subj.idx, subj.idx + len(subj.text))
                                         or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subj.subtree)):
                    name = self.resolver.resolve(subj, self.par_starts.get(p, 0), p)
                    if name and self.resolver.kind(name) in ("person", None):
                        return name
        return None

    def _sentence_subject(self, left: int, right: int, par_start: int, paragraph: int) -> str | None:
        """For a partial quote with no cue: the subject of the sentence that embeds it."""
        for t in self.doc[left:right]:
            if t.dep_ == "ROOT":
                if self.mask[t.idx]:
                    # The parse made the quote the main clause ("X dodged the question -- “...” -- and ...").
                    subj = self._first_main_subject(t.sent.start, t.sent.end, paragraph)
                else:
                    subj = _subject(t, self.mask, self.pmap.index)
                if subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN"):
                    return self.resolver.resolve(subj, par_start, paragraph)
        return None

    # -- reported speech ----------------------------------------------------------------------
    def statement_candidates(self) -> list[tuple]:
        """Clauses introduced by a speech verb outside any quotation: "X said the meeting would ..."."""
        out: list[tuple] = []
        doc, mask = self.doc, self.mask
        # only the tokens a statement can start from: a speech verb's lemma, or "according"
        for i in sorted({*indexes_of(doc, "LEMMA", STATEMENT_LEMMAS), *indexes_of(doc, "LOWER", _ACCORDING)}):
            t = doc[i]
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
            opener = next((x for x in toks if not x.is_punct), None)
            while toks and (toks[0].dep_ == "mark" or toks[0].is_punct or toks[0].lower_ == "that"):
                toks = toks[1:]  # "that", and the comma after "according to X"
            if not toks or _not_asserted(t, opener, clause):
                continue
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            if "\n" in self.body[start:end] or len(_WORD.findall(self.body[start:end])) < MIN_WORDS:
                continue
            if any(mask[start:end]):
                # Words partly quoted are no statement, but who said them is who a later "it" or "she" means.
                out.append((t, None, start, end))
                continue
            out.append((t, cue_text, start, end))
        return out

    def record_speaker(self, verb) -> None:
        """Remember who speaks through `verb`, for later pronouns, without making a statement."""
        subject = _subject(verb, self.mask, self.pmap.index)
        if subject is not None:
            paragraph = self.pmap.index(verb.idx)
            self.resolver.record(verb.idx, self.resolver.resolve(subject, self.par_starts.get(paragraph, 0), paragraph))

    def statement(self, verb, cue_text: str, start: int, end: int) -> Quote:
        """Attribute one reported-speech clause."""
        text = self.body[start:end].rstrip(" ,;")
        paragraph = self.pmap.index(start)
        subject = _subject(verb, self.mask, self.pmap.index)
        speaker = self.resolver.resolve(subject, self.par_starts.get(paragraph, 0), paragraph) if subject is not None else None
        self.resolver.record(verb.idx, speaker)
        return Quote(text=text, speaker=speaker, cue=cue_text, paragraph=paragraph, start=start, end=start + len(text))


def _not_asserted(verb, first, clause=None) -> bool:
    """Reported words no one asserts: a denied or withheld saying ("did not say how much it costs")
    or a question ("declined to say whether", "which analysts say has hurt"). A subordinator that opens
    an adverbial clause inside the reported one ("said if the talks fail, Ohio will leave") asks nothing."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if first is None:
        return False
    if clause is not None and first.dep_ in ("mark", "advmod") and first.head.i != clause.i and first.head.dep_ == "advcl":
        return False
    return (first.tag_ in ("WDT", "WP", "WRB") and first.lower_ != "that") or first.lower_ in ("whether", "if")


def _clause_between(doc, a: int, b: int, cue=None) -> bool:
    """Whether tokens a..b-1 open a new clause (a subordinator or another verb) before the cue."""
    for t in doc[a:b]:
        if cue is not None and t.head == cue and t.dep_ == "mark" and t.lower_ == "as":
            continue  # "“...,” as farmers say": the cue's own "as" attributes the words, like "as X put it"
        # A capitalized "verb" is a mis-tagged name ("Tulsa police Chief ..."), not a clause.
        if t.pos_ == "SCONJ" or (t.pos_ == "VERB" and t.text[:1].islower()) or t.lower_ in ("when", "while", "as", "after", "before"):
            return True
    return False


def _subordinate(v) -> bool:
    """A relative clause or one opened by "when", "if", "because"."""
    return v.dep_ in ("relcl", "acl") or (v.dep_ == "advcl" and any(c.dep_ == "mark" or c.tag_ == "WRB" for c in v.children))


def _put_it(t) -> bool:
    """The idiom "as X put it" / "as X puts it", which attributes the words that follow."""
    return t.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children) and \
        any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children)


def _hypothetical(t) -> bool:
    """A speech verb in the infinitive or after a modal: "would tell", "allow firms to tell"."""
    return t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in t.children)


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
        # The same with the name as object of a preposition: "a video of Senator Roe saying, “...”".
        prev = verb.doc[verb.i - 1] if verb.i > 0 else None
        if prev is not None and prev.dep_ == "pobj" and prev.pos_ in ("PROPN", "PRON") and ok(prev):
            return prev
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN" and verb.head.i > verb.i and ok(verb.head):
        return verb.head  # "Said Roe: “...”", parsed as a name with a verb in front
    v = verb
    for _ in range(4):  # "added, saying", "stood and said": the subject sits on a governing verb
        for c in v.children:
            if c.dep_ in _SUBJECT_DEPS and ok(c) and not c.is_punct:
                if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl" and ok(v.head):
                    return _relative_antecedent(c, v.head)  # "the senator who said": the senator
                if _is_dateline(c):
                    # "BERLIN -- Chancellor Roe said": the name beside it, or the next subject.
                    alt = next((a for a in c.children if a.dep_ == "appos" and a.i > c.i + 1 and not _is_dateline(a)), None)
                    if alt is None:
                        continue
                    return alt
                return _not_a_date(c)
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("PROPN", "NOUN", "PRON") and v.head.i < v.i and ok(v.head):
            return v.head
        # A governing verb inside a partial quote ("he was “rushed out”") still has its subject outside.
        if v.dep_ == "pcomp" and v.head.dep_ in ("prep", "conj") and v.head.head.pos_ in ("VERB", "AUX") \
                and paragraph_of(v.head.head.idx) == par:
            v = v.head.head  # "thanked them before adding, “...”": who adds is who thanked
        elif v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i and paragraph_of(v.head.idx) == par:
            v = v.head
        elif v.dep_ == "ccomp" and v.i > 0 and v.doc[v.i - 1].dep_ == "cc" and v.head.i < v.i \
                and paragraph_of(v.head.idx) == par:
            v = v.head  # "said the plan was fine but warned ...": a second verb of the subject, parsed as a clause
        else:
            break
    # Inversion the parser did not label: "“...,” said Martin Indyk".
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "npadvmod", "dative", "oprd") and c.pos_ == "PROPN" and c.i > verb.i and ok(c) \
                and c.ent_type_ not in ("DATE", "TIME"):
            return c
    return misplaced_subject(verb, ok)


def misplaced_subject(verb, ok=lambda t: True):
    """The subject the parser gave to an apposition read as a clause before the verb: in "Ann Roe, the
    singer turned campaigner, said ...", "turned" became a clause with Roe as its subject and the
    speech verb was left with none. Only a name that opens the clause, before a comma."""
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i < verb.i:
            for s in c.children:
                if s.dep_ in _SUBJECT_DEPS and s.pos_ == "PROPN" and s.i < c.i and ok(s) \
                        and s.i + 1 < len(s.doc) and s.doc[s.i + 1].text == ",":
                    return s
    return None


def _relative_antecedent(pronoun, head):
    """The person a "who" refers to when the parser hung the clause on the last noun of an apposition:
    "Ali Roe, the chair of the Farmers Union, who told ..." is Roe, not the union."""
    if pronoun.lower_ != "who" or head.ent_type_ == "PERSON":
        return head
    t = head
    for _ in range(6):
        if t.dep_ not in ("pobj", "prep", "appos", "compound") or t.head.i == t.i:
            break
        t = t.head
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN":
            return t
    return head


def _is_dateline(tok) -> bool:
    """A word of the wire dateline that opens a paragraph: "BERLIN -- ...", "GENEVA, March 12 (Reuters) - ..."."""
    doc = tok.doc
    text = doc.user_data.get("briefgen.text")
    if text is None:  # Doc.text joins every token anew on each call: once per article is enough
        text = doc.user_data["briefgen.text"] = doc.text
    line_start = text.rfind("\n", 0, tok.idx) + 1
    return dateline_end(text, line_start) > tok.idx


def _not_a_date(tok):
    """A subject parsed as "Monday" in "Chief Jordan said Monday": the name among its modifiers."""
    if tok.ent_type_ in ("DATE", "TIME"):
        for c in tok.children:
            if c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME"):
                return c
    return tok
