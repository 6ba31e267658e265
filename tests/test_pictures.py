"""The pictures: timeline strip and actor map as SVG, inline in the HTML and vector in the PDF."""
from __future__ import annotations

import io
import random
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone

import pytest

from briefgen.aggregate import aggregate, merge_links
from briefgen.config import Config, load_config
from briefgen.models import Actor, ActorLink, Briefing, Event, Extraction, Source
from briefgen.render import render_html, render_pdf
from briefgen.render.svg_actormap import actor_map_svg
from briefgen.render.svg_timeline import MAX_LANES, timeline_svg
from conftest import NOW, ROOT, SEED

NS = {"s": "http://www.w3.org/2000/svg"}
KINDS = ["person", "organization", "place", "group"]


# ---- synthetic briefings, built from models only (no spaCy), so sizes can go to 200 events ----

def small_briefing(events: int = 5, actors: int = 6) -> Briefing:
    """A briefing with `events` events around its date and `actors` actors linked in a ring."""
    day = date(2025, 3, 10)
    people = [Actor(name=f"Actor Number{i}", kind=KINDS[i % 4], mentions=10 - i % 7) for i in range(actors)]
    return Briefing(
        title="Test briefing", date=day, generated_at=datetime(2025, 3, 10, 9, tzinfo=timezone.utc),
        actors=people,
        links=[ActorLink(a=people[i].name, b=people[(i + 1) % actors].name, weight=1 + i % 3) for i in range(actors)] if actors > 1 else [],
        timeline=[Event(date=(d := day + timedelta(days=7 * i - 14)).isoformat(), sort_key=d.isoformat(),
                        text=f"The harbour board met for the {i + 1}th time to discuss dredging", date_text="x",
                        upcoming=d > day, paragraph=1, source="a.txt") for i in range(events)],
        sources=[Source(number=1, path="a.txt", title="A")],
    )


STEMS = ["Quill", "Varga", "Osei", "Lindqvist", "Amari", "Petrov", "Okafor", "Brandt", "Castellano", "Ruiz"]
ORGS = ["Harbour Board", "Northern Rail Authority", "Tarn Council", "Union of Dockworkers", "Coastal Trust"]
PLACES = ["Port Ellen", "Tarn", "Karsk", "Bellmouth", "Wexley Bay"]


def hundred_articles(n: int = 100) -> list[Extraction]:
    """`n` invented articles: a dozen recurring actors, many dated events over 18 months, pairs named together."""
    rng = random.Random(20250310)  # fixed seed: the same synthetic briefing on every run
    cast = ([(f"Mara {s}", "person") for s in STEMS] + [(o, "organization") for o in ORGS]
            + [(p, "place") for p in PLACES] + [("Islanders", "group")])
    out = []
    for i in range(n):
        path = f"synthetic/{i:03d}.txt"
        picked = rng.sample(cast, 5)
        actors = [Actor(name=name, kind=kind, mentions=rng.randint(1, 9), score=rng.random() * 10,
                        aliases=[name.split()[-1]] if kind == "person" else []) for name, kind in picked]
        events = []
        for _ in range(2):
            d = date(2024, 9, 1) + timedelta(days=rng.randint(0, 540))
            who = rng.choice(picked)[0]
            events.append(Event(date=d.isoformat(), sort_key=d.isoformat(), date_text=d.isoformat(), paragraph=2, source=path,
                                text=f"{who} {rng.choice(['announced', 'delayed', 'rejected', 'signed'])} the {rng.choice(['levy', 'ferry contract', 'pier plan', 'wage deal'])}"))
        # Links use the short alias sometimes, as an article would after the first mention.
        links = [ActorLink(a=min(x, y), b=max(x, y), weight=rng.randint(1, 3))
                 for (x, _), (y, _) in zip(picked, picked[1:])]
        links = [ActorLink(a=l.a.split()[-1] if l.a.startswith("Mara ") and rng.random() < 0.3 else l.a, b=l.b, weight=l.weight) for l in links]
        out.append(Extraction(path=path, title=f"Story {i}", published=date(2025, 1, 1), actors=actors, events=events, links=links))
    return out


