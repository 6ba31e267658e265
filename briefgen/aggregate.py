"""Aggregate: merge per-article extractions into one Briefing."""
from __future__ import annotations

import re
from datetime import date, datetime

from briefgen.config import Config
from briefgen.models import Actor, ActorLink, Briefing, Event, Extraction, Skipped, Source, Summary
from briefgen.select_quotes import pick_quotes
from briefgen.typography import typographic
from briefgen.window import background_stories


def number_sources(extractions: list[Extraction], accessed: date) -> list[Source]:
    """One numbered source per article, in input order."""
    return [
        Source(number=i, path=e.path, title=e.title, outlet=e.outlet, author=e.author, url=e.url,
               published=e.published, accessed=accessed, also_reported_by=list(e.also_reported_by))
        for i, e in enumerate(extractions, start=1)
    ]


#: A national qualifier in front of an institution's name.
_NATIONAL = re.compile(r"^(?:us|u s|united states|american|uk|british) ")


def merge_actors(extractions: list[Extraction]) -> list[Actor]:
    """Merge actors across articles: same name or alias, or a person's surname form; rank by summed score.

    A bare surname alias ("Bhutto") may belong to several people, so a person joins another
    only by canonical name or when one name ends with the other word for word. Scores add up,
    so what several articles report ranks higher.
    """
    def norm(name: str) -> str:
        n = re.sub(r"[.’']", "", name).lower().strip()
        n = n.replace(" of the ", " of ")  # "Democratic Republic of the Congo" and "... of Congo"
        return n[4:] if n.startswith("the ") else n

    merged: list[Actor] = []
    role_day: dict[int, date | None] = {}  # publication day of the article that gave each actor its role
    by_form: dict[str, int] = {}
    people: list[int] = []
    for e in extractions:
        for a in e.actors:
            forms = [norm(f) for f in [a.name, *a.aliases]]
            if a.kind != "person":  # "U.S. Immigration Service" and "Immigration Service" are one body
                forms += [q for f in forms if (q := _NATIONAL.sub("", f)) != f and len(q.split()) >= 2]
            i = by_form.get(forms[0])
            if i is None and a.kind != "person":
                i = next((by_form[f] for f in forms[1:] if f in by_form and merged[by_form[f]].kind != "person"), None)
            if i is None and a.kind == "person":
                words = forms[0].split()
                for j in people:
                    other = norm(merged[j].name).split()
                    short, full = sorted((words, other), key=len)
                    # a surname form, or the same first and last name with a middle initial ("Donald J. Trump")
                    if full[-len(short):] == short or (len(short) >= 2 and short[0] == full[0] and short[-1] == full[-1]):
                        i = j
                        break
            if i is None:
                merged.append(a.model_copy(deep=True, update={"articles": [e.path]}))
                i = len(merged) - 1
                if a.kind == "person":
                    people.append(i)
                role_day[i] = e.published
            else:
                m = merged[i]
                if (len(a.name.split()) > len(m.name.split()) if a.kind == "person"
                        else norm(m.name) in forms[1:] and len(a.name) > len(m.name)):
                    # the fuller name: "Donald J. Trump" for "Trump"; "European Union" for the "EU" that story gives as its alias
                    m.aliases = [x for x in m.aliases if x != a.name] + [m.name]
                    m.name = a.name
                m.mentions += a.mentions
                m.score += a.score
                m.quoted = m.quoted or a.quoted
                if _newer_role(a.role, e.published, m.role, role_day.get(i)):
                    m.role, role_day[i] = a.role, e.published
                firsts = [x for x in (m.first_paragraph, a.first_paragraph) if x is not None]
                m.first_paragraph = min(firsts) if firsts else None
                m.aliases += [x for x in [a.name, *a.aliases] if x != m.name and x not in m.aliases]
                if e.path not in m.articles:
                    m.articles.append(e.path)
            for f in forms:
                by_form.setdefault(f, i)
    return sorted(merged, key=lambda a: (-a.score, -a.mentions, a.name))


