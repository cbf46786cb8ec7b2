"""One page per published event."""

from __future__ import annotations

from briefing.index.corpus import Corpus
from briefing.index.plaintext import capitalised
from briefing.load import footnotes
from briefing.load.dates import format_partial, format_when, month_name
from briefing.render import html, markup
from briefing.render.chronology import month_target
from briefing.render.fragments import Place
from briefing.settings import Settings
from briefing.structure import Entity, EntityKind, Event


def _render_entities(event: Event, corpus: Corpus, place: Place) -> str:
    """The entities as links by kind; search reads their names (an event is found by them)."""
    by_kind: dict[EntityKind, list[Entity]] = {}
    for key in event.entities:
        entity = corpus.entity(key)
        by_kind.setdefault(entity.kind, []).append(entity)
    if not by_kind:
        return ""
    kinds = [kind for kind in EntityKind if kind in by_kind]
    lines = [f"<strong>{kind.label} :</strong> " + ", ".join(html.entity_link(e) for e in by_kind[kind])
             for kind in kinds]
    names = " ".join(f"{kind.label} : " + ", ".join(html.text(e.title) for e in by_kind[kind]) + "." for kind in kinds)
    return "## Acteurs et thèmes\n\n" + place(html.items(lines), search_html=f"<p>{names}</p>")


def _render_sources(event: Event, place: Place) -> str:
    if not event.sources:
        return ""
    entries = []
    for source in event.sources:
        label = html.text(source.title)
        entry = html.external_link(label, source.url) if source.url else label
        details = [html.text(source.publisher) if source.publisher else None,
                   html.text(format_partial(source.date)) if source.date else None]
        extra = ", ".join(d for d in details if d)
        entries.append(entry + (f", {extra}" if extra else ""))
    return place(place.heading(2, "Sources", "sources") + html.items(entries), searchable=False)


def _render_letters(event: Event, corpus: Corpus, settings: Settings, place: Place) -> str:
    letters = corpus.citing_letters.get(event.id, [])
    if not letters:
        return ""
    items = html.letter_items(letters, corpus.registry.entities, settings.short_name)
    return place(place.heading(2, "Cité dans", "cite-dans") + items, searchable=False)


def _render_related(event: Event, corpus: Corpus, place: Place) -> str:
    related = [corpus.events[i] for i in event.related if i in corpus.events]
    if not related:
        return ""
    related.sort(key=lambda e: (e.when.sort_key(), e.id))
    items = html.items(html.event_line(e) for e in related)
    return place(place.heading(2, "Voir aussi", "voir-aussi") + items, searchable=False)


def _render_neighbours(event: Event, corpus: Corpus, place: Place) -> str:
    previous, following = corpus.neighbours(event)
    parts = []
    if previous:
        parts.append(html.paragraph(f"← Précédent : {html.event_line(previous)}"))
    if following:
        parts.append(html.paragraph(f"Suivant : {html.event_line(following)} →"))
    year = event.when.start.year
    parts.append(html.paragraph(html.link(f"Chronologie {year}", markup.chronology_year_uri(year))))
    return place('<div class="briefing-neighbours" data-search-exclude>\n' + "".join(parts) + "</div>\n",
                 searchable=False)


def _render_date(event: Event, corpus: Corpus, place: Place) -> str:
    """The date, a link to its month in the chronology (HTML: the year page's headings are fragments
    too, and generated links to them are resolved and checked as fragments)."""
    page, anchor = month_target(event, corpus)
    start = event.when.start
    label = f"{month_name(start.month)} {start.year}" if start.month else str(start.year)
    link = html.link(html.text(format_when(event.when)), page, anchor, title=f"{label} dans la chronologie")
    return place(html.paragraph(link, "briefing-date"))


def _render_withheld_notice(event: Event, settings: Settings) -> str:
    if not event.body_withheld:
        return ""
    subscribe = (f" {markup.link(markup.text(settings.subscribe_label), settings.subscribe_url)}"
                 if settings.subscribe_url else "")
    return f"La suite de ce fait est réservée aux abonnés.{subscribe}\n{{ .briefing-withheld }}\n"


def render_event_front_matter(event: Event) -> str:
    """The page's file: its front matter only; the body is rendered when the page is (``render_event``)."""
    return markup.front_matter(title=event.title)


def render_event(event: Event, corpus: Corpus, settings: Settings, place: Place) -> str:
    """The page's Markdown under its front matter: title, date and the note's own text; the generated
    sections are fragments."""
    body_text, definitions = footnotes.split_definitions(event.body)
    sections = [
        f"# {markup.text(event.title)}\n",
        _render_date(event, corpus, place),
        f"{capitalised(body_text)}\n" if body_text else "",
        _render_withheld_notice(event, settings),
        ("\n\n".join(definitions.values()) + "\n\n" + markup.footnotes_here() + "\n") if definitions else "",
        _render_entities(event, corpus, place),
        _render_sources(event, place),
        _render_letters(event, corpus, settings, place),
        _render_related(event, corpus, place),
        _render_neighbours(event, corpus, place),
    ]
    return "\n".join(s for s in sections if s)
