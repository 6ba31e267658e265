"""Extraction overhead: briefgen's extraction vs. bare nlp.pipe of the same texts, same pipeline.

    python bench/extract_overhead.py 100          # target: ratio <= 1.15

Both sides run in this process, alternately, after one warm-up; the ratio is
(ingest + parse + all extractors + JSON) / (parse alone).
"""
from __future__ import annotations

import argparse
import json

from bench.common import corpus, paired


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--model", default="en_core_web_sm")
    a = ap.parse_args()

    from briefgen.extract import extract_articles
    from briefgen.extract.nlp import load_pipeline
    from briefgen.ingest import load_articles

    paths = [str(p) for p in corpus(a.n)]
    nlp = load_pipeline(a.model)
    texts = [x.text for x in load_articles(paths).articles]

    def bare():
        for _ in nlp.pipe(texts, batch_size=16):
            pass

    def briefgen():
        arts = load_articles(paths).articles
        json.dumps([e.model_dump(mode="json") for e in extract_articles(arts, a.model)])

    bare()  # warm-up
    r = paired(briefgen, bare, a.runs)
    print(json.dumps({"bench": "extract_overhead", "articles": a.n, "briefgen_s": round(r["a_s"], 3),
                      "nlp_pipe_s": round(r["b_s"], 3), "ratio": round(r["ratio"], 3), "target": 1.15}))


if __name__ == "__main__":
    main()
