"""Render stage: the Markdown of generated pages, and of the real pages the generator completes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.exports.paths import SUBSCRIPTIONS_PAGE
from briefing.index.corpus import Corpus
from briefing.index.readers import ReaderIndex
from briefing.render import html, markup
from briefing.render.authors import AUTHORS_URI, render_author_letters, render_authors_index
from briefing.render.chronology import (
    CHRONOLOGY_INDEX_URI,
    render_chronology_index,
    render_chronology_months,
    render_chronology_years,
)
from briefing.render.entities import (
    render_entity,
    render_entity_archives,
    render_entity_letters,
    render_registry_index,
)
from briefing.render.events import render_event, render_event_front_matter
from briefing.render.fragments import Finish, Fragments, Later, Place
from briefing.render.glossary_page import GLOSSARY_URI, link_marks, render_glossary
from briefing.render.home import render_home
from briefing.render.letters import LETTERS_INDEX_URI, render_letter, render_letters_archives, render_letters_index
from briefing.render.news import NEWS_URI, render_news
from briefing.render.relations import render_relation, render_relation_letters, render_relations_index
from briefing.render.subscriptions import render_subscriptions
from briefing.settings import Settings
from briefing.structure import EntityKind

HOME_URI = "index.md"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    """Path under ``docs/`` the page is published as, e.g. ``evenements/x.md``."""
    markdown: str
    source: Path | None = None
    """The contributor's file behind the page, for "edit this page"."""


class _PagePlacer:
    """``fragments.Place`` for one page."""

    def __init__(self, fragments: Fragments, src_uri: str):
        self._fragments, self._src_uri = fragments, src_uri

    def __call__(self, fragment_html: str, searchable: bool = True, search_html: str | None = None,
                 typeset: bool = False, contributed: bool = False) -> str:
        return self._fragments.place(self._src_uri, fragment_html, searchable=searchable, search_html=search_html,
                                     typeset=typeset, contributed=contributed)

    def heading(self, level: int, title: str, anchor: str) -> str:
        self._fragments.add_heading(self._src_uri, level, title, anchor)
        return html.heading(level, title, anchor)


