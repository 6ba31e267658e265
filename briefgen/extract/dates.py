"""Dates: temporal expressions found by patterns and spaCy, resolved against the publication date."""
from __future__ import annotations

import bisect
import functools
import re

from briefgen.extract.quoted_days import speech_days
from briefgen.extract.spans import ParagraphMap
from briefgen.extract.timex_normalize import AHEAD, CLOCK, REJECT, duration, is_age, normalize, resolve_anaphora, resolve_clocks
from briefgen.extract.timex_patterns import HAS_YEAR, TEMPORAL_PREP
from briefgen.extract.timex_scan import scan
from briefgen.models import Article, DateMention

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "might", "may", "should", "must", "can", "ca"}
# Verbs of planning put the date of the infinitive they govern ahead ("decided to admit them in March").
_PLAN_VERBS = {"plan", "schedule", "expect", "due", "decide", "agree", "intend", "aim", "hope", "promise",
               "vow", "threaten", "prepare", "want", "propose", "invite", "urge", "slate", "set"}
# Adjectives of a time ahead before an infinitive: "is due to", "are set to", "is poised to".
_AHEAD_ADJS = {"due", "set", "poised", "likely", "unlikely", "bound", "expected", "scheduled", "slated", "ready", "about"}
_SAY_VERBS = {"say", "tell", "report", "state", "add", "note", "claim", "write"}
# Verbs whose object is an event with a time of its own: the date they carry is that event's, ahead
# ("has scheduled the final for Thursday", "talks set for April", "planned a march on Sunday").
_SCHEDULE_VERBS = {"plan", "schedule", "slate", "set", "reschedule"}
# Verbs that push something later: "postponed until Tuesday", "extended the deadline to Friday".
# Modifiers that put a noun's event ahead, whatever the sentence's tense.
_AHEAD_MODS = {"upcoming", "forthcoming", "planned", "scheduled", "slated", "proposed"}
# Participles of expectation after their noun: the noun's event is expected, not done ("a verdict expected in May").
_EXPECT_VERBS = {"expect", "anticipate", "forecast", "predict"}
# Dependencies of a noun: a "verb" found there is a mistagged noun ("drives", "plans", "talks").
_NOUN_SLOTS = {"nsubj", "nsubjpass", "dobj", "pobj", "compound", "poss"}
_DEFER_VERBS = {"postpone", "delay", "defer", "adjourn", "extend", "reschedule"}
_PASSABLE = {"ADP", "CCONJ", "SCONJ", "PUNCT", "ADV", "PART", "DET", "NUM"}
_TIME_NOUNS = {"a.m.", "p.m.", "am", "pm", "morning", "afternoon", "evening", "night", "noon", "midnight", "est", "edt", "gmt"}
_NOT_DATE_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "PERSON", "ORG", "PRODUCT", "LAW", "WORK_OF_ART"}


