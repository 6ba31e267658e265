"""Speaker resolution rules: pronoun chains, plural descriptions, documents and unnamed employees,
on sentences written for these tests."""
from __future__ import annotations


def _speaker_of(ex, start: str):
    hits = [q for q in ex.quotes if q.text.startswith(start)]
    assert hits, f"no quote starting {start!r} in {[(q.text, q.speaker) for q in ex.quotes]}"
    return hits[0].speaker


# -- pronouns skip subjects of reported and relative clauses ------------------------------------------

def test_embedded_subject_does_not_outrank_the_main_clause_subject(extract_text):
    ex = extract_text(
        "Senator Paul Hendricks spoke to dairy farmers in Iowa on Monday.",
        "He said Governor Lisa Roe's plan would ruin the dairy industry. “Nobody in Washington has read the bill,” he said.",
    )
    assert _speaker_of(ex, "Nobody in Washington") == "Paul Hendricks"


def test_embedded_subject_still_serves_when_no_main_subject_precedes(extract_text):
    ex = extract_text(
        "The agency said Inspector Marta Kowalski would lead the review of the crash.",
        "“We will publish everything we find, good or bad,” she said.",
    )
    assert _speaker_of(ex, "We will publish everything") == "Marta Kowalski"


def test_pronoun_inside_a_reported_clause_takes_that_clause_subject(extract_text):
    ex = extract_text(
        "Mayor Carla Jensen said Governor Tom Ruiz was right when he warned on Friday that “the river will flood the lower town again this spring.”",
    )
    assert _speaker_of(ex, "the river will flood") == "Tom Ruiz"


def test_pronoun_in_a_relative_aside_is_the_main_speaker(extract_text):
    ex = extract_text(
        "Dana Whitfield, a lawyer, said the photographs do not show whether Kevin Moss held the knife, which she said was “found three metres away from the body.”",
    )
    assert _speaker_of(ex, "found three metres away") == "Dana Whitfield"


# -- "they" after people described without a name ---------------------------------------------------

def test_they_after_a_plural_description_is_not_the_last_organization(extract_text):
    ex = extract_text(
        "Northfield Mining Corp. said on Monday that rescue teams had reached the collapsed shaft.",
        "The trapped miners' relatives waited at the gate through the night. “Nobody from the company has told us anything,” they said.",
    )
    assert _speaker_of(ex, "Nobody from the company") is None


def test_they_after_an_organization_is_still_the_organization(extract_text):
    ex = extract_text(
        "The Harbour Workers Union called a strike at the container port on Monday.",
        "“We will stay out until the port authority puts a real offer on the table,” they said.",
    )
    assert _speaker_of(ex, "We will stay out") == "Harbour Workers Union"


def test_they_after_a_described_group_is_not_a_person_with_that_role(extract_text):
    ex = extract_text(
        "Senator Ida Brandt met the press with Tom Vance, her senior aide, on Monday.",
        "Brandt aides later described the meeting as friendly. But they warned that “the bill will not pass this side of the summer recess.”",
    )
    assert _speaker_of(ex, "the bill will not pass") not in ("Tom Vance", "Ida Brandt")


# -- an unnamed employee is not the organization ----------------------------------------------------

def test_unnamed_employee_is_not_the_organization(extract_text):
    ex = extract_text(
        "Engineers at Veltrix Systems worked through the weekend to restore the payment network.",
        "“We found the fault in a cooling unit at the Frankfurt data centre,” the Veltrix engineer said.",
        "Veltrix's technicians said later that “every payment made on Saturday will be settled by Tuesday.”",
    )
    assert _speaker_of(ex, "We found the fault") is None
    assert _speaker_of(ex, "every payment made on Saturday") is None


def test_spokesperson_speaks_for_the_organization(extract_text):
    ex = extract_text(
        "Harland Motors recalled 40,000 delivery vans on Sunday after a brake fault.",
        "“Owners will not pay anything for the repair,” a Harland Motors spokeswoman said.",
    )
    assert _speaker_of(ex, "Owners will not pay") == "Harland Motors"


# -- a document speaks for its stated author ------------------------------------------------------------

def test_report_goes_to_its_stated_author_not_the_last_organization(extract_text):
    ex = extract_text(
        "A report by the Coastal Research Council found that sea walls along the bay are failing.",
        "Harbour Holdings, which owns most of the waterfront, declined to comment on Tuesday.",
        "“Half of the walls built before 1990 will not survive another major storm,” the report says.",
    )
    assert _speaker_of(ex, "Half of the walls") == "Coastal Research Council"