def _newer_role(role: str | None, day: date | None, current: str | None, current_day: date | None) -> bool:
    """Whether an article's role for an actor replaces the one kept so far: roles change ("Estonian Prime Minister"
    in last year's story, "EU foreign policy chief" now), so the newest story's role wins; on the same day
    (or undated) a fuller form of the same role ("Congolese President" for "President") does."""
    if not role:
        return False
    if not current:
        return True
    if day and current_day and day != current_day:
        return day > current_day
    if day and not current_day:
        return True
    if current_day and not day:
        return False
    old, new = set(current.lower().split()), set(role.lower().split())
    return old < new


def merge_links(extractions: list[Extraction], actors: list[Actor]) -> list[ActorLink]:
    """Sum the articles' actor links under the merged actors' names, keeping links between `actors` only."""
    name_of: dict[str, str] = {}
    for a in actors:
        for f in [a.name, *a.aliases]:
            name_of.setdefault(f, a.name)
    weights: dict[tuple[str, str], int] = {}
    for e in extractions:
        for link in e.links:
            a, b = name_of.get(link.a), name_of.get(link.b)
            if a and b and a != b:
                key = (min(a, b), max(a, b))
                weights[key] = weights.get(key, 0) + link.weight
    return [ActorLink(a=a, b=b, weight=w) for (a, b), w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))]


def pick_summaries(extractions: list[Extraction], sources: list[Source], n: int, skip: set[str], *, bottom_line: bool = False,
                   today: date | None = None) -> list[Summary]:
    """Up to n sentences that together carry the most key actors and dates, lead weighted, no near-duplicates.

    Greedy selection by marginal gain (as in maximal marginal relevance): each pick adds
    the sentence whose lead weight plus not-yet-covered key actors and dates is highest.
    For the bottom line the picks have roles, in the order of a BLUF: the lead (what
    happened), then the sentence that adds the most key actors on the story's own event
    (who), then the one with the nearest upcoming date (what comes next). `skip` holds
    the texts already shown (the bottom line, when picking key points); picks are added to it.

    What is stale gives way: a background story (a month or more older than the newest) stays out
    of the bottom line, and of the key points while the current stories have enough sentences; and a sentence that looked ahead to a day
    a newer story already covers ("leaders will meet on Thursday", told on Wednesday) is left out.
    "What comes next" counts from `today` (the briefing date; else the newest publication).
    """
    by_path = {s.path: s.number for s in sources}
    weight = _key_actor_weights(extractions)
    shown = [_content_words(t) for t in skip]
    covered = {a for e in extractions for s in e.sentences if s.text in skip for a in _keys(s.actors, weight)}
    seen_dates = {d for e in extractions for s in e.sentences if s.text in skip for d in s.dates}
    asked = {q.text for e in extractions for q in e.open_questions}  # open questions have their own section
    newest = max((e.published for e in extractions if e.published), default=None)
    background = background_stories(extractions)
    pool = [(e, s) for e in extractions for s in e.sentences if s.text not in skip and s.text not in asked
            and not _overtaken(s.dates, e.published, extractions, s.actors)]
    current = [item for item in pool if item[0].path not in background]
    if current and (bottom_line or len(current) >= n):
        pool = current
    out: list[Summary] = []
    leads = {e.path: min((s.start for s in e.sentences), default=-1) for e in extractions}
    # The newest story's lead tells where things stand: 1 for the latest publication day, less by 0.25 a day.
    fresh = {e.path: max(0.0, 1 - 0.25 * (newest - e.published).days) if newest and e.published else 0.5
             for e in extractions}
    ahead_of = today or newest

    def new_actors(s) -> float:
        return sum(weight[a] * (1.0 if a not in covered else 0.25) for a in _keys(s.actors, weight))

    def gain(item) -> float:
        e, s = item
        new_dates = [d for d in s.dates if d not in seen_dates]
        fresh_source = 0.3 if len(extractions) > 1 and by_path[e.path] not in {o.source for o in out} else 0.0
        stale = 1.0 if e.path in background else 0.0
        return s.score + new_actors(s) + (_date_weight(new_dates, e.published) if new_dates else 0.0) + fresh_source - stale

    roles = [
        lambda item: (item[1].start == leads.get(item[0].path)) * 10 + item[1].score + 0.5 * new_actors(item[1])
        + 1.5 * fresh[item[0].path],  # a lead, of the newest stories first
        lambda item: new_actors(item[1]) + 2.0 * item[1].topic + 0.3 * item[1].score,  # who: on the story's event
        lambda item: _upcoming(item[1].dates, ahead_of) + 0.1 * gain(item),  # what comes next
    ] if bottom_line else []
    while len(out) < n and pool:
        rank = roles[len(out)] if len(out) < len(roles) else gain
        best = max(pool, key=lambda item: (rank(item), -item[1].start))
        pool.remove(best)
        e, s = best
        words = _content_words(s.text)
        if any(_overlap(words, w) >= 0.5 for w in shown):
            continue  # the same news from another outlet (or the same outlet twice) counts once
        text, shortened = shorten(typographic(s.text))
        out.append(Summary(text=text, source=by_path[e.path], shortened=shortened))
        skip.add(s.text)
        shown.append(words)
        covered |= set(_keys(s.actors, weight))
        seen_dates |= set(s.dates)
    return out


