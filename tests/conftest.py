"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "russia-invites-palestinian-factions-2024.txt"
NOW = datetime(2024, 2, 19, 8, 0, tzinfo=timezone.utc)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="Rewrite the golden files from the current output.")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def nlp():
    """The real default pipeline, loaded once (load_pipeline caches it per process)."""
    from briefgen.extract.nlp import load_pipeline

    return load_pipeline("en_core_web_sm")


@pytest.fixture(scope="session")
def seed_article():
    from briefgen.ingest import read_article

    return read_article(str(SEED.relative_to(ROOT)) if Path.cwd() == ROOT else str(SEED))[0]


@pytest.fixture(scope="session")
def seed_extraction(nlp, seed_article):
    from briefgen.extract import extract_doc

    return extract_doc(nlp(seed_article.text), seed_article)


@pytest.fixture
def make_article():
    """Build an Article from paragraphs written in a test."""
    from briefgen.ingest import content_hash
    from briefgen.ingest.text import to_blocks
    from briefgen.models import Article

    def _make(*paragraphs: str, title: str = "Test article", published="2024-02-19", outlet: str = "Test Wire", path: str = "test.txt"):
        from datetime import date

        a = Article(path=path, title=title, published=date.fromisoformat(published) if published else None,
                    outlet=outlet, blocks=to_blocks(list(paragraphs)))
        a.content_hash = content_hash(a)
        return a

    return _make


@pytest.fixture
def extract_text(nlp, make_article):
    """Extract from paragraphs written in a test: extract_text('He said ...', published='2024-02-19')."""
    from briefgen.extract import extract_doc

    def _run(*paragraphs: str, **kw):
        a = make_article(*paragraphs, **kw)
        return extract_doc(nlp(a.text), a)

    return _run