def test_report_released_by_a_subject_and_its_possessive(extract_text):
    ex = extract_text(
        "The Grain Traders Association released a study on Monday. Northway Bank lent to most of its members.",
        "“Prices for wheat will rise by a fifth before the harvest,” the study said.",
        "In a separate letter, Northway Bank's chairman warned farmers about debt.",
    )
    assert _speaker_of(ex, "Prices for wheat") == "Grain Traders Association"


def test_subject_document_with_its_own_author(extract_text):
    ex = extract_text(
        "Harbour Holdings owns most of the waterfront.",
        "A study from the Coastal Research Council said “the sea walls on the north shore are already crumbling.”",
    )
    assert _speaker_of(ex, "the sea walls on the north shore") == "Coastal Research Council"


def test_report_whose_author_is_not_named_is_nobody(extract_text):
    ex = extract_text(
        "Harbour Holdings owns most of the waterfront. A team of engineers published a report on the sea walls last week.",
        "“Half of the walls built before 1990 will not survive another major storm,” the report says.",
    )
    assert _speaker_of(ex, "Half of the walls") is None


def test_said_in_a_statement_makes_the_speaker_the_author(extract_text):
    ex = extract_text(
        "The Red Harbour Trust said in a statement on Friday that it would sue the city.",
        "Mayor Ines Ortega met the Harbour Holdings board in the afternoon.",
        "“The city has ignored every warning we sent,” the statement said.",
    )
    assert _speaker_of(ex, "The city has ignored") == "Red Harbour Trust"


# -- titles with "of", spokesmen of an office, study authors, analysts of a firm, namesakes -------------

def test_a_name_hung_on_a_titles_of_is_the_subject_a_pronoun_refers_to(extract_text):
    ex = extract_text(
        "Ambassador Rhona Teague said the allies were united.",
        "Secretary-General of NATO Karl Henriksen proposed a new fund for air defence. "
        "“Ukraine needs support it can count on,” he said.",
    )
    assert _speaker_of(ex, "Ukraine needs support") == "Karl Henriksen"


def test_the_spokesman_of_an_office_speaks_for_the_office_holder(extract_text):
    ex = extract_text(
        "Prime Minister Alastair Pemberton will visit the flooded towns on Friday.",
        "The prime minister's official spokesman said the army would help with the clean-up. "
        "“Every available resource is being sent north,” the spokesman said.",
    )
    assert _speaker_of(ex, "Every available resource") == "Alastair Pemberton"


def test_a_prime_minister_is_not_the_actor_whose_role_is_foreign_minister(extract_text):
    ex = extract_text(
        "Foreign Minister Hugo Brandt flew to Rome on Monday.",
        "“We will not be rushed,” the prime minister said in Berlin.",
    )
    assert _speaker_of(ex, "We will not be rushed") != "Hugo Brandt"


def test_the_authors_of_a_study_speak_through_the_journal_that_published_it(extract_text):
    ex = extract_text(
        "A study published in the British Medical Journal found that rural patients waited longer for scans.",
        "“Distance to the nearest hospital predicts delay more than income does,” the authors wrote.",
    )
    assert _speaker_of(ex, "Distance to the nearest") == "British Medical Journal"


def test_the_authors_of_a_study_by_an_institute_are_the_institute(extract_text):
    ex = extract_text(
        "A report by the Resolution Foundation found that rents had outpaced wages for a decade.",
        "“Young renters have borne the brunt,” the researchers wrote.",
    )
    assert _speaker_of(ex, "Young renters") == "Resolution Foundation"


def test_analysts_at_a_firm_who_wrote_a_note_are_the_firm(extract_text):
    ex = extract_text(
        "Analysts at Berenberg cut their forecast for the chipmaker on Wednesday.",
        "“Inventory is piling up at every customer we track,” they wrote in a note to clients.",
    )
    assert _speaker_of(ex, "Inventory is piling up") == "Berenberg"


def test_a_shared_surname_goes_to_the_namesake_a_pronoun_in_the_sentence_fits(extract_text):
    ex = extract_text(
        "Fiona Gallagher, the MP for a coastal seat, said she had argued for a later date. "
        "Declan Gallagher, the party's treasurer, backed the spring poll.",
        "“We should have waited for the autumn,” Gallagher said, adding that she feared losing her seat.",
    )
    assert _speaker_of(ex, "We should have waited") == "Fiona Gallagher"


def test_a_shared_surname_goes_to_the_namesake_named_last(extract_text):
    ex = extract_text(
        "Fiona Gallagher opened the debate. Declan Gallagher spoke for the opposition.",
        "“The numbers do not add up,” Gallagher told the chamber.",
    )
    assert _speaker_of(ex, "The numbers do not add up") == "Declan Gallagher"


