"""A visual timeline drawn at build time in HTML and CSS: one row per year, months across.

No script and nothing fetched: every mark is a generated link (``html.link``: checked and made
relative for the page, so it works from ``file://``), placed by an inline ``left``/``width`` percentage.
The timeline is HTML, not Markdown: hundreds of marks cost Python-Markdown far more than they weigh.
A year with many events shows one mark per month with its count instead of one per event, so
the page stays small whatever the size of the corpus (at most ``MAX_MARKS_PER_YEAR`` marks or
13 clusters per year). Withheld stand-ins are neutral marks without a link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from briefing.load.dates import format_month_heading, format_when, month_name
from briefing.render import html, markup
from briefing.structure import Event, Precision

MAX_MARKS_PER_YEAR = 12
"""Above this many events in a year, its row shows months with their counts: a row then holds at most
13 marks, so a timeline of twenty years stays under about 80 KB whatever the size of the archive."""

Target = tuple[str, str | None]
"""Where a link leads: a file by its path under ``docs/``, and an anchor."""
YearLink = Callable[[int], Target | None]
MonthLink = Callable[[int, int | None], Target]


@dataclass(frozen=True)
class _Span:
    left: float
    width: float


def _year_span(event: Event, year: int) -> _Span:
    """The part of ``year`` an event covers, in percent of the year."""
    first = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - first).days
    start = max(event.when.start.first_day(), first)
    end = min((event.when.end or event.when.start).last_day(), dt.date(year, 12, 31))
    return _Span(100 * (start - first).days / days, 100 * ((end - start).days + 1) / days)


def _years_of(event: Event) -> range:
    end = event.when.end or event.when.start
    return range(event.when.start.year, end.year + 1)


def _style(span: _Span, nudge: int = 0) -> str:
    shift = f";margin-left:{0.5 * nudge:.1f}rem" if nudge else ""
    return f"left:{span.left:.2f}%;width:{span.width:.2f}%{shift}"


SHORT_RANGE_DAYS = 14
"""A range of days up to this long is drawn as a point: a sliver of a band would be hard to see and to tap."""


_kinds = html.KeptPerObject()
_marks = html.KeptPerObject()


def _kind(event: Event) -> str:
    return _kinds.get(event.id, event, lambda: _find_kind(event))


def _find_kind(event: Event) -> str:
    start, end = event.when.start, event.when.end or event.when.start
    days = (end.last_day() - start.first_day()).days + 1
    extended = start.precision is not Precision.DAY or end.precision is not Precision.DAY or days > SHORT_RANGE_DAYS
    if event.when.start.precision is Precision.YEAR:
        return "tl-span tl-span-year"
    return "tl-span" if extended else "tl-point"


def _render_mark(event: Event, year: int, nudge: int = 0) -> str:
    """A link (or a neutral span if withheld); ``nudge`` shifts points of the same day side by side.
    An event is drawn on the timelines of each of its entities: its mark is built once."""
    return _marks.get((event.id, year, nudge), event, lambda: _build_mark(event, year, nudge))


def _build_mark(event: Event, year: int, nudge: int) -> str:
    span, date = _year_span(event, year), format_when(event.when)
    if event.withheld:
        label = f"{date} : réservé aux abonnés"
        return (f'<span class="tl-mark tl-withheld {_kind(event)}" style="{_style(span, nudge)}" '
                f'title="{html.text(label)}"></span>')
    label = f"{date} : {event.title}"
    return html.link(html.text(label), markup.event_uri(event.id), classes=f"tl-mark {_kind(event)}",
                     style=_style(span, nudge), title=label)


def _render_clusters(events: list[Event], year: int, month_link: MonthLink) -> list[str]:
    """One mark per month (by start month) with its count; year-only events as one band."""
    counts: dict[int | None, list[Event]] = {}
    for event in events:
        month = event.when.start.month if event.when.start.year == year else 1
        counts.setdefault(month, []).append(event)
    peak = max(len(group) for group in counts.values())
    marks = []
    for month in sorted(counts, key=lambda m: m or 0):
        group = counts[month]
        withheld = sum(e.withheld for e in group)
        period = format_month_heading(year, month) if month else f"Année {year} (date à l’année)"
        label = f"{period} : {len(group)} événement{'s' if len(group) > 1 else ''}"
        if withheld:
            label += f", dont {withheld} réservé{'s' if withheld > 1 else ''} aux abonnés"
        if month:
            first = dt.date(year, 1, 1)
            days = (dt.date(year + 1, 1, 1) - first).days
            start = dt.date(year, month, 1)
            end = dt.date(year + month // 12, month % 12 + 1, 1)
            span = _Span(100 * (start - first).days / days, 100 * (end - start).days / days)
            classes = "tl-mark tl-cluster"
        else:
            span, classes = _Span(0, 100), "tl-mark tl-span tl-span-year"
        level = 1 + round(3 * (len(group) - 1) / max(peak - 1, 1))
        marks.append(html.link(str(len(group)), *month_link(year, month), classes=f"{classes} tl-level-{level}",
                               style=_style(span), title=label))
    return marks


_LEGEND = {
    "point": "un événement",
    "span": "une période, ou une date au mois près",
    "year": "une date à l’année près",
    "withheld": "réservé aux abonnés",
}


def _render_legend(events: list[Event]) -> str:
    """Keys for the kinds of marks this timeline shows, and nothing else."""
    kinds = {
        "withheld" if e.withheld else _kind(e).split()[-1].removeprefix("tl-").removeprefix("span-") for e in events
    }
    keys = [f'<span class="tl-key tl-key-{k}"></span> {label}' for k, label in _LEGEND.items() if k in kinds]
    return f'<p class="tl-legend">{" ".join(keys)}</p>\n'


def _axis() -> str:
    initials = "".join(f"<span>{month_name(m)[:1].upper()}</span>" for m in range(1, 13))
    return f'<div class="tl-axis" aria-hidden="true"><span class="tl-axis-year"></span>{initials}</div>'


def _render_row(year: int, row: list[Event], year_link: YearLink, month_link: MonthLink) -> str:
    if len(row) > MAX_MARKS_PER_YEAR:
        marks = _render_clusters(row, year, month_link)
    else:  # extended marks first, so that points are drawn over them
        ordered = sorted(row, key=lambda e: (_kind(e) == "tl-point", e.when.sort_key(), e.id))
        seen: dict[tuple[str, float], int] = {}
        marks = []
        for event in ordered:
            place = (_kind(event), round(_year_span(event, year).left, 1))
            marks.append(_render_mark(event, year, seen.get(place, 0) if place[0] == "tl-point" else 0))
            seen[place] = seen.get(place, 0) + 1
    # link the year only where an event starts in it (pages and anchors are by start year)
    target = year_link(year) if any(e.when.start.year == year for e in row) else None
    label = html.link(str(year), *target) if target else str(year)
    track = f'<div class="tl-track">{" ".join(marks)}</div>'
    return f'<div class="tl-row"><div class="tl-year">{label}</div>{track}</div>\n'



def render_timeline(events: list[Event], *, year_link: YearLink, month_link: MonthLink, caption: str) -> str:
    """The HTML of the timeline of ``events`` (links by ``html.link``), or "" when there are none."""
    if not events:
        return ""
    rows: dict[int, list[Event]] = {}
    for event in events:
        for year in _years_of(event):
            rows.setdefault(year, []).append(event)
    first, last = min(rows), max(rows)
    blocks = [
        f'<div class="briefing-timeline">\n<p class="tl-caption">{html.text(caption)}</p>\n{_axis()}\n'
    ]
    year = first
    while year <= last:
        if year not in rows:  # a run of empty years reads as one thin gap row
            gap_end = year
            while gap_end + 1 not in rows:
                gap_end += 1
            label = str(year) if gap_end == year else f"{year}–{str(gap_end)[-2:]}"
            blocks.append(
                f'<div class="tl-row tl-gap"><div class="tl-year">{label}</div><div class="tl-track"></div></div>\n'
            )
            year = gap_end + 1
            continue
        blocks.append(_render_row(year, rows[year], year_link, month_link))
        year += 1
    blocks.append(_render_legend(events))
    blocks.append("</div>\n")
    return "\n".join(blocks)
