"""Candidate sentences for the bottom line and key points, with what each carries."""
from __future__ import annotations

import re

from briefgen.extract.sentences import all_quoted, has_link, pieces, quote_regions
from briefgen.models import Article, DateMention, Sentence

# Sentences opening with these lean on the one before ("This is concerning because ..."):
# shown alone in a bottom line they would not say what they refer to.
_DEPENDENT_START = re.compile(r"^\W*(this|that|these|those|it|he|she|they|his|her|their|its|such|but|and|also|however|meanwhile|still|yet)\b", re.I)
# "The statement came ...", "Castro's move followed ...": a noun pointing back at news told before it.
_ANAPHORIC_START = re.compile(
    r"^\W*(?:the|[A-Z][\w.'’-]+['’]s)\s+(?:latest\s+|new\s+)?(?:statement|move|decision|remarks?|comments?|announcement|"
    r"letter|visit|call|step|development|news|incident|episode|exchange|outburst|ruling)\b")
_QUOTE_MARKS = "\"“”«»"
_STOP = frozenset("a an the of to in on at for and or but by with from as that this is are was were be been has have had "
                  "it its he she they his her their said says will would could also than which who".split())


_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ing", "ed", "es", "s")


def _content(text: str) -> set[str]:
    """Content words, crudely stemmed (invited -> invit, groups -> group) so that forms of a word meet."""
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def _stem(w: str) -> str:
    """The word without its longest inflection ending (a string test: a regex per word cost more)."""
    for suffix in _SUFFIXES:
        if w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def _overlap(title: set[str], sent: set[str]) -> float:
    """Share of the headline's content words found in the sentence."""
    return len(title & sent) / len(title) if title else 0.0


def candidate_sentences(doc, article: Article, limit: int = 30, actors=None, dates: list[DateMention] | None = None) -> list[Sentence]:
    """Sentences of the body that can stand alone in a summary, lead first, each with a lead-weighted score.

    `actors` (an ActorIndex) and `dates` fill in the actors and dates each sentence carries,
    which aggregation weighs against the briefing's key actors.
    """
    quotes = {i: quote_regions(b.text) for i, b in enumerate(article.blocks)}
    offsets = article.block_offsets()
    out: list[Sentence] = []
    order = 0
    title = _content(article.title)
    first_in_block: set[int] = set()
    for p in pieces(doc, article):
        new_block = p.block not in first_in_block
        first_in_block.add(p.block)
        words = p.text.split()
        if p.heading or len(words) < 6 or p.text.rstrip(_QUOTE_MARKS + "’' ").endswith(("?", ":")) or has_link(p.text):
            # a question is an open question; a line ending in a colon introduces what follows ("The Latest on ...:")
            continue
        base = offsets[p.block][0]
        if all_quoted(p, quotes.get(p.block, []), base) or p.text[0] in _QUOTE_MARKS + "‘'":
            continue  # someone's words with no attribution in the sentence: quotes have their own section
        names = actors.names_in(p.start, p.end) if actors is not None else []
        in_sent = [d for d in (dates or []) if p.start <= d.start < p.end]
        # Lead weighting: news puts what matters first (inverted pyramid); 0.15 per sentence
        # halves the weight by the eighth candidate sentence.
        score = 1.0 / (1.0 + 0.15 * order) + (0.2 if new_block else 0.0)
        if _DEPENDENT_START.match(p.text):
            score -= 0.6
        elif _ANAPHORIC_START.match(p.text):
            score -= 0.4
        if p.text.count("“") != p.text.count("”") or p.text.count('"') % 2:
            score -= 0.3  # an unclosed quotation reads as a fragment
        if len(words) > 45:
            score -= 0.2
        # Words shared with the headline mark the story's own event (Edmundson's title method).
        topic = _overlap(title, _content(p.text))
        score += 0.8 * topic
        out.append(Sentence(text=p.text, paragraph=p.paragraph, start=p.start, end=p.end, score=round(score, 4),
                            actors=names, dates=[d.value or d.text for d in in_sent], topic=round(topic, 4)))
        order += 1
        if len(out) >= limit:
            break
    return out
