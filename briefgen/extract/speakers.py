"""Speakers: turn the subject of an attribution verb into an actor's canonical name.

The subject may be a name ("Bogdanov" -> "Mikhail Bogdanov"), a pronoun ("he" -> the person
last named or quoted), a description ("the minister" -> the actor whose role says minister), or
a document or outlet ("the statement said" -> the organization last named).
"""
from __future__ import annotations

from briefgen.extract import aliases, speaker_gender
from briefgen.extract.actors import OFFICE_WORDS, ActorIndex
from briefgen.extract.roles import TITLES, title_word
from briefgen.extract.antecedents import EMBEDDED, MAIN, Antecedents, clause_level, mention_flags, outside_mentions
from briefgen.extract.ascribed import WRITTEN_NOUNS, document_group, document_mentions, recording_sources
from briefgen.extract.speaker_nouns import (DOCUMENT_NOUNS, GENERIC_PERSON_NOUNS, GROUP_PRONOUNS, INSTITUTION_NOUNS, KIN_NOUNS,
                                           PERSON_NOUNS, PERSON_PRONOUNS, RESEARCH_STAFF, SPOKES_NOUNS, VOICE_NOUNS, is_person_noun)
from briefgen.extract.speaker_phrase import clean, phrase, under_other_prep
from briefgen.extract.unnamed_persons import UnnamedPersons


_INDEFINITE = ("a", "an", "another", "some", "any")
#: The people who wrote a study: "the authors wrote", "the researchers said".
_AUTHOR_NOUNS = frozenset({"author", "researcher", "scientist", "investigator", "co-author"})
#: Words that make one title another: a "prime" or "deputy" minister is not the "foreign" one.
_TITLE_MODIFIERS = (TITLES | OFFICE_WORDS) - {"and", "the"}


def _apposed_conj(tok, child) -> bool:
    """A name after a comma that the parser coordinated with the noun before it, with no "and":
    "Boeing's largest union, the Machinists Association, said" names the union."""
    if child.dep_ != "conj" or child.i < tok.i or child.pos_ != "PROPN" or any(c.dep_ == "cc" for c in tok.children):
        return False
    before = tok.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
    return before is not None and before.text == ","


def _coordinated(a, b) -> bool:
    """Whether two name tokens are conjuncts in one phrase: "Ann Ryan and Tom Ryan"."""
    ra, rb = a, b
    while ra.dep_ in ("compound", "flat") and ra.head.i != ra.i:
        ra = ra.head
    while rb.dep_ in ("compound", "flat") and rb.head.i != rb.i:
        rb = rb.head
    return ra in rb.conjuncts or rb in ra.conjuncts


def _titled_name(tok) -> str | None:
    """The name after a title the parser hung on the title's "of"/"to", when it is no entity the model knows:
    "Ambassador to NATO Julia Marsh" (subject "Ambassador") is Julia Marsh, not NATO."""
    if not title_word(tok):
        return None
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("of", "to", "for"):
            continue
        for o in c.children:
            if o.dep_ != "pobj" or o.pos_ != "PROPN" or o.ent_type_ or not o.is_title:
                continue
            parts = [t for t in o.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN" and not t.ent_type_
                     and t.is_title and t.i > c.i]
            if parts and all(t.i == o.i - len(parts) + n for n, t in enumerate(parts)):
                return " ".join(t.text for t in [*parts, o])
    return None


