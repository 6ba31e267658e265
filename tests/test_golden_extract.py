"""Golden files of real extraction (refresh with `pytest --update-golden`, then read the diff).

- tests/golden/seed.extract.json: the seed's extraction JSON, as `briefgen extract` prints it;
- briefgen/render/seed_briefing.json: the seed briefing the template checks and golden HTML use,
  so a change in extraction shows up here and not silently in the template tests.
"""
from __future__ import annotations

import json
from pathlib import Path

from briefgen import pipeline
from briefgen.config import load_config
from briefgen.render.check import SEED_BRIEFING
from conftest import NOW, ROOT, SEED

GOLDEN = Path(__file__).parent / "golden"


def _compare(path: Path, out: str, update: bool) -> None:
    if update or not path.exists():
        path.write_text(out, encoding="utf-8")
    assert json.loads(out) == json.loads(path.read_text(encoding="utf-8")), (
        f"{path.name} changed; check the difference and run pytest --update-golden")


def test_seed_extraction_matches_golden(seed_extraction, update_golden):
    record = seed_extraction.model_dump(mode="json", exclude={"sentences"})
    record["path"] = "seeds/" + SEED.name  # as given on the command line from the project root
    _compare(GOLDEN / "seed.extract.json", json.dumps({"articles": [record]}, ensure_ascii=False, indent=1) + "\n", update_golden)


def test_shipped_seed_briefing_matches_a_fresh_build(nlp, tmp_path, update_golden):
    cfg = load_config(ROOT / "configs" / "default.yaml")
    cfg.sources = ["seeds/" + SEED.name]
    cfg.output.dir = str(tmp_path)
    cfg.cache.enabled = False
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        briefing = pipeline.build(cfg, now=NOW)
    finally:
        os.chdir(cwd)
    _compare(SEED_BRIEFING, briefing.model_dump_json(indent=2) + "\n", update_golden)
