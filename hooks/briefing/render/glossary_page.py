"""The glossary page, and glossary marks turned into links with their expansion on hover."""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.index.corpus import Corpus
from briefing.load import glossary
from briefing.render import html, markup
from briefing.render.fragments import Place
from briefing.settings import Settings
from briefing.structure import Event

GLOSSARY_URI = "glossaire.md"
_ATX_HEADING = re.compile(r"^[ \t>]*#{1,6}(?:[ \t]|$)")
"""``## Titre``, also indented, in a quote (``> ## Titre``) or in an admonition."""
_SETEXT_UNDERLINE = re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$")
"""The line under a setext heading (``Titre`` then ``=====``), also in a quote."""
GLOSSARY_USES_SHOWN = 10
"""Where a term is used: the latest few only, so that the glossary does not grow with the archive."""


def link_marks(markdown: str, corpus: Corpus, place_inline: Callable[[str], str]) -> str:
    """``IP4*`` -> a link to the term's glossary entry titled with its expansion. The star leaves the
    text (and the search index) but the stylesheet draws it again after the link (``.briefing-term``),
    as the letter prints it. The link is a generated fragment put in after Markdown (a Markdown link
    costs an inline parse and a link check for each mark of each page); in a heading, where a
    placeholder would end up in the anchor, it is inline HTML."""
    if "*" not in markdown:
        return markdown
    headings = heading_lines(markdown)

    def render(word: str, line: int) -> str | None:
        link = term_link(word, corpus)
        if link is None:
            return None
        return link if line in headings else place_inline(link)

    return glossary.replace_marks(markdown, render)


def term_link(word: str, corpus: Corpus) -> str | None:
    """The link a glossary mark ``word*`` becomes (None for a word the glossary does not define)."""
    entity = corpus.term(word)
    if entity is None:
        return None
    return html.link(html.text(word), GLOSSARY_URI, entity.slug, title=entity.title, classes="briefing-term")


def heading_lines(markdown: str) -> set[int]:
    """The lines that may be headings, whatever their form: a placeholder there would become part of
    the heading's anchor (and of the table of contents, with the build's random token)."""
    lines = markdown.split("\n")
    return {
        index for index, line in enumerate(lines)
        if _ATX_HEADING.match(line)
        or (index + 1 < len(lines) and line.strip(" \t>") and _SETEXT_UNDERLINE.match(lines[index + 1]))
    }


def _uses_html(documents: list, corpus: Corpus, settings: Settings) -> str:
    """Where a term is used, as the Markdown of ``_uses_markdown`` reads once sanitized (``contributed``)."""
    entities = corpus.registry.entities
    heading = "Utilisé dans :" if len(documents) <= GLOSSARY_USES_SHOWN else (
        f"Utilisé dans {len(documents)} notes et lettres, dont :")
    items = [html.event_line(d) if isinstance(d, Event) else html.letter_link(d, entities, settings.short_name)
             for d in documents[-GLOSSARY_USES_SHOWN:]]
    return f'<div class="briefing-term-uses">\n<p><strong>{heading}</strong></p>\n{html.items(items)}</div>\n'


def _uses_markdown(documents: list, corpus: Corpus, settings: Settings) -> str:
    entities = corpus.registry.entities
    uses = [markup.event_line(d) if isinstance(d, Event) else markup.letter_link(d, entities, settings.short_name)
            for d in documents[-GLOSSARY_USES_SHOWN:]]
    heading = "**Utilisé dans :**" if len(documents) <= GLOSSARY_USES_SHOWN else (
        f"**Utilisé dans {len(documents)} notes et lettres, dont :**"
    )
    return (f'\n\n<div class="briefing-term-uses" data-search-exclude markdown>\n\n{heading}\n\n'
            + "\n".join(f"- {u}" for u in uses) + "\n\n</div>")


_READ_ACROSS = ("<", "```", "~~~", "*[", "[^")
"""What in a definition could change how the rest of the page reads (raw HTML, a fence, an abbreviation,
a footnote, whose list would follow the last term): then the lists stay Markdown."""


def render_glossary(corpus: Corpus, settings: Settings, place: Place | None = None) -> str:
    """The glossary's Markdown. With ``place``, where each term is used is an HTML fragment kept out of
    search, as its Markdown was (``data-search-exclude``): some 200 links of Markdown were most of the
    page's build, and search read them to leave them out."""
    terms = corpus.registry.glossary_terms()
    as_html = place is not None and not any(
        mark in (term.definition or "") for term in terms for mark in _READ_ACROSS)
    entries = []
    for index, entity in enumerate(terms):
        documents = corpus.term_usage.get(entity.key, [])
        used = ""
        if documents and as_html:
            last = index == len(terms) - 1  # Markdown ends the page's last block with no line break
            uses = _uses_html(documents, corpus, settings)
            used = "\n\n" + place(uses.rstrip("\n") if last else uses, searchable=False, contributed=True)
        elif documents:  # kept out of search: the entry would be found by the titles of the notes it lists
            used = _uses_markdown(documents, corpus, settings)
        definition = f"\n\n{entity.definition}" if entity.definition else ""
        entries.append(
            f"## {markup.text(entity.abbr)} {{ #{entity.slug} }}\n\n"
            f"**{markup.text(entity.title)}** — {markup.link('fiche', markup.href(markup.entity_uri(entity)))}"
            f"{definition}{used}\n"
        )
    return (
        markup.front_matter(title="Glossaire")
        + "# Glossaire\n\nLes termes suivis d’un astérisque dans les lettres et les notes renvoient ici.\n\n"
        + ("\n".join(entries) or "Aucun terme.\n")
    )
