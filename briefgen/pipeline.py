"""The pipeline in one place: ingest -> extract -> aggregate -> render -> write."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from briefgen.config import Config
from briefgen.errors import EXIT_NO_ARTICLES, BriefgenError
from briefgen.manifest import RunRecord
from briefgen.models import Briefing, Extraction, Skipped


@dataclass
class ExtractResult:
    extractions: list[Extraction] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def resolve_now(now: datetime | None = None) -> datetime:
    """`now`, else SOURCE_DATE_EPOCH (reproducible builds), else the clock; always aware."""
    if now is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        now = datetime.fromtimestamp(int(epoch), tz=timezone.utc) if epoch else datetime.now(timezone.utc)
    return now if now.tzinfo else now.replace(tzinfo=timezone.utc)


def extract(config: Config, *, strict: bool = False, window: tuple[date, date] | None = None,
            use_cache: bool = False, run: RunRecord | None = None, dedupe: bool = True, briefing: bool = True) -> ExtractResult:
    """Ingest the configured sources and extract every article (in the window; from the cache when allowed).

    With `dedupe`, near-duplicates are extracted once (for a briefing); without it every input is
    extracted and reported, as `briefgen extract` does. Without `briefing`, what only a briefing
    uses is not computed (see extract_doc).
    """
    from briefgen.cache import cached_similar_pairs, extract_cached
    from briefgen.extract import extract_articles
    from briefgen.ingest import load_articles
    from briefgen.ingest.dedupe import group_duplicates, similar_pairs

    if not config.sources:
        raise BriefgenError("no inputs: pass article files or folders, or list them under sources: in the config", exit_code=2)
    run = run or RunRecord()
    with run.timed("ingest"):
        ingested = load_articles(config.sources, strict=strict, settings=config.ingest)
    if not ingested.articles:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in ingested.skipped[:3])
        raise BriefgenError(f"no usable articles ({reasons})" if reasons else "no usable articles", exit_code=EXIT_NO_ARTICLES)
    articles = ingested.articles
    if window:
        articles = _in_window(articles, window, run)
    pairs = cached_similar_pairs(config, run) if use_cache else similar_pairs  # an unchanged folder is not compared again
    grouped = group_duplicates(articles, config.ingest.dedupe if dedupe else 0, pairs=pairs)  # the same story from several outlets: extract it once
    articles = []
    for a in grouped.articles:
        if len(a.text) > config.nlp.max_chars:
            reason = (f"is {len(a.text):,} characters long, over nlp.max_chars ({config.nlp.max_chars:,}); "
                      "split it or raise the limit")
            if strict:
                raise BriefgenError(f"{a.path}: {reason} (--strict makes a bad article fatal)")
            ingested.skipped.append(Skipped(path=a.path, reason=reason))
        else:
            articles.append(a)
    if not articles:
        raise BriefgenError(f"no usable articles ({ingested.skipped[-1].path}: {ingested.skipped[-1].reason})",
                            exit_code=EXIT_NO_ARTICLES)
    for s in ingested.skipped:
        run.skip(s.path, s.reason)
    for duplicate, primary in grouped.duplicates.items():
        run.skip(duplicate, f"near-duplicate of {primary} (listed as also reported by)")
    if use_cache:
        extractions = extract_cached(articles, config, run)
    else:
        extractions = list(extract_articles(articles, config.nlp.model, n_process=config.nlp.n_process, batch_size=config.nlp.batch_size,
                                           executor=config.executor, scheduler=config.scheduler, briefing=briefing))
        for a in articles:
            run.used(a, "parsed")
    for e in extractions:
        e.also_reported_by = grouped.also_reported_by.get(e.path, [])
    return ExtractResult(extractions, ingested.skipped)


def _in_window(articles: list, window: tuple[date, date], run: RunRecord | None) -> list:
    """The articles published in the window; the others are recorded as skipped (not warned about)."""
    from briefgen.window import select_window

    kept, outside = select_window(articles, *window)
    if run is not None:
        run.window_start = window[0].isoformat()
        for a, reason in outside:
            run.skip(a.path, reason)
    if not kept:
        raise BriefgenError(f"no articles in the window {window[0]} to {window[1]} ({len(outside)} outside it); "
                            "widen window:/--since or check --now", exit_code=EXIT_NO_ARTICLES)
    return kept


def build(config: Config, *, now: datetime | None = None, strict: bool = False, since: str | None = None,
          run: RunRecord | None = None) -> Briefing:
    """Read, extract and aggregate: the whole briefing as a value, nothing written."""
    from briefgen.aggregate import aggregate
    from briefgen.window import window_start

    now = resolve_now(now or config.now)
    start = window_start(since or config.window, now)
    run = run or RunRecord()
    result = extract(config, strict=strict, window=(start, now.date()) if start else None, use_cache=config.cache.enabled, run=run)
    for e in result.extractions:
        if e.published and e.published > now.date():  # kept (its words are real), but its dates read from the future
            logging.getLogger("briefgen").warning(
                f"warning: {e.path} is dated {e.published}, after the briefing date {now.date()}; check its date or --now")
    with run.timed("aggregate"):
        return aggregate(result.extractions, config, now=now, skipped=result.skipped)


def check_templates(config: Config, formats: list[str]) -> None:
    """Load the templates these formats need before any work: a typo should not cost a whole parse."""
    from briefgen import render as r

    r.load_templates(config, formats)


def render(briefing: Briefing, config: Config, formats: list[str]) -> dict[str, bytes]:
    """Render each requested format to bytes (HTML first: the PDF is laid out from it)."""
    from briefgen import render as r

    out: dict[str, bytes] = {}
    html = r.render_html(briefing, config) if {"html", "pdf"} & set(formats) else ""
    for fmt in formats:
        if fmt == "html":
            out["html"] = html.encode("utf-8")
        elif fmt == "pdf":
            out["pdf"] = r.render_pdf(html, config)
        elif fmt == "json":
            out["json"] = r.render_json(briefing).encode("utf-8")
        elif fmt == "md":
            out["md"] = r.render_markdown(briefing, config).encode("utf-8")
    return out


def output_stem(config: Config, briefing: Briefing) -> Path:
    """Output path without extension, from the config's name pattern and the briefing date."""
    try:
        name = config.output.name.format(date=briefing.date)
    except (KeyError, IndexError, ValueError) as e:
        raise BriefgenError(f"output.name '{config.output.name}' is not a valid pattern ({e}); use {{date:%Y-%m-%d}}", exit_code=2) from None
    return Path(config.output.dir) / name


def write(rendered: dict[str, bytes], stem: Path) -> list[Path]:
    """Write every rendered output atomically beside `stem`."""
    from briefgen.write import write_all_atomic

    try:
        return write_all_atomic({stem.with_name(stem.name + "." + fmt): data for fmt, data in rendered.items()})
    except OSError as e:  # full disk, no permission, a file where a folder should be: the user can fix these
        raise BriefgenError(f"{e.filename or stem.parent}: cannot write the briefing ({e.strerror}); free space or fix the folder's permissions") from None
