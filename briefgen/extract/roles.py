"""Roles: titles and appositions that say in what capacity an actor appears, in the article's words."""
from __future__ import annotations

#: Courtesy titles say nothing of a role ("Mr Obama"); they are dropped from names and roles.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame", "messrs"}
#: Titles spaCy's small model often puts inside a PERSON span ("President Barack Obama"); moved to the role.
TITLES = {"president", "senator", "sen.", "rep.", "representative", "gov.", "governor", "minister", "prime",
          "foreign", "secretary", "general", "gen.", "king", "queen", "prince", "princess", "pope", "sheikh",
          "chancellor", "judge", "justice", "ambassador", "chairman", "chairwoman", "mayor", "premier",
          "lt.", "col.", "adm.", "admiral", "colonel", "captain", "capt.", "commander", "deputy", "vice",
          "speaker", "leader", "envoy", "emir", "ayatollah", "rabbi", "bishop", "cardinal", "director",
          "professor", "prof", "prof.", "chair", "chairperson", "ceo", "commissioner", "prosecutor",
          "attorney", "sheriff", "spokesman", "spokeswoman", "spokesperson", "congressman", "congresswoman",
          "sgt.", "maj.", "brig.", "cpl.", "pvt.", "cmdr.", "lieut.", "supt.", "insp.",
          "atty.", "amb.", "sergeant", "lieutenant", "corporal", "brigadier"}
#: Nouns that introduce an organization, not a person: "the journal Neurology", "Acme, a steel company".
ORGANIZATION_NOUNS = {"journal", "newspaper", "magazine", "tabloid", "daily", "publication", "broadcaster", "network",
                      "website", "company", "firm", "bank", "lender", "insurer", "airline", "carrier", "startup",
                      "conglomerate", "group", "agency", "union", "party", "organization", "organisation", "charity",
                      "university", "institute", "ministry", "department", "council", "committee", "coalition",
                      "alliance", "militia", "movement", "tank", "channel", "outlet", "automaker", "carmaker",
                      "steelmaker", "retailer", "manufacturer", "regulator", "watchdog", "broker", "brokerage"}
_STOP_POS = {"ADP", "VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PRON", "NUM", "SPACE", "X", "INTJ"}
_MAX_WORDS = 12
_NAMES = {"PERSON", "ORG", "GPE", "NORP"}
_QUANTIFIERS = {"several", "some", "many", "both", "all", "few", "two", "three", "four", "five", "dozen", "hundred"}


def _strip(tokens: list) -> list:
    """Drop leading determiners, possessive pronouns, punctuation and honorifics; trailing punctuation."""
    while tokens and (tokens[0].pos_ in ("DET", "PUNCT", "PRON", "CCONJ") or tokens[0].lower_ in HONORIFICS
                      or tokens[0].lower_ in ("a", "an", "the")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].pos_ in ("PUNCT", "CCONJ", "ADP", "DET", "PRON", "SCONJ") or tokens[-1].tag_ == "POS"
                      or tokens[-1].lower_ in HONORIFICS):
        tokens = tokens[:-1]
    return tokens


def _text(tokens: list) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _useful(tokens: list, ent_tokens: set[int]) -> bool:
    """A role needs a word outside any named entity (a bare 'Hamas' or 'Russian' is no role), and a
    common word or a title: a capitalized word alone is more often a heading ('Analysis: ...')."""
    return bool(tokens) and any(t.i not in ent_tokens and t.text.replace(".", "").isalpha() for t in tokens) and len(tokens) <= _MAX_WORDS \
        and any(t.is_lower or any(p.lower() in TITLE_HEADS or p.lower() in _OFFICER_WORDS for p in t.text.split("-"))
                for t in tokens)


def _fit(tokens: list, head) -> list:
    """Cut a long apposition before a later prepositional phrase of its head, keeping the first."""
    if len(tokens) <= _MAX_WORDS:
        return tokens
    cuts = [n for n, t in enumerate(tokens) if t.head == head and t.pos_ == "ADP" and n <= _MAX_WORDS]
    later = [n for n in cuts[1:]]
    if later:
        return tokens[: later[-1]]
    cut = _MAX_WORDS
    while cut < len(tokens) and tokens[cut].ent_iob_ == "I":
        cut += 1  # never end a role inside a name
    return tokens[:cut]


def _headed(tokens: list, ent_tokens: set[int]) -> bool:
    """A role ends in a noun ('member', 'Minister'), not an adjective or a name ('centrist Polish')."""
    # (a title the model put inside the name, "Prime Minister [Sheikh Mohammed ...]", still ends the role)
    return tokens[-1].pos_ in ("NOUN", "PROPN") and (tokens[-1].i not in ent_tokens or tokens[-1].lower_ in TITLES)


