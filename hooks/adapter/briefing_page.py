"""MkDocs adapter: a rendered page's last touches, called by ``briefing_hooks``: headings written as HTML
in its table of contents, French typography on all a reader sees of it, and its head's metadata."""

from __future__ import annotations

from html import escape as html_escape

from markupsafe import escape
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import normalize_url

from briefing.french import typography


def add_to_toc(page, headings: list[tuple[int, str, str]]) -> None:
    """Headings written as HTML (``Fragments.add_heading``), listed under the page's title and
    nested by level, as the ``toc`` extension lists Markdown headings."""
    if not headings:
        return
    items = page.toc.items
    top = items[-1].children if items and items[-1].level == 1 else items
    open_headings: list[AnchorLink] = []
    for level, title, anchor in headings:
        link = AnchorLink(html_escape(title, quote=False), anchor, level)
        while open_headings and open_headings[-1].level >= level:
            open_headings.pop()
        (open_headings[-1].children if open_headings else top).append(link)
        open_headings.append(link)


def typeset_titles(page) -> None:
    """French typography on the page's title and table of contents, once search has read the page as
    written (its body is typeset as it is completed: ``Fragments.complete``)."""
    if page.title:
        page.meta["title"] = typography.text(page.title)
    pending = list(page.toc.items)
    while pending:
        item = pending.pop()
        item.title = typography.html(item.title)
        pending.extend(item.children)


def head_html(page, site_name: str) -> str:
    """The page's feed links, Open Graph and JSON-LD (``page.meta["briefing_head"]``, from
    ``render.metadata``), written as ``overrides/main.html`` wrote them with Jinja (``| e`` is
    ``markupsafe.escape``, ``| url`` is ``normalize_url``): 0.1 ms a page less."""
    head = page.meta.get("briefing_head")
    if not head:
        return ""
    lines = [f'<link rel="alternate" type="{escape(feed["type"])}" title="{escape(feed["title"])}" '
             f'href="{escape(normalize_url(str(feed["href"]), page))}">' for feed in head["feeds"]]
    lines += [
        f'<meta property="og:type" content="{escape(head["og_type"])}">',
        f'<meta property="og:title" content="{escape(head["og_title"] or page.title or site_name)}">',
        f'<meta property="og:description" content="{escape(head["og_description"])}">',
        f'<meta property="og:site_name" content="{escape(site_name)}">',
        '<meta property="og:locale" content="fr_FR">',
    ]
    if page.canonical_url:
        lines.append(f'<meta property="og:url" content="{escape(page.canonical_url)}">')
    if head["jsonld"]:
        lines.append(f'<script type="application/ld+json">{head["jsonld"]}</script>')
    return "".join(f"\n  {line}" for line in lines)
