"""Start-up: `briefgen --help` and `briefgen config check` vs. `python -c pass`, whole processes.

    python bench/startup.py                      # target: each <= 0.3 s
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

from bench.common import ROOT


def timed(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times[1:])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    py = sys.executable
    base = timed([py, "-c", "pass"], a.runs)
    out = {"bench": "startup", "python_c_pass_s": round(base, 3), "target_s": 0.3}
    for name, args in {"help": ["--help"], "config_check": ["config", "check", "configs/default.yaml"]}.items():
        t = timed([py, "-m", "briefgen", *args], a.runs)
        out[f"{name}_s"] = round(t, 3)
        out[f"{name}_ratio"] = round(t / base, 2)
    heavy = subprocess.run([py, "-c", "import sys, briefgen.cli; print(sorted(m for m in ('spacy','jinja2','weasyprint','networkx','trafilatura') if m in sys.modules))"],
                           cwd=ROOT, capture_output=True, text=True).stdout.strip()
    out["heavy_modules_imported_by_cli"] = heavy
    print(json.dumps(out))


if __name__ == "__main__":
    main()
