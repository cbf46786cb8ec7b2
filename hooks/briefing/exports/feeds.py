"""Atom feeds (feedgen): letters and events for the whole site, and one feed per registry entry.

Entries are plain text (a note's Markdown is never sent as HTML). The public edition's letters
carry only their chapeau; withheld stand-ins are skipped. Every date comes from the content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from ..dates import format_when
from ..plaintext import plain_field, plain_text
from ..render import markup
from ..structure import Entity, Event, Letter
from . import paths
from .context import ExportContext, ExportFile

FEED_ENTRIES = 50
"""Entries per feed, latest first: a feed is a window on what is new, not an archive."""


@dataclass(frozen=True)
class _Entry:
    key: str
    title: str
    page: str
    """The page's ``src_uri``."""
    date: dt.date
    summary: str
    content: str
    authors: tuple[str, ...]
    categories: tuple[str, ...]


def _midnight(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)


def _letter_entry(letter: Letter, context: ExportContext) -> _Entry:
    entities = context.corpus.registry.entities
    summary = plain_text(letter.chapeau)
    content = summary if letter.analysis_withheld or not letter.analysis else (
        f"{summary}\n\n{plain_text(letter.analysis)}"
    )
    return _Entry(
        key=f"lettre-{letter.number}",
        title=plain_field(markup.letter_reference(letter, entities, context.settings.short_name)),
        page=letter.src_uri,
        date=dt.date(*letter.issue_start, 1),
        summary=summary,
        content=content,
        authors=tuple(plain_field(a) for a in letter.authors),
        categories=tuple(plain_field(entities[k].title) for k in letter.zones),
    )


def _event_entry(event: Event, context: ExportContext) -> _Entry:
    entities = context.corpus.registry.entities
    date = format_when(event.when)
    body = plain_text(event.body)
    return _Entry(
        key=f"evenement-{event.id}",
        title=f"{date} : {plain_field(event.title)}",
        page=markup.event_uri(event.id),
        date=event.when.start.first_day(),
        summary=f"{date} : {plain_field(event.title)}",
        content=f"{date}\n\n{body}" if body else date,
        authors=(),
        categories=tuple(plain_field(entities[k].title) for k in event.entities),
    )


def _latest(letters: list[Letter], events: list[Event], context: ExportContext) -> list[_Entry]:
    """The ``FEED_ENTRIES`` latest letters and events as entries, latest first (text is made only for those)."""
    dated: list[tuple[tuple, Letter | Event]] = [
        ((dt.date(*x.issue_start, 1), f"lettre-{x.number}"), x) for x in letters
    ]
    dated += [((e.when.start.first_day(), f"evenement-{e.id}"), e) for e in events if not e.withheld]
    dated.sort(key=lambda item: item[0], reverse=True)
    return [
        context.memo(("entry", key), lambda i=item: _letter_entry(i, context) if isinstance(i, Letter)
                     else _event_entry(i, context))
        for (_, key), item in dated[:FEED_ENTRIES]
    ]


def _render_feed(path: str, title: str, page: str, latest: list[_Entry], context: ExportContext) -> ExportFile:
    links, settings = context.links, context.settings
    feed = FeedGenerator()
    feed.id(links.identifier(path))
    feed.title(title)
    feed.subtitle(settings.publication)
    feed.author({"name": settings.publication})
    feed.language("fr")
    feed.link(href=links.link(path, from_file=path), rel="self", type=paths.ATOM_TYPE)
    feed.link(href=links.link(links.page_path(page), from_file=path), rel="alternate", type="text/html")
    feed.updated(context.updated)
    for item in latest:
        entry = feed.add_entry(order="append")
        entry.id(links.identifier(links.page_path(item.page)))
        entry.title(item.title)
        entry.link(href=links.link(links.page_path(item.page), from_file=path), rel="alternate", type="text/html")
        entry.published(_midnight(item.date))
        entry.updated(_midnight(item.date))
        entry.summary(item.summary)
        entry.content(item.content, type="text")
        for name in item.authors:
            entry.author({"name": name})
        for category in item.categories:
            entry.category({"term": category})
    return ExportFile(path, feed.atom_str(pretty=True))


def _entity_feed(entity: Entity, context: ExportContext) -> ExportFile:
    corpus = context.corpus
    entries = _latest(corpus.entity_letters.get(entity.key, []), corpus.entity_events.get(entity.key, []), context)
    title = f"{context.settings.short_name} – {plain_field(entity.title)} : lettres et événements"
    return _render_feed(paths.entity_feed(entity), title, markup.entity_uri(entity), entries, context)


def render_feeds(context: ExportContext) -> list[ExportFile]:
    corpus, short = context.corpus, context.settings.short_name
    files = [
        _render_feed(paths.LETTERS_FEED, f"{short} – lettres", "lettres/index.md",
                     _latest(corpus.letters, [], context), context),
        _render_feed(paths.EVENTS_FEED, f"{short} – événements", "chronologie/index.md",
                     _latest([], corpus.published_events, context), context),
    ]
    files += [_entity_feed(entity, context) for entity in sorted(corpus.registry.entities.values(), key=_key)]
    return files


def _key(entity: Entity) -> str:
    return entity.key
