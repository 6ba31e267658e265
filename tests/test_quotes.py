"""Quotes and statements: every attribution pattern, on sentences written for these tests."""
from __future__ import annotations

import pytest

from briefgen.extract.quote_marks import find_quoted_spans


def _quotes(ex):
    return [(q.text, q.speaker) for q in ex.quotes]


def _speaker_of(ex, start: str):
    hits = [q for q in ex.quotes if q.text.startswith(start)]
    assert hits, f"no quote starting {start!r} in {_quotes(ex)}"
    return hits[0].speaker


def _invariants(ex, article_text: str):
    for q in ex.quotes + ex.statements:
        assert 0 <= q.start < q.end <= len(article_text)
        assert q.text.split()[0] in article_text[q.start:q.end]


# -- quote then attribution -------------------------------------------------------------------

def test_quote_then_surname_resolves_to_full_name(extract_text):
    ex = extract_text(
        "Finance Minister Greta Lindqvist met bankers in Oslo on Tuesday.",
        "“We will not raise taxes on small firms this year,” Lindqvist said.",
    )
    assert _speaker_of(ex, "We will not raise taxes") == "Greta Lindqvist"
    assert ex.quotes[0].cue == "said"


def test_said_inversion_with_apposition(extract_text):
    ex = extract_text(
        "“The harbour will reopen once the storm damage is repaired,” said Tomas Varga, director of the port authority.",
    )
    assert _speaker_of(ex, "The harbour will reopen") == "Tomas Varga"


# -- attribution then quote -------------------------------------------------------------------

def test_colon_introduces_quote(extract_text):
    ex = extract_text("Senator Helen Marsh told reporters: “The budget deal is dead until the spring session.”")
    assert _speaker_of(ex, "The budget deal is dead") == "Helen Marsh"
    assert ex.quotes[0].cue == "told"


def test_noted_that_quote(extract_text):
    ex = extract_text("Ambassador Pieter Claes noted that “the talks have moved faster than anyone expected.”")
    assert _speaker_of(ex, "the talks have moved faster") == "Pieter Claes"


def test_according_to_pronoun(extract_text):
    ex = extract_text(
        "General Amara Osei inspected the new barracks on Friday.",
        "According to him, “The soldiers here will be ready for deployment by the end of summer.”",
    )
    q = ex.quotes[0]
    assert q.speaker == "Amara Osei" and q.cue == "according to"


def test_colon_at_end_of_previous_paragraph(extract_text):
    ex = extract_text(
        "Mayor Lucia Ferraro wrote in a letter to residents:",
        "“The bridge will stay closed until the engineers say it is safe to cross.”",
    )
    assert _speaker_of(ex, "The bridge will stay closed") == "Lucia Ferraro"


# -- attribution in the middle, continuation, several paragraphs --------------------------------

def test_attribution_in_the_middle_serves_both_parts(extract_text):
    ex = extract_text(
        "Coach Daniel Okafor spoke after the final whistle.",
        "“We played well in the first half,” he said, “but we lost our shape after the break.”",
    )
    assert _speaker_of(ex, "We played well") == "Daniel Okafor"
    assert _speaker_of(ex, "but we lost our shape") == "Daniel Okafor"


def test_continuation_quote_keeps_previous_speaker(extract_text):
    ex = extract_text(
        "“The river has never been this high in March,” hydrologist Ingrid Solberg said. "
        "“We expect the water to keep rising for two more days.”",
    )
    assert _speaker_of(ex, "We expect the water") == "Ingrid Solberg"


def test_quote_over_several_paragraphs(extract_text, make_article):
    paragraphs = (
        "Chancellor Maria Keller addressed parliament on Monday.",
        "“We have to rebuild the railways before we build new motorways,” Keller said.",
        "“The first lines will be in the east, where the trains are slowest.",
        "“The rest will follow within ten years, whatever the cost turns out to be.”",
        "The opposition walked out.",
    )
    ex = extract_text(*paragraphs)
    multi = [q for q in ex.quotes if q.text.startswith("The first lines")]
    assert len(multi) == 1
    assert "whatever the cost" in multi[0].text and "\n" not in multi[0].text
    assert multi[0].speaker == "Maria Keller"
    assert not any("opposition walked out" in q.text for q in ex.quotes)
    _invariants(ex, make_article(*paragraphs).text)


# -- partial quotes ---------------------------------------------------------------------------

def test_partial_quote_takes_the_sentence_speaker(extract_text):
    ex = extract_text(
        "The Daily Ledger reported that the governor skipped the hearing in order to "
        "“hide the terms of the settlement from public view.”",
    )
    assert _speaker_of(ex, "hide the terms of the settlement") == "Daily Ledger"


def test_partial_quote_with_called(extract_text):
    ex = extract_text("Senator Raymond Choi called the new tariff “a tax on every family in the country.”")
    assert _speaker_of(ex, "a tax on every family") == "Raymond Choi"


# -- mark styles and broken marks -----------------------------------------------------------------