def verb_tense(verb, depth: int = 0) -> str | None:
    """'past', 'future', 'present' or None for a verb token, from its tag, auxiliaries and (for infinitives)
    its head. 'present' is a plain present simple, a schedule when a day hangs on it ("travels on Sunday"),
    a weaker cue than will, a progressive or a plan (see AHEAD)."""
    aux = [k for k in verb.children if k.dep_ in ("aux", "auxpass")]
    if any(k.lower_ in _FUTURE_AUX for k in aux) or verb.lower_ in _FUTURE_AUX:
        return "future"
    if verb.dep_ in _NOUN_SLOTS and verb.tag_ in ("VBZ", "VBP", "VBD") and not aux:
        return None  # a noun tagged as a verb, in a noun's place: "Vaccination drives in the 2000s brought ..."
    if verb.tag_ == "VB" and not aux and verb.dep_ in ("ROOT", "ccomp", "conj") and any(k.dep_ == "nsubj" for k in verb.children):
        # a present with its subject tagged as a base form: "The changes take effect from April 1"
        return "present" if verb.lemma_ not in _SAY_VERBS else None
    if any(k.lower_ == "to" for k in aux) or verb.tag_ == "VB":
        # an infinitive takes its time from the verb it completes: "decided to admit in March" is ahead
        head = verb.head
        if head.pos_ == "ADJ" and head.lemma_ in _AHEAD_ADJS and head.head.lemma_ == "be" and head.head.tag_ in ("VBZ", "VBP"):
            return "future"  # "is due to brief the council on March 20", "are set to vote on Friday"
        if head.i == verb.i or depth > 3 or head.pos_ not in ("VERB", "AUX"):
            return None
        if head.lemma_ in _PLAN_VERBS:
            return "past" if any(k.lower_ in ("had", "'d") for k in head.children) else "future"
        if (t := verb_tense(head, depth + 1)) in AHEAD:
            return t
        return None  # "subpoenaed him to testify on Feb. 10": after the head's time, but not told when
    if verb.tag_ == "VBN" and verb.lemma_ in _PLAN_VERBS and any(k.lemma_ == "be" for k in aux) and \
            not any(k.lower_ in ("had", "'d") for k in aux):
        return "future"  # "was planned for early March"
    if verb.tag_ == "VBN" and verb.lemma_ in _EXPECT_VERBS and verb.dep_ == "acl" and not aux:
        return None  # "a ruling expected by the end of June": ahead of its clause, which may be past; the nearer wins
    if verb.lemma_ in _SCHEDULE_VERBS and verb.tag_ in ("VBN", "VBD") and \
            (verb.lemma_ != "set" or any(k.lower_ in ("for", "to") for k in verb.children)):
        # the date is the scheduled event's: ahead of a present perfect ("has scheduled the final
        # for Thursday"); after a past plan or a bare participle it may have come and gone ("planned
        # to vote on Friday", "a rally planned for Sunday was called off"): unknown, the nearer wins
        if any(k.lemma_ == "have" and k.tag_ in ("VBZ", "VBP") for k in aux):
            return "future"
        if not aux:
            return None
    if verb.tag_ == "VBD" or any(k.tag_ == "VBD" for k in aux):
        return "past"
    if verb.tag_ == "VBN":
        if any(k.lemma_ == "be" and k.tag_ in ("VBZ", "VBP") for k in aux):
            return "future"  # "is scheduled for March"
        if any(k.tag_ == "MD" for k in aux):
            return None  # "could be freed", like "could arrive": a modal without a fixed time
        if not aux and depth < 3 and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i and \
                verb.head.pos_ in ("VERB", "AUX") and not _reduced_relative(verb) and \
                verb_tense(verb.head, depth + 1) in AHEAD:
            return "future"  # "will go to Vilnius, followed by Brussels on December 4"
        return "past"  # present perfect, or a participle: "a bill approved in February"
    if verb.tag_ == "VBG" and any(k.lemma_ == "be" and k.tag_ in ("VBZ", "VBP") for k in aux):
        return "future"  # "are meeting on Friday"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in _SAY_VERBS:
        return "present"  # news present with a date is a schedule: "travels to Ethiopia on Sunday"
    return None


def _reduced_relative(verb) -> bool:
    """A participle just after 'noun ,' describes that noun's own, finished event ('the ruling, issued Monday')."""
    i = verb.i
    return i >= 2 and verb.doc[i - 1].is_punct and verb.doc[i - 2].pos_ == "NOUN"


_BEHIND = re.compile(r"(?i)^(?:(?:early|late|mid)[- ])?(?:earlier|last|yesterday|this past|the past)\b|\bago$")
_AHEAD_WORDS = re.compile(r"(?i)^(?:(?:early|late|mid)[- ])?(?:next|tomorrow|the coming|later this)\b")


def _deictic_direction(text: str) -> str | None:
    """'past' or 'future' for an expression whose own words say which way from publication it lies
    ("earlier this month", "two weeks ago", "next Tuesday", "later this year"), whatever its clause's parse."""
    if _BEHIND.search(text):
        return "past"
    if _AHEAD_WORDS.search(text):
        return "future"
    return None