class SiteRenderer:
    def __init__(self, corpus: Corpus, settings: Settings):
        self.corpus = corpus
        self.settings = settings
        self._letters = {letter.src_uri: letter for letter in corpus.letters}
        self._entities = {markup.entity_uri(e): e for e in corpus.registry.entities.values()}
        self.readers = ReaderIndex(corpus)
        self.fragments = Fragments()
        self._events = {markup.event_uri(e.id): e for e in corpus.published_events}
        self._later: dict[str, Later] = {}
        """Generated pages whose body is rendered with the page, by ``src_uri`` (year, month and archive pages)."""

    def _placer(self, src_uri: str) -> Place:
        """Places fragments on the page ``src_uri``, whose Markdown is being rendered (again)."""
        self.fragments.forget(src_uri)
        return _PagePlacer(self.fragments, src_uri)

    def generated_pages(self) -> list[GeneratedPage]:
        corpus, settings = self.corpus, self.settings
        pages = []
        self._later.clear()
        for uri, event in self._events.items():  # rendered with the page (page_markdown), where it is built
            pages.append(GeneratedPage(uri, render_event_front_matter(event), event.path))
        index = CHRONOLOGY_INDEX_URI
        pages.append(GeneratedPage(index, render_chronology_index(corpus, self._placer(index))))
        pages += self._later_pages(render_chronology_years(corpus))
        pages += self._later_pages(render_chronology_months(corpus))
        letters = LETTERS_INDEX_URI
        pages.append(GeneratedPage(letters, render_letters_index(corpus, settings, self._placer(letters))))
        pages += [GeneratedPage(uri, text) for uri, text in render_letters_archives(corpus, self._placer).items()]
        for kind in EntityKind:
            uri = f"{kind.value}/index.md"
            pages.append(GeneratedPage(uri, render_registry_index(kind, corpus, self._placer(uri))))
        for entity in corpus.registry.entities.values():
            pages += self._later_pages(render_entity_archives(entity, corpus))
            letters = render_entity_letters(entity, corpus, settings, self._placer)
            pages += [GeneratedPage(uri, text) for uri, text in letters.items()]
        pages.append(GeneratedPage(GLOSSARY_URI, render_glossary(corpus, settings, self._placer(GLOSSARY_URI))))
        pages += self._reader_pages()
        return pages

    def _later_pages(self, later: dict[str, Later]) -> list[GeneratedPage]:
        """Pages whose body is rendered with the page (``page_markdown``): their front matter for now."""
        self._later.update(later)
        return [GeneratedPage(uri, front_matter) for uri, (front_matter, _body) in later.items()]

    def _reader_pages(self) -> list[GeneratedPage]:
        """Relations, authors, what's new and the subscriptions page."""
        corpus, settings, readers = self.corpus, self.settings, self.readers
        pages = []
        for r in readers.relations:
            pages += self._later_pages({r.src_uri: render_relation(r, corpus, readers, settings)})
            older = render_relation_letters(r, corpus, readers, settings, self._placer)
            pages += [GeneratedPage(uri, text) for uri, text in older.items()]
        pages += [GeneratedPage(uri, text) for uri, text in render_relations_index(corpus, readers,
                                                                                   self._placer).items()]
        authors = render_authors_index(corpus, readers, settings, self._placer(AUTHORS_URI))
        pages.append(GeneratedPage(AUTHORS_URI, authors))
        pages += [GeneratedPage(uri, text) for uri, text in render_author_letters(corpus, readers, settings,
                                                                                  self._placer).items()]
        pages.append(GeneratedPage(NEWS_URI, render_news(corpus, readers, settings, self._placer(NEWS_URI))))
        pages.append(GeneratedPage(SUBSCRIPTIONS_PAGE, render_subscriptions(settings)))
        return pages

    def page_markdown(self, src_uri: str, markdown: str) -> str:
        """The final Markdown of any page: events, letters and entities rendered whole, glossary marks
        linked."""
        if src_uri in self._events:
            markdown = render_event(self._events[src_uri], self.corpus, self.settings, self._placer(src_uri))
        elif src_uri in self._letters:
            markdown = render_letter(self._letters[src_uri], self.corpus, self.settings, self.readers,
                                     self._placer(src_uri))
        elif src_uri in self._entities:
            markdown = render_entity(self._entities[src_uri], self.corpus, self.settings, self._placer(src_uri),
                                     self.readers)
        elif src_uri in self._later:
            markdown = self._later[src_uri][1](self._placer(src_uri))
        elif src_uri == HOME_URI:
            markdown = render_home(markdown, self.corpus, self.settings)
        return link_marks(markdown, self.corpus, lambda link: self.fragments.place_inline(src_uri, link))

    def writes_search_entry(self, src_uri: str) -> bool:
        """Whether the page's search entry is written by the build (``search.page_entries``): event pages."""
        return src_uri in self._events

    def page_headings(self, src_uri: str) -> list[tuple[int, str, str]]:
        """Headings of the page written as HTML, for its table of contents: (level, title, anchor)."""
        return self.fragments.headings(src_uri)

    def page_html(self, src_uri: str, rendered: str, finish: Finish) -> str:
        """A page's rendered body with its searchable fragments in place (``Fragments.assemble``)."""
        return self.fragments.assemble(src_uri, rendered, finish)

    def complete_page_html(self, src_uri: str, content: str, resolve: Finish, typeset: Finish | None = None,
                           clean: Finish | None = None) -> str:
        """The body with the fragments kept out of search in place, typeset (``Fragments.complete``)."""
        return self.fragments.complete(src_uri, content, resolve, typeset, clean)