@pytest.mark.parametrize("opening,closing", [("“", "”"), ('"', '"'), ("''", "''")])
def test_mark_styles(extract_text, opening, closing):
    ex = extract_text(f"{opening}The new clinic will open its doors next month,{closing} Dr. Sofia Reyes said.")
    assert _speaker_of(ex, "The new clinic will open") == "Sofia Reyes"


def test_single_marks_inside_double_stay_inside(extract_text):
    ex = extract_text(
        "“People keep asking me ‘when will it end?’ and I have no answer for them,” nurse Hana Kim said.",
    )
    assert len(ex.quotes) == 1
    assert "‘when will it end?’" in ex.quotes[0].text
    assert ex.quotes[0].speaker == "Hana Kim"


def test_unbalanced_mark_neither_crashes_nor_swallows(extract_text, make_article):
    paragraphs = (
        "“The factory will close in June, union leader Paolo Rossi said on Thursday.",
        "Workers gathered outside the gates for a second day.",
        "“We were told nothing about the plans,” said Mei Tanaka, a machinist.",
    )
    ex = extract_text(*paragraphs)
    assert not any("Workers gathered" in q.text for q in ex.quotes)
    assert _speaker_of(ex, "We were told nothing") == "Mei Tanaka"
    _invariants(ex, make_article(*paragraphs).text)


def test_stray_closing_mark_is_ignored(make_article):
    article = make_article("The report” was late. “This is a complete quotation of five words,” she said.")
    spans = find_quoted_spans(article)
    assert [s.text for s in spans] == ["This is a complete quotation of five words,"]


# -- not quotes ------------------------------------------------------------------------------------

def test_scare_quotes_are_not_quotes(extract_text):
    ex = extract_text("The so-called “peace dividend” never arrived, and the “reforms” stalled in committee.")
    assert ex.quotes == []


def test_titles_are_not_quotes(extract_text):
    ex = extract_text(
        "Her book “The Long Road Home From Kabul” sold well, and Operation “Northern Shield Rising Again” began in May.",
    )
    assert ex.quotes == []


# -- speakers as descriptions, organizations, pronouns -----------------------------------------------

def test_description_resolves_to_actor_with_that_role(extract_text):
    ex = extract_text(
        "Defence Minister Ilse Brandt, the minister in charge of procurement, visited the shipyard.",
        "“Every frigate on this list will be delivered on time,” the minister said.",
    )
    assert _speaker_of(ex, "Every frigate on this list") == "Ilse Brandt"


def test_organization_speaker_and_statement_noun(extract_text):
    ex = extract_text(
        "“The ceasefire must hold for the aid convoys to move,” Reuters said.",
        "Oxfam issued a statement on Sunday. “Families in the camps have run out of clean water,” the statement said.",
    )
    assert _speaker_of(ex, "The ceasefire must hold") == "Reuters"
    assert _speaker_of(ex, "Families in the camps") == "Oxfam"


def test_pronoun_goes_to_the_latest_subject_not_an_earlier_speaker(extract_text):
    ex = extract_text(
        "“Prices will fall by autumn,” said Rafael Montes, an economist at the central bank.",
        "Senator Joan Whitaker, who chairs the banking committee, was less sure.",
        "“I have heard that promise every year since I was elected,” she said.",
    )
    assert _speaker_of(ex, "I have heard that promise") == "Joan Whitaker"


def test_pronoun_does_not_jump_over_an_unnamed_person(extract_text):
    ex = extract_text(
        "Governor Nadia Ferreira opened the new toll bridge on Monday.",
        "A video posted online on Tuesday showed a masked man threatening the bridge workers.",
        "The man also repeats his demand that the toll be scrapped. He says the workers will be punished.",
        "“We know where you live and we will come for you,” he says.",
    )
    assert _speaker_of(ex, "We know where you live") is None
    assert all(s.speaker is None for s in ex.statements if s.text.startswith("the workers will"))


def test_indefinite_person_is_the_latest_referent(extract_text):
    ex = extract_text(
        "Mayor Tomas Reyes presented the city budget on Monday.",
        "A city official said the parks department would lose a third of its staff. He added: “Nobody in this building expected cuts this deep.”",
    )
    assert _speaker_of(ex, "Nobody in this building") is None


def test_title_epithet_does_not_hide_the_person_just_named(extract_text):
    ex = extract_text(
        "Senator Ruth Caldwell says she has big plans for the last month of the race.",
        "The Democratic nominee noted Friday that her campaign had saved money for the autumn.",
        "She said, “We will spend every cent of it on the ground in the swing states.”",
    )
    assert _speaker_of(ex, "We will spend every cent") == "Ruth Caldwell"


def test_recording_attributed_to_a_person_speaks_through_the_speaker(extract_text):
    ex = extract_text(
        "A video message attributed to the rebel commander Tomas Okoye urged fighters to hold the northern pass.",
        "“Do not give up a single village,” the speaker says. “The enemy is weaker than he looks.”",
        "Army spokesman Paul Drennan said the video was old.",
        "The voice on the tape also praises the fighters. He says they will win by spring.",
        "“Every mountain in this province belongs to us,” he says.",
    )
    assert _speaker_of(ex, "Do not give up") == "Tomas Okoye"
    assert _speaker_of(ex, "The enemy is weaker") == "Tomas Okoye"
    assert _speaker_of(ex, "Every mountain in this province") == "Tomas Okoye"


