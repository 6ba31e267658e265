"""The windowed scan of the date rules finds exactly what full scans of the text find."""
from pathlib import Path

import pytest

from briefgen.extract.timex_patterns import RULES
from briefgen.extract.timex_scan import ANCHORS, full_scan, scan

ROOT = Path(__file__).resolve().parent.parent

# Sentences written for this test: every rule, prefixes far from their anchor, ranges that chain
# anchors, expressions at the very start and end of the text, and text with no dates at all.
SENTENCES = [
    "The talks, set for February 29 to March 1-2, 2024, follow a meeting on Friday, Oct. 9.",
    "More than twenty-five and a half days ago the envoy left; about two weeks earlier he had warned us.",
    "Early last October the fund said its first quarter of 2023 was weak, and the second half of this year better.",
    "In the mid-1990s and the '80s, from 2019 to 2024 and in 2008-9, prices rose; on 3/14/2021 and 2021-03-14 too.",
    "Since 9/11, post-9/11 rules changed. Late last year, earlier this month, over the weekend and next week.",
    "Tonight, yesterday afternoon, this morning and last night were quiet; tomorrow is Christmas Eve.",
    "The end of the decade, the beginning of next year, the middle of the month; spring 2020 and late summer.",
    "Thanksgiving Day, New Year's Eve, Valentine's Day, Labor Day and Memorial Day, 2019, were holidays. Q3 2022",
    "May",
    "At 10:35 a.m. (0735 GMT) Friday, until 9 a.m. EST Tuesday, Sunday at 3 p.m., noon today; at 4 in the morning, 11 o'clock.",
    "Later that year, the next morning and that same night; the following week, the day before last Friday.",
    "The week after March 3 and the day after Christmas, 2021, before Election Day and Easter Monday.",
    "No dates here, only words: maybe the mark of a marcher in a decent noon-time fallow.",
    "İstanbul İzmir said on Monday that the vote of 12 May 2024 stands.",  # lowercasing lengthens the text
    "x" * 500 + " the week of March 6 " + "y" * 500 + " Wednesday's session " + "z" * 300,
]


@pytest.mark.parametrize("text", SENTENCES)
def test_windowed_scan_equals_full_scan(text):
    assert sorted(scan(text)) == sorted(full_scan(text))
    assert full_scan(text) or text.startswith("No dates")


def test_windowed_scan_equals_full_scan_on_seeds():
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert sorted(scan(text)) == sorted(full_scan(text)), path.name


def test_every_rule_has_an_anchor_or_is_scanned_in_full():
    # A new rule without an anchor is still correct (scanned in full), but should get one.
    assert {name for name, _ in RULES} <= set(ANCHORS)
