"""A visual timeline drawn at build time in HTML and CSS: one row per year, months across.

No script and nothing fetched: every mark is a generated link (``html.link``: checked and made
relative for the page, so it works from ``file://``), placed by an inline ``left``/``width``
percentage. Each mark is a target of a whole month cell or more (at least 24 px on a 390 px phone),
a link reached by Tab, with its date and title as its accessible name. Where the marks go is worked
out in ``timeline_layout.py``: points on the first lane, grouped by month with their count when a
month has several, periods on lanes of their own below, a visible label for the few events letters
cite. Withheld stand-ins are neutral marks without a link. With ``typeset``, the timeline comes out
typeset (``html.typesetter``): its marks are typeset once, when they are built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sized
from functools import cache

from briefing.load.dates import format_month_heading, format_when, month_name
from briefing.render import html, markup
from briefing.render.timeline_layout import MAX_MARKS_PER_YEAR, Cell, Row, Span, layout_row, place_labels, position
from briefing.structure import Event, Precision

__all__ = ["MAX_MARKS_PER_YEAR", "Target", "render_timeline"]

Target = tuple[str, str | None]
"""Where a link leads: a file by its path under ``docs/``, and an anchor."""
YearLink = Callable[[int], Target | None]
MonthLink = Callable[[int, int | None], Target]
Cited = Mapping[str, Sized]
"""Event id -> the letters citing it (``Corpus.citing_letters``)."""

CELL = 100 / 12
SPAN_LABEL_CELLS = 2.5
"""A cited period shows its title on its bar when the bar is at least this many months long."""
_marks = html.KeptPerObject()


def _style(left: float, right: float) -> str:
    """Cells (0-12) as percentages of the track."""
    return f"left:{left * CELL:.2f}%;width:{(right - left) * CELL:.2f}%"


def _cell_class(month: int) -> str:
    """A month cell's place, by a class (``tl-m3``: March) rather than an inline style: fewer bytes."""
    return f"tl-m{month}"


def member_key(event: Event) -> str:
    """How the filters in the browser know an event among a page's entries: its id, or for a withheld
    stand-in (whose id says nothing to the public) its first and last days, all it can be filtered by."""
    if event.withheld:
        end = (event.when.end or event.when.start).last_day().isoformat()
        return f"w{event.when.start.first_day().isoformat()}/{end}"
    return event.id


def _sr(text: str) -> str:
    """Text for screen readers only (the mark's accessible name)."""
    return f'<span class="tl-sr">{html.text(text)}</span>'


def _mark(event: Event, label: str, classes: str, style: str | None, inner: str) -> str:
    """A link to the event, named by its ``title`` (date and title), or a neutral ``span`` for a
    withheld stand-in, named for screen readers and known to the filters by its dates."""
    if event.withheld:
        styled = f' style="{style}"' if style else ""
        return (f'<span class="tl-mark tl-withheld {classes}"{styled} data-ev="{member_key(event)}">'
                f"{inner}{_sr(label)}</span>")
    return html.link(inner, markup.event_uri(event.id), classes=f"tl-mark {classes}", style=style, title=label)


def _label(event: Event) -> str:
    date = format_when(event.when)
    return f"{date} : réservé aux abonnés" if event.withheld else f"{date} : {event.title}"


def _point(event: Event, year: int, month: int, typeset: bool) -> str:
    """A single event on its month cell; a tick where its first day falls in the month."""
    def build() -> str:
        first = event.when.start.first_day()
        offset = (position(first) - (month - 1)) * 10 if first.year == year else 0.0
        tick = min(9, max(1, round(offset)))  # the tick (CSS) at a tenth of the cell: a class, not a style
        return html.typesetter(typeset, kept=True)(
            _mark(event, _label(event), f"tl-point {_cell_class(month)} tl-t{tick}", None, ""))
    return _marks.get((event.id, year, "point", typeset), event, build)


def _count(events: list[Event]) -> str:
    withheld = sum(e.withheld for e in events)
    text = f"{len(events)} événement{'s' if len(events) > 1 else ''}"
    return text + (f", dont {withheld} réservé{'s' if withheld > 1 else ''} aux abonnés" if withheld else "")


