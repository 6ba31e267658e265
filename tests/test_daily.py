"""Unattended daily runs: the cache, the lock, the manifest, the window and crash safety, through the real CLI."""
from __future__ import annotations

import json
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from briefgen.cli import main

NOW = "2024-03-05T07:00:00+00:00"

TOWNS = ["Valmora", "Ostrel", "Kesh", "Brantwick", "Lisandra", "Durnholm", "Pellago", "Tarvik", "Amberlee", "Corvast",
         "Nissa Vale", "Hollin", "Ravensby", "Quellan", "Marrow Bay", "Istrel", "Fennick", "Zolta", "Gravenor", "Upperton",
         "Selmis", "Orrin", "Westmarch", "Lunet"]
PEOPLE = ["Ines Calder", "Teodor Brann", "Mila Sorensen", "Rafael Ortun", "Greta Lindqvist", "Amadou Keita", "Yusuf Demir",
          "Hana Kobori", "Piotr Zalewski", "Clara Mendes", "Oskar Wehr", "Nadia Farouk"]
TOPICS = ["the northern pier", "a new rail depot", "the flood barrier", "the water tariff", "a school merger",
          "the wind farm tender", "the bus strike", "a hospital wing", "the bridge toll", "the housing plan"]


TEMPLATES = [
    "The council of {town} said on {day} that {topic} will be decided in {month}, {k} weeks later than planned.",
    "\u201cWe cannot keep {other} waiting much longer,\u201d said {a}, who chairs the {town} committee.",
    "{b}, the regional minister, told reporters the cost had risen to about {k} million euros.",
    "It is unclear whether {other} will take part in the vote on {topic}.",
    "Residents of {other} protested outside the town hall on {day}, carrying banners against {topic}.",
    "{a} warned that delays could cost {town} its share of the national fund.",
    "Engineers hired by {b} found cracks in two supports last {month}.",
    "A spokesperson for the {org} declined to comment on the plan.",
    "The {org} will publish its own review of {topic} before the summer recess.",
    "Opposition members in {town} accused {b} of hiding the true budget from voters.",
    "Shops near the harbour of {other} reported fewer visitors since {month}.",
    "{a} is expected to meet ministers in the capital on {day} to ask for more time.",
]
ORGS = ["Transport Agency", "Audit Office", "Chamber of Commerce", "Fishermen's Union", "Green Party", "Regional Bank"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "April", "May", "June", "September"]


def write_article(folder: Path, n: int, published: str | None = "Mar 4, 2024") -> Path:
    """A short article in the seed's layout; n seeds its own sentences and names, so no two are near-duplicates."""
    import random

    rng = random.Random(n)
    town, other = rng.sample(TOWNS, 2)
    a, b = rng.sample(PEOPLE, 2)
    slots = dict(town=town, other=other, a=a, b=b, topic=rng.choice(TOPICS), org=rng.choice(ORGS),
                 day=rng.choice(DAYS), month=rng.choice(MONTHS), k=rng.randint(2, 40))
    lines = [f"{town} delays decision on {slots['topic']}", ""]
    if published:
        lines += [published, ""]
    lines += [f"{town} Courier", ""]
    for template in rng.sample(TEMPLATES, 5):
        lines += [template.format(**slots), ""]
    path = folder / f"article-{n:03d}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def daily(tmp_path, nlp, monkeypatch):
    """A daily config over three articles; `run(*flags)` builds through the CLI and returns (code, err, manifest)."""
    import briefgen.cache

    # The fingerprint hashes briefgen/extract/*.py; pin that part so an edit saved in the working tree while
    # the test runs does not turn cache hits into misses. (EXTRACTION_VERSION and the model still count.)
    code_hash = briefgen.cache._code_hash()
    monkeypatch.setattr(briefgen.cache, "_code_hash", lambda: code_hash)
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(3):
        write_article(articles, n)
    out = tmp_path / "out"
    config = tmp_path / "daily.yaml"
    config.write_text(yaml.safe_dump({
        "title": "Test daily",
        "sources": [str(articles)],
        "window": "48h",
        "output": {"dir": str(out), "name": "{date:%Y/%m}/brief-{date:%Y-%m-%d}", "formats": ["html", "json"]},
    }), encoding="utf-8")

    class Daily:
        pass

    d = Daily()
    d.articles, d.out, d.config = articles, out, config
    d.stem = out / "2024" / "03" / "brief-2024-03-05"

    def run(*flags, capsys=None):
        try:
            main(["build", "--config", str(config), "--now", NOW, *flags])
            code = 0
        except SystemExit as e:
            code = e.code or 0
        err = capsys.readouterr().err if capsys else ""
        manifest = d.stem.with_name(d.stem.name + ".manifest.json")
        return code, err, json.loads(manifest.read_text()) if manifest.exists() else None

    d.run = run
    return d


