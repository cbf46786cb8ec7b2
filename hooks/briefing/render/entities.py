"""Registry pages: an entity's description, letters, own chronology and frequent companions."""

from __future__ import annotations

from functools import partial
from itertools import groupby

from briefing.french import grammar
from briefing.french.collation import initial, sort_key
from briefing.index.corpus import Corpus
from briefing.index.readers import ReaderIndex
from briefing.render import html, markup
from briefing.render.chronology import TIMELINE_CAPTION
from briefing.render.entries import Group, render_entries
from briefing.render.filters import render_filter_form
from briefing.render.fragments import Later, Place
from briefing.render.relations import render_relations_of
from briefing.render.subscriptions import render_follow
from briefing.render.timeline import Target, render_timeline
from briefing.settings import Settings
from briefing.structure import Entity, EntityKind, Event


def _render_names(entity: Entity, place: Place) -> str:
    parts = []
    if entity.abbr:
        glossary = html.link("glossaire", "glossaire.md", entity.slug)
        parts.append(f"Abréviation : <strong>{html.text(entity.abbr)}</strong> ({glossary})")
    if entity.aliases:
        parts.append("Aussi : " + ", ".join(html.text(a) for a in entity.aliases))
    return place(html.paragraph(" · ".join(parts), "briefing-names")) if parts else ""


def _render_letters(entity: Entity, corpus: Corpus, settings: Settings, place: Place) -> str:
    letters = corpus.entity_letters.get(entity.key, [])
    if not letters:
        return ""
    items = html.letter_items(letters, corpus.registry.entities, settings.short_name)
    return place(place.heading(2, "Lettres", "lettres") + items, searchable=False)


ENTITY_RECENT_EVENTS = 30
"""An entity page lists this many of its latest events; older ones are on its archive pages."""
ARCHIVE_PAGE_SIZE = 50
"""Events per archive page: 50 entries (date, fact, entity links) keep a page under 60 KB, and pages
cost time each."""


def _by_year(entity: Entity, events: list[Event], level: int, corpus: Corpus, place: Place) -> str:
    """The entity's events as entries, newest first, under a heading per year (in the table of
    contents); the entity itself is left out of each entry's links."""
    newest = events[::-1]
    groups: list[Group] = [((level, str(year), f"annee-{year}"), list(group))
                           for year, group in groupby(newest, key=lambda e: e.when.start.year)]
    return render_entries(groups, corpus.registry.entities, place, newest_first=True, omit=entity.key)


def archive_chunks(entity: Entity, corpus: Corpus) -> list[list[Event]]:
    """The entity's events older than the latest ones, oldest first, in pages of ARCHIVE_PAGE_SIZE."""
    events = corpus.entity_events.get(entity.key, [])
    older = events[: max(0, len(events) - ENTITY_RECENT_EVENTS)]
    return [older[i : i + ARCHIVE_PAGE_SIZE] for i in range(0, len(older), ARCHIVE_PAGE_SIZE)]


def archive_uri(entity: Entity, page: int) -> str:
    return f"{entity.kind.value}/{entity.slug}/archives-{page}.md"


def _span(events: list[Event]) -> str:
    first, last = events[0].when.start.year, events[-1].when.start.year
    return str(first) if first == last else f"{first}-{last}"


def _render_archive_links(entity: Entity, chunks: list[list[Event]]) -> str:
    links = [html.link(_span(chunk), archive_uri(entity, i + 1)) for i, chunk in enumerate(chunks)]
    older = grammar.of(entity.title, entity.article, shown=html.text(entity.title))
    return html.paragraph(f"Événements plus anciens {older} : " + " · ".join(links))


def _year_targets(entity: Entity, recent: list[Event], chunks: list[list[Event]]) -> dict[int, Target]:
    """Where the timeline sends a year: its heading on the page, or the first archive page holding it."""
    targets: dict[int, Target] = {}
    for i, chunk in enumerate(chunks):
        for event in chunk:
            year = event.when.start.year
            targets.setdefault(year, (archive_uri(entity, i + 1), f"annee-{year}"))
    for event in recent:
        year = event.when.start.year
        targets[year] = (markup.entity_uri(entity), f"annee-{year}")
    return targets


