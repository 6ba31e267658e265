"""Aggregate: merge per-article extractions into one Briefing."""
from __future__ import annotations

from datetime import date, datetime

from briefgen.config import Config
from briefgen.models import Actor, Briefing, Extraction, Skipped, Source, Summary


def number_sources(extractions: list[Extraction], accessed: date) -> list[Source]:
    """One numbered source per article, in input order."""
    return [
        Source(number=i, path=e.path, title=e.title, outlet=e.outlet, author=e.author, url=e.url,
               published=e.published, accessed=accessed)
        for i, e in enumerate(extractions, start=1)
    ]


def merge_actors(extractions: list[Extraction]) -> list[Actor]:
    """Merge actors across articles by canonical name or alias; rank by summed score."""
    merged: dict[str, Actor] = {}
    alias_of: dict[str, str] = {}
    for e in extractions:
        for a in e.actors:
            key = next((alias_of[f] for f in [a.name, *a.aliases] if f in alias_of), None)
            if key is None:
                key = a.name
                merged[key] = a.model_copy(deep=True, update={"articles": [e.path]})
            else:
                m = merged[key]
                m.mentions += a.mentions
                m.score += a.score
                m.quoted = m.quoted or a.quoted
                m.role = m.role or a.role
                m.aliases += [x for x in [a.name, *a.aliases] if x != m.name and x not in m.aliases]
                if e.path not in m.articles:
                    m.articles.append(e.path)
            for f in [a.name, *a.aliases]:
                alias_of.setdefault(f, key)
    return sorted(merged.values(), key=lambda a: (-a.score, -a.mentions, a.name))


def pick_summaries(extractions: list[Extraction], sources: list[Source], n: int, skip: set[str]) -> list[Summary]:
    """Lead sentences, one per article in turn, no repeats."""
    out: list[Summary] = []
    by_path = {s.path: s.number for s in sources}
    pools = [list(e.sentences) for e in extractions]
    while len(out) < n and any(pools):
        for e, pool in zip(extractions, pools):
            while pool:
                s = pool.pop(0)
                if s.text not in skip:
                    skip.add(s.text)
                    out.append(Summary(text=s.text, source=by_path[e.path]))
                    break
            if len(out) >= n:
                break
    return out


def aggregate(extractions: list[Extraction], config: Config, *, now: datetime, skipped: list[Skipped] | None = None) -> Briefing:
    """Build the briefing value: merged actors, sorted timeline, quotes, questions, sources."""
    lim = config.limits
    briefing_date = now.date()
    sources = number_sources(extractions, briefing_date)
    used: set[str] = set()
    bottom = pick_summaries(extractions, sources, lim.bottom_line, used)
    points = pick_summaries(extractions, sources, lim.key_points, used)
    timeline = sorted((ev for e in extractions for ev in e.events), key=lambda ev: (ev.sort_key, ev.source or "", ev.paragraph))
    for ev in timeline:
        ev.upcoming = ev.sort_key > briefing_date.isoformat() or ev.upcoming
    quotes = [q.model_copy(update={"source": e.path}) for e in extractions for q in e.quotes if len(q.text.split()) >= 4]
    return Briefing(
        title=config.title, organization=config.organization, author=config.author, recipient=config.recipient,
        banner=config.banner, edition=config.edition, date=briefing_date, generated_at=now, timezone=config.timezone,
        bottom_line=bottom, key_points=points,
        actors=merge_actors(extractions)[: lim.actors],
        timeline=timeline[: lim.timeline],
        quotes=quotes[: lim.quotes],
        statements=[q.model_copy(update={"source": e.path}) for e in extractions for q in e.statements][: lim.quotes],
        open_questions=[q for e in extractions for q in e.open_questions][: lim.open_questions],
        outlook=[o for e in extractions for o in e.outlook][: lim.outlook],
        sources=sources,
        skipped=list(skipped or []),
        article_count=len(extractions),
    )
