"""The calendar interval an ISO 8601 value names (no spaCy: aggregation and rendering use it too)."""
from __future__ import annotations

import calendar
import re

_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-([QH])([1-4])$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 12)}


def bounds(value: str) -> tuple[str, str] | None:
    """First and last calendar day of an ISO value (day, month, year, week, weekend, quarter, season, range)."""
    from datetime import date

    if not value or value.startswith("P"):
        return None
    if "/" in value:
        a, b = bounds(value.split("/", 1)[0]), bounds(value.split("/", 1)[1])
        return (a[0], b[1]) if a and b else None
    try:
        if m := _DAY.match(value):
            y, mo, d = int(m.group(1)), m.group(2), m.group(3)
            if d:
                return value, value
            if mo:
                last = calendar.monthrange(y, int(mo))[1]
                return f"{y:04d}-{mo}-01", f"{y:04d}-{mo}-{last:02d}"
            return f"{y:04d}-01-01", f"{y:04d}-12-31"
        if m := _WEEK.match(value):
            y, w = int(m.group(1)), int(m.group(2))
            first = date.fromisocalendar(y, w, 6 if m.group(3) else 1)
            return first.isoformat(), date.fromisocalendar(y, w, 7).isoformat()
        if m := _QUARTER.match(value):
            y, n = int(m.group(1)), int(m.group(3))
            months = 3 if m.group(2) == "Q" else 6
            a, b = (n - 1) * months + 1, n * months
            return f"{y:04d}-{a:02d}-01", f"{y:04d}-{b:02d}-{calendar.monthrange(y, b)[1]:02d}"
        if m := re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value):
            y = int(m.group(1))
            a, b = _SEASON_MONTHS[m.group(2)]
            return f"{y:04d}-{a:02d}-01", f"{y:04d}-{b:02d}-{calendar.monthrange(y, b)[1]:02d}"
    except ValueError:
        return None
    return None


def sort_key(value: str) -> str | None:
    """First calendar day of an ISO value, for ordering ('2024-02' -> '2024-02-01')."""
    b = bounds(value or "")
    return b[0] if b else None


def narrow(value: str, mod: str | None, b: tuple[str, str]) -> tuple[str, str]:
    """The part of a month or year that early / mid / late names, so 'late February' sorts after the 16th."""
    if mod not in ("early", "mid", "late") or "/" in value:
        return b
    if re.fullmatch(r"\d{4}-\d{2}", value):
        parts = {"early": ("01", "10"), "mid": ("11", "20"), "late": ("21", b[1][-2:])}[mod]
        return f"{value}-{parts[0]}", f"{value}-{parts[1]}"
    if re.fullmatch(r"\d{4}", value):
        parts = {"early": ("01-01", "04-30"), "mid": ("05-01", "08-31"), "late": ("09-01", "12-31")}[mod]
        return f"{value}-{parts[0]}", f"{value}-{parts[1]}"
    return b
