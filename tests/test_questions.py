"""Open questions and outlook, each pattern with sentences written for these tests (real spaCy model)."""
from __future__ import annotations

import pytest

LEAD = "The harbour authority of Eastport met on Monday to discuss the new ferry terminal."


def questions(extract_text, *paragraphs, **kw) -> list[str]:
    return [q.text for q in extract_text(LEAD, *paragraphs, **kw).open_questions]


@pytest.mark.parametrize("sentence", [
    "Will the council approve the budget for the terminal before the summer recess?",
    "The question that remains is whether the ferry operator will resume service in March.",
    "It is unclear whether the terminal will open on time.",
    "It was unclear how much the harbour would gain from the new contracts.",
    "It remains to be seen whether the fishing fleet will accept the new berths.",
    "Mayor Ellen Varga did not say whether she would seek a second term.",
    "The port board has yet to decide on the dredging contract.",
    "The cause of the crane collapse has not been determined.",
    "Officials declined to discuss the cost of the terminal.",
    "The contract is vague about who would pay for repairs.",
    "Nobody knows exactly when the dredgers will arrive.",
    "It is too early to tell whether the new timetable will cut delays.",
    "Analysts said the jury is still out on whether tolls will rise.",
    "The delay raises questions about whether the project can stay within budget.",
    "Questions have been raised about the safety of the old pier.",
    "The opening date is yet to be announced.",
    "It is not yet known how many jobs the terminal will bring.",
    "No date has been set for the vote on the harbour fees.",
    "Police are investigating whether the fire at the pier was started deliberately.",
    "Asked whether the terminal would open in May, the mayor replied, \u201cWe\u2019ll see.\u201d",
    "The ministry did not give a timeline for the handover of the old quay.",
    "Neither side has said when the talks on the harbour fees will resume.",
    "The regional council is expected to decide next month whether to fund a second quay.",
    "The mayor has not ruled out a referendum on the terminal.",
])
def test_each_pattern_is_an_open_question(extract_text, sentence):
    assert questions(extract_text, sentence) == [sentence]


def test_question_inside_a_longer_sentence_keeps_the_whole_sentence(extract_text):
    s = "The ferry deal was signed last week. However, there are key questions about whether the terminal can handle winter storms."
    found = questions(extract_text, s)
    assert len(found) == 1 and found[0].endswith("handle winter storms.") and "key questions about whether" in found[0]


@pytest.mark.parametrize("paragraphs", [
    # answered in the next sentence
    ("Is the terminal affordable? No, the treasury says the costs have doubled.",),
    ("How is that possible?", "It is because the contractor changed the design twice."),
    # a question inside a quote exchange
    ("\u201cDo you support the terminal? Because I do not,\u201d the fisherman told the mayor.",),
    # an interview transcript
    ("VARGA: Will you vote for the terminal?", "BROWN: I will vote for it on Tuesday."),
    # rhetorical: declarative word order, negative question, tag question, verbless fragment
    ("They expect the fishermen to pay for this?",),
    ("Why isn't the harbour master doing anything about the silt?",),
    ("The plan looks much the same as last year's, right?",),
    ("The tolls? They will stay as they are.",),
    # plain predictions and settled statements are not questions
    ("The ferry operator will resume service in March.",),
    ("Whether rich or poor, every resident of Eastport pays the harbour levy.",),
    ("The court ruled last year on whether the levy was lawful and upheld it.",),
    ("Lawmakers asked whether the contract required a tender, and the minister said it did.",),
    ("There is no doubt that the terminal will be busy.",),
    ("The harbour master was not sure.",),
    ("The harbour master did not respond to a request for comment.",),
    ("Reporters raised questions about the pier at the briefing on Monday.",),
    ("The documentary explores how the harbour shaped the town.",),
    ("You can't plan a port if you don't know where the ships will come from.",),
    ("Asked whether the terminal would open in May, the mayor said, \u201cYes, on the first.\u201d",),
    ("Investigators tried to determine what happened at the pier and found a broken valve.",),
    ("The mayor ruled out a referendum on the terminal.",),
    # unverified reports are sourcing caveats, not questions the story raises
    ("The coast guard could not independently verify the report of a second spill.",),
])
def test_not_open_questions(extract_text, paragraphs):
    assert questions(extract_text, *paragraphs) == []


