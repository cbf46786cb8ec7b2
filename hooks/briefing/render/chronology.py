"""The chronology: every event by year and month, and one page per year."""

from __future__ import annotations

from itertools import groupby

from ..corpus import Corpus
from ..dates import format_month_heading
from ..structure import Event
from . import markup
from .timeline import render_timeline


def _month_key(event: Event) -> int:
    return event.when.start.month or 0


def render_event_list(events: list[Event], heading_level: int = 3, *, year: int) -> str:
    """Events of one year grouped by month; year-precision events come first."""
    blocks = []
    for month, group in groupby(events, key=_month_key):
        heading = format_month_heading(year, month) if month else f"Au cours de l’année {year}"
        anchor = f"{year}-{month:02d}" if month else f"{year}-annee"
        items = "\n".join(f"- {markup.event_line(e)}" for e in group)
        blocks.append(f"{'#' * heading_level} {heading} {{ #{anchor} }}\n\n{items}\n")
    return "\n".join(blocks)


def _by_year(corpus: Corpus) -> dict[int, list[Event]]:
    years: dict[int, list[Event]] = {}
    for event in corpus.chronology:
        years.setdefault(event.when.start.year, []).append(event)
    return years


def _count(events: list[Event]) -> str:
    withheld = sum(e.withheld for e in events)
    total = f"{len(events)} événement" + ("s" if len(events) > 1 else "")
    return total + (f", dont {withheld} réservé" + ("s" if withheld > 1 else "") + " aux abonnés" if withheld else "")


def _year_link(year: int) -> str:
    return markup.link(str(year), markup.href(markup.chronology_year_uri(year)))


def render_chronology_index(corpus: Corpus) -> str:
    years = _by_year(corpus)
    summary = " · ".join(_year_link(y) for y in years)
    sections = [
        markup.front_matter(title="Chronologie", search={"exclude": True}),
        "# Chronologie\n",
        f"Tous les faits, du plus ancien au plus récent ({_count(corpus.chronology)}).\n",
        f"Par année : {summary}\n" if years else "Aucun événement.\n",
        render_timeline(
            corpus.chronology,
            year_link=lambda year: markup.href(markup.chronology_year_uri(year)),
            month_link=lambda year, month: markup.href(
                markup.chronology_year_uri(year), f"{year}-{month:02d}" if month else f"{year}-annee"),
            caption="Frise : un trait par événement, une ligne par année ; touchez un trait pour ouvrir l’événement.",
        ),
    ]
    for year, events in years.items():
        year_link = markup.link("page de l’année", markup.href(markup.chronology_year_uri(year)))
        sections.append(f"## {year} {{ #{year} }}\n\n{_count(events)} · {year_link}\n")
        sections.append(render_event_list(events, 3, year=year))
    return "\n".join(sections)


def render_chronology_years(corpus: Corpus) -> dict[int, str]:
    years = _by_year(corpus)
    ordered = list(years)
    pages = {}
    for i, (year, events) in enumerate(years.items()):
        around = []
        if i > 0:
            around.append("← " + _year_link(ordered[i - 1]))
        around.append(markup.link("Toute la chronologie", markup.href("chronologie/index.md")))
        if i + 1 < len(ordered):
            around.append(_year_link(ordered[i + 1]) + " →")
        pages[year] = "\n".join([
            markup.front_matter(title=f"Chronologie {year}", search={"exclude": True}),
            f"# Chronologie {year}\n",
            f"{_count(events)}.\n",
            render_event_list(events, 2, year=year),
            " · ".join(around) + "\n{ .briefing-neighbours }\n",
        ])
    return pages
