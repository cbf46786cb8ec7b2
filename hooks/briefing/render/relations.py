"""Relation pages: the zones a rubric names together, with their letters and shared events."""

from __future__ import annotations

from functools import partial
from itertools import groupby

from briefing.french import grammar
from briefing.index.corpus import Corpus
from briefing.index.readers import ReaderIndex, Relation
from briefing.render import html, markup
from briefing.render.fragments import Later, Place
from briefing.render.timeline import render_timeline
from briefing.settings import Settings

RELATIONS_INDEX_URI = "relations/index.md"


def relation_name(relation: Relation, corpus: Corpus) -> str:
    """``Japon – Corée du Sud – États-Unis``, as the rubric reads."""
    return " – ".join(corpus.entity(k).short_name for k in relation.members)


def relation_link(relation: Relation, corpus: Corpus) -> str:
    return markup.link(markup.text(relation_name(relation, corpus)), markup.href(relation.src_uri))


def render_relation(relation: Relation, corpus: Corpus, readers: ReaderIndex, settings: Settings) -> Later:
    """The page's front matter, and what renders its body with the page."""
    front_matter = markup.front_matter(title=relation_name(relation, corpus), search={"exclude": True})
    return front_matter, partial(_relation_body, relation, corpus, readers, settings)


def _relation_body(relation: Relation, corpus: Corpus, readers: ReaderIndex, settings: Settings, place: Place) -> str:
    name = relation_name(relation, corpus)
    members = [corpus.entity(k) for k in relation.members]
    letters = readers.relation_letters(relation)
    events = readers.relation_events(relation)
    entities = corpus.registry.entities
    named = grammar.enumeration([
        grammar.the(e.short_name, e.article, shown=html.link(html.text(e.short_name), markup.entity_uri(e)))
        for e in members
    ])
    sections = [
        f"# {markup.text(name)}\n",
        place(html.paragraph(
            f"Les lettres dont la rubrique réunit {named}, "
            "et les événements qui les impliquent tous.", "briefing-relation-intro")),
    ]
    if letters:
        items = html.letter_items(letters, entities, settings.short_name)
        sections.append("## Lettres { #lettres }\n\n" + place(items))
    if events:
        here = relation.src_uri
        sections.append(
            f"## Événements communs {{ #evenements }}\n\n{len(events)} événement{'s' if len(events) > 1 else ''}.\n"
        )
        sections.append(place(render_timeline(
            events,
            year_link=lambda year: (here, f"annee-{year}"),
            month_link=lambda year, _month: (here, f"annee-{year}"),
            caption="Frise des événements communs : une ligne par année, les mois en colonnes.",
            cited=corpus.citing_letters,
        )))
        for year, group in groupby(events, key=lambda e: e.when.start.year):
            items = html.items(html.event_line(e) for e in group)
            sections.append(f"### {year} {{ #annee-{year} }}\n\n{place(items)}")
    else:
        sections.append("Aucun événement publié n’implique à la fois toutes ces parties.\n")
    return "\n".join(sections)


def render_relations_index(corpus: Corpus, readers: ReaderIndex) -> str:
    rows = []
    for relation in readers.relations:
        letters, events = readers.relation_letters(relation), readers.relation_events(relation)
        rows.append(f"| {relation_link(relation, corpus)} | {len(letters)} | {len(events)} |")
    table = (
        "| Relation | Lettres | Événements communs |\n|---|---:|---:|\n" + "\n".join(rows)
        if rows else "Aucune rubrique ne réunit encore plusieurs zones."
    )
    return (
        markup.front_matter(title="Relations", search={"exclude": True})
        + "# Relations\n\nChaque combinaison de zones qu’une rubrique de lettre réunit "
        "(par exemple Japon – Corée du Sud – États-Unis) : ses lettres et les événements qui impliquent "
        f"toutes ses parties.\n\n{table}\n"
    )


def render_relations_of(key: str, corpus: Corpus, readers: ReaderIndex, place: Place) -> str:
    """The entity page's list of relations it belongs to (out of search, like the page's other lists)."""
    relations = readers.relations_with(key)
    if not relations:
        return ""
    items = html.items(
        html.link(html.text(relation_name(r, corpus)), r.src_uri) for r in relations)
    return place(place.heading(2, "Relations", "relations") + items, searchable=False)