def big_briefing() -> tuple[Briefing, Config]:
    cfg = Config()
    cfg.limits.timeline = 200
    cfg.limits.map_actors = 15
    return aggregate(hundred_articles(), cfg, now=datetime(2025, 3, 1, 8, tzinfo=timezone.utc)), cfg


# ---- helpers ----

def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # a real XML parser: malformed or unescaped output fails here
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def viewbox(root) -> tuple[float, float]:
    x, y, w, h = map(float, root.get("viewBox").split())
    assert (x, y) == (0, 0)
    return w, h


def assert_accessible(root) -> None:
    assert root.get("role") == "img"
    title, desc = root.find("s:title", NS), root.find("s:desc", NS)
    assert title is not None and title.text and desc is not None and desc.text
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]


def assert_inside(root) -> None:
    """Every coordinate (x, y, cx, cy, x1..y2, polygon points, rect extents) lies within the viewBox."""
    w, h = viewbox(root)
    for el in root.iter():
        for key in ("x", "x1", "x2", "cx"):
            if el.get(key) is not None:
                assert 0 <= float(el.get(key)) <= w, (el.tag, key, el.get(key))
        for key in ("y", "y1", "y2", "cy"):
            if el.get(key) is not None:
                assert 0 <= float(el.get(key)) <= h, (el.tag, key, el.get(key))
        if el.get("points"):
            for pair in el.get("points").split():
                px, py = map(float, pair.split(","))
                assert 0 <= px <= w and 0 <= py <= h
        if el.tag.endswith("rect"):
            assert float(el.get("x")) + float(el.get("width")) <= w and float(el.get("y")) + float(el.get("height")) <= h
        if el.get("r"):
            assert 0 <= float(el.get("cx")) - float(el.get("r")) and float(el.get("cx")) + float(el.get("r")) <= w


def markers(root) -> list:
    return [c for c in root.iter("{http://www.w3.org/2000/svg}circle") if "marker" in c.get("class", "")]


def label_boxes(root, group_class: str) -> list[tuple[float, float, float, float]]:
    return [(float(r.get("x")), float(r.get("y")), float(r.get("x")) + float(r.get("width")), float(r.get("y")) + float(r.get("height")))
            for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("class") == "label-bg"]


def overlapping(boxes) -> list:
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5]


# ---- timeline strip ----

@pytest.mark.parametrize("n", [1, 5, 20])
def test_timeline_has_one_marker_per_event_when_sparse(n):
    root = parse(timeline_svg(small_briefing(events=n)))
    assert_accessible(root)
    assert len(markers(root)) == n
    assert all(m.get("data-count") == "1" for m in markers(root))
    assert_inside(root)


def test_timeline_marks_the_briefing_date_between_past_and_upcoming():
    b = small_briefing(events=5)  # two weeks before to two weeks after the briefing date
    root = parse(timeline_svg(b))
    now_x = float(next(e for e in root.iter() if e.get("class") == "now-line").get("x1"))
    for m in markers(root):
        x = float(m.get("cx"))
        assert (x > now_x) == ("upcoming" in m.get("class"))
    assert "Briefing date 10 Mar 2025" in "".join(root.itertext())
    assert "2 up to the briefing date" in root.find("s:desc", NS).text or "3 up to the briefing date" in root.find("s:desc", NS).text


def test_timeline_labels_carry_the_source_number_and_never_overlap():
    root = parse(timeline_svg(small_briefing(events=20)))
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text") if t.find("s:tspan", NS) is not None]
    assert len(texts) == 20 and all(t.endswith("[1]") for t in texts)
    assert not overlapping(label_boxes(root, "label"))


def test_dense_timeline_groups_events_but_counts_every_one():
    b, _ = big_briefing()
    assert len(b.timeline) > 150
    root = parse(timeline_svg(b))
    ms = markers(root)
    assert len(ms) < 40 and sum(int(m.get("data-count")) for m in ms) == len(b.timeline)
    assert "grouped by" in root.find("s:desc", NS).text
    lanes = {round(float(r.get("y"))) for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("class") == "label-bg"}
    assert len(lanes) <= MAX_LANES
    assert not overlapping(label_boxes(root, "label"))
    assert_inside(root)


