"""Registry pages: an entity's description, letters, own chronology and frequent companions."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import groupby

from briefing.french import grammar
from briefing.french.collation import initial, sort_key
from briefing.index.corpus import Corpus
from briefing.index.readers import ReaderIndex
from briefing.render import html, letter_pages, markup
from briefing.render.chronology import TIMELINE_CAPTION
from briefing.render.entries import Group, render_entries
from briefing.render.filters import render_filter_form
from briefing.render.fragments import Later, Place, one_paragraph
from briefing.render.relations import render_relations_of
from briefing.render.subscriptions import render_follow
from briefing.render.timeline import render_timeline
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


def _letters_uri(entity: Entity) -> Callable[[int], str]:
    return lambda page: f"{entity.kind.value}/{entity.slug}/lettres-{page}.md"


def _render_letters(entity: Entity, corpus: Corpus, settings: Settings, place: Place) -> str:
    """The entity's latest letters, and links to the pages of the older ones."""
    letters = corpus.entity_letters.get(entity.key, [])
    if not letters:
        return ""
    latest, pages = letter_pages.split(letters, letter_pages.NAMED_LATEST, _letters_uri(entity))
    t = html.typesetter(True)
    items = html.letter_items(latest, corpus.registry.entities, settings.short_name, typeset=True)
    older = t(letter_pages.older_links(pages, f"{len(letters)} lettres en tout ; les plus anciennes"))
    return place(t(place.heading(2, "Lettres", "lettres")) + items + older, searchable=False, typeset=True)


def render_entity_letters(entity: Entity, corpus: Corpus, settings: Settings,
                          placer: Callable[[str], Place]) -> dict[str, str]:
    """The pages of the entity's older letters by ``src_uri`` (``lettres-1``: the oldest)."""
    letters = corpus.entity_letters.get(entity.key, [])
    _, pages = letter_pages.split(letters, letter_pages.NAMED_LATEST, _letters_uri(entity))
    rendered = {}
    for i, page in enumerate(pages):
        place = placer(page.src_uri)
        title = f"{entity.title} : lettres {page.label}"
        items = html.letter_items(page.letters, corpus.registry.entities, settings.short_name)
        up = (f"{entity.title} : fiche et dernières lettres", markup.entity_uri(entity))
        rendered[page.src_uri] = "\n".join([
            markup.front_matter(title=title, search={"exclude": True}),
            f"# {markup.text(title)}\n",
            place(items + letter_pages.neighbours(pages, i, up)),
        ])
    return rendered


ENTITY_RECENT_EVENTS = 30
"""An entity page lists this many of its latest events; older ones are on its archive pages."""
ARCHIVE_PAGE_SIZE = 50
"""Events per archive page: 50 entries (date, fact, entity links) keep a page under 60 KB, and pages
cost time each."""


def _by_year(entity: Entity, events: list[Event], level: int, corpus: Corpus, place: Place) -> str:
    """The entity's events as entries, newest first, under a heading per year (in the table of
    contents); the entity itself is left out of each entry's links. Typeset (a late fragment)."""
    newest = events[::-1]
    groups: list[Group] = [((level, str(year), f"annee-{year}"), list(group))
                           for year, group in groupby(newest, key=lambda e: e.when.start.year)]
    return render_entries(groups, corpus.registry.entities, place, newest_first=True, omit=entity.key, typeset=True)


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


def _render_chronology(entity: Entity, corpus: Corpus, place: Place) -> str:
    """The entity's latest events with their timeline (of those events only: a page that does not grow,
    whose marks the filters can follow), and links to the archive pages of the older ones: a late
    fragment built typeset (``html.typesetter``)."""
    events = corpus.entity_events.get(entity.key, [])
    if not events:
        return ""
    count = f"{len(events)} événement{'s' if len(events) > 1 else ''}"
    chunks = archive_chunks(entity, corpus)
    if chunks:
        count += f" ; les {ENTITY_RECENT_EVENTS} plus récents ci-dessous"
    recent = events[-ENTITY_RECENT_EVENTS:]
    here = markup.entity_uri(entity)
    timeline = render_timeline(
        recent,
        year_link=lambda year: (here, f"annee-{year}"),
        month_link=lambda year, _month: (here, f"annee-{year}"),
        caption=TIMELINE_CAPTION if not chunks else TIMELINE_CAPTION + " Les plus anciens : pages d’archives.",
        cited=corpus.citing_letters, members=True, typeset=True,
    )
    t = html.typesetter(True)
    parts = [t(place.heading(2, "Chronologie", "chronologie")), t(html.paragraph(f"{count}.")), timeline,
             render_filter_form(recent, corpus.registry, exclude=entity.key, typeset=True),
             _by_year(entity, recent, 3, corpus, place)]
    if chunks:
        parts.append(t(_render_archive_links(entity, chunks)))
    return place("".join(parts), searchable=False, typeset=True)


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
        one_paragraph([
            place(render_filter_form(chunk, corpus.registry, exclude=entity.key, typeset=True), searchable=False,
                  typeset=True),
            place(_by_year(entity, chunk, 2, corpus, place)
                  + html.typesetter(True)(html.paragraph(" · ".join(around), "briefing-neighbours")),
                  searchable=False, typeset=True),
        ]),
    ])


def _render_companions(entity: Entity, corpus: Corpus, place: Place) -> str:
    related = corpus.related_entities(entity.key)
    if not related:
        return ""
    t = html.typesetter(True)  # each item a link and the text node after it
    items = html.items(t(f"{html.entity_link(other)} ({count})") for other, count in related)
    return place(t(place.heading(2, "Souvent associés", "associes")) + items, searchable=False, typeset=True)


def render_entity(entity: Entity, corpus: Corpus, settings: Settings, place: Place,
                  readers: ReaderIndex | None = None) -> str:
    """The whole page. The generated sections are kept out of search (they repeat other pages):
    their headings are marked, their content goes in after the search plugin has read the page."""
    generated = [  # block placeholders, one after the other: one paragraph of Markdown
        "" if settings.offline else
        place(render_follow(entity, has_events=bool(corpus.entity_events.get(entity.key))), searchable=False),
        _render_letters(entity, corpus, settings, place),
        render_relations_of(entity.key, corpus, readers, place) if readers else "",
        _render_chronology(entity, corpus, place),
        _render_companions(entity, corpus, place),
    ]
    sections = [
        f"# {markup.text(entity.title)}\n",
        _render_names(entity, place),
        f"{entity.body}\n" if entity.body else "",
        one_paragraph(generated),
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
