"""Timeline: the clause that carries a date, its actors, merged across articles, upcoming items."""
from __future__ import annotations

import pytest

from datetime import date, datetime, timezone

from briefgen.extract.events import bounds, sort_key
from briefgen.models import Event, Extraction


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


@pytest.mark.parametrize("sentence", [
    "The envoy is due to brief the council on March 20.",
    "Lawmakers are set to vote on the bill on March 20.",
])
def test_due_and_set_to_look_ahead(extract_text, sentence):
    e = extract_text(sentence, published="2025-03-12")
    ev = next(ev for ev in e.events if ev.date == "2025-03-20")
    assert ev.future and ev.upcoming


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


def test_a_clause_with_two_dates_is_one_event_for_the_date_it_tells(extract_text):
    # the clause is about January; the storm's date is only a reference inside it
    e = extract_text("In January the port reopened after the storm of December 12 had closed it.", published="2024-03-20")
    assert [ev.date for ev in e.events] == ["2024-01"]
    # the weekend and the Sunday in it are one time: the more precise day is kept
    e = extract_text("Over the weekend, on Sunday, the rebels shelled the airport of Karsk.", published="2024-03-20")
    assert [ev.date for ev in e.events] == ["2024-03-17"]


def test_a_sentence_is_shown_once_in_the_merged_timeline(extract_text):
    from briefgen.aggregate import merge_timeline

    e = extract_text("Governor Lena Marsh said on Monday that the dam had burst in early March.", published="2024-03-20")
    assert len(e.events) == 2  # the article gives both dates their clause ...
    timeline = merge_timeline([e], date(2024, 3, 20), 25)
    assert [ev.date for ev in timeline] == ["2024-03-18"]  # ... the briefing shows the sentence once, for the exact day
    # what is still to come keeps its own entry in the upcoming list, even inside a past sentence
    e = extract_text("Governor Lena Marsh said on Monday that the talks will open on April 9 in Tarn.", published="2024-03-20")
    timeline = merge_timeline([e], date(2024, 3, 20), 25)
    assert [(ev.date, ev.upcoming) for ev in timeline] == [("2024-03-18", False), ("2024-04-09", True)]


def _event(day: str, text: str, paragraph: int = 1, source: str = "a.txt", **kw) -> Event:
    return Event(date=day, sort_key=kw.pop("sort_key", day), text=text, date_text=day, paragraph=paragraph, source=source, **kw)


def test_two_windows_on_one_long_sentence_are_one_entry():
    from briefgen.aggregate import merge_timeline

    # a long sentence is cut around each of its dates: the windows differ in where the ellipses fall
    one = _event("2024-03-17", "… to sail back to Port Ellen at once, the captain said Sunday. 'I will leave tomorrow with the crew and the cargo,' …")
    two = _event("2024-03-18", "… Port Ellen at once, the captain said Sunday. 'I will leave tomorrow with the crew and the cargo,' the captain wrote in a letter …", paragraph=2)
    other = _event("2024-03-18", "The harbour board approved the new dredging levy", paragraph=3)
    timeline = merge_timeline([Extraction(path="a.txt", events=[one, two, other])], date(2024, 3, 20), 25)
    assert len(timeline) == 2 and other.text in [ev.text for ev in timeline]


def test_a_cut_timeline_keeps_recent_entries_before_background():
    from briefgen.aggregate import merge_timeline

    old = [_event(f"{y}-05-01", f"The old fort was rebuilt in stage {y}", paragraph=i) for i, y in enumerate((1956, 1959, 1971), start=10)]
    recent = [_event(f"2024-0{m}-1{m}", f"The council voted on measure number {m}", paragraph=m) for m in range(1, 4)]
    vague = _event("2024-02", "Ferry fares rose sharply across the islands", paragraph=5, sort_key="2024-02-01", end_key="2024-02-29")
    ahead = _event("2024-04-02", "The new ferry will sail to Tarn", paragraph=6, future=True)
    timeline = merge_timeline([Extraction(path="a.txt", events=old + recent + [vague, ahead])], date(2024, 3, 20), 5)
    assert [ev.date for ev in timeline] == ["2024-01-11", "2024-02", "2024-02-12", "2024-03-13", "2024-04-02"]
    assert timeline[-1].upcoming
    timeline = merge_timeline([Extraction(path="a.txt", events=old + recent + [vague, ahead])], date(2024, 3, 20), 6)
    assert timeline[0].date == "1971-05-01"  # background history comes in newest first


def test_seed_timeline_shows_each_sentence_once(seed_extraction):
    from briefgen.aggregate import merge_timeline

    timeline = merge_timeline([seed_extraction], date(2024, 2, 19), 25)
    inside = [(a, b) for a in timeline for b in timeline if a is not b and a.text.strip(" …") in b.text]
    # a sentence appears twice only as a past entry and, apart, the upcoming item it names
    assert all(a.upcoming != b.upcoming for a, b in inside), inside
    assert {"2023-10", "2023-10-07", "2024-02-16", "2024-W07-WE", "2024-02-29/2024-03-02"} <= {ev.date for ev in timeline}


