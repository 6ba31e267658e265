"""Extraction: the only package that imports spaCy. It returns plain values (models.Extraction)."""
from __future__ import annotations

from typing import Iterable, Iterator

from briefgen.models import Article, Extraction

#: Bump when extraction output changes, so caches keyed on it are invalidated.
EXTRACTION_VERSION = "5"


def extract_doc(doc, article: Article, *, briefing: bool = True) -> Extraction:
    """Run every extractor over one parsed article.

    `briefing=False` leaves out what only a briefing uses (the candidate sentences for its bottom
    line), as `briefgen extract` does: its JSON does not print them.
    """
    from briefgen.extract import actors, dates, events, questions, quotes, summary
    from briefgen.extract.cooccurrence import actor_links

    doc.user_data["briefgen.text"] = article.text  # the Doc's text, without rebuilding it from its tokens
    index = actors.extract_actors(doc, article)
    found_quotes, statements = quotes.extract_quotes(doc, article, index)
    date_mentions = dates.extract_dates(doc, article)
    actor_list = actors.rank_actors(index, article, found_quotes + statements)
    return Extraction(
        path=article.path,
        title=article.title,
        published=article.published,
        outlet=article.outlet,
        author=article.author,
        url=article.url,
        actors=actor_list,
        quotes=found_quotes,
        statements=statements,
        dates=date_mentions,
        events=events.extract_events(doc, article, date_mentions, index),
        open_questions=questions.extract_open_questions(doc, article, index),
        outlook=questions.extract_outlook(doc, article, date_mentions, index),
        sentences=summary.candidate_sentences(doc, article, actors=index, dates=date_mentions) if briefing else [],
        links=actor_links(doc, index, found_quotes + statements),
    )


def extract_articles(articles: Iterable[Article], model: str, *, n_process: int = 1, batch_size: int = 16,
                     executor: str = "local", scheduler: str | None = None, briefing: bool = True) -> Iterator[Extraction]:
    """Parse articles as a stream (Docs are not kept) and extract each one, in input order."""
    from briefgen.extract.executors import run

    return run(articles, model, executor=executor, n_process=n_process, batch_size=batch_size, scheduler=scheduler,
               briefing=briefing)
