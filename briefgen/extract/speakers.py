"""Speakers: turn the subject of an attribution verb into an actor's canonical name.

The subject may be a name ("Bogdanov" -> "Mikhail Bogdanov"), a pronoun ("he" -> the person
last named or quoted), a description ("the minister" -> the actor whose role says minister), or
a document or outlet ("the statement said" -> the organization last named).
"""
from __future__ import annotations

import bisect

from briefgen.extract.actors import ActorIndex
from briefgen.extract.tokens import indexes_of

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "them", "it"}
# Nouns for texts and channels that speak for an organization: "the statement said".
DOCUMENT_NOUNS = {"statement", "report", "release", "communique", "communiqué", "announcement", "letter",
                  "agency", "ministry", "newspaper", "paper", "outlet", "network", "channel", "website",
                  "site", "magazine", "broadcaster", "spokesman", "spokeswoman", "spokesperson", "office",
                  "department", "government", "embassy", "service", "television", "radio", "daily", "group",
                  "company", "organization", "organisation", "campaign", "party", "committee", "council",
                  "document", "memo", "text", "declaration", "post", "tweet", "message", "video", "account"}
INSTITUTION_NOUNS = {"administration", "government", "campaign", "team", "camp", "cabinet", "family", "foundation", "regime"}
# Descriptions that stand for one person: matched against the role words of the article's actors.
PERSON_NOUNS = {"man", "woman", "official", "leader", "source", "candidate", "nominee", "lawmaker", "senator",
                "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "envoy",
                "ambassador", "chairman", "chairwoman", "chair", "director", "chief", "head", "governor",
                "mayor", "diplomat", "general", "commander", "prime", "premier", "king", "queen", "prince",
                "judge", "lawyer", "attorney", "advisor", "adviser", "aide", "representative", "congressman",
                "congresswoman", "deputy", "executive", "founder", "analyst", "expert", "professor", "author",
                "speaker", "narrator", "caller", "voice", "witness", "resident", "spokesperson", "chancellor",
                "businessman", "businesswoman", "economist", "strategist", "activist", "officer"}
_PERSON_NOUN_SET = frozenset(PERSON_NOUNS)
# Determiners that make a singular noun one person a reader can later call "he" or "she".
_REFERRING_DETS = {"the", "this", "that", "a", "an"}
_MAIN_CLAUSE = ("ROOT", "conj", "parataxis")
# "the man" is no antecedent for "she", nor "the woman" for "he".
_GENDERED = {"he": {"woman", "spokeswoman", "chairwoman", "congresswoman", "queen"},
             "she": {"man", "spokesman", "chairman", "congressman", "king", "prince"}}
# Evidence of whether an actor is "he" or "she": the courtesy title before the name, a gendered
# title word, and the pronoun that reports the actor's own words ("Roe said she would ...").
_HONORIFIC_GENDER = {"mr": "he", "mr.": "he", "mrs": "she", "mrs.": "she", "ms": "she", "ms.": "she", "miss": "she"}
_ROLE_GENDER = {**{w: "he" for w in ("congressman", "spokesman", "businessman", "chairman", "father", "husband",
                                     "king", "prince", "son", "brother", "uncle", "nephew", "actor", "grandfather")},
                **{w: "she" for w in ("congresswoman", "spokeswoman", "businesswoman", "chairwoman", "mother", "wife",
                                      "queen", "princess", "daughter", "sister", "aunt", "niece", "actress",
                                      "grandmother", "woman", "widow", "first lady")}}
# People defined by whose they are: "Roe's wife said" is not Roe speaking.
KIN_NOUNS = {"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "child", "parent",
             "relative", "family", "friend", "partner", "widow", "widower", "cousin", "uncle", "aunt", "niece",
             "nephew", "grandson", "granddaughter", "stepmother", "stepfather", "fiancé", "fiancée", "girlfriend",
             "boyfriend", "colleague", "rival", "opponent", "successor", "predecessor", "ally", "boss"}
# Recordings whose words an article quotes from "the speaker" or "the voice".
RECORDING_NOUNS = frozenset({"recording", "tape", "audiotape", "videotape", "video", "audio", "message", "clip",
                             "broadcast", "footage", "audio-recording"})
