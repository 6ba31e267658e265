"""Open questions: sentences that ask, or say that something is still unresolved.

Two kinds are found. Direct questions (ending in "?") are kept unless they are
headings, part of an interview exchange, rhetorical (declarative word order),
or answered by the next sentence. Statements of uncertainty are found from the
parse: an uncertainty word ("unclear", "open question", "remains to be seen"),
a negated or refused verb of telling or knowing with what is not told ("did not
say whether", "declined to identify"), a decision or inquiry still under way
("will decide whether", "is investigating whether") and a few fixed idioms.
"""
from __future__ import annotations

import bisect
import re

from briefgen.extract.actors import ActorIndex
from briefgen.extract.outlook import extract_outlook  # noqa: F401  (kept importable from here)
from briefgen.extract.sentences import Piece, is_transcript, outlook_section, pieces, quote_regions
from briefgen.extract.tokens import indexes_of
from briefgen.models import Article, OpenQuestion

WH = {"whether", "if", "who", "whom", "whose", "what", "which", "when", "where", "why", "how"}

# Adjectives that say something is not settled, used predicatively ("remains unclear").
UNCERTAIN = {"unclear", "uncertain", "unknown", "undecided", "unresolved", "unanswered", "undetermined",
             "unsettled", "inconclusive", "unconfirmed"}
# Weaker ones count only with what is unclear ("vague about who would be eligible").
UNCERTAIN_ABOUT = {"vague", "ambiguous", "murky", "unpredictable", "silent", "coy", "noncommittal"}
# Adjectives that say the opposite, so that negated they say it is unsettled ("it is not clear").
SETTLED = {"clear", "known", "certain", "sure", "settled", "decided", "determined", "confirmed"}
# Verbs of telling or knowing: negated or refused with a wh-/whether-clause, they leave a question open.
TELL = {"say", "tell", "know", "answer", "comment", "speak", "respond", "elaborate", "address", "predict",
        "guarantee", "show", "indicate", "announce", "rule", "state", "estimate"}
# Verbs whose negation leaves their object open, whatever it is ("did not clarify the matter").
DISCLOSE = {"explain", "clarify", "identify", "disclose", "reveal", "specify", "confirm", "determine", "decide",
            "detail", "establish", "resolve", "settle", "divulge", "discuss", "finalize"}
# Verbs of deciding or inquiring: still under way (present, future, progressive), they ask.
INQUIRE = {"decide", "determine", "investigate", "review", "consider", "weigh", "assess", "evaluate", "debate", "probe", "mull"}
# Verbs of asking: in the present they report a question people have now ("critics ask whether").
ASK = {"wonder", "ask", "question", "ponder"}
REFUSE = {"decline", "refuse", "fail", "hesitate", "avoid"}
# Nouns that name an open matter.
QUESTION_NOUNS = {"question", "uncertainty", "doubt", "speculation", "mystery", "debate", "unknown", "guess"}
# Adjectives that make "question" an open one ("the key question"); not "tough questions" put to someone.
QUESTION_AMODS = {"open", "key", "big", "bigger", "biggest", "main", "central", "real", "unanswered", "outstanding",
                  "remaining", "lingering", "larger", "broader", "crucial", "fundamental", "critical", "unresolved"}
# "no decision", "no word on": the absence of an answer.
ABSENT_NOUNS = {"decision", "word", "indication", "date", "timeline", "timetable", "explanation", "answer",
                "confirmation", "details", "detail", "clarity", "consensus", "verdict", "ruling"}
# What "did not give ..." leaves open (not "an answer": that is a dodged question, often argued).
WITHHELD_NOUNS = {"timeline", "timetable", "date", "details", "detail", "reason", "figure", "estimate", "explanation"}
NOT_ASKING = {"ask", "answer", "respond", "field", "reply", "take"}