def test_heading_question_is_not_itself_an_open_question(extract_text):
    found = questions(extract_text, "What's next?", "The terminal will open in May.")
    assert found == []


def test_under_an_outlook_heading_what_asks_is_kept_and_what_tells_is_not(extract_text):
    found = questions(extract_text, "What to watch",
                      "Investors will watch if the port authority cuts its fees.",
                      "The terminal will open in May.")
    assert found == ["Investors will watch if the port authority cuts its fees."]


def test_a_question_that_is_a_whole_quote_stays(extract_text):
    s = "As the economist Rita Holm put it, \u201cWho will pay for the terminal once the subsidies end?\u201d"
    assert questions(extract_text, s) == [s]


def test_fields_paragraph_actors_source(extract_text):
    ex = extract_text(LEAD, "Mayor Ellen Varga met the board.", "Ellen Varga did not say whether Eastport would borrow more.", path="eastport.txt")
    q = ex.open_questions[0]
    assert q.paragraph == 3 and q.source == "eastport.txt"
    assert any("Varga" in a for a in q.actors)


def test_seed_has_exactly_its_two_open_questions(seed_extraction):
    texts = [q.text for q in seed_extraction.open_questions]
    assert len(texts) == 2
    assert texts[0].startswith("The question that remains now is whether Hamas and PIJ will arrive in Moscow")
    assert "key questions about whether this very public discussion of Rafah" in texts[1]


def test_outlook_has_scheduled_and_expected_with_dates_and_no_open_questions(extract_text):
    ex = extract_text(LEAD, "The new terminal is scheduled to open on 12 March 2024.",
                      "The operator plans to add two ferries.",
                      "It is unclear whether the fleet will be ready.",
                      "The harbour closed for a week in January.", published="2024-02-19")
    texts = [o.text for o in ex.outlook]
    assert "The new terminal is scheduled to open on 12 March 2024." in texts
    assert "The operator plans to add two ferries." in texts
    assert not any("unclear" in t for t in texts)
    assert not any("January" in t for t in texts)
    dated = next(o for o in ex.outlook if "12 March" in o.text)
    assert dated.date == "2024-03-12"


def test_outlook_of_the_seed_has_the_moscow_meeting(seed_extraction):
    assert any("will be held in Moscow" in o.text for o in seed_extraction.outlook)
    asked = {q.text for q in seed_extraction.open_questions}
    assert not asked & {o.text for o in seed_extraction.outlook}


def test_outlook_leaves_out_what_was_expected_but_did_not_happen(extract_text):
    ex = extract_text(LEAD, "The vote had been expected to take place on Friday, but the session ran late.",
                      "The board is expected to vote again next week.", published="2024-02-19")
    texts = [o.text for o in ex.outlook]
    assert texts == ["The board is expected to vote again next week."]


def test_an_outlook_item_is_never_dated_by_a_duration(extract_text):
    ex = extract_text(LEAD, "The harbour will stay closed for two weeks while divers inspect the pier.", published="2024-02-19")
    item = next(o for o in ex.outlook if "two weeks" in o.text)
    assert item.date is None


def test_a_look_ahead_that_is_over_by_the_briefing_date_is_not_shown():
    from datetime import date, datetime, timezone

    from briefgen.aggregate import aggregate
    from briefgen.config import Config
    from briefgen.models import Extraction, OutlookItem

    ex = Extraction(path="a.txt", published=date(2024, 2, 19), outlook=[
        OutlookItem(text="The terminal is scheduled to open on 12 March 2024.", paragraph=2, date="2024-03-12", source="a.txt"),
        OutlookItem(text="The board will meet again in the summer.", paragraph=3, source="a.txt"),
        OutlookItem(text="The second ferry is due in December 2024.", paragraph=4, date="2024-12", source="a.txt")])
    b = aggregate([ex], Config(), now=datetime(2024, 6, 1, 9, tzinfo=timezone.utc))
    assert [o.paragraph for o in b.outlook] == [4, 3]  # the dated one first: "what's next" reads as a schedule