def test_second_run_parses_nothing_and_gives_the_same_briefing(daily):
    code, _, first = daily.run()
    assert code == 0 and first["status"] == "ok"
    assert (first["counts"]["parsed"], first["counts"]["cached"]) == (3, 0)
    briefing = Path(str(daily.stem) + ".json").read_text()
    code, _, second = daily.run()
    assert code == 0
    assert (second["counts"]["parsed"], second["counts"]["cached"]) == (0, 3)
    assert "parse" not in second["timings"] or second["timings"]["parse"] < 0.05
    # The cached extractions give exactly the briefing the parsed ones gave.
    assert Path(str(daily.stem) + ".json").read_text() == briefing


def test_only_a_new_article_is_parsed(daily):
    daily.run()
    new = write_article(daily.articles, 7)
    code, _, m = daily.run()
    assert code == 0 and (m["counts"]["parsed"], m["counts"]["cached"]) == (1, 3)
    parsed = [a["path"] for a in m["articles"] if a["from"] == "parsed"]
    assert parsed == [str(new)]


def test_a_renamed_article_is_reused_under_its_new_path(daily):
    daily.run()
    old = daily.articles / "article-001.txt"
    renamed = old.rename(daily.articles / "renamed.txt")
    code, _, m = daily.run()
    assert code == 0 and m["counts"]["parsed"] == 0
    briefing = json.loads(Path(str(daily.stem) + ".json").read_text())
    paths = {s["path"] for s in briefing["sources"]}
    assert str(renamed) in paths and str(old) not in paths


def test_new_extraction_code_misses_the_cache(daily, monkeypatch):
    daily.run()
    import briefgen.cache
    import briefgen.extract

    monkeypatch.setattr(briefgen.cache, "_code_hash", lambda: "edited")
    _, _, m = daily.run()
    assert (m["counts"]["parsed"], m["counts"]["cached"]) == (3, 0)

    monkeypatch.setattr(briefgen.extract, "EXTRACTION_VERSION", briefgen.extract.EXTRACTION_VERSION + "-next")
    _, _, m = daily.run()
    assert (m["counts"]["parsed"], m["counts"]["cached"]) == (3, 0)


def test_a_run_while_another_holds_the_lock_exits_3(daily, capsys):
    from briefgen.lock import OutputLock

    with OutputLock(daily.out):
        code, err, m = daily.run(capsys=capsys)
    assert code == 3
    assert "another run" in err and "--wait" in err
    assert m is None  # the locked-out run wrote nothing, not even a manifest


def test_wait_takes_the_lock_when_the_other_run_ends(daily):
    from briefgen.lock import OutputLock

    lock = OutputLock(daily.out).acquire()
    threading.Timer(0.5, lock.release).start()
    t = time.monotonic()
    code, _, m = daily.run("--wait")
    assert code == 0 and m["status"] == "ok"
    assert time.monotonic() - t >= 0.4


def test_a_crash_while_writing_leaves_the_last_good_outputs(daily, monkeypatch):
    import briefgen.write

    daily.run()
    html, js = Path(str(daily.stem) + ".html"), Path(str(daily.stem) + ".json")
    before = html.read_bytes(), js.read_bytes()
    write_article(daily.articles, 9)  # the next briefing differs
    real_stage = briefgen.write._stage

    def crash_on_json(path, data):
        if path.suffix == ".json" and "manifest" not in path.name:
            raise OSError(28, "No space left on device")  # a crash after the HTML was staged
        return real_stage(path, data)

    monkeypatch.setattr(briefgen.write, "_stage", crash_on_json)
    code, _, m = daily.run()
    assert code == 1 and m["status"] == "error" and "No space left" in m["error"]
    assert (html.read_bytes(), js.read_bytes()) == before
    assert not [p.name for p in html.parent.iterdir() if p.name.endswith(".tmp")]
    # The cache is consistent: the next run reuses all four articles.
    monkeypatch.setattr(briefgen.write, "_stage", real_stage)
    code, _, m = daily.run()
    assert code == 0 and (m["counts"]["parsed"], m["counts"]["cached"]) == (0, 4)
    assert html.read_bytes() != before[0]