def _overtaken(values: list[str], published: date | None, extractions: list[Extraction], actors: list[str]) -> bool:
    """Whether a sentence only looks ahead to days that a newer story already covers: every date it names lies
    after its own publication and ends by the publication of another story about one of its actors, which
    tells what happened then (a story on something else answers nothing)."""
    from briefgen.extract.intervals import bounds

    if not published or not values or not actors:
        return False
    named = set(actors)
    latest = max((e.published for e in extractions if e.published and named & {a.name for a in e.actors}
                  and e.published > published), default=None)
    spans = [bounds(v) for v in values]
    if not latest or not all(spans):
        return False
    return all(b[0] > published.isoformat() and b[1] <= latest.isoformat() for b in spans)


def overtaken_previews(extractions: list[Extraction]) -> set[str]:
    """Paths of the previews a newer story has overtaken: stories whose lead looks ahead to a day that a story
    published since covers ("EU leaders will meet in Brussels on Thursday", told on Wednesday, beside Friday's
    report of the summit). What such a story asked or expected without a date is most likely answered."""
    out = set()
    for e in extractions:
        lead = min(e.sentences, key=lambda s: s.start, default=None)
        if lead is not None and _overtaken(lead.dates, e.published, extractions, lead.actors):
            out.add(e.path)
    return out


def once(items: list) -> list:
    """Items (questions, outlook) with near-duplicates from other outlets dropped, the first kept."""
    out, seen = [], []
    for it in items:
        words = _content_words(it.text)
        if not any(_overlap(words, w) >= 0.6 for w in seen):
            out.append(it)
            seen.append(words)
    return out


def first_mentions(summaries: list[Summary], actors: list[Actor], after: list[Summary] = ()) -> list[Summary]:
    """The summaries with a person's full name at its first mention: a bare surname the reader meets before
    the full name gets the rest in brackets, as editors mark their insertions ("[Mikhail] Bogdanov")."""
    seen = " ".join(s.text for s in after)
    surnames: dict[str, int] = {}
    for a in actors[:30]:
        if a.kind == "person":
            surnames[a.name.split()[-1]] = surnames.get(a.name.split()[-1], 0) + 1
    out = []
    for s in summaries:
        text = s.text
        for a in actors[:30]:
            words = a.name.split()
            if a.kind != "person" or len(words) < 2 or a.name in seen or a.name in text or surnames[words[-1]] > 1:
                continue  # (two Clintons: a bare "Clinton" is left as the writer left it)
            last = words[-1]
            m = re.search(rf"(?<![\w\]])(?:Mr\.?\s|Mrs\.?\s|Ms\.?\s|Dr\.?\s)?{re.escape(last)}\b", text)
            if m and re.search(rf"\b{re.escape(last)}\b", seen) is None:
                given = " ".join(words[:-1])
                text = text[: m.start()] + f"[{given}] " + text[m.start():].removeprefix("Mr. ").removeprefix("Mrs. ").removeprefix("Ms. ").removeprefix("Dr. ")
        seen += " " + text
        out.append(s if text == s.text else s.model_copy(update={"text": text}))
    return out


