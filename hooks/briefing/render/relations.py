"""Relation pages: the zones a rubric names together, with their letters and shared events."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import groupby

from briefing.french import grammar
from briefing.index.corpus import Corpus
from briefing.index.readers import ReaderIndex, Relation
from briefing.render import html, letter_pages, markup
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
    letters, older = letter_pages.split(readers.relation_letters(relation), letter_pages.NAMED_LATEST,
                                        _letters_uri(relation))
    shared = readers.relation_events(relation)
    events = shared[-RELATION_EVENTS:]
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
        older_links = letter_pages.older_links(older, "Les plus anciennes")
        sections.append("## Lettres { #lettres }\n\n" + place(items + older_links))
    if events:
        here = relation.src_uri
        count = f"{len(shared)} événement{'s' if len(shared) > 1 else ''}"
        latest = f" ; les {len(events)} plus récents ci-dessous, tous dans les chronologies des parties" \
            if len(shared) > len(events) else ""
        sections.append(f"## Événements communs {{ #evenements }}\n\n{count}{latest}.\n")
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


RELATIONS_PER_PAGE = 100
"""Rows of the relations' index per page: the index lists the first hundred, ``liste-2``… the next."""


def _relations_page_uri(page: int) -> str:
    return RELATIONS_INDEX_URI if page == 1 else f"relations/liste-{page}.md"


def render_relations_index(corpus: Corpus, readers: ReaderIndex, placer: Callable[[str], Place]) -> dict[str, str]:
    """The relations' index by ``src_uri``: every relation with its counts, a hundred a page."""
    relations = readers.relations
    chunks = [relations[i:i + RELATIONS_PER_PAGE] for i in range(0, len(relations), RELATIONS_PER_PAGE)] or [[]]
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        uri = _relations_page_uri(number)
        place = placer(uri)
        rows = "".join(
            f"<tr><td>{html.link(html.text(relation_name(r, corpus)), r.src_uri)}</td>"
            f"<td>{len(readers.relation_letters(r))}</td><td>{len(readers.relation_events(r))}</td></tr>\n"
            for r in chunk)
        table = ('<table>\n<thead><tr><th>Relation</th><th>Lettres</th><th>Événements communs</th></tr></thead>\n'
                 f"<tbody>\n{rows}</tbody>\n</table>\n")
        around = [html.link(f"page {n}" if n != number else f"<strong>page {n}</strong>", _relations_page_uri(n))
                  for n in range(1, len(chunks) + 1)] if len(chunks) > 1 else []
        pager = place(html.paragraph(" · ".join(around), "briefing-neighbours")) if around else ""
        title = "Relations" if number == 1 else f"Relations (page {number})"
        pages[uri] = (
            markup.front_matter(title=title, search={"exclude": True})
            + f"# {title}\n\nChaque combinaison de zones qu’une rubrique de lettre réunit "
            "(par exemple Japon – Corée du Sud – États-Unis) : ses lettres et les événements qui impliquent "
            f"toutes ses parties ({len(relations)}).\n\n"
            + (place(table) if relations else "Aucune rubrique ne réunit encore plusieurs zones.") + f"\n\n{pager}\n"
        )
    return pages


RELATION_EVENTS = 50
"""A relation's page lists its latest this many shared events (each is on its members' pages too)."""


def _letters_uri(relation: Relation) -> Callable[[int], str]:
    base = relation.src_uri.removesuffix(".md")
    return lambda page: f"{base}/lettres-{page}.md"


def render_relation_letters(relation: Relation, corpus: Corpus, readers: ReaderIndex, settings: Settings,
                            placer: Callable[[str], Place]) -> dict[str, str]:
    """The pages of a relation's older letters by ``src_uri``."""
    _, pages = letter_pages.split(readers.relation_letters(relation), letter_pages.NAMED_LATEST,
                                  _letters_uri(relation))
    rendered = {}
    name = relation_name(relation, corpus)
    for i, page in enumerate(pages):
        place = placer(page.src_uri)
        title = f"{name} : lettres {page.label}"
        items = html.letter_items(page.letters, corpus.registry.entities, settings.short_name)
        rendered[page.src_uri] = "\n".join([
            markup.front_matter(title=title, search={"exclude": True}),
            f"# {markup.text(title)}\n",
            place(items + letter_pages.neighbours(pages, i, (name, relation.src_uri))),
        ])
    return rendered


def render_relations_of(key: str, corpus: Corpus, readers: ReaderIndex, place: Place) -> str:
    """The entity page's list of relations it belongs to (out of search, like the page's other lists)."""
    relations = readers.relations_with(key)
    if not relations:
        return ""
    items = html.items(
        html.link(html.text(relation_name(r, corpus)), r.src_uri) for r in relations)
    return place(place.heading(2, "Relations", "relations") + items, searchable=False)
