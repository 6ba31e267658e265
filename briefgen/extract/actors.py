"""Actors: named entities merged under one canonical name each, with kind, role, mentions and a rank.

spaCy's entities are the candidates. Each is cleaned (leading "the", possessive,
courtesy title), junk is dropped, and forms are merged with a union-find over:
country names, demonyms and capitals (aliases.places), person surnames, acronyms
(by initials or a parenthesis), shorter contained organization names, and
singular/plural group names. The forms are then matched again where the model
missed them. Each mention keeps a weight from its syntax (an agent counts more than
a place named as a location) for the ranking.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from briefgen.extract import aliases, nicknames, roles
from briefgen.extract.spans import ParagraphMap, dateline_end, token_at
from briefgen.extract.tokens import indexes_of
from briefgen.extract.speaker_nouns import (DOCUMENT_NOUNS, INSTITUTION_NOUNS, PERSON_NOUN_SET, RESEARCH_STAFF,
                                            is_person_noun)
from briefgen.models import Actor, Article, Quote

LABEL_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "NORP": "group", "FAC": "place"}
PRONOUNS = {"i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them", "his", "hers", "its",
            "our", "their", "this", "that", "these", "those", "who", "whom"}
#: Calendar words the small model sometimes labels as an organization or place.
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
#: Acronyms of common nouns the model sometimes takes for a body or a place ("AI chip sales", "GDP").
COMMON_ACRONYMS = {"ai", "gdp", "ipo", "ev", "evs", "ceo", "cfo", "coo", "cto", "vat", "lng", "gps", "dna", "esg",
                   "atm", "suv", "suvs", "5g", "4g", "fx"}
#: Prepositions that put a place as the setting of an event rather than a participant.
LOCATIVE = {"in", "at", "near", "inside", "within", "across", "throughout", "around", "into", "to", "from", "outside"}
SPEECH_LEMMAS = {"say", "tell", "note", "add", "claim", "state", "write", "ask", "explain", "declare", "insist",
                 "warn", "announce", "report", "accuse", "deny", "urge", "call", "argue", "confirm", "reply", "respond"}
#: Nouns that make a person or country named before them into an organization ("the Abbas government").
GOVERNMENT_NOUNS = {"government", "administration", "cabinet", "regime"}
_QUOTED = re.compile(r"[“\"][^”\"\n]{3,}?[”\"]")
#: "inter-Palestinian", "anti-American" are adjectives, "D-Newport News" a party and home town: not actors
_AFFIX = re.compile(r"^([a-z]+|[A-Z])-")
_MARKUP = re.compile(r'[<>="{}|/]')


@dataclass
class _Mention:
    start: int
    end: int
    form: str
    label: str
    dep: str = ""
    head_lemma: str = ""
    modifier: bool = False  # a compound or adjective modifying another noun ("Hamas delegation")
    in_quote: bool = False
    speaker: bool = False  # subject of a verb of saying
    paragraph: int = 1


@dataclass
class ActorIndex:
    """Actors of one article and where each is mentioned (character spans of the body)."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict, repr=False)
    speakers: set[str] = field(default_factory=set, repr=False)
    first_offset: dict[str, int] = field(default_factory=dict, repr=False)
    adjectival: set[str] = field(default_factory=set, repr=False)  # groups named only as modifiers ("Pakistani officials")
    _forms: dict[str, str] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)

    def _sorted(self) -> None:
        if len(self._starts) != len(self.mentions):
            self.mentions.sort()
            self._starts = [s for s, _, _ in self.mentions]

    def name_at(self, start: int, end: int) -> str | None:
        """Canonical name of the mention overlapping [start, end)."""
        self._sorted()
        i = bisect.bisect_left(self._starts, end)
        # mentions are short and do not overlap, so only the few before `end` can reach into the range
        for s, e, name in reversed(self.mentions[max(0, i - 8):i]):
            if s < end and start < e:
                return name
        return None

    def names_in(self, start: int, end: int) -> list[str]:
        """Canonical names mentioned inside [start, end), in order, once each."""
        self._sorted()
        seen: list[str] = []
        for s, e, name in self.mentions[bisect.bisect_left(self._starts, start):]:
            if s >= end:
                break
            if e <= end and name not in seen:
                seen.append(name)
        return seen

    def lookup(self, text: str) -> str | None:
        """Canonical name for a surface form."""
        t = text.strip()
        if t in self.actors:
            return t
        k = aliases.key(_clean_text(t))
        if k in self._forms:
            return self._forms[k]
        # a surname the text has not used alone yet: the one person whose name ends with it
        people = [a.name for a in self.actors.values()
                  if a.kind == "person" and aliases.is_token_suffix(k.split(), aliases.key(a.name).split())]
        return people[0] if len(people) == 1 else None

    resolve = lookup

    def by_role(self, noun: str) -> list[str]:
        """Canonical names whose role contains the word `noun` ('minister', 'spokesman')."""
        n = noun.lower()
        return [a.name for a in self.actors.values() if a.role and n in a.role.lower().split()]


