"""Memory: peak RSS of `briefgen extract` over N articles (a child process, measured by the OS).

    python bench/memory.py 1000                  # target: <= 1 GB; baseline: bare nlp.pipe
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys

from bench.common import ROOT, corpus

BARE = """
import sys
from briefgen.extract.nlp import load_pipeline
from briefgen.ingest import load_articles
nlp = load_pipeline('en_core_web_sm')
texts = (a.text for a in load_articles(sys.argv[1:]).articles)
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def peak_mb(cmd: list[str]) -> float:
    """Peak RSS (MB) of one child process run to the end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024  # ru_maxrss is in KiB on Linux; children's max so far


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=1000)
    a = ap.parse_args()
    paths = [str(p) for p in corpus(a.n)]
    folder = str(ROOT / "bench" / "corpus" / str(a.n))
    # The bare run goes first: RUSAGE_CHILDREN keeps the largest child so far.
    bare = peak_mb([sys.executable, "-c", BARE, *paths])
    ours = peak_mb([sys.executable, "-m", "briefgen", "extract", folder, "--format", "json"])
    print(json.dumps({"bench": "memory", "articles": a.n, "nlp_pipe_peak_mb": round(bare), "briefgen_extract_peak_mb": round(ours), "target_mb": 1024}))


if __name__ == "__main__":
    main()