def _limit_cue(doc, span) -> str | None:
    """'soon' for 'as soon/early as' before the date, 'until' for until/till, 'since' for since (a few
    tokens back allowed: 'until 8 p.m. Sunday')."""
    words = [t.lower_ for t in doc[max(0, span.start - 4):span.start]]
    for j in range(len(words) - 1, -1, -1):
        if words[j] in ("until", "till"):
            return "until"
        if words[j] == "since":
            return "since"
        if words[j] == "as" and j >= 2 and words[j - 2] == "as" and words[j - 1] in ("soon", "early"):
            return "soon"
    return None


def _forward(tense: str | None, verb, cue: str | None) -> str | None:
    """A limit ahead of the clause's time: 'could come as early as Tuesday', 'has given them until Friday',
    'postponed until Tuesday'; a plain past ('stayed until Tuesday') keeps its tense, and so does any
    other 'until'."""
    if cue is None:
        return tense
    if cue == "until":
        # "postponed until Tuesday", "has given them until Friday"; a gerund under a past verb
        # ("kept going until 2 a.m. Friday") has no tense of its own and stays unknown
        perfect = verb.tag_ == "VBN" and any(k.lemma_ == "have" and k.tag_ in ("VBZ", "VBP") for k in verb.children)
        return "future" if verb.lemma_ in _DEFER_VERBS or perfect else tense
    return "future" if tense != "past" else tense


