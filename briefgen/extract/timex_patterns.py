"""Surface patterns of temporal expressions in English news.

Regular expressions rather than a spaCy Matcher: dates are surface forms (digits,
month names, fixed phrases) that need no parse, and one pass of compiled patterns
over the text costs far less than the parse itself. Each rule is a name and a
pattern; `timex_normalize` turns a match into an ISO value.
"""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "several": None, "few": None, "a few": None,
}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}

# Month names are matched case-sensitively (capitalized) so "may" and "march" as words stay out.
MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH_ANY = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAYN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
MOD = r"(?i:early|mid|late|the middle of|the end of|the beginning of|the start of|the first days of)"
PART = r"(?i:morning|afternoon|evening|night)"
NUM = r"(?i:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
B = r"(?<![\w$£€.,/-])"  # no word, currency or number just before
E = r"(?![\w%]|[.,/]\d|\s?(?:%|percent|per cent))"  # no word, percent or number just after

# A clock time (TimeML's TIME expressions): "10:35 a.m.", "9 p.m. EST", "noon", "4 in the morning". "High
# noon" is an idiom, and a number before "in the morning" is a time only after a cue ("at 4 in the morning",
# not "killed two in the morning raid").
_HOUR_WORD = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CUE_BEFORE = r"(?:(?<=\bat )|(?<=\bby )|(?<=until )|(?<=\btill )|(?<=before )|(?<=\bafter )|(?<=around )|(?<=about )|(?<=\bfrom )|(?<=since ))"
CLOCK = (rf"(?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?i:a\.m\b\.?|p\.m\b\.?|am\b|pm\b)|(?<![Hh]igh )(?:(?:12 )?noon|midnight|midday)"
         rf"|(?:[01]?\d|2[0-4])(?::[0-5]\d)? o['’]clock|{_CUE_BEFORE}{_HOUR_WORD}(?: o['’]clock)? in the (?:morning|afternoon|evening))"
         r"(?: (?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|local time))?")

# One calendar day (month first or day first), optionally with a year.
_MD = rf"(?:{MONTH_ANY} {DAYN}(?:\s?[-–]\s?{DAYN})?|{DAYN}(?:\s?[-–]\s?{DAYN})? (?:of )?{MONTH_ANY})(?:,? {YEAR})?"
# "February this year", "April of next year": the year told by a deictic word belongs to the expression
# (one TimeML expression, not a month and a year); not a possessive ("March last year's plan" is rare, and
# "last year's" is its own expression)
_DEICTIC_YEAR = r"(?:,? (?:of )?(?i:this|next|last) year(?!['’]s|[\w-]))"
_CONN = r"\s*(?:[-–]|to|until|till|through|thru|and|or)\s*"
_BARE = r"\s*(?:[-–]|to|until|till|through|thru)\s*"

