"""Growth: time per article of a whole build (JSON output) at 10, 100 and 1,000 articles.

    python bench/growth.py 10 100 1000           # target: flat per-article time
"""
from __future__ import annotations

import argparse
import json
import time
from datetime import datetime, timezone

from bench.common import corpus


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", type=int, nargs="*", default=[10, 100, 1000])
    a = ap.parse_args()

    from briefgen import pipeline
    from briefgen.config import Config
    from briefgen.extract.nlp import load_pipeline

    load_pipeline("en_core_web_sm")
    rows = []
    for n in a.sizes:
        cfg = Config(sources=[str(p) for p in corpus(n)], cache={"enabled": False})  # time parsing, not the daily cache
        t0 = time.perf_counter()
        briefing = pipeline.build(cfg, now=datetime(2025, 1, 1, tzinfo=timezone.utc))
        pipeline.render(briefing, cfg, ["json"])
        dt = time.perf_counter() - t0
        rows.append({"articles": n, "seconds": round(dt, 2), "ms_per_article": round(1000 * dt / n, 1)})
    print(json.dumps({"bench": "growth", "rows": rows}))


if __name__ == "__main__":
    main()