# Fixed idioms of uncertainty, as spaCy Matcher patterns (lemmas, so tenses and persons meet).
_NEG = {"LOWER": {"IN": ["not", "n't", "n’t"]}, "OP": "?"}
_STILL = {"LOWER": {"IN": ["still", "yet"]}, "OP": "?"}
IDIOM_PATTERNS = [
    [{"LEMMA": "remain"}, {"LOWER": "to"}, {"LOWER": "be"}, {"LOWER": "seen"}],
    [{"LOWER": "jury"}, {"LEMMA": {"IN": ["be", "remain"]}}, _STILL, {"LOWER": "out"}],
    [{"LEMMA": {"IN": ["have", "be"]}}, _NEG, {"LOWER": "still", "OP": "?"}, {"LOWER": "yet"}, {"LOWER": "to"}],
    [{"LEMMA": "remain"}, {"LOWER": {"IN": ["under", "subject"]}}, {"LOWER": "to", "OP": "?"},
     {"LOWER": {"IN": ["investigation", "review", "consideration", "discussion", "negotiation", "debate"]}}],
    [{"LOWER": {"IN": ["impossible", "hard", "difficult", "premature"]}}, {"LOWER": "for", "OP": "?"}, {"IS_ALPHA": True, "OP": "?"},
     {"LOWER": "to"}, {"LEMMA": {"IN": ["tell", "know", "say", "predict", "determine", "judge", "assess", "gauge", "estimate", "forecast"]}}],
    [{"LOWER": "no"}, {"LOWER": "way"}, {"LOWER": "to"}, {"LEMMA": {"IN": ["tell", "know", "say", "predict", "determine", "judge"]}}],
    [{"LOWER": "too"}, {"LOWER": {"IN": ["early", "soon"]}}, {"LOWER": "to"}, {"LEMMA": {"IN": ["tell", "know", "say", "predict", "judge"]}}],
    [{"LEMMA": {"IN": ["be", "remain"]}}, _STILL, {"LOWER": "to"}, {"LOWER": "be"},
     {"LOWER": {"IN": ["decided", "determined", "announced", "confirmed", "settled", "resolved", "finalized", "finalised", "agreed", "set"]}}],
    [{"LOWER": "up"}, {"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "air"}],
    [{"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "balance"}],
    [{"LOWER": "anyone"}, {"LOWER": {"IN": ["'s", "’s"]}}, {"LOWER": "guess"}],
    [{"LOWER": "open"}, {"LEMMA": "question"}],
    [{"LOWER": "in"}, {"LOWER": {"IN": ["doubt", "question", "limbo"]}}],
]
_MATCHERS: dict[int, object] = {}


#: Words one of which every idiom above contains (lemma forms spelled out): a sentence without any is
#: not given to the Matcher, whose walk over every token cost more than the rest of this module.
_IDIOM_HINT = re.compile(
    r"\bto\s+be\s+\w|\bjury\b|\byet\s+to\b|\bremain|\b(impossible|hard|difficult|premature)\b|\bno\s+way\s+to\b"
    r"|\btoo\s+(early|soon)\s+to\b|\bup\s+in\s+the\s+air\b|\bin\s+the\s+balance\b|\bguess\b|\bopen\s+questions?\b"
    r"|\bin\s+(doubt|question|limbo)\b", re.I)


def _idiom(span, text: str | None = None):
    """The first fixed idiom of uncertainty in the span (whose text is `text`), or None."""
    if not _IDIOM_HINT.search(span.text if text is None else text):
        return None
    from spacy.matcher import Matcher

    vocab = span.doc.vocab
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        matcher = _MATCHERS[id(vocab)] = Matcher(vocab)
        matcher.add("UNCERTAIN_IDIOM", IDIOM_PATTERNS)
    found = sorted(matcher(span, as_spans=True), key=lambda m: (m.start, m.end))
    return found[0] if found else None


# "Asked whether ..., she said, 'We'll see.'": a question put and left unanswered.
_ASKED_UNANSWERED = re.compile(
    r"^\W*asked\b[^.?!]{0,250}?\b(said|replied|responded|answered|told)\b[^.?!]{0,40}?[\"“'‘]\s*(not going to|no comment|"
    r"i won['’]t|i will not|i can['’]t (say|tell|comment)|i cannot (say|tell|comment)|we['’]ll see|we will see|"
    r"it['’]s too (early|soon)|it is too (early|soon)|i don['’]t know|i do not know|not yet|that remains)", re.I)
# An answer that opens the next sentence: the question was asked in order to be answered.
_ANSWER = re.compile(r"^\W*(yes|no|nope|not (yet|really|at all|quite|exactly))\b[,.!;:—–-]|^\W*(because|the answer|"
                     r"it['’]?s because|it is because|it (is|was)(n['’]t| not) because|that['’]?s because|"
                     r"of course|absolutely|certainly|probably|perhaps|maybe|partly|nothing|none)\b", re.I)
# Questions asked for effect: "you might ask", "who cares?", "why should we pay?" (a protest, not a
# question), tag questions ("..., right?").
_RHETORICAL = re.compile(
    r"\byou (might|may|could|would) (ask|wonder|say)\b|^\W*(and |but |so )?why should\b|\bwho (cares|knows|would have (thought|believed|guessed|imagined))\b"
    r"|\bwhat do you expect\b|^\W*(and |but |so )?(do|does|did) (you|anybody|anyone|we) (know|remember|think|really)\b|\bwhy not\b|,\s*(right|no|eh|huh|isn['’]t it|don['’]t you think|wasn['’]t it)\s*\?\W*$", re.I)
# The writer or speaker frames what follows as the question: "The question is, ...", "Questions: ...".
_QUESTION_CUE = re.compile(r"\bquestions?\s+(is|was|remains|remained)\b\s*[,:]?|\bquestions?\s*:|\b(asks?|asked|wonders?|wondered)\s*:", re.I)


def extract_open_questions(doc, article: Article, actors: ActorIndex) -> list[OpenQuestion]:
    """Sentences that ask, or say that something is unresolved, each once."""
    return [OpenQuestion(text=p.text, paragraph=p.paragraph, actors=actors.names_in(p.start, p.end), source=article.path)
            for p in open_pieces(doc, article)]


def open_pieces(doc, article: Article) -> list[Piece]:
    """The sentences that are open questions (kept in the Doc's user_data: the outlook reads them too)."""
    key = ("briefgen.open", article.path, article.content_hash, len(doc))
    if key not in doc.user_data:
        doc.user_data[key] = _open_pieces(doc, article)
    return doc.user_data[key]


def _open_pieces(doc, article: Article) -> list[Piece]:
    ps = pieces(doc, article)
    quotes = {i: quote_regions(b.text) for i, b in enumerate(article.blocks)}
    offsets = article.block_offsets()
    out = []
    for k, p in enumerate(ps):
        if p.heading:
            continue
        nxt = ps[k + 1] if k + 1 < len(ps) else None
        base = offsets[p.block][0]
        regions = [(base + a, base + b) for a, b in quotes.get(p.block, [])]
        if is_open(p, nxt, regions, article.blocks[p.block].text):
            out.append(p)
    return out


def is_open(p: Piece, nxt: Piece | None, quotes: list[tuple[int, int]], paragraph: str) -> bool:
    """Whether one sentence asks an open question or states that something is unresolved."""
    if is_transcript(paragraph):
        return False  # an interview's questions are answered in it; its speakers argue
    if p.text.rstrip("\"'”’») ").endswith("?"):
        return direct_question(p, nxt, quotes, paragraph)
    if uncertainty(p.span, p.text):
        return True
    # Under "What's next?" / "What to watch", a sentence with an indirect question asks.
    return outlook_section(p.section) and any(t.lower_ in ("whether", "if") and t.dep_ == "mark" for t in p.span)


def direct_question(p: Piece, nxt: Piece | None, quotes: list[tuple[int, int]], paragraph: str) -> bool:
    """A sentence ending in '?' that is a real, unanswered question."""
    qmark = p.start + p.text.rstrip("\"'”’») ").rfind("?")
    inside = next(((a, b) for a, b in quotes if a <= qmark < b), None)
    cued = bool(_QUESTION_CUE.search(p.text))
    if p.text.count("?") > 1 and not cued or _RHETORICAL.search(p.text):
        return False
    clause = p.span
    if inside:
        # A question inside someone's longer speech belongs to that exchange (asked to be
        # answered, or rhetorical); only a quote that is the question alone, or one the
        # speaker frames as the question, is kept.
        a, b = inside
        alone = b <= qmark + 2 and not re.search(r"[.!?]\s", paragraph_text(p, a, qmark))
        if not (alone or cued):
            return False
        clause = p.span.doc.char_span(max(a, p.start), p.end, alignment_mode="expand") or p.span
    if not any(t.pos_ in ("VERB", "AUX") for t in clause):
        return False  # "Taxes?", "Why the delay?": the writer's device to introduce an answer
    if not cued and not interrogative(clause) or negative_question(clause):
        return False
    if nxt is not None and nxt.block - p.block <= 1 and _ANSWER.search(nxt.text):
        return False
    # A short question standing alone as a paragraph heads the answer that follows (Q-and-A style),
    # except in a "What to watch" section, where questions are listed for themselves.
    whole = paragraph.strip() == p.text.strip() and not cued and len(p.text.split()) <= 12
    return not whole or outlook_section(p.section) or nxt is None or nxt.block != p.block + 1 or nxt.text.rstrip().endswith("?")


def paragraph_text(p: Piece, start: int, end: int) -> str:
    """Text between two body offsets within the sentence's surroundings (without rebuilding Doc.text)."""
    doc = p.span.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text if span is not None else ""


def negative_question(span) -> bool:
    """'Why isn't this proof?', 'What outlet isn't taking sides?': a negated question expects agreement.

    Also a question the speaker puts to themself ('Why do I know?').
    """
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    for h in heads:
        for c in h.children:
            # "n’t" with a curly apostrophe is not always parsed as neg.
            if c.dep_ == "neg" or c.lower_ in ("n't", "n’t", "not", "never") or c.dep_ == "nsubj" and c.lower_ == "i":
                return True
    return False


def interrogative(span) -> bool:
    """Whether the clause has question word order: a wh-word or an auxiliary before the subject.

    "She can't win without help?" keeps declarative order: a rhetorical or echo question.
    """
    toks = [t for t in span if not t.is_punct]
    if not toks:
        return False
    if toks[0].lower_ in ("and", "but", "or", "so", "then") and len(toks) > 1:
        toks = toks[1:]
    if any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in toks[:6]):
        return True
    for t in toks:
        if t.dep_ in ("nsubj", "nsubjpass", "expl"):
            verb = t.head
            auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + ([verb] if verb.pos_ == "AUX" else [])
            return any(x.i < t.i for x in auxes)
    # No subject found (an elliptical question): trust the question mark.
    return True


def uncertainty(span, text: str | None = None) -> bool:
    """Whether a declarative sentence says something is not known, not told or not yet decided."""
    return bool(uncertainty_cue(span, text))


def uncertainty_cue(span, text: str | None = None) -> str:
    """The words that make a sentence say something is unresolved ('' when none): for tests and debugging.

    `text` is the span's text when the caller has it (Span.text rebuilds it token by token)."""
    if text is None:
        text = span.text
    idiom = _idiom(span, text)
    if idiom is not None:
        return idiom.text
    m = _ASKED_UNANSWERED.search(text)
    if m:
        return m.group(0)
    # Every rule of _uncertain_token starts from one of the cue lemmas: only those tokens are visited.
    doc = span.doc
    cues = indexes_of(doc, "LEMMA", _CUE_LEMMAS)
    for i in cues[bisect.bisect_left(cues, span.start):bisect.bisect_left(cues, span.end)]:
        t = doc[i]
        if _uncertain_token(t):
            return t.text
    return ""


def _uncertain_token(t) -> bool:
    lemma = t.lemma_.lower()
    finite = not (t.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in t.children))
    dep = _dep(t)
    if _conditional(t) or dep == "relcl":
        return False  # "if you don't know your rights", "firms that don't disclose": general, not open
    # "unknown to most people" says who does not know, not that nobody does.
    to_someone = any(c.dep_ == "prep" and c.lower_ == "to" for c in t.children) or t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"
    if lemma in UNCERTAIN and t.pos_ in ("ADJ", "VERB") and not to_someone and (dep != "amod" or _has_wh(t, preps=True) or _wh_follows(t)):
        return True
    if lemma in UNCERTAIN | UNCERTAIN_ABOUT and t.dep_ == "amod" and t.head.lemma_.lower() in ("question", "issue", "matter"):
        return True
    if lemma in UNCERTAIN_ABOUT and t.pos_ == "ADJ" and _has_wh(t, preps=True):
        return True
    if t.pos_ in ("ADJ", "VERB") and lemma in SETTLED and dep != "amod" and (_negated(t) or _negated(t.head, before=t.i) and t.dep_ in ("acomp", "attr")):
        # "not sure" and "not certain" say so of a person; only about something named they ask.
        return lemma not in ("sure", "certain") or _has_wh(t, preps=True)
    if t.pos_ in ("VERB", "AUX") and lemma in TELL | DISCLOSE and finite and not _speaker_aside(t):
        blocked = _negated(t) or _refused(t)
        if blocked and (lemma in DISCLOSE and _withheld(t) or _has_wh(t, infinitive=False)):
            return True
    if t.pos_ == "VERB" and lemma in INQUIRE and _has_wh(t) and (_ongoing(t, present=False) or _due(t)):
        return True
    if t.pos_ == "VERB" and lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children) and _negated(t):
        return True  # "has not ruled out a run": a possibility left open
    if t.pos_ == "VERB" and lemma in ASK and _has_wh(t) and _ongoing(t) and not _speaker_aside(t):
        return True
    if t.pos_ == "VERB" and lemma in ("depend", "hinge") and _has_wh(t, preps=True, words=("whether", "if")):
        return True
    if t.pos_ in ("NOUN", "PROPN") and lemma in QUESTION_NOUNS:
        return _open_noun(t)
    if t.pos_ == "NOUN" and lemma in ABSENT_NOUNS and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
        return True
    if t.pos_ == "VERB" and lemma in ("give", "provide", "offer", "set") and finite and (_negated(t) or _refused(t)):
        # "did not give a timeline", "declined to provide details"
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in WITHHELD_NOUNS for c in t.children)
    return False