def test_the_speaker_without_a_recording_is_nobody_named(extract_text):
    ex = extract_text(
        "Professor Lena Vogt chaired the opening session of the conference.",
        "“Our oceans are warming faster than any model predicted,” the speaker said.",
    )
    assert _speaker_of(ex, "Our oceans are warming") is None


def test_people_named_by_demonym_are_not_their_country(extract_text):
    ex = extract_text(
        "President Elena Duarte of Peru flew to Lima on Monday to meet farmers.",
        "“A river never forgets its old bed,” as Peruvians say.",
    )
    assert _speaker_of(ex, "A river never forgets") == "Peruvians"


def test_pronoun_agrees_with_the_gender_the_article_gives(extract_text):
    ex = extract_text(
        "Frank Dunn is raising questions about his microphone during Monday's debate with Maria Lopez. Lopez said she was pleased with the sound.",
        "The Republican is also urging his supporters at a rally Friday evening to ask why he had trouble and Lopez did not.",
        "He says: “I wonder why the sound was so bad on my side of the stage.”",
    )
    assert _speaker_of(ex, "I wonder why the sound") == "Frank Dunn"


def test_courtesy_title_gives_the_gender(extract_text):
    ex = extract_text(
        "Mrs. Alvarez thanked the volunteers, and the board praised Mr. Okafor.",
        "Okafor told reporters that the shelter needed more beds. Alvarez, who runs the kitchen, agreed with the plan.",
        "“We turn people away every single night,” he said.",
    )
    assert _speaker_of(ex, "We turn people away") == "Okafor"


def test_place_or_people_modifying_a_person_is_not_the_speaker(extract_text):
    ex = extract_text(
        "Donald Marsh met voters in Ohio on Friday.",
        "The New York businessman says of his rival, “If she wins, she will raise your taxes on day one.”",
        "The German chancellor said: “We will keep our promises to our partners in the east.”",
    )
    # "The New York businessman" is an epithet for the man just named, never the city
    assert _speaker_of(ex, "If she wins") == "Donald Marsh"
    assert _speaker_of(ex, "We will keep our promises") is None


def test_relatives_and_topics_do_not_speak_for_the_person_they_name(extract_text):
    ex = extract_text(
        "Lamont Reed was arrested in March. Reed's family has urged the police to release the videos “as a matter of basic fairness to all of us.”",
        "Reed's wife said on Friday that “nobody has told us anything for three whole weeks.”",
        "A letter to Reed from the city warned that “the case will be reviewed by a judge next month.”",
    )
    assert _speaker_of(ex, "as a matter of basic fairness") == "Reed family"
    assert _speaker_of(ex, "nobody has told us anything") is None
    assert _speaker_of(ex, "the case will be reviewed") != "Lamont Reed"


def test_unknown_proper_name_is_kept(extract_text):
    ex = extract_text("“The bakery will stay open all through the holidays,” Marisol said.")
    assert _speaker_of(ex, "The bakery will stay open") == "Marisol"


def test_dash_attribution_after_quote(extract_text):
    ex = extract_text("“I waited four hours to vote and it was worth every minute.” ― Lucia Benitez")
    assert _speaker_of(ex, "I waited four hours") == "Lucia Benitez"


# -- reported speech -----------------------------------------------------------------------------------

def test_reported_speech_is_a_statement(extract_text, make_article):
    paragraphs = ("Foreign Minister Anton Weber said the summit would be held in Vienna in early May.",)
    ex = extract_text(*paragraphs)
    assert ex.quotes == []
    st = ex.statements[0]
    assert st.speaker == "Anton Weber" and st.cue == "said"
    assert st.text.startswith("the summit would be held in Vienna")
    _invariants(ex, make_article(*paragraphs).text)


def test_according_to_statement(extract_text):
    ex = extract_text("According to the Ministry of Health, more than 300 clinics reopened last week.")
    st = ex.statements[0]
    assert st.cue == "according to" and st.speaker == "Ministry of Health"
    assert st.text.startswith("more than 300 clinics")


# -- the seed ---------------------------------------------------------------------------------------

def test_seed_has_seven_quotes_with_their_speakers(seed_extraction):
    speakers = [q.speaker for q in seed_extraction.quotes if len(q.text.split()) >= 4]
    assert len(speakers) == 7
    assert speakers.count("TASS") == 2
    assert speakers.count("Mikhail Bogdanov") == 4
    assert any(q.speaker and "Pravda" in q.speaker and q.text.startswith("Bogdanov claimed") for q in seed_extraction.quotes)
    assert any(s.speaker == "Mikhail Bogdanov" and "meeting would be held" in s.text for s in seed_extraction.statements)


