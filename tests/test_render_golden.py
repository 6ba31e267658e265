"""Whole outputs compared with golden files: the seed briefing's HTML and Markdown (refresh: pytest --update-golden)."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import Config
from briefgen.render import render_html, render_markdown
from briefgen.render.check import load_seed_briefing

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("name,render", [("seed.html", render_html), ("seed.md", render_markdown)])
def test_seed_briefing_matches_golden(name, render, update_golden):
    # The shipped seed briefing (not a fresh extraction), so only template changes move these files.
    out = render(load_seed_briefing(), Config())
    path = GOLDEN / name
    if update_golden or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), f"{name} changed; check it and run pytest --update-golden"
