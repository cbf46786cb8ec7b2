"""Registry pages: an entity's description, letters, own chronology and frequent companions."""

from __future__ import annotations

from itertools import groupby

from ..corpus import Corpus
from ..readers import ReaderIndex
from ..settings import Settings
from ..structure import Entity, EntityKind
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
    if not letters:
        return ""
    entities = corpus.registry.entities
    items = "\n".join(f"- {markup.letter_link(x, entities, settings.short_name)}" for x in letters)
    return f"## Lettres {{ #lettres }}\n\n{items}\n"


def _render_chronology(entity: Entity, corpus: Corpus) -> str:
    events = corpus.entity_events.get(entity.key, [])
    if not events:
        return ""
    blocks = [f"## Chronologie {{ #chronologie }}\n\n{len(events)} événement{'s' if len(events) > 1 else ''}.\n"]
    here = markup.entity_uri(entity)
    blocks.append(render_timeline(
        events,
        year_link=lambda year: markup.href(here, f"annee-{year}"),
        month_link=lambda year, _month: markup.href(here, f"annee-{year}"),
        caption="Frise : un trait par événement, une ligne par année ; touchez un trait pour ouvrir l’événement.",
    ))
    for year, group in groupby(events, key=lambda e: e.when.start.year):
        items = "\n".join(f"- {markup.event_line(e)}" for e in group)
        blocks.append(f"### {year} {{ #annee-{year} }}\n\n{items}\n")
    return "\n".join(blocks)


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