def test_a_rank_abbreviation_does_not_end_the_sentence_before_the_speaker(extract_text):
    ex = extract_text(
        "Artillery fire hit the northern district overnight.",
        "“The strikes targeted launch sites only,” army spokesman Lt. Col. Miriam Adler said.",
    )
    assert _speaker_of(ex, "The strikes targeted") == "Miriam Adler"


def test_rank_abbreviations_keep_their_period(nlp):
    doc = nlp("The order came from Lt. Col. Miriam Adler and Maj. Tom Brix.")
    assert [t.text for t in doc][4:6] == ["Lt.", "Col."]
    assert len(list(doc.sents)) == 1


def test_a_title_two_actors_share_goes_to_the_one_named_last(extract_text):
    ex = extract_text(
        "Chancellor Miriam Castell defended the budget on Monday.",
        "Shadow Chancellor Edwin Rook said the plan broke the party's promises. "
        "“This is a tax on jobs,” the former chancellor told the programme.",
    )
    assert _speaker_of(ex, "This is a tax on jobs") == "Edwin Rook"


def test_a_spokesman_for_a_named_person_and_an_office_holders_office_speak_for_that_person(extract_text):
    ex = extract_text(
        "Prime Minister Anna Ekholm will meet the unions on Friday.",
        "“We will not move on pensions,” a spokesman for Ekholm said.",
        "“The talks were useful,” the prime minister’s office said.",
    )
    assert _speaker_of(ex, "We will not move") == "Anna Ekholm"
    assert _speaker_of(ex, "The talks were useful") == "Anna Ekholm"


def test_they_after_economists_at_a_firm_is_the_firm_not_the_bank_they_discuss(extract_text):
    ex = extract_text(
        "Economists at Halden Research expect the Central Bank of Norvia to cut rates in August. "
        "“Inflation is no longer the problem,” they wrote.",
    )
    assert _speaker_of(ex, "Inflation is no longer") == "Halden Research"


def test_analysts_of_an_untagged_firm_speak_for_it(extract_text):
    ex = extract_text(
        "Sterling fell to a two-month low on Tuesday.",
        "“The pound is vulnerable to any sign of slowing,” Jefferies analysts said in a note.",
    )
    assert _speaker_of(ex, "The pound is vulnerable") == "Jefferies"


def test_a_ministry_spokesperson_speaks_for_the_ministry_named_before(extract_text):
    ex = extract_text(
        "Norvia's Trade Ministry said it would challenge the tariffs at the World Trade Organization. "
        "A ministry spokesperson said the government would “take every measure to defend our companies.”",
    )
    assert _speaker_of(ex, "take every measure") == "Trade Ministry"


def test_a_name_the_model_missed_after_a_title_with_to_is_the_speaker_not_the_body(extract_text):
    ex = extract_text(
        "Allied ministers met in Brussels on Thursday.",
        "“Our support will not waver,” said U.S. Ambassador to NATO Julia Marsh, who spoke after him.",
    )
    assert _speaker_of(ex, "Our support will not waver") == "Julia Marsh"


def test_a_name_run_into_an_outlet_is_no_namesake(extract_text):
    ex = extract_text(
        "Donald Trump spoke in Ohio on Monday. Trump's view of the alliance has long worried allies.",
        "In a meeting with the editorial board of the Washington Post Trump said the alliance was costly. "
        "“We certainly can’t afford to do this anymore,” Trump said.",
    )
    assert _speaker_of(ex, "We certainly can") == "Donald Trump"


def test_a_relative_named_as_an_object_a_paragraph_before_does_not_take_the_surname(extract_text):
    ex = extract_text(
        "Senator Tom Halloway endorsed the nominee on Friday. Halloway said he had prayed over the decision.",
        "The nominee had mocked his wife, Dana, and shared an unflattering photo of Dana Halloway.",
        "“I am not in the habit of supporting people who attack my family,” Halloway said in July.",
    )
    assert _speaker_of(ex, "I am not in the habit") == "Tom Halloway"


def test_a_shared_surname_right_after_both_full_names_is_left_unattributed(extract_text):
    ex = extract_text(
        "Council members Fiona Gallagher and Declan Gallagher both spoke at the meeting.",
        "“The numbers do not add up,” Gallagher said.",
    )
    assert _speaker_of(ex, "The numbers do not add up") is None


def test_a_wife_named_in_apposition_in_the_same_sentence_leaves_the_surname_to_the_subject(extract_text):
    ex = extract_text(
        "Former governor Sam Whitlock campaigned in Flint on Monday for his wife Irene Whitlock.",
        "“The insurance model does not work here,” Whitlock said.",
    )
    assert _speaker_of(ex, "The insurance model") == "Sam Whitlock"
