"""The chronology: every event by year and month, and one page per year."""

from __future__ import annotations

from functools import partial
from itertools import groupby, pairwise

from briefing.index.corpus import Corpus
from briefing.load.dates import format_month_heading
from briefing.render import html, markup
from briefing.render.entries import Group, render_entries
from briefing.render.filters import render_filter_form
from briefing.render.fragments import Later, Place, one_paragraph
from briefing.render.timeline import Target, render_timeline
from briefing.structure import Event

BEFORE = -1
"""The group of a year page listing the events that began in an earlier year and go on into it."""


def _group_key(event: Event, year: int) -> int:
    """Where an event goes on the page of ``year``: BEFORE, 0 (the year itself) or its month."""
    return BEFORE if event.when.start.year < year else event.when.start.month or 0


def _group_anchor(year: int, month: int) -> str:
    return f"{year}-avant" if month == BEFORE else f"{year}-{month:02d}" if month else f"{year}-annee"


def _year_groups(events: list[Event], heading_level: int, year: int) -> list[Group]:
    """Events of one year grouped by month: those begun earlier first, then the year-precision
    ones, then month by month."""
    return [
        ((heading_level, _month_label(year, month), _group_anchor(year, month)), list(group))
        for month, group in groupby(events, key=lambda e: _group_key(e, year))
    ]


def _by_year(corpus: Corpus) -> dict[int, list[Event]]:
    """The events of each year, oldest first; an event is listed under every year it covers."""
    years: dict[int, list[Event]] = {}
    for event in corpus.chronology:
        last = (event.when.end or event.when.start).year
        for year in range(event.when.start.year, last + 1):
            years.setdefault(year, []).append(event)
    return dict(sorted(years.items()))


def _count(events: list[Event]) -> str:
    withheld = sum(e.withheld for e in events)
    total = f"{len(events)} événement" + ("s" if len(events) > 1 else "")
    return total + (f", dont {withheld} réservé" + ("s" if withheld > 1 else "") + " aux abonnés" if withheld else "")


def _year_link(year: int) -> str:
    return html.link(str(year), markup.chronology_year_uri(year))


YEAR_PAGE_LIMIT = 50
"""A year with more events than this lists its months, each on its own page (or pages, see
MONTH_PAGE_SIZE), so that no page grows with the size of the archive. Fifty entries, as on an entity's
archive page, make a year page of 58-63 KB in the synthetic corpus (26 KB without entries: the theme's
page, the filter form and the frieze; 0.74 KB an entry): no heavier than an entity page (PERFORMANCE.md).
A year just over it is split into its months all the same: a month's address (``chronologie/2023/03/``)
then never changes as the year grows, where any grouping of months would have to be cut again."""
MONTH_PAGE_SIZE = 50
"""A month with more events than this is listed on several pages (``03``, ``03-2``…) of at most this
many, shared out evenly (a month of 52 gives two pages of 26, never a page of 50 and one of 2)."""

MonthPage = tuple[int, int, int, list[Event]]
"""(month, part, parts, events) of one month page: ``part`` counts from 1 among the month's ``parts``."""


def _month_uri(year: int, month: int, part: int = 1) -> str:
    suffix = f"-{part}" if part > 1 else ""
    if month == BEFORE:
        return f"chronologie/{year}/avant{suffix}.md"
    return f"chronologie/{year}/{month:02d}{suffix}.md" if month else f"chronologie/{year}/annee{suffix}.md"


def _month_label(year: int, month: int, part: int = 1, parts: int = 1) -> str:
    label = (f"Commencés avant {year}" if month == BEFORE
             else format_month_heading(year, month) if month else f"Au cours de l’année {year}")
    return f"{label} ({part}/{parts})" if parts > 1 else label


_split_targets: tuple[object, dict[int, int], dict[str, str]] | None = None
"""(corpus, events per year, month page of each event of a split year), built once per corpus."""


def month_target(event: Event, corpus: Corpus) -> Target:
    """Where the chronology lists ``event`` under its own start: its month (or its year's events without
    month) on the year page, or that month's own page (the part holding it) in a year split into months."""
    global _split_targets
    if _split_targets is None or _split_targets[0] is not corpus:
        sizes, pages = {}, {}
        for year, events in _by_year(corpus).items():
            sizes[year] = len(events)
            for month, part, _parts, listed in chronology_pages_for_year(year, events):
                if month != BEFORE:
                    pages.update((e.id, _month_uri(year, month, part)) for e in listed)
        _split_targets = (corpus, sizes, pages)
    year = event.when.start.year
    month = _group_key(event, year)
    if _split_targets[1].get(year, 0) > YEAR_PAGE_LIMIT:
        return _split_targets[2].get(event.id, _month_uri(year, month)), None
    return markup.chronology_year_uri(year), _group_anchor(year, month)


