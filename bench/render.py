"""Rendering: briefgen's PDF of an N-article briefing vs. WeasyPrint alone on the same HTML.

    python bench/render.py 100                   # target: ratio <= 1.1
"""
from __future__ import annotations

import argparse
import json
from datetime import datetime, timezone

from bench.common import corpus, paired


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=100)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()

    import weasyprint

    from briefgen import pipeline
    from briefgen.config import Config
    from briefgen.render import builtin_template_dir

    cfg = Config(sources=[str(p) for p in corpus(a.n)])
    briefing = pipeline.build(cfg, now=datetime(2024, 6, 1, tzinfo=timezone.utc))
    html = pipeline.render(briefing, cfg, ["html"])["html"].decode()
    base = str(builtin_template_dir()) + "/"
    sizes = {}

    def ours():
        sizes["pdf"] = len(pipeline.render(briefing, cfg, ["pdf"])["pdf"])

    def bare():
        weasyprint.HTML(string=html, base_url=base).write_pdf()

    bare()
    r = paired(ours, bare, a.runs)
    print(json.dumps({"bench": "render", "articles": a.n, "briefgen_pdf_s": round(r["a_s"], 3),
                      "weasyprint_s": round(r["b_s"], 3), "ratio": round(r["ratio"], 3), "pdf_bytes": sizes["pdf"], "target": 1.1}))


if __name__ == "__main__":
    main()