def test_timeline_without_dated_events_is_empty():
    assert timeline_svg(small_briefing(events=0)) == ""


# ---- actor map ----

def test_actor_map_has_one_node_per_shown_actor_and_only_their_links():
    b = small_briefing(actors=9)
    root = parse(actor_map_svg(b, 6))
    assert_accessible(root)
    nodes = root.find("s:g[@class='nodes']", NS)
    assert len(nodes) == 6
    shown = {b.actors[i].name for i in range(6)}
    titles = [l.find("s:title", NS).text for l in root.find("s:g[@class='links']", NS)]
    assert titles and all(t.split(":")[0].split(" and ")[0] in shown and t.split(":")[0].split(" and ")[1] in shown for t in titles)
    assert {n.get("class") for n in nodes} == {f"actor {k}" for k in KINDS}
    assert_inside(root)


def test_actor_map_labels_cover_no_other_label():
    b, cfg = big_briefing()
    root = parse(actor_map_svg(b, cfg.limits.map_actors))
    assert len(root.find("s:g[@class='nodes']", NS)) == 15
    assert not overlapping(label_boxes(root, "actor"))
    assert_inside(root)


def test_node_size_follows_mentions():
    b = small_briefing(actors=4)
    root = parse(actor_map_svg(b, 4))
    person = root.find("s:g[@class='nodes']/s:g[@class='actor person']/s:circle", NS)
    # The first actor has the most mentions, so its circle has the largest radius possible (5 + 12).
    assert float(person.get("r")) == 17


def test_labels_from_articles_are_escaped():
    b = small_briefing(actors=3)
    b.actors[0].name = 'Smith & <script>alert("x")</script>'
    b.links = [ActorLink(a=b.actors[0].name, b=b.actors[1].name, weight=2)]
    svg = actor_map_svg(b, 3)
    assert "<script>" not in svg
    assert any(t.text == 'Smith & <script>alert("x")…' or (t.text or "").startswith("Smith &") for t in parse(svg).iter("{http://www.w3.org/2000/svg}text"))


def test_actor_map_without_actors_is_empty():
    assert actor_map_svg(small_briefing(actors=0), 12) == ""


# ---- both ----

def test_same_input_same_bytes_even_in_another_process(tmp_path):
    b, cfg = big_briefing()
    first = timeline_svg(b) + actor_map_svg(b, 15)
    assert first == timeline_svg(b) + actor_map_svg(b, 15)
    (tmp_path / "b.json").write_text(b.model_dump_json(), encoding="utf-8")
    code = ("import sys; from briefgen.models import Briefing; from briefgen.render.svg_timeline import timeline_svg; "
            "from briefgen.render.svg_actormap import actor_map_svg; "
            "b = Briefing.model_validate_json(open(sys.argv[1]).read()); sys.stdout.write(timeline_svg(b) + actor_map_svg(b, 15))")
    # Another hash seed: nothing may depend on set or dict order of strings.
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "b.json")], capture_output=True, text=True, check=True,
                         env={"PYTHONHASHSEED": "12345", "PATH": ""}, timeout=60).stdout
    assert out == first


def test_pictures_follow_the_sections_and_the_stylesheet(tmp_path):
    b = small_briefing(events=3, actors=4)
    cfg = Config()
    html = render_html(b, cfg)
    assert html.index('id="actor-map"') < html.index('id="timeline-strip"')
    assert html.count('role="img"') == 2
    cfg.sections = ["timeline_strip", "bottom_line"]
    html = render_html(b, cfg)
    assert 'id="actor-map"' not in html and 'id="timeline-strip"' in html
    # An editor restyles the pictures in their own stylesheet; the rules travel into the SVG for the PDF.
    from briefgen.render.templates import builtin_template_dir

    sheet = (builtin_template_dir() / "brief.css").read_text(encoding="utf-8")
    (tmp_path / "brief.css").write_text(sheet.replace(".timeline-strip-svg .axis-line { stroke: #1b1f24;", ".timeline-strip-svg .axis-line { stroke: #ff00aa;"), encoding="utf-8")
    cfg.templates.dir = str(tmp_path)
    svg = render_html(b, cfg).split("<svg", 1)[1]
    assert "#ff00aa" in svg.split("</style>")[0]