VOICE_NOUNS = {"speaker", "voice", "narrator"}
# Nouns that describe someone without being a title one would use for a named actor: "the man" is a
# new person, while "the Republican nominee" is often another way to name the person just named.
GENERIC_PERSON_NOUNS = {"man", "woman", "speaker", "voice", "narrator", "caller", "witness", "resident",
                        "source", "official"}


class SpeakerResolver:
    """Resolve attribution subjects within one article, in reading order."""

    def __init__(self, doc, actors: ActorIndex, quoted_mask: bytearray, paragraph_of):
        self.actors = actors
        self.paragraph_of = paragraph_of
        # Mentions outside quotation marks (words inside a quote are the speaker's, not the narrator's),
        # each with whether it can be a referent ("the Obama administration" does not name a person
        # one can call "he") and whether it is a clause subject (pronouns prefer subjects).
        self._mentions: list[tuple[int, str, bool, bool, int]] = []
        gender_votes: dict[str, list[str]] = {}
        self.role_words: dict[str, set[str]] = {
            a.name: {w.strip(",.").lower() for w in (a.role or "").split()} for a in actors.actors.values()}
        for s, e, n in sorted(actors.mentions):
            if quoted_mask[s]:
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            root = span.root if span is not None and len(span) else None
            referent, subject = True, False
            if root is not None:
                referent = not (root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN")
                head = root.head if root.dep_ == "appos" else root
                # The owner of a subject is as salient: "Roe's advice earned him praise, and he ...".
                subject = head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "poss" and head.head.dep_ in ("nsubj", "nsubjpass"))
            self._mentions.append((s, n, referent, subject, paragraph_of(s)))
            if span is not None and len(span) and self.kind(n) == "person":
                self._gender_evidence(span, n, gender_votes)
            if root is not None and self.kind(n) == "person":
                # Title words written with the name ("Defence Minister Ilse Brandt", "Brandt, the
                # minister"): what "the minister said" can later refer to.
                words = self.role_words.setdefault(n, set())
                for c in root.children:
                    if c.dep_ in ("compound", "appos", "amod", "nmod"):
                        words.update(t.lower_ for t in c.subtree if t.is_alpha and not (s <= t.idx < e))
        self._starts = [m[0] for m in self._mentions]
        for n, words in self.role_words.items():
            gender_votes.setdefault(n, []).extend(_ROLE_GENDER[w] for w in words if w in _ROLE_GENDER)
        # A gender only when the evidence agrees: a wrong one would hide the right antecedent.
        self.gender = {n: v[0] for n, v in gender_votes.items() if v and len(set(v)) == 1}
        self._by_lower = {}
        for a in actors.actors.values():
            for form in (a.name, *a.aliases):
                self._by_lower.setdefault(form.lower(), a.name)
        self.events: list[tuple[int, str, int]] = []  # (offset, speaker, paragraph) of attributions so far
        self.doc, self.mask = doc, quoted_mask
        self._descriptions = self._description_subjects(doc)
        self._desc_starts = [t.idx for t in self._descriptions]
        self._desc_names: dict[int, str | None] = {}
        self._sources = self._recording_sources(doc)

    def _description_subjects(self, doc) -> list:
        """Main-clause subjects like "the man", "an official": people the article refers to without a
        name. Each is the latest referent for a later "he" or "she", even when no actor matches it,
        so the pronoun never jumps back over it to an older, unrelated name."""
        out = []
        for i in indexes_of(doc, "LEMMA", _PERSON_NOUN_SET):
            t = doc[i]
            if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN" or t.tag_ != "NN" or self.mask[t.idx]:
                continue
            if t.head.dep_ not in _MAIN_CLAUSE:
                continue  # "Roe said the official lied. He added ...": "he" is still Roe
            if not any(c.dep_ in ("det", "poss") and (c.dep_ == "poss" or c.lower_ in _REFERRING_DETS) for c in t.children):
                continue
            if self.actors.name_at(t.idx, t.idx + len(t.text)):
                continue  # part of a name the actor index already knows
            out.append(t)
        return out

    def _recording_sources(self, doc) -> list[tuple[int, str]]:
        """(offset, person) for recordings the article ascribes to someone: "a tape attributed to X",
        "a message from X", "a video believed to be from X", "X's message"."""
        out = []
        for i in indexes_of(doc, "LEMMA", RECORDING_NOUNS):
            t = doc[i]
            if self.mask[t.idx] or t.pos_ != "NOUN":
                continue
            name = None
            for c in t.children:
                if c.dep_ == "poss":
                    name = self._person_in(c.left_edge.idx, c.idx + len(c.text))
            if name is None:
                name = self._source_after(t)
            if name:
                out.append((t.idx, name))
        return out

    def _source_after(self, noun) -> str | None:
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
                return self._person_in(doc[k + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))
            if t.pos_ in ("VERB", "AUX"):
                verbs += 1
                if t.tag_ not in ("VBN", "VB", "VBG") or verbs > 2:
                    return None  # a finite verb: the noun's own clause has begun
            k += 1
        return None

    def _person_in(self, start: int, end: int) -> str | None:
        name = self.actors.name_at(start, end)
        return name if name and self.kind(name) == "person" else None

    def _description_name(self, tok) -> str | None:
        if tok.i not in self._desc_names:
            self._desc_names[tok.i] = self.resolve(tok, 0, self.paragraph_of(tok.idx))
        return self._desc_names[tok.i]

    def _recent_description(self, lower: str, before: int, min_paragraph: int):
        """The latest person description before `before` that a pronoun of this gender can refer to.

        A definite title ("the presidential nominee") that matches no actor's role is passed over:
        it may be an epithet for the person named just before. A generic noun ("the man", "the
        speaker"), an indefinite one ("a senator") or a possessed one ("his lawyer") is someone else.
        """
        i = bisect.bisect_left(self._desc_starts, before) - 1
        while i >= 0:
            t = self._descriptions[i]
            i -= 1
            if self.paragraph_of(t.idx) < min_paragraph:
                return None
            lemma = t.lemma_.lower()
            if lemma in _GENDERED.get(lower, ()):
                continue
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
            if definite and lemma not in GENERIC_PERSON_NOUNS and self._description_name(t) is None:
                continue
            if not self.agrees(self._description_name(t), lower):
                continue
            return t
        return None

    @staticmethod
    def _gender_evidence(span, name: str, votes: dict[str, list[str]]) -> None:
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.lower_ in _HONORIFIC_GENDER:
            votes.setdefault(name, []).append(_HONORIFIC_GENDER[before.lower_])
        root = span.root
        verb = root.head
        if root.dep_ == "nsubj" and verb.lemma_ in ("say", "add", "write", "insist", "argue", "claim", "tell"):
            # "Roe said she would run", "Roe told reporters she would run": a pronoun opening the
            # reported clause is Roe herself. Not after "told Ann" or "said, after he admitted":
            # there it may be someone else.
            last = verb
            if verb.lemma_ == "tell":
                heard = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
                if heard is None or heard.pos_ in ("PROPN", "PRON"):
                    return
                last = heard.right_edge
            nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ == "that":
                nxt = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in ("he", "she") and nxt.dep_ in ("nsubj", "nsubjpass") \
                    and nxt.head.dep_ == "ccomp" and nxt.head.head == verb:
                votes.setdefault(name, []).append(nxt.lower_)

    def agrees(self, name: str | None, pronoun: str) -> bool:
        """Whether "he" or "she" can refer to `name` (unknown genders agree with both)."""
        g = self.gender.get(name) if name else None
        return g is None or pronoun not in ("he", "she") or g == pronoun

    def record(self, offset: int, name: str | None) -> None:
        """Remember an attribution, for later pronouns and "the statement said"."""
        if name:
            self.events.append((offset, name, self.paragraph_of(offset)))

    def kind(self, name: str) -> str | None:
        a = self.actors.actors.get(name)
        return a.kind if a else None

    def _recent(self, before: int, kinds: set[str], min_paragraph: int = 0, subject_only: bool = False,
                pronoun: str = "") -> tuple[int, str] | None:
        """(offset, name) of the actor of one of `kinds` named last before `before` (and that `pronoun` fits)."""
        i = bisect.bisect_left(self._starts, before) - 1
        while i >= 0 and self._mentions[i][4] >= min_paragraph:
            s, name, referent, subject, _ = self._mentions[i]
            if referent and self.kind(name) in kinds and (subject or not subject_only) and self.agrees(name, pronoun):
                return s, name
            i -= 1
        return None

    def _recent_event(self, before: int, person: bool, min_paragraph: int, pronoun: str = "") -> tuple[int, str] | None:
        for off, name, par in reversed(self.events):
            if par < min_paragraph:
                break
            if off < before and ((self.kind(name) in ("person", None)) if person else self.kind(name) != "person") \
                    and self.agrees(name, pronoun):
                return off, name
        return None

    def name_of_span(self, start: int, end: int) -> str | None:
        """The actor named within [start, end) of the body."""
        return self.actors.name_at(start, end)

    def resolve(self, tok, paragraph_start: int, paragraph: int) -> str | None:
        """Canonical name for the subject token `tok` of an attribution."""
        lower = tok.lower_
        if tok.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(lower, tok.idx, paragraph_start, paragraph)
        phrase = _phrase(tok)
        name = self.name_of_span(tok.idx, tok.idx + len(tok.text))
        if name and self._demonym_plural(tok, name):
            # "as Mexicans say", "Cuban Americans said": the people, not the country's government.
            first = min([c.i for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
                         and c.text[:1].isupper() and c.left_edge.i == c.i] + [tok.i])
            return tok.doc[first: tok.i + 1].text
        if name:
            return name
        if tok.pos_ == "PROPN" and not (tok.lower_ in PERSON_NOUNS and any(c.dep_ == "det" for c in tok.children)):
            # An appositive or compound may carry the name the index knows: "the agency, TASS".
            for t in phrase:
                n = self.name_of_span(t.idx, t.idx + len(t.text))
                if n:
                    return n
            text = " ".join(t.text for t in phrase if t.pos_ == "PROPN" or t.dep_ in ("compound", "flat"))
            text = text.strip() or tok.text
            return self._by_lower.get(text.lower()) or self._surname(text) or _clean(text)
        for child in tok.children:
            if child.dep_ == "appos":
                n = self.name_of_span(child.idx, child.idx + len(child.text))
                if n:
                    return n
                if child.pos_ == "PROPN":
                    return self.resolve(child, paragraph_start, paragraph)
        # The parser often hangs the apposition on the last noun: "His partner at Acme, Ann Roe, said".
        for t in _phrase(tok):
            if t.dep_ == "appos" and t.pos_ == "PROPN":
                n = self.name_of_span(t.idx, t.idx + len(t.text))
                if n and self.kind(n) == "person":
                    return n
        return self._description(tok, paragraph_start, paragraph)

    def _demonym_plural(self, tok, name: str) -> bool:
        """A plural people's name ("Peruvians") that the actor index files under a place ("Peru")."""
        if self.kind(name) != "place" or tok.tag_ not in ("NNS", "NNPS") or not tok.text[:1].isupper():
            return False
        # "the United States", "the Philippines" are plural in form but are the place itself.
        return tok.lower_ not in name.lower().split()

    def _surname(self, text: str) -> str | None:
        """The person actor whose name ends with `text` ("Bogdanov" -> "Mikhail Bogdanov")."""
        last = text.split()[-1].lower()
        hits = {a.name for a in self.actors.actors.values()
                if a.kind == "person" and a.name.split() and a.name.split()[-1].lower() == last}
        return hits.pop() if len(hits) == 1 else None

    def _pronoun(self, lower: str, at: int, paragraph_start: int, paragraph: int) -> str | None:
        if lower in ("i", "we", "you", "me", "us"):
            return None  # first person outside quotes is the writer
        near = paragraph - 2  # a pronoun reaches back two paragraphs at most, as readers expect
        if lower in GROUP_PRONOUNS:
            found = [c for c in (self._recent(at, {"organization", "group"}, near),
                                 self._recent_event(at, False, near)) if c]
            return max(found)[1] if found else None
        # The latest of: a person who was a clause subject, a person just quoted, a person described
        # without a name ("the man says ... he says": the man's, whoever he is, not an older name's).
        found = [c for c in (self._recent(at, {"person"}, near, subject_only=True, pronoun=lower),
                             self._recent_event(at, True, near, pronoun=lower)) if c]
        desc = self._recent_description(lower, at, near) if lower in ("he", "she") else None
        if desc is not None and (not found or desc.idx > max(found)[0]):
            return self._description_name(desc)
        if found:
            return max(found)[1]
        hit = self._recent(at, {"person"}, near, pronoun=lower) or self._recent(at, {"person"}, pronoun=lower)
        return hit[1] if hit else None

    def _description(self, tok, paragraph_start: int, paragraph: int) -> str | None:
        lemma = tok.lemma_.lower()
        if tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in tok.children):
            return None  # "reports say", "officials said": nobody in particular
        # "Obama's spokesman", "the ministry's statement": the owner speaks through the noun.
        owner = None
        for child in tok.children:
            if child.dep_ == "poss":
                n = owner = self.name_of_span(child.idx, child.idx + len(child.text))
                if n and (lemma in DOCUMENT_NOUNS or self.kind(n) != "person"):
                    return n
                if n and lemma in INSTITUTION_NOUNS:
                    return f"{child.text} {tok.text}"  # "Roe's family said": the family, not Roe
        # "the Abbas government", "the Trump campaign": a person's name modifying an institution noun.
        if lemma in DOCUMENT_NOUNS | INSTITUTION_NOUNS:
            for child in tok.children:
                if child.dep_ == "compound" and child.pos_ == "PROPN":
                    n = self.name_of_span(child.idx, child.idx + len(child.text))
                    if n and self.kind(n) == "person":
                        return f"{child.text} {tok.text}"
        if lemma in DOCUMENT_NOUNS and not any(c.pos_ == "PROPN" for c in tok.children):
            # "the report said": whoever last spoke as an institution, else the organization last named.
            found = [c for c in (self._recent_event(tok.idx, False, paragraph - 1),
                                 self._recent(tok.idx, {"organization"}, paragraph - 1)) if c]
            if found:
                return max(found)[1]
        words = {lemma} | {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
        if lemma in PERSON_NOUNS or lemma not in DOCUMENT_NOUNS:
            # "a doctor who said": someone not named before, unlike "the doctor".
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "some", "any") for c in tok.children)
            role_hits = [] if indefinite else [n for n, ws in self.role_words.items() if lemma in ws or tok.lower_ in ws]
            if len(role_hits) > 1:
                role_hits = [n for n in role_hits if words <= self.role_words[n]] or role_hits[:1]
            if role_hits:
                return role_hits[0]
            if lemma in VOICE_NOUNS and not indefinite:
                # "the speaker says", "the voice on the tape": whoever the recording is ascribed to.
                source = [n for off, n in self._sources if off < tok.idx]
                if source:
                    return source[-1]
            # A name inside the phrase: "the Russian Foreign Ministry", "the Trump campaign".
            n = self._name_in_phrase(tok, lemma, owner)
            if n and lemma not in PERSON_NOUNS:
                return n
            if lemma in PERSON_NOUNS:
                return None
        n = self._name_in_phrase(tok, lemma, owner)
        if n:
            return n
        if lemma not in DOCUMENT_NOUNS:
            return None  # "the footage", "the idea": not a speaker the article names
        hit = self._recent(tok.idx, {"organization"})
        return hit[1] if hit else None

    def _name_in_phrase(self, tok, lemma: str, owner: str | None) -> str | None:
        """An actor named among the subject's own words that can speak for it.

        Not words inside quotation marks, not the owner of a relative ("Roe's wife" is not Roe), and
        not a place or people that only says where someone is from ("the New York businessman", "the
        German chancellor"): a place speaks only through an institution or a document ("the Kenyan government").
        """
        for t in _phrase(tok):
            if self.mask[t.idx]:
                continue
            n = self.name_of_span(t.idx, t.idx + len(t.text))
            if not n or (n == owner and lemma in KIN_NOUNS):
                continue
            if self.kind(n) == "person" and _under_other_prep(t, tok):
                continue  # "a letter to Roe", "the missive on Roe": Roe is the topic, not the writer
            if self.kind(n) in ("place", "group") and lemma not in DOCUMENT_NOUNS | INSTITUTION_NOUNS:
                continue
            return n
        return None


def _under_other_prep(t, head) -> bool:
    """Whether `t` sits under a preposition of `head` other than "of", "from", "by" ("a letter from Roe")."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ not in ("of", "from", "by"):
            return True
        t = t.head
    return False


def _phrase(tok) -> list:
    """The subject's own words: compounds, modifiers and appositions, without clauses."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in ("compound", "flat", "amod", "det", "poss", "nmod", "appos", "prep", "pobj"):
            out.extend(t for t in child.subtree if t.dep_ not in ("relcl", "acl", "punct"))
    return sorted(set(out), key=lambda t: t.i)


def _clean(text: str) -> str:
    t = text.strip().strip(",.;:")
    for suffix in ("’s", "'s"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    if t.lower().startswith("the "):
        t = t[4:]
    return t.strip()