# A possessive 's stays out of the expression, as in TimeML extents: "Wednesday" in "Wednesday's ruling".
RULES: list[tuple[str, re.Pattern]] = [
    # "Friday, Oct. 9", "February 29 to March 1-2", "February 29 until March 1 or March 2", "the week of March 6"
    ("days", re.compile(
        rf"{B}(?:(?i:post|pre)-)?(?:(?i:the )?(?i:week) of )?(?:{WEEKDAY},? )?{_MD}"
        rf"(?:(?:{_CONN}(?:{WEEKDAY},? )?{_MD})|(?:{_BARE}{DAYN}(?:,? {YEAR})?(?![\w:.]|\s?(?:%|percent))))*(?:{_DEICTIC_YEAR}|{E})")),
    # "the day before last Friday", "the day after Christmas", "the week after March 3"
    ("shift", re.compile(
        rf"{B}(?i:the )?(?i:day|week) (?i:before|after) (?:(?i:last|next|this) )?"
        rf"(?:{WEEKDAY}|{_MD}|(?:Christmas(?: Day)?|New Year['’]s Day|Thanksgiving(?: Day)?|Easter(?: Sunday)?)(?:,? {YEAR})?){E}")),
    ("iso", re.compile(rf"{B}{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]){E}")),
    ("numeric", re.compile(rf"{B}(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])/(?:{YEAR}|\d\d){E}")),
    ("named", re.compile(rf"(?<![\w$/.,])(?:(?i:post|pre)-)?9/11{E}")),
    # "January 1998", "late-November", "last October", "mid-February", "January-March 1999"
    ("month", re.compile(
        rf"{B}(?:(?i:post|pre)-)?(?:{MOD}[- ](?:of )?)?(?:(?i:last|next|this|early last|late last|early next|late next|earlier this|later this) )?"
        rf"{MONTH_FULL}(?:\s?[-–]\s?{MONTH_FULL})?(?:,? (?:of )?{YEAR}|{_DEICTIC_YEAR})?(?![\w])")),
    ("abbr_month_year", re.compile(rf"{B}{MONTH_ABBR} {YEAR}{E}")),
    # "the 1990s", "the mid-1990s", "the '90s"
    ("decade", re.compile(rf"{B}(?:(?i:the) )?(?:(?i:early|mid|late)[- ])?(?:(?:1\d|20)\d0s|[’']\d0s)(?!\w)")),
    # "2009-2010", "2008-9", "from 2019 to 2024", "2008 through 2010", "between 1990 and 1995"
    ("years", re.compile(
        rf"{B}(?:(?i:from|between) )?{YEAR}(?:\s?[-–/]\s?(?:{YEAR}|\d{{1,2}})|\s(?i:to|through|until|and|or)\s{YEAR}){E}")),
    ("year", re.compile(rf"{B}(?:(?i:post|pre|mid|early|late)[- ])?(?:{MOD} (?:of )?)?{YEAR}{E}")),
    ("weekday", re.compile(
        rf"{B}(?:(?i:last|next|this|coming|past|early|late) )?{WEEKDAY}(?:,? {PART})?(?![\w])")),
    # a clock time or a span of them, with the day it is on when that is written right next to it: "9 a.m.
    # EST Tuesday", "Friday at 3 p.m.", "noon today", "from 6 a.m. to 9 a.m." (one expression each)
    ("clock", re.compile(
        rf"{B}(?:(?:{WEEKDAY}|(?i:today|tomorrow|yesterday)),? (?i:at|by|until|before|after) )?{CLOCK}(?:\s?(?:[-–]|to|until|till)\s?{CLOCK})?"
        rf"(?:,? (?:(?i:on) )?(?:{WEEKDAY}|(?i:today|tonight|tomorrow|yesterday))(?! ?['’]s\b))?(?![\w])")),
    ("relday", re.compile(
        r"(?<![\w-])(?i:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)"
        rf"(?: {PART})?(?![\w-])")),
    # "last week", "earlier this month", "late last year", "over the weekend", "the past week"
    ("relunit", re.compile(
        r"(?<![\w-])(?i:(?:(?:early|earlier|late|later|mid)[- ])?(?:last|next|this past|this|the past|the last|the coming|the current|the latest)"
        r" (?:week|month|year|weekend|decade|quarter)|(?:over |during |on |at )?the weekend)(?![\w-])")),
    # "into the new year": the year that begins next, told late in the year (or early in it)
    ("newyear", re.compile(r"(?<![\w-])(?i:the new year)(?!\s?['’]s|[\w-])")),
    # anaphoric: "later that year", "the next day", "the following week", "that same night": the time of a
    # date the story told before, not of the publication
    ("anaphor", re.compile(
        r"(?<![\w-])(?i:(?:(?:earlier|later) )?(?:that|that same|the same|the following|the previous|the preceding)"
        r" (?:day|morning|afternoon|evening|night|week|month|year)|the next (?:day|morning|afternoon|evening|night))(?![\w-])")),
    ("ago", re.compile(
        rf"(?<![\w-])(?i:(?:about|almost|nearly|some|more than|over|roughly|just|exactly|less than) )?"
        rf"{NUM}(?:[- ](?i:and a half))? (?i:days?|weeks?|months?|years?|decades?) (?i:ago|earlier|before|later)(?![\w-])"
        r"(?! than\b)")),
    # "the third quarter of 2022", "third-quarter profit", "first-half sales", "Q3 2018", "in Q3"
    ("quarter", re.compile(
        rf"{B}(?i:(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:quarter|half))"
        rf"(?: (?i:of )?(?:{YEAR}|(?i:the|this|last|next) year))?(?![\w])|{B}Q[1-4] {YEAR}{E}"
        rf"|(?:(?<=\bin )|(?<=\bfor )|(?<=\bduring )|(?<=\bof )|(?<=\band )|(?<=\bthe )|(?<=\bto ))Q[1-4](?![\w-])")),
    ("edge", re.compile(
        rf"(?<![\w-])(?i:the (?:end|beginning|start|middle) of (?:the |this |last |next )?(?:year|month|week|decade)|year-end)(?![\w-])")),
    # a day of the month told by its ordinal alone: "the 15th of next month", "on the 3rd, when ..."; not
    # "the 15th century" or "on the 3rd floor" (a word after the ordinal must be a preposition or a conjunction)
    ("ordday", re.compile(
        r"(?<![\w-])(?:(?i:the) (?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th) (?i:of (?:this|next|last) month)"
        r"|(?<=\b[Oo]n )the (?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th)"
        r"(?=[,.;:)]|\s+(?:at|and|or|in|when|as|to|after|before|but|with|for|by|from|until|of)\b|\s*$))(?![\w-])")),
    ("season", re.compile(
        rf"(?<![\w-])(?:(?i:early|mid|late)[- ])?(?:(?i:this|last|next|the coming|the past) )?(?i:spring|summer|autumn|fall|winter)(?:,? (?:of )?{YEAR})?(?![\w-])")),
    ("holiday", re.compile(
        rf"{B}(?:(?i:last|next|this) )?(?:Christmas(?: Day| Eve)?|New Year['’]s(?: Day| Eve)?|Thanksgiving(?: Day)?|Easter(?: Sunday| Monday| week)?"
        rf"|Halloween|Valentine['’]s Day|Independence Day|Labor Day|Memorial Day|Election Day)(?:,? {YEAR})?(?![\w])")),
]

# Bare months and bare years need a temporal cue (or spaCy's DATE label) to count as dates.
TEMPORAL_PREP = re.compile(
    r"(?i:\b(?:in|on|since|by|until|till|before|after|from|through|during|of|to|and|or|between|around|circa|early|late|mid|last|next|this|that|the|every|each)\s*$)")
HAS_YEAR = re.compile(YEAR)
