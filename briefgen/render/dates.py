"""Readable forms of ISO 8601 date values for the templates."""
from __future__ import annotations

import calendar
import re
from datetime import date


def humanize(value: str | None) -> str:
    """'2024-02-29/2024-03-02' -> '29 February - 2 March 2024', '2023-10' -> 'October 2023'."""
    if not value:
        return ""
    if "/" in value:
        a, b = value.split("/", 1)
        ha, hb = humanize(a), humanize(b)
        if ha.endswith(hb[-4:]) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", a):
            ha = ha[:-5]
        return f"{ha} – {hb}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        d = date(*map(int, m.groups()))
        return f"{d.day} {calendar.month_name[d.month]} {d.year}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{calendar.month_name[int(m.group(2))]} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", value):
        sat = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6)
        return f"weekend of {sat.day} {calendar.month_name[sat.month]} {sat.year}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        mon = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return f"week of {mon.day} {calendar.month_name[mon.month]} {mon.year}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"Q{m.group(2)} {m.group(1)}"
    return value
