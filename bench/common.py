"""Timing helpers shared by the benchmarks: alternate A and B, report medians and the ratio."""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def paired(a: Callable[[], object], b: Callable[[], object], runs: int = 3) -> dict:
    """Run a and b in turn `runs` times; return their median seconds and the median of the ratios a/b."""
    ta, tb, ratios = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        a()
        t1 = time.perf_counter()
        b()
        t2 = time.perf_counter()
        ta.append(t1 - t0)
        tb.append(t2 - t1)
        ratios.append((t1 - t0) / (t2 - t1))
    return {"a_s": statistics.median(ta), "b_s": statistics.median(tb), "ratio": statistics.median(ratios), "runs": runs}


def corpus(n: int, base: Path = ROOT / "bench" / "corpus") -> list[Path]:
    """The generated corpus of n articles (made on first use)."""
    from bench.corpus import generate

    dest = base / str(n)
    paths = sorted(dest.glob("*.txt"))
    if len(paths) != n:
        paths = generate(n, dest)
    return paths