def test_quote_extraction_is_linear(nlp, make_article):
    """Attribution looks only near each quote: 40 quoted paragraphs cost about 40 times one."""
    import time

    from briefgen.extract.actors import extract_actors
    from briefgen.extract.quotes import extract_quotes

    para = "“The committee will publish its findings before the end of the year,” Judge Aiko Mori said."
    small, big = make_article(para), make_article(*([para] * 40))
    docs = [(a, nlp(a.text)) for a in (small, big)]
    times = []
    for a, doc in docs:
        index = extract_actors(doc, a)
        t0 = time.perf_counter()
        quotes, _ = extract_quotes(doc, a, index)
        times.append(time.perf_counter() - t0)
    assert len(quotes) == 40
    assert times[1] < 40 * times[0] * 3 + 0.05


def test_standalone_quote_belongs_to_the_previous_sentence_subject(extract_text):
    ex = extract_text(
        "Professor Nadia Haddad, who studied the drought for a decade, once summed up the problem with a proverb.",
        "“A well is only missed when it runs dry, and by then it is far too late.”",
    )
    assert _speaker_of(ex, "A well is only missed") == "Nadia Haddad"


def test_signed_quotes_in_a_list(extract_text):
    ex = extract_text(
        "“The line at the polling station went around the block twice.” ― Omar Velasquez\n"
        "“Nobody I spoke to had made up their mind before tonight.”\u00a0―\u00a0Brenda Castillo.",
    )
    assert _speaker_of(ex, "The line at the polling") == "Omar Velasquez"
    assert _speaker_of(ex, "Nobody I spoke to") == "Brenda Castillo"


def test_participle_after_an_object_speaks_for_that_object(extract_text):
    ex = extract_text(
        "The new advert shows footage of Governor Elena Park asking, “Who will pay for the roads if we cut every toll?”",
    )
    assert _speaker_of(ex, "Who will pay for the roads") == "Elena Park"


def test_unknown_description_is_not_guessed(extract_text):
    ex = extract_text(
        "The Harbour Trust held its annual meeting on Monday.",
        "“Nobody could have predicted a winter this cold,” one resident said.",
    )
    assert _speaker_of(ex, "Nobody could have predicted") is None


def test_long_apposition_with_and_before_the_cue(extract_text):
    ex = extract_text(
        "''The plan closes the gap without new borrowing,'' Nora Lindgren, director of the Fiscal Policy Unit "
        "and a lecturer at the Baltic School of Economics, said of the proposal.",
    )
    assert _speaker_of(ex, "The plan closes the gap") == "Nora Lindgren"


def test_weekday_after_the_cue_is_not_the_speaker(extract_text):
    ex = extract_text("“We will finish the inquiry before the summer recess,” Oslo police Chief Kari Nygaard said Monday.")
    assert _speaker_of(ex, "We will finish the inquiry") == "Kari Nygaard"


# -- whose clause holds the quote ---------------------------------------------------------------

@pytest.mark.parametrize("prep", ["before asking them", "after telling them", "while asking them"])
def test_cue_in_a_prepositional_clause_takes_the_governing_subject(extract_text, prep):
    ex = extract_text(
        f"Dr. Rosa Delgado praised the nurses at Governor Ana Ortiz's new clinic {prep}, "
        "“Will this ward still be open after the election?”",
    )
    assert _speaker_of(ex, "Will this ward still be open") == "Rosa Delgado"


def test_cue_after_a_preposition_joined_by_and(extract_text):
    ex = extract_text(
        "Dr. Ivan Petrov testified before a panel in 2019 for his role in selling tonics and for claiming that "
        "the tonic was a “remedy for nearly every ailment known to doctors.”",
    )
    assert _speaker_of(ex, "remedy for nearly every ailment") == "Ivan Petrov"


def test_partial_quote_in_an_adverbial_clause_belongs_to_that_clause(extract_text):
    ex = extract_text(
        "The council met until midnight. While Mayor Tom Reyes talked on about “how the budget is broken beyond repair,” "
        "his aide Lena Park nodded and said yes to every point.",
    )
    assert _speaker_of(ex, "how the budget is broken") == "Tom Reyes"


def test_quote_in_a_content_clause_is_not_its_subjects(extract_text):
    ex = extract_text(
        "Nurse Ada Lund wrote to the board in May. The newsletter scoffed at her forecast that "
        "Mayor Olaf Berg would be “the most generous donor this hospital will ever see.”",
    )
    assert _speaker_of(ex, "the most generous donor") != "Olaf Berg"


def test_speech_verb_right_before_the_mark_beats_a_verb_the_parse_linked(extract_text):
    ex = extract_text(
        "The documentary concludes with a clip of Senator Paul Greer saying at a town hall, "
        "“That is exactly why we need the bill,” as the crowd jeers.",
    )
    assert _speaker_of(ex, "That is exactly why") == "Paul Greer"


