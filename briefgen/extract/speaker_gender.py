"""Whether an actor is "he" or "she", from what the article itself shows.

Evidence: the courtesy title before the name ("Mrs. Roe"), a gendered title word written with the
name ("Congresswoman Ann Roe"), and the pronoun that reports the actor's own words ("Roe said she
would ..."). A gender is kept only when the evidence agrees: a wrong one would hide the right antecedent.
"""
from __future__ import annotations

# "the man" is no antecedent for "she", nor "the woman" for "he".
GENDERED_NOUNS = {"he": {"woman", "spokeswoman", "chairwoman", "congresswoman", "queen"},
                  "she": {"man", "spokesman", "chairman", "congressman", "king", "prince"}}
_HONORIFIC_GENDER = {"mr": "he", "mr.": "he", "mrs": "she", "mrs.": "she", "ms": "she", "ms.": "she", "miss": "she"}
_ROLE_GENDER = {**{w: "he" for w in ("congressman", "spokesman", "businessman", "chairman", "father", "husband",
                                     "king", "prince", "son", "brother", "uncle", "nephew", "actor", "grandfather")},
                **{w: "she" for w in ("congresswoman", "spokeswoman", "businesswoman", "chairwoman", "mother", "wife",
                                      "queen", "princess", "daughter", "sister", "aunt", "niece", "actress",
                                      "grandmother", "woman", "widow", "first lady")}}
_SAY_LEMMAS = ("say", "add", "write", "insist", "argue", "claim", "tell")


def mention_evidence(span, name: str, votes: dict[str, list[str]]) -> None:
    """Add the gender one mention of a person shows (a courtesy title, "X said she") to `votes`."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in _HONORIFIC_GENDER:
        votes.setdefault(name, []).append(_HONORIFIC_GENDER[before.lower_])
    root = span.root
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_ in _SAY_LEMMAS:
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


def settle(votes: dict[str, list[str]], role_words: dict[str, set[str]]) -> dict[str, str]:
    """Each actor's gender where all evidence, with the gendered words of its title, agrees."""
    for n, words in role_words.items():
        votes.setdefault(n, []).extend(_ROLE_GENDER[w] for w in words if w in _ROLE_GENDER)
    return {n: v[0] for n, v in votes.items() if v and len(set(v)) == 1}


def agrees(gender: dict[str, str], name: str | None, pronoun: str) -> bool:
    """Whether "he" or "she" can refer to `name` (unknown genders agree with both)."""
    g = gender.get(name) if name else None
    return g is None or pronoun not in ("he", "she") or g == pronoun