def test_a_crash_in_the_pdf_renderer_keeps_the_last_good_pdf(daily, monkeypatch):
    import briefgen.render

    cfg = yaml.safe_load(daily.config.read_text())
    cfg["output"]["formats"] = ["html", "pdf"]
    daily.config.write_text(yaml.safe_dump(cfg))
    assert daily.run()[0] == 0
    pdf = Path(str(daily.stem) + ".pdf")
    good = pdf.read_bytes()
    assert good.startswith(b"%PDF")
    write_article(daily.articles, 11)

    def crash(html, config):
        raise MemoryError("killed while laying out the PDF")

    monkeypatch.setattr(briefgen.render, "render_pdf", crash)
    code, _, m = daily.run()
    assert code == 1 and m["status"] == "error"
    assert pdf.read_bytes() == good


@pytest.mark.parametrize("damage", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 8000])
def test_a_corrupted_cache_is_rebuilt_not_trusted(daily, damage):
    daily.run()
    cache = daily.out / ".briefgen-cache.sqlite"
    cache.write_bytes(damage)
    code, _, m = daily.run()
    assert code == 0 and m["cache"]["rebuilt"] is True
    assert (m["counts"]["parsed"], m["counts"]["cached"]) == (3, 0)
    assert (daily.out / ".briefgen-cache.sqlite.corrupt").read_bytes() == damage
    with sqlite3.connect(cache) as conn:
        assert conn.execute("SELECT count(*) FROM extraction").fetchone()[0] == 3
    _, _, m = daily.run()
    assert m["cache"]["rebuilt"] is False and m["counts"]["cached"] == 3


def test_a_damaged_entry_is_parsed_again(daily):
    daily.run()
    with sqlite3.connect(daily.out / ".briefgen-cache.sqlite") as conn:
        conn.execute("UPDATE extraction SET data = '{\"path\": 5' WHERE rowid = (SELECT min(rowid) FROM extraction)")
    _, _, m = daily.run()
    assert (m["counts"]["parsed"], m["counts"]["cached"]) == (1, 2)


def test_window_keeps_recent_and_undated_articles(daily, capsys):
    old = write_article(daily.articles, 20, published="Feb 1, 2024")
    later = write_article(daily.articles, 21, published="Mar 9, 2024")
    undated = write_article(daily.articles, 22, published=None)
    code, err, m = daily.run(capsys=capsys)
    assert code == 0
    used = {a["path"] for a in m["articles"]}
    assert str(undated) in used and str(old) not in used and str(later) not in used
    reasons = {s["path"]: s["reason"] for s in m["skipped"]}
    assert "before the window" in reasons[str(old)] and "after the briefing date" in reasons[str(later)]
    assert m["window_start"] == "2024-03-03"
    assert "warning" not in err  # being outside the window is not a warning
    # --since widens the window for one run.
    _, _, m = daily.run("--since", "2024-01-15")
    assert str(old) in {a["path"] for a in m["articles"]}


def test_no_article_in_the_window_exits_4(daily, capsys):
    try:
        main(["build", "--config", str(daily.config), "--date", "2024-06-30"])
        code = 0
    except SystemExit as e:
        code = e.code
    err = capsys.readouterr().err
    assert code == 4 and "no articles in the window" in err
    manifest = daily.out / "2024" / "06" / "brief-2024-06-30.manifest.json"
    assert json.loads(manifest.read_text())["exit_code"] == 4


def test_date_rebuilds_a_past_day(daily):
    try:
        main(["build", "--config", str(daily.config), "--date", "2024-03-04"])
    except SystemExit as e:
        assert not e.code
    m = json.loads((daily.out / "2024" / "03" / "brief-2024-03-04.manifest.json").read_text())
    assert m["now"].startswith("2024-03-04T23:59:59") and m["counts"]["articles"] == 3


def test_json_logs_and_quiet(daily, capsys):
    code, err, _ = daily.run("--log-format", "json", capsys=capsys)
    lines = [json.loads(line) for line in err.strip().splitlines()]
    summary = [r for r in lines if r.get("event") == "summary"]
    assert code == 0 and len(summary) == 1
    assert summary[0]["status"] == "ok" and summary[0]["parsed"] == 3 and summary[0]["outputs"]
    code, err, _ = daily.run("--quiet", capsys=capsys)
    assert code == 0 and err == ""