class SpeakerResolver:
    """Resolve attribution subjects within one article, in reading order."""

    def __init__(self, doc, actors: ActorIndex, quoted_mask: bytearray, paragraph_of):
        self.actors = actors
        self.paragraph_of = paragraph_of
        self.doc, self.mask = doc, quoted_mask
        self.role_words: dict[str, set[str]] = {
            a.name: {w.strip(",.").lower() for w in (a.role or "").split()} for a in actors.actors.values()}
        mentions = []
        votes: dict[str, list[str]] = {}
        for s, e, n, span, root in outside_mentions(doc, actors, quoted_mask):
            mentions.append((s, n, *mention_flags(root, quoted_mask, span.start if span is not None else None), paragraph_of(s)))
            if self.kind(n) != "person":
                continue
            if span is not None and len(span):
                speaker_gender.mention_evidence(span, n, votes)
            if root is not None:
                # Title words written with the name ("Defence Minister Ilse Brandt", "Brandt, the
                # minister"): what "the minister said" can later refer to.
                words = self.role_words.setdefault(n, set())
                for c in root.children:
                    if c.dep_ in ("compound", "appos", "amod", "nmod"):
                        words.update(t.lower_ for t in c.subtree if t.is_alpha and not (s <= t.idx < e))
        self.gender = speaker_gender.settle(votes, self.role_words)
        self.antecedents = Antecedents(mentions, self.kind, self.agrees)
        self._by_lower = {}
        for a in actors.actors.values():
            for form in (a.name, *a.aliases):
                self._by_lower.setdefault(form.lower(), a.name)
        self.unnamed = UnnamedPersons(doc, quoted_mask, actors,
                                      lambda t: self.resolve(t, 0, paragraph_of(t.idx)), paragraph_of, self.agrees)
        self._sources = recording_sources(doc, quoted_mask, self._person_in)
        self._documents: list | None = None  # found when a document first speaks
        self._authors: dict[int, str | None] = {}

    def first_person(self) -> str | None:
        """The person the article names first outside quotation marks (an interview's interviewee)."""
        for s, _e, name in self.actors.mentions:
            if not self.mask[s] and self.kind(name) == "person":
                return name
        return None

    def _person_in(self, start: int, end: int) -> str | None:
        name = self.actors.name_at(start, end)
        return name if name and self.kind(name) == "person" else None

    def agrees(self, name: str | None, pronoun: str) -> bool:
        """Whether "he" or "she" can refer to `name` (unknown genders agree with both)."""
        return speaker_gender.agrees(self.gender, name, pronoun)

    def record(self, offset: int, name: str | None) -> None:
        """Remember an attribution, for later pronouns and "the statement said"."""
        if name:
            self.antecedents.record(offset, name, self.paragraph_of(offset))

    def kind(self, name: str) -> str | None:
        a = self.actors.actors.get(name)
        return a.kind if a else None

    def name_of_span(self, start: int, end: int) -> str | None:
        """The actor named within [start, end) of the body."""
        return self.actors.name_at(start, end)

    def resolve(self, tok, paragraph_start: int, paragraph: int) -> str | None:
        """Canonical name for the subject token `tok` of an attribution."""
        lower = tok.lower_
        if tok.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(tok, paragraph)
        words = phrase(tok)
        name = self.name_of_span(tok.idx, tok.idx + len(tok.text))
        if name and self._demonym_plural(tok, name):
            # "as Mexicans say", "Cuban Americans said": the people, not the country's government.
            first = min([c.i for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
                         and c.text[:1].isupper() and c.left_edge.i == c.i] + [tok.i])
            return tok.doc[first: tok.i + 1].text
        if name and self.kind(name) == "place" and tok.pos_ == "PROPN":
            # "Water UK said": a name the model did not know, ending in a country's; not the country.
            extra = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i
                     and c.text[:1].isupper() and not self.name_of_span(c.idx, c.idx + len(c.text))]
            if extra:
                return clean(tok.doc[extra[0].i: tok.i + 1].text)
        if name and self.kind(name) == "person" and " " not in tok.text:
            name = self._namesake(tok, name)
            if name is None:
                return None  # either of two namesakes: no guess
        if name and self.kind(name) == "group" and self._is_epithet(tok, member=True):
            # "“...,” the New York Democrat said": one member, the person the sentence is about.
            return self._epithet_referent(tok, paragraph)
        if name:
            return name
        if tok.pos_ == "PROPN" and not self._proper_description(tok):
            # The name itself first, when the model missed it as an entity: "Duckworth, a retired
            # Army officer, said" is Duckworth, not the Army in the apposition.
            own = " ".join(t.text for t in tok.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN") + " " + tok.text
            own = own.strip()
            hit = self._by_lower.get(own.lower()) or self._surname(own)
            if hit:
                return hit
            titled = _titled_name(tok)
            if titled:
                return self._by_lower.get(titled.lower()) or titled
            # An appositive or compound may carry the name the index knows: "the agency, TASS".
            # A person named in it before an organization: "Senate Majority Leader Chuck Schumer".
            found = [n for t in words if (n := self.name_of_span(t.idx, t.idx + len(t.text)))]
            if found:
                return next((n for n in found if self.kind(n) == "person"), found[0])
            text = _name_run(tok)
            if len(text) == 1:
                return None  # a label ("Q") or an initial, not a name
            return self._by_lower.get(text.lower()) or self._surname(text) or clean(text)
        apposed = [c for c in tok.children if c.dep_ == "appos" or _apposed_conj(tok, c)]
        if len(apposed) > 1 and is_person_noun(tok.lemma_.lower()):
            # "A spokesperson for the agency (UNA), Ann Roe, said": the person named, not the acronym.
            apposed.sort(key=lambda c: c.ent_type_ != "PERSON")
        for child in apposed:
            n = self.name_of_span(child.idx, child.idx + len(child.text))
            if n:
                return n
            if child.pos_ == "PROPN":
                return self.resolve(child, paragraph_start, paragraph)
        # The parser often hangs the apposition on the last noun: "His partner at Acme, Ann Roe, said".
        for t in words:
            if t.dep_ == "appos" and t.pos_ == "PROPN":
                n = self.name_of_span(t.idx, t.idx + len(t.text))
                if n and self.kind(n) == "person":
                    return n
        return self._description(tok, paragraph_start, paragraph)

    def _latest_body(self, noun: str, before: int, min_paragraph: int) -> str | None:
        """The organization named last before `before` (from `min_paragraph` on) whose name ends in `noun`
        ("ministry": "the Commerce Ministry")."""
        for s, _e, n in reversed([m for m in self.actors.mentions if m[0] < before]):
            if self.paragraph_of(s) < min_paragraph:
                return None
            if self.kind(n) == "organization" and not self.mask[s] and n.split()[-1].lower() in (noun, noun + "s"):
                return n
        return None

    def _latest_named(self, names: list[str], before: int) -> list[str]:
        """`names` ordered by their latest mention before `before`, latest first (unmentioned ones last)."""
        last = {n: -1 for n in names}
        for s, _e, n in self.actors.mentions:
            if s >= before:
                break
            if n in last and not self.mask[s]:
                last[n] = s
        return sorted(names, key=lambda n: -last[n])

    def _namesake(self, tok, name: str) -> str | None:
        """For a bare surname two people in the article share ("Ryan" beside Joanne and John Ryan): the one
        a gendered pronoun in the same sentence fits ("Ryan said, adding that she ..."), else the one named
        last before it (the actor index's choice), unless both were last named together ("Ann Ryan and
        Tom Ryan spoke"): then either may be meant."""
        last = tok.text.lower()
        same = [a.name for a in self.actors.actors.values()
                if a.kind == "person" and len(a.name.split()) > 1 and a.name.split()[-1].lower() == last]
        if len(same) < 2 or name not in same:
            return name
        sent = tok.sent
        pronouns = {p.lower_ for p in sent if p.lower_ in ("he", "she", "his", "her", "him", "hers", "himself", "herself")
                    and not self.mask[p.idx] and p.i > tok.i}
        genders = {"she" if p in ("she", "her", "hers", "herself") else "he" for p in pronouns}
        if len(genders) == 1:
            g = genders.pop()
            fits = [n for n in same if self.gender.get(n) == g] or [n for n in same if self.gender.get(n) is None]
            if len(fits) == 1:
                return fits[0]
        # the full names last written before the surname: in one sentence, either may be meant
        lasts = {}
        for s, _e, n in self.actors.mentions:
            if s >= tok.idx:
                break
            if n in same and _e - s > len(last):  # a full name, not the surname alone
                lasts[n] = s
        if len(lasts) >= 2:
            ordered = sorted(lasts.values())
            a = self.doc.char_span(ordered[-2], ordered[-2] + 1, alignment_mode="expand")
            b = self.doc.char_span(ordered[-1], ordered[-1] + 1, alignment_mode="expand")
            if a is not None and b is not None and _coordinated(a[0], b[0]):
                return None
        return name

    def _movement(self, tok) -> str | None:
        """A group (not a nation) named as the adjective of people who speak together: "Houthi rebels",
        "Taliban fighters". Nationalities ("Brazilian officials") stay unnamed officials."""
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.i < tok.i and c.text[:1].isupper():
                n = self.name_of_span(c.idx, c.idx + len(c.text))
                if n and self.kind(n) == "group" and not aliases.place_of(c.text) and not aliases.place_of(n):
                    return n
        return None

    def _is_epithet(self, tok, member: bool = False) -> bool:
        """A definite, singular, modified description of one person ("the New York Democrat", "the former
        governor"), not a generic one ("the man"), a relative ("the wife") or a possessed one ("his lawyer").
        `member`: the noun is a group's name in the singular ("Democrat")."""
        lemma = tok.lemma_.lower()
        if tok.tag_ not in ("NN", "NNP") or lemma in GENERIC_PERSON_NOUNS or lemma in KIN_NOUNS:
            return False
        if not (member or is_person_noun(lemma)):
            return False
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(c.dep_ == "poss" for c in tok.children):
            return False
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "nmod") and c.i < tok.i]
        # A national office ("the German chancellor") is someone the article introduces by that title,
        # which the actors' roles already match; a state or party ("the Ohio Democrat") describes the person.
        return bool(mods) and not any(c.ent_type_ == "NORP" for c in mods)

    def _epithet_referent(self, tok, paragraph: int) -> str | None:
        """The person a described epithet refers to: the latest person who was the subject of a sentence's
        own clause (not of a "when" or "after" clause: "hours after Trump tweeted" is not about Trump) or
        who spoke, in this paragraph or the one before."""
        found = [c for c in (self._sentence_subject_before(tok.idx, paragraph - 1),
                             self.antecedents.recent_event(tok.idx, True, paragraph - 1)) if c]
        if not found:
            return None
        name = max(found)[1]
        # not someone whose own title is another office of that name: "the prime minister" after
        # "Foreign Minister Hugo Brandt" is not Brandt
        words = self.role_words.get(name, set())
        titled = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ in _TITLE_MODIFIERS}
        if tok.lemma_.lower() in words and not titled <= words:
            return None
        return name

    def _sentence_subject_before(self, before: int, min_paragraph: int) -> tuple[int, str] | None:
        """(offset, name) of the latest person named as the subject of a main clause before `before`."""
        for s, e, name in reversed([m for m in self.actors.mentions if m[0] < before]):
            if self.paragraph_of(s) < min_paragraph:
                return None
            if self.kind(name) != "person" or self.mask[s]:
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            root = span.root if span is not None and len(span) else None
            if root is not None and root.dep_ in ("nsubj", "nsubjpass") and (
                    root.head.dep_ == "ROOT" or (root.head.dep_ == "conj" and root.head.head.dep_ == "ROOT")):
                return s, name
        return None

    def _proper_description(self, tok) -> bool:
        """A capitalized noun used as a description, not a name: "the spokesman", or a short title in
        capitals the model found no entity in ("the MP", "the CEO")."""
        det = any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this", "that") for c in tok.children)
        title = tok.is_upper and len(tok.text) <= 4 and not tok.ent_type_ and not any(
            c.dep_ in ("compound", "flat") for c in tok.children)
        return det and (tok.lower_ in PERSON_NOUNS or title)

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

    def _pronoun(self, tok, paragraph: int) -> str | None:
        lower, at = tok.lower_, tok.idx
        if lower in ("i", "we", "you", "me", "us"):
            return None  # first person outside quotes is the writer
        near = paragraph - 2  # a pronoun reaches back two paragraphs at most, as readers expect
        ante = self.antecedents
        if lower in GROUP_PRONOUNS:
            found = [c for c in (ante.recent(at, {"organization", "group"}, near),
                                 ante.recent_event(at, False, near)) if c]
            if lower == "it":
                # A country acting as a state: "Russia said it ...", "Saudi Arabia's foreign ministry
                # welcomed the plan. In a statement, it said ..." (the subject or its owner).
                state = ante.recent(at, {"place"}, near, subject=MAIN)
                if state is not None:
                    found.append(state)
            # "The miners' relatives waited ... “...,” they said": the relatives, not the mining
            # company named before them.
            crowd = self.unnamed.recent_plural(at, near) if lower != "it" else None
            # a crowd that was a sentence's subject outranks a body named after it only as an object:
            # "Economists at Acme expect the central bank to cut. “...,” they wrote" are the economists
            acting = [c for c in (ante.recent(at, {"organization", "group"}, near, subject=MAIN),
                                  ante.recent_event(at, False, near)) if c] if crowd is not None else []
            if crowd is not None and (not found or crowd.idx > max(found)[0]
                                      or (self.unnamed.name(crowd) and (not acting or crowd.idx > max(acting)[0]))):
                return self.unnamed.name(crowd)
            return max(found)[1] if found else None
        # The latest of: a person who was a clause subject, a person just quoted, a person described
        # without a name ("the man says ... he says": the man's, whoever he is, not an older name's).
        # A subject inside a reported or relative clause ("Roe said Ann's plan would fail") does
        # not outrank a main-clause subject before it for a pronoun in a main clause: the clause is
        # about what Roe said. A pronoun in such a clause itself ("Roe said Ann was right when she
        # said ...") still takes the clause's own subject; one in a relative clause ("his hands,
        # which he said were ...") is the narrator's aside about the main clause's speaker.
        own = MAIN if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ == "relcl" else clause_level(tok.head, self.mask)
        subject = (ante.recent(at, {"person"}, near, subject=MAIN, pronoun=lower) if own == MAIN else None) \
            or ante.recent(at, {"person"}, near, subject=EMBEDDED, pronoun=lower)
        found = [c for c in (subject, ante.recent_event(at, True, near, pronoun=lower)) if c]
        desc = self.unnamed.recent(lower, at, near) if lower in ("he", "she") else None
        if desc is not None and (not found or desc.idx > max(found)[0]):
            return self.unnamed.name(desc)
        if found:
            return max(found)[1]
        hit = ante.recent(at, {"person"}, near, pronoun=lower) or ante.recent(at, {"person"}, pronoun=lower)
        return hit[1] if hit else None

    def _author_name(self, author) -> str | None:
        """The actor an author token names: a name, a pronoun, or a definite description ("the ministry").
        "a group of researchers" or "ambassadors" are authors the article does not name."""
        if author is None:
            return None
        if author.i not in self._authors:
            self._authors[author.i] = None  # a document's author is never that document
            indefinite = any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in author.children)
            # A name as the index knows it ("the federal Securities and Exchange Commission").
            name = self.actors.name_at(author.left_edge.idx, author.idx + len(author.text)) if author.pos_ == "PROPN" else None
            if name:
                self._authors[author.i] = name
            elif author.pos_ in ("PRON", "PROPN") or (author.pos_ == "NOUN" and not indefinite):
                self._authors[author.i] = self.resolve(author, 0, self.paragraph_of(author.idx))
        return self._authors[author.i]

    def _earlier_document(self, tok) -> tuple[bool, str | None]:
        """For "the report": (whether the article named the document before, and its author).

        Earlier mentions that are themselves "the report" without an author refer further back;
        the first one with an author, or one that introduces a document ("a study found"), decides."""
        group = document_group(tok.lemma_.lower())
        for t, author in reversed(self._documents):
            if t.i >= tok.i or t.tag_ != "NN" or document_group(t.lemma_.lower()) != group:
                continue
            if author is not None:
                return True, self._author_name(author)
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
                return True, None
        return False, None

    def _description(self, tok, paragraph_start: int, paragraph: int) -> str | None:
        lemma = tok.lemma_.lower()
        if lemma in RESEARCH_STAFF:
            firm = self._research_firm(tok)
            if firm:
                return firm
        if tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in tok.children):
            return None  # "reports say", "officials said": nobody in particular
        if lemma in WRITTEN_NOUNS:
            if self._documents is None:
                self._documents = document_mentions(self.doc, self.mask)
                self._document_at = {t.i: author for t, author in self._documents}
            # A document speaks for its stated author ("a report by X said"); "the report" for the
            # author of the report named before; one whose author the article does not name, for no one.
            if self._document_at.get(tok.i) is not None:
                return self._author_name(self._document_at[tok.i])
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
            if definite and self._name_in_phrase(tok, lemma, None) is None:
                named, author = self._earlier_document(tok)
                if named:
                    return author
        if lemma in _AUTHOR_NOUNS and tok.tag_ == "NNS":
            authors = self._study_authors(tok, paragraph)
            if authors is not False:
                return authors
        # A person described by a word for people ("the Google engineer", "Acme's lawyers") is not
        # the organization named with them, unless the word says they speak for it ("a Google spokeswoman").
        person, speaks_for = is_person_noun(lemma), lemma in SPOKES_NOUNS
        # "Obama's spokesman", "the ministry's statement": the owner speaks through the noun.
        owner = None
        for child in tok.children:
            if child.dep_ == "poss" and (speaks_for or (lemma in DOCUMENT_NOUNS and not person)) and child.pos_ == "NOUN" \
                    and is_person_noun(child.lemma_) and child.lemma_.lower() not in GENERIC_PERSON_NOUNS:
                # "the prime minister's official spokesman", "the president's office": the office holder
                n = self.resolve(child, paragraph_start, paragraph)
                if n and self.kind(n) == "person":
                    return n
            if child.dep_ == "poss":
                n = owner = self.name_of_span(child.idx, child.idx + len(child.text))
                if n and (speaks_for or (not person and (lemma in DOCUMENT_NOUNS or self.kind(n) != "person"))):
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
        ante = self.antecedents
        several = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in tok.children)
        if lemma in DOCUMENT_NOUNS and not several and not any(c.pos_ == "PROPN" for c in tok.children):
            # "the Israeli military said": the state its adjective names, before anyone named earlier.
            n = self._name_in_phrase(tok, lemma, owner)
            if n:
                return n
            # "the report said": whoever last spoke as an institution, else the organization last named.
            found = [c for c in (ante.recent_event(tok.idx, False, paragraph - 1),
                                 ante.recent(tok.idx, {"organization"}, paragraph - 1)) if c]
            if found:
                return max(found)[1]
        words = {lemma} | {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
        if lemma in PERSON_NOUNS or lemma not in DOCUMENT_NOUNS:
            # "a doctor who said": someone not named before, unlike "the doctor".
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "some", "any") for c in tok.children)
            # Nor are several people ("Senate aides") the one actor whose role has that word.
            plural = tok.tag_ in ("NNS", "NNPS")
            role_hits = [] if indefinite or plural else [n for n, ws in self.role_words.items() if lemma in ws or tok.lower_ in ws]
            # "the prime minister" is not the actor whose role is "Foreign Minister": a title word
            # before the noun must be in the role too
            titled = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ in _TITLE_MODIFIERS}
            role_hits = [n for n in role_hits if titled <= self.role_words[n]]
            if len(role_hits) > 1:
                # the one whose title has all the words; else the one named last ("the former chancellor"
                # after the shadow chancellor spoke is the shadow chancellor, not the chancellor named first)
                role_hits = [n for n in role_hits if words <= self.role_words[n]] or self._latest_named(role_hits, tok.idx)
            if role_hits:
                return role_hits[0]
            if self._is_epithet(tok):
                # "the former governor", "the 82-year-old lawyer": a described someone the article
                # already named, most likely the person it is about at this point.
                return self._epithet_referent(tok, paragraph)
            if lemma in VOICE_NOUNS and not indefinite:
                # "the speaker says", "the voice on the tape": whoever the recording is ascribed to.
                source = [n for off, n in self._sources if off < tok.idx]
                if source:
                    return source[-1]
            # A name inside the phrase: "the Russian Foreign Ministry", "the Trump campaign".
            n = self._name_in_phrase(tok, lemma, owner)
            if n and (speaks_for or not person):
                return n
            named = next((n for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
                          if o.dep_ == "pobj" and o.pos_ == "PROPN" and (n := self.name_of_span(o.idx, o.idx + len(o.text)))
                          and self.kind(n) == "person"), None)
            if speaks_for and named:
                return named  # "a spokesman for Ekholm said"
            body = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
                         if o.dep_ == "pobj" and o.pos_ == "NOUN" and any(d.lower_ in ("the", "this") for d in o.children)), None)
            if speaks_for and body is not None:
                return self.resolve(body, paragraph_start, paragraph)  # "a spokesperson for the group": the group
            if plural:
                movement = self._movement(tok)
                if movement:
                    return movement  # "Houthi rebels said": the movement itself
            body_noun = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
            if speaks_for and not plural and body_noun is not None:
                # "a ministry spokesperson said": the ministry the article named last
                n = self._latest_body(body_noun.lemma_.lower(), tok.idx, paragraph - 1)
                if n:
                    return n
            if speaks_for and not plural and not any(c.dep_ in ("prep", "compound", "poss") for c in tok.children):
                earlier = self._earlier_spokesperson(tok, paragraph)
                if earlier is not None:
                    # "The prime minister's spokesman said ... “...,” the spokesman said": the same one
                    return self.resolve(earlier, paragraph_start, paragraph)
                # "The agency said its warning went out at 4am. A spokesperson said: “...”": the body
                # that just spoke or was just named, whose spokesperson this is.
                found = [c for c in (ante.recent_event(tok.idx, False, paragraph - 1),
                                     ante.recent(tok.idx, {"organization"}, paragraph - 1, subject=MAIN)) if c]
                return max(found)[1] if found else None
            if person:
                return None
        n = self._name_in_phrase(tok, lemma, owner)
        if n:
            return n
        if lemma not in DOCUMENT_NOUNS or tok.tag_ in ("NNS", "NNPS"):
            return None  # "the footage", "the idea", "business groups": not a speaker the article names
        hit = ante.recent(tok.idx, {"organization"})
        return hit[1] if hit else None

    def _research_firm(self, tok) -> str | None:
        """The organization whose analysts speak: "analysts at Jefferies", "Jefferies economists", "an
        economist with Capital Economics". Their notes are the firm's research, cited under its name; other
        staff ("Boeing workers") speak for themselves."""
        for c in tok.children:
            objs = [o for o in c.children if o.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("at", "with", "from") \
                else [c] if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" else []
            for o in objs:
                n = self.name_of_span(o.idx, o.idx + len(o.text))
                if n and self.kind(n) == "organization":
                    return n
                if n is None and c.dep_ == "compound" and o.is_title and not o.ent_type_:
                    return clean(o.text)  # "Jefferies analysts said": a firm the model did not tag
        return None

    def _study_authors(self, tok, paragraph: int):
        """For "the authors wrote", "the study's authors said": the named author of the research the
        article last named ("a study by Acme"), else the journal it appeared in ("a study published in The
        Lancet"); None when the research names neither; False when no research was named (not about a study)."""
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "its", "their") for c in tok.children)
        owned = [c for c in tok.children if c.dep_ == "poss"]
        if not definite and not owned:
            return False
        if self._documents is None:
            self._documents = document_mentions(self.doc, self.mask)
            self._document_at = {t.i: author for t, author in self._documents}
        studies = [(t, a) for t, a in self._documents if t.i < tok.i and document_group(t.lemma_.lower()) == "research"
                   and self.paragraph_of(t.idx) >= paragraph - 2]
        if owned and owned[0].pos_ == "NOUN":
            studies = [(t, a) for t, a in studies if t.i == owned[0].i] or studies
        elif owned:
            return False  # "Roe's authors", "their authors": not a document's
        if not studies:
            return False
        noun, author = studies[-1]
        if author is not None:
            return self._author_name(author)
        for t in noun.subtree:
            if t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.lemma_ in ("publish", "appear", "release"):
                n = self.name_of_span(t.idx, t.idx + len(t.text))
                if n and self.kind(n) == "organization":
                    return n
        return None

    def _earlier_spokesperson(self, tok, paragraph: int):
        """The latest spokesperson described with whom they speak for ("Acme's spokesman", "a spokesman for
        the mayor") before `tok`, outside quotes, in this paragraph or the one before; None if there is none."""
        doc = self.doc
        for i in range(tok.i - 1, -1, -1):
            t = doc[i]
            if t.lemma_.lower() in SPOKES_NOUNS and not self.mask[t.idx] and t.pos_ == "NOUN" and any(
                    c.dep_ in ("poss", "compound") or (c.dep_ == "prep" and c.lower_ == "for") for c in t.children):
                return t
            if t.is_sent_start and self.paragraph_of(t.idx) < paragraph - 1:
                return None
        return None

    def _name_in_phrase(self, tok, lemma: str, owner: str | None) -> str | None:
        """An actor named among the subject's own words that can speak for it.

        Not words inside quotation marks, not the owner of a relative ("Roe's wife" is not Roe), and
        not a place or people that only says where someone is from ("the New York businessman", "the
        German chancellor"): a place speaks only through an institution or a document ("the Kenyan government").
        """
        for t in phrase(tok):
            if self.mask[t.idx]:
                continue
            n = self.name_of_span(t.idx, t.idx + len(t.text))
            if not n or (n == owner and lemma in KIN_NOUNS):
                continue
            if self.kind(n) == "person" and under_other_prep(t, tok):
                continue  # "a letter to Roe", "the missive on Roe": Roe is the topic, not the writer
            if self.kind(n) in ("place", "group") and lemma not in DOCUMENT_NOUNS | INSTITUTION_NOUNS:
                continue
            return n
        return None


def _name_run(tok) -> str:
    """The proper-noun words written together with `tok` ("Lars Klingbeil"), not the names inside its
    apposition ("Lars Klingbeil, the Social Democrats' co-leader": not "Lars Klingbeil Social Democrats")."""
    doc = tok.doc
    start = end = tok.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and start - 1 != tok.head.i and \
            (doc[start - 1].head.i == tok.i or doc[start - 1].head.i == start) and not doc[start - 1].whitespace_ == "":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].dep_ == "flat" and doc[end + 1].head.i == tok.i:
        end += 1
    return doc[start:end + 1].text
