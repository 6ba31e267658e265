"""End to end: the seed briefing built with real spaCy, Jinja2 and WeasyPrint, read back."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from briefgen import pipeline
from briefgen.config import load_config
from conftest import NOW, ROOT, SEED


@pytest.fixture(scope="session")
def seed_outputs(tmp_path_factory, nlp):
    cfg = load_config(ROOT / "configs" / "default.yaml")
    cfg.sources = [str(SEED)]
    cfg.output.dir = str(tmp_path_factory.mktemp("out"))
    briefing = pipeline.build(cfg, now=NOW)
    rendered = pipeline.render(briefing, cfg, ["html", "pdf", "json", "md"])
    paths = pipeline.write(rendered, pipeline.output_stem(cfg, briefing))
    return briefing, rendered, paths


def test_writes_dated_outputs(seed_outputs):
    _, _, paths = seed_outputs
    assert sorted(p.name for p in paths) == [f"brief-2024-02-19.{x}" for x in ("html", "json", "md", "pdf")]
    assert not [p for p in paths[0].parent.iterdir() if p.name.endswith(".tmp")]


def test_pdf_text_has_headline_actors_quotes(seed_outputs):
    _, rendered, _ = seed_outputs
    reader = PdfReader(io.BytesIO(rendered["pdf"]))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    assert "Bogdanov" in text and "Hamas" in text
    assert "We invited all Palestinian representatives" in text
    assert "Russia has invited Palestinian groups to Moscow" in text


def test_html_escapes_article_text(tmp_path, nlp):
    art = tmp_path / "x.txt"
    art.write_text("Alert <script>alert(1)</script> headline\n\nFeb 19, 2024\n\nWire\n\nOfficials in Moscow said the <b>meeting</b> would go ahead on Friday.\n")
    cfg = load_config(None)
    cfg.sources = [str(art)]
    html = pipeline.render(pipeline.build(cfg, now=NOW), cfg, ["html"])["html"].decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
