"""Which quotes a briefing shows: the key actors' words, spread over speakers and articles, none too long.

Taking the first N quotes in input order would fill the section from the first articles and
let one long transcript crowd out everything else; staff want what the key actors said.
"""
from __future__ import annotations

import re

from briefgen.models import Actor, Extraction, Quote
from briefgen.typography import typographic
from briefgen.window import background_stories

#: A quote longer than this is cut after its last whole sentence that fits (with an ellipsis).
MAX_WORDS = 60


def pick_quotes(extractions: list[Extraction], actors: list[Actor], limit: int, statements: bool = False) -> list[Quote]:
    """Up to `limit` quotes (or reported statements), under the merged actors' names, grouped by speaker.

    Attributed quotes of highly ranked actors come first; each further quote of the same speaker
    or article counts for a little less, so one voice or one story does not fill the section.
    Speakers are ordered by their rank among the actors, unattributed quotes last.
    """
    name_of: dict[str, str] = {}
    for a in actors:
        for form in (a.name, *a.aliases):
            name_of.setdefault(form, a.name)
    rank = {a.name: i for i, a in enumerate(actors)}
    background = background_stories(extractions)
    seen: set[str] = set()
    candidates: list[tuple[float, int, Quote]] = []
    for order, e in enumerate(extractions):
        for i, q in enumerate(e.statements if statements else e.quotes):
            if len(q.text.split()) < 4:
                continue
            key = " ".join(re.findall(r"\w+", q.text.lower())[:12])
            if key in seen:  # the same words reported by another outlet
                continue
            seen.add(key)
            speaker = _speaker_name(q.speaker, name_of, actors) if q.speaker else None
            score = (2.0 if speaker else 0.0) + (1.5 / (1 + 0.3 * rank[speaker]) if speaker in rank else 0.0)
            score -= 0.02 * i + (0.5 if len(q.text.split()) > 2 * MAX_WORDS else 0.0)
            score -= 1.0 if e.path in background else 0.0  # last year's words give way to this week's
            # a partial quote ("failed to yield results") reads as a fragment out of its sentence
            if q.text[:1].islower() or len(q.text.split()) < 6:
                score -= 0.8
            candidates.append((score, order, q.model_copy(update={"source": e.path, "speaker": speaker,
                                                                 "text": shorten_quote(shown_quote(typographic(q.text)))})))
    candidates = _without_fragments(candidates)
    chosen: list[tuple[int, Quote]] = []
    per_speaker: dict[str | None, int] = {}
    per_article: dict[str | None, int] = {}
    while candidates and len(chosen) < limit:
        best = max(range(len(candidates)), key=lambda k: (
            candidates[k][0] - 0.4 * per_speaker.get(candidates[k][2].speaker, 0)
            - 0.2 * per_article.get(candidates[k][2].source, 0), -k))
        _, order, q = candidates.pop(best)
        per_speaker[q.speaker] = per_speaker.get(q.speaker, 0) + 1
        per_article[q.source] = per_article.get(q.source, 0) + 1
        chosen.append((order, q))
    first_rank = {}
    for order, q in chosen:
        first_rank.setdefault(q.speaker, rank.get(q.speaker, len(rank)) if q.speaker else len(rank) + 1)
    chosen.sort(key=lambda oq: (first_rank[oq[1].speaker], oq[1].speaker or "", oq[0], oq[1].start))
    return [q for _, q in chosen]


#: Forms of address that precede a surname ("Lord Reed", "Mr Sunak"); the actor list may hold the bare surname.
_ADDRESS = re.compile(r"^(?:Lord|Lady|Sir|Dame|Baroness|Baron|Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+")


def _speaker_name(speaker: str, name_of: dict[str, str], actors: list[Actor]) -> str:
    """The briefing's name for a quote's speaker: the actor it is a form of, also when one article names the
    speaker "Lord Reed" and the actors hold "Reed" (or "Ines Duarte" for "Dr Duarte"); else as the article wrote it."""
    if speaker in name_of:
        return name_of[speaker]
    bare = _ADDRESS.sub("", speaker)
    if bare in name_of:
        return name_of[bare]
    if bare == speaker:
        return speaker
    words = bare.split()
    people = [a.name for a in actors if a.kind == "person" and a.name.split()[-len(words):] == words]
    return people[0] if len(people) == 1 else speaker


def _without_fragments(candidates: list[tuple[float, int, Quote]]) -> list[tuple[float, int, Quote]]:
    """The candidates less each quote whose words another candidate holds in full: one outlet quotes a phrase
    ("on the side of peace") of the sentence another quotes whole ("Hungary is on the side of peace")."""
    words = [" " + " ".join(re.findall(r"\w+", q.text.lower())) + " " for _, _, q in candidates]
    return [c for k, c in enumerate(candidates)
            if not any(j != k and len(w) > len(words[k]) and words[k] in w for j, w in enumerate(words))]


def shown_quote(text: str) -> str:
    """The quote as the briefing shows it alone: without the comma that led into the attribution
    ("... hostage," she said), which reads as a cut once the attribution is gone."""
    return re.sub(r"\s*,\s*$", "", text)


def shorten_quote(text: str, max_words: int = MAX_WORDS) -> str:
    """The quote, or its opening sentences up to `max_words` words and an ellipsis (never a cut mid-sentence
    unless the first sentence alone is longer)."""
    if len(text.split()) <= max_words:
        return text
    kept, n = [], 0
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        w = len(sentence.split())
        if n + w > max_words:
            break
        kept.append(sentence)
        n += w
    if kept:
        return " ".join(kept) + " …"
    return " ".join(text.split()[: max_words - 10]).rstrip(",;:—–-") + " …"
