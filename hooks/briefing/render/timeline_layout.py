"""Where the timeline's marks go: plain data, no HTML (``timeline.py`` draws it).

A row is one year, twelve equal month cells across (as the axis). Its first lane holds the events of
a day or a few days, one mark per month cell: the event itself when it is alone in its month, else a
group with its count, so that no two marks overlap even on a phone (a cell is at least 24 px wide
at 390 px). Periods of about a month or more, and dates known to the month or the year, lie in lanes
of their own below it, packed so that none covers another, and none covers a point. A crowded year
(more than ``MAX_MARKS_PER_YEAR`` events) draws everything but the year-only dates month by month.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from briefing.structure import Event, Precision

MAX_MARKS_PER_YEAR = 12
"""Above this many events in a year, its row shows months with their counts (and one band for the
dates known only to the year): a row then holds at most 13 marks, whatever the size of the archive."""
SPAN_DAYS = 28
"""A range of days at least this long is drawn as a period in a lane of its own; a shorter one as a point."""
LANE_GAP_DAYS = 5
"""Periods closer than this in time go to different lanes, so that their ends never touch."""
MIN_SPAN_CELLS = 1.0
"""A period is given at least one month's width when lanes are packed (its mark is at least that wide)."""


@dataclass(frozen=True)
class Span:
    """A period on its lane, in month cells from January 1st (0 to 12)."""

    event: Event
    left: float
    right: float


@dataclass
class Cell:
    """The events of a month (1-12) drawn as one mark of the first lane; month 0: the whole year."""

    month: int
    events: list[Event] = field(default_factory=list)


@dataclass
class Row:
    year: int
    cells: list[Cell]
    lanes: list[list[Span]]
    crowded: bool
    year_band: Cell | None = None
    """In a crowded row, the dates known only to the year, drawn as one band with their count."""


def position(day: dt.date) -> float:
    """A day's place in its year, in month cells (1 March -> 2.0)."""
    days = calendar.monthrange(day.year, day.month)[1]
    return day.month - 1 + (day.day - 1) / days


def is_span(event: Event) -> bool:
    start, end = event.when.start, event.when.end or event.when.start
    if start.precision is not Precision.DAY or end.precision is not Precision.DAY:
        return True
    return (end.last_day() - start.first_day()).days + 1 >= SPAN_DAYS


def is_year_only(event: Event) -> bool:
    return event.when.start.precision is Precision.YEAR and event.when.end is None


def span_in(event: Event, year: int) -> tuple[float, float]:
    """(left, right) of the part of ``year`` an event covers, in month cells."""
    start = max(event.when.start.first_day(), dt.date(year, 1, 1))
    last = min((event.when.end or event.when.start).last_day(), dt.date(year, 12, 31))
    right = 12.0 if last == dt.date(year, 12, 31) else position(last + dt.timedelta(days=1))
    return position(start), right


def _pack(spans: list[Span]) -> list[list[Span]]:
    """First-fit lanes, longest first among those starting together; a lane's periods never meet."""
    gap = LANE_GAP_DAYS / 30
    lanes: list[list[Span]] = []
    ends: list[float] = []
    for span in sorted(spans, key=lambda s: (s.left, -s.right, s.event.id)):
        reach = max(span.right, span.left + MIN_SPAN_CELLS)
        for i, end in enumerate(ends):
            if span.left >= end + gap:
                lanes[i].append(span)
                ends[i] = reach
                break
        else:
            lanes.append([span])
            ends.append(reach)
    return lanes


def _cell_month(event: Event, year: int) -> int:
    """The month of ``year`` a grouped event counts in: its start's, January if it began earlier."""
    start = event.when.start
    return (start.month or 1) if start.year == year else 1


def layout_row(year: int, events: list[Event]) -> Row:
    """The marks of one year's row for the events that touch it (in chronological order)."""
    crowded = len(events) > MAX_MARKS_PER_YEAR
    cells: dict[int, Cell] = {}
    spans: list[Span] = []
    for event in events:
        if crowded and is_year_only(event):
            cells.setdefault(0, Cell(0)).events.append(event)
        elif crowded or not is_span(event):
            month = _cell_month(event, year)
            cells.setdefault(month, Cell(month)).events.append(event)
        else:
            spans.append(Span(event, *span_in(event, year)))
    year_band = cells.pop(0, None)
    return Row(year, [cells[m] for m in sorted(cells)], _pack(spans), crowded, year_band)


LABELS_PER_ROW = 3
LABEL_CELLS = 4.0
"""A label takes a third of the row (about a hundred pixels on a phone), three months at the least."""


def place_labels(cells: list[Cell], weight: dict[str, int], year: int) -> list[tuple[Cell, float, float, bool]]:
    """(cell, left, right, right-aligned) of the labels of a row, in cells: single events cited by
    letters (``weight``: event id -> number of letters), the most cited first, at most
    ``LABELS_PER_ROW``, none over another. A label starts at its mark, or ends there when there is
    no room after it."""
    candidates = [c for c in cells if c.month and len(c.events) == 1 and weight.get(c.events[0].id)]
    candidates.sort(key=lambda c: (-weight[c.events[0].id], c.month))
    taken: list[tuple[Cell, float, float, bool]] = []
    for cell in candidates:
        if len(taken) == LABELS_PER_ROW:
            break
        first = cell.events[0].when.start.first_day()
        at = position(first) if first.year == year else 0.0
        for left, right, end in ((at, min(12.0, at + LABEL_CELLS), False), (max(0.0, at - LABEL_CELLS), at, True)):
            if right - left >= LABEL_CELLS - 1 and all(right <= a or left >= b for _, a, b, _ in taken):
                taken.append((cell, left, right, end))
                break
    return sorted(taken, key=lambda t: t[1])
