"""The seed briefing's PDF read back: outline, metadata, pages, banner, links, layout, determinism."""
from __future__ import annotations

import io
from pathlib import Path
import re
import shutil
import subprocess
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader

from briefgen import pipeline
from briefgen.config import load_config
from briefgen.render import render_html, render_pdf
from conftest import NOW, ROOT, SEED

SECTIONS = ["Bottom line", "Key points", "Key actors", "Timeline", "Quotes", "Open questions and outlook", "Sources", "Method"]


@pytest.fixture(scope="session")
def seed(nlp):
    """The seed briefing built once with the default config: (briefing, config, html, pdf bytes, reader)."""
    cfg = load_config(ROOT / "configs" / "default.yaml")
    cfg.sources = [str(SEED)]
    cfg.cache.enabled = False  # the default config's cache lives in the project's out/: tests leave it alone
    briefing = pipeline.build(cfg, now=NOW)
    html = render_html(briefing, cfg)
    pdf = render_pdf(html, cfg)
    return briefing, cfg, html, pdf, PdfReader(io.BytesIO(pdf))


def _text(page) -> str:
    return " ".join(page.extract_text().split())


def _top_titles(outline) -> list[str]:
    return [o.title for o in outline if not isinstance(o, list)]


def test_outline_has_every_section_in_order(seed):
    *_, reader = seed
    titles = _top_titles(reader.outline)
    assert [t for t in titles if t in SECTIONS] == SECTIONS
    # The title itself is the masthead, not a bookmark; sub-headings nest under their section.
    raw = reader.outline
    at = next(i for i, o in enumerate(raw) if not isinstance(o, list) and o.title == "Quotes")
    assert isinstance(raw[at + 1], list) and raw[at + 1], "speakers nest under Quotes"


def test_metadata_title_author_subject_keywords_language(seed):
    briefing, _, _, _, reader = seed
    meta = reader.metadata
    assert meta.title == briefing.title
    assert meta.author == "briefgen"
    assert "2024-02-19 08:00" in meta.subject
    assert briefing.actors[0].name in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20240219080000")
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_every_page_has_page_n_of_m_and_the_banner_top_and_bottom(seed):
    *_, reader = seed
    n = len(reader.pages)
    assert 2 <= n <= 6, "the seed briefing should stay short"
    for i, page in enumerate(reader.pages, start=1):
        text = _text(page)
        assert f"Page {i} of {n}" in text
        assert text.count("TLP:CLEAR") == 2, f"page {i} lacks a banner"


def test_running_header_repeats_the_title_after_page_one(seed):
    briefing, *_, reader = seed
    assert all(briefing.title in _text(p) for p in reader.pages[1:])


def test_source_markers_are_internal_links_that_resolve(seed):
    briefing, _, html, _, reader = seed
    names = set(reader.named_destinations)
    assert "src-1" in names
    dests = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Link" and "/Dest" in a:
                dests.append(str(a["/Dest"]))
    src_links = [d for d in dests if d.startswith("src-")]
    # One marker per key point, bottom-line sentence, quote, timeline entry and question at least.
    expected = len(briefing.bottom_line) + len(briefing.key_points) + len(briefing.quotes) + len(briefing.timeline) + len(briefing.open_questions)
    assert len(src_links) >= expected
    assert set(dests) <= names
    assert html.count('href="#src-') == len(src_links)


def test_derived_items_are_marked_apart_from_reported_ones(seed):
    _, _, html, _, _ = seed
    assert re.search(r'<section id="bottom-line" class="[^"]*\bderived\b', html)
    assert re.search(r'<section id="key-points" class="[^"]*\bderived\b', html)
    assert 'id="timeline" class="timeline"' in html and 'id="quotes" class="quotes"' in html
    assert "selected from the articles by briefgen" in html


def test_standalone_html_has_inline_css_and_no_external_resources(seed):
    _, _, html, _, _ = seed
    assert "<style>" in html and "--accent" in html
    assert not re.search(r'<link[^>]+stylesheet|<script|src="(?!data:)', html)


def test_html_and_pdf_are_byte_identical_twice(seed):
    briefing, cfg, html, pdf, _ = seed
    again = render_html(briefing, cfg)
    assert again == html
    assert render_pdf(again, cfg) == pdf


def test_creation_date_follows_the_briefing_not_the_clock(seed):
    briefing, cfg, *_ = seed
    later = briefing.model_copy(update={"generated_at": datetime(2025, 3, 4, 5, 6, tzinfo=timezone.utc)})
    reader = PdfReader(io.BytesIO(render_pdf(render_html(later, cfg), cfg)))
    assert reader.metadata["/CreationDate"].startswith("D:20250304050600")