def test_outlook_leaves_out_quoted_words_and_opening_marks(extract_text):
    e = extract_text(
        "Holm told MPs the levy would raise £4bn by 2029. 'Those who earn most will pay a little more.'",
        "“We will win this vote,” Brandt said. The committee will question Holm next Tuesday.",
        published="2025-11-27")
    texts = [o.text for o in e.outlook]
    assert "Holm told MPs the levy would raise £4bn by 2029." in texts  # no stray opening mark
    assert "The committee will question Holm next Tuesday." in texts
    assert not [t for t in texts if "earn most" in t]


def test_an_outlook_date_keeps_its_early_or_late(extract_text):
    e = extract_text("The employers' group said it would lobby for changes before the bill passes in early 2026.",
                     published="2025-11-27")
    o = next(o for o in e.outlook if "lobby" in o.text)
    assert (o.date, o.mod) == ("2026", "early")


def test_an_outlook_date_reported_by_said_is_kept(extract_text):
    e = extract_text(LEAD, "Arguments are scheduled for April 21 at 10 a.m., the court said.", published="2024-03-04")
    o = next(o for o in e.outlook if "Arguments" in o.text)
    assert o.date == "2024-04-21"


def test_a_why_should_question_in_a_quote_is_a_protest_not_an_open_question(extract_text):
    found = questions(extract_text, '"We have waited since 2021 for a fair map," said the plaintiff, Evan Milner. '
                                    '"Why should voters wait another year?"')
    assert found == []


def test_outlook_compares_dates_as_intervals_and_leaves_out_what_did_not_happen(extract_text):
    e = extract_text(
        LEAD,
        "The bill includes aid for towns hit by floods last spring.",
        "Without the deal, the ferry would have stopped on Thursday.",
        "“We will not raise fares until we know the terminal works,” the mayor said.",
        "Unions say they will strike next month, but the board has said there will be no new contract this decade.",
        published="2024-09-30")
    texts = {o.text: o.date for o in e.outlook}
    assert not [t for t in texts if "last spring" in t or "would have" in t or "raise fares" in t], texts
    assert texts["Unions say they will strike next month, but the board has said there will be no new contract this decade."] == "2024-10"


def test_an_outlook_item_prefers_the_precise_date(extract_text):
    e = extract_text(LEAD, "The company will publish a trading update on January 14, and its results are due in mid-2025.",
                     published="2024-10-22")
    o = next(o for o in e.outlook if "trading update" in o.text)
    assert o.date == "2025-01-14"


def test_a_first_person_quote_with_a_long_attribution_is_not_an_outlook_item(extract_text):
    e = extract_text(LEAD, '"We will need a Marshall Plan for the coast," he told reporters on Saturday.', published="2026-05-06")
    assert not [o for o in e.outlook if "Marshall" in o.text]


def test_a_pledge_only_in_someones_own_words_is_not_outlook(extract_text):
    e = extract_text("“We will now get to work,” Weber said after taking the oath of office.",
                     "The coalition will present its budget in June, officials said.", published="2025-05-06")
    texts = [o.text for o in e.outlook]
    assert not [t for t in texts if "get to work" in t]
    assert [t for t in texts if "budget in June" in t]


def test_a_plan_named_as_a_noun_is_no_look_ahead_but_plans_to_is(extract_text):
    e = extract_text("EU leaders on Thursday endorsed a plan to raise defence spending, officials said.",
                     "The government's plan to send asylum seekers abroad is unlawful, the court has ruled.",
                     "The ministry plans to publish the rules soon.", published="2025-03-07")
    texts = [o.text for o in e.outlook]
    assert not [t for t in texts if "endorsed" in t or "unlawful" in t]
    assert [t for t in texts if "plans to publish" in t]
