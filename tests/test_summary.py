"""Bottom line and key points: candidate sentences (real spaCy) and their selection (plain values)."""
from __future__ import annotations

from datetime import date, datetime, timezone

from briefgen.aggregate import number_sources, pick_summaries, shorten
from briefgen.models import Actor, Extraction, OpenQuestion, Sentence, Summary


def test_candidates_lead_first_and_what_they_carry(extract_text):
    ex = extract_text(
        "The port authority of Eastport approved a new ferry terminal on 12 February 2024, officials said.",
        "Ferry links",
        "This is a big step for the town, which has waited for a decade.",
        "\u201cWe are delighted with the decision and the support of the region,\u201d said Mayor Ellen Varga.",
        "Will the terminal open on time?",
        "The terminal is expected to cost 40 million euros and will be built by Nordbau.",
        title="Eastport approves ferry terminal", published="2024-02-19")
    texts = [s.text for s in ex.sentences]
    assert texts[0].startswith("The port authority of Eastport approved")
    assert "Ferry links" not in texts                       # heading
    assert not any(t.endswith("?") for t in texts)          # questions go to open questions
    assert not any(t.startswith("\u201c") for t in texts)   # quotes go to the quotes section
    lead = ex.sentences[0]
    assert lead.score == max(s.score for s in ex.sentences)
    assert "2024-02-12" in lead.dates and lead.topic > 0
    dependent = next(s for s in ex.sentences if s.text.startswith("This is"))
    later = next(s for s in ex.sentences if s.text.startswith("The terminal is expected"))
    assert dependent.score < later.score                    # "This ..." needs the sentence before it


def _sentence(text, i, actors=(), dates=(), score=None, topic=0.0):
    return Sentence(text=text, paragraph=i + 1, start=i * 100, end=i * 100 + len(text), actors=list(actors), dates=list(dates),
                    score=score if score is not None else 1.0 / (1 + 0.15 * i), topic=topic)


def _extraction(path, sentences, actors=("Eastport", "Ellen Varga", "Nordbau"), questions=()):
    return Extraction(path=path, published=date(2024, 2, 19), outlet=path,
                      actors=[Actor(name=a, kind="organization", score=10 - i) for i, a in enumerate(actors)],
                      sentences=sentences, open_questions=[OpenQuestion(text=q, paragraph=9) for q in questions])


def test_bottom_line_lead_then_who_then_what_comes_next_with_source_markers():
    e = _extraction("a.txt", [
        _sentence("Eastport approved a new ferry terminal on Monday after a long debate in the council.", 0, ["Eastport"], ["2024-02-19"], topic=0.5),
        _sentence("Councillors praised the harbour staff for their patience during the long debate.", 1),
        _sentence("Mayor Ellen Varga said Nordbau would build the terminal for Eastport with regional money.", 2, ["Ellen Varga", "Nordbau", "Eastport"], topic=0.3),
        _sentence("Construction is due to start on 4 March, the harbour office said on its website.", 3, [], ["2024-03-04"]),
    ])
    sources = number_sources([e], date(2024, 2, 19))
    bottom = pick_summaries([e], sources, 3, set(), bottom_line=True)
    assert [b.text[:20] for b in bottom] == ["Eastport approved a ", "Mayor Ellen Varga sa", "Construction is due "]
    assert all(b.source == 1 and not b.shortened for b in bottom)


def test_key_points_do_not_repeat_the_bottom_line_nor_open_questions():
    texts = ["Eastport approved a new ferry terminal on Monday.",
             "Nordbau won the construction contract against three rivals.",
             "Mayor Ellen Varga praised the harbour staff.",
             "Fishermen fear their berths will shrink.",
             "The region pays half of the forty million euros.",
             "Tourism offices expect more visitors from the islands.",
             "A court case over noise is pending in the capital."]
    asked = "It is unclear whether the Eastport terminal will ever turn a profit for its owners."
    e = _extraction("a.txt", [_sentence(t, i, ["Eastport"]) for i, t in enumerate(texts + [asked])], questions=[asked])
    sources = number_sources([e], date(2024, 2, 19))
    used: set[str] = set()
    bottom = pick_summaries([e], sources, 2, used, bottom_line=True)
    points = pick_summaries([e], sources, 5, used)
    assert len(points) == 5
    assert not {b.text for b in bottom} & {p.text for p in points}
    assert asked not in {p.text for p in bottom + points}