def test_participle_without_subject_takes_the_main_clause_subject(extract_text):
    ex = extract_text(
        "Governor Dana Whitfield barely calmed the row, greeting Judge Ann Cole’s audit first as good news -- "
        "“This clears my whole office” -- and, when reporters pressed her, insisting, “Of course we followed every rule.”",
    )
    assert _speaker_of(ex, "This clears my whole office") == "Dana Whitfield"
    assert _speaker_of(ex, "Of course we followed") == "Dana Whitfield"


def test_inverted_said_with_capital(extract_text):
    ex = extract_text(
        "Trade is slow this year. Rita Hargrove is an economist at the port.",
        "Said Hargrove: “Nobody on this board has read the harbour report yet.”",
    )
    assert _speaker_of(ex, "Nobody on this board") == "Rita Hargrove"


def test_what_the_speaker_would_do_is_not_the_attribution(extract_text):
    ex = extract_text(
        "President Lena Moravec, opening the new library on Sunday, said the archive would tell visitors about "
        "“the letters of exiles and the diaries of those who stayed behind.”",
    )
    assert _speaker_of(ex, "the letters of exiles") == "Lena Moravec"


def test_hypothetical_cue_with_nobody_speaking_falls_back_to_the_sentence_subject(extract_text):
    ex = extract_text(
        "The Open Ledger Project wants to end the rules that allow banks to tell "
        "“regulators one figure for their reserves and investors another figure entirely.”",
    )
    assert _speaker_of(ex, "regulators one figure") == "Open Ledger Project"


def test_as_x_put_it(extract_text):
    ex = extract_text(
        "Council member June Arlen opposed the plan.",
        "As Ms. Arlen put it during a radio interview last spring, the Water Board is "
        "“wasting money it does not have on projects nobody wants.”",
    )
    assert _speaker_of(ex, "wasting money it does not") == "June Arlen"
    assert ex.quotes[0].cue == "put"


def test_dateline_is_not_the_subject(extract_text):
    ex = extract_text(
        "OTTAWA -- Premier Ann Hale, touring the flooded districts on Tuesday, said it would tell "
        "“every bridge and every school the river took from us.”",
    )
    assert _speaker_of(ex, "every bridge and every school") == "Ann Hale"


def test_standalone_quote_after_a_described_subject_with_the_name_in_apposition(extract_text):
    ex = extract_text(
        "Her longtime deputy at the rural health board, Dr. Samuel Okafor, praised her work on small hospitals. "
        "“Nobody else could keep a ward open on a budget that small.”",
    )
    assert _speaker_of(ex, "Nobody else could keep a ward") == "Samuel Okafor"


def test_narration_in_a_new_paragraph_ends_a_continuation(extract_text):
    ex = extract_text(
        "“We will rebuild the bridge before winter,” Mayor Carl Jensen said on Monday.",
        "On the radio, Senator Nora Blake (Ore.), who chairs the transport panel, named the bridge as her "
        "first priority. “The people of this valley have waited far too long for a safe crossing.”",
    )
    assert _speaker_of(ex, "The people of this valley") == "Nora Blake"


def test_participle_after_a_comma_speaks_for_the_main_clause_not_a_when_clause(extract_text):
    ex = extract_text(
        "Mayor Tom Reyes defended the budget when reporters pressed him, insisting, "
        "“Every school will stay open this year.”",
    )
    assert _speaker_of(ex, "Every school will stay open") == "Tom Reyes"


def test_indefinite_description_is_not_matched_to_a_role(extract_text):
    ex = extract_text(
        "Campaign architect Leo Brandt planned the tour.",
        "The owner refused to pay an architect who designed his hotel, "
        "saying, “The plans arrived late and the roof leaked.”",
    )
    assert _speaker_of(ex, "The plans arrived late") != "Leo Brandt"


def test_possessor_of_the_subject_is_a_pronoun_antecedent(extract_text):
    ex = extract_text(
        "“Diet tonics are a scam,” said Professor Ruth Gale.",
        "Dr. Ivan Petrov’s diet books won him a large following, and he went on television, "
        "claiming that the tonic was a “remedy for nearly every ailment known to doctors.”",
    )
    assert _speaker_of(ex, "remedy for nearly every ailment") == "Ivan Petrov"


@pytest.mark.parametrize("dash", ["--", "—"])
@pytest.mark.parametrize("marks", [("“", "”"), ("''", "''")])
def test_quote_set_between_dashes_after_a_name(extract_text, dash, marks):
    o, c = marks
    ex = extract_text(
        f"Other economists agree, among them the former central banker Ruth Adler {dash} "
        f"{o}Hiding the figures only makes the panic worse{c} {dash} and Paul Novak.",
    )
    assert _speaker_of(ex, "Hiding the figures only") == "Ruth Adler"


def test_quote_between_dashes_after_the_one_spoken_to_is_not_theirs(extract_text):
    ex = extract_text(
        "Minister Karl Ebert told Ruth Adler -- “Hiding the figures only makes the panic worse” -- on Monday.",
    )
    assert _speaker_of(ex, "Hiding the figures only") != "Ruth Adler"