def title_before(span, ent_tokens: set[int]):
    """The title before a name, as the left modifiers of the name's head: 'senior Hamas member Mousa Abu Marzouk'."""
    head = span.root
    doc = span.doc
    start = span.start
    i = span.start - 1
    first = span.sent.start  # Span.sent walks the tokens to find the sentence: once, not per word
    while i >= first:
        t = doc[i]
        if "\n" in t.whitespace_ or t.is_space:
            break
        # a word belongs to the title when it attaches rightwards into the title or the name
        if not (i < t.head.i < span.end) or (t.pos_ in _STOP_POS and t.tag_ not in ("POS", "HYPH")):
            if t.pos_ == "DET" or t.pos_ == "PRON":
                break
            break
        start = i
        i -= 1
    if start == span.start and head.dep_ == "appos" and head.head.i == span.start - 1 and head.head.pos_ == "PROPN" \
            and head.head.i not in ent_tokens:
        # parsed as a title with the name in apposition: "Senate Majority Leader Chuck Schumer"
        start = head.head.left_edge.i
        if start < first or any("\n" in t.whitespace_ or t.pos_ in _STOP_POS for t in doc[start:span.start]):
            return None
    if start == span.start:
        start = _coordinated_title(span, first)
    phrase = title_phrase_start(doc, span.start, first)
    if phrase is not None and phrase <= start:
        # "Secretary of State Antony Blinken": the title runs through its "of", and may end in a name
        tokens = _strip(list(doc[phrase:span.start]))
        return tokens if tokens and len(tokens) <= _MAX_WORDS else None
    tokens = _strip(list(doc[start:span.start]))
    while len(tokens) > 1 and tokens[-1].i in ent_tokens and tokens[-1].lower_ in TITLES and tokens[-2].i not in ent_tokens:
        tokens = tokens[:-1]  # "Qatari Prime Minister [Sheikh Mohammed ...]": the style is the name's
    if tokens and all(t.lower_ in HONORIFICS for t in tokens):
        return None
    return tokens if _useful(tokens, ent_tokens) and _headed(tokens, ent_tokens) and head is not None else None


#: Words of corporate titles, written capitalized before a name: "Chief Executive", "CEO".
_OFFICER_WORDS = {"executive", "officer", "ceo", "cfo", "coo", "cto", "founder", "co-founder", "chairwoman", "treasurer",
                  "economist", "strategist", "analyst"}
#: Words that head a title, beyond TITLES: "Chief of Staff", "Commissioner for Trade", "Head of Mission".
TITLE_HEADS = TITLES | {"chief", "commissioner", "head", "administrator", "attorney", "inspector", "surgeon",
                        "comptroller", "undersecretary", "representative", "president-elect", "chair", "counsel",
                        "spokesperson", "spokesman", "spokeswoman", "minister-president", "lord", "chancellor"}
#: Lowercase words that join the capitalized words of one title: "Minister of Foreign Affairs",
#: "Ambassador to the United Nations", "Secretary for Work and Pensions".
_TITLE_JOINS = {"of", "to", "for", "and", "the", "on"}


