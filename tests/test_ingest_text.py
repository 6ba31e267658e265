"""Plain-text articles: the seed layout and labelled header lines under the headline."""
from datetime import date

import pytest

from briefgen.ingest.text import parse_text

BODY = "The council met on Tuesday to discuss the harbour plan. It voted to delay it.\n\nMore follows here."


def test_seed_layout_headline_date_and_outlet_lines():
    a = parse_text(f"Council delays harbour plan\n\nMar 4, 2025\n\nCoast Gazette\n\n{BODY}", "a.txt")
    assert (a.title, a.published, a.outlet) == ("Council delays harbour plan", date(2025, 3, 4), "Coast Gazette")
    assert a.blocks[0].text.startswith("The council met")


@pytest.mark.parametrize("header, field, value", [
    ("Published: 12 March 2025", "published", date(2025, 3, 12)),
    ("Published 12 March 2025", "published", date(2025, 3, 12)),
    ("Posted on March 12, 2025", "published", date(2025, 3, 12)),
    ("Updated: Mar 12, 2025 10:31 AM EST", "published", date(2025, 3, 12)),
    ("Date: 2025-03-12", "published", date(2025, 3, 12)),
    ("Source: Coast Gazette", "outlet", "Coast Gazette"),
    ("Publisher - Coast Gazette", "outlet", "Coast Gazette"),
    ("By Jane Doe and Max Roe", "author", "Jane Doe and Max Roe"),
    ("Author: Jane Doe", "author", "Jane Doe"),
    ("URL: https://example.org/harbour", "url", "https://example.org/harbour"),
])
def test_labelled_header_lines_fill_their_fields(header, field, value):
    a = parse_text(f"Council delays harbour plan\n{header}\n\n{BODY}", "a.txt")
    assert getattr(a, field) == value
    assert a.title == "Council delays harbour plan"
    assert a.blocks[0].text.startswith("The council met")


def test_several_header_lines_one_under_the_other():
    a = parse_text(f"Council delays harbour plan\nBy Jane Doe\nPublished: 12 March 2025\nSource: Coast Gazette\n\n{BODY}", "a.txt")
    assert (a.author, a.published, a.outlet) == ("Jane Doe", date(2025, 3, 12), "Coast Gazette")
    assert len(a.blocks) == 2


@pytest.mark.parametrize("first", [
    "By Friday, the council will have voted on the harbour plan.",
    "Source code for the harbour model was published.",
    "Date night at the harbour drew crowds.",
])
def test_sentences_that_open_like_header_lines_stay_body_text(first):
    a = parse_text(f"Council delays harbour plan\n\n{first}\n\n{BODY}", "a.txt")
    assert a.blocks[0].text == first
    assert (a.author, a.outlet, a.url) == ("", "", "")


def test_a_wrapped_body_line_that_starts_like_a_label_stays_in_its_paragraph():
    a = parse_text("Council delays harbour plan\n\nThe council met on Tuesday and heard from its\nSource: a harbour official who spoke\nat length.\n\nMore.", "a.txt")
    assert a.blocks[0].text.endswith("Source: a harbour official who spoke at length.")
    assert a.outlet == ""


@pytest.mark.parametrize("label", ["Title: ", "Headline: ", "TITLE:"])
def test_a_labelled_headline_loses_its_label(label):
    a = parse_text(f"{label}Council delays harbour plan\nPublished: 12 March 2025\n\n{BODY}", "a.txt")
    assert a.title == "Council delays harbour plan" and a.published == date(2025, 3, 12)


def test_a_bare_outlet_line_after_a_labelled_date_is_the_outlet(tmp_path):
    from briefgen.ingest.text import parse_text

    a = parse_text("Senate passes stopgap bill\n\nPublished: 2026-09-30\n\nReuters\n\n"
                   "WASHINGTON (Reuters) - The Senate on Wednesday passed a stopgap bill.\n\nThe House votes next.", "x.txt")
    assert a.outlet == "Reuters"
    assert a.blocks[0].text.startswith("WASHINGTON")


def test_a_standfirst_under_published_is_body_not_the_outlet():
    a = parse_text("Senate passes budget\nPublished: 2026-03-04\n\nVote ends months of deadlock in Washington\n\n"
                   "The Senate voted on Tuesday to pass it.\n\nMore follows.", "a.txt")
    assert a.outlet == "" and a.blocks[0].text.startswith("Vote ends")
