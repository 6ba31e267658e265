"""Dates: every pattern and resolution rule on sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from briefgen.extract.timex_normalize import duration, resolve_day, resolve_month, resolve_weekday


@pytest.fixture
def dates_of(nlp, make_article):
    """{text: value} of the dates in one paragraph published on a given day."""
    from briefgen.extract.dates import extract_dates

    def _run(text: str, published: str | None = "2024-02-19"):  # a Monday
        a = make_article(text, published=published)
        return {d.text: d.value for d in extract_dates(nlp(a.text), a)}

    return _run


@pytest.mark.parametrize("text, expr, value", [
    # absolute days, with and without year, both orders
    ("The treaty was signed on March 3, 2011, in Lisbon.", "March 3, 2011", "2011-03-03"),
    ("The accord was signed on 14 June 2019 in Oslo.", "14 June 2019", "2019-06-14"),
    ("Talks resumed Friday, Jan. 12, after a pause.", "Friday, Jan. 12", "2024-01-12"),
    ("The report is dated 2023-11-05 in the archive.", "2023-11-05", "2023-11-05"),
    ("The filing was stamped 7/4/2016 by the clerk.", "7/4/2016", "2016-07-04"),
    # month and year
    ("The plant closed in September 2015 for repairs.", "September 2015", "2015-09"),
    # a month without a year, by the sentence's tense
    ("The minister visited Cairo in November.", "November", "2023-11"),
    ("The minister will visit Cairo in November.", "November", "2024-11"),
    ("The envoy arrived in January and left soon after.", "January", "2024-01"),
    ("Elections are scheduled for June, officials said.", "June", "2024-06"),
    # day without year: tense and nearness
    ("Rebels seized the town on December 28.", "December 28", "2023-12-28"),
    ("The summit will open on March 12 in Geneva.", "March 12", "2024-03-12"),
    # weekdays
    ("The senator resigned on Thursday.", "Thursday", "2024-02-15"),
    ("The senator will resign on Thursday.", "Thursday", "2024-02-22"),
    ("The union said Monday that it would strike.", "Monday", "2024-02-19"),
    ("The vote happened last Monday in the capital.", "last Monday", "2024-02-12"),
    ("The council meets next Tuesday to decide.", "next Tuesday", "2024-02-20"),
    ("Protesters gathered Saturday night outside the palace.", "Saturday night", "2024-02-17"),
    # deictic days and units
    ("The shipment arrived yesterday at the port.", "yesterday", "2024-02-18"),
    ("The court rules today on the appeal.", "today", "2024-02-19"),
    ("The court will rule tomorrow on the appeal.", "tomorrow", "2024-02-20"),
    ("The ceasefire collapsed last week near the border.", "last week", "2024-W07"),
    ("Ministers meet next week in Brussels.", "next week", "2024-W09"),
    ("Prices rose sharply last month across the region.", "last month", "2024-01"),
    ("The company will list its shares next month.", "next month", "2024-03"),
    ("Output has fallen this year in most sectors.", "this year", "2024"),
    ("Inflation peaked last year in most economies.", "last year", "2023"),
    ("A deal is possible next year, analysts say.", "next year", "2025"),
    ("The mayor was elected earlier this month by a wide margin.", "earlier this month", "2024-02"),
    # weekends
    ("Fighting intensified over the weekend in the north.", "over the weekend", "2024-W07-WE"),
    ("Fans will gather this weekend for the final.", "this weekend", "2024-W08-WE"),
    # ago
    ("The dam was built three years ago with foreign loans.", "three years ago", "2021"),
    ("The firm was founded two months ago in a garage.", "two months ago", "2023-12"),
    ("The bridge opened a decade ago after long delays.", "a decade ago", "2014"),
    # decades, years, ranges
    ("Growth was rapid in the 1980s across Asia.", "the 1980s", "1980/1989"),
    ("Reforms stalled in the mid-1970s, he wrote.", "the mid-1970s", "1970/1979"),
    ("The republic was founded in 1918 after the war.", "1918", "1918"),
    ("The deficit widened during the 2015-2016 downturn.", "2015-2016", "2015/2016"),
    ("The crisis of 2011-12 hit exports hard.", "2011-12", "2011/2012"),
    ("Spending will rise from 2026 to 2030, the plan says.", "from 2026 to 2030", "2026/2030"),
    ("Talks will run from April 3 to April 5-6 in Vienna.", "April 3 to April 5-6", "2024-04-03/2024-04-06"),
    ("The festival runs May 10-12 this year.", "May 10-12 this year", "2024-05-10/2024-05-12"),
    ("Voting lasts from March 4 until March 6 or March 7, officials said.", "March 4 until March 6 or March 7", "2024-03-04/2024-03-07"),
    # a weekday fixes the year of a date written without one
    ("Polls open on Monday, Oct. 26, in the capital.", "Monday, Oct. 26", "2026-10-26"),
    # planning verbs put their infinitive ahead; a participle of a past verb stays behind
    ("The board decided to sell the unit in early May.", "early May", "2024-05"),
    ("The visit was planned for mid-March, aides said.", "mid-March", "2024-03"),
    ("A budget approved in November raised spending.", "November", "2023-11"),
    # quarters, seasons, holidays, edges
    ("Profits doubled last quarter, the bank said.", "last quarter", "2023-Q4"),
    ("Rallies were held this past weekend in many towns.", "this past weekend", "2024-W07-WE"),
    ("Sales fell in the third quarter of 2022.", "the third quarter of 2022", "2022-Q3"),
    ("Sales fell in the first quarter, the firm said.", "the first quarter", "2024-Q1"),
    ("The road will be finished by the end of 2027.", "the end of 2027", "2027"),
    ("The law took effect on Christmas Day 2020.", "Christmas Day 2020", "2020-12-25"),
    ("Troops withdrew in the summer of 2021.", "summer of 2021", "2021-SU"),
    ("The war has changed the region since the post-9/11 era began.", "post-9/11", "2001-09-11"),
])
def test_expression_and_value(dates_of, text, expr, value):
    found = dates_of(text)
    assert expr in found, found
    assert found[expr] == value


def test_mod_from_early_mid_late(nlp, make_article):
    from briefgen.extract.dates import extract_dates

    a = make_article("Shipments resumed in late March and slowed in mid-April.", published="2024-05-02")
    got = {d.text: (d.value, d.mod) for d in extract_dates(nlp(a.text), a)}
    assert got["late March"] == ("2024-03", "late")
    assert got["mid-April"] == ("2024-04", "mid")


@pytest.mark.parametrize("text, word", [
    ("You may leave whenever you like.", "may"),
    ("Thousands will march through the city.", "march"),
    ("Prices fall when demand weakens.", "fall"),
    ("The company employs 2000 workers at the site.", "2000"),
    ("He paid $1999 for the ticket.", "1999"),
])
def test_words_that_are_not_dates(dates_of, text, word):
    assert not any(word in k for k, v in dates_of(text).items() if v)


def test_durations_get_no_calendar_value(dates_of):
    found = dates_of("The siege lasted two months before the city fell.")
    assert found.get("two months") in (None, "P2M")


def test_no_publication_date_keeps_absolute_dates(dates_of):
    found = dates_of("The port reopened on May 4, 2019, and again on Friday.", published=None)
    assert found["May 4, 2019"] == "2019-05-04"
    assert found["Friday"] is None


def test_paragraph_and_offsets(nlp, make_article):
    from briefgen.extract.dates import extract_dates

    a = make_article("No dates here.", "The vote was held on 2 May 2022.")
    d = next(d for d in extract_dates(nlp(a.text), a) if d.value)
    assert d.paragraph == 2
    assert a.text[d.start:d.end] == "2 May 2022"


def test_resolvers_directly():
    pub = date(2024, 2, 16)  # a Friday
    assert resolve_weekday(4, pub, "past") == pub  # "said Friday" in a Friday story is that day
    assert resolve_weekday(4, pub, None, "last") == date(2024, 2, 9)
    assert resolve_month(10, pub, "past") == (2023, 10)
    assert resolve_month(10, pub, "future") == (2024, 10)
    assert resolve_day(2, 29, pub, None) == date(2024, 2, 29)
    assert duration("three weeks") == "P3W"
    assert duration("the meeting") is None


@pytest.mark.parametrize("text, expr, value, published", [
    # a verb of scheduling puts its event ahead in the present perfect; a bare participle is unknown
    # tense, so the nearer month wins (not the past one)
    ("The league has scheduled the final for Thursday, its chairman said.", "Thursday", "2024-02-22", None),
    ("Diplomats expected the quarrel to overshadow talks set for April.", "April", "2024-04", None),
    # a noun whose event is ahead: upcoming, planned, slated
    ("Parties were preparing for the upcoming elections in May.", "May", "2024-05", None),
    # pushed later, or a limit ahead: until with a verb of delay or a present perfect, as early as
    ("The judge postponed the verdict until Wednesday.", "Wednesday", "2024-02-21", None),
    ("The agency has given the owners until Friday to respond.", "Friday", "2024-02-23", None),
    ("Her lawyer said she could be released as early as Thursday.", "Thursday", "2024-02-22", None),
    # since points back whatever the verb's tense
    ("The border remains closed since March, officials say.", "March", "2023-03", None),
    # ... and a plain past with until stays in the past
    ("The rebels held the bridge until Saturday, when the army retook it.", "Saturday", "2024-02-17", None),
    ("Marchers kept walking until nearly 3 a.m. Saturday despite the ban.", "3 a.m. Saturday", "2024-02-17", None),
    # a participle after "noun ," is that noun's finished event, not the future clause's
    ("Unions will fight the plan, unveiled Wednesday by the cabinet, in court.", "Wednesday", "2024-02-14", None),
    # a weekday without tense: the day after publication rather than six days back; else the past one
    ("The vote on Tuesday is the first test for the coalition.", "Tuesday", "2024-02-20", None),
    ("The vote on Friday is the first test for the coalition.", "Friday", "2024-02-16", None),
    # a holiday's week has begun by its Monday (Easter 2024 was 31 March)
    ("Crowds gathered in the square during Easter week.", "Easter week", "2024-W13", "2024-03-25"),
    # the US Election Day: the Tuesday after the first Monday of November
    ("Voters will go to the polls on Election Day.", "Election Day", "2024-11-05", None),
])
def test_tense_cues_and_named_days(dates_of, text, expr, value, published):
    found = dates_of(text, published=published or "2024-02-19")
    assert found.get(expr) == value, found


@pytest.mark.parametrize("text, word", [
    ("Maria Ortiz, 59, a retired teacher, said she would vote.", "59"),
    ("The 6-year-old boy was taken to a shelter.", "6-year-old"),
])
def test_ages_are_not_dates(dates_of, text, word):
    assert word not in dates_of(text)


@pytest.mark.parametrize("text, expr, value", [
    # anaphoric expressions take the latest date told before them, moved by their offset
    ("The plant closed in June 2019 and reopened later that year.", "later that year", "2019"),
    ("Rebels entered the town on 3 May 2021. The next day, the army withdrew.", "The next day", "2021-05-04"),
    ("The strike began on 5 June 2023 and ended the following week.", "the following week", "2023-W24"),
    ("The treaty was signed on 9 October 2018; the previous day had been tense.", "the previous day", "2018-10-08"),
    # ... but only if that date is precise enough, and never from the publication date
    ("The envoy arrived in March 2020. That same day, talks began.", "That same day", None),
    ("Talks resumed the next day, officials said.", "the next day", None),
])
def test_anaphoric_dates(dates_of, text, expr, value):
    found = dates_of(text)
    assert expr in found, found
    assert found[expr] == value


@pytest.mark.parametrize("text, expr, value", [
    # a possessive stays out of the expression
    ("Lawyers studied Thursday's ruling closely.", "Thursday", "2024-02-15"),
    # a day or a week before or after a named day
    ("Envoys met the day before last Friday's vote.", "the day before last Friday", "2024-02-15"),
    ("The shops reopened the day after Christmas Day 2021.", "the day after Christmas Day 2021", "2021-12-26"),
    ("Troops left the week after March 3, 2022.", "the week after March 3, 2022", "2022-W10"),
])
def test_possessive_and_shifted_days(dates_of, text, expr, value):
    found = dates_of(text)
    assert expr in found, found
    assert found[expr] == value


@pytest.mark.parametrize("paragraphs, expr, value", [
    # a clock time is a temporal expression; the day written with it names its day
    (["The agency gave the owners until 9 a.m. EST Tuesday to sign."], "9 a.m. EST Tuesday", "2024-02-20"),
    (["The vote is Friday at 3 p.m., officials said."], "Friday at 3 p.m.", "2024-02-23"),
    # a bare time is on the day told in its sentence ...
    (["The dam burst at about 6:40 a.m. (0440 GMT) Saturday, flooding the valley."], "6:40 a.m.", "2024-02-17"),
    (["The ferry will leave at 5 in the morning on Thursday, the captain said."], "5 in the morning on Thursday", "2024-02-22"),
    (["The ferry left at 5 in the morning, the captain told reporters on Thursday."], "5 in the morning", "2024-02-15"),
    (["The mayor will speak at noon, according to a notice posted today."], "noon", "2024-02-19"),
    # ... else on the latest day told before it in its paragraph, else on the publication day
    (["The storm reached the coast on 3 May 2021. The levee broke at 10 p.m. as water rose."], "10 p.m.", "2021-05-03"),
    (["The night guard was attacked at 11:15 p.m. near the gate."], "11:15 p.m.", "2024-02-19"),
    # a day told only elsewhere, or only to the year, does not give it a day
    (["The plant opened in 1995.", "The levee broke at 10 p.m. as water rose."], "10 p.m.", None),
    # a time stamp heading a live report is on the publication day, not on the day its sentence tells
    (["The latest on the campaign (all times local): 4:10 p.m. The governor will sign the bill on March 1."],
     "4:10 p.m.", "2024-02-19"),
    # a span of times is one expression
    (["The curfew runs from midnight to 5 a.m. on Friday, the police said."], "midnight to 5 a.m. on Friday", "2024-02-23"),
    # a recurring or hypothetical time is on no day
    (["The mayor, who took a 2 a.m. call on Friday, stayed calm."], "2 a.m.", None),
    (["The program airs weekdays from 7 a.m. to 9 a.m. on the local station, its host said Friday."],
     "7 a.m. to 9 a.m.", None),
])
def test_clock_times(make_article, nlp, paragraphs, expr, value):
    from briefgen.extract.dates import extract_dates

    a = make_article(*paragraphs)
    found = {d.text: d.value for d in extract_dates(nlp(a.text), a)}
    assert expr in found, found
    assert found[expr] == value


@pytest.mark.parametrize("text", [
    "For the reformers, high noon comes with the vote.",
    "Gunmen killed two in the morning raid on the village.",
])
def test_clock_words_that_are_not_times(dates_of, text):
    assert not any(v for v in dates_of(text).values()), dates_of(text)


@pytest.mark.parametrize("text, expr, value", [
    # a month or day with a deictic year is one expression, the year counted from the publication
    ("The lower house approved the accord in early October this year.", "early October this year", "2024-10"),
    ("The members will vote in June next year, the chair said.", "June next year", "2025-06"),
    ("The plant shut on March 5 last year and reopened in May of last year.", "March 5 last year", "2023-03-05"),
    ("The plant shut on March 5 last year and reopened in May of last year.", "May of last year", "2023-05"),
    # a possessive year stays its own expression
    ("The board said March last year's figures were weak.", "last year", "2023"),
])
def test_month_with_deictic_year(dates_of, text, expr, value):
    found = dates_of(text)
    assert expr in found, found
    assert found[expr] == value


@pytest.mark.parametrize("text, value", [
    # "today" meaning nowadays names no calendar day ...
    ("'The fight is for today's youth what the war was for their parents,' she said.", None),
    ("The youth of today read less, the survey found.", None),
    ("In today's world, borders matter less.", None),
    # ... but an event of today, or a limit from today, is a day
    ("Today's vote is the first test for the coalition.", "2024-02-19"),
    ("As of today, the new tariff applies.", "2024-02-19"),
])
def test_generic_today(dates_of, text, value):
    found = dates_of(text)
    key = next(k for k in found if k.lower() == "today")
    assert found[key] == value, found


@pytest.mark.parametrize("text, expr, value", [
    # a named march is no month ...
    ("Police watched the crowd at the annual March for Peace downtown.", "March", "absent"),
    ("Veterans recalled the 1963 March on Washington with pride.", "March", "absent"),
    # ... but a month after a temporal preposition stays one, whatever follows
    ("The minister will travel in March to Berlin.", "March", "2024-03"),
    ("The protest took place in March on Capitol Hill.", "March", "2023-03"),
])
def test_named_march_is_not_a_month(dates_of, text, expr, value):
    found = dates_of(text)
    assert found.get(expr, "absent") == value, found


@pytest.mark.parametrize("text, expr", [
    # a recurring time names no one calendar day
    ("The market is held every Friday in the square.", "Friday"),
    ("The council meets each March to set the budget.", "March"),
    ("The paper comes out every other Thursday.", "Thursday"),
    ("The board meets on the first Monday of every month.", "Monday"),
])
def test_recurring_times_have_no_value(dates_of, text, expr):
    found = dates_of(text)
    assert expr in found and found[expr] is None, found


@pytest.mark.parametrize("text, expr, value, published", [
    # published on a Friday (2024-03-01): a possessive day takes the tense of the clause its noun is in
    ("The senator has courted donors, while Tuesday's forum in Denver will be the mayor's first test.",
     "Tuesday", "2024-03-05", "2024-03-01"),
    ("Aides are preparing for Tuesday's vote on the budget.", "Tuesday", "2024-03-05", "2024-03-01"),
    ("The mayor criticized Tuesday's vote on the budget.", "Tuesday", "2024-02-27", "2024-03-01"),
    # ... but a plain present said of the possessed event is no schedule ("is a setback"), and a noun
    # further up still stops the clause's tense ("the results of Tuesday's vote will be ...")
    ("Tuesday's ruling is a setback for the mayor.", "Tuesday", "2024-02-27", "2024-03-01"),
    ("The results of Tuesday's vote will be announced on Thursday.", "Tuesday", "2024-02-27", "2024-03-01"),
    # a bare day the parser hangs on a noun is still the clause's time: a present schedule looks ahead
    ("The rivals face off in the first of three forums Monday at a college in Ohio.", "Monday", "2024-03-04",
     "2024-03-01"),
    ("The two governors meet for the first of their three forums Monday night.", "Monday night", "2024-03-04",
     "2024-03-01"),
])
def test_weekday_takes_its_clause_tense(dates_of, text, expr, value, published):
    found = dates_of(text, published=published)
    assert found.get(expr) == value, found


@pytest.mark.parametrize("text, value, published", [
    # told on a Monday (2024-03-04) or Tuesday, "over the weekend" is the one just past unless a real
    # future cue (will, a plan, a progressive) points ahead; a plain present is a report, not a schedule
    ("The mayor cited a poll from over the weekend that showed him ahead.", "2024-W09-WE", "2024-03-04"),
    ("The mayor points to a poll from over the weekend that showed him ahead.", "2024-W09-WE", "2024-03-04"),
    ("The mayor says he is ahead in a poll over the weekend.", "2024-W09-WE", "2024-03-05"),
    ("Protesters will march over the weekend.", "2024-W10-WE", "2024-03-04"),
    # later in the week a present still reads as a schedule
    ("The festival opens over the weekend.", "2024-W09-WE", "2024-02-29"),
])
def test_weekend_early_in_the_week(dates_of, text, value, published):
    found = {k.lower(): v for k, v in dates_of(text, published=published).items()}
    assert found.get("over the weekend") == value, found


def test_dateline_day_is_not_the_next_clause_time(dates_of):
    # the bare day of a dateline hangs on the place name: the lead's future does not move it ahead
    found = dates_of("LISBON, Portugal, Nov. 3 (Test Wire) — The minister will ask parliament for more money.",
                     published="2023-11-04")
    assert found.get("Nov. 3") == "2023-11-03", found


@pytest.mark.parametrize("paragraphs, expr, value", [
    # published on a Tuesday (2024-02-20): a quote whose attribution dates the speaking counts from that day
    (['"I am ready to fly home tomorrow," the envoy said Sunday.'], "tomorrow", "2024-02-19"),
    (['The envoy said Sunday: "I am ready to fly home tomorrow."'], "tomorrow", "2024-02-19"),
    (['"We sign at 9 a.m. tomorrow. The text is final," the envoy told reporters on Sunday.'],
     "9 a.m. tomorrow", "2024-02-19"),
    # the day of speaking not told (a letter, a plain "said", a day of something else): the publication day
    (['"We will sign the accord tomorrow," the envoy wrote in a letter.'], "tomorrow", "2024-02-21"),
    (['"We will sign tomorrow," said the envoy, who landed Sunday.'], "tomorrow", "2024-02-21"),
    # ... nor by a day said at the end of the paragraph before, about other words
    (["The envoy will not stay, his spokesman said Sunday.",
      "''I am ready to fly home tomorrow,'' the envoy read from a letter."], "tomorrow", "2024-02-21"),
    # the narration's own "today" stays on the publication day
    (['The envoy said today: "We leave tomorrow."'], "today", "2024-02-20"),
])
def test_quoted_deictic_days(make_article, nlp, paragraphs, expr, value):
    from briefgen.extract.dates import extract_dates

    a = make_article(*paragraphs, published="2024-02-20")
    found = {d.text: d.value for d in extract_dates(nlp(a.text), a)}
    assert found.get(expr) == value, found


@pytest.mark.parametrize("text, expr, value, published", [
    # a quarter or half written as an adjective or as Q3; without a year, one that has not begun yet is
    # last year's when the clause is past
    ("Third-quarter profit at the lender rose 8 percent, it said.", "Third-quarter", "2024-Q3", "2024-10-23"),
    ("Fourth-quarter sales fell 3 percent, the chain reported.", "Fourth-quarter", "2023-Q4", "2024-02-19"),
    ("The carrier expects first-half revenue to climb.", "first-half", "2024-H1", "2024-02-19"),
    ("Revenue in Q3 rose 2 percent from a year earlier.", "Q3", "2024-Q3", "2024-10-23"),
    ("The group will close 40 stores by year-end.", "year-end", "2024", "2024-05-02"),
    # a day of the month told by its ordinal alone
    ("Shareholders will meet on the 15th of next month in Leeds.", "the 15th of next month", "2024-03-15", "2024-02-19"),
    ("The strike began on the 3rd, when the talks broke down.", "the 3rd", "2024-02-03", "2024-02-19"),
    # a participle of expectation after its noun: the noun's event is ahead, so the nearer month wins
    ("The court agreed on Monday to hear the case, with a ruling expected by the end of June.",
     "the end of June", "2024-06", "2024-03-04"),
])
def test_quarters_ordinal_days_and_expected_events(dates_of, text, expr, value, published):
    found = dates_of(text, published=published)
    assert found.get(expr) == value, found


@pytest.mark.parametrize("text, expr, value", [
    # "N units later / earlier" counts from the date told before, when that date is precise enough
    ("A truce was agreed in January 2021 but broke down two months later.", "two months later", "2021-03"),
    ("The first debate is planned for October 8. A second could follow a week later.", "a week later", "2024-W42"),
    ("The dam burst on 3 May 2021; three days earlier engineers had warned of cracks.", "three days earlier", "2021-04-30"),
    ("Rival Penwick reported earlier this week. Two days later its chief resigned.", "Two days later", None),
])
def test_counted_from_the_date_told_before(dates_of, text, expr, value):
    found = dates_of(text)
    assert expr in found, found
    assert found[expr] == value


def test_a_word_after_an_ordinal_that_is_a_noun_keeps_it_from_being_a_day(dates_of):
    found = dates_of("The office is on the 15th floor; the 19th century building was restored.")
    assert not [k for k, v in found.items() if v and "th" in k], found


def test_a_count_after_a_stretch_of_time_is_not_counted_from_an_older_date(dates_of):
    found = dates_of("The ruling came on April 22. If the family appeals within 14 days, he could leave seven days later.")
    assert found.get("seven days later") is None, found


@pytest.mark.parametrize("text, expr, value, published", [
    # a season without a year or a deictic word is resolved only when its clause looks ahead: the one under
    # way, or the next
    ("Congress is expected to take up the request in the spring.", "spring", "2027-SP", "2026-07-14"),
    ("The party will review its policy over the summer, its leader said.", "summer", "2026-SU", "2026-06-23"),
    ("The ministry will publish the plan in the winter.", "winter", "2025-WI", "2026-01-20"),
    ("The gap has narrowed since the spring.", "spring", None, "2026-09-08"),
    ("Rebels will never forget the fall of the city.", "fall", None, "2026-09-08"),
])
def test_a_bare_season_looks_ahead_only_with_its_clause(dates_of, text, expr, value, published):
    assert dates_of(text, published=published).get(expr) == value


@pytest.mark.parametrize("text, expr, tense", [
    # the expression's own words say which way it lies, whatever verb the parser hangs it on
    ("Lawyers will argue, as they did earlier this month, that the files must stay sealed.", "earlier this month", "past"),
    ("Two weeks ago the envoys will have been surprised, the paper wrote.", "Two weeks ago", "past"),
    ("The firm, which hired him last spring, expects next Tuesday's vote to pass.", "next Tuesday", "future"),
])
def test_deictic_words_give_the_direction(nlp, text, expr, tense):
    from briefgen.extract.dates import governing_tense

    doc = nlp(text)
    s = text.index(expr)
    assert governing_tense(doc, s, s + len(expr)) == tense


@pytest.mark.parametrize("text, expr, value, published", [
    # a month on the subject takes the tense of the subject's verb when it is past or ahead
    ("It was the fourth major flood in a year. Floods in September killed 54 people.", "September", "2025-09", "2026-05-06"),
    ("Elections in February will decide the next government.", "February", "2027-02", "2026-05-06"),
    # a present tagged as a base form still tells a schedule
    ("The changes to stamp duty take effect from April 1.", "April 1", "2027-04-01", "2026-11-12"),
])
def test_subject_dates_and_mistagged_presents(dates_of, text, expr, value, published):
    assert dates_of(text, published=published).get(expr) == value


@pytest.mark.parametrize("published, value", [("2026-11-12", "2027"), ("2027-01-08", "2027"), ("2026-06-01", None)])
def test_the_new_year(dates_of, published, value):
    assert dates_of("MPs will debate the finance bill in the new year.", published=published).get("the new year") == value
