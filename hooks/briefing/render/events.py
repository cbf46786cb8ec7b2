"""One page per published event."""

from __future__ import annotations

from .. import footnotes
from ..corpus import Corpus
from ..dates import format_partial, format_when
from ..settings import Settings
from ..structure import EntityKind, Event
from . import markup


def _render_entities(event: Event, corpus: Corpus) -> str:
    lines = []
    for kind in EntityKind:
        members = [corpus.entity(k) for k in event.entities if corpus.entity(k).kind is kind]
        if members:
            lines.append(f"- **{kind.label} :** " + ", ".join(markup.entity_link(e) for e in members))
    return "## Acteurs et thèmes\n\n" + "\n".join(lines) + "\n" if lines else ""


def _render_sources(event: Event) -> str:
    if not event.sources:
        return ""
    items = []
    for source in event.sources:
        label = markup.text(source.title)
        entry = markup.link(label, f"<{source.url}>") if source.url else label
        details = [markup.text(source.publisher) if source.publisher else None,
                   format_partial(source.date) if source.date else None]
        extra = ", ".join(d for d in details if d)
        items.append(f"- {entry}" + (f", {extra}" if extra else ""))
    return "## Sources { data-search-exclude }\n\n" + "\n".join(items) + "\n"


def _render_letters(event: Event, corpus: Corpus, settings: Settings) -> str:
    letters = corpus.citing_letters.get(event.id, [])
    return markup.letter_section(
        "Cité dans { data-search-exclude }", letters, corpus.registry.entities, settings.short_name
    )


def _render_related(event: Event, corpus: Corpus) -> str:
    related = [corpus.events[i] for i in event.related if i in corpus.events]
    if not related:
        return ""
    related.sort(key=lambda e: (e.when.sort_key(), e.id))
    return "## Voir aussi { data-search-exclude }\n\n" + "\n".join(f"- {markup.event_line(e)}" for e in related) + "\n"


def _render_neighbours(event: Event, corpus: Corpus) -> str:
    previous, following = corpus.neighbours(event)
    parts = []
    if previous:
        parts.append(f"← Précédent : {markup.event_line(previous)}")
    if following:
        parts.append(f"Suivant : {markup.event_line(following)} →")
    year = event.when.start.year
    parts.append(markup.link(f"Chronologie {year}", markup.href(markup.chronology_year_uri(year))))
    return '<div class="briefing-neighbours" data-search-exclude markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>\n"


def render_event(event: Event, corpus: Corpus, settings: Settings) -> str:
    body_text, definitions = footnotes.split_definitions(event.body)
    sections = [
        markup.front_matter(title=event.title),
        f"# {markup.text(event.title)}\n",
        f"{format_when(event.when)}\n{{ .briefing-date }}\n",
        f"{body_text}\n" if body_text else "",
        ("\n\n".join(definitions.values()) + "\n\n" + markup.footnotes_here() + "\n") if definitions else "",
        _render_entities(event, corpus),
        _render_sources(event),
        _render_letters(event, corpus, settings),
        _render_related(event, corpus),
        _render_neighbours(event, corpus),
    ]
    return "\n".join(s for s in sections if s)
