"""Where parsing runs: this process, a local process pool, or a Dask cluster.

Each worker loads the pipeline once (`load_pipeline` is cached per process) and
returns plain Extraction values, so only article text goes out and small JSON
comes back; spaCy Docs never cross a process boundary.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from briefgen.errors import BriefgenError
from briefgen.models import Article, Extraction


def extract_chunk(model: str, articles: list[str], batch_size: int = 16, briefing: bool = True) -> list[str]:
    """Parse and extract a chunk of articles (as JSON) in this process: the unit of work of every executor.

    JSON strings go both ways: pydantic reads and writes them in compiled code, which keeps the
    parent process (which shares the cores with the workers) nearly idle.
    """
    from briefgen.extract import extract_doc
    from briefgen.extract.nlp import load_pipeline

    nlp = load_pipeline(model)
    arts = [Article.model_validate_json(a) for a in articles]
    docs = nlp.pipe((a.text for a in arts), batch_size=batch_size)
    return [extract_doc(doc, a, briefing=briefing).model_dump_json() for doc, a in zip(docs, arts)]


def _chunks(articles: list[Article], size: int) -> list[list[str]]:
    return [[a.model_dump_json() for a in articles[i : i + size]] for i in range(0, len(articles), size)]


def run_serial(articles: list[Article], model: str, batch_size: int, briefing: bool = True) -> Iterator[Extraction]:
    """Parse in this process as a stream: Docs are dropped as soon as they are extracted."""
    from briefgen.extract import extract_doc
    from briefgen.extract.nlp import load_pipeline

    nlp = load_pipeline(model)
    for doc, article in zip(nlp.pipe((a.text for a in articles), batch_size=batch_size), articles):
        yield extract_doc(doc, article, briefing=briefing)


def run_pool(articles: list[Article], model: str, n_process: int, batch_size: int, briefing: bool = True) -> Iterator[Extraction]:
    """Parse in a pool of worker processes, results in input order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    # Chunks of a few batches keep both workers busy to the end without much pickling.
    size = max(1, min(batch_size * 2, -(-len(articles) // (n_process * 4))))
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx) as pool:
        for chunk in pool.map(partial(extract_chunk, model, batch_size=batch_size, briefing=briefing), _chunks(articles, size)):
            for record in chunk:
                yield Extraction.model_validate_json(record)


def run_dask(articles: list[Article], model: str, scheduler: str | None, batch_size: int, briefing: bool = True) -> Iterator[Extraction]:
    """Parse on a Dask distributed cluster (the `briefgen[dask]` extra), results in input order."""
    try:
        from distributed import Client
    except ImportError:
        raise BriefgenError("[E020] the dask executor needs the extra: pip install 'briefgen[dask]'", exit_code=2) from None
    if not scheduler:
        raise BriefgenError("[E021] executor dask needs a scheduler address: --scheduler tcp://HOST:PORT or scheduler: in the config", exit_code=2)
    try:
        client = Client(scheduler, timeout="10s")
    except OSError as e:
        raise BriefgenError(f"[E022] cannot reach the Dask scheduler at {scheduler} ({e}); check the address") from None
    try:
        chunks = _chunks(articles, batch_size)
        futures = [client.submit(extract_chunk, model, c, batch_size, briefing, pure=False) for c in chunks]
        for fut in futures:
            for record in fut.result():
                yield Extraction.model_validate_json(record)
    finally:
        client.close()


def run(articles: Iterable[Article], model: str, *, executor: str = "local", n_process: int = 1,
        batch_size: int = 16, scheduler: str | None = None, briefing: bool = True) -> Iterator[Extraction]:
    """Extract every article with the chosen executor, in input order."""
    articles = list(articles)
    if not articles:
        return iter(())
    if executor == "dask":
        return run_dask(articles, model, scheduler, batch_size, briefing)
    if n_process > 1 and len(articles) > 1:
        from briefgen.extract.nlp import load_pipeline

        load_pipeline(model)  # fail fast here, with the one-line message, rather than in a worker
        return run_pool(articles, model, n_process, batch_size, briefing)
    return run_serial(articles, model, batch_size, briefing)