def _typeset(items: list) -> list:
    """The items with typewriter quotation marks made typographic in their shown text."""
    return [it.model_copy(update={"text": typographic(it.text)}) if typographic(it.text) != it.text else it for it in items]


def _passed(value: str | None, day: date) -> bool:
    """Whether a look-ahead's date is over by the briefing date (an older story's "next week")."""
    from briefgen.extract.intervals import bounds

    b = bounds(value or "")
    return bool(b) and b[1] < day.isoformat()


def in_turn(items: list, limit: int, later: set[str] = frozenset()) -> list:
    """Up to `limit` items taken one article at a time (each article's first, then each one's second, ...),
    in input order: what several stories expect is told before one story's fifth item. The articles in
    `later` (background stories) take their turn after all the others have had theirs."""
    by_article: dict[str | None, list] = {}
    for it in items:
        by_article.setdefault(it.source, []).append(it)
    out = []
    for group in (False, True):
        depth = 0
        articles = [v for k, v in by_article.items() if (k in later) == group]
        while len(out) < limit and any(len(v) > depth for v in articles):
            out += [v[depth] for v in articles if len(v) > depth][: limit - len(out)]
            depth += 1
    order = {id(it): i for i, it in enumerate(items)}
    return sorted(out, key=lambda it: order[id(it)])


def soonest_first(items: list) -> list:
    """Outlook items with a date in the order their time runs out (a day before the month or the year it lies
    in; "late May" by its late days), then the undated ones as they came: "what's next" reads as a schedule."""
    from briefgen.extract.intervals import bounds, narrow

    def key(it) -> tuple:
        b = bounds(it.date or "")
        if not b:
            return (1, "", "")
        first, last = narrow(it.date, it.mod, b)
        return (0, last, first)
    return sorted(items, key=key)


def _upcoming(values: list[str], published: date | None) -> float:
    """1 for a date in the 90 days after publication, sooner higher; 0 otherwise."""
    best = 0.0
    for v in values:
        try:
            d = date.fromisoformat(v[:10])
        except ValueError:
            continue
        days = (d - published).days if published else -1
        if 0 <= days <= 90:
            best = max(best, 1.0 - days / 180)
    return best


def _date_weight(values: list[str], published: date | None) -> float:
    """Bonus for a date: most for the days around publication and the weeks ahead (what is happening now)."""
    best = 0.0
    for v in values:
        try:
            d = date.fromisoformat(v[:10])
        except ValueError:
            best = max(best, 0.2)  # a date without a calendar value ("late February")
            continue
        if published is None:
            best = max(best, 0.4)
        else:
            days = (d - published).days
            best = max(best, 0.6 if -14 <= days <= 60 else 0.1)
    return best


def _key_actor_weights(extractions: list[Extraction], top: int = 12) -> dict[str, float]:
    """Weight of each name and alias of the briefing's top actors: 1 for the first, falling as 1/sqrt(rank)."""
    weight: dict[str, float] = {}
    for rank, a in enumerate(merge_actors(extractions)[:top]):
        for name in [a.name, *a.aliases]:
            weight.setdefault(name, round(1.0 / (1 + rank) ** 0.5, 4))
    return weight


def _keys(names: list[str], weight: dict[str, float]) -> list[str]:
    return [n for n in names if n in weight]


_STOP = frozenset("a an the of to in on at for and or but by with from as that this is are was were be been has have had "
                  "it its he she they his her their said says will would could also than which who".split())


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}


