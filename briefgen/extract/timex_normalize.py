"""Resolve a matched temporal expression to an ISO 8601 value against the publication date.

Hand-written because none of the libraries measured (docs/dates.md) resolves news
expressions by the sentence's tense, weekends, decades or ranges such as
"February 29 to March 1-2" the way the ISO values here need.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable, Optional

from dateutil.easter import easter

from briefgen.extract.timex_patterns import MONTHS, NUMBERS, ORDINALS, WEEKDAYS

#: Returned when a match turns out not to be a date at all.
REJECT = object()
Tense = Optional[str]  # "past", "future", "present" (a plain present simple: a schedule) or None (unknown)
#: Tenses that put a date ahead of publication. "present" is the weaker of the two: only "over the
#: weekend" told early in the week tells them apart (see `normalize`).
AHEAD = ("future", "present")

_MODS = {"early": "early", "mid": "mid", "late": "late", "the middle of": "mid", "the end of": "late",
         "the beginning of": "early", "the start of": "early", "the first days of": "early"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day(d: date) -> str:
    return d.isoformat()


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def weekend(saturday: date) -> str:
    y, w, _ = saturday.isocalendar()
    return f"{y:04d}-W{w:02d}-WE"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _choose(past, future, tense: Tense, dist):
    """Past or future candidate by tense; unknown tense takes the nearer (past on a tie)."""
    if past is None or tense in AHEAD and future is not None:
        return future
    if future is None or tense == "past":
        return past
    # News looks back more often than ahead: the future must be clearly nearer.
    return future if dist(future) < 0.6 * dist(past) else past


def resolve_day(m: int, d: int, pub: date, tense: Tense) -> Optional[date]:
    """The date of month/day without a year nearest the publication in the tense's direction."""
    cands = []
    for y in (pub.year - 4, pub.year - 1, pub.year, pub.year + 1, pub.year + 4):
        try:
            cands.append(date(y, m, d))
        except ValueError:
            continue
    past = max((c for c in cands if c <= pub), default=None)
    future = min((c for c in cands if c >= pub), default=None)
    return _choose(past, future, tense, lambda c: abs((c - pub).days))


def resolve_month(m: int, pub: date, tense: Tense) -> tuple[int, int]:
    """(year, month) of a month named without a year."""
    past = (pub.year if m <= pub.month else pub.year - 1, m)
    future = (pub.year if m >= pub.month else pub.year + 1, m)
    return _choose(past, future, tense, lambda c: abs((c[0] - pub.year) * 12 + c[1] - pub.month))


def resolve_weekday(wd: int, pub: date, tense: Tense, rel: str = "") -> date:
    """The weekday's date: past by default in news, on or before the publication day."""
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if rel == "last":
        return pub - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return pub + timedelta(days=ahead or 7)
    if rel == "this" or tense in AHEAD:
        return pub + timedelta(days=ahead)
    if tense is None and ahead == 1:
        # without a tense the day after publication beats the one six days back, which news would
        # call "last Tuesday"; wire copy is often filed the evening before its date
        return pub + timedelta(days=1)
    return pub - timedelta(days=back)


def last_weekend(pub: date) -> date:
    """Saturday of the weekend on or just before the publication day."""
    return pub - timedelta(days=(pub.weekday() - 5) % 7)


def next_weekend(pub: date) -> date:
    """Saturday of the weekend on or just after the publication day."""
    if pub.weekday() == 6:
        return pub - timedelta(days=1)
    return pub + timedelta(days=(5 - pub.weekday()) % 7)


def _mod(text: str) -> Optional[str]:
    t = text.lower()
    if t.startswith(("post-", "post ")):
        return "after"
    if t.startswith(("pre-", "pre ")):
        return "before"
    for k, v in _MODS.items():
        if re.match(rf"{k}\b", t):
            return v
    return None


def _num(word: str) -> Optional[int]:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBERS.get(w)


_PIECE = re.compile(r"([A-Z][a-z]+)\.?|(\d+)")