def _render_chronology(entity: Entity, corpus: Corpus, place: Place) -> str:
    events = corpus.entity_events.get(entity.key, [])
    if not events:
        return ""
    count = f"{len(events)} événement{'s' if len(events) > 1 else ''}"
    chunks = archive_chunks(entity, corpus)
    if chunks:
        count += f" ; les {ENTITY_RECENT_EVENTS} plus récents ci-dessous"
    targets = _year_targets(entity, events[-ENTITY_RECENT_EVENTS:], chunks)
    fallback = (markup.entity_uri(entity), "chronologie")
    timeline = render_timeline(
        events,
        year_link=lambda year: targets.get(year, fallback),
        month_link=lambda year, _month: targets.get(year, fallback),
        caption=TIMELINE_CAPTION, cited=corpus.citing_letters,
    )
    recent = events[-ENTITY_RECENT_EVENTS:]
    parts = [place.heading(2, "Chronologie", "chronologie"), html.paragraph(f"{count}."), timeline,
             render_filter_form(recent, corpus.registry, exclude=entity.key),
             _by_year(entity, recent, 3, corpus, place)]
    if chunks:
        parts.append(_render_archive_links(entity, chunks))
    return place("".join(parts), searchable=False)


def render_entity_archives(entity: Entity, corpus: Corpus) -> dict[str, Later]:
    """The entity's archive pages by ``src_uri``: bounded pages instead of one page that grows. Each
    one's body is rendered with its page."""
    chunks = archive_chunks(entity, corpus)
    return {
        archive_uri(entity, i + 1): (
            markup.front_matter(title=f"{entity.title} : événements {_span(chunk)}", search={"exclude": True}),
            partial(_archive_body, entity, corpus, chunks, i),
        )
        for i, chunk in enumerate(chunks)
    }


def _archive_body(entity: Entity, corpus: Corpus, chunks: list[list[Event]], i: int, place: Place) -> str:
    chunk = chunks[i]
    around = [html.link(f"{html.text(entity.title)} : fiche et événements récents", markup.entity_uri(entity))]
    if i > 0:
        around.insert(0, "← " + html.link(_span(chunks[i - 1]), archive_uri(entity, i)))
    if i + 1 < len(chunks):
        around.append(html.link(_span(chunks[i + 1]), archive_uri(entity, i + 2)) + " →")
    return "\n".join([
        f"# {markup.text(entity.title)} : événements {_span(chunk)}\n",
        place(render_filter_form(chunk, corpus.registry, exclude=entity.key), searchable=False),
        place(_by_year(entity, chunk, 2, corpus, place)
              + html.paragraph(" · ".join(around), "briefing-neighbours")),
    ])


def _render_companions(entity: Entity, corpus: Corpus, place: Place) -> str:
    related = corpus.related_entities(entity.key)
    if not related:
        return ""
    items = html.items(f"{html.entity_link(other)} ({count})" for other, count in related)
    return place(place.heading(2, "Souvent associés", "associes") + items, searchable=False)


def render_entity(entity: Entity, corpus: Corpus, settings: Settings, place: Place,
                  readers: ReaderIndex | None = None) -> str:
    """The whole page. The generated sections are kept out of search (they repeat other pages):
    their headings are marked, their content goes in after the search plugin has read the page."""
    sections = [
        f"# {markup.text(entity.title)}\n",
        _render_names(entity, place),
        f"{entity.body}\n" if entity.body else "",
        "" if settings.offline else
        place(render_follow(entity, has_events=bool(corpus.entity_events.get(entity.key))), searchable=False),
        _render_letters(entity, corpus, settings, place),
        render_relations_of(entity.key, corpus, readers, place) if readers else "",
        _render_chronology(entity, corpus, place),
        _render_companions(entity, corpus, place),
    ]
    return "\n".join(s for s in sections if s)


def _index_entries(kind: EntityKind, corpus: Corpus) -> list[tuple[str, str]]:
    """(sort key text, entry HTML) for every line of a registry index: each entry under its sort key
    (a person under the family name), and an entry with a short form under that form too (« Otan »)."""
    rows = []
    for entity in corpus.registry.of_kind(kind):
        count = len(corpus.entity_events.get(entity.key, []))
        rows.append((entity.sort_as or entity.title, f"{html.entity_link(entity)} ({count})"))
        if entity.abbr and entity.abbr.casefold() != entity.title.casefold():
            short = html.link(html.text(entity.abbr), markup.entity_uri(entity))
            rows.append((entity.abbr, f"{short} : voir {html.text(entity.title)} ({count})"))
    return sorted(rows, key=lambda row: sort_key(row[0]))


def render_registry_index(kind: EntityKind, corpus: Corpus, place: Place) -> str:
    """Every entry of a folder in French alphabetical order (accents second: « États-Unis » files with
    E), under its initial."""
    entities = corpus.registry.of_kind(kind)
    items = []
    for letter, group in groupby(_index_entries(kind, corpus), key=lambda row: initial(row[0])):
        items.append(f"## {markup.text(letter)}\n\n{place(html.items(entry for _, entry in group))}")
    return (
        markup.front_matter(title=kind.label, search={"exclude": True})
        + f"# {kind.label}\n\n{len(entities)} fiches ; entre parenthèses, le nombre d’événements.\n\n"
        + ("\n".join(items) or "Aucune fiche.\n")
    )