# ---- extraction and aggregation ----

def test_links_count_actors_named_in_one_sentence_and_in_a_speakers_quote(extract_text):
    ex = extract_text(
        "Senator Ruth Alder met Governor Paul Kimble in Denver on Monday.",
        'Alder said: "The water bill is ready. Paul Kimble has stalled it for a year."',
        "Kimble later flew to Chicago.",
    )
    names = {a.name for a in ex.actors}
    assert {"Ruth Alder", "Paul Kimble"} <= names
    weights = {(l.a, l.b): l.weight for l in ex.links}
    # The first sentence names both; Alder's quote names Kimble in a sentence without her: two.
    assert any(q.speaker == "Ruth Alder" for q in ex.quotes)
    assert weights.get(("Paul Kimble", "Ruth Alder")) == 2
    assert all(l.a < l.b for l in ex.links)
    assert ("Chicago", "Ruth Alder") not in weights


def test_merge_links_maps_each_articles_names_to_the_merged_actor():
    one = Extraction(path="1", actors=[Actor(name="Ruth Alder", kind="person", aliases=["Alder"]), Actor(name="Denver", kind="place")],
                     links=[ActorLink(a="Denver", b="Ruth Alder", weight=2)])
    two = Extraction(path="2", actors=[Actor(name="Alder", kind="person"), Actor(name="Denver", kind="place"), Actor(name="Oslo", kind="place")],
                     links=[ActorLink(a="Alder", b="Denver", weight=1), ActorLink(a="Alder", b="Oslo", weight=5)])
    from briefgen.aggregate import merge_actors

    actors = merge_actors([one, two])
    shown = [a for a in actors if a.name != "Oslo"]
    assert merge_links([one, two], shown) == [ActorLink(a="Denver", b="Ruth Alder", weight=3)]


# ---- the seed briefing's page with the pictures, as pixels ----

