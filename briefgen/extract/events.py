"""Events: the clause that carries each calendar date, with its actors."""
from __future__ import annotations

import re
from datetime import date
from itertools import islice

from briefgen.extract.actors import ActorIndex
from briefgen.extract.dates import looks_ahead
from briefgen.extract.intervals import bounds, narrow, sort_key  # noqa: F401 (sort_key: part of this module's interface)
from briefgen.extract.sentences import has_link
from briefgen.extract.quote_marks import find_quoted_spans
from briefgen.extract.spans import dateline_end
from briefgen.models import Article, DateMention, Event

#: Clauses of their own that a date's clause leaves out when the date is not in them.
_SIDE_CLAUSES = {"conj", "cc", "parataxis", "advcl", "relcl", "punct", "appos"}
MAX_WORDS = 35


def clause_span(doc, start: int, end: int) -> tuple[int, int, int, int]:
    """(clause start, clause end, sentence start, sentence end) of the clause that carries a date."""
    span = doc.char_span(start, end, alignment_mode="expand")
    sent = span.sent
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head in sent:
        verb = verb.head
    # an infinitive or a short clause is told with the verb it completes: "invited factions to meet in February"
    while verb.dep_ in ("xcomp", "acl", "advcl", "conj", "pcomp") and verb.head.i != verb.i and \
            (verb.dep_ == "xcomp" or sum(1 for _ in islice(verb.subtree, 10)) < 10):
        verb = verb.head
        if verb.pos_ == "ADP" and verb.dep_ == "prep" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "arrested ... after reporting on the 2016 coup": the preposition's verb
    if verb.pos_ not in ("VERB", "AUX"):
        return sent.start_char, sent.end_char, sent.start_char, sent.end_char
    lo, hi = verb.left_edge.i, verb.right_edge.i
    for child in verb.children:
        if child.dep_ not in _SIDE_CLAUSES:
            continue
        c_lo, c_hi = child.left_edge.i, child.right_edge.i
        if c_lo <= span.start and span.end - 1 <= c_hi:
            continue  # the date is inside: keep it
        if c_lo > verb.i and c_hi >= hi:
            hi = c_lo - 1  # a trailing clause of its own
        elif c_hi < verb.i and c_lo <= lo:
            lo = c_hi + 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and doc[hi].is_punct and doc[hi].text not in ("%", ")", "]"):
        hi -= 1  # (a percent sign or a closing bracket ends the clause's words: "at about 60%")
    if hi - lo < 4:
        return sent.start_char, sent.end_char, sent.start_char, sent.end_char
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text), sent.start_char, sent.end_char


