"""The authors' index: every author with their letters, one anchor per author."""

from __future__ import annotations

from collections.abc import Callable

from briefing.index.corpus import Corpus
from briefing.index.readers import ReaderIndex
from briefing.render import html, letter_pages, markup
from briefing.render.fragments import Place
from briefing.settings import Settings

AUTHORS_URI = "auteurs/index.md"


def author_link(name: str, readers: ReaderIndex) -> str:
    return markup.link(markup.text(name), markup.href(AUTHORS_URI, readers.author_slug(name)))


def _letters_uri(slug: str) -> Callable[[int], str]:
    return lambda page: f"auteurs/{slug}/lettres-{page}.md"


def render_authors_index(corpus: Corpus, readers: ReaderIndex, settings: Settings, place: Place) -> str:
    """Every author with their latest letters, and links to the pages of the older ones."""
    entities = corpus.registry.entities
    sections = []
    for author in readers.authors:
        count = len(author.letters)
        latest, pages = letter_pages.split(list(author.letters), letter_pages.NAMED_LATEST, _letters_uri(author.slug))
        items = html.letter_items(latest, entities, settings.short_name)
        sections.append(
            f"## {markup.text(author.name)} {{ #{author.slug} }}\n\n"
            f"{count} lettre{'s' if count > 1 else ''}.\n\n"
            + place(items + letter_pages.older_links(pages, "Les plus anciennes"), searchable=False) + "\n"
        )
    return (
        markup.front_matter(title="Auteurs", search={"exclude": True})
        + "# Auteurs\n\nLes auteurs des lettres, par nom, avec leurs lettres de la plus récente à la plus ancienne.\n\n"
        + ("\n".join(sections) or "Aucun auteur.\n")
    )


def render_author_letters(corpus: Corpus, readers: ReaderIndex, settings: Settings,
                          placer: Callable[[str], Place]) -> dict[str, str]:
    """The pages of each author's older letters by ``src_uri``."""
    rendered = {}
    for author in readers.authors:
        _, pages = letter_pages.split(list(author.letters), letter_pages.NAMED_LATEST, _letters_uri(author.slug))
        for i, page in enumerate(pages):
            place = placer(page.src_uri)
            title = f"{author.name} : lettres {page.label}"
            items = html.letter_items(page.letters, corpus.registry.entities, settings.short_name)
            up = (f"{author.name} : dernières lettres", AUTHORS_URI)
            rendered[page.src_uri] = "\n".join([
                markup.front_matter(title=title, search={"exclude": True}),
                f"# {markup.text(title)}\n",
                place(items + letter_pages.neighbours(pages, i, up)),
            ])
    return rendered
