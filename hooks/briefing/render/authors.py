"""The authors' index: every author with their letters, one anchor per author."""

from __future__ import annotations

from briefing.index.corpus import Corpus
from briefing.index.readers import ReaderIndex
from briefing.render import markup
from briefing.settings import Settings

AUTHORS_URI = "auteurs/index.md"


def author_link(name: str, readers: ReaderIndex) -> str:
    return markup.link(markup.text(name), markup.href(AUTHORS_URI, readers.author_slug(name)))


def render_authors_index(corpus: Corpus, readers: ReaderIndex, settings: Settings) -> str:
    entities = corpus.registry.entities
    sections = []
    for author in readers.authors:
        count = len(author.letters)
        items = markup.letter_items(author.letters, entities, settings.short_name)
        sections.append(
            f"## {markup.text(author.name)} {{ #{author.slug} }}\n\n"
            f"{count} lettre{'s' if count > 1 else ''}.\n\n{items}\n"
        )
    return (
        markup.front_matter(title="Auteurs", search={"exclude": True})
        + "# Auteurs\n\nLes auteurs des lettres, par nom, avec leurs lettres de la plus récente à la plus ancienne.\n\n"
        + ("\n".join(sections) or "Aucun auteur.\n")
    )