def _days(text: str, pub: Optional[date], tense: Tense):
    """'February 29 to March 1-2' -> (first date, last date); missing years resolved against `pub`."""
    entries: list[list] = []  # [month, day, year]
    cur = None
    for m in _PIECE.finditer(text):
        word, digits = m.group(1), m.group(2)
        if word:
            if word.lower() in MONTHS:
                cur = MONTHS[word.lower()]
                for e in entries:  # "29 February": a day written before its month
                    if e[0] is None:
                        e[0] = cur
            continue
        n = int(digits)
        if len(digits) == 4:
            for e in entries:
                if e[2] is None:
                    e[2] = n
            continue
        entries.append([cur, n, None])
    entries = [e for e in entries if e[0] is not None]
    if not entries:
        return None
    wd = next((WEEKDAYS[w.lower()] for w in re.findall(r"[A-Za-z]+", text) if w.lower() in WEEKDAYS), None)
    if entries[0][2] is None and wd is not None and pub is not None:
        # "Monday, Oct. 26": the year in which that day is a Monday, nearest the publication
        fits = [date(y, entries[0][0], entries[0][1]) for y in range(pub.year - 6, pub.year + 7)
                if _valid(y, entries[0][0], entries[0][1]) and date(y, entries[0][0], entries[0][1]).weekday() == wd]
        if fits:
            entries[0][2] = min(fits, key=lambda c: abs((c - pub).days)).year
    if entries[0][2] is None:
        if pub is None:
            return None
        first = resolve_day(entries[0][0], entries[0][1], pub, tense)
        if first is None:
            return None
        y = first.year
        for e in entries:
            if e[2] is None:
                e[2] = y
    dates = []
    for i, (mo, d, y) in enumerate(entries):
        if i and dates and (mo, d) < (dates[-1].month, dates[-1].day) and y == dates[-1].year:
            y += 1  # "December 30 to January 2" runs into the next year
        try:
            dates.append(date(y, mo, d))
        except ValueError:
            return None
    return dates[0], max(dates)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _holiday(name: str, y: int) -> Optional[date]:
    n = name.lower()
    if n.startswith("christmas"):
        return date(y, 12, 24 if "eve" in n else 25)
    if n.startswith("new year"):
        return date(y, 12, 31) if "eve" in n else date(y, 1, 1)
    if n.startswith("thanksgiving"):
        first = date(y, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if n.startswith("easter"):
        return easter(y) + timedelta(days=1 if "monday" in n else 0)
    if n.startswith("halloween"):
        return date(y, 10, 31)
    if n.startswith("valentine"):
        return date(y, 2, 14)
    if n.startswith("independence"):
        return date(y, 7, 4)
    if n.startswith("labor"):
        first = date(y, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if n.startswith("election"):  # the US federal one: the Tuesday after the first Monday of November
        first = date(y, 11, 2)
        return first + timedelta(days=(1 - first.weekday()) % 7)
    if n.startswith("memorial"):
        last = date(y, 5, 31)
        return last - timedelta(days=last.weekday())
    return None


def normalize(rule: str, text: str, pub: Optional[date], tense: Callable[[], Tense]):
    """(value, mod) for a match of `rule`, value None where it names no calendar time; REJECT if no date."""
    low = text.lower()
    mod = _mod(text)
    years = [int(y) for y in re.findall(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)", text)]

    if rule in ("days", "month") and (m := re.search(r"(?i),? (?:of )?(this|next|last) year$", text)):
        # "February this year": the deictic year written out, then resolved like "February 1998"
        if pub is None:
            return None, mod
        y = pub.year + {"this": 0, "next": 1, "last": -1}[m.group(1).lower()]
        return normalize(rule, f"{text[:m.start()]}, {y}", pub, tense)
    if rule == "named":
        return "2001-09-11", None  # the attacks of 11 September 2001, named by their date
    if rule == "shift":
        m = re.match(r"(?i)(?:the )?(day|week) (before|after) ", text)
        inner = text[m.end():]
        sub = "weekday" if re.search(r"(?i)\b(mon|tues|wednes|thurs|fri|satur|sun)day$", inner) \
            else "holiday" if re.match(r"(?i)(?:last |next |this )?(christmas|new year|thanksgiving|easter)", inner) else "days"
        v, _ = normalize(sub, inner, pub, tense)
        if not v or "/" in v or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return None, None
        step = timedelta(days=1 if m.group(1).lower() == "day" else 7)
        d = date.fromisoformat(v) + (step if m.group(2).lower() == "after" else -step)
        return (day(d) if m.group(1).lower() == "day" else week(d)), None
    if rule == "iso":
        return text[:10], None
    if rule == "numeric":
        mo, d, y = (int(x) for x in text.split("/"))
        y = y if y > 99 else (1900 + y if y > 30 else 2000 + y)
        try:
            return day(date(y, mo, d)), None
        except ValueError:
            return REJECT
    if rule == "days":
        span = _days(re.sub(r"(?i)^(post|pre)-", "", text), pub, tense() if not years and pub else None)
        if span is None:
            return None, mod
        a, b = span
        if low.startswith(("the week of", "week of")):
            return week(a), None
        return (day(a) if a == b else f"{day(a)}/{day(b)}"), mod
    if rule in ("month", "abbr_month_year"):
        names = [MONTHS[w.lower()] for w in re.findall(r"[A-Z][a-z]+", text) if w.lower() in MONTHS]
        if not names:
            return REJECT
        m1, m2 = names[0], names[-1]
        rel = re.search(r"(?i)\b(last|next|this)\b", text)
        if years:
            y1 = y2 = years[-1]
            if m2 < m1:
                y1 -= 1
        elif pub is None:
            return None, mod
        elif rel:
            r = rel.group(1).lower()
            if r == "last":
                y1 = pub.year if m1 < pub.month else pub.year - 1
            elif r == "next":
                y1 = pub.year if m1 > pub.month else pub.year + 1
            else:
                y1 = pub.year
            y2 = y1 + (m2 < m1)
        else:
            y1, _ = resolve_month(m1, pub, tense())
            y2 = y1 + (m2 < m1)
        v = month(y1, m1) if (y1, m1) == (y2, m2) else f"{month(y1, m1)}/{month(y2, m2)}"
        return v, mod
    if rule == "decade":
        m = re.search(r"(\d{1,3})0s", text)
        if len(m.group(1)) == 1:  # "the '90s": the latest such decade not after publication
            ref = pub.year if pub else 2000
            base = ref // 100 * 100 + int(m.group(1)) * 10
            if base > ref:
                base -= 100
        else:
            base = int(m.group(1)) * 10
        return f"{base}/{base + 9}", mod
    if rule == "years":
        nums = re.findall(r"\d+", text)
        y1 = int(nums[0])
        tail = nums[1]
        y2 = int(tail) if len(tail) == 4 else int(str(y1)[: 4 - len(tail)] + tail)
        if re.search(r"(?i)\b(and|or)\b", text):
            return REJECT  # "between 1990 and 1995" names two years, as news annotation has them
        if y2 <= y1 or y2 - y1 > 100:
            return REJECT
        if "/" in text and y2 - y1 != 1:
            return REJECT
        return f"{y1}/{y2}", None
    if rule == "year":
        return str(years[-1]), mod
    if rule == "weekday":
        wd = next(WEEKDAYS[w.lower()] for w in re.findall(r"[A-Za-z]+", text) if w.lower() in WEEKDAYS)
        rel = re.match(r"(?i)(last|next|this|coming|past)\b", text)
        if pub is None:
            return None, None
        r = rel.group(1).lower() if rel else ""
        return day(resolve_weekday(wd, pub, tense(), "last" if r == "past" else r)), None
    if rule == "relday":
        if pub is None:
            return None, None
        if low.startswith(("yesterday", "last night")):
            return day(pub - timedelta(days=1)), None
        if low.startswith("tomorrow"):
            return day(pub + timedelta(days=1)), None
        return day(pub), None
    if rule == "relunit":
        if pub is None:
            return None, mod
        if "weekend" in low:
            t = tense() if not re.search(r"\b(last|past)\b", low) else "past"
            if t == "present" and pub.weekday() <= 1 and "this" not in low:
                # "a poll over the weekend shows ...", told on a Monday or Tuesday: the weekend just past;
                # a present is a schedule only with "this weekend", else it takes will, a plan or a progressive
                t = None
            if re.search(r"\b(next|coming)\b", low) or t in AHEAD:
                return weekend(next_weekend(pub) if "next" not in low else next_weekend(pub + timedelta(days=2))), None
            sat = last_weekend(pub)
            if re.search(r"\blast\b", low) and pub.weekday() >= 5:
                sat -= timedelta(days=7)
            return weekend(sat), None
        unit = re.search(r"(week|month|year|decade|quarter)$", low).group(1)
        if re.search(r"\b(the following|the previous)\b", low):
            return None, None  # anchored on the story's own events, not the publication
        if re.search(r"\b(the past|the last|the latest)\b", low):
            return (week(pub) if unit == "week" else None), None  # "the past year" is a stretch of time
        n = -1 if re.search(r"\b(last|this past)\b", low) else 1 if re.search(r"\b(next|the coming)\b", low) else 0
        if unit == "quarter":
            y, m = add_months(pub.year, (pub.month - 1) // 3 * 3 + 1, 3 * n)
            return f"{y}-Q{(m - 1) // 3 + 1}", mod
        if unit == "week":
            return week(pub + timedelta(weeks=n)), mod
        if unit == "month":
            return month(*add_months(pub.year, pub.month, n)), mod
        if unit == "year":
            return str(pub.year + n), mod
        if n == 0:
            base = pub.year // 10 * 10
            return f"{base}/{base + 9}", mod
        return None, mod
    if rule == "clock":
        # the day written with the time names it; a bare time is on the day the story is telling about,
        # found from the dates around it (see `resolve_clocks`)
        if m := re.search(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", text):
            return normalize("weekday", m.group(0), pub, tense)
        if m := re.search(r"(?i)\b(?:today|tonight|tomorrow|yesterday)\b", text):
            return normalize("relday", m.group(0), pub, tense)
        return CLOCK, None
    if rule == "anaphor":
        n = 1 if re.search(r"\b(next|following)\b", low) else -1 if re.search(r"\b(previous|preceding)\b", low) else 0
        unit = re.search(r"(day|morning|afternoon|evening|night|week|month|year)$", low).group(1)
        return Anaphor("day" if unit not in ("week", "month", "year") else unit, n), None
    if rule == "ago":
        words = low.split()
        qty = None
        for w in words:
            if w in NUMBERS or w.isdigit():
                qty = _num(w)
                break
        unit = re.search(r"(day|week|month|year|decade)", low).group(1)
        if qty is not None and unit != "decade" and low.endswith(("later", "earlier")) and "half" not in low:
            # "two months later", "three days earlier": counted from the date the story told before
            return Anaphor(unit, qty if low.endswith("later") else -qty, counted=True), None
        if pub is None or not re.search(r"(?i)\bago$", text) or qty is None:
            return None, None
        if unit == "day":
            return day(pub - timedelta(days=qty)), None
        if unit == "week":
            return week(pub - timedelta(weeks=qty)), None
        if unit == "month":
            return month(*add_months(pub.year, pub.month, -qty)), None
        return str(pub.year - qty * (10 if unit == "decade" else 1)), None
    if rule == "quarter":
        m = re.match(r"(?i)(?:the )?(\w+)[- ](quarter|half)", text)
        if m is None:  # "Q3 2018", "in Q3"
            if years:
                return f"{years[0]}-Q{text[1]}", None
            return (f"{_quarter_year(int(text[1]), 3, pub, tense)}-Q{text[1]}" if pub else None), None
        ordw, unit = m.group(1).lower(), m.group(2).lower()
        if ordw in ("last", "final") and not re.search(r"(?i)\bof\b", text):
            return None, None  # "the last quarter": the one before publication, or the year's fourth
        n = ORDINALS[ordw]
        if years:
            y = years[0]
        elif pub is None:
            return None, None
        elif re.search(r"\b(last|next|this) year", low):
            y = pub.year + (-1 if "last year" in low else 1 if "next year" in low else 0)
        else:
            y = _quarter_year(min(n, 2) if unit == "half" else n, 6 if unit == "half" else 3, pub, tense)
        if unit == "half":
            return (f"{y}-H{min(n, 2)}" if n <= 2 or ordw in ("last", "final") else REJECT), None
        return f"{y}-Q{n}", None
    if rule == "edge":
        if pub is None:
            return None, mod
        if low == "year-end":
            # "by year-end": this year's end; told in a past clause early in the year, the one just gone
            return str(pub.year - (pub.month <= 3 and tense() == "past")), "late"
        n = -1 if " last " in low else 1 if " next " in low else 0
        if low.endswith("year"):
            return str(pub.year + n), mod
        if low.endswith("month"):
            return month(*add_months(pub.year, pub.month, n)), mod
        if low.endswith("week"):
            return week(pub + timedelta(weeks=n)), mod
        base = pub.year // 10 * 10 + 10 * n
        return f"{base}/{base + 9}", mod
    if rule == "newyear":
        # the year about to begin when told in the last quarter, the one just begun in its first two months
        if pub is None or 3 <= pub.month <= 9:
            return None, None
        return str(pub.year + (pub.month >= 10)), "early"
    if rule == "ordday":
        return _ordinal_day(low, pub, tense), None
    if rule == "season":
        code = next(v for k, v in _SEASONS.items() if k in low)
        rel = re.search(r"\b(this|last|next|the coming|the past)\b", low)
        if years:
            return f"{years[0]}-{code}", mod
        if not rel:
            # "the fall of the city": a season needs a year or a deictic word, or (see dates.py) a
            # preposition and a clause that looks ahead: "will be decided in the spring" is the next one
            if pub is None or not text.islower() or tense() not in AHEAD:
                return REJECT
            return f"{_next_season(code, pub)}-{code}", mod
        if pub is None:
            return None, mod
        r = rel.group(1)
        start = date(pub.year, _SEASON_START[code], 1)
        if r == "this":
            y = pub.year
        elif r in ("last", "the past"):
            y = pub.year if start <= pub else pub.year - 1
            if start <= pub < start + timedelta(days=90):
                y -= 1
        else:
            y = pub.year if start > pub else pub.year + 1
        return f"{y}-{code}", mod
    if rule == "holiday":
        name = re.sub(r"(?i)^(last|next|this) ", "", text)
        if years:
            d = _holiday(name, years[0])
            return (day(d) if d else None), None
        if pub is None:
            return None, None
        rel = re.match(r"(?i)(last|next|this)\b", text)
        cands = [h for y in (pub.year - 1, pub.year, pub.year + 1) if (h := _holiday(name, y))]
        if "week" in low:  # a holiday's week has begun by its Monday: Easter week, told on its Monday, is this one
            cands = [h - timedelta(days=h.weekday()) for h in cands]
        past = max((c for c in cands if c < pub or (not rel and c == pub)), default=None)
        future = min((c for c in cands if c > pub or (not rel and c == pub)), default=None)
        t = "past" if rel and rel.group(1).lower() == "last" else "future" if rel and rel.group(1).lower() == "next" else tense()
        d = _choose(past, future, t, lambda c: abs((c - pub).days))
        if d and "week" in low:
            return week(d), None
        return (day(d) if d else None), None
    return None, None


def _quarter_year(n: int, months: int, pub: date, tense: Callable[[], Tense]) -> int:
    """Year of the n-th quarter (months=3) or half (months=6) named without one: this year's unless it has
    not begun yet and the clause does not look ahead ("fourth-quarter profit fell", told in February, is
    last year's); the nearer of the two when the tense is unknown."""
    first = (n - 1) * months + 1  # its first month
    if first <= pub.month:
        return pub.year
    ahead = first - pub.month  # months until this year's begins
    back = pub.month + 12 - (first + months - 1)  # months since last year's ended
    t = tense()
    if t in AHEAD:
        return pub.year
    if t == "past":
        return pub.year - 1
    return pub.year if ahead < 0.6 * back else pub.year - 1


def _next_season(code: str, pub: date) -> int:
    """Year of the season under way at publication, or of the next one (winter runs December to February)."""
    if code == "WI":
        return pub.year - 1 if pub.month <= 2 else pub.year
    start = _SEASON_START[code]
    return pub.year if pub.month < start + 3 else pub.year + 1


def _ordinal_day(low: str, pub: Optional[date], tense: Callable[[], Tense]) -> Optional[str]:
    """'the 15th of next month', 'on the 3rd': the day of this month, or of the month next to it that the
    clause's tense points to (past: not after publication; ahead: not before it; unknown: the nearer)."""
    if pub is None:
        return None
    d = int(re.search(r"\d+", low).group(0))
    if m := re.search(r"(this|next|last) month", low):
        y, mo = add_months(pub.year, pub.month, {"this": 0, "next": 1, "last": -1}[m.group(1)])
        return day(date(y, mo, d)) if _valid(y, mo, d) else None
    cands = [date(y, mo, d) for y, mo in (add_months(pub.year, pub.month, k) for k in (-1, 0, 1)) if _valid(y, mo, d)]
    past = max((c for c in cands if c <= pub), default=None)
    future = min((c for c in cands if c >= pub), default=None)
    got = _choose(past, future, tense(), lambda c: abs((c - pub).days))
    return day(got) if got else None


_DURATION = re.compile(
    r"(?i)^(?:(?:the|a|an) )?(?:(?:past|last|next|first|coming|previous|following|more than|about|nearly|almost|over) )*"
    r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty)"
    r"(?:[- ]and[- ]a[- ]half)? ?[- ]?(day|week|month|year|decade)s?(?:[- ]long| old)?$")


class Anaphor(tuple):
    """(unit, offset) of an expression resolved against the date told before it; see `resolve_anaphora`.
    `counted` marks a count of units ("two months later"), which needs that date right before it."""

    def __new__(cls, unit: str, offset: int, counted: bool = False):
        obj = super().__new__(cls, (unit, offset))
        obj.counted = counted
        return obj


class _Clock:
    """The value of a bare clock time until `resolve_clocks` gives it its day."""


CLOCK = _Clock()


def resolve_clocks(found: list, sentence, paragraph, pub: Optional[date]) -> list:
    """Give a bare time ("at 10 p.m.") the day of the nearest day told in its sentence, else of the latest
    day told before it in its paragraph; the publication day if the story has told no date before it; else
    null. `found` is (start, end, value, mod) in text order; `sentence` and `paragraph` map an offset to
    its sentence and paragraph."""
    days = [(s, v) for s, _, v, _ in found if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)]
    out = []
    for s, e, v, mod in found:
        if v is CLOCK:
            same = [(abs(ds - s), dv) for ds, dv in days if sentence(ds) == sentence(s)]
            before = [(ds, dv) for ds, dv in days if ds < s and paragraph(ds) == paragraph(s)]
            told = any(_reference(fv) for fs, _, fv, _ in found if fs < s)
            v = min(same)[1] if same else before[-1][1] if before else day(pub) if pub and not told else None
        out.append((s, e, v, mod))
    return out


_GRAIN = {"day": 3, "week": 2, "month": 2, "year": 1}


def _reference(value) -> Optional[tuple[int, date]]:
    """(grain, first day) of a calendar value: 3 for a day or weekend, 2 for a week or month, 1 for a year."""
    if not isinstance(value, str) or value.startswith("P") or "/" in value:
        return None  # a range or a decade names no one day, month or year to count from
    v = value.split("/")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            return 3, date(*map(int, m.groups()))
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            return (3 if m.group(3) else 2), date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 1)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            return 2, date(int(m.group(1)), int(m.group(2)), 1)
        if m := re.fullmatch(r"(\d{4})(?:-[A-Z]\w*)?", v):
            return 1, date(int(m.group(1)), 1, 1)
    except ValueError:
        return None
    return None


def resolve_anaphora(found: list) -> list:
    """Give "later that year", "the next day" ... the value of the latest date told before them, moved by
    their offset, when that date is precise enough (a day for a day, a month for a month, a day or a week
    for a week); else null. `found` is (start, end, value, mod) in text order."""
    out, refs = [], []  # refs: (grain, first day, is week)
    last_is_ref = False  # whether the expression just before is the latest reference date
    for s, e, v, mod in found:
        if isinstance(v, Anaphor):
            unit, n = v
            need = _GRAIN[unit]
            # the latest date told is the one referred to; if it is too coarse ("last October ... that
            # same day") the day is not told, and an older, finer date would be the wrong one. A count
            # ("seven days later") counts from the expression just before it only: after "within 14
            # days" it counts from that stretch, which has no date
            ref = refs[-1] if refs and (last_is_ref or not getattr(v, "counted", False)) else None
            v = None
            if ref is not None and ref[0] >= need and (unit != "week" or ref[0] == 3 or ref[2]):
                d = ref[1]
                if unit == "day":
                    v = day(d + timedelta(days=n))
                elif unit == "week":
                    v = week(d + timedelta(weeks=n))
                elif unit == "month":
                    v = month(*add_months(d.year, d.month, n))
                else:
                    v = str(d.year + n)
            last_is_ref = False
        elif (r := _reference(v)) is not None:
            refs.append((*r, "-W" in v))
            last_is_ref = True
        else:
            last_is_ref = False
        out.append((s, e, v, mod))
    return out


_AGE = re.compile(r"(?i)^(?:aged? )?\d{1,3}(?:[- ](?:years?|months?|weeks?|days?)[- ]old)?$")


def is_age(text: str) -> bool:
    """'47' (in 'Ana Ruiz, 47,'), '6-year-old': an age spaCy labels DATE, not a time."""
    return bool(_AGE.match(text.strip()))


def duration(text: str) -> Optional[str]:
    """'two months' -> 'P2M'; None when the text is not a plain duration."""
    m = _DURATION.match(text.strip())
    if not m:
        return None
    n = _num(m.group(1))
    if n is None:
        return None
    unit = m.group(2).lower()
    if unit == "decade":
        return f"P{n * 10}Y"
    return f"P{n}{ {'day': 'D', 'week': 'W', 'month': 'M', 'year': 'Y'}[unit] }"
