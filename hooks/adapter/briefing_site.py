"""MkDocs adapter: the site shell around the pages (identity, wayfinding), called by ``briefing_hooks``.

- Identity: the logo and favicon are named once under ``extra.briefing`` and handed to the theme;
  the footer's links (``overrides/partials/copyright.html``) are page URLs as this build writes them.
- Wayfinding: a page kept out of the navigation gets as parent the page it belongs under
  (``briefing.render.wayfinding``). MkDocs marks a page's parents active while it renders it, so
  Material marks the right tab and its breadcrumb (``navigation.path``) lists them.
- Letters get the previous and next letter in Material's footer (``navigation.footer``); no other page
  does (the navigation's order is not a reading order).
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from briefing.index.corpus import Corpus
from briefing.render import sanitize
from briefing.settings import Settings

FOOTER_PAGES = {"subscriptions": "flux/index.md", "letters": "lettres/index.md", "chronology": "chronologie/index.md"}
"""Generated pages the footer links to, by name (the legal notice comes from ``extra.briefing``)."""


def apply_identity(config, settings: Settings) -> None:
    """The logo and favicon of ``extra.briefing`` become the theme's (Material's own keys)."""
    if settings.logo:
        config.theme["logo"] = settings.logo
    if settings.favicon:
        config.theme["favicon"] = settings.favicon


def footer_links(files: Files, settings: Settings) -> dict[str, str]:
    """The footer's targets as site URLs (``page.html`` in the offline export)."""
    wanted = dict(FOOTER_PAGES, legal_notice=settings.legal_notice) if settings.legal_notice else FOOTER_PAGES
    links = {}
    for name, src_uri in wanted.items():
        file = files.get_file_from_path(src_uri)
        if file is not None:
            links[name] = file.url
    return links


def place_pages(nav, files: Files, parent_of: Callable[[str], str | None]) -> None:
    """Give every page outside the navigation the parent it belongs under; take the navigation's
    previous and next links away from its pages."""
    listed = {id(page) for page in nav.pages}
    for page in nav.pages:
        page.previous_page = page.next_page = None
    pages = {f.src_uri: f.page for f in files.documentation_pages() if f.page is not None}
    for src_uri, page in pages.items():
        if id(page) in listed:
            continue
        parent = parent_of(src_uri)
        if parent is not None:
            page.parent = pages[parent]
            if id(page.parent) not in listed:
                _title_early(page.parent)


def _title_early(page: Page) -> None:
    """A generated parent's title (a year's chronology) known before its page is read: a second
    process that builds event pages (``briefing_parallel_pages``) never reads it, and prints it in
    their breadcrumb."""
    if page.file.generated_by is None or "title" in page.__dict__:
        return
    title = get_data(page.file.content_string)[1].get("title")
    if title is not None:
        page.title = sanitize.plain_title(title)


def link_letters(corpus: Corpus, files: Files) -> None:
    """Each letter's previous (older) and next (newer) letter, by number."""
    ordered = [files.get_file_from_path(letter.src_uri) for letter in reversed(corpus.letters)]
    letter_pages: list[Page] = [f.page for f in ordered if f is not None and f.page is not None]
    for i, page in enumerate(letter_pages):
        page.previous_page = letter_pages[i - 1] if i > 0 else None
        page.next_page = letter_pages[i + 1] if i + 1 < len(letter_pages) else None