def test_near_duplicates_from_two_outlets_count_once():
    same = "Eastport approved a new ferry terminal on Monday after a long debate in the town council."
    near = "Eastport on Monday approved a new ferry terminal after a long debate in its town council."
    other = "Nordbau will build the terminal, Mayor Ellen Varga told reporters at the harbour office."
    a = _extraction("a.txt", [_sentence(same, 0, ["Eastport"])])
    b = _extraction("b.txt", [_sentence(near, 0, ["Eastport"]), _sentence(other, 1, ["Nordbau", "Ellen Varga"])])
    sources = number_sources([a, b], date(2024, 2, 19))
    bottom = pick_summaries([a, b], sources, 3, set(), bottom_line=True)
    texts = [x.text for x in bottom]
    assert len([t for t in texts if "approved a new ferry terminal" in t]) == 1
    assert other in texts and {x.source for x in bottom} == {1, 2}


def test_long_sentence_is_shortened_with_an_ellipsis():
    long = ("The harbour authority of Eastport, which has run the port since 1921 and employs more than four hundred people, "
            "approved on Monday a new ferry terminal that will link the town with three islands, two mainland ports "
            "and a new logistics park planned by the regional government for the next decade.")
    text, shortened = shorten(long)
    assert shortened and text.endswith(" …") and long.startswith(text[:-2])
    assert len(text.split()) < len(long.split())
    assert shorten("A short sentence stays as it is.") == ("A short sentence stays as it is.", False)
    e = _extraction("a.txt", [_sentence(long, 0, ["Eastport"])])
    out = pick_summaries([e], number_sources([e], date(2024, 2, 19)), 1, set(), bottom_line=True)
    assert out[0].shortened and out[0].text.endswith("…")


def test_seed_bottom_line_says_who_was_invited_where_and_when(nlp):
    from briefgen.aggregate import aggregate
    from briefgen.config import load_config
    from briefgen.extract import extract_doc
    from briefgen.ingest import read_article
    from conftest import SEED

    article = read_article(str(SEED))[0]
    briefing = aggregate([extract_doc(nlp(article.text), article)], load_config(None), now=datetime(2024, 2, 19, 9, tzinfo=timezone.utc))
    bottom = " ".join(s.text for s in briefing.bottom_line)
    assert 1 <= len(briefing.bottom_line) <= 3 and all(s.source == 1 for s in briefing.bottom_line)
    assert "Russia invited Palestinian factions" in bottom and "Moscow" in bottom
    assert "Hamas" in bottom and ("Palestinian Islamic Jihad" in bottom or "PIJ" in bottom)
    assert "February 29" in bottom
    assert 3 <= len(briefing.key_points) <= 6
    assert not {s.text for s in briefing.bottom_line} & {s.text for s in briefing.key_points}
    assert len(briefing.open_questions) == 2 and briefing.outlook


def test_the_same_question_from_two_outlets_is_listed_once():
    from briefgen.aggregate import once

    a = OpenQuestion(text="It is unclear whether Eastport will open the terminal in May.", paragraph=3, source="a.txt")
    b = OpenQuestion(text="It remains unclear whether Eastport will open its terminal in May.", paragraph=5, source="b.txt")
    c = OpenQuestion(text="Nordbau did not say whether it would hire local workers.", paragraph=2, source="b.txt")
    assert once([a, b, c]) == [a, c]


def test_a_wire_dateline_is_not_part_of_the_lead_sentence_nor_of_its_event(extract_text):
    ex = extract_text(
        "PORT LOUIS, Mauritius, June 4 (Reuters) — The harbour board of Port Louis approved a new container "
        "terminal on Tuesday, officials said.",
        "The terminal is expected to cost 40 million euros and will be built by a Danish firm.",
        title="Port Louis approves container terminal", published="2025-06-05")
    assert ex.sentences[0].text.startswith("The harbour board of Port Louis approved")
    ev = next(ev for ev in ex.events if ev.date_text == "Tuesday")
    assert "Reuters" not in ev.text and "PORT LOUIS" not in ev.text


def test_questions_and_outlook_are_taken_one_article_at_a_time():
    from briefgen.aggregate import in_turn
    from briefgen.models import OutlookItem

    items = [OutlookItem(text=f"The board will vote on plan {i} of story {s}.", paragraph=i, source=f"{s}.txt")
             for s in "ab" for i in range(1, 6)]
    picked = in_turn(items, 4)
    assert [(o.source, o.paragraph) for o in picked] == [("a.txt", 1), ("a.txt", 2), ("b.txt", 1), ("b.txt", 2)]
    assert in_turn(items, 20) == items