_CUE_LEMMAS = frozenset(
    UNCERTAIN | UNCERTAIN_ABOUT | SETTLED | TELL | DISCLOSE | INQUIRE | ASK | QUESTION_NOUNS | ABSENT_NOUNS
    | {"rule", "depend", "hinge", "give", "provide", "offer", "set"}
)


def _open_noun(t) -> bool:
    """'the question is', 'questions remain', 'questions about whether', 'raise questions', 'key questions'."""
    lemma = t.lemma_.lower()
    head = t.head.lemma_.lower()
    if t.dep_ in ("poss", "compound") or any(c.dep_ == "det" and c.lower_ in ("no", "little") for c in t.children):
        return False  # "a reporter's question"; "there is no doubt that" says the opposite
    if t.dep_ in ("dobj", "pobj") and head in NOT_ASKING | {"to"} and lemma == "question":
        return False
    told = any(c.dep_ in ("attr", "ccomp", "acomp", "xcomp", "advcl", "punct") and c.i > t.head.i for c in t.head.children)
    if t.dep_ in ("nsubj", "nsubjpass") and told and (head == "be" and lemma == "question" or head in (
            "remain", "linger", "loom", "emerge", "persist", "arise", "surround", "swirl", "hang") and lemma != "debate"):
        return True
    if any(c.dep_ == "relcl" and c.lemma_.lower() in ("remain", "emerge", "linger", "persist") for c in t.children):
        return True
    if t.dep_ == "attr" and any(c.dep_ == "expl" for c in t.head.children):
        return True
    if t.dep_ == "attr" and head in ("remain", "be") and lemma in ("mystery", "unknown"):
        return True
    if t.dep_ == "dobj" and head in ("raise", "pose", "leave", "prompt", "spark", "fuel", "renew") and _ongoing(t.head) and not _personal_subject(t.head):
        return True
    if t.dep_ == "nsubjpass" and head in ("raise", "pose") and lemma == "question" and t.head.tag_ == "VBN" and \
            any(c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in t.head.children):
        return True  # "questions have been raised about ...": raised and still standing
    if any(c.dep_ == "amod" and c.lemma_.lower() in QUESTION_AMODS for c in t.children) and lemma == "question":
        return True
    if lemma == "debate":
        return _has_wh(t, preps=True, words=("whether", "if"))
    return lemma in ("speculation", "uncertainty", "doubt", "question") and _has_wh(t, preps=True)