def governing_tense(doc, start: int, end: int) -> str | None:
    """Tense of the verb the expression hangs on; None when a noun comes between (a 'meeting in March')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if (direction := _deictic_direction(span.text)) is not None:
        return direction
    cue = _limit_cue(doc, span)
    if cue == "since":
        return "past"  # "remains closed since March": a start behind the clause's time, whatever its tense
    tok, prev = span.root.head, span.root
    possessive = span.root.dep_ == "poss" and tok.i != span.root.i and tok.pos_ in ("NOUN", "PROPN")
    if possessive:
        # "Monday's debate will be the first": the day is the possessed event's, and that event is an
        # argument of its clause, so the clause's tense tells whether it is ahead; a further noun still stops
        tok, prev = tok.head, tok
    # a bare day hanging on a noun ("meet for the first of three debates Monday", "a report last week")
    # is the clause's time adverbial, attached low by the parser: common nouns on the way to the verb do not
    # stop it; a name does ("RAMALLAH, West Bank, Dec. 5 —" is a dateline, not the next clause's time)
    adverbial = span.root.dep_ == "npadvmod" and span.root.head.pos_ in ("NOUN", "ADJ")
    seen = 0
    subject = False  # passed through the subject the date's preposition hangs on ("Floods in September killed 54")
    while seen < 8:
        seen += 1
        if tok.pos_ in ("VERB", "AUX"):
            tense = _forward(verb_tense(tok), tok, cue)
            # "Monday's ruling is a setback": a present said of the possessed event is not its schedule
            return None if (possessive or subject) and tense == "present" else tense
        # a noun reached through a preposition and itself under a verb's preposition is a frame
        # ("at some point in late February"); a noun the date modifies is not ("the 1990 law")
        frame = prev.pos_ == "ADP" and tok.dep_ == "pobj" and tok.pos_ == "NOUN" and tok.head.dep_ == "prep" \
            and tok.head.head.pos_ in ("VERB", "AUX")
        if tok.pos_ == "NOUN" and any(k.dep_ == "amod" and k.lower_ in _AHEAD_MODS for k in tok.children):
            return "future"  # the noun's own time: "the upcoming elections in May", "the slated opening in June"
        # the subject's own event, in a clause told in the past or ahead, is told in that tense: "Floods in
        # September killed 54", "Elections in May will decide"; a present ("Talks in March are key") says nothing
        if prev.pos_ == "ADP" and prev.i == span.root.head.i and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") \
                and not subject and not possessive:
            subject = True
        elif tok.pos_ not in _PASSABLE and tok not in span and tok.lower_ not in _TIME_NOUNS and not frame and \
                not (adverbial and tok.pos_ in ("NOUN", "ADJ", "PRON")):
            return None
        if tok.head.i == tok.i:
            return None
        tok, prev = tok.head, tok
    return None


# "today", "this week", "now": with a present they tell what is so now ("the problems of politics today"),
# not a schedule
_NOW = re.compile(r"(?i)(?:today|tonight|this|now)\b")


def looks_ahead(doc, start: int, end: int, text: str) -> bool:
    """Whether the clause of the date at start:end tells it as ahead: a future, or a present of schedule
    (not a present with "today" or "this year", which tells what is so now)."""
    tense = governing_tense(doc, start, end)
    return tense == "future" or tense == "present" and not _NOW.match(text)


def extract_dates(doc, article: Article) -> list[DateMention]:
    """Every temporal expression with its ISO value (null where it names no calendar time)."""
    text = article.text  # the Doc was made from this string; Doc.text would rebuild it token by token
    pmap = ParagraphMap(article)
    pub = article.published
    ents = sorted((e.start_char, e.end_char, e.label_) for e in doc.ents)
    starts = [s for s, _, _ in ents]

    def ent_at(s: int, e: int) -> str | None:
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and ents[i][0] <= s and e <= ents[i][1]:
            return ents[i][2]
        return None

    cands = scan(text)
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int]] = []
    deictic: dict[tuple[int, int], str] = {}  # today, tomorrow ...: (start, end) -> rule
    found: list[tuple[int, int, str | None, str | None]] = []
    for s, e, _, name in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        label = ent_at(s, e)
        if name in ("month", "year") and label != "DATE" and not _cued(text, s, e, name):
            continue
        if label in _NOT_DATE_ENTS and name in ("month", "year", "years", "weekday"):
            continue  # "May" as a name, "2000" as a count
        if name == "month" and _MARCH_NAME.match(text, s, e + 40) and not _MONTH_CUE.search(text, max(0, s - 20), s):
            taken.append((s, e))  # a march, not a month: left out, spaCy's DATE label included
            continue
        if name in _SETTABLE and (_EVERY_BEFORE.search(text, max(0, s - 20), s) or _EVERY_AFTER.match(text, e, e + 30)):
            taken.append((s, e))  # a recurring time (TimeML's SET): "every Friday", "each March", on no one day
            found.append((s, e, None, None))
            continue
        if name == "relday" and _generic_today(text, s, e):
            taken.append((s, e))
            found.append((s, e, None, None))
            continue
        if name == "season" and not re.search(r"(?i)\b(?:this|last|next|coming|past)\b|\d", text[s:e]) and \
                (not _SEASON_CUE.search(text, max(0, s - 30), s) or text.startswith(" of ", e)):
            continue  # a bare season word needs a preposition of time before it ("in the spring"), and is not "the fall of ..."
        res = normalize(name, text[s:e], pub, functools.partial(governing_tense, doc, s, e))
        if res is REJECT:
            continue
        if res[0] is CLOCK:
            res = _bare_clock(text, s, pub)
        taken.append((s, e))
        found.append((s, e, *res))
        if name == "relday" or name == "clock" and _DEICTIC.search(text, s, e):
            deictic[(s, e)] = name
    # inside a quote whose day of speaking the story tells, "tomorrow" counts from that day
    if said := speech_days(doc, article, found, set(deictic)):
        found = [(s, e, *normalize(deictic[(s, e)], text[s:e], said[(s, e)], lambda: None)) if (s, e) in said
                 else (s, e, v, mod) for s, e, v, mod in found]
    # spaCy's DATE spans the patterns missed: durations and vaguer expressions, no calendar value.
    for s, e, label in ents:
        if label == "DATE" and not any(s < te and ts < e for ts, te in taken) and not is_age(text[s:e]):
            found.append((s, e, duration(text[s:e]), None))
    found = resolve_anaphora(sorted(found))
    sent_starts = [sent.start_char for sent in doc.sents]
    found = resolve_clocks(found, lambda i: bisect.bisect_right(sent_starts, i), pmap.index, pub)
    return [DateMention(text=text[s:e], value=v, mod=mod, paragraph=pmap.index(s), start=s, end=e)
            for s, e, v, mod in found]


_SEASON_CUE = re.compile(r"(?i)\b(?:in|by|during|over|until|till|before|after|through|throughout|from|for)\s+(?:the\s+)?"
                         r"(?:(?:early|late|mid)[- ]?)?$")
_DEICTIC = re.compile(r"(?i)\b(?:today|tonight|tomorrow|yesterday)\b")
_SETTABLE = {"weekday", "month", "days", "holiday", "season", "clock"}
_EVERY_BEFORE = re.compile(r"(?i)\b(?:every|each)(?: other| single)? $")
_EVERY_AFTER = re.compile(r"(?i) (?:of|in) (?:every|each) (?:week|month|year)\b")

# A bare time that opens a sentence or follows a colon, with no preposition, is a heading: the time stamp of
# a live report ("(all times EDT): 7 p.m. The senator said ..."), on the publication day, whatever day its
# sentence then tells about. After "a", "every", "each" or a plural of days it is a recurring or
# hypothetical time ("a 3 a.m. call", "weekdays from 6 a.m."), on no calendar day.
_STAMP_BEFORE = re.compile(r"(?:^|[:.!?_]|\n)\s*$")
_GENERIC_CLOCK_BEFORE = re.compile(r"(?i)(?:\b(?:an?|every|each)\s+|\b(?:daily|nightly|weekdays|weeknights|mornings|evenings|"
                                   r"nights|(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b[^.;:]{0,12})$")


def _bare_clock(text: str, s: int, pub) -> tuple:
    """(value, mod) of a time written without its day: CLOCK (resolved later from the dates around it),
    the publication day for a time stamp, None for a recurring or hypothetical time."""
    if _GENERIC_CLOCK_BEFORE.search(text, max(0, s - 30), s):
        return None, None
    if _STAMP_BEFORE.search(text, max(0, s - 4), s):
        return (pub.isoformat() if pub else None), None
    return CLOCK, None


# "the annual March for Life", "the March on Washington": a named march, not the month. A capitalized
# name follows, and no temporal preposition comes before ("in March for talks", "in March on Capitol
# Hill", "until March against ..." stay months)
_MARCH_NAME = re.compile(r"March (?:for|on|of|against) (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                         r"(?:the )?[A-Z][a-z]")
_MONTH_CUE = re.compile(r"(?i)\b(?:in|on|since|by|until|till|before|after|from|through|during|early|late|mid|last|next|this|"
                        r"of|to|and|or|between|around|every|each|until|for)[\s-]*$")

# "today" meaning nowadays (TimeML's PRESENT_REF, no calendar day): "today's youth", "the world of today"
# — nouns of a people, a society or an era, not of an event ("today's vote" is a day)
_GENERIC_NOUNS = (r"(?:youth|young|world|society|societies|generation|children|kids|teenagers|students|parents|families|"
                  r"people|women|men|consumers|workers|voters|culture|standards|technology|economy|era|age|life|lifestyle)")
_GENERIC_AFTER = re.compile(rf"['’]s (?:(?:young|modern|global|\w+ed|\w+ing) )?{_GENERIC_NOUNS}\b", re.I)
_GENERIC_BEFORE = re.compile(rf"\b{_GENERIC_NOUNS} of $", re.I)


def _generic_today(text: str, s: int, e: int) -> bool:
    if text[s:e].lower() != "today":
        return False
    return bool(_GENERIC_AFTER.match(text, e, e + 60) or _GENERIC_BEFORE.search(text, max(0, s - 30), s))


def _cued(text: str, s: int, e: int, name: str) -> bool:
    """Whether a bare month or year has a temporal cue: a preposition before it, a year after it."""
    phrase = text[s:e]
    if name == "month" and (HAS_YEAR.search(phrase) or " " in phrase or "-" in phrase):
        return True  # "January 1998", "last October", "mid-February"
    if name == "year" and not phrase[:1].isdigit():
        return True  # "mid-1990", "the end of 2008"
    return bool(TEMPORAL_PREP.search(text[max(0, s - 20):s]))