def test_quote_parsed_as_the_main_clause_at_a_paragraph_end(extract_text):
    ex = extract_text(
        "Judge Ann Cole published her audit on Friday.",
        "Governor Dana Whitfield barely calmed the row, greeting Judge Ann Cole’s audit first as good news "
        "-- ''This clears my whole office'' -- and, when reporters pressed her, insisting, "
        "''Of course we followed every rule.''",
        "The hearing resumes in May.",
    )
    assert _speaker_of(ex, "This clears my whole office") == "Dana Whitfield"


def test_the_verb_whose_clause_holds_the_quote_beats_one_beside_it(extract_text):
    ex = extract_text(
        "Senator Bruno Keller wants to change the housing law.",
        "The three “reforms” he cited are “a cap on rents, a register of landlords and an end to "
        "evictions without cause,” the Capital Ledger reported.",
    )
    assert _speaker_of(ex, "a cap on rents") == "Capital Ledger"


def test_words_read_from_a_letter_are_its_writers(extract_text):
    ex = extract_text(
        "Mayor Ellen Varga read from a letter signed by Pavel Novak: “I am willing to return tomorrow, alone, to face the board.”",
        "Varga also read aloud Novak’s second letter: “My place is with my family and my town.”",
        "Varga read a statement to reporters: “The harbour will stay open all winter, whatever it costs.”",
        published="2025-03-03")
    assert _speaker_of(ex, "I am willing to return") == "Pavel Novak"
    assert _speaker_of(ex, "My place is with") == "Pavel Novak"
    assert _speaker_of(ex, "The harbour will stay open") == "Ellen Varga"  # no writer named: the reader's


def test_a_cue_in_the_quotes_own_paragraph_beats_one_in_the_paragraph_before(extract_text):
    ex = extract_text(
        "The minister, Tomas Berg, quoted the inspectors: “The pier is no longer safe for ferries of any size.”",
        "Ellen Varga, the mayor, also spoke out at the meeting: “We will not close the harbour for a single day.”",
        published="2025-03-03")
    assert _speaker_of(ex, "We will not close") == "Ellen Varga"


# -- this session: British single marks, wire datelines, states as "it" -------------------------

def test_straight_single_marks_are_quotes_as_british_outlets_write_them(extract_text):
    ex = extract_text(
        "The finance minister, Clara Holm, defended the levy on Wednesday.",
        "'This is a fair and measured step,' she said. 'Those who earn most will pay a little more.'",
        "But her rival, Ivo Brandt, called it 'a tax on ambition for every young family'. The rivals' "
        "meeting in the '90s was rock 'n' roll, and nobody's fault.",
        published="2025-11-27")
    assert _speaker_of(ex, "This is a fair and measured step") == "Clara Holm"
    assert _speaker_of(ex, "Those who earn most") == "Clara Holm"
    assert _speaker_of(ex, "a tax on ambition") == "Ivo Brandt"
    # apostrophes, elisions and plural possessives open no quote
    assert not [q for q in ex.quotes if "meeting" in q.text or "roll" in q.text]


def test_a_lone_straight_single_mark_opens_no_quote():
    from briefgen.models import Article, Block
    art = Article(path="t.txt", title="t", blocks=[Block(index=1, kind="paragraph",
                  text="The 'unfinished business of the summit will wait until the ministers return next week.")])
    assert find_quoted_spans(art) == []


def test_a_wire_dateline_with_date_and_outlet_is_not_the_speaker(extract_text):
    ex = extract_text(
        "GENEVA, March 12 (Example Wire) - The UN envoy for the region, Hanna Lindgren, said on Wednesday "
        "that talks on extending the truce would resume next week.",
        published="2025-03-12")
    assert ex.statements and ex.statements[0].speaker == "Hanna Lindgren"


def test_it_after_a_countrys_ministry_is_that_country(extract_text):
    ex = extract_text(
        "The envoy spoke at the Palais des Nations on Monday.",
        "Norway's foreign ministry welcomed the announcement. In a statement, it said the kingdom "
        "“remains committed to a political solution under UN auspices.”",
        published="2025-03-12")
    assert _speaker_of(ex, "remains committed") == "Norway"


def test_business_groups_are_not_the_last_organization_named(extract_text):
    ex = extract_text(
        "The Office for Budget Responsibility will publish its assessment in the spring.",
        "Last year, Holm raised payroll taxes, a decision business groups said had cost thousands of jobs.",
        published="2025-11-27")
    st = [s for s in ex.statements if "thousands of jobs" in s.text]
    assert st and st[0].speaker is None


def test_but_warned_keeps_the_first_verbs_speaker(extract_text):
    ex = extract_text(
        "Its director, Hana Moller, said the policy was 'better than the alternatives' but warned that "
        "employers might respond by cutting pay.",
        published="2025-11-27")
    st = [s for s in ex.statements if s.text.startswith("employers might")]
    assert st and st[0].speaker == "Hana Moller"


