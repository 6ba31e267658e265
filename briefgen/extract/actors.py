"""Actors: named entities merged under one canonical name each, with roles and a rank."""
from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.extract.spans import ParagraphMap
from briefgen.models import Actor, Article, Quote

LABEL_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "NORP": "group", "FAC": "place"}


@dataclass
class ActorIndex:
    """Actors of one article and where each is mentioned (character spans of the body)."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)

    def name_at(self, start: int, end: int) -> str | None:
        """Canonical name of the mention overlapping [start, end)."""
        for s, e, name in self.mentions:
            if s < end and start < e:
                return name
        return None

    def names_in(self, start: int, end: int) -> list[str]:
        """Canonical names mentioned inside [start, end), in order, once each."""
        seen: list[str] = []
        for s, e, name in self.mentions:
            if s >= start and e <= end and name not in seen:
                seen.append(name)
        return seen

    def lookup(self, text: str) -> str | None:
        """Canonical name for a surface form."""
        t = text.strip()
        for a in self.actors.values():
            if t == a.name or t in a.aliases:
                return a.name
        return None


def _clean(text: str) -> str:
    t = text.strip()
    if t.lower().startswith("the "):
        t = t[4:]
    for suffix in ("’s", "'s"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    return t.strip()


def extract_actors(doc, article: Article) -> ActorIndex:
    """Collect entity mentions and merge short forms into the full names they abbreviate."""
    index = ActorIndex()
    pmap = ParagraphMap(article)
    for ent in doc.ents:
        kind = LABEL_KIND.get(ent.label_)
        if not kind or "\n" in ent.text:
            continue
        name = _clean(ent.text)
        if len(name) < 2 or not any(c.isupper() for c in name):
            continue
        canonical = None
        for a in index.actors.values():
            if name == a.name or name in a.aliases or (kind == "person" and a.kind == "person" and name in a.name.split()):
                canonical = a.name
                break
        if canonical is None:
            index.actors[name] = Actor(name=name, kind=kind, first_paragraph=pmap.index(ent.start_char))
            canonical = name
        actor = index.actors[canonical]
        if name != canonical and name not in actor.aliases:
            actor.aliases.append(name)
        actor.mentions += 1
        index.mentions.append((ent.start_char, ent.end_char, canonical))
    return index


def rank_actors(index: ActorIndex, article: Article, quotes: list[Quote]) -> list[Actor]:
    """Order actors by mentions, quotes and presence in the headline or lead."""
    quoted = {q.speaker for q in quotes if q.speaker}
    for a in index.actors.values():
        a.quoted = a.name in quoted
        in_title = any(f in article.title for f in [a.name, *a.aliases])
        a.score = a.mentions + (3 if a.quoted else 0) + (2 if in_title else 0) + (1 if (a.first_paragraph or 99) <= 2 else 0)
    return sorted(index.actors.values(), key=lambda a: (-a.score, a.first_paragraph or 0, a.name))
