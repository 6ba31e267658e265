"""Both cores: extraction with 2 worker processes vs. 1 process, same articles, identical output.

    python bench/multiprocess.py 1000            # target: speed-up >= 1.7 on a 2-core machine
"""
from __future__ import annotations

import argparse
import json
import time

from bench.common import corpus


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=1000)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--model", default="en_core_web_sm")
    a = ap.parse_args()

    from briefgen.extract import extract_articles
    from briefgen.extract.nlp import load_pipeline
    from briefgen.ingest import load_articles

    arts = load_articles([str(p) for p in corpus(a.n)]).articles
    load_pipeline(a.model)
    list(extract_articles(arts[:8], a.model))  # warm-up
    t0 = time.perf_counter()
    one = [e.model_dump_json() for e in extract_articles(arts, a.model, n_process=1)]
    t1 = time.perf_counter()
    many = [e.model_dump_json() for e in extract_articles(arts, a.model, n_process=a.processes)]
    t2 = time.perf_counter()
    print(json.dumps({"bench": "multiprocess", "articles": a.n, "processes": a.processes,
                      "one_process_s": round(t1 - t0, 2), "pool_s": round(t2 - t1, 2),
                      "speedup": round((t1 - t0) / (t2 - t1), 3), "identical": one == many, "target": 1.7}))


if __name__ == "__main__":
    main()