@pytest.fixture(scope="module")
def seed_pictures_pdf(nlp):
    from briefgen import pipeline

    cfg = load_config(ROOT / "configs" / "default.yaml")
    cfg.sources = [str(SEED)]
    cfg.cache.enabled = False  # the default config's cache lives in the project's out/: tests leave it alone
    briefing = pipeline.build(cfg, now=NOW)
    cfg.sections = ["actor_map", "timeline_strip"]  # the pictures alone on the page
    return briefing, render_pdf(render_html(briefing, cfg), cfg)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_seed_pictures_page_is_drawn_in_colour(seed_pictures_pdf, tmp_path, update_golden):
    from PIL import Image

    briefing, pdf = seed_pictures_pdf
    assert briefing.links, "the seed article names actors together"
    (tmp_path / "p.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(tmp_path / "p.pdf"), str(tmp_path / "page")], check=True, timeout=60)
    png = next(tmp_path.glob("page*.png"))
    img = Image.open(png).convert("RGB")
    pixels = list(img.get_flattened_data() if hasattr(img, "get_flattened_data") else img.getdata())
    inked = sum(1 for p in pixels if min(p) < 200)
    assert inked > 0.02 * len(pixels), "the page is (nearly) blank"
    # The stylesheet's colours reach the SVG in the PDF: orange organizations, green places, red briefing date.
    def near(colour):
        return sum(1 for p in pixels if all(abs(a - b) < 40 for a, b in zip(p, colour)))
    assert near((0xC0, 0x79, 0x2A)) > 20 and near((0x3D, 0x8A, 0x5A)) > 20 and near((0xB3, 0x26, 0x1E)) > 5
    if update_golden:
        shutil.copy(png, ROOT / "docs" / "pictures-page.png")


def test_pictures_are_vector_graphics_in_the_pdf(seed_pictures_pdf):
    from pypdf import PdfReader

    _, pdf = seed_pictures_pdf
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert "/Image" not in str(page.get("/Resources", {}).get("/XObject", {}))
    text = page.extract_text()
    assert "Briefing date" in text and "Hamas" in text  # labels are text, not pixels


@pytest.mark.parametrize("n", [1, 2, 12])
def test_actor_map_of_any_size_stays_inside_and_shrinks_when_small(n):
    root = parse(actor_map_svg(small_briefing(actors=n), 12))
    assert len(root.find("s:g[@class='nodes']", NS)) == n
    assert_inside(root)
    assert viewbox(root)[1] < 300 if n <= 2 else viewbox(root)[1] == 380


def test_timeline_labels_say_the_date_as_told_not_the_day_it_is_drawn_at():
    b = small_briefing(events=0).model_copy(update={"timeline": [
        Event(date="2025-02", mod="late", sort_key="2025-02-21", end_key="2025-02-28", text="Dredging began",
              date_text="late February", paragraph=1, source="a.txt"),
        Event(date="2024-10", sort_key="2024-10-01", end_key="2024-10-31", text="The board was formed",
              date_text="in October", paragraph=2, source="a.txt"),
        Event(date="2025-03-20/2025-03-22", sort_key="2025-03-20", end_key="2025-03-22", text="Talks in Tarn",
              date_text="March 20-22", upcoming=True, paragraph=3, source="a.txt")]})
    text = " ".join("".join(t.itertext()) for t in parse(timeline_svg(b)).iter("{http://www.w3.org/2000/svg}text"))
    assert "late Feb 2025" in text and "Oct 2024" in text and "20 Mar – 22 Mar" in text
    assert "21 Feb" not in text and "1 Oct" not in text


@pytest.mark.parametrize("value, mod, long, short", [
    ("2024-02", "late", "late February 2024", "late Feb 2024"),
    ("2024-02", "mid", "mid-February 2024", "mid-Feb 2024"),
    ("2023-10-07", "after", "after 7 October 2023", "after 7 Oct"),
    ("2024-02-29/2024-03-02", None, "29 February – 2 March 2024", "29 Feb – 2 Mar"),
    ("2024-W07-WE", None, "weekend of 17 February 2024", "weekend of 17 Feb"),
    ("2023", "early", "early 2023", "early 2023"),
    ("P2M", "late", "P2M", "P2M"),
    ("2026-SP", None, "spring 2026", "spring 2026"),
    ("2025-SU", "late", "late summer 2025", "late summer 2025"),
])
def test_dates_read_as_the_text_gave_them(value, mod, long, short):
    from briefgen.render.dates import humanize

    assert humanize(value, mod) == long
    assert humanize(value, mod, short=True) == short


def test_a_long_timeline_keeps_vague_dates_as_told_and_days_with_their_year():
    events = [Event(date=f"{y}-06-0{k + 1}", sort_key=f"{y}-06-0{k + 1}", text=f"Dredging phase {y}.{k}",
                    date_text="x", paragraph=1, source="a.txt") for y in range(2001, 2025, 2) for k in range(3)]
    events.append(Event(date="2017", sort_key="2017-01-01", end_key="2017-12-31", text="The year of the strike",
                        date_text="in 2017", paragraph=2, source="a.txt"))
    b = small_briefing(events=0).model_copy(update={"timeline": events})
    root = parse(timeline_svg(b))
    assert_inside(root)
    text = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Week of 26 Dec 2016" not in text and "2017" in text  # the year is not put in the week it starts
    assert not re.search(r"Week of \d+ [A-Z][a-z]{2} (?!\d{4})", text)  # weeks of a many-year axis carry the year
    ticks = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "tick-label"]
    assert 2 <= len(ticks) <= 8 and all(re.fullmatch(r"\d{4}", "".join(t.itertext())) for t in ticks)


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_date_at_the_end_of_the_calendar_draws_without_error(day):
    b = small_briefing(events=2)
    b.timeline.append(Event(date=day, sort_key=day, text="A date typed wrongly in an export", date_text=day,
                            paragraph=1, source="a.txt"))
    root = parse(timeline_svg(b))
    assert_inside(root)
    ticks = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "tick-label"]
    assert 2 <= len(ticks) <= 8