def _clean_text(t: str) -> str:
    t = t.strip()
    first, _, rest = t.partition(" ")
    if rest and (first.lower() == "the" or first.lower() in roles.HONORIFICS):
        t = rest
    for suffix in ("’s", "'s", "’", "'"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    return t.strip()


def _clean(ent):
    """The entity's tokens without a leading article or courtesy title and trailing possessive or punctuation."""
    toks = list(ent)
    # a span across a line break (headline into outlet line, heading into paragraph): keep its longest line
    if any(t.is_space or "\n" in t.whitespace_ for t in toks[:-1]):
        parts, cur = [], []
        for t in toks:
            if not t.is_space:
                cur.append(t)
            if t.is_space or "\n" in t.whitespace_:
                parts.append(cur)
                cur = []
        parts.append(cur)
        toks = max(parts, key=len)
    # an acronym the model ran into the name: "Federal Bureau of Investigation (FBI" ends before its parenthesis
    for j in range(1, len(toks)):
        if toks[j].text == "(":
            toks = toks[:j]
            break
    while toks and (toks[0].lower_ in ("the", "a", "an") or toks[0].lower_ in roles.HONORIFICS or toks[0].is_punct):
        toks = toks[1:]
    # an owner before the name: "the Green Party's Jill Stein", "Chile's Ana Rojas" name the person after the 's
    # (a one-word owner must be a country: "People's Liberation Army" is one name)
    for j in range(1, len(toks) - 2):
        if toks[j].tag_ == "POS" and all(t.is_title for t in toks[j + 1:]) and (
                j >= 2 or aliases.place_of(toks[0].text)):
            toks = toks[j + 1:]
            break
    if ent.label_ == "PERSON":
        while len(toks) > 1 and toks[0].lower_ in roles.TITLES:
            toks = toks[1:]
    else:
        # a name does not run on into lowercase words ("Council on the mission"): cut before them
        for j in range(1, len(toks)):
            if toks[j].is_lower and toks[j].pos_ in ("ADP", "DET") and any(
                    t.is_lower and t.pos_ in ("NOUN", "VERB") for t in toks[j + 1:]):
                toks = toks[:j]
                break
    while toks and (toks[-1].tag_ == "POS" or toks[-1].text in ("'s", "’s", "’", "'") or toks[-1].is_punct):
        toks = toks[:-1]
    if ent.label_ == "ORG":
        # "Boeing Co.", "JPMorgan Chase & Co": the company under the name the text mostly uses
        while len(toks) > 1 and (toks[-1].text.rstrip(".") in _CORPORATE or toks[-1].text == "&"):
            toks = toks[:-1]
    return toks


#: Legal-form words after a company's name.
#: (Not "Corporation": "British Broadcasting Corporation" is no "British Broadcasting"; not "AG": "Texas AG".)
_CORPORATE = frozenset({"Co", "Corp", "Inc", "Ltd", "plc", "PLC", "LLC", "S.A", "N.V", "GmbH"})


def _speaks(root) -> bool:
    """Whether a name is the subject of a speech verb or names whose spokesperson speaks."""
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in SPEECH_LEMMAS:
        return True
    return root.dep_ in ("compound", "poss") and head.lemma_ in ("spokesman", "spokeswoman", "spokesperson")


def _junk(toks, text: str) -> bool:
    if not toks:
        return True
    low = text.lower()
    if len(text) < 2 or low == text:  # no capital letter (and so no letter at all, or a lowercase phrase)
        return True
    if low in PRONOUNS or low in CALENDAR or low in COMMON_ACRONYMS or "n't" in low or "n’t" in low or text[0] in "'’":
        return True
    if (_MARKUP.search(text) and not nicknames.plain(text)) or _AFFIX.match(text):
        return True
    if all(t.like_num or not t.is_alpha for t in toks) or all(t.pos_ == "PRON" for t in toks):
        return True
    return False


def _common_word(tok, body: str) -> bool:
    """A capitalized word opening a sentence that the text also writes in lowercase, and never capitalized
    inside a sentence: a common noun the model took for a name ("Deficit hawks warned ..." beside "the deficit")."""
    w = tok.text
    # a quotation opening a sentence starts one too: "“Aspirin is for ...”"
    opens = tok.is_sent_start or (tok.i > 0 and tok.nbor(-1).text in ("“", '"', "‘") and tok.nbor(-1).is_sent_start)
    if not (opens and w.isalpha() and w.istitle() and len(w) > 2):
        return False
    low = w.lower()
    return re.search(rf"\b{low}\b", body) is not None and re.search(rf"[a-z,;:] {w}\b", body) is None


#: Every credit line the matcher below can find contains one of these (a cheap test that skips most
#: articles): a byline's "By" opens a sentence, so it follows the start of the text, a line break or
#: the punctuation that ends a sentence.
_CREDIT_HINT = re.compile(r"contribut|(?:reporting|writing|editing|compiled)\s+by|(?:^|[\n.!?:;\"“”'’)\]]\s*)by\s", re.IGNORECASE)
_CREDIT_MATCHERS: dict[int, object] = {}


def _credit_matcher(vocab):
    """The credit-line Matcher for this vocabulary, built once per process."""
    m = _CREDIT_MATCHERS.get(id(vocab))
    if m is None:
        from spacy.matcher import Matcher

        m = Matcher(vocab)
        m.add("CREDIT", [
            [{"LEMMA": "contribute"}, {"LOWER": "to"}, {"LOWER": {"IN": ["this", "the"]}}, {"LOWER": {"IN": ["report", "story", "article"]}}],
            [{"LOWER": {"IN": ["reporting", "writing", "editing", "compiled"]}}, {"LOWER": "by"}],
        ])
        # a byline: a short line "By NAME ..." (a longer sentence opening with "By" is news: "By Friday, ...")
        m.add("BYLINE", [[{"LOWER": "by", "IS_SENT_START": True}, {"ENT_TYPE": "PERSON"}]])
        _CREDIT_MATCHERS[id(vocab)] = m
    return m


def _byline_ranges(doc, article: Article, text: str) -> list[tuple[int, int]]:
    """Character ranges of credit lines ('X contributed to this report', 'Reporting by X')."""
    if not _CREDIT_HINT.search(text):
        return []
    m = _credit_matcher(doc.vocab)
    blocks = [(s, e) for s, e, _ in article.block_offsets()]
    starts = [s for s, _ in blocks]
    out = []
    for match_id, s, _e in m(doc):
        sent = doc[s].sent
        lo, hi = sent.start_char, sent.end_char
        if blocks:  # the parser may run a sentence on across a blank line: stay within the paragraph
            b = blocks[max(0, bisect.bisect_right(starts, doc[s].idx) - 1)]
            lo, hi = max(lo, b[0]), min(hi, b[1])
        if doc.vocab.strings[match_id] == "BYLINE" and len(text[lo:hi].split()) > 12:
            continue
        out.append((lo, hi))
    return out


def _dateline_ranges(article: Article) -> list[tuple[int, int]]:
    """The place words of a dateline in the article's first paragraphs: where the story was filed, not an actor."""
    out = []
    for s, _e, b in article.block_offsets()[:6]:
        end = dateline_end(article.text, s)
        if end > s:
            out.append((s, end))
    return out


def _phrase_matches(doc, phrases: dict[tuple[str, ...], str]) -> list[tuple[str, int, int]]:
    """(name, start, end) token ranges whose words are one of `phrases`, ordered as spaCy's PhraseMatcher
    orders them (by start, then end).

    Written by hand: a PhraseMatcher needs a Doc built per phrase, and building some fifty of them for
    each article cost more than the matching itself; comparing the tokens' ORTH hashes costs little.
    """
    import numpy
    from spacy.attrs import ORTH

    strings = doc.vocab.strings
    by_first: dict[int, list[tuple[tuple[int, ...], str]]] = {}
    for words, name in phrases.items():
        hashes = tuple(strings[w] for w in words)
        by_first.setdefault(hashes[0], []).append((hashes, name))
    if not by_first or not len(doc):
        return []
    orths = doc.to_array(ORTH)
    firsts = numpy.fromiter(by_first, dtype=orths.dtype, count=len(by_first))
    out = []
    for i in numpy.flatnonzero(numpy.isin(orths, firsts)).tolist():
        for hashes, name in by_first[int(orths[i])]:
            if tuple(orths[i:i + len(hashes)].tolist()) == hashes:
                out.append((name, i, i + len(hashes)))
    out.sort(key=lambda m: (m[1], m[2]))
    return out


def _find_all(text: str, char: str):
    i = text.find(char)
    while i >= 0:
        yield i
        i = text.find(char, i + 1)


class _Union:
    """Union-find over form keys; the representative is chosen afterwards."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, k: str) -> str:
        p = self.parent.setdefault(k, k)
        while p != self.parent[p]:
            self.parent[p] = self.parent[self.parent[p]]
            p = self.parent[p]
        self.parent[k] = p
        return p

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def _collect(doc, article: Article, pmap: ParagraphMap, skip: list[tuple[int, int]], quotes: list[tuple[int, int]]):
    """Cleaned entity mentions with their syntax, and the token indexes inside entities."""
    mentions: list[_Mention] = []
    spans = []
    ent_tokens: set[int] = set()
    outlet = aliases.key(article.outlet) if article.outlet else None
    lines = {s: b.text.strip() for s, _, b in article.block_offsets()} if outlet else {}
    body = article.text  # the Doc's text: a slice of it is a span's text, without a walk over its tokens
    ents = _split_titled_names(doc, _titled_given_names(doc, _join_particles(doc, nicknames.entities(doc, body))))
    things = _things(doc, body, ents)
    for ent in ents:
        ent_tokens.update(range(ent.start, ent.end))
        label = ent.label_
        if label in ("ORG", "GPE", "LOC") and _office_in_title(doc, ent):
            continue  # "Secretary of State", "Transportation Secretary": a department named in a title
        if things and ent.text in things:
            continue
        if label in ("ORG", "PERSON") and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "of" \
                and ent.root.head.head.lemma_.lower() in _PLACE_NOUNS:
            label = "GPE"  # "the southern city of Eilat"
        if label in ("GPE", "LOC", "PERSON") and _employer(ent.root) and not aliases.place_of(ent.text):
            label = "ORG"  # "analysts at Jefferies": a firm the model took for a place or a person
        if label == "PERSON" and len(ent) > 1 and any(c.dep_ == "relcl" and any(w.lower_ == "which" and w.dep_ in ("nsubj", "nsubjpass")
                                                              for w in c.children) for c in ent.root.children):
            label = "ORG"  # "Lockheed Martin, which makes the interceptors, said": people are "who"
        if label == "PRODUCT" and _speaks(ent.root):
            label = "ORG"  # "Shipping giant Maersk said", "a Maersk spokesperson": a company, not a product
        if label not in LABEL_KIND:
            continue
        toks = _clean(ent)
        if not toks:
            continue
        span = doc[toks[0].i: toks[-1].i + 1]
        nxt = span.end
        if label == "PERSON" and nxt < len(doc) and doc[nxt].lemma_ in GOVERNMENT_NOUNS and span.root.head.i == nxt:
            span, label = doc[span.start: nxt + 1], "ORG"  # "the Abbas government" acts as an organization
        start_char = span.start_char
        text = body[start_char:span.end_char]
        if _junk(toks, text) or (skip and any(s <= start_char < e for s, e in skip)):
            continue
        if len(toks) == 1 and _common_word(toks[0], body):
            continue
        if outlet and aliases.key(text) == outlet and lines.get(span.start_char) == text:
            continue  # an outlet line in the body is the outlet, not an actor
        root = roles.titled_name_head(span.root, span.start)  # "Secretary-General of NATO Jens Stoltenberg said"
        head = root.head
        mod = root.dep_ in ("compound", "amod", "nmod") and not (span.start <= head.i < span.end) and head.ent_type_ == ""
        speaker = root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in SPEECH_LEMMAS and not any(
            c.dep_ == "prep" and c.lower_ in ("for", "on", "off") and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
            for c in head.children)  # "call for" is no speech; "reported on Wednesday" is
        if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            speaker = True
        i = bisect.bisect_right(quotes, (span.start_char, 10**9)) - 1
        in_quote = i >= 0 and quotes[i][0] <= span.start_char < quotes[i][1]
        mentions.append(_Mention(span.start_char, span.end_char, text, label, dep=root.dep_,
                                 head_lemma=head.lower_ if root.dep_ == "pobj" else head.lemma_, modifier=mod,
                                 in_quote=in_quote, speaker=speaker, paragraph=pmap.index(span.start_char)))
        spans.append(span)
    # a proper name the model missed, given in parentheses after the common noun it names: "the lower house (Sejm)"
    # (visited at the "(" characters of the text, not token by token: few articles have many)
    text = article.text
    for pos in _find_all(text, "("):
        paren = token_at(doc, pos)
        if paren is None or paren.text != "(" or paren.i + 2 >= len(doc):
            continue
        t = doc[paren.i + 1]
        if t.nbor(1).text == ")" and t.i not in ent_tokens and (
                t.pos_ == "PROPN" and t.is_title and t.i > 1 and t.nbor(-2).pos_ == "NOUN"):
            span = doc[t.i: t.i + 1]
            mentions.append(_Mention(span.start_char, span.end_char, t.text, "ORG", dep=t.dep_, head_lemma=t.head.lemma_,
                                     paragraph=pmap.index(span.start_char)))
            spans.append(span)
    # a body the model did not tag, named before the word for it or for its spokesperson: "Yemen's Houthi
    # movement said", "an IDF spokesperson said" (one word, not the end of a longer name: "Black Lives Matter")
    for i in indexes_of(doc, "LEMMA", _BODY_HEADS):
        head = doc[i]
        if head.pos_ != "NOUN":
            continue
        names = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_iob_ == "O"]
        if len(names) != 1 or names[0].i != i - 1:
            continue
        t = names[0]
        if not (t.is_upper and 2 <= len(t.text) <= 6 or t.is_title) or t.is_sent_start or not t.is_alpha \
                or t.lower_ in roles.TITLE_HEADS or any(a <= t.idx < b for a, b in skip) or (t.i > 0 and (doc[t.i - 1].pos_ == "PROPN" or doc[t.i - 1].is_title and doc[t.i - 1].pos_ not in ("DET", "PRON"))):
            continue
        span = doc[t.i: t.i + 1]
        if _junk([t], t.text) or _common_word(t, body):
            continue
        ent_tokens.add(t.i)
        mentions.append(_Mention(span.start_char, span.end_char, t.text, "ORG", dep="compound", head_lemma=head.lemma_,
                                 modifier=True, paragraph=pmap.index(span.start_char)))
        spans.append(span)
    return mentions, spans, ent_tokens


#: Words for a body or its voice, after the body's name: "the Houthi movement", "an IDF spokesperson".
_BODY_HEADS = frozenset({"movement", "militia", "spokesperson", "spokesman", "spokeswoman", "statement"})


#: Lowercase particles inside a surname: "Ursula von der Leyen", "Ahmad bin Ali", "Luis de la Fuente".
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "del", "della", "dos", "das",
                        "bin", "ibn", "al", "el", "ter", "ten", "zu", "y"})


def _join_particles(doc, ents: list) -> list:
    """A person's name the model cut at a particle: "Ursula von" + "der" + "Leyen" (as a place), "Sheikh
    Mohammed bin Abdulrahman" + "Al Thani", "von der" + "Leyen" alone: one PERSON span over the particles
    and the capitalized words after them (a name with a particle in it runs on to its last capitalized word)."""
    if not any((e.label_ == "PERSON" and any(t.lower_ in _PARTICLES for t in e[1:]))
               or (e.start > 0 and doc[e.start - 1].lower_ in _PARTICLES and doc[e.start - 1].is_lower) for e in ents):
        return ents
    from spacy.tokens import Span  # here: importing the extractors should not load spaCy

    out: list = []
    skip_to = -1
    for e in ents:
        if e.start < skip_to:
            continue
        if e.label_ == "PERSON" and any(t.lower_ in _PARTICLES for t in e[1:]) and "\n" not in doc[e.end - 1].whitespace_:
            end = _name_end(doc, e.end)
            if end > e.end:
                e = Span(doc, e.start, end, label="PERSON")
                skip_to = end
        elif e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC") and len(e) <= 2 and e[0].is_title:
            start = e.start
            while start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in _PARTICLES \
                    and "\n" not in doc[start - 1].whitespace_ and doc[start - 1].ent_iob_ == "O":
                start -= 1
            if start < e.start:  # "von der Leyen said": a surname with its particles
                e = Span(doc, start, e.end, label="PERSON")
        out.append(e)
    return out


def _titled_given_names(doc, ents: list) -> list:
    """A person's surname the model took for an organization or place, after a given name it did not tag
    and a title: "Lt. Col. [Nadav] Shoshani", "Gen. [Herzi] Halevi": one PERSON span from the given name."""
    from spacy.tokens import Span  # here: importing the extractors should not load spaCy

    out = []
    for e in ents:
        if e.label_ in ("ORG", "GPE", "NORP", "LOC") and len(e) == 1 and e[0].is_title and e.start > 0 \
                and doc[e.start - 1].is_title and doc[e.start - 1].ent_iob_ == "O" and not aliases.place_of(e.text):
            i = e.start
            while i > e.start - 2 and i > 0 and doc[i - 1].is_title and doc[i - 1].pos_ == "PROPN" \
                    and doc[i - 1].ent_iob_ == "O" and "\n" not in doc[i - 1].whitespace_ and not roles.title_word(doc[i - 1]):
                i -= 1
            j = i - 1
            if j > 0 and doc[j].text == ".":
                j -= 1  # "Col ." as the tokenizer splits it
            if i < e.start and j >= 0 and (roles.title_word(doc[j]) or doc[j].lower_.rstrip(".") + "." in roles.ABBREVIATIONS
                                           or doc[j].lower_ in roles.ABBREVIATIONS):
                out.append(Span(doc, i, e.end, label="PERSON"))
                continue
        out.append(e)
    return out


def _name_end(doc, end: int) -> int:
    """Where a name with a particle ends: past more particles and capitalized words outside other
    entities (or a one-word entity the model gave the surname alone), never across a line break; it ends
    on a capitalized word."""
    last = end
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_:
        t = doc[end]
        alone = t.ent_iob_ == "B" and (end + 1 >= len(doc) or doc[end + 1].ent_iob_ != "I")
        if t.lower_ in _PARTICLES and (t.is_lower or t.text in ("Al", "El", "Bin")):
            end += 1
            continue
        if t.is_title and t.pos_ == "PROPN" and (t.ent_iob_ == "O" or alone):
            end += 1
            last = end
            continue
        break
    return last


#: Nouns of a government body that names its portfolio either side: "Commerce Department", "Department of Commerce".
_BODY_NOUNS = frozenset({"department", "ministry", "office", "agency", "committee", "commission", "council", "bureau"})


def _body_key(words: list[str]) -> tuple[str, str] | None:
    """(country, portfolio and noun in one order) of a government body ("US Department of Commerce" ->
    ("United States", "commerce department")); the country is "" when none is written; None for other names."""
    low = [w.lower().replace(".", "") for w in words]
    country = ""
    while low and (place := aliases.place_of(low[0])):
        country = country or place[0]
        low = low[1:]
    if len(low) >= 3 and low[0] in _BODY_NOUNS and low[1] == "of":
        return country, " ".join(low[2:] + low[:1])
    if len(low) >= 2 and low[-1] in _BODY_NOUNS:
        return country, " ".join(low)
    return None


#: Nouns whose "of" names a place: "the city of Eilat", "the province of Kherson".
_PLACE_NOUNS = frozenset({"city", "town", "village", "port", "province", "region", "district", "county", "island",
                          "municipality", "governorate", "oblast", "enclave", "suburb", "neighbourhood", "neighborhood"})


#: Nouns for people who work for a body named after "at", "with" or "from": "analysts at Jefferies".
_EMPLOYEE_NOUNS = frozenset({"analyst", "economist", "strategist", "researcher", "scientist", "executive", "official",
                             "lawyer", "banker", "trader", "engineer", "employee", "spokesman", "spokeswoman",
                             "spokesperson", "director", "manager", "staff", "staffer", "officer",
                             "professor", "consultant", "head", "chief", "worker"})


def _employer(root) -> bool:
    """Whether a name is the object of "at", "with" or "from" after a word for its staff ("economists at X")."""
    # ("from" only after research staff: "officials from Kherson" come from a place)
    staff = root.head.head.lemma_.lower()
    return root.dep_ == "pobj" and staff in _EMPLOYEE_NOUNS and (
        root.head.lower_ in ("at", "with") or (root.head.lower_ == "from" and staff in RESEARCH_STAFF | {"researcher", "scientist"}))


#: Things someone makes or owns that name their maker: "a Bloomberg poll", "the Gallup survey".
_AUTHORED_NOUNS = frozenset({"poll", "survey", "study", "analysis", "interview", "show", "program", "programme",
                             "podcast", "book", "column", "op-ed", "editorial", "speech", "rally", "era", "plan",
                             "policy", "policies", "doctrine", "presidency", "tenure", "camp", "ally", "aide", "voter"})


def _things(doc, text: str, ents: list) -> set[str]:
    """Names of things, not actors, wherever the text writes them: a model designation after a number
    ("the 737 Max", "Max deliveries" then), a make only ever written before a noun ("Patriot
    interceptors"), a vehicle one rides "aboard" ("aboard Air Force One")."""
    out = set()
    if any(len(e) == 1 and e.label_ in ("PERSON", "ORG") for e in ents):
        # "the 737 Max" (the number hangs on the name), "737 Max jets" (the model calls it a product): a model
        # name, wherever else the model takes the word for a person ("Max deliveries resumed"); not "40
        # Hamas fighters" or "in 2007 Hamas won"
        for m in re.finditer(r"\b\d+ ([A-Z][a-z]+)\b", text):
            num = token_at(doc, m.start())
            if num is None or num.i + 1 >= len(doc) or num.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
                continue
            word = doc[num.i + 1]
            if word.ent_type_ == "PRODUCT" or (num.head.i == word.i and word.ent_type_ in ("", "PERSON")):
                out.add(word.text)
    attributive: dict[str, list[bool]] = {}
    for e in ents:
        if e.label_ == "PERSON" and len(e) == 1:
            # "Patriot interceptors", "every Patriot battery": a one-word "person" written more than once and
            # only ever naming a kind of thing is a make or a model (not "the Biden administration", "a
            # Bloomberg poll", "Bloomberg reports that": an institution or a text is the owner's)
            h = e.root.head
            lemma = h.lemma_.lower()
            attributive.setdefault(e.text, []).append(
                e.root.dep_ == "compound" and h.pos_ == "NOUN" and not is_person_noun(lemma)
                and lemma not in INSTITUTION_NOUNS | GOVERNMENT_NOUNS | DOCUMENT_NOUNS | roles.ORGANIZATION_NOUNS
                and lemma not in _AUTHORED_NOUNS and not any(c.dep_ in ("ccomp", "mark", "acl") for c in h.children))
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    out.update(w for w, flags in attributive.items() if len(flags) > 1 and all(flags) and w not in surnames)
    for e in ents:
        if e.label_ not in LABEL_KIND:
            continue
        if e.root.dep_ == "pobj" and e.root.head.lower_ in ("aboard", "onboard"):
            out.add(e.text)
        elif e.root.dep_ == "pobj" and e.root.head.lower_ == "board" and e.root.head.i > 0 and doc[e.root.head.i - 1].lower_ == "on":
            out.add(e.text)
    return out


#: Last words of the department or portfolio a title names: "Director of National Intelligence",
#: "Minister of Foreign Affairs", "Secretary of State", "Chief of Staff", "Transportation Secretary".
OFFICE_WORDS = frozenset({
    "state", "staff", "defense", "defence", "affairs", "security", "intelligence", "justice", "treasury", "finance",
    "energy", "commerce", "labor", "labour", "education", "transportation", "transport", "interior", "agriculture",
    "health", "services", "development", "trade", "economy", "environment", "industry", "housing", "veterans",
    "homeland", "culture", "communications", "information", "budget", "management", "operations", "policy",
    "welfare", "pensions", "work", "works", "infrastructure", "immigration", "planning", "science", "technology",
    "sport", "sports", "tourism", "fisheries", "resources", "national", "foreign", "human", "public", "internal",
    "home", "relations", "and", "digital", "climate", "social", "economic", "cooperation", "investment", "exchequer",
    "the"})


def _title_next_to(doc, ent) -> bool:
    """Whether `ent` is the object of a title's "of"/"to"/"for" ("Secretary of State") or the modifier of a
    title word right after it ("Transportation Secretary Pete Buttigieg")."""
    start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
    if start >= 2 and doc[start - 1].lower_ == "the":
        start -= 1  # "Chancellor of the Exchequer"
    before = start - 2
    if before >= 0 and doc[start - 1].lower_ in ("of", "to", "for") and roles.title_word(doc[before]):
        return True
    return ent.end < len(doc) and doc[ent.end].pos_ == "PROPN" and roles.title_word(doc[ent.end])


def _office_in_title(doc, ent) -> bool:
    """A department named only inside a title: every word an office word, next to a title word."""
    words = [t for t in ent if t.is_alpha]
    return bool(words) and all(t.lower_ in OFFICE_WORDS for t in words) and _title_next_to(doc, ent)


def _split_titled_names(doc, ents: list) -> list:
    """A person's name the model ran into the department of the title before it ("Director of [National
    Intelligence Avril Haines]" as one organization): the department, then the last two words as a PERSON,
    when the department part ends in an office word."""
    if not any(e.label_ in ("ORG", "GPE", "LOC", "NORP") and len(e) >= 3 for e in ents):
        return ents
    from spacy.tokens import Span  # here: importing the extractors should not load spaCy

    out = []
    for e in ents:
        if e.label_ in ("ORG", "GPE", "LOC", "NORP") and len(e) >= 3 and e.start >= 2 \
                and doc[e.start - 1].lower_ in ("of", "to", "for") and roles.title_word(doc[e.start - 2]):
            name, office = e[-2:], e[:-2]
            if all(t.lower_ in OFFICE_WORDS for t in office) and office[-1].is_title and all(
                    t.is_title and t.is_alpha and t.pos_ == "PROPN" and t.lower_ not in OFFICE_WORDS for t in name):
                out += [Span(doc, office.start, office.end, label=e.label_), Span(doc, name.start, name.end, label="PERSON")]
                continue
        out.append(e)
    return out


def _mention_names(mentions: list[_Mention], canonical: dict[str, str], namesakes: dict[str, list[str]],
                   first: dict[str, int]) -> list[str]:
    """The canonical name of each mention: its form's, or for a surname several people share, the person of
    those last named (by any of their forms: "Ann" for Ann Roe) in its paragraph, or as a clause's
    subject in the one before; else the first of them the article names
    (most often the one it is about: a bare "Cruz" a paragraph after "a photo of Heidi Cruz" is Ted Cruz
    again). A relative introduced in apposition ("Like her brother, Harald Roe, she ...") is named in
    passing: the sentence is still about her."""
    if not namesakes:
        return [canonical[aliases.key(m.form)] for m in mentions]
    out: list[str] = []
    for m in mentions:
        k = aliases.key(m.form)
        out.append(_namesake_pick(m, namesakes[k], mentions, canonical, first) if k in namesakes else canonical[k])
    return out


def _namesake_pick(m: _Mention, cands: list[str], mentions: list[_Mention], canonical: dict[str, str],
                   first: dict[str, int]) -> str:
    """The one of the people (full-name keys `cands`) a bare shared surname at `m` names: see _mention_names."""
    people = {canonical[f] for f in cands}
    named = [(x.start, canonical[x_k], x) for x in mentions
             if x.start < m.start and (x_k := aliases.key(x.form)) in canonical and canonical[x_k] in people
             and x.dep != "appos" and m.paragraph - x.paragraph <= 1]
    subjects = [(s, n) for s, n, x in named if x.dep in ("nsubj", "nsubjpass") or x.speaker]
    here = [(s, n) for s, n, x in named if x.paragraph == m.paragraph]
    before = subjects + here
    return max(before)[1] if before else canonical[min(cands, key=lambda f: first[f])]


def _namesake_aliases(index: ActorIndex, mentions: list[_Mention], names: list[str], namesakes: dict,
                      canonical: dict[str, str], first: dict[str, int]) -> None:
    """A shared surname is an alias of the first of its people the article names (most often the one it is
    about) when any of its mentions name that person, else of the person most of them name."""
    for k in namesakes:
        counts: dict[str, int] = {}
        form = None
        for m, n in zip(mentions, names):
            if aliases.key(m.form) == k:
                counts[n] = counts.get(n, 0) + 1
                form = form or m.form
        if counts and form:
            opener = min(namesakes[k], key=lambda f: first[f])
            best = canonical[opener] if canonical[opener] in counts else max(counts, key=counts.get)
            if form not in index.actors[best].aliases:
                index.actors[best].aliases.append(form)


def _surname_phrases(index: ActorIndex, phrases: dict) -> dict:
    """The surname of each person named in full, as a phrase to find where the model saw no name
    ("Musk also addressed ..."): only a surname one person has, that names nothing else."""
    owners: dict[str, set[str]] = {}
    for a in index.actors.values():
        parts = a.name.split()
        if a.kind == "person" and len(parts) >= 2 and parts[-1][:1].isupper() and parts[-1].isalpha():
            owners.setdefault(parts[-1], set()).add(a.name)
    taken = {w[0] for w in phrases if len(w) == 1}
    return {(last,): names.pop() for last, names in owners.items() if len(names) == 1 and last not in taken
            and last not in index._forms and last.lower() not in index._forms}


def _lone_capital(k: str, words: list[str], surnames: set[str]) -> bool:
    """A one-word "person" that is a capital city and no one's surname in the text."""
    p = aliases.place_of(k)
    return len(words) == 1 and p is not None and p[1] == "capital" and words[0].lower() not in surnames


def _parenthesized(doc, span) -> str | None:
    """An acronym introduced in parentheses right after a name: 'Palestine Liberation Organization (PLO)'."""
    i = span.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        if aliases.is_acronym(doc[i + 1].text, longest=8):  # "US Central Command (CENTCOM)"
            return doc[i + 1].text
    return None


def extract_actors(doc, article: Article) -> ActorIndex:
    """Collect entity mentions and merge every form of one entity under one canonical name."""
    index = ActorIndex()
    pmap = ParagraphMap(article)
    text = article.text  # the Doc was made from this string; Doc.text would rebuild it token by token
    quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    skip = _byline_ranges(doc, article, text) + _dateline_ranges(article)  # text: the caller's one read of Doc.text
    mentions, spans, ent_tokens = _collect(doc, article, pmap, skip, quotes)

    # forms, their labels and first offsets
    first: dict[str, int] = {}
    labels: dict[str, dict[str, int]] = {}
    words: dict[str, list[str]] = {}
    surface: dict[str, dict[str, int]] = {}
    for m, span in zip(mentions, spans):
        k = aliases.key(m.form)
        first.setdefault(k, m.start)
        labels.setdefault(k, {}).setdefault(m.label, 0)
        labels[k][m.label] += 1
        words.setdefault(k, [t.text for t in span])
        surface.setdefault(k, {}).setdefault(m.form, 0)
        surface[k][m.form] += 1

    uf = _Union()
    for k in first:
        uf.find(k)

    override: dict[str, str] = {}

    def label_of(k: str) -> str:
        return override.get(k) or max(labels[k].items(), key=lambda x: x[1])[0]

    # a person named like a country ("Jordan") stays a person; a capital alone is the city the model
    # took for a name ("Kyiv") unless it ends someone's full name
    surnames = {words[k][-1].lower() for k in first if label_of(k) == "PERSON" and len(words[k]) >= 2}
    place = {k: aliases.place_of(k) if label_of(k) != "PERSON" or _lone_capital(k, words[k], surnames) else None
             for k in first}

    # a capitalized two- or three-word name the model labeled otherwise is a person when its last word ends a
    # person's name elsewhere ("Keith Lamont Scott" as ORG beside "Lamont Scott" as PERSON)
    single_persons = {words[k][-1].lower() for k in first if label_of(k) == "PERSON"}
    for k in first:
        w = words[k]
        if label_of(k) in ("ORG", "GPE", "LOC", "NORP") and 2 <= len(w) <= 3 and not place[k] and all(
                x[:1].isupper() and x.isalpha() for x in w) and w[-1].lower() in single_persons:
            override[k] = "PERSON"

    persons = [k for k in first if label_of(k) == "PERSON" and not place[k]]
    full_persons = sorted((k for k in persons if len(words[k]) >= 2), key=lambda k: first[k])

    # 1. countries: names, demonyms, and capitals that stand for the country somewhere in the text
    agentive = {aliases.key(m.form) for m in mentions if m.dep in ("nsubj", "nsubjpass", "poss") or m.speaker}
    country_forms: dict[str, list[str]] = {}
    named = {p[0] for p in place.values() if p and p[1] == "name"}
    for k, p in place.items():
        if not p:
            continue
        country, how = p
        # a capital stands for its country when it acts ("Moscow said") or the country is named too;
        # otherwise it is the city ("a donors' conference in Paris")
        if how == "capital" and k not in agentive and country not in named:
            place[k] = None
            if label_of(k) == "PERSON":
                override[k] = "GPE"  # "travelled to Kyiv" with Kyiv tagged as a person: the city
            continue
        country_forms.setdefault(country, []).append(k)
    for country, ks in country_forms.items():
        for k in ks[1:]:
            uf.union(k, ks[0])

    # 2. persons: surnames and short forms join the earliest full name they end with; a surname two people
    # share ("Joanne Ryan", "John Ryan") is, at each mention, the one named last before it
    namesakes: dict[str, list[str]] = {}
    by_last: dict[str, list[str]] = {}
    for k in full_persons:
        by_last.setdefault(words[k][-1].lower(), []).append(k)
    for k in first:
        if place[k] or k in full_persons and not any(
                aliases.same_person(words[k], words[f]) for f in by_last.get(words[k][-1].lower(), []) if f != k):
            continue
        cands = [f for f in by_last.get(words[k][-1].lower(), []) if f != k and aliases.same_person(words[k], words[f])]
        if cands and (label_of(k) in ("PERSON", "GPE", "LOC", "ORG", "NORP") and len(words[k]) <= 3):
            if label_of(k) != "PERSON" and len(words[k]) > 1:
                continue
            # (only names the model itself read as people: "the Washington Post Trump" is the model's
            # misreading, no namesake)
            people = [f for f in cands if "PERSON" in labels[f]]
            if len(words[k]) == 1 and len(people) > 1:
                namesakes[k] = people  # decided below, once the full names have merged among themselves
                continue
            uf.union(k, min(cands, key=lambda f: first[f]))
    for k, cands in list(namesakes.items()):
        if len({uf.find(f) for f in cands}) == 1:
            del namesakes[k]
            uf.union(k, cands[0])  # "Ann Roe" and "Ann B. Roe": one person
    # a lone first name joins the one full name that starts with it ("Benazir")
    for k in persons:
        if len(words[k]) == 1 and uf.find(k) == k:
            cands = [f for f in full_persons if words[f][0].lower() == k]
            if len(cands) == 1:
                uf.union(k, cands[0])

    # 3. organizations and groups: acronyms, parenthesized acronyms, shorter contained forms, plurals
    multi = [k for k in first if len(words[k]) >= 2 and label_of(k) != "PERSON"]
    by_initials: dict[str, list[str]] = {}
    for k in multi:
        by_initials.setdefault(aliases.initials(words[k]), []).append(k)
    for m, span in zip(mentions, spans):
        acr = _parenthesized(doc, span)
        if acr:
            ak = aliases.key(acr)
            first.setdefault(ak, m.start + 1)  # just after its full name, so that one is first
            labels.setdefault(ak, {m.label: 0})
            words.setdefault(ak, [acr])
            surface.setdefault(ak, {acr: 0})
            place.setdefault(ak, None)
            uf.union(ak, aliases.key(m.form))
    for k in list(first):
        if len(words[k]) == 1 and aliases.is_acronym(words[k][0]) and not place[k]:
            cands = by_initials.get(words[k][0].replace(".", ""), [])
            if not cands:  # an acronym that opens a longer name of the same body ("BBC" / "BBC News")
                cands = [f for f in multi if words[f][0] == words[k][0] and label_of(f) == "ORG" and not place[f]]
            if len(cands) == 1 and uf.find(k) == k:
                uf.union(k, cands[0])
    org_like = [k for k in first if label_of(k) in ("ORG", "NORP") and not place[k]]
    for k in org_like:
        if uf.find(k) != k:
            continue
        cands = [f for f in org_like if aliases.is_token_suffix(words[k], words[f]) and (k, f) not in _OTHER_BODIES]
        if not cands and len(words[k]) == 1 and 3 <= len(k) <= 4 and label_of(k) == "ORG":
            # a clipped name: "Fed" for "Federal Reserve"
            cands = [f for f in org_like if len(words[f]) >= 2 and words[f][0].lower().startswith(k) and words[f][0].lower() != k]
        if len({uf.find(f) for f in cands}) == 1:
            uf.union(k, cands[0])
        elif k + "s" in first and uf.find(k + "s") != uf.find(k):
            uf.union(k, k + "s")  # "Republican" with "Republicans"
    # "the Department of Commerce", "the US Department of Commerce" and "the Commerce Department" are one body
    # (but the Russian and the Ukrainian Defence Ministry are two: a form without a country joins only
    # when one country has that portfolio)
    by_body: dict[str, list[tuple[str, str]]] = {}
    for k in org_like:
        body_key = _body_key(words[k])
        if body_key:
            by_body.setdefault(body_key[1], []).append((body_key[0], k))
    for forms in by_body.values():
        countries = {c for c, _ in forms if c}
        for country in countries or {""}:
            same = [k for c, k in forms if c == country or (not c and len(countries) <= 1)]
            for k in same[1:]:
                uf.union(k, same[0])

    # clusters
    clusters: dict[str, list[str]] = {}
    for k in first:
        clusters.setdefault(uf.find(k), []).append(k)
    canonical: dict[str, str] = {}
    for root, ks in clusters.items():
        if all(k in namesakes for k in ks):
            continue
        forms = [max(surface[k].items(), key=lambda x: (x[1], x[0]))[0] for k in ks]
        kinds = {label_of(k) for k in ks}
        country = next((place[k][0] for k in ks if place[k]), None)
        if country and any(place[k] and place[k][1] in ("name", "capital") for k in ks):
            name, kind = country, "place"
        elif country:
            # only demonyms: the people, named by the plural form written (or the demonym)
            plural = [f for k, f in zip(ks, forms) if place[k] and place[k][1] == "plural"]
            name, kind = (plural[0] if plural else forms[0]), "group"
        else:
            if "PERSON" in kinds:
                pk = [k for k in ks if label_of(k) == "PERSON"]
                name = max((f for k, f in zip(ks, forms) if k in pk), key=lambda f: (len(f.split()), len(f)))
                # (a surname two people share is no form of either's cluster, but is written alone all the same)
                name = _without_epithet(name, forms + [w for k in namesakes for w in words[k]])
                kind = "person"
            else:
                name = max(forms, key=lambda f: (len(f.split()) if not aliases.is_acronym(f) else 0, len(f)))
                label = max(((sum(labels[k].values()), label_of(k)) for k in ks))[1]
                kind = LABEL_KIND[label]
        firsts = min(first[k] for k in ks)
        actor = Actor(name=name, kind=kind, first_paragraph=pmap.index(firsts))
        plain = nicknames.plain(name) if kind == "person" else None
        for f in [*forms, *([plain] if plain else [])]:
            if f != name and f not in actor.aliases:
                actor.aliases.append(f)
        for k in ks:
            for f in surface[k]:
                if f != name and f not in actor.aliases:
                    actor.aliases.append(f)
            canonical[k] = name
        if name in index.actors:  # two clusters under one name: keep them together
            old = index.actors[name]
            old.aliases += [a for a in actor.aliases if a not in old.aliases]
            continue
        index.actors[name] = actor
    index._forms = dict(canonical)
    for a in index.actors.values():
        index._forms[aliases.key(a.name)] = a.name
    names = _mention_names(mentions, canonical, namesakes, first)
    _namesake_aliases(index, mentions, names, namesakes, canonical, first)

    # mentions found by the model, then the same forms where the model missed them
    taken = [False] * (len(text) + 1)
    for m, name in zip(mentions, names):
        index.mentions.append((m.start, m.end, name))
        for i in range(m.start, m.end):
            taken[i] = True
    weights: dict[str, float] = {}
    kind_of = {n: a.kind for n, a in index.actors.items()}
    acting: set[str] = set()
    for m, name in zip(mentions, names):
        weights[name] = weights.get(name, 0.0) + _weight(m, kind_of[name])
        if m.speaker:
            index.speakers.add(name)
        if not m.modifier:
            acting.add(name)
    index.adjectival = {n for n, k in kind_of.items() if k == "group" and n not in acting}
    phrases = {tuple(words[k]): name for k, name in canonical.items()
               if words.get(k) and any(c.isupper() for c in k.upper()) and words[k][0][:1].isupper()}
    surnames = _surname_phrases(index, phrases)
    phrases.update(surnames)
    # a surname two people share, written alone or found only here: decided at each place it is found
    shared = {tuple(words[k]): namesakes[k] for k in namesakes if len(words[k]) == 1 and words[k][0][:1].isupper()}
    for last, ks in by_last.items():
        ks = [k for k in ks if "PERSON" in labels[k]]
        people = {canonical[k] for k in ks if k in canonical}
        if len(people) < 2:
            continue
        form = (words[ks[0]][-1],)
        if len(people) > 1 and form not in phrases and form not in shared and form[0].isalpha():
            shared[form] = ks
    phrases.update({w: "" for w in shared})
    for name, s, e in _phrase_matches(doc, phrases):
        span = doc[s:e]
        if taken[span.start_char] or taken[span.end_char - 1] or any(a <= span.start_char < b for a, b in skip):
            continue
        alone = e - s == 1 and ((doc[s].text,) in surnames or (doc[s].text,) in shared)
        if alone and (doc[s].pos_ != "PROPN" or (s > 0 and doc[s - 1].lower_ in roles.TITLES | roles.HONORIFICS)):
            continue  # a surname alone must be a name here ("Black wrote", not "Black voters"); titled ones the model finds
        if any(i in ent_tokens for i in range(s, e)) or (s > 0 and doc[s - 1].text in ("-", "‐")) or (
                s > 0 and doc[s - 1].is_title and doc[s - 1].pos_ == "PROPN"):
            continue  # part of another entity, a hyphenated word, or a longer unknown name
        if not name:
            found = _Mention(span.start_char, span.end_char, span.text, "PERSON", dep=span.root.dep_,
                             paragraph=pmap.index(span.start_char))
            name = _namesake_pick(found, shared[(doc[s].text,)], mentions, canonical, first)
        index.mentions.append((span.start_char, span.end_char, name))
        for i in range(span.start_char, span.end_char):
            taken[i] = True
        weights[name] = weights.get(name, 0.0) + 0.8
    index.mentions.sort()
    for s, _, name in index.mentions:
        index.actors[name].mentions += 1
        index.first_offset.setdefault(name, s)
    index.weights = weights
    # the model's label is a hint: a "place" that speaks is a person (a two- or three-word name) or a body
    for name in index.speakers:
        a = index.actors[name]
        if a.kind == "place" and not aliases.place_of(a.name):
            w = a.name.split()
            a.kind = "person" if 2 <= len(w) <= 3 and all(x[:1].isupper() for x in w) else "organization"

    # roles: titles before a name, appositions after it, or the noun a name is apposed to
    role_tokens: set[int] = set()
    for name, span in zip(names, spans):
        actor = index.actors[name]
        if actor.kind not in ("person", "organization") or actor.role:
            continue
        found = None
        # a title before a bare surname may belong to a namesake ("President Clinton"): take it from full names
        toks = roles.title_before(span, ent_tokens) if len(span) > 1 or " " not in name else None
        if toks and len(toks) == 1 and toks[0].lower_ in roles.TITLES:
            # a bare title ("Sen. Ann Roe of Ohio, the lead negotiator") says less than an apposition
            toks = roles.apposition(span, ent_tokens) or toks
        if toks:
            found = roles.role_text(toks)
        else:
            toks = roles.apposition(span, ent_tokens)
            if toks:
                found = roles.role_text(toks)
            else:
                got = roles.apposed_to(span, ent_tokens)
                if got:
                    toks, singular = got
                    found = roles.role_text(toks, singular)
        if found and "\n" not in found:
            actor.role = found
            role_tokens.update(t.i for t in toks)
    # a name the model called an organization or place but introduced with a person's title is a person
    # ("Its chief executive, Guillaume Faury": a title among the words that describe one person);
    # a "person" introduced as a publication or company ("the journal Neurology") is an organization
    for a in index.actors.values():
        head = _role_head(a.role) if a.role else ""
        if a.kind in ("organization", "place") and a.role and not aliases.place_of(a.name) \
                and (head in roles.TITLES or head in _ROLE_PERSON_NOUNS) and 2 <= len(a.name.split()) <= 4:
            a.kind = "person"
        elif a.kind == "person" and head in roles.ORGANIZATION_NOUNS:
            a.kind = "organization"
        elif a.kind == "person" and " " not in a.name and a.name.endswith("s") and a.name[:-1] in a.aliases:
            a.kind = "group"  # "the Houthis" beside "Houthi rebels": a movement, not a person
    # a one-word "person" found after a preposition of place and never acting ("roads around Taiz",
    # "fighting in Sanaa") is a town the model did not know
    _places_mislabelled(index, mentions, names)
    # a mention inside another actor's role describes that actor ("a Virginia Democrat"): it counts for less
    if role_tokens:
        for m, name, span in zip(mentions, names, spans):
            if span.root.i in role_tokens:
                weights[name] -= 0.5 * _weight(m, kind_of[name])
    return index


#: Role head nouns that describe one person ("chief executive", "spokesman"), beyond the titles; not
#: the words a recording or an unnamed voice is described by.
_ROLE_PERSON_NOUNS = (PERSON_NOUN_SET - {"voice", "source", "speaker", "caller", "narrator", "witness", "resident"}) | {
    "father", "mother", "wife", "husband", "son", "daughter", "brother", "sister", "widow", "widower", "uncle", "aunt",
    "niece", "nephew", "grandson", "granddaughter", "cousin", "moderator", "host", "anchor", "correspondent", "editor",
    "reporter", "columnist", "writer", "scientist", "researcher", "physicist", "teacher", "doctor", "nurse", "student"}


_ROLE_PREPOSITION = re.compile(r"\s(?:of|for|at|in|to|with|on|from)\s")


def _role_head(role: str) -> str:
    """The noun a role is about: its last word before a preposition ("spokesperson for the office"), or a
    title that ends it ("Bank of England Governor")."""
    last = role.split()[-1].lower()
    if last in roles.TITLE_HEADS:
        return last
    return _ROLE_PREPOSITION.split(role, maxsplit=1)[0].split()[-1].lower()


def _without_epithet(name: str, forms: list[str]) -> str:
    """The plain full name when the longest form carries a word in front of it ("Sneaky Martha Bellamy").

    Only when the article also writes the shorter form and the surname alone, so the shorter
    form is a complete given name and surname (unlike "Salas Ibarra" for "Rodrigo Salas
    Ibarra", where the surname is never written alone).
    """
    lower = {f.lower() for f in forms}
    parts = name.split()
    for i in range(1, len(parts) - 1):
        rest = " ".join(parts[i:])
        if rest.lower() in lower and parts[-1].lower() in lower:
            return rest
    return name


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _has_words(hay: str, needle: str) -> bool:
    """Whether `needle` occurs in `hay` between word boundaries, as the regex \\bneedle\\b would find it
    (without compiling a pattern for every name of every article)."""
    if not needle:
        return False
    n, i = len(needle), hay.find(needle)
    while i >= 0:
        before = i > 0 and _is_word_char(hay[i - 1])
        after = i + n < len(hay) and _is_word_char(hay[i + n])
        if before != _is_word_char(needle[0]) and after != _is_word_char(needle[-1]):
            return True
        i = hay.find(needle, i + 1)
    return False


#: A last word that names another body than the longer name ending in it: the House (of Representatives)
#: is not the White House.
_OTHER_BODIES = {("house", "white house")}


#: Prepositions after which a name is a place ("in", "around"); "of", "from", "to" and "at" also take people.
_LOCATIVE = frozenset(LOCATIVE - {"at", "to", "from"} | {"toward", "towards"})


def _places_mislabelled(index: ActorIndex, mentions: list[_Mention], names: list[str]) -> None:
    where: dict[str, list[bool]] = {}
    for m, name in zip(mentions, names):
        a = index.actors[name]
        if a.kind != "person" or " " in a.name or a.role or name in index.speakers:
            continue
        if m.dep in ("nsubj", "nsubjpass", "poss") or m.speaker:
            where[name] = where.get(name, []) + [False, False]  # a person's dependency: keep the model's label
        else:
            where.setdefault(name, []).append(m.dep == "pobj" and m.head_lemma in _LOCATIVE)
    for name, flags in where.items():
        if any(flags) and flags.count(True) >= flags.count(False):
            index.actors[name].kind = "place"


def _weight(m: _Mention, kind: str) -> float:
    """How much one mention says the actor matters: agents count fully, settings and modifiers less."""
    w = 1.0
    if kind == "place" and m.dep == "pobj":
        w = 0.25 if m.head_lemma in LOCATIVE else 0.5  # where something happens, not who does it
    elif m.modifier:
        w = 0.5
    if m.in_quote:
        w *= 0.7
    return w


def rank_actors(index: ActorIndex, article: Article, quotes: list[Quote]) -> list[Actor]:
    """Order actors by weighted mentions, speech, role, kind, and how early and where they appear.

    The weights are in units of one mention: being quoted counts as two, a headline
    mention 1.5, a first mention in the lead 1.5 falling to 0 at the end (news puts
    what matters first), a role 1.5, a full personal name, an organization or a country
    0.5 (they act; towns and regions are mostly settings), each other form the text
    uses for it 0.5 up to 1 (writers coin short forms for what they keep returning to).
    """
    quoted = {q.speaker for q in quotes if q.speaker} | index.speakers
    title_keys = aliases.key(article.title)
    length = max(1, sum(len(b.text) + 2 for b in article.blocks))
    for a in index.actors.values():
        a.quoted = a.name in quoted
        in_title = any(_has_words(title_keys, aliases.key(f)) for f in [a.name, *a.aliases])
        w = index.weights.get(a.name, float(a.mentions))
        position = 1.0 - min(1.0, index.first_offset.get(a.name, length) / length)
        country = a.kind == "place" and (aliases.place_of(a.name) or ("", ""))[1] == "name"
        agent_kind = (a.kind == "person" and len(a.name.split()) >= 2) or a.kind == "organization" or country
        forms = len({aliases.key(f) for f in a.aliases} - {aliases.key(a.name)})
        # a people named only in passing as an adjective ("Pakistani officials said") describes the others
        adjectival = 1.5 if a.name in index.adjectival and not a.quoted else 0.0
        a.score = round(
            w + (2.0 if a.quoted else 0.0) + (1.5 if in_title else 0.0) + 1.5 * position
            + (1.5 if a.role else 0.0) + (0.5 if agent_kind else 0.0) + min(1.0, 0.5 * forms) - adjectival, 3)
    return sorted(index.actors.values(), key=lambda a: (-a.score, a.first_paragraph or 0, a.name))