def _group(cell: Cell, year: int, level: int, month_link: MonthLink, members: bool, *, band: bool = False) -> str:
    """Several events as one mark with their count, leading to their month (or year) in the list;
    with ``members``, the events it stands for (``data-ev``), for the filters to count."""
    period = format_month_heading(year, cell.month) if cell.month else f"Année {year} (date à l’année)"
    label = f"{period} : {_count(cell.events)}"
    place = "tl-span tl-span-year tl-m0" if band else _cell_class(cell.month)
    classes = f"tl-mark tl-group tl-level-{level} {place}"
    count = f'<span class="tl-count" aria-hidden="true">{len(cell.events)}</span>'
    inner = (f'<span class="tl-bar"></span><span class="tl-label" aria-hidden="true">{_count(cell.events)}</span>'
             if band else count)
    ev = f' data-ev="{" ".join(member_key(e) for e in cell.events)}"' if members else ""
    if all(e.withheld for e in cell.events):
        return f'<span class="{classes} tl-withheld"{ev}>{inner}{_sr(label)}</span>'
    link = html.link(inner, *month_link(year, cell.month or None), classes=classes, title=label)
    return link.replace("<a ", f"<a{ev} ", 1) if ev else link


def _span(span: Span, year: int, cited: bool, typeset: bool) -> str:
    def build() -> str:
        event, start, end = span.event, span.event.when.start, span.event.when.end or span.event.when.start
        classes = "tl-span" + (" tl-span-year" if start.precision is Precision.YEAR and end is start else "")
        classes += " tl-from-before" if start.year < year else ""
        classes += " tl-to-after" if end.year > year else ""
        inner = '<span class="tl-bar"></span>'
        if cited and not event.withheld and span.right - span.left >= SPAN_LABEL_CELLS:
            classes += " tl-cited"
            inner += f'<span class="tl-label" aria-hidden="true">{html.text(event.title)}</span>'
        return html.typesetter(typeset, kept=True)(_mark(event, _label(event), classes, _style(span.left, span.right),
                                                         inner))
    return _marks.get((span.event.id, year, "span", cited, typeset), span.event, build)


def _labels(row: Row, cited: Cited, typeset: bool) -> str:
    weight = {c.events[0].id: len(cited.get(c.events[0].id, ())) for c in row.cells}
    placed = place_labels(row.cells, weight, row.year)
    if not placed:
        return ""
    t = html.typesetter(typeset)
    labels = "".join(
        f'<span class="tl-label{" tl-label-end" if right else ""}" style="{_style(first, last)}" '
        f'data-ev="{member_key(cell.events[0])}">'
        f"{t(html.text(cell.events[0].title))}</span>"  # a whole text node
        for cell, first, last, right in placed
    )
    return f'<div class="tl-labels" aria-hidden="true">{labels}</div>'


def _render_row(row: Row, cited: Cited, year_link: YearLink, month_link: MonthLink,
                starts_here: bool, members: bool, typeset: bool) -> str:
    groups = [c for c in row.cells if len(c.events) > 1] + ([row.year_band] if row.year_band else [])
    peak = max((len(c.events) for c in groups), default=2)

    def level(cell: Cell) -> int:
        return 1 + round(3 * (len(cell.events) - 2) / max(peak - 2, 1))

    t = html.typesetter(typeset)
    points = "".join(
        _point(c.events[0], row.year, c.month, typeset) if len(c.events) == 1
        else t(_group(c, row.year, level(c), month_link, members)) for c in row.cells
    )
    lanes = [f'<div class="tl-track tl-points">{points}</div>' if points or not row.lanes else "",
             _labels(row, cited, typeset)]
    lanes += [f'<div class="tl-track tl-lane">'
              f'{"".join(_span(s, row.year, bool(cited.get(s.event.id)), typeset) for s in lane)}</div>'
              for lane in row.lanes]
    if row.year_band:
        band = t(_group(row.year_band, row.year, level(row.year_band), month_link, members, band=True))
        lanes.append(f'<div class="tl-track tl-lane">{band}</div>')
    target = year_link(row.year) if starts_here else None  # pages and anchors are by start year
    label = html.link(str(row.year), *target) if target else str(row.year)  # digits: nothing to typeset
    return f'<div class="tl-row"><div class="tl-year">{label}</div><div class="tl-lanes">{"".join(lanes)}</div></div>\n'


