"""Readable forms of ISO 8601 date values for the templates and the timeline picture."""
from __future__ import annotations

import calendar
import re
from datetime import date

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_ABBR = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
#: How a modifier the text gave reads in front of the date ("late February 2024", "after 7 October 2023").
_MOD = {"early": "early ", "mid": "mid-", "late": "late ", "before": "before ", "after": "after "}


def humanize(value: str | None, mod: str | None = None, short: bool = False) -> str:
    """'2024-02-29/2024-03-02' -> '29 February – 2 March 2024', '2023-10' -> 'October 2023'.

    `mod` ("early", "mid", "late", "before", "after") is put in front: 'late February 2024'.
    `short` gives abbreviated months and leaves out the year of a day or span of days, for labels
    beside an axis that shows the years: '7 Oct', 'late Feb 2024', '29 Feb – 2 Mar'.
    """
    if not value:
        return ""
    text = _plain(value, short)
    if mod in _MOD and re.match(r"\d{4}", value):
        text = _MOD[mod] + text
    return text


def _month(n: int, short: bool) -> str:
    return _ABBR[n - 1] if short else calendar.month_name[n]


def _day(d: date, short: bool) -> str:
    return f"{d.day} {_month(d.month, short)}" + ("" if short else f" {d.year}")


def _plain(value: str, short: bool) -> str:
    if "/" in value:
        a, b = value.split("/", 1)
        ha, hb = _plain(a, short), _plain(b, short)
        if not short and ha.endswith(hb[-4:]) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", a):
            ha = ha[:-5]
        return f"{ha} – {hb}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return _day(date(*map(int, m.groups())), short)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{_month(int(m.group(2)), short)} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", value):
        sat = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6)
        return f"weekend of {_day(sat, short)}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        mon = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return f"week of {_day(mon, short)}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"Q{m.group(2)} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return f"H{m.group(2)} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{_SEASONS[m.group(2)]} {m.group(1)}"
    if re.fullmatch(r"\d{4}", value):
        return value
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}).*", value):
        return f"{_day(date(*map(int, m.groups()[:3])), short)}, {m.group(4)}:{m.group(5)}"
    return value