def describe(text: str, start: int, end: int, s_start: int, s_end: int, date_start: int) -> str:
    """The clause in the article's words, an ellipsis where the sentence goes on, at most MAX_WORDS words."""
    if start > s_start and text[start - 1] in "“\"‘'" and (start - 1 == s_start or text[start - 2].isspace()):
        start -= 1  # the quotation the clause opens with keeps its opening mark ('"We are going backwards," she said')
    clause = text[start:end].strip()
    words = clause.split()
    if len(words) > MAX_WORDS:
        # keep the words around the date
        before = len(text[start:date_start].split())
        first = max(0, min(before - MAX_WORDS // 3, len(words) - MAX_WORDS))
        cut = " ".join(words[first:first + MAX_WORDS])
        clause = ("… " if first else "") + cut + " …"
        return _close_marks(clause.replace("\n", " "))
    body = text[s_start:s_end].rstrip().rstrip(".!?”\"'’")
    lead = "… " if text[s_start:start].strip(" “\"‘'") else ""
    tail = " …" if text[end:s_start + len(body)].strip(" ,;:.”\"’'") else ""
    out = lead + clause.rstrip(",;:") + tail
    return _close_marks(re.sub(r"\s+", " ", out))


def _within(spans: tuple[int, int, int, int], blocks: list[tuple[int, int]], at: int) -> tuple[int, int, int, int]:
    """The clause and sentence bounds cut to the paragraph holding the date (the parser's sentences can run
    over a paragraph break: a closing quotation mark at one paragraph's end opening the next's sentence)."""
    b0, b1 = next(((a, z) for a, z in blocks if a <= at < z), (0, 10**12))
    start, end, s_start, s_end = spans
    s_start, s_end = max(s_start, b0), min(s_end, b1)
    return max(start, s_start), min(end, s_end), s_start, s_end


def _close_marks(s: str) -> str:
    """Close a quotation the clause cuts off ('... it was "a gift to the Democrats'), before a final ellipsis."""
    body, tail = (s[:-2], " …") if s.endswith(" …") else (s, "")
    if body.count("“") > body.count("”"):
        body = body.rstrip(" ,;:") + "”"
    elif body.count('"') % 2 and _last_straight_opens(body):
        body = body.rstrip(" ,;:") + '"'
    return body + tail


def _last_straight_opens(s: str) -> bool:
    """Whether the last straight mark opens a quotation (after a space or at the start), rather than closing
    one the clause began inside ('more aid," she said on Monday')."""
    i = s.rfind('"')
    return i == 0 or (i > 0 and (s[i - 1].isspace() or s[i - 1] in "(—–…"))


def _depth(doc, start: int, end: int, c_start: int, c_end: int) -> int:
    """Steps from the date's head word up to the head of its clause: a date the clause is told about is near
    its verb ("met on Monday"), a date the clause only refers to sits deeper ("after the vote of 7 October")."""
    tok = doc.char_span(start, end, alignment_mode="expand").root
    steps = 0
    while tok.head.i != tok.i and c_start <= tok.head.idx < c_end:
        tok, steps = tok.head, steps + 1
    return steps


def _days(b: tuple[str, str]) -> int:
    """Length of a date's span in days (0 for one day): the smaller, the more precise."""
    try:
        return (date.fromisoformat(b[1]) - date.fromisoformat(b[0])).days
    except ValueError:
        return 10**6


def _owner(dates: list[tuple[tuple, tuple[str, str]]]) -> tuple:
    """Of the dates in one clause, as (rank, bounds), the rank of the one the clause is about: the best ranked
    (plain, nearest the verb), or a more precise plain date inside it ("over the weekend, on Sunday": Sunday)."""
    best, b = max(dates)
    inside = [(about, c) for about, c in dates if about[0] and b[0] <= c[0] and c[1] <= b[1] and _days(c) < _days(b)]
    return min(inside, key=lambda ab: (_days(ab[1]), tuple(-x for x in ab[0])))[0] if inside else best


def extract_events(doc, article: Article, dates: list[DateMention], actors: ActorIndex) -> list[Event]:
    """One event per calendar date of an article: the clause that tells it best, its actors, future or past.

    A clause that carries two dates ("reopened in January after the storm of December 12") gives one
    event: the date the clause is about (a plain date nearest its verb, the most precise on a tie, or a
    more precise day inside it); the other date is kept only where another clause tells it.
    """
    best: dict[tuple, tuple[tuple, Event]] = {}
    owner: dict[tuple[int, int], tuple] = {}  # clause span -> the rank of the date it is about
    told: list[tuple[tuple[int, int], tuple, DateMention, tuple[str, str], tuple[int, int, int, int]]] = []
    pub = article.published.isoformat() if article.published else None
    text = article.text  # the Doc was made from this string; Doc.text would rebuild it token by token
    blocks = [(a, z) for a, z, _ in article.block_offsets()]
    for dm in dates:
        b = bounds(dm.value or "")
        if not b or doc.char_span(dm.start, dm.end, alignment_mode="expand") is None:
            continue
        b = narrow(dm.value, dm.mod, b)
        spans = _within(clause_span(doc, dm.start, dm.end), blocks, dm.start)
        about = (dm.mod not in ("after", "before"), -_depth(doc, dm.start, dm.end, spans[0], spans[1]), -_days(b), -dm.start)
        told.append((spans[:2], about, dm, b, spans))
    for clause in {t[0] for t in told}:
        owner[clause] = _owner([(about, b) for c, about, _, b, _ in told if c == clause])
    quoted = [(q.start, q.end) for q in find_quoted_spans(article)]
    for clause, about, dm, b, (start, end, s_start, s_end) in told:
        if owner[clause] != about:
            continue  # the clause is told for another of its dates
        in_quote = any(a <= dm.start < z for a, z in quoted)
        if has_link(text[s_start:s_end]):
            continue  # an embedded post or share line ("pic.twitter.com/... — Name (@name) May 2, 2024")
        lead = dateline_end(text, s_start)  # a wire dateline is not part of the sentence that opens the story
        if lead > s_start and lead < min(end, s_end):
            s_start, start = lead, max(start, lead)
        future = looks_ahead(doc, dm.start, dm.end, dm.text)
        if pub and b[1] < pub:
            future = False  # a time over before publication was told as such, whatever the parse hangs it on
        if in_quote and not future:
            continue  # a date in someone's words ("closer than at any time since April"): no event of the timeline
        upcoming = bool(pub and (b[0] > pub or (future and b[1] >= pub)))
        names = actors.names_in(start, end)
        ev = Event(
            date=dm.value, sort_key=b[0], end_key=b[1], text=describe(text, start, end, s_start, s_end, dm.start),
            date_text=dm.text, mod=dm.mod, actors=names, upcoming=upcoming, future=future,
            paragraph=dm.paragraph, source=article.path,
        )
        # a date is told several times: keep the telling with a plain date and the most actors, the earliest on a tie
        rank = (dm.mod not in ("after", "before"), len(names), -dm.start)
        key = (dm.value, dm.mod if dm.mod in ("early", "mid", "late") else None)  # early and late February differ
        if key not in best or rank > best[key][0]:
            best[key] = (rank, ev)
    return sorted((ev for _, ev in best.values()), key=lambda ev: (ev.sort_key, ev.paragraph))
