"""The YAML config: one pydantic schema, validated before any work is done."""
from __future__ import annotations

import difflib
import re
from datetime import datetime
from pathlib import Path
from typing import Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from briefgen.errors import ConfigError

SECTIONS = (
    "bottom_line",
    "key_points",
    "actors",
    "actor_map",
    "timeline_strip",
    "timeline",
    "quotes",
    "whats_next",
    "sources",
    "method",
)
Section = Literal[
    "bottom_line", "key_points", "actors", "actor_map", "timeline_strip", "timeline",
    "quotes", "whats_next", "sources", "method",
]
Format = Literal["html", "pdf", "json", "md"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NlpConfig(_Section):
    model: str = Field(
        default="en_core_web_sm",
        description="Name of an installed spaCy pipeline (en_core_web_sm, en_core_web_trf, ...) or a path to one.",
    )
    n_process: int = Field(default=1, ge=1, description="Processes for parsing; 2 uses both cores of a 2-core machine.")
    batch_size: int = Field(default=16, ge=1, description="Articles per spaCy batch.")
    max_chars: int = Field(
        default=1_000_000, ge=1_000,
        description="Longest article text parsed, in characters; a longer one is skipped and reported "
                    "(spaCy's own guard: the parser needs about 1 GB of memory per 100,000 characters).",
    )


class LimitsConfig(_Section):
    actors: int = Field(default=15, ge=0, description="Key actors shown in the briefing.")
    quotes: int = Field(default=12, ge=0, description="Quotes shown in the briefing: the key actors' first, spread over speakers and articles.")
    timeline: int = Field(default=25, ge=0, description="Timeline entries shown.")
    open_questions: int = Field(default=8, ge=0, description="Open questions shown.")
    outlook: int = Field(default=8, ge=0, description="Outlook items shown.")
    key_points: int = Field(default=5, ge=0, le=6, description="Key points shown (3-6 by convention).")
    bottom_line: int = Field(default=3, ge=1, le=3, description="Sentences in the bottom line (1-3).")
    map_actors: int = Field(default=12, ge=0, description="Actors drawn in the actor map.")


class TemplatesConfig(_Section):
    dir: Optional[str] = Field(default=None, description="Folder searched before the built-in templates.")
    name: str = Field(default="brief.html.j2", description="Main template to render.")


class PdfConfig(_Section):
    page_size: Literal["A4", "Letter"] = Field(default="A4", description="Paper size.")
    variant: Optional[Literal["pdf/ua-1", "pdf/a-3b"]] = Field(default=None, description="PDF variant: accessible or archival.")


_CSS_VALUE = r"^[^;{}<>\\]*$"  # no way out of a CSS declaration: theme values land inside <style>


class ThemeConfig(_Section):
    accent: Optional[str] = Field(default=None, pattern=_CSS_VALUE, description="Accent colour of headings, rules and markers (CSS colour, e.g. '#1f3a5f').")
    ink: Optional[str] = Field(default=None, pattern=_CSS_VALUE, description="Body text colour.")
    muted: Optional[str] = Field(default=None, pattern=_CSS_VALUE, description="Colour of secondary text (labels, roles, page numbers).")
    rule: Optional[str] = Field(default=None, pattern=_CSS_VALUE, description="Colour of table and section rules.")
    derived_bg: Optional[str] = Field(default=None, pattern=_CSS_VALUE, description="Background of derived items (bottom line, key points, what's next).")
    font_body: Optional[str] = Field(default=None, pattern=_CSS_VALUE, description="CSS font-family of the body text (a font installed on the machine or shipped in the templates folder).")
    font_head: Optional[str] = Field(default=None, pattern=_CSS_VALUE, description="CSS font-family of headings, tables and labels.")
    size_body: Optional[str] = Field(default=None, pattern=_CSS_VALUE, description="Body font size, e.g. '10pt'.")
    logo: Optional[str] = Field(default=None, description="Image file (PNG, JPEG or SVG) shown in the masthead; embedded in the HTML and PDF.")
    margins: str = Field(default="24mm 18mm 22mm 18mm", pattern=_CSS_VALUE, description="Page margins as CSS (top right bottom left).")


class OutputConfig(_Section):
    dir: str = Field(default="out", description="Output folder.")
    name: str = Field(default="brief-{date:%Y-%m-%d}", description="File name pattern without extension; {date} is the briefing date. May hold folders: '{date:%Y/%m}/brief-{date:%Y-%m-%d}'.")
    formats: list[Format] = Field(default_factory=lambda: ["html", "pdf"], description="Formats to write: html, pdf, json, md.")

    @field_validator("name")
    @classmethod
    def _name_formats(cls, v: str) -> str:
        # Checked here so a bad pattern fails `config check`, not a build after every article is parsed.
        from datetime import date

        try:
            v.format(date=date(2024, 2, 19))
        except (KeyError, IndexError, ValueError) as e:
            raise ValueError(f"'{v}' is not a valid pattern ({e}); use {{date:%Y-%m-%d}}") from None
        # the output folder is locked and cleaned as one place: a name must stay inside it
        parts = v.replace("\\", "/").split("/")
        if v.startswith(("/", "~")) or ".." in parts or re.match(r"^[A-Za-z]:", v):
            raise ValueError(f"'{v}' leaves the output folder; set output.dir for the folder and keep name relative")
        return v


class CacheConfig(_Section):
    enabled: bool = Field(default=True, description="Keep each article's extraction in a SQLite cache so later runs parse only new or changed articles.")
    path: Optional[str] = Field(default=None, description="Cache file; default: .briefgen-cache.sqlite in output.dir. Use '~/.cache/briefgen/cache.sqlite' to share it between outputs.")


class RecordFieldsConfig(_Section):
    title: list[str] = Field(default_factory=lambda: ["title", "headline"], description="Field names of the headline in JSON / JSON Lines records, tried in order.")
    text: list[str] = Field(default_factory=lambda: ["text", "body", "content"], description="Field names of the article text (plain, blank-line paragraphs, or HTML).")
    date: list[str] = Field(default_factory=lambda: ["date", "published", "publishedAt"], description="Field names of the publication date (ISO 8601 or a written date).")
    url: list[str] = Field(default_factory=lambda: ["url", "link"], description="Field names of the article's URL.")
    source: list[str] = Field(default_factory=lambda: ["source", "outlet"], description="Field names of the outlet (a string, or an object with a name).")
    author: list[str] = Field(default_factory=lambda: ["author", "byline"], description="Field names of the byline.")


class IngestConfig(_Section):
    timeout: float = Field(default=15.0, gt=0, description="Seconds allowed for fetching one URL (connect, each read, and the whole body).")
    max_bytes: int = Field(default=10_000_000, ge=1000, description="Largest page, feed or file read, in bytes; bigger inputs are skipped with a warning.")
    max_redirects: int = Field(default=5, ge=0, description="Redirects followed per URL; more (or a loop) skips the URL.")
    concurrency: int = Field(default=8, ge=1, description="URLs fetched at the same time.")
    feed_min_words: int = Field(default=80, ge=0, description="A feed entry whose content has fewer words is read from its link instead (feeds often carry only a teaser).")
    dedupe: float = Field(default=0.8, ge=0, le=1, description="Text similarity (0-1) from which two articles are the same story: one primary article (earliest published), the others listed as 'also reported by'. 0 turns grouping off.")
    fields: RecordFieldsConfig = Field(default_factory=RecordFieldsConfig, description="Field names read from JSON and JSON Lines exports.")


class Config(_Section):
    """briefgen's configuration file."""

    title: str = Field(default="Daily briefing", description="Briefing title.")
    organization: str = Field(default="", description="Issuing office.")
    author: str = Field(default="briefgen", description="Author shown in the header and PDF metadata.")
    recipient: str = Field(default="", description="Who the briefing is for.")
    banner: str = Field(default="", description="Handling marking on every page: free text or a TLP label (TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED).")
    edition: str = Field(default="", description="Edition or number.")
    now: Optional[datetime] = Field(default=None, description="Information cut-off ('as of') date-time of the briefing, ISO 8601; default: --now, SOURCE_DATE_EPOCH, or the clock. Fix it to rebuild a past day.")
    timezone: str = Field(default="UTC", description="Time zone of the 'information as of' time (IANA name).")
    language: str = Field(default="en", description="Document language.")
    sources: list[str] = Field(default_factory=list, description="Inputs read when none are given on the command line: paths, globs, feeds, URLs.")
    window: Optional[str] = Field(default=None, pattern=r"^\s*\d+\s*[hdw]\s*$", description="Only articles published within this span before the briefing's now, e.g. '24h', '7d', '2w'; articles without a date are kept. Default: every article.")
    cache: CacheConfig = Field(default_factory=CacheConfig, description="Extraction cache for incremental runs.")
    ingest: IngestConfig = Field(default_factory=IngestConfig, description="Reading inputs: URL fetching limits, feed entries, JSON field names, near-duplicate grouping.")
    post_command: Optional[str] = Field(default=None, description="Shell command run after a successful build, with the output paths as arguments (mail or upload them); a failure exits 1.")

    @field_validator("post_command")
    @classmethod
    def _command_splits(cls, v: Optional[str]) -> Optional[str]:
        # Checked here so `config check` finds it, not a build after the outputs are written.
        if v is None:
            return v
        import shlex

        try:
            argv = shlex.split(v)
        except ValueError as e:
            raise ValueError(f"'{v}' cannot be split into a command ({e}); check its quotes") from None
        if not argv:
            raise ValueError("is blank; give a command or remove post_command")
        return v
    sections: list[Section] = Field(default_factory=lambda: list(SECTIONS), description="Sections to include, in order.")
    limits: LimitsConfig = Field(default_factory=LimitsConfig, description="Caps per section.")
    nlp: NlpConfig = Field(default_factory=NlpConfig, description="spaCy settings.")
    executor: Literal["local", "dask"] = Field(default="local", description="Where parsing runs: local (this machine, nlp.n_process processes) or dask (a Dask distributed cluster; needs briefgen[dask]).")
    scheduler: Optional[str] = Field(default=None, description="Dask scheduler address (tcp://HOST:PORT) for executor: dask.")
    templates: TemplatesConfig = Field(default_factory=TemplatesConfig, description="Template settings.")
    pdf: PdfConfig = Field(default_factory=PdfConfig, description="PDF settings.")
    theme: ThemeConfig = Field(default_factory=ThemeConfig, description="Look of the HTML and PDF: colours, fonts, logo, margins (CSS variables of brief.css).")
    output: OutputConfig = Field(default_factory=OutputConfig, description="Output settings.")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(v)
        except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError; a malformed key is a ValueError
            raise ValueError(f"unknown time zone '{v}'; use an IANA name such as UTC or Europe/Berlin") from None
        return v

    model_config = ConfigDict(extra="forbid", json_schema_extra={"title": "briefgen config"})


def config_schema() -> dict:
    """The config's JSON Schema."""
    return Config.model_json_schema()


def _key_lines(node: yaml.Node, path: tuple = ()) -> dict[tuple, int]:
    """Map each key path in a composed YAML tree to its 1-based line."""
    lines: dict[tuple, int] = {}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            p = path + (k.value,)
            lines[p] = k.start_mark.line + 1
            lines.update(_key_lines(v, p))
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            p = path + (i,)
            lines[p] = v.start_mark.line + 1
            lines.update(_key_lines(v, p))
    return lines


def _fields_at(loc: tuple) -> list[str]:
    model: type[BaseModel] | None = Config
    for part in loc[:-1]:
        if model is None or not isinstance(part, str) or part not in model.model_fields:
            return []
        ann = model.model_fields[part].annotation
        model = ann if isinstance(ann, type) and issubclass(ann, BaseModel) else None
    return list(model.model_fields) if model else []


def _description_at(loc: tuple) -> str:
    """The schema's description of the field at `loc` ('' when there is none)."""
    model: type[BaseModel] | None = Config
    for part in loc[:-1]:
        ann = model.model_fields[part].annotation if model and part in model.model_fields else None
        model = ann if isinstance(ann, type) and issubclass(ann, BaseModel) else None
    field = model.model_fields.get(loc[-1]) if model else None
    return (field.description or "") if field else ""


def _impossible_date(node) -> tuple[int, str]:
    """(line, text) of the first date-like value in the YAML tree that is no calendar date."""
    constructor = yaml.SafeLoader.construct_yaml_timestamp
    stack = [node]
    while stack:
        n = stack.pop(0)
        if isinstance(n, yaml.ScalarNode):
            if n.tag == "tag:yaml.org,2002:timestamp":
                try:
                    constructor(yaml.SafeLoader(""), n)
                except ValueError:
                    return n.start_mark.line + 1, n.value
        elif isinstance(n, yaml.MappingNode):
            stack.extend(x for pair in n.value for x in pair)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return 1, "?"


def load_config(path: str | Path | None) -> Config:
    """Read and validate a config file; report every problem with its line and key path."""
    if path is None:
        return Config()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p}: config file not found; check the path or run without --config") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{p}: cannot read the config ({e})") from None
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(f"{p}{where}: YAML syntax error: {problem}; fix the YAML at that line") from None
    except ValueError as e:  # well-formed YAML naming an impossible date: "now: 2024-02-30"
        line, value = _impossible_date(node)
        raise ConfigError(f"{p}:{line}: '{value}' is not a date ({e}); write a real date, e.g. 2024-02-19T09:00:00+00:00") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{p}:1: the config must be a mapping of keys to values")
    lines = _key_lines(node) if node is not None else {}
    try:
        return Config.model_validate(data)
    except ValidationError as e:
        problems, order = [], []
        for err in e.errors():
            loc = tuple(err["loc"])
            key = ".".join(str(x) for x in loc)
            line = lines.get(loc) or next((lines[loc[:i]] for i in range(len(loc) - 1, 0, -1) if loc[:i] in lines), None)
            where = f":{line}" if line else ""
            if err["type"] == "extra_forbidden":
                close = difflib.get_close_matches(str(loc[-1]), _fields_at(loc), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else "; remove it (see `briefgen config schema`)"
                problems.append(f"{p}{where}: unknown key '{key}'{hint}")
            else:
                msg = str(err["ctx"]["error"]) if err["type"] == "value_error" else err["msg"]  # our validators' own words
                if err["type"] == "string_pattern_mismatch":  # a regex says nothing to an editor; the field's description does
                    msg = f"{err['input']!r} is not valid. {_description_at(loc) or 'See `briefgen config schema`.'}"
                problems.append(f"{p}{where}: {key}: {msg}")
            order.append(line or 0)
        problems = [m for _, m in sorted(zip(order, problems), key=lambda x: x[0])]  # in file order, as an editor reads
        raise ConfigError(problems[0], lines=problems) from None