_NOT_TITLE_ENTS = {"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def title_word(tok) -> bool:
    return any(p.lower() in TITLE_HEADS for p in tok.text.split("-") if p)


def title_phrase_start(doc, name_start: int, first: int) -> int | None:
    """Start of a capitalized title with lowercase joining words right before a name: "Secretary of State
    Antony Blinken", "U.S. Ambassador to NATO Julianne Smith", "White House Chief of Staff Jeff Zients".

    The parser hangs such a title's object ("State") or the name itself on the "of", so the title's
    left modifiers say nothing; the words do: capitalized words and "of", "to", "for", "and", "the", with a
    title word ("Secretary", "Chief") before the first joining word or as the last word ("Bank of
    England Governor"). None when there is no such title.
    """
    i = name_start - 1
    while i >= first:
        t = doc[i]
        if "\n" in t.whitespace_ or t.is_space or t.tag_ == "POS" or t.ent_type_ in _NOT_TITLE_ENTS:
            break  # (not "On Tuesday Secretary of State ...": a date, a number or a person is no title word)
        if not (t.lower_ in _TITLE_JOINS or t.tag_ == "HYPH" or (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ"))):
            break
        i -= 1
    words = list(doc[i + 1:name_start])
    while words and (words[0].lower_ in _TITLE_JOINS or words[0].tag_ == "HYPH"):
        words = words[1:]  # "the", or a joining word whose title began before the clause
    joins = [n for n, t in enumerate(words) if t.is_lower and t.lower_ in ("of", "to", "for", "on")]
    if not words or not joins or words[-1].is_lower or words[-1].tag_ == "HYPH":
        return None
    if any(title_word(t) for t in words[:joins[0]]) or title_word(words[-1]):
        return words[0].i
    return None


def titled_name_head(root, start: int):
    """The token that stands for a name in its clause: the title word when the parser hung the name on the
    title's "of" ("Secretary-General of NATO Jens Stoltenberg proposed": the subject is "General"), else the
    name's own head token. `start`: the name's first token."""
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "to", "for") and root.head.head.i < root.i \
            and title_word(root.head.head) and title_phrase_start(root.doc, start, root.sent.start) is not None:
        return root.head.head
    return root


def _coordinated_title(span, first: int) -> int:
    """Start of a title whose words the parser coordinated before hanging it on the name: "Work and
    Pensions Secretary Liz Kendall" (the title's root "Work" modifies the name, "Secretary" is its
    conjunct). Only plain words and "and" between the title's start and the name."""
    doc = span.doc
    for c in span.root.lefts:
        if c.i >= span.start or c.dep_ not in ("nmod", "compound", "amod") or c.left_edge.i < first:
            continue
        words = doc[c.left_edge.i: span.start]
        if words[0].pos_ == "PROPN" and words[-1].pos_ in ("PROPN", "NOUN") and any(t.pos_ == "CCONJ" for t in words) and all(
                (t.pos_ in ("PROPN", "NOUN", "ADJ") or t.pos_ == "CCONJ") and "\n" not in t.whitespace_ for t in words):
            return c.left_edge.i
    return span.start


def apposition(span, ent_tokens: set[int]):
    """The apposition after a name ('Bogdanov, Russia's deputy foreign minister'), up to a comma or clause."""
    head = span.root
    doc = span.doc
    # the plain form only: "X, the Y" right after the name, Y a singular noun (the parser's other
    # appositions, "Clinton ... registered voters", are too often wrong to show as a role)
    comma = span.end
    if comma + 2 < len(doc) and doc[comma].lower_ == "of" and doc[comma + 1].ent_type_ == "GPE":
        # "Sen. Ann Roe of Ohio, the lead negotiator": the home state or town before the comma
        comma += 2
        while comma < len(doc) and doc[comma].ent_iob_ == "I" and doc[comma].ent_type_ == "GPE":
            comma += 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    if comma + 2 < len(doc) and doc[comma + 1].like_num and doc[comma + 2].text == ",":
        comma += 2  # an age between the name and the role: "Tom Roe, 67, a retired teacher"
    for child in head.rights:
        if child.dep_ != "appos" or child.i < comma or child.tag_ not in ("NN", "NNP"):
            continue
        if child.pos_ != "NOUN" and not _proper_title(child, ent_tokens):
            continue
        if child.left_edge.i != comma + 1:
            continue
        tokens = []
        # a clause on the noun ends the role: "a lawyer who has advised ..." is "lawyer"
        clause = {t.i for c in child.rights if c.dep_ in ("relcl", "acl") for t in c.subtree}
        for t in child.subtree:
            if t.i <= comma:
                continue
            hyphen = t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_  # "cross-border"
            if (t.text in (",", ";", "(", "—", "–", "-", "--") and not hyphen or t.dep_ in ("relcl", "acl", "cc")
                    or t.i in clause) and t.i > child.i:
                break
            if "\n" in t.whitespace_ and t.i < child.i:
                return None
            tokens.append(t)
        while tokens and tokens[-1].i + 2 < len(doc) and doc[tokens[-1].i + 1].text == "-" \
                and not tokens[-1].whitespace_ and not doc[tokens[-1].i + 1].whitespace_:
            # a hyphenated word the parser split into appositions of its own ("co" "-" "leader")
            tokens += [doc[tokens[-1].i + 1], doc[tokens[-1].i + 2]]
        tokens = _strip(_fit(tokens, child))
        if _useful(tokens, ent_tokens):
            return tokens
    return None


def _proper_title(tok, ent_tokens: set[int]) -> bool:
    """A capitalized title the tagger calls a proper noun, outside any name, with its own determiner or
    owner: "the Labour MP for York", "the agency's Executive Director", "The Under-Secretary-General"."""
    return tok.pos_ == "PROPN" and tok.i not in ent_tokens and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "a", "an")) for c in tok.children)


