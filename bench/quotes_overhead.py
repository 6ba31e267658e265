"""Quote extraction cost as a share of spaCy's own time on the same texts.

    python -m bench.quotes_overhead 100          # target: ratio <= 0.10

One run: parse every article with nlp.pipe (timed), then run extract_quotes over the parsed
Docs (timed; actor extraction, which quotes need as input, is run before and not counted).
"""
from __future__ import annotations

import argparse
import json
import time

from bench.common import corpus


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=100)
    ap.add_argument("--model", default="en_core_web_sm")
    ap.add_argument("paths", nargs="*", help="Articles to use instead of the generated corpus.")
    a = ap.parse_args()

    from briefgen.extract.actors import extract_actors
    from briefgen.extract.nlp import load_pipeline
    from briefgen.extract.quotes import extract_quotes
    from briefgen.ingest import load_articles

    paths = a.paths or [str(p) for p in corpus(a.n)]
    nlp = load_pipeline(a.model)
    articles = load_articles(paths).articles
    texts = [x.text for x in articles]
    list(nlp.pipe(texts[:4]))  # warm-up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - t0
    indexes = [extract_actors(d, x) for d, x in zip(docs, articles)]
    t0 = time.perf_counter()
    found = sum(len(extract_quotes(d, x, i)[0]) for d, x, i in zip(docs, articles, indexes))
    quotes_s = time.perf_counter() - t0
    print(json.dumps({"bench": "quotes_overhead", "articles": len(articles), "quotes": found,
                      "nlp_pipe_s": round(parse_s, 3), "quotes_s": round(quotes_s, 3),
                      "ratio": round(quotes_s / parse_s, 3), "target": 0.10}))


if __name__ == "__main__":
    main()
