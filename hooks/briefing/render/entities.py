"""Registry pages: an entity's description, letters, own chronology and frequent companions."""

from __future__ import annotations

from itertools import groupby

from ..corpus import Corpus
from ..readers import ReaderIndex
from ..settings import Settings
from ..structure import Entity, EntityKind, Event
from . import markup
from .relations import render_relations_of
from .subscriptions import render_follow
from .timeline import render_timeline


def _render_names(entity: Entity) -> str:
    parts = []
    if entity.abbr:
        glossary = markup.link("glossaire", markup.href("glossaire.md", entity.slug))
        parts.append(f"Abréviation : **{markup.text(entity.abbr)}** ({glossary})")
    if entity.aliases:
        parts.append("Aussi : " + ", ".join(markup.text(a) for a in entity.aliases))
    return " · ".join(parts) + "\n{ .briefing-names }\n" if parts else ""


def _render_letters(entity: Entity, corpus: Corpus, settings: Settings) -> str:
    letters = corpus.entity_letters.get(entity.key, [])
    return markup.letter_section("Lettres { #lettres }", letters, corpus.registry.entities, settings.short_name)


ENTITY_RECENT_EVENTS = 50
"""An entity page lists this many of its latest events; older ones are on its archive pages."""
ARCHIVE_PAGE_SIZE = 100


def _by_year_blocks(events: list[Event], heading: str) -> list[str]:
    blocks = []
    for year, group in groupby(events, key=lambda e: e.when.start.year):
        items = "\n".join(f"- {markup.event_line(e)}" for e in group)
        blocks.append(f"{heading} {year} {{ #annee-{year} }}\n\n{items}\n")
    return blocks


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
    links = [markup.link(_span(chunk), markup.href(archive_uri(entity, i + 1))) for i, chunk in enumerate(chunks)]
    return "Événements plus anciens : " + " · ".join(links) + "\n"


def _year_targets(entity: Entity, recent: list[Event], chunks: list[list[Event]]) -> dict[int, str]:
    """Where the timeline sends a year: its heading on the page, or the first archive page holding it."""
    targets: dict[int, str] = {}
    for i, chunk in enumerate(chunks):
        for event in chunk:
            year = event.when.start.year
            targets.setdefault(year, markup.href(archive_uri(entity, i + 1), f"annee-{year}"))
    for event in recent:
        year = event.when.start.year
        targets[year] = markup.href(markup.entity_uri(entity), f"annee-{year}")
    return targets


def _render_chronology(entity: Entity, corpus: Corpus) -> str:
    events = corpus.entity_events.get(entity.key, [])
    if not events:
        return ""
    count = f"{len(events)} événement{'s' if len(events) > 1 else ''}"
    chunks = archive_chunks(entity, corpus)
    if chunks:
        count += f" ; les {ENTITY_RECENT_EVENTS} plus récents ci-dessous"
    blocks = [f"## Chronologie {{ #chronologie }}\n\n{count}.\n"]
    targets = _year_targets(entity, events[-ENTITY_RECENT_EVENTS:], chunks)
    fallback = markup.href(markup.entity_uri(entity), "chronologie")
    blocks.append(render_timeline(
        events,
        year_link=lambda year: targets.get(year, fallback),
        month_link=lambda year, _month: targets.get(year, fallback),
        caption="Frise : un trait par événement, une ligne par année ; touchez un trait pour ouvrir l’événement.",
    ))
    blocks += _by_year_blocks(events[-ENTITY_RECENT_EVENTS:], "###")
    if chunks:
        blocks.append(_render_archive_links(entity, chunks))
    return "\n".join(blocks)


def render_entity_archives(entity: Entity, corpus: Corpus) -> dict[str, str]:
    """The entity's archive pages by ``src_uri``: bounded pages instead of one page that grows."""
    chunks = archive_chunks(entity, corpus)
    pages = {}
    title = markup.text(entity.title)
    for i, chunk in enumerate(chunks):
        around = [markup.link(f"{title} : fiche et événements récents", markup.href(markup.entity_uri(entity)))]
        if i > 0:
            around.insert(0, "← " + markup.link(_span(chunks[i - 1]), markup.href(archive_uri(entity, i))))
        if i + 1 < len(chunks):
            around.append(markup.link(_span(chunks[i + 1]), markup.href(archive_uri(entity, i + 2))) + " →")
        pages[archive_uri(entity, i + 1)] = "\n".join([
            markup.front_matter(title=f"{entity.title} : événements {_span(chunk)}", search={"exclude": True}),
            f"# {title} : événements {_span(chunk)}\n",
            *_by_year_blocks(chunk, "##"),
            " · ".join(around) + "\n{ .briefing-neighbours }\n",
        ])
    return pages


def _render_companions(entity: Entity, corpus: Corpus) -> str:
    related = corpus.related_entities(entity.key)
    if not related:
        return ""
    items = "\n".join(f"- {markup.entity_link(other)} ({count})" for other, count in related)
    return f"## Souvent associés {{ #associes }}\n\n{items}\n"


def render_entity(entity: Entity, corpus: Corpus, settings: Settings, readers: ReaderIndex | None = None) -> str:
    """The whole page; generated sections are kept out of search (they repeat other pages)."""
    generated = [
        render_follow(entity, has_events=bool(corpus.entity_events.get(entity.key))),
        _render_letters(entity, corpus, settings),
        render_relations_of(entity.key, corpus, readers) if readers else "",
        _render_chronology(entity, corpus),
        _render_companions(entity, corpus),
    ]
    generated_text = "\n".join(s for s in generated if s)
    sections = [
        f"# {markup.text(entity.title)}\n",
        _render_names(entity),
        f"{entity.body}\n" if entity.body else "",
        # A <section>, not a <div>: Material's search parser matches closing tags by name only, so
        # the first nested </div> (the timeline has many) would end the exclusion.
        f'<section class="briefing-generated" data-search-exclude markdown>\n\n{generated_text}\n\n</section>\n'
        if generated_text else "",
    ]
    return "\n".join(s for s in sections if s)


def render_registry_index(kind: EntityKind, corpus: Corpus) -> str:
    entities = corpus.registry.of_kind(kind)
    items = []
    for initial, group in groupby(entities, key=lambda e: e.title[:1].upper()):
        links = "\n".join(
            f"- {markup.entity_link(e)} ({len(corpus.entity_events.get(e.key, []))})" for e in group
        )
        items.append(f"## {markup.text(initial)}\n\n{links}\n")
    return (
        markup.front_matter(title=kind.label, search={"exclude": True})
        + f"# {kind.label}\n\n{len(entities)} fiches ; entre parenthèses, le nombre d’événements.\n\n"
        + ("\n".join(items) or "Aucune fiche.\n")
    )