def test_an_embedded_post_is_not_a_summary_sentence_nor_a_timeline_event(extract_text):
    ex = extract_text(
        "The harbour board of Eastport approved a new ferry terminal on Tuesday, officials said.",
        "Big day for our town! The vote is in. pic.twitter.com/Ab12Cd34 — Eastport Council (@EastportCouncil) "
        "March 5, 2024",
        "The terminal is expected to cost 40 million euros and will be built by a Danish firm.",
        title="Eastport approves ferry terminal", published="2024-03-06")
    assert not any("twitter" in s.text for s in ex.sentences)
    assert not any("twitter" in ev.text for ev in ex.events)
    assert any(ev.date_text == "Tuesday" for ev in ex.events)


def test_a_shortened_sentence_never_leaves_a_quotation_open():
    text = ("The mayor, speaking to reporters outside the town hall after the long vote, said “the harbour will stay "
            "open, whatever the board decides, because the town cannot live without its ferries and the jobs they bring”, "
            "and left for Brussels.")
    short, cut = shorten(text, max_words=30)
    assert cut and short.count("“") == short.count("”"), short


def test_a_line_ending_in_a_colon_is_no_summary_sentence(extract_text):
    ex = extract_text(
        "The latest on the harbour strike in Eastport and the talks between the unions and the board (all times local):",
        "The harbour board of Eastport approved a new ferry terminal on Tuesday, officials said.",
        title="Eastport approves ferry terminal", published="2024-03-06")
    assert ex.sentences and not any(s.text.endswith(":") for s in ex.sentences)


def test_the_bottom_line_leads_with_the_newest_story():
    old = _extraction("old.txt", [_sentence("The port authority of Eastport approved a new ferry terminal, officials said.", 0, ["Eastport"])])
    new = _extraction("new.txt", [_sentence("The new ferry terminal in Eastport opened to its first passengers today.", 0, ["Eastport"])])
    old.published, new.published = date(2024, 2, 12), date(2024, 2, 19)
    sources = number_sources([old, new], date(2024, 2, 19))
    picked = pick_summaries([old, new], sources, 1, set(), bottom_line=True)
    assert picked[0].source == 2


def test_a_surname_met_before_the_full_name_gets_the_given_name_in_brackets():
    from briefgen.aggregate import first_mentions

    people = [Actor(name="Mikhail Varga", kind="person"), Actor(name="Bill Roe", kind="person"),
              Actor(name="Jane Roe", kind="person"), Actor(name="Eastport", kind="place")]
    out = first_mentions([Summary(text="Varga did not say when the ferry would sail.", source=1),
                          Summary(text="Varga and Roe met in Eastport, and Varga left.", source=1)], people)
    assert out[0].text == "[Mikhail] Varga did not say when the ferry would sail."
    assert out[1].text == "Varga and Roe met in Eastport, and Varga left."  # once only; two Roes: left alone


def _dated(path, published, sentences):
    e = _extraction(path, sentences)
    e.published = published
    return e


def test_a_background_story_stays_out_of_the_bottom_line_and_key_points():
    profile = _dated("profile.txt", date(2023, 11, 2), [
        _sentence("Eastport elected Mayor Ellen Varga, who promised Nordbau a ferry terminal, in a landslide.", 0,
                  ["Eastport", "Ellen Varga", "Nordbau"], ["2023-11-01"], topic=0.6)])
    report = _dated("report.txt", date(2024, 2, 19), [
        _sentence("Eastport approved a new ferry terminal on Monday after a long debate in the council.", 0, ["Eastport"], ["2024-02-19"], topic=0.5),
        _sentence("Councillors praised the harbour staff for their patience during the debate.", 1),
        _sentence("The harbour office expects the first ferries to sail before the summer season.", 2),
        _sentence("Fishermen fear that their berths in the old harbour will shrink.", 3)])
    sources = number_sources([profile, report], date(2024, 2, 20))
    used: set[str] = set()
    bottom = pick_summaries([profile, report], sources, 2, used, bottom_line=True, today=date(2024, 2, 20))
    points = pick_summaries([profile, report], sources, 2, used, today=date(2024, 2, 20))
    assert {s.source for s in bottom + points} == {2}


