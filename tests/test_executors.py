"""Executors: a local process pool and a real Dask LocalCluster give the same output as one process."""
from __future__ import annotations

import pytest

from briefgen.extract import extract_articles
from briefgen.ingest import read_article
from conftest import SEED


@pytest.fixture(scope="module")
def articles():
    from briefgen.ingest import content_hash
    from briefgen.ingest.text import to_blocks
    from briefgen.models import Article

    seed = read_article(str(SEED))[0]
    extra = []
    for i, (who, where) in enumerate([("Anna Novak", "Paris"), ("Omar Haddad", "Cairo"), ("Li Chen", "Tokyo")]):
        a = Article(path=f"gen-{i}.txt", title=f"Talks in {where}", outlet="Wire",
                    blocks=to_blocks([f"{who}, the foreign minister, arrived in {where} on Monday.",
                                      f"“We expect progress on the grain deal this week,” {who} said."]))
        a.content_hash = content_hash(a)
        extra.append(a)
    return [seed, *extra]


def dumps(extractions):
    return [e.model_dump_json() for e in extractions]


def test_pool_matches_serial(articles, nlp):
    serial = dumps(extract_articles(articles, "en_core_web_sm"))
    pooled = dumps(extract_articles(articles, "en_core_web_sm", n_process=2, batch_size=1))
    assert pooled == serial
    assert [e.split('"path":"')[1].split('"')[0] for e in pooled] == [a.path for a in articles]


def test_dask_local_cluster_matches_serial(articles, nlp):
    distributed = pytest.importorskip("distributed")
    serial = dumps(extract_articles(articles, "en_core_web_sm"))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = dumps(extract_articles(articles, "en_core_web_sm", executor="dask", scheduler=cluster.scheduler_address, batch_size=1))
    assert out == serial


def test_dask_without_scheduler_is_a_clear_error(articles):
    from briefgen.errors import BriefgenError

    pytest.importorskip("distributed")
    with pytest.raises(BriefgenError, match="scheduler"):
        list(extract_articles(articles, "en_core_web_sm", executor="dask"))
