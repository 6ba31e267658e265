"""Timeline: the clause that carries a date, its actors, merged across articles, upcoming items."""
from __future__ import annotations

from datetime import date, datetime, timezone

from briefgen.extract.events import bounds, sort_key


def test_bounds_of_values():
    assert bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert bounds("2024-W07-WE") == ("2024-02-17", "2024-02-18")
    assert bounds("2024-02-29/2024-03-02") == ("2024-02-29", "2024-03-02")
    assert bounds("2022-Q3") == ("2022-07-01", "2022-09-30")
    assert bounds("P2M") is None
    assert sort_key("1990/1999") == "1990-01-01"


def test_event_is_the_clause_not_the_paragraph(extract_text):
    e = extract_text(
        "The weather was mild. Finance Minister Clara Holm resigned on Tuesday, and her deputy took over "
        "the budget talks, which had stalled for months.",
        published="2024-03-08",
    )
    ev = next(ev for ev in e.events if ev.date_text == "Tuesday")
    assert ev.date == "2024-03-05"
    assert "resigned on Tuesday" in ev.text
    assert "weather" not in ev.text
    assert "stalled" not in ev.text and ev.text.endswith("…")
    assert any("Holm" in a for a in ev.actors)


def test_future_events_are_upcoming(extract_text):
    e = extract_text("The two presidents will meet in Vienna on April 9, their offices said.", published="2024-03-08")
    ev = next(ev for ev in e.events if ev.date == "2024-04-09")
    assert ev.upcoming


def test_seed_timeline(seed_extraction):
    from briefgen.aggregate import merge_timeline

    timeline = merge_timeline([seed_extraction], date(2024, 2, 19), 25)
    by_date = {ev.date: ev for ev in timeline}
    for value in ("2023-10", "2023-10-07", "2024-02-16", "2024-W07-WE", "2024-02-29/2024-03-02"):
        assert value in by_date, sorted(by_date)
    assert by_date["2024-02-29/2024-03-02"].upcoming
    assert "Moscow" in by_date["2024-02-29/2024-03-02"].text
    assert not by_date["2023-10-07"].upcoming
    assert [ev.sort_key for ev in timeline] == sorted(ev.sort_key for ev in timeline)


def test_merged_across_articles_and_upcoming_by_briefing_date(extract_text):
    from briefgen.aggregate import merge_timeline

    a = extract_text("The central bank will cut rates on June 12, officials said.", published="2024-06-01", path="a.txt")
    b = extract_text("The central bank will cut rates on June 12, officials said on Monday.", published="2024-06-03", path="b.txt")
    timeline = merge_timeline([a, b], date(2024, 6, 20), 25)
    june = [ev for ev in timeline if ev.date == "2024-06-12"]
    assert len(june) == 1
    assert not june[0].upcoming  # the briefing is written after the cut


def test_timeline_limit_keeps_upcoming(extract_text):
    from briefgen.aggregate import merge_timeline

    e = extract_text(
        "The army was founded in 1950. The navy was founded in 1961. The treaty was signed in 1972. "
        "A new fleet will sail on 3 July 2024.",
        published="2024-06-01",
    )
    timeline = merge_timeline([e], date(2024, 6, 1), 2)
    assert len(timeline) == 2
    assert any(ev.upcoming and ev.date == "2024-07-03" for ev in timeline)


def test_briefing_timeline_from_aggregate(seed_extraction):
    from briefgen.aggregate import aggregate
    from briefgen.config import Config

    b = aggregate([seed_extraction], Config(), now=datetime(2024, 2, 19, 8, tzinfo=timezone.utc))
    assert any(ev.upcoming and ev.date.startswith("2024-02-29") for ev in b.timeline)


def test_late_month_sorts_after_its_middle(extract_text):
    e = extract_text("Talks will resume in late April, after a round held on April 12.", published="2024-04-02")
    keys = {ev.date_text: ev.sort_key for ev in e.events}
    assert keys["late April"] > keys["April 12"]