_LEGEND = {
    "point": "un événement",
    "group": "plusieurs dans le mois (leur nombre)",
    "span": "une période, ou une date au mois près",
    "year": "une date à l’année près",
    "withheld": "réservé aux abonnés",
}


def _render_legend(rows: list[Row], typeset: bool) -> str:
    """Keys for the kinds of marks this timeline shows, and nothing else."""
    kinds = set()
    for row in rows:
        kinds |= {"group" if len(c.events) > 1 else "point" for c in row.cells}
        kinds |= {"year" if s.event.when.start.precision is Precision.YEAR and not s.event.when.end else "span"
                  for lane in row.lanes for s in lane}
        kinds |= {"year"} if row.year_band else set()
        events = [e for c in row.cells for e in c.events] + [s.event for lane in row.lanes for s in lane]
        kinds |= {"withheld"} if any(e.withheld for e in events) else set()
    return _legend(frozenset(kinds), typeset)


@cache
def _legend(kinds: frozenset[str], typeset: bool) -> str:
    keys = [f'<span class="tl-key tl-key-{k}"></span> {label}' for k, label in _LEGEND.items() if k in kinds]
    return html.typesetter(typeset)(f'<p class="tl-legend">{" ".join(keys)}</p>\n')


@cache
def _axis(typeset: bool) -> str:
    initials = "".join(f"<span>{month_name(m)[:1].upper()}</span>" for m in range(1, 13))
    return html.typesetter(typeset)(
        f'<div class="tl-axis" aria-hidden="true"><span class="tl-axis-year"></span>{initials}</div>')


def _gap(first: int, last: int, typeset: bool) -> str:
    label = html.typesetter(typeset)(str(first) if first == last else f"{first}–{str(last)[-2:]}")
    return f'<div class="tl-row tl-gap"><div class="tl-year">{label}</div><div class="tl-track"></div></div>\n'


def render_timeline(events: list[Event], *, year_link: YearLink, month_link: MonthLink, caption: str,
                    cited: Cited | None = None, years: Iterable[int] | None = None, members: bool = False,
                    typeset: bool = False) -> str:
    """The HTML of the timeline of ``events`` (links by ``html.link``), or "" when there are none.
    ``cited``: the letters citing each event (those get a label); ``years``: only these rows;
    ``members``: the page lists these events as entries, which its filters hide, and the marks follow
    (``data-ev`` on groups: the page's entries bound it)."""
    rows_events: dict[int, list[Event]] = {}
    for event in events:
        end = event.when.end or event.when.start
        for year in range(event.when.start.year, end.year + 1):
            rows_events.setdefault(year, []).append(event)
    if years is not None:
        wanted = set(years)
        rows_events = {y: e for y, e in rows_events.items() if y in wanted}
    if not rows_events:
        return ""
    rows = {year: layout_row(year, group) for year, group in rows_events.items()}
    t = html.typesetter(typeset)
    blocks = [f'<div class="briefing-timeline">\n<p class="tl-caption">{t(html.text(caption))}</p>\n{_axis(typeset)}\n']
    year, last = min(rows), max(rows)
    while year <= last:
        if year not in rows:  # a run of empty years reads as one thin gap row
            gap_end = year
            while gap_end + 1 not in rows:
                gap_end += 1
            blocks.append(_gap(year, gap_end, typeset))
            year = gap_end + 1
            continue
        starts_here = any(e.when.start.year == year for e in rows_events[year])
        blocks.append(_render_row(rows[year], cited or {}, year_link, month_link, starts_here, members, typeset))
        year += 1
    blocks.append(_render_legend(list(rows.values()), typeset))
    blocks.append("</div>\n")
    return "\n".join(blocks)