def test_json_logs_report_a_lock_as_json(daily, capsys):
    from briefgen.lock import OutputLock

    with OutputLock(daily.out):
        code, err, _ = daily.run("--log-format", "json", capsys=capsys)
    record = json.loads(err.strip().splitlines()[-1])
    assert code == 3 and record["level"] == "error" and record["exit_code"] == 3


def test_post_command_gets_the_output_paths(daily, tmp_path):
    received = tmp_path / "received.txt"
    script = tmp_path / "deliver.py"
    script.write_text(f"import sys\nopen({str(received)!r}, 'w').write('\\n'.join(sys.argv[1:]))\n")
    cfg = yaml.safe_load(daily.config.read_text())
    cfg["post_command"] = f"{sys.executable} {script}"
    daily.config.write_text(yaml.safe_dump(cfg))
    code, _, m = daily.run()
    assert code == 0
    assert received.read_text().splitlines() == m["outputs"] == [str(daily.stem) + ".html", str(daily.stem) + ".json"]
    cfg["post_command"] = f"{sys.executable} -c 'raise SystemExit(5)'"
    daily.config.write_text(yaml.safe_dump(cfg))
    code, _, m = daily.run()
    assert code == 1 and "post_command exited 5" in m["error"]


def test_an_unchanged_folder_is_not_compared_for_duplicates_again(daily):
    daily.run()
    daily.run()
    cache = daily.out / ".briefgen-cache.sqlite"
    with sqlite3.connect(cache) as conn:
        assert conn.execute("SELECT count(*) FROM dedupe").fetchone()[0] == 1
    write_article(daily.articles, 30)
    daily.run()
    with sqlite3.connect(cache) as conn:
        assert conn.execute("SELECT count(*) FROM dedupe").fetchone()[0] == 2  # a new set of articles is compared


def test_a_near_duplicate_is_recorded_as_skipped(daily):
    copy = daily.articles / "copy-of-000.txt"
    text = (daily.articles / "article-000.txt").read_text().replace("Courier", "Gazette")
    copy.write_text(text)
    code, _, m = daily.run()
    assert code == 0 and m["counts"]["articles"] == 3
    reasons = {s["path"]: s["reason"] for s in m["skipped"]}
    assert "near-duplicate" in reasons[str(copy)] and str(daily.articles / "article-000.txt") in reasons[str(copy)]


def test_sigterm_during_a_run_leaves_the_outputs_and_says_interrupted(daily, monkeypatch):
    import os
    import signal

    import briefgen.render

    daily.run()
    html = Path(str(daily.stem) + ".html")
    good = html.read_bytes()
    write_article(daily.articles, 40)
    stale = html.with_name(f".{daily.stem.name}.json.abc123.tmp")
    stale.write_text("left by a killed run")

    def stopped(briefing, config):
        os.kill(os.getpid(), signal.SIGTERM)  # what `systemctl stop` sends
        raise AssertionError("SIGTERM did not stop the run")

    monkeypatch.setattr(briefgen.render, "render_html", stopped)
    code, _, m = daily.run()
    assert code == 128 + signal.SIGTERM and m["status"] == "interrupted"
    assert html.read_bytes() == good
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the run put the default back
    monkeypatch.undo()
    assert daily.run()[0] == 0 and not stale.exists()


def test_a_bad_window_is_a_config_error_with_its_line(daily, capsys):
    text = daily.config.read_text()
    assert "window: 48h" in text
    daily.config.write_text(text.replace("window: 48h", "window: tomorrow"))
    code, err, _ = daily.run(capsys=capsys)
    assert code == 2 and "window" in err and str(daily.config) in err


def test_an_unusable_cache_path_means_an_uncached_run_not_a_failure(daily, capsys):
    blocker = daily.out / "not-a-folder"
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the cache folder should be")
    cfg = yaml.safe_load(daily.config.read_text())
    cfg["cache"] = {"path": str(blocker / "cache.sqlite")}
    daily.config.write_text(yaml.safe_dump(cfg))
    code, err, m = daily.run(capsys=capsys)
    assert code == 0 and m["counts"]["parsed"] == 3
    assert m["cache"]["problem"] and "cannot be used" not in m["cache"]["problem"]
    assert blocker.read_text().startswith("a file")  # not moved aside as if it were a damaged cache