def test_letter_and_variants(seed):
    briefing, cfg, *_ = seed
    letter = cfg.model_copy(deep=True)
    letter.pdf.page_size = "Letter"
    letter.pdf.variant = "pdf/a-3b"
    pdf = render_pdf(render_html(briefing, letter), letter)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp and b"3" in xmp
    ua = cfg.model_copy(deep=True)
    ua.pdf.variant = "pdf/ua-1"
    root = PdfReader(io.BytesIO(render_pdf(render_html(briefing, ua), ua))).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_page_images_stay_inside_the_margins(seed, tmp_path):
    from PIL import Image

    *_, pdf, reader = seed
    (tmp_path / "b.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "b.pdf"), str(tmp_path / "p")], check=True, timeout=60)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == len(reader.pages)
    for png in pngs:
        img = Image.open(png).convert("L")
        w, h = img.size
        edge = round(40 / 25.4 * 8)  # an 8 mm strip round the page must stay blank
        for box in [(0, 0, w, edge), (0, h - edge, w, h), (0, 0, edge, h), (w - edge, 0, w, h)]:
            assert img.crop(box).getextrema()[0] > 245, f"{png.name}: ink in the page edge {box}"
        # The banner is a black box in the top right corner and the bottom right corner.
        top_right = img.crop((w // 2, 0, w, h // 10))
        bottom_right = img.crop((w // 2, h - h // 10, w, h))
        assert top_right.getextrema()[0] < 40 and bottom_right.getextrema()[0] < 40
    first = Image.open(pngs[0]).convert("L")
    w, h = first.size
    # Text fills the page body: the middle band of page one is not empty.
    assert first.crop((w // 8, h // 3, w - w // 8, 2 * h // 3)).getextrema()[0] < 100


def test_pdf_embeds_only_fonts_from_the_machine(seed):
    *_, reader = seed
    fonts = set()
    for page in reader.pages:
        for f in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    assert fonts and all("DejaVu" in f for f in fonts), fonts


def test_no_section_heading_is_left_at_the_foot_of_a_page(seed):
    *_, reader = seed
    headings = {s.upper() for s in SECTIONS}
    for i, page in enumerate(reader.pages, start=1):
        lines = [ln.strip() for ln in page.extract_text().splitlines()]
        body = [ln for ln in lines if ln and ln != "•" and "TLP:CLEAR" not in ln and not ln.startswith("Page ")]
        assert body and body[-1] not in headings, f"page {i} ends with the heading {body[-1]!r}"


def test_a_font_shipped_in_the_templates_folder_is_embedded(seed, tmp_path):
    briefing, cfg, *_ = seed
    shipped = next(p for p in ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"] if Path(p).exists())
    (tmp_path / "fonts").mkdir()
    shutil.copy(shipped, tmp_path / "fonts" / "house.ttf")
    (tmp_path / "custom.css").write_text('@font-face { font-family: "House Sans"; src: url(fonts/house.ttf); }\n'
                                         ':root { --font-body: "House Sans"; }\n')
    house = cfg.model_copy(deep=True)
    house.templates.dir = str(tmp_path)
    refused: list[str] = []
    from briefgen.render.pdf import html_to_pdf

    reader = PdfReader(io.BytesIO(html_to_pdf(render_html(briefing, house), house, refused=refused)))
    fonts = {str(f.get_object()["/BaseFont"]) for f in (reader.pages[0]["/Resources"].get("/Font") or {}).values()}
    assert refused == [] and any("House-Sans" in f for f in fonts), fonts


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_tlp_amber_banner_is_amber_on_black(seed, tmp_path):
    from PIL import Image

    briefing, cfg, *_ = seed
    amber = briefing.model_copy(update={"banner": "TLP:AMBER"})
    (tmp_path / "a.pdf").write_bytes(render_pdf(render_html(amber, cfg), cfg))
    subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile", str(tmp_path / "a.pdf"), str(tmp_path / "a")], check=True, timeout=60)
    img = Image.open(tmp_path / "a.png").convert("RGB")
    w, h = img.size
    corner = img.crop((w // 2, 0, w, h // 10))
    colours = {c for _, c in corner.getcolors(maxcolors=100000)}
    near = lambda c, ref: all(abs(a - b) <= 40 for a, b in zip(c, ref))  # noqa: E731 (anti-aliasing tolerance)
    assert any(near(c, (0, 0, 0)) for c in colours)
    assert any(near(c, (0xFF, 0xC0, 0x00)) for c in colours), "no TLP amber in the top banner"


def test_separate_processes_give_the_same_bytes(tmp_path):
    # Another process has another hash seed and clock; neither may leak into the output.
    import hashlib
    import os
    import sys

    script = ("import hashlib,sys;from briefgen.config import Config;from briefgen.render import render_html,render_pdf;"
              "from briefgen.render.check import load_seed_briefing as l;c=Config();h=render_html(l(),c);"
              "print(hashlib.sha256(h.encode()).hexdigest(), hashlib.sha256(render_pdf(h,c)).hexdigest())")
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("SOURCE_DATE_EPOCH", None)
        outs.append(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=True).stdout.split())
    assert outs[0] == outs[1] and len(outs[0]) == 2