def _overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller sentence's content words found in the other (near-duplicates score high)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def merge_timeline(extractions: list[Extraction], briefing_date: date, limit: int) -> list[Event]:
    """Events of all articles, one per happening, sorted by date; upcoming relative to the briefing date.

    Each sentence is shown once: a clause that an article's other entry already holds (a part of a
    sentence given in full for another date, or another window on the same long sentence, which may
    reach into the next paragraph) is one entry,
    the one with the plain, most precise date; it stays apart only when one is upcoming and the other
    not, since upcoming items have their own list. The same day told in near-identical words (by several
    outlets, or twice in one story) is one event too. A forecast whose day is over ("leaders will meet on
    Thursday", told on Wednesday) gives way when a story published since tells what happened that day.
    """
    today = briefing_date.isoformat()
    kept: list[Event] = []
    overtaken = _overtaken_forecasts(extractions, today)
    for ev in sorted((ev for e in extractions for ev in e.events), key=lambda ev: (ev.sort_key, ev.source or "", ev.paragraph)):
        if id(ev) in overtaken:
            continue
        end = ev.end_key or ev.sort_key
        ev = ev.model_copy(update={"upcoming": ev.sort_key > today or (ev.future and end >= today)})
        words = _content_words(ev.text)
        if any(k.date == ev.date and _overlap(words, _content_words(k.text)) >= 0.6 for k in kept):
            continue
        twin = next((k for k in kept if k.source == ev.source and abs(k.paragraph - ev.paragraph) <= 1 and k.upcoming == ev.upcoming
                     and _same_words(ev.text, k.text)), None)
        if twin is not None:
            if _precision(ev) <= _precision(twin):
                continue
            kept.remove(twin)
        kept.append(ev)
    if len(kept) > limit:
        kept = _most_relevant(kept, briefing_date, limit)
    return kept


def _overtaken_forecasts(extractions: list[Extraction], today: str) -> set[int]:
    """ids of the future-tense events that are over by `today` and whose day a story published on or after it
    reports in the past tense (the preview's "will meet on Thursday" beside the report's "met on Thursday")."""
    # (first, last day, actors) of what stories tell as done, on or before their day; the report must share an
    # actor with the forecast ("floods hit Valencia on Thursday" does not answer "leaders will meet on Thursday")
    reported: list[tuple[str, str, set[str]]] = []
    published = {e.path: e.published.isoformat() for e in extractions if e.published}
    for e in extractions:
        for ev in e.events:
            day = published.get(e.path)
            if not ev.future and day and (ev.end_key or ev.sort_key) <= day:
                reported.append((ev.sort_key, ev.end_key or ev.sort_key, set(ev.actors)))
    out = set()
    for e in extractions:
        for ev in e.events:
            end = ev.end_key or ev.sort_key
            if ev.future and end < today and published.get(e.path, "9999") < ev.sort_key \
                    and any(a <= end and ev.sort_key <= b and b <= end and names & set(ev.actors) for a, b, names in reported):
                out.add(id(ev))
    return out


def _same_words(a: str, b: str) -> bool:
    """Whether two entries of one article show the same words: one inside the other, or two long windows
    on one sentence (short clauses that differ only in their date, "rebuilt in 1956" and "in 1971", do not)."""
    ca, cb = a.strip(" …"), b.strip(" …")
    if ca in cb or cb in ca:
        return True
    wa, wb = _content_words(a), _content_words(b)
    return min(len(wa), len(wb)) >= 8 and _overlap(wa, wb) >= 0.8


def _precision(ev: Event) -> tuple:
    """How exactly an entry's date tells its clause: a plain date before "after"/"before" one, then the shorter span,
    then the fuller text."""
    try:
        days = (date.fromisoformat((ev.end_key or ev.sort_key)[:10]) - date.fromisoformat(ev.sort_key[:10])).days
    except ValueError:
        days = 10**6
    return (ev.mod not in ("after", "before"), -days, len(ev.text))


#: Entries older than this before the briefing date are background: they give way first when the list is cut.
BACKGROUND_DAYS = 548  # about 18 months