def _wh_follows(t) -> bool:
    """'unclear on whether ...' in a headline, where the parser hangs the clause on the noun."""
    rest = " ".join(x.lower_ for x in t.doc[t.i + 1: t.i + 4])
    return bool(re.match(r"(on |about |over |as to )?(whether|if|how|who|what|when|why|where)\b", rest))


def _personal_subject(verb) -> bool:
    """A person or group raises questions as an accusation ('Trump is raising questions about ...')."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.lower_ in ("he", "she", "they", "we", "i"))


def _speaker_aside(t) -> bool:
    """'I wonder why ...', 'I don't know what he meant by it': a speaker's aside, not a reported open matter."""
    return any(c.dep_ == "nsubj" and c.lower_ == "i" for c in t.children)


def _withheld(t) -> bool:
    """The verb has something that stays untold: an object or a passive subject, not 'himself'."""
    for c in t.children:
        if c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "attr") and not c.lower_.endswith(("self", "selves")):
            return True
    return False


def _conditional(t) -> bool:
    """The word sits in an 'if'/'unless' clause: a condition, not a statement that something is open."""
    for a in [t, *t.ancestors]:
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in a.children):
            return True
    return False


def _negated(t, before: int | None = None) -> bool:
    """A negation on the word (before position `before`, when given), or on its subject ('nobody knows', 'no date was set')."""
    for c in t.children:
        if (c.dep_ == "neg" or c.lower_ == "never") and (before is None or c.i < before):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none", "nothing") or
                                                  any(d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither") for d in c.children)):
            return True
    return False


def _refused(t) -> bool:
    """The verb is what someone declined, refused or has yet to do."""
    h = t.head
    if t.dep_ in ("xcomp", "advcl", "ccomp") and h.lemma_.lower() in REFUSE:
        return True
    return t.dep_ == "xcomp" and any(c.lower_ == "yet" for c in h.children)


def _dep(t) -> str:
    """The dependency of a word, or of the first conjunct it is coordinated with ('deep and unresolved')."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_