def test_a_past_date_inside_someones_words_is_no_event_but_a_planned_one_is(extract_text):
    e = extract_text(
        "“We are closer than we have been at any point since April 2022,” the envoy Hanna Lindgren said.",
        "“The parties will meet again in Muscat on March 20,” she added.",
        published="2025-03-12")
    dates = {ev.date for ev in e.events}
    assert "2022-04" not in dates
    assert "2025-03-20" in dates


def test_a_clause_cut_inside_a_quotation_closes_it(extract_text):
    e = extract_text(
        "Former President Arnold Vance had urged Republicans to reject the deal, writing on social media "
        "last week that it was \"a gift to the Democrats.\"",
        published="2025-01-16")
    ev = next(ev for ev in e.events if ev.date_text == "last week")
    assert ev.text.count('"') % 2 == 0, ev.text


def test_a_clause_opening_with_a_quotation_keeps_its_opening_mark(extract_text):
    e = extract_text('"We are going backwards," the regional director told reporters in Copenhagen on Monday.',
                     published="2024-02-21")
    ev = next(ev for ev in e.events if ev.date_text == "Monday")
    assert ev.text.startswith('"We are going backwards,"') and ev.text.count('"') == 2, ev.text


def test_a_noun_tagged_as_a_verb_makes_no_future_event(extract_text):
    # "drives" is parsed as a present verb in a subject's place: no schedule ahead
    e = extract_text("Vaccination drives in the early 2000s brought cases down sharply.", published="2024-02-21")
    ev = next(ev for ev in e.events if ev.date_text == "the early 2000s")
    assert not ev.future


def test_a_date_over_before_publication_is_never_a_future_event(extract_text):
    # the parser hangs "from 2020" on "would cost"
    e = extract_text("A review found last September that the mission would cost up to $11 billion, far above the "
                     "$4.4 billion estimate from 2020.", published="2026-07-14")
    ev = next(ev for ev in e.events if ev.date == "2020")
    assert not ev.future and not ev.upcoming


def test_today_with_a_present_is_now_not_a_schedule(extract_text):
    e = extract_text("The responses highlight the fault lines endemic to the country's politics today.",
                     "The minister travels to Oslo on Friday for talks.", published="2024-02-20")
    ev = {x.date_text: x for x in e.events}
    assert not ev["today"].future and not ev["today"].upcoming
    assert ev["Friday"].future and ev["Friday"].upcoming


def test_a_forecast_gives_way_to_the_report_of_its_day():
    from briefgen.aggregate import merge_timeline

    forecast = _event("2024-03-14", "The harbour board will vote on the dredging levy on Thursday", future=True, source="preview.txt",
                      actors=["Harbour Board"])
    ahead = _event("2024-03-25", "The new ferry will sail on March 25", future=True, paragraph=2, source="preview.txt")
    report = _event("2024-03-14", "The harbour board approved the dredging levy by nine votes to two on Thursday", source="report.txt",
                    actors=["Harbour Board"])
    preview = Extraction(path="preview.txt", published=date(2024, 3, 12), events=[forecast, ahead])
    later = Extraction(path="report.txt", published=date(2024, 3, 15), events=[report])
    timeline = merge_timeline([preview, later], date(2024, 3, 16), 25)
    assert [ev.text for ev in timeline] == [report.text, ahead.text] and timeline[1].upcoming
    # with no report of that day, the forecast is all the reader has: it stays
    alone = merge_timeline([preview, Extraction(path="report.txt", published=date(2024, 3, 15))], date(2024, 3, 16), 25)
    assert forecast.text in [ev.text for ev in alone]
    # nor does a story of something else on that day answer it
    floods = _event("2024-03-14", "Floods hit Valencia on Thursday", source="floods.txt", actors=["Valencia"])
    other = merge_timeline([preview, Extraction(path="floods.txt", published=date(2024, 3, 15), events=[floods])],
                           date(2024, 3, 16), 25)
    assert forecast.text in [ev.text for ev in other]


def test_an_event_clause_stays_in_its_paragraph_and_keeps_a_percent_sign(extract_text):
    e = extract_text(
        "The chair told a news conference that the bank was \"well positioned to wait.\"",
        "Inflation rose to 2.4% in May from 2.3% in April, the statistics office said last week.",
        "Markets put the odds of a rate cut at the July meeting at about 60%.",
        published="2025-06-18")
    ev = next(ev for ev in e.events if ev.date_text == "last week")
    assert ev.text.startswith("Inflation rose") and '"' not in ev.text, ev.text
    july = next(ev for ev in e.events if ev.date_text.startswith("July") or "July" in ev.text)
    assert "60%" in july.text, july.text


def test_a_date_in_a_clause_after_a_preposition_is_told_by_that_clauses_verb(extract_text):
    e = extract_text("The reporter, Emre Dogan, was arrested in December 2023 after reporting on the 2016 coup attempt.",
                     published="2025-02-11")
    dates = {ev.date for ev in e.events}
    assert "2023-12" in dates and "2016" not in dates  # one clause, one event: the arrest


def test_closing_a_cut_quotation_leaves_a_closing_mark_alone():
    from briefgen.extract.events import _close_marks
    assert _close_marks('more aid," she said on Monday') == 'more aid," she said on Monday'
    assert _close_marks('that it was "a gift to the Democrats') == 'that it was "a gift to the Democrats"'