def chronology_pages_for_year(year: int, events: list[Event]) -> list[MonthPage]:
    """The month pages a year is split into, in order; none for a small year."""
    if len(events) <= YEAR_PAGE_LIMIT:
        return []
    pages: list[MonthPage] = []
    for month, group in groupby(events, key=lambda e: _group_key(e, year)):
        shares = _shared_out(list(group))
        pages += [(month, part, len(shares), share) for part, share in enumerate(shares, start=1)]
    return pages


def _shared_out(events: list[Event]) -> list[list[Event]]:
    """``events`` in order on as few pages as ``MONTH_PAGE_SIZE`` allows, their sizes differing by one at
    most (the first pages the fuller)."""
    parts = max(1, -(-len(events) // MONTH_PAGE_SIZE))
    size, extra = divmod(len(events), parts)
    bounds = [part * size + min(part, extra) for part in range(parts + 1)]
    return [events[start:end] for start, end in pairwise(bounds)]


FULL_LIST_LIMIT = 25
"""Up to this many events, the chronology's index lists every one of them by year and month (what a
reader of a small archive expects); past it, only the years, so that the page stays small."""


def _month_target(year: int, month: int, split: bool) -> Target:
    """Where a month of the timeline leads: its own page in a split year, else its heading."""
    if split:
        return _month_uri(year, month), None
    return markup.chronology_year_uri(year), f"{year}-{month:02d}" if month else f"{year}-annee"


def _table(headers: tuple[str, str], rows: list[tuple[str, str]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>\n" for a, b in rows)
    return f'<table class="briefing-carry">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n'


INDEX_TIMELINE_YEARS = 10
"""The chronology's index draws the latest this many years (each year's page draws its own row): a
frieze that does not grow with the archive's years."""
CHRONOLOGY_INDEX_URI = "chronologie/index.md"
TIMELINE_CAPTION = ("Frise : une ligne par année, les mois en colonnes ; un chiffre groupe les événements d’un mois, "
                    "les périodes ont leurs propres lignes. Chaque marque mène à l’événement.")


def render_chronology_index(corpus: Corpus, place: Place) -> str:
    """Timeline, years with their counts and, for a small archive, every event by year and month."""
    years = _by_year(corpus)
    split = {year for year, events in years.items() if chronology_pages_for_year(year, events)}
    listed = len(corpus.chronology) <= FULL_LIST_LIMIT and bool(years)
    rows = [(_year_link(year), _count(events)) for year, events in years.items()]
    sections = [
        markup.front_matter(title="Chronologie", search={"exclude": True}),
        "# Chronologie\n",
        f"Tous les faits, du plus ancien au plus récent ({_count(corpus.chronology)}).\n",
        place(render_timeline(
            corpus.chronology,
            year_link=lambda year: (markup.chronology_year_uri(year), None),
            month_link=lambda year, month: _month_target(year, month, year in split),
            caption=TIMELINE_CAPTION if len(years) <= INDEX_TIMELINE_YEARS else
            f"{TIMELINE_CAPTION} Les {INDEX_TIMELINE_YEARS} dernières années ; les autres : tableau ci-dessous.",
            cited=corpus.citing_letters, years=list(years)[-INDEX_TIMELINE_YEARS:], members=listed,
        )) if corpus.chronology else "",
    ]
    if corpus.chronology:  # a large archive lists years only: the filter then follows the year chosen
        form = render_filter_form(corpus.chronology, corpus.registry, carry=not listed)
        sections.append(place(form, searchable=False))
    sections.append(place(_table(("Année", "Événements"), rows)) if rows else "Aucun événement.\n")
    if listed:
        groups: list[Group] = [((2, str(year), str(year)), _year_groups(events, 3, year))
                               for year, events in years.items()]
        sections.append(place(render_entries(groups, corpus.registry.entities, place)))
    return "\n".join(s for s in sections if s)


def _neighbour_links(ordered: list[tuple[str, str]], index: int, up: tuple[str, str], *, top: bool = False) -> str:
    """``← previous · up · next →`` between pages of one series, as HTML (``top``: the copy above the list)."""
    around = []
    if index > 0:
        around.append("← " + html.link(html.text(ordered[index - 1][0]), ordered[index - 1][1]))
    around.append(html.link(html.text(up[0]), up[1]))
    if index + 1 < len(ordered):
        around.append(html.link(html.text(ordered[index + 1][0]), ordered[index + 1][1]) + " →")
    classes = "briefing-neighbours briefing-neighbours-top" if top else "briefing-neighbours"
    return html.paragraph(" · ".join(around), classes)


def _render_month_summary(year: int, months: list[MonthPage]) -> str:
    rows = [(html.link(html.text(_month_label(year, month, part, parts)), _month_uri(year, month, part)),
             _count(events)) for month, part, parts, events in months]
    return _table(("Mois", "Événements"), rows)


def _year_timeline(events: list[Event], corpus: Corpus, year: int, split: bool) -> str:
    """The year's own row of the timeline (``events``: the year's, the periods that run through it
    included); on a page listing them, its marks follow the filters."""
    return render_timeline(
        events,
        year_link=lambda _year: None,
        month_link=lambda y, month: _month_target(y, month, split),
        caption=TIMELINE_CAPTION, cited=corpus.citing_letters, years=[year], members=not split,
    )


def render_chronology_years(corpus: Corpus) -> dict[str, Later]:
    """The year pages by ``src_uri``: each one's body (up to ``YEAR_PAGE_LIMIT`` entries) is rendered
    with its page."""
    years = _by_year(corpus)
    ordered = [(str(year), markup.chronology_year_uri(year)) for year in years]
    return {
        markup.chronology_year_uri(year): (
            markup.front_matter(title=f"Chronologie {year}", search={"exclude": True}),
            partial(_year_body, corpus, ordered, i, year, events),
        )
        for i, (year, events) in enumerate(years.items())
    }


def _year_body(corpus: Corpus, ordered: list[tuple[str, str]], index: int, year: int, events: list[Event],
               place: Place) -> str:
    months = chronology_pages_for_year(year, events)
    return "\n".join([
        f"# Chronologie {year}\n",
        place(_neighbour_links(ordered, index, ("Toute la chronologie", CHRONOLOGY_INDEX_URI), top=True)),
        f"{_count(events)}.\n",
        one_paragraph([
            place(_year_timeline(events, corpus, year, bool(months))),
            place(render_filter_form(events, corpus.registry, carry=bool(months), typeset=True), searchable=False,
                  typeset=True),
            place(_render_month_summary(year, months)) if months else
            place(render_entries(_year_groups(events, 2, year), corpus.registry.entities, place, typeset=True),
                  searchable=False, typeset=True),
            place(_neighbour_links(ordered, index, ("Toute la chronologie", CHRONOLOGY_INDEX_URI))),
        ]),
    ])


def render_chronology_months(corpus: Corpus) -> dict[str, Later]:
    """The month pages of the years too large for one page, by ``src_uri``: each one's body is
    rendered with its page."""
    pages: dict[str, Later] = {}
    for year, events in _by_year(corpus).items():
        months = chronology_pages_for_year(year, events)
        ordered = [(_month_label(year, m, part, parts), _month_uri(year, m, part)) for m, part, parts, _ in months]
        up = (f"Chronologie {year}", markup.chronology_year_uri(year))
        for i, (month, part, parts, group) in enumerate(months):
            label = _month_label(year, month, part, parts)
            front_matter = markup.front_matter(title=f"Chronologie : {label}", search={"exclude": True})
            pages[_month_uri(year, month, part)] = (front_matter, partial(_month_body, corpus, ordered, i, up, group))
    return pages


def _month_body(corpus: Corpus, ordered: list[tuple[str, str]], index: int, up: tuple[str, str],
                group: list[Event], place: Place) -> str:
    return "\n".join([
        f"# {ordered[index][0]}\n",
        place(_neighbour_links(ordered, index, up, top=True)),
        f"{_count(group)}.\n",
        one_paragraph([
            place(render_filter_form(group, corpus.registry, typeset=True), searchable=False, typeset=True),
            place(render_entries([(None, group)], corpus.registry.entities, place, typeset=True), searchable=False,
                  typeset=True),
            place(_neighbour_links(ordered, index, up)),
        ]),
    ])
