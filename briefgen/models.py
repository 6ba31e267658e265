"""Typed values passed between the pipeline's stages.

Every stage takes and returns these pydantic models, so each stage's output can
be dumped as JSON and tested without the stages around it. spaCy objects never
appear here: extraction returns plain strings and character offsets.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal["person", "organization", "place", "group"]
BlockKind = Literal["paragraph", "heading"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Block(_Model):
    """One paragraph or section heading of an article body."""

    index: int = Field(description="1-based position among the body's blocks (headings count).")
    kind: BlockKind = Field(default="paragraph", description="paragraph or heading.")
    text: str = Field(description="The block's text, whitespace-normalized within lines.")


class Article(_Model):
    """One ingested article, before extraction."""

    path: str = Field(description="The input exactly as given (file path, URL, or 'path#n' for a record).")
    title: str = Field(default="", description="Headline.")
    published: Optional[date] = Field(default=None, description="Publication date, when known.")
    outlet: str = Field(default="", description="Publishing outlet or site name.")
    author: str = Field(default="", description="Byline.")
    url: str = Field(default="", description="Canonical URL, when known.")
    blocks: list[Block] = Field(default_factory=list, description="Body paragraphs and headings in order.")
    content_hash: str = Field(default="", description="SHA-256 of title, date and body; the cache key.")

    @property
    def text(self) -> str:
        """The body as one string, blocks separated by blank lines (offsets refer to this)."""
        return "\n\n".join(b.text for b in self.blocks)

    def block_offsets(self) -> list[tuple[int, int, Block]]:
        """(start, end, block) of each block within `text`."""
        out, pos = [], 0
        for b in self.blocks:
            out.append((pos, pos + len(b.text), b))
            pos += len(b.text) + 2
        return out


class Actor(_Model):
    """A person, organization, place or group, under one canonical name."""

    name: str = Field(description="Canonical name (the fullest form found).")
    kind: ActorKind = Field(description="person, organization, place or group.")
    aliases: list[str] = Field(default_factory=list, description="Every other form found in the text.")
    role: Optional[str] = Field(default=None, description="Role or title, in the article's words.")
    mentions: int = Field(default=0, description="Mentions, all aliases counted.")
    score: float = Field(default=0.0, description="Ranking score (higher is more important).")
    first_paragraph: Optional[int] = Field(default=None, description="Block index of the first mention.")
    quoted: bool = Field(default=False, description="Whether a quote or statement is attributed to it.")
    articles: list[str] = Field(default_factory=list, description="Paths of the articles that mention it (briefing level).")


class Quote(_Model):
    """A direct quotation (words inside quotation marks) or reported speech."""

    text: str = Field(description="The quoted words, without the marks.")
    speaker: Optional[str] = Field(default=None, description="Canonical actor name, or null when unknown.")
    cue: Optional[str] = Field(default=None, description="The attribution verb or phrase (said, told, according to).")
    paragraph: int = Field(description="Block index where the quote starts.")
    start: int = Field(description="Character offset of the text in the article body.")
    end: int = Field(description="Character offset just past the text.")
    source: Optional[str] = Field(default=None, description="Article path (set at briefing level).")


class DateMention(_Model):
    """A temporal expression, normalized against the publication date."""

    text: str = Field(description="The expression as written.")
    value: Optional[str] = Field(default=None, description="ISO 8601 value, range START/END, P... for a duration, or null.")
    mod: Optional[Literal["early", "mid", "late", "before", "after"]] = Field(default=None, description="Modifier the text gives.")
    paragraph: int = Field(description="Block index.")
    start: int = Field(description="Character offset in the article body.")
    end: int = Field(description="Character offset just past the expression.")


class Event(_Model):
    """A dated happening: the clause that carries a date."""

    date: str = Field(description="ISO 8601 value of the date (day, month, range ...).")
    sort_key: str = Field(description="First calendar day of the date, YYYY-MM-DD, for ordering.")
    end_key: Optional[str] = Field(default=None, description="Last calendar day of the date, YYYY-MM-DD.")
    future: bool = Field(default=False, description="Told in the future tense (scheduled, expected).")
    text: str = Field(description="Short description in the article's words.")
    date_text: str = Field(description="The date expression as written.")
    mod: Optional[Literal["early", "mid", "late", "before", "after"]] = Field(default=None, description="Modifier the text gives the date.")
    actors: list[str] = Field(default_factory=list, description="Canonical names of actors in the clause.")
    upcoming: bool = Field(default=False, description="After the briefing (or publication) date.")
    paragraph: int = Field(description="Block index.")
    source: Optional[str] = Field(default=None, description="Article path.")


class OpenQuestion(_Model):
    """An explicit unresolved question."""

    text: str = Field(description="The sentence that asks it.")
    paragraph: int = Field(description="Block index.")
    actors: list[str] = Field(default_factory=list, description="Canonical names of actors it concerns.")
    source: Optional[str] = Field(default=None, description="Article path.")


class OutlookItem(_Model):
    """A forward-looking statement: something scheduled or expected."""

    text: str = Field(description="The sentence (or clause) as written.")
    paragraph: int = Field(description="Block index.")
    date: Optional[str] = Field(default=None, description="ISO value of its date, when it has one.")
    mod: Optional[str] = Field(default=None, description="early, mid or late when the date's text says so.")
    actors: list[str] = Field(default_factory=list, description="Canonical names of actors in it.")
    source: Optional[str] = Field(default=None, description="Article path.")


class Sentence(_Model):
    """A sentence kept for summarizing (bottom line, key points)."""

    text: str
    paragraph: int
    start: int
    end: int
    score: float = Field(default=0.0, description="Lead-weighted score within its article (higher comes first).")
    actors: list[str] = Field(default_factory=list, description="Canonical names of the actors it mentions.")
    dates: list[str] = Field(default_factory=list, description="Dates it mentions (ISO value, else the text).")
    topic: float = Field(default=0.0, description="Share of the headline's content words it repeats (0-1).")


class ActorLink(_Model):
    """Two actors named together: in one sentence, or a speaker and the actors in their quote."""

    a: str = Field(description="Canonical name of one actor (the alphabetically first).")
    b: str = Field(description="Canonical name of the other actor.")
    weight: int = Field(default=1, description="Sentences and quotes that name both.")


class Extraction(_Model):
    """Everything extracted from one article: the extraction JSON's article record."""

    path: str
    title: str = ""
    published: Optional[date] = None
    outlet: str = ""
    author: str = ""
    url: str = ""
    also_reported_by: list[str] = Field(default_factory=list, description="Outlets whose near-duplicate articles were grouped under this one (not extracted).")
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    statements: list[Quote] = Field(default_factory=list, description="Reported (indirect) speech.")
    dates: list[DateMention] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    open_questions: list[OpenQuestion] = Field(default_factory=list)
    outlook: list[OutlookItem] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list, description="Lead-weighted candidate sentences for the bottom line.")
    links: list[ActorLink] = Field(default_factory=list, description="Actors named together, for the actor map.")


