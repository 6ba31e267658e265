"""The command line reads a feed URL and standard input (real processes, real server)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from httpserver import PARAS_B, standard_server  # noqa: E402

BRIEFGEN = [sys.executable, "-m", "briefgen"]


def test_build_from_a_feed_url_warns_once_per_bad_entry(tmp_path):
    with standard_server() as server:
        r = subprocess.run([*BRIEFGEN, "build", server.url("/feed.xml"), "--out", str(tmp_path), "-f", "json",
                            "--now", "2024-03-06T08:00+00:00"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    warnings = [line for line in r.stderr.splitlines() if "skipped" in line and "refused" in line]
    assert len(warnings) == 1
    [out] = Path(tmp_path).glob("brief-2024-03-06.json")
    briefing = json.loads(out.read_text())
    assert [s["title"] for s in briefing["sources"]] == ["Dock workers strike over automation plan", "Farmers block roads over subsidy cut"]


def test_extract_reads_one_article_from_stdin():
    text = "Farmers block roads\n\nMarch 5, 2024\n\nLindmark Post\n\n" + "\n\n".join(PARAS_B) + "\n"
    r = subprocess.run([*BRIEFGEN, "extract", "-", "--format", "json"], input=text, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    [article] = json.loads(r.stdout)["articles"]
    assert (article["path"], article["title"], article["outlet"]) == ("-", "Farmers block roads", "Lindmark Post")
    assert any(a["name"] == "Paavo Renn" for a in article["actors"])
