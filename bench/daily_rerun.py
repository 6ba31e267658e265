"""Daily reruns: the second build over an unchanged folder of N articles vs. the first (cold cache).

Both builds run as the scheduler runs them: `briefgen build --config daily.yaml` subprocesses,
so start-up, ingest, the cache, aggregation, rendering and writing are all counted.

    python bench/daily_rerun.py 200                       # target: second/first <= 0.20
    python bench/daily_rerun.py 200 --formats html json   # without the PDF

The cache key includes a hash of briefgen/extract/*.py: an edit saved between the two builds makes the
second one parse again (`second_parsed` shows it). In a tree others are editing, measure an export:
    git archive HEAD | tar -x -C /tmp/frozen && cd /tmp/frozen && PYTHONPATH=. /path/to/.venv/bin/python -m bench.daily_rerun 200
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import bench.common  # noqa: F401  (puts the repository on sys.path)

# `python -m briefgen` with this interpreter: the scheduled command, and it runs the briefgen found first on
# PYTHONPATH, so a frozen export of the tree can be measured while the working tree changes.
BRIEFGEN = [sys.executable, "-m", "briefgen"]


def make_variants(n: int, dest: Path, seed: int = 11) -> list[Path]:
    """N articles from the seeds: bench/corpus's generated mixes, shuffled into new names."""
    from bench.corpus import generate

    with tempfile.TemporaryDirectory() as tmp:
        made = generate(n, Path(tmp))
        rng = random.Random(seed)
        rng.shuffle(made)
        dest.mkdir(parents=True, exist_ok=True)
        out = []
        for i, p in enumerate(made):
            target = dest / f"wire-{rng.randrange(16**6):06x}-{i:03d}.txt"
            target.write_bytes(p.read_bytes())
            out.append(target)
    return out


def build(config: Path, cwd: Path) -> tuple[float, dict]:
    """One scheduled build as a subprocess: wall seconds and its manifest."""
    t = time.perf_counter()
    r = subprocess.run([*BRIEFGEN, "build", "--config", str(config), "--quiet"], cwd=cwd,
                       env={**os.environ, "SOURCE_DATE_EPOCH": "1717200000"}, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"build failed ({r.returncode}): {r.stderr.strip()}")
    manifest = next((cwd / "out").rglob("*.manifest.json"))
    return seconds, json.loads(manifest.read_text())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=200)
    ap.add_argument("--formats", nargs="+", default=["html", "pdf", "json", "md"])
    ap.add_argument("--processes", type=int, default=1)
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        make_variants(a.n, work / "articles")
        config = work / "daily.yaml"
        config.write_text(yaml.safe_dump({
            "sources": ["articles/"],
            "nlp": {"n_process": a.processes},
            "output": {"dir": "out", "name": "{date:%Y/%m}/brief-{date:%Y-%m-%d}", "formats": a.formats},
        }))
        first_s, first = build(config, work)
        second_s, second = build(config, work)
    row = {
        "bench": "daily_rerun", "articles": a.n, "formats": a.formats,
        "first_s": round(first_s, 2), "second_s": round(second_s, 2), "ratio": round(second_s / first_s, 3),
        "first_parsed": first["counts"]["parsed"], "second_parsed": second["counts"]["parsed"],
        "second_cached": second["counts"]["cached"], "second_timings": second["timings"],
    }
    print(json.dumps(row))


if __name__ == "__main__":
    main()