def _most_relevant(events: list[Event], briefing_date: date, limit: int) -> list[Event]:
    """The `limit` entries a reader needs most, in date order: what is scheduled, then the recent past (a day's
    first entry before its second), then background history, newest first."""
    horizon = date.fromordinal(max(1, briefing_date.toordinal() - BACKGROUND_DAYS)).isoformat()
    seen: dict[str, int] = {}
    nth = {}
    for ev in events:
        nth[id(ev)] = seen.get(ev.date, 0)
        seen[ev.date] = nth[id(ev)] + 1

    def rank(ev: Event) -> tuple:
        background = (ev.end_key or ev.sort_key) < horizon
        return (not ev.upcoming, background, nth[id(ev)] > 0, -_precision(ev)[1], _neg(ev.sort_key))

    chosen = {id(ev) for ev in sorted(events, key=rank)[:limit]}
    return [ev for ev in events if id(ev) in chosen]


def _neg(key: str) -> tuple[int, ...]:
    """A sort key that orders ISO dates newest first."""
    return tuple(-ord(c) for c in key)


def shorten(text: str, max_words: int = 40) -> tuple[str, bool]:
    """The sentence, or its opening clauses up to a comma or semicolon when it is longer than max_words, with an ellipsis."""
    words = text.split()
    if len(words) <= max_words:
        return text, False
    cut = None
    for m in re.finditer(r"[,;:]\s|\s[—–-]{1,2}\s", text):
        n = len(text[: m.start()].split())
        if 12 <= n <= max_words - 5 and not _open_quote(text[: m.start()]):
            cut = m.start()
    if cut is None:
        cut = len(" ".join(words[: max_words - 5]))
    head = text[:cut].rstrip(" ,;:—–-")
    return head + " …" + _open_quote(head), True


def _open_quote(text: str) -> str:
    """The mark that closes a quotation still open at the end of `text` ('”' or '"'), else ''."""
    if text.count("“") > text.count("”"):
        return "”"
    return '"' if text.count('"') % 2 == 1 else ""


def aggregate(extractions: list[Extraction], config: Config, *, now: datetime, skipped: list[Skipped] | None = None) -> Briefing:
    """Build the briefing value: merged actors, sorted timeline, quotes, questions, sources."""
    lim = config.limits
    briefing_date = now.date()
    sources = number_sources(extractions, briefing_date)
    used: set[str] = set()
    bottom = pick_summaries(extractions, sources, lim.bottom_line, used, bottom_line=True, today=briefing_date)
    points = pick_summaries(extractions, sources, lim.key_points, used, today=briefing_date)
    timeline = merge_timeline(extractions, briefing_date, lim.timeline)
    actors = merge_actors(extractions)
    background = background_stories(extractions)  # its undated "what's next" is most likely over
    answered = overtaken_previews(extractions)  # so are a preview's questions and undated "what's next"
    return Briefing(
        title=config.title, organization=config.organization, author=config.author, recipient=config.recipient,
        banner=config.banner, edition=config.edition, date=briefing_date, generated_at=now, timezone=config.timezone,
        bottom_line=first_mentions(bottom, actors), key_points=first_mentions(points, actors, after=bottom),
        actors=actors[: lim.actors],
        timeline=_typeset(timeline),
        quotes=pick_quotes(extractions, actors, lim.quotes),
        statements=pick_quotes(extractions, actors, lim.quotes, statements=True),
        open_questions=_typeset(in_turn(once([q for e in extractions if e.path not in answered for q in e.open_questions]),
                                        lim.open_questions, background)),
        outlook=_typeset(soonest_first(in_turn(once([o for e in extractions for o in e.outlook if not _passed(o.date, briefing_date)
                                                     and (o.date or e.path not in background | answered)]), lim.outlook, background))),
        sources=sources,
        skipped=list(skipped or []),
        article_count=len(extractions),
        links=merge_links(extractions, actors[: lim.actors]),
    )
