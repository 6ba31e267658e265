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