def test_a_heading_in_capitals_inside_marks_is_not_a_quote(extract_text):
    ex = extract_text("Scientists say the models are clear.", "“All Bets Are Off.”",
                      "“We are running out of time to act on this,” said Ola Dahl, a climate scientist.")
    assert [q.text for q in ex.quotes if q.text.startswith("All Bets")] == []
    assert _speaker_of(ex, "We are running out") == "Ola Dahl"


def test_a_person_in_a_long_title_phrase_is_the_speaker_not_the_chamber(extract_text):
    ex = extract_text('Senate Majority Leader Dana Whitfield, D-Ore., said Republicans had "walked away from '
                      'the strongest border bill in a generation."', published="2025-01-16")
    assert _speaker_of(ex, "walked away") == "Dana Whitfield"


# -- interviews, wire layouts, appositions (session 4) -------------------------------------------

def test_interview_label_names_the_speaker_of_a_quoted_answer(extract_text):
    ex = extract_text(
        "Harbour Minister Lena Okafor spoke to the Coastal Times about the new sea walls.",
        "Coastal Times: Will the walls be ready before winter?",
        "Okafor: “Most of them will. The northern section needs another year of work.”",
    )
    assert _speaker_of(ex, "Most of them will") == "Lena Okafor"


def test_day_first_dateline_is_not_the_subject(extract_text):
    ex = extract_text(
        "GENEVA, 14 March — Relief coordinator Marta Elling on Friday appealed for funds, warning that "
        "grain stores in the north would run out within weeks.",
    )
    st = [s for s in ex.statements if s.text.startswith("grain stores")]
    assert st and st[0].speaker == "Marta Elling"
    assert not [a for a in ex.actors if a.name == "GENEVA"]


def test_who_after_an_apposition_is_the_person_not_the_organization(extract_text):
    ex = extract_text(
        "The plan drew on the work of Omar Haddad, the chair of the Coastal Fishers Union, who told "
        "reporters on Monday that the quotas “will empty every harbour on this coast.”",
    )
    assert _speaker_of(ex, "will empty every harbour") == "Omar Haddad"


def test_name_after_a_comma_parsed_as_coordinated_names_the_subject(extract_text):
    ex = extract_text(
        "The airline's biggest union, the Association of Cabin Crew and Flight Attendants, said it was preparing for talks next year.",
    )
    st = [s for s in ex.statements if s.text.startswith("it was preparing")]
    assert st and st[0].speaker == "Association of Cabin Crew"


def test_spokesperson_with_acronym_and_name_is_the_named_person(extract_text):
    ex = extract_text(
        "A spokesperson for the Office for the Coordination of Humanitarian Affairs (OCHA), Tove Lindahl, told "
        "journalists in Geneva that convoys had been blocked at checkpoints for weeks.",
    )
    st = [s for s in ex.statements if s.text.startswith("convoys")]
    assert st and st[0].speaker == "Tove Lindahl"


def test_surname_with_an_apposition_naming_an_organization_is_the_person(extract_text):
    ex = extract_text(
        "Sen. Tammy Holcroft, D-Ill., said in an interview with CNN that the deployment would be unlawful. "
        "Holcroft, a retired Army lieutenant colonel, said troops “should never be used as political props.”",
    )
    assert _speaker_of(ex, "should never be used") == "Tammy Holcroft"


def test_the_with_a_capitalized_title_is_a_description_not_a_name(extract_text):
    ex = extract_text(
        "One Labour MP, who asked not to be named, said the mood in the meeting was grim.",
        "“People are frightened and they can see the polls,” the MP said.",
    )
    assert _speaker_of(ex, "People are frightened") != "MP"


def test_it_after_a_national_institution_quoted_in_part(extract_text):
    ex = extract_text(
        "“We received the proposal and are studying it,” a senior Hamas official told Al Jazeera.",
        "The Israeli military said in a statement that it had struck “terror targets” in the north. "
        "It said it was taking steps “to mitigate harm to civilians in the area.”",
    )
    assert _speaker_of(ex, "to mitigate harm") != "Al Jazeera"


def test_denied_sayings_and_indirect_questions_are_no_statements(extract_text):
    ex = extract_text(
        "Northway Motors said in a statement that it expected to launch a cheaper model in the autumn. "
        "It did not say how much the car would cost.",
        "The firm declined to say whether the plant in Leeds would close next year.",
        "Its chairman addressed his campaigning, which analysts say has hurt the brand badly.",
    )
    texts = [s.text for s in ex.statements]
    assert any(t.startswith("it expected to launch") for t in texts)
    assert not [t for t in texts if t.startswith(("how much", "whether", "the plant", "which", "has hurt"))]


def test_bare_spokesperson_speaks_for_the_body_that_just_spoke(extract_text):
    ex = extract_text(
        "The River Authority said its flood warning had been issued at 4am, two hours before the banks burst. "
        "A spokesperson said: “Our teams worked through the night to protect homes across the valley.”",
    )
    assert _speaker_of(ex, "Our teams worked") == "River Authority"