# ---- the strip's period, label order and label words ----

def _texts(root) -> list:
    return [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.find("s:tspan", NS) is not None]


def test_strip_shows_the_recent_period_and_counts_background_entries():
    b = small_briefing(events=8)  # weekly from two weeks before the briefing date
    b.timeline[:0] = [Event(date=d, sort_key=d, text=f"The harbour was first dredged in {d[:4]}", date_text=d[:4], paragraph=9, source="a.txt")
                      for d in ("1956-12-02", "1959-01-01")]
    root = parse(timeline_svg(b))
    assert_inside(root)
    assert len(markers(root)) == 8  # the list keeps the old entries; the strip counts them in a caption
    notes = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if "note" in (t.get("class") or "")]
    assert notes == ["2 earlier entries (1956–1959) in the list below"]
    assert notes[0] in root.find("s:desc", NS).text
    xs = sorted(float(m.get("cx")) for m in markers(root))
    assert xs[-1] - xs[0] > 0.5 * 640  # the recent events spread over the axis, not into its last millimetres
    ticks = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "tick-label"]
    assert not any("19" in t for t in ticks)


def test_strip_of_a_story_told_over_decades_keeps_its_whole_axis():
    b = small_briefing(events=0)
    b.timeline = [Event(date=f"{y}-06-01", sort_key=f"{y}-06-01", text=f"The dock strike of {y}", date_text=str(y), paragraph=1, source="a.txt")
                  for y in range(1960, 2025, 8)]
    root = parse(timeline_svg(b))
    assert len(markers(root)) == len(b.timeline)
    assert not [t for t in root.iter("{http://www.w3.org/2000/svg}text") if "note" in (t.get("class") or "")]


def test_stacked_labels_read_in_date_order_from_top_to_bottom():
    b = small_briefing(events=0)
    day = b.date
    # six events in the last fortnight with a long-ago one: the labels crowd near the right edge
    b.timeline = [Event(date=(d := day - timedelta(days=2 * k)).isoformat(), sort_key=d.isoformat(),
                        text=f"Pier crew number {k} walked out over the dredging levy", date_text="x", paragraph=k, source="a.txt")
                  for k in range(6, 0, -1)]
    b.timeline.insert(0, Event(date="2024-09-01", sort_key="2024-09-01", text="The levy was first proposed", date_text="x", paragraph=9, source="a.txt"))
    root = parse(timeline_svg(b))
    rows = sorted(((float(t.get("y")), float(t.get("x")), "".join(t.itertext())) for t in _texts(root)))
    crowded = [r for r in rows if "Pier crew" in r[2]]
    order = [int(re.search(r"number (\d)", r[2]).group(1)) for r in crowded]
    assert order == sorted(order, reverse=True), order  # crew 6 walked out first: the top row
    assert not overlapping(label_boxes(root, "label"))
    assert_inside(root)


def test_labels_start_at_the_clause_not_at_its_subordinating_word():
    b = small_briefing(events=0)
    b.timeline = [
        Event(date="2025-03-03", sort_key="2025-03-03", text="… that Tarn Council invited the dockworkers to talks", date_text="x", paragraph=1, source="a.txt"),
        Event(date="2025-03-05", sort_key="2025-03-05", text="… where the ferry ran aground on Wednesday", date_text="x", paragraph=2, source="a.txt"),
        Event(date="2025-03-07", sort_key="2025-03-07", text="When the tide turned, the ferry floated free", date_text="x", paragraph=3, source="a.txt"),
    ]
    labels = ["".join(t.find("s:tspan[@class='what']", NS).itertext()) for t in _texts(parse(timeline_svg(b)))]
    assert labels[0].startswith("Tarn Council invited") and labels[1].startswith("the ferry ran")
    assert labels[2].startswith("When the tide")  # a sentence's own first word stays
