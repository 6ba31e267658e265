"""Extraction overhead: briefgen's extraction vs. bare nlp.pipe of the same texts, same pipeline.

    python -m bench.extract_overhead 100 --runs 3      # target: ratio <= 1.15

Both sides run in this process after one warm-up. The articles are taken in chunks (10 by
default) and the two sides alternate chunk by chunk, so that a slow minute of a shared machine
falls on both alike; the ratio is the total of briefgen's times (ingest + parse + all extractors
+ JSON, as `briefgen extract` does) over the total of bare `nlp.pipe` times, and the median of the
per-chunk ratios is printed beside it.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time

from bench.common import corpus


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=10, help="Articles per alternation.")
    ap.add_argument("--model", default="en_core_web_sm")
    a = ap.parse_args()

    from briefgen.extract import extract_articles
    from briefgen.extract.nlp import load_pipeline
    from briefgen.ingest import load_articles
    from briefgen.models import ExtractionReport

    paths = [str(p) for p in corpus(a.n)]
    nlp = load_pipeline(a.model)
    chunks = [paths[i:i + a.chunk] for i in range(0, len(paths), a.chunk)]
    texts = {tuple(c): [x.text for x in load_articles(c).articles] for c in chunks}

    def bare(chunk):
        for _ in nlp.pipe(texts[tuple(chunk)], batch_size=16):
            pass

    def briefgen(chunk):  # what `briefgen extract --format json` does
        arts = load_articles(chunk).articles
        ExtractionReport(articles=list(extract_articles(arts, a.model, briefing=False))).model_dump_json(
            indent=1, exclude={"articles": {"__all__": {"sentences"}}})

    briefgen(chunks[0])  # warm-up: imports, matchers, first batches
    bare(chunks[0])
    tb = tn = 0.0
    ratios = []
    for r in range(a.runs):
        for i, c in enumerate(chunks):
            order = (briefgen, bare) if (i + r) % 2 == 0 else (bare, briefgen)
            took = {}
            for f in order:
                t0 = time.perf_counter()
                f(c)
                took[f] = time.perf_counter() - t0
            tb += took[briefgen]
            tn += took[bare]
            ratios.append(took[briefgen] / took[bare])
    print(json.dumps({"bench": "extract_overhead", "articles": a.n, "runs": a.runs, "chunk": a.chunk,
                      "briefgen_s": round(tb / a.runs, 3), "nlp_pipe_s": round(tn / a.runs, 3),
                      "ratio": round(tb / tn, 3), "median_chunk_ratio": round(statistics.median(ratios), 3),
                      "target": 1.15}))


if __name__ == "__main__":
    main()