def test_a_look_ahead_that_a_newer_story_overtook_is_no_summary_and_next_counts_from_the_briefing_date():
    preview = _dated("preview.txt", date(2024, 2, 14), [
        _sentence("Eastport's council will vote on the new ferry terminal on Thursday, the mayor said.", 0, ["Eastport"], ["2024-02-15"], topic=0.6),
        _sentence("Nordbau will start building in the first week of March if the council agrees.", 1, ["Nordbau"], ["2024-03-04"])])
    report = _dated("report.txt", date(2024, 2, 16), [
        _sentence("Eastport's council approved the new ferry terminal on Thursday after a long debate.", 0, ["Eastport"], ["2024-02-15"], topic=0.6),
        _sentence("The mayor thanked the harbour staff, who worked late on Tuesday, for their patience.", 1, [], ["2024-02-13"]),
        _sentence("Ellen Varga said the design would be shown to residents before the end of the month.", 2, ["Ellen Varga"], ["2024-02-29"])])
    sources = number_sources([preview, report], date(2024, 2, 20))
    used: set[str] = set()
    bottom = pick_summaries([preview, report], sources, 3, used, bottom_line=True, today=date(2024, 2, 20))
    texts = [s.text for s in bottom + pick_summaries([preview, report], sources, 5, used, today=date(2024, 2, 20))]
    assert not any(t.startswith("Eastport's council will vote") for t in texts)
    assert bottom[0].text.startswith("Eastport's council approved")
    assert bottom[2].text.startswith("Nordbau will start")  # the nearest day after the briefing date, not after its story's


def test_whats_next_reads_as_a_schedule_and_a_background_story_comes_last():
    from briefgen.aggregate import in_turn, soonest_first
    from briefgen.models import OutlookItem

    items = [OutlookItem(text="The council will meet again this year.", paragraph=1, date="2024", source="a.txt"),
             OutlookItem(text="The ferry sails in late March.", paragraph=2, date="2024-03", mod="late", source="a.txt"),
             OutlookItem(text="Nobody knows what comes next.", paragraph=3, source="b.txt"),
             OutlookItem(text="The board votes on March 12.", paragraph=4, date="2024-03-12", source="b.txt"),
             OutlookItem(text="The mayor will visit on March 2.", paragraph=5, date="2024-03-02", source="old.txt")]
    assert [o.paragraph for o in soonest_first(items)] == [5, 4, 2, 1, 3]
    picked = in_turn(items, 3, later={"old.txt"})
    assert [o.paragraph for o in picked] == [1, 2, 3]
    assert [o.paragraph for o in in_turn(items, 5, later={"old.txt"})] == [1, 2, 3, 4, 5]


def test_an_undated_look_ahead_of_a_background_story_is_not_whats_next():
    from briefgen.aggregate import aggregate
    from briefgen.config import Config
    from briefgen.models import OutlookItem

    old = Extraction(path="old.txt", published=date(2023, 6, 1), outlook=[
        OutlookItem(text="Talks with the unions are expected to begin soon.", paragraph=3, source="old.txt"),
        OutlookItem(text="The ferry will sail on 2 March 2024.", paragraph=4, date="2024-03-02", source="old.txt")])
    new = Extraction(path="new.txt", published=date(2024, 2, 19), outlook=[
        OutlookItem(text="The board will vote again after the inquiry.", paragraph=2, source="new.txt")])
    briefing = aggregate([old, new], Config(), now=datetime(2024, 2, 20, 9, tzinfo=timezone.utc))
    assert [o.text for o in briefing.outlook] == ["The ferry will sail on 2 March 2024.", "The board will vote again after the inquiry."]


def test_a_preview_overtaken_by_the_report_leaves_its_questions_and_undated_look_aheads_out():
    from briefgen.aggregate import aggregate
    from briefgen.config import Config
    from briefgen.models import OutlookItem

    preview = _dated("preview.txt", date(2024, 2, 14), [
        _sentence("Eastport's council will vote on the new ferry terminal on Thursday, the mayor said.", 0, ["Eastport"], ["2024-02-15"])])
    preview.open_questions = [OpenQuestion(text="It is unclear whether the council will back the terminal.", paragraph=5, source="preview.txt")]
    preview.outlook = [OutlookItem(text="The mayor will resign if the vote fails.", paragraph=4, source="preview.txt"),
                       OutlookItem(text="Ferries will sail from 2 March 2024.", paragraph=6, date="2024-03-02", source="preview.txt")]
    report = _dated("report.txt", date(2024, 2, 16), [
        _sentence("Eastport's council approved the new ferry terminal on Thursday after a long debate.", 0, ["Eastport"], ["2024-02-15"])])
    report.open_questions = [OpenQuestion(text="Who will pay for the new berths is not known.", paragraph=3, source="report.txt")]
    briefing = aggregate([preview, report], Config(), now=datetime(2024, 2, 17, 9, tzinfo=timezone.utc))
    assert [q.text for q in briefing.open_questions] == ["Who will pay for the new berths is not known."]
    assert [o.text for o in briefing.outlook] == ["Ferries will sail from 2 March 2024."]
    # without the report, the preview is all there is: its questions stay
    alone = aggregate([preview], Config(), now=datetime(2024, 2, 17, 9, tzinfo=timezone.utc))
    assert len(alone.open_questions) == 1 and len(alone.outlook) == 2