class ExtractionReport(_Model):
    """What `briefgen extract --format json` prints: one record per input article, in input order."""

    articles: list[Extraction] = Field(default_factory=list)


class Source(_Model):
    """A numbered entry of the briefing's source list."""

    number: int
    path: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: Optional[date] = None
    accessed: Optional[date] = None
    also_reported_by: list[str] = Field(default_factory=list, description="Outlets that carried the same story.")


class Summary(_Model):
    """An extracted sentence shown as bottom line or key point."""

    text: str
    source: int = Field(description="Source number.")
    shortened: bool = False


class Skipped(_Model):
    """An input that could not be used, and why."""

    path: str
    reason: str


class Briefing(_Model):
    """The whole briefing: the template context's `briefing`."""

    title: str
    organization: str = ""
    author: str = ""
    recipient: str = ""
    banner: str = ""
    edition: str = ""
    date: date
    generated_at: datetime
    timezone: str = "UTC"
    bottom_line: list[Summary] = Field(default_factory=list)
    key_points: list[Summary] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    timeline: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    statements: list[Quote] = Field(default_factory=list)
    open_questions: list[OpenQuestion] = Field(default_factory=list)
    outlook: list[OutlookItem] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    article_count: int = 0
    links: list[ActorLink] = Field(default_factory=list, description="Links between the shown actors, summed over articles (actor map).")