def apposed_to(span, ent_tokens: set[int]):
    """The noun a name stands in apposition to: 'the Russian and Iranian deputy foreign ministers, X and Y'.

    With coordinated names and as many coordinated adjectives, each name gets its own
    adjective and the singular noun ('Russian deputy foreign minister' for X).
    """
    head = span.root
    names = [head]
    anchor = head
    # (the model may label one name of the list otherwise: "Helena Sousa" as ORG between two PERSONs)
    while anchor.dep_ == "conj" and anchor.head.i < anchor.i and anchor.head.ent_type_ in _NAMES:
        anchor = anchor.head
        names.insert(0, anchor)
    noun = anchor.head
    if noun.i >= anchor.i or noun.i in ent_tokens or (noun.pos_ != "NOUN" and not _proper_title(noun, ent_tokens)):
        return None
    if noun.dep_ == "pobj" and noun.head.is_sent_start:
        return None  # an opening phrase, not an apposition: "Among young voters, X and Y are tied
    # the parser gives 'ministers, X and Y' as an apposition, or as a coordination after a comma
    after_comma = anchor.left_edge.i > 0 and anchor.doc[anchor.left_edge.i - 1].text == ","
    if not (anchor.dep_ == "appos" or (anchor.dep_ == "conj" and noun.tag_ == "NNS" and after_comma)):
        return None
    left = _strip([t for t in noun.subtree if t.i <= noun.i])
    if not _useful(left, ent_tokens):
        return None
    if noun.tag_ in ("NN", "NNP") and not [c for c in anchor.conjuncts if c.i > anchor.i]:
        # one person: the title's own phrase up to the comma before the name ("the chair of the
        # fisheries committee, Ann Roe"), when it is plain words
        tail = [t for t in noun.subtree if noun.i < t.i < anchor.left_edge.i - 1]
        if tail and tail[0].dep_ == "prep" and not any(t.is_punct and t.tag_ != "HYPH" for t in tail) \
                and len(left) + len(tail) <= _MAX_WORDS and anchor.doc[anchor.left_edge.i - 1].text == ",":
            left = left + tail
    # the coordinated modifiers may hang on the noun or on a word before it ('Russian and Iranian deputy ...')
    coordinated = []
    for t in left:
        if t.dep_ in ("amod", "compound", "nmod") and t.conjuncts:
            coordinated = [t, *[c for c in t.conjuncts if c.i < noun.i]]
            break
    chain = [anchor, *[c for c in anchor.conjuncts if c.i > anchor.i and c.ent_type_ in _NAMES]]
    if len(coordinated) > 1 and len(coordinated) == len(chain) and head in chain:
        k = chain.index(head)
        last_adj = max(c.i for c in coordinated)
        middle = [t for t in left if last_adj < t.i < noun.i]
        return [coordinated[k], *middle, noun], noun.lemma_  # the noun in the singular
    if noun.tag_ == "NNS":
        # "the three foreign ministers, X, Y and Z": each is a foreign minister. A plural noun before a single
        # name is a misparse ("high stakes, Clinton ...") more often than a role.
        if len(chain) < 2:
            return None
        left = [t for t in left if t.pos_ != "NUM" and t.lower_ not in _QUANTIFIERS]
        return (left, noun.lemma_) if _useful(left, ent_tokens) else None
    return left, None


#: Abbreviated titles, written out in a role ("Sen." reads as "Senator" in a briefing's list of actors).
ABBREVIATIONS = {"sen.": "Senator", "rep.": "Representative", "gov.": "Governor", "gen.": "General",
                  "lt.": "Lieutenant", "col.": "Colonel", "adm.": "Admiral", "capt.": "Captain", "sgt.": "Sergeant",
                  "maj.": "Major", "cmdr.": "Commander", "atty.": "Attorney", "supt.": "Superintendent",
                  "amb.": "Ambassador", "pres.": "President", "sec.": "Secretary", "lt": "Lieutenant",
                  "prof": "Professor", "prof.": "Professor", "brig.": "Brigadier", "cpl.": "Corporal",
                 "pvt.": "Private", "lieut.": "Lieutenant", "insp.": "Inspector"}


def role_text(tokens, singular: str | None = None) -> str:
    """The role as written (with the head noun made singular when it was shared by several names), its
    abbreviated titles written out."""
    if singular is not None:
        return (_text(tokens[:-1]) + " " + singular).strip() if len(tokens) > 1 else singular
    return " ".join(ABBREVIATIONS.get(w.lower(), w) if w[:1].isupper() else w for w in _text(tokens).split(" "))
