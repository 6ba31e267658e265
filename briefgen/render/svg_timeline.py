"""The timeline strip: the briefing's events on one time axis, past and upcoming either side of the briefing date."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, timedelta

from briefgen.models import Briefing, Event
from briefgen.render.dates import humanize
from briefgen.render.svg import clip, num, svg_root, text_width, to_string

WIDTH = 640.0  # viewBox units; drawn at the text column's width, so 1 unit is about 0.75 pt on A4
MARGIN = 14.0
FONT = 9.5  # label size in viewBox units (about 7 pt in print)
LANE = 13.0  # height of one row of labels
MAX_LANES = 10  # rows above and below the axis together; more and the strip is grouped more coarsely
LABEL_CHARS = (32, 20, 12)  # characters of an event's words in its label: the longest that fits
GAP = 6.0
LEVELS = ("event", "week", "month", "quarter", "year")
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass
class Mark:
    """One marker on the axis: an event, or a group of events of one week, month, quarter or year."""

    events: list[Event]
    days: list[date]
    upcoming: bool
    label: str = ""
    when: str = ""
    x: float = 0.0
    lane: int = 0
    box: tuple[float, float] = field(default=(0.0, 0.0))


def timeline_svg(briefing: Briefing, css: str = "") -> str:
    """The briefing's timeline as an SVG strip (empty string when there are no dated events)."""
    dated = [(e, d) for e in briefing.timeline if (d := _day(e.sort_key)) is not None]
    if not dated:
        return ""
    dated, earlier, later = _focus(dated, briefing.date)
    # Past and upcoming as seen on the briefing date, so the markers agree with the line that divides them.
    ahead = {id(e) for e, d in dated if d > briefing.date or (d == briefing.date and e.upcoming)}
    source_no = {s.path: s.number for s in briefing.sources}
    first = min([d for _, d in dated] + [briefing.date])
    last = max([d for _, d in dated] + [briefing.date])
    pad = timedelta(days=max(1, (last - first).days // 40))
    # (a date near the calendar's ends, 1 January 1 or 31 December 9999, leaves no room to pad)
    lo = first - pad if first - date.min > pad else date.min
    hi = last + pad if date.max - last > pad else date.max

    def x_of(d: date) -> float:
        return MARGIN + (WIDTH - 2 * MARGIN) * (d - lo).days / max(1, (hi - lo).days)

    for level, chars in [(lv, c) for lv in LEVELS for c in LABEL_CHARS]:
        marks = _group(dated, level, source_no, chars, ahead)
        for m in marks:
            m.x = sum(x_of(d) for d in m.days) / len(m.days)
        lanes = _stack(marks)
        if sum(lanes) <= MAX_LANES:
            break

    above, below = lanes
    top = 24.0  # the caption row: past, briefing date, upcoming
    axis_y = top + above * LANE + 6
    notes = [n for n in (_outside(earlier, "earlier"), _outside(later, "later")) if n]
    height = axis_y + 18 + below * LANE + 4 + LANE * len(notes)
    n_past = sum(1 for e, _ in dated if id(e) not in ahead)
    grouped = "" if level == "event" else f" Shown grouped by {level}; the list below gives every event."
    desc = (f"{len(dated)} dated event{'s' * (len(dated) != 1)} from {_long(first)} to {_long(last)}: "
            f"{n_past} up to the briefing date ({_long(briefing.date)}), {len(dated) - n_past} upcoming.{grouped}"
            + "".join(f" {n}." for n in notes))
    root = svg_root(WIDTH, height, ident="timeline-strip", klass="timeline-strip-svg",
                    title=f"Timeline of {briefing.title}", desc=desc, css=css)

    axis = ET.SubElement(root, "g", {"class": "axis"})
    ET.SubElement(axis, "line", {"class": "axis-line", "x1": num(MARGIN), "y1": num(axis_y), "x2": num(WIDTH - MARGIN), "y2": num(axis_y)})
    for d, text in _ticks(lo, hi):
        x = x_of(d)
        ET.SubElement(axis, "line", {"class": "tick", "x1": num(x), "y1": num(axis_y), "x2": num(x), "y2": num(axis_y + 4)})
        half = text_width(text, FONT * 0.9) / 2  # tick labels are set smaller than event labels
        lx = min(max(x, MARGIN / 2 + half), WIDTH - MARGIN / 2 - half)  # a label at either end stays on the page
        ET.SubElement(axis, "text", {"class": "tick-label", "x": num(lx), "y": num(axis_y + 14), "text-anchor": "middle"}).text = text

    _briefing_date(root, x_of(briefing.date), briefing.date, axis_y)

    leaders = ET.SubElement(root, "g", {"class": "leaders"})
    labels = ET.SubElement(root, "g", {"class": "labels"})
    markers = ET.SubElement(root, "g", {"class": "markers"})
    for m in marks:
        side = "upcoming" if m.upcoming else "past"
        # lane -1 is the row just above the axis, -2 the one above it; 0 the row just below, 1 the next
        y = axis_y - 8 - (-m.lane - 1) * LANE if m.lane < 0 else axis_y + 18 + (m.lane + 1) * LANE - 2
        end = y + 3 if m.lane < 0 else y - FONT + 1
        ET.SubElement(leaders, "line", {"class": f"leader {side}", "x1": num(m.x), "y1": num(axis_y), "x2": num(m.x), "y2": num(end)})
        label = ET.SubElement(labels, "g", {"class": f"label {side}"})
        ET.SubElement(label, "rect", {"class": "label-bg", "x": num(m.box[0] - 1), "y": num(y - FONT + 1),
                                      "width": num(m.box[1] - m.box[0] + 2), "height": num(FONT + 2)})
        text = ET.SubElement(label, "text", {"x": num(m.box[0] + 2), "y": num(y)})
        ET.SubElement(text, "tspan", {"class": "when"}).text = m.when + " "
        ET.SubElement(text, "tspan", {"class": "what"}).text = m.label
        kind = "event" if len(m.events) == 1 else "cluster"
        r = 3.5 if kind == "event" else min(8.0, 3.0 + 1.2 * len(m.events) ** 0.5)
        dot = ET.SubElement(markers, "circle", {"class": f"marker {kind} {side}", "cx": num(m.x), "cy": num(axis_y), "r": num(r),
                                                "data-count": str(len(m.events))})
        ET.SubElement(dot, "title").text = f"{m.when}: {m.label}"
    for i, note in enumerate(notes):
        ET.SubElement(root, "text", {"class": "side note", "x": num(MARGIN), "y": num(height - 6 - (len(notes) - 1 - i) * LANE)}).text = note
    return to_string(root)


#: Entries further than this from the strip's reference date are background; the strip leaves them to the list.
FOCUS_DAYS = 548  # about 18 months


def _focus(dated: list[tuple[Event, date]], today: date) -> tuple[list, list, list]:
    """(shown, earlier, later): the entries of the period the briefing is about, and those outside it.

    The period runs from the earliest entry within FOCUS_DAYS before the briefing date (or before the latest
    entry, for a briefing written long after its events) to the last entry within FOCUS_DAYS after it. One
    date from 1956 in a briefing about April 2000 would otherwise squeeze every recent event into the
    axis's last millimetres. Entries are left out only when few (under a third) and when the period is
    much shorter than the whole span (under half); a history that spreads over decades keeps its axis.
    """
    days = sorted(d for _, d in dated)
    ref = today if any(0 <= (today - d).days <= FOCUS_DAYS for d in days) else max((d for d in days if d <= today), default=days[0])
    start = min((d for d in days if 0 <= (ref - d).days <= FOCUS_DAYS), default=ref)
    stop = max((d for d in days if 0 <= (d - ref).days <= FOCUS_DAYS), default=ref)
    earlier = [(e, d) for e, d in dated if d < start]
    later = [(e, d) for e, d in dated if d > stop]
    shown = [(e, d) for e, d in dated if start <= d <= stop]
    whole = (max(days[-1], today) - min(days[0], today)).days
    part = (max(stop, today) - min(start, today)).days
    if not shown or 3 * (len(earlier) + len(later)) >= len(dated) or 2 * part >= whole:
        return dated, [], []
    return shown, earlier, later


def _outside(items: list[tuple[Event, date]], which: str) -> str:
    """The caption for entries left off the strip: '3 earlier entries (1956–1999) in the list below'."""
    if not items:
        return ""
    years = sorted({d.year for _, d in items})
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return f"{len(items)} {which} entr{'ies' if len(items) != 1 else 'y'} ({span}) in the list below"


#: Words that open a clause taken from the middle of a sentence ("… that Russia invited ...", "… where the
#: ship landed ..."): a label reads better from the clause's own subject.
_OPENERS = frozenset("that where which who whom whose when while and but".split())


def _words(text: str, chars: int) -> str:
    """The event's opening words (a leading ellipsis from a shortened clause dropped: the label is short anyway),
    without the subordinating or linking word that opens a clause cut from the middle of a sentence."""
    t = text.strip()
    if t.startswith("…"):
        t = t.lstrip("…").strip()
        first, _, rest = t.partition(" ")
        if first.lower() in _OPENERS and rest.strip():
            t = rest.strip()
    return clip(t, chars)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _short(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def _when(e: Event, years: bool = False) -> str:
    """The event's date as told, short: '7 Oct', 'late Feb 2024', '29 Feb – 2 Mar' (not the day it is drawn at);
    with `years` (an axis over more than a year) a day or span of days gets its year: '8 Nov 2016'."""
    text = humanize(e.date, e.mod, short=True) or _short(_day(e.sort_key))
    if years and not re.search(r"\d{4}", text):
        text += f" {(_day(e.end_key or e.sort_key) or _day(e.sort_key)).year}"
    return text


def _long(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _key(d: date, level: str):
    if level == "week":
        return d - timedelta(days=d.weekday())
    if level == "month":
        return (d.year, d.month)
    if level == "quarter":
        return (d.year, (d.month - 1) // 3 + 1)
    return d.year


def _group_name(key, level: str, years: bool = False) -> str:
    if level == "week":
        return f"Week of {_long(key) if years else _short(key)}"
    if level == "month":
        return f"{MONTHS[key[1] - 1]} {key[0]}"
    if level == "quarter":
        return f"Q{key[1]} {key[0]}"
    return str(key)


def _sources(events: list[Event], source_no: dict[str, int]) -> str:
    numbers = sorted({source_no[e.source] for e in events if e.source in source_no})
    if not numbers:
        return ""
    shown = ", ".join(str(n) for n in numbers[:3])
    return f" [{shown}{', …' if len(numbers) > 3 else ''}]"


def _group(dated: list[tuple[Event, date]], level: str, source_no: dict[str, int], chars: int, ahead: set[int]) -> list[Mark]:
    """One mark per event, or per week/month/... and side of the briefing date, in date order."""
    years = (max(d for _, d in dated) - min(d for _, d in dated)).days > 300  # days of several years need theirs
    if level == "event":
        return [Mark([e], [d], id(e) in ahead, label=_words(e.text, chars) + _sources([e], source_no), when=_when(e, years))
                for e, d in sorted(dated, key=lambda ed: (ed[1], ed[0].source or "", ed[0].paragraph))]
    groups: dict[tuple, list[tuple[Event, date]]] = {}
    for e, d in dated:
        # a date vaguer than the group (a year among weeks) is not in the week it starts: it keeps its own mark
        key = ("as told", e.date, e.mod) if _coarseness(e) > LEVELS.index(level) else _key(d, level)
        groups.setdefault((key, id(e) in ahead), []).append((e, d))
    marks = []
    for (key, upcoming), items in sorted(groups.items(), key=lambda kv: (min(d for _, d in kv[1]), kv[0][1])):
        events = [e for e, _ in items]
        n = len(events)
        label = _words(events[0].text, chars) if n == 1 else f"{n} events"
        own = n == 1 or (isinstance(key, tuple) and key[0] == "as told")
        marks.append(Mark(events, [d for _, d in items], upcoming, label=label + _sources(events, source_no),
                          when=_when(events[0], years) if own else _group_name(key, level, years)))
    return marks


def _coarseness(e: Event) -> int:
    """How vague the event's date is, on the scale of LEVELS: a day 0, a week 1, a month 2, a quarter 3, a year 4."""
    first, last = _day(e.sort_key), _day(e.end_key or e.sort_key)
    days = (last - first).days if first and last else 0
    return next(i for i, limit in enumerate((1, 7, 31, 92, 10**9)) if days < limit)


def _stack(marks: list[Mark]) -> tuple[int, int]:
    """Give each label a row where it overlaps no other label; return the rows used above and below the axis.

    Labels take rows by first fit in date order, cluster by cluster (labels that overlap, directly or
    through others). A cluster that needs r rows puts its first rows above the axis and the rest below,
    so its labels read in date order from top to bottom; a lone label sits just above the axis.
    """
    for m in marks:
        w = text_width(f"{m.when} {m.label}", FONT) + 4
        # A label starts at its marker, or as far right as it can when the edge is near; it always covers the marker.
        left = max(2.0, min(m.x, WIDTH - 2 - w))
        m.box = (left, left + w)
    clusters: list[list[Mark]] = []
    reach = float("-inf")  # right edge of the current cluster
    for m in sorted(marks, key=lambda m: m.box):
        if not clusters or m.box[0] >= reach + GAP:
            clusters.append([])
        clusters[-1].append(m)
        reach = max(reach, m.box[1])
    above = below = 0
    order = {id(m): i for i, m in enumerate(marks)}  # marks come in date order
    for cluster in clusters:
        lanes: list[list[tuple[float, float]]] = []
        for m in sorted(cluster, key=lambda m: order[id(m)]):
            m.lane = next((i for i, boxes in enumerate(lanes)
                           if all(b[1] + GAP <= m.box[0] or m.box[1] + GAP <= b[0] for b in boxes)), len(lanes))
            if m.lane == len(lanes):
                lanes.append([])
            lanes[m.lane].append(m.box)
        rows = len(lanes)
        up = (rows + 1) // 2
        for m in cluster:
            m.lane = m.lane - up  # rows 0 .. up-1 go above the axis (-up .. -1), the rest below (0 ..)
        above, below = max(above, up), max(below, rows - up)
    return max(1, above), below


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """Dates and labels for the axis: days, weeks, months, quarters or years, whichever gives at most 8."""
    span = (hi - lo).days
    # every day of the span only when it is short: months from their first days, years from their numbers
    days = [lo + timedelta(days=i) for i in range(span + 1)] if span <= 800 else []
    months = [date(y, m, 1) for y in range(lo.year, hi.year + 1) for m in range(1, 13)
              if lo <= date(y, m, 1) <= hi] if span <= 8000 else []
    years = [date(y, 1, 1) for y in range(lo.year, hi.year + 1) if lo <= date(y, 1, 1) <= hi]
    choices = [
        ([d for d in days], _short),
        ([d for d in days if d.weekday() == 0], _short),
        (months, _month),
        ([d for d in months if d.month in (1, 4, 7, 10)], lambda d: f"Q{(d.month - 1) // 3 + 1} {d.year}"),
        *[([d for d in years if d.year % step == 0], lambda d: str(d.year))
          for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000)],
    ]
    for picked, fmt in choices:
        if 2 <= len(picked) <= 8:
            # The first tick carries the year, so the reader knows which one the axis is in.
            first = {_short: _long, _month: lambda d: f"{MONTHS[d.month - 1]} {d.year}"}.get(fmt, fmt)
            return [(d, fmt(d) if i else first(d)) for i, d in enumerate(picked)]
    return [(lo, _long(lo)), (hi, _long(hi))]


def _month(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}" if d.month == 1 else MONTHS[d.month - 1]


def _briefing_date(root: ET.Element, x: float, day: date, axis_y: float) -> None:
    """The briefing-date line, its label, and 'Past' / 'Upcoming' captions on either side when they fit."""
    g = ET.SubElement(root, "g", {"class": "now"})
    ET.SubElement(g, "line", {"class": "now-line", "x1": num(x), "y1": num(16), "x2": num(x), "y2": num(axis_y + 5)})
    text = f"Briefing date {_long(day)}"
    w = text_width(text, FONT)
    cx = min(max(x, MARGIN + w / 2), WIDTH - MARGIN - w / 2)
    ET.SubElement(g, "text", {"class": "now-label", "x": num(cx), "y": num(11), "text-anchor": "middle"}).text = text
    left, right = "← Past", "Upcoming →"
    if MARGIN + text_width(left, FONT) + GAP < cx - w / 2:
        ET.SubElement(g, "text", {"class": "side past", "x": num(MARGIN), "y": num(11)}).text = left
    if cx + w / 2 + GAP < WIDTH - MARGIN - text_width(right, FONT):
        ET.SubElement(g, "text", {"class": "side upcoming", "x": num(WIDTH - MARGIN), "y": num(11), "text-anchor": "end"}).text = right