def _has_wh(t, preps: bool = False, words=WH, infinitive: bool = True) -> bool:
    """The word governs a clause opened by whether, if or a wh-word ('say whether', 'questions about how')."""
    for c in t.children:
        # An advcl ("when ...", "if ...") is a time or a condition, unless it looks ahead with a modal,
        # as an indirect question does ("has not said when the talks will resume").
        ahead = c.dep_ == "advcl" and any(x.dep_ == "aux" and x.tag_ == "MD" for x in c.children)
        if ahead or c.dep_ in ("ccomp", "xcomp", "dobj", "acl", "csubj", "prep", "pcomp", "attr", "npadvmod") or preps and c.dep_ == "prep":
            sub = list(c.subtree)
            # The clause's first words: 'whether', 'if', 'how much', 'on whether', 'as to who'.
            first = [x for x in sub[:3] if not x.is_punct]
            # A bare wh-word child is the verb's own fronted object ("what he sees"), not a clause it governs.
            if any(x.lower_ in words for x in first) and c.dep_ != "relcl" and c.lower_ not in WH:
                # "told them what to say", "couldn't tell what to think of the plan": not an unknown fact.
                return infinitive or not any(x.lower_ == "to" for x in sub[1:4])
        if c.dep_ == "mark" and c.lower_ in ("whether", "if") and t.pos_ != "VERB":
            return True
    return False


def _due(t) -> bool:
    """An infinitive of what is due or expected: 'is expected to decide', 'will have to decide'."""
    return t.dep_ == "xcomp" and any(c.lower_ == "to" for c in t.children) and t.head.lemma_.lower() in (
        "expect", "plan", "schedule", "due", "set", "need", "have", "must", "likely", "poise")


def _ongoing(t, present: bool = True) -> bool:
    """Not past: future or progressive, a modal ('will decide', 'are weighing'), and the simple present if `present`."""
    if present and t.tag_ in ("VBZ", "VBP"):
        return True
    auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "must", "should", "may", "might", "'ll", "’ll") for a in auxes):
        return True
    if t.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return True
    return False