def test_described_epithet_is_the_person_just_named(extract_text):
    ex = extract_text(
        "Senate Minority Leader Carl Brandt rejected that claim on Sunday.",
        "“That is a lie, and the speaker knows it,” the Ohio Democrat said on a morning talk show.",
        "Former Gov. Ruth Ames also spoke. “We cannot keep spending money we do not have,” the former governor said.",
    )
    assert _speaker_of(ex, "That is a lie") == "Carl Brandt"
    assert _speaker_of(ex, "We cannot keep spending") == "Ruth Ames"


def test_generic_description_is_not_an_epithet(extract_text):
    ex = extract_text(
        "Mayor Ines Ortega opened the meeting on Thursday night.",
        "“Nobody came to warn us about the water,” the man said.",
    )
    assert _speaker_of(ex, "Nobody came to warn us") != "Ines Ortega"


def test_title_case_dateline_with_outlet_is_no_actor(extract_text):
    ex = extract_text(
        "Washington (CNN) — The government shutdown entered its second week on Sunday with no deal in sight.",
    )
    names = {f for a in ex.actors for f in (a.name, *a.aliases)}
    assert "CNN" not in names


def test_epithet_skips_a_person_named_in_a_when_or_after_clause(extract_text):
    ex = extract_text(
        "Gov. Martin Pell says too much is made of the senator's posts.",
        "The vice presidential nominee was speaking in Fort Wayne hours after Senator Ada Rusk unleashed a flurry of posts.",
        "The Indiana governor said voters were tired of “she said this, she posted that all day long.”",
    )
    assert _speaker_of(ex, "she said this") == "Martin Pell"


def test_apposition_parsed_as_a_clause_leaves_the_name_as_the_speaker(extract_text):
    ex = extract_text(
        "The Harbour Agency's report found record spills. Its chair, Alan Lorne, said the figures were worrying.",
        "Fergal Sharrock, the former Undertones singer turned clean water campaigner, said the government had not gone far enough.",
        "‘Banning bonuses is a gimmick and nothing more,’ he told the Guardian.",
    )
    assert _speaker_of(ex, "Banning bonuses") == "Fergal Sharrock"


def test_unknown_name_ending_in_a_country_speaks_not_the_country(extract_text):
    ex = extract_text(
        "Water UK, which represents the industry, said companies were investing a record sum in pipes.",
        "A spokesperson for the group said: ‘We agree that the current level of spills is unacceptable.’",
    )
    assert _speaker_of(ex, "We agree that") == "Water UK"


def test_plural_possessive_shape_closes_a_single_quote_when_no_other_close_follows():
    text = "He said the firm was ‘not in a position to pay bonuses’ in any case."
    from briefgen.extract.quote_marks import paragraph_spans
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["not in a position to pay bonuses"]
    text = "The leaders’ meeting was ‘a waste of everyone’s time’, she said."
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["a waste of everyone’s time"]


def test_interview_answers_labelled_a_are_the_interviewee(extract_text):
    ex = extract_text(
        "NATO Secretary General Mark Rulle sat down with us ahead of next week's summit.",
        "Q: Will all allies sign up to the new target?",
        "A: “I am confident they will. Everybody understands the threat we face.”",
    )
    assert _speaker_of(ex, "I am confident") == "Mark Rulle"


def test_movement_named_as_an_adjective_of_fighters_speaks(extract_text):
    ex = extract_text(
        "Yemen's Houthi rebels said on Tuesday they had fired missiles at a cargo ship in the Red Sea.",
        "The Houthis have said they will continue their attacks until the war ends.",
    )
    st = [s for s in ex.statements if "fired missiles" in s.text]
    assert st and st[0].speaker == "Houthis"
    (houthis,) = [a for a in ex.actors if a.name == "Houthis"]
    assert houthis.kind == "group"


def test_company_the_model_calls_a_product_speaks_as_an_organization(extract_text):
    ex = extract_text(
        "Shipping giant Maersk said it would continue to route vessels around the Cape of Good Hope.",
        "“The safety of our crews is our top priority,” a Maersk spokesperson said.",
    )
    assert _speaker_of(ex, "The safety of our crews") == "Maersk"


def test_an_unknown_speakers_name_leaves_out_the_names_in_its_apposition(nlp):
    from briefgen.extract.speakers import _name_run
    doc = nlp("Lars Klingbeil, the Social Democrats' co-leader and the new finance minister, said the coalition "
              "would present a budget by the summer.")
    subj = next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "say")
    assert _name_run(subj) == "Lars Klingbeil"


def test_a_party_tag_in_brackets_is_no_dateline_and_a_conditional_is_a_statement(extract_text):
    ex = extract_text("Ann Roe (D-Ohio) - the lead negotiator - said the Senate would vote on the bill on Friday.",
                      "Governor Mark Lutz said if the talks fail, Ohio will leave the compact next year.",
                      published="2026-03-04")
    by_text = {s.text[:20]: s.speaker for s in ex.statements}
    assert any(sp == "Ann Roe" for t, sp in by_text.items() if t.startswith("the Senate")), by_text
    assert any(sp == "Mark Lutz" for sp in by_text.values()), by_text
