"""Atom feeds (feedgen): letters and events for the whole site, and one feed per registry entry.

Entries are plain text (a note's Markdown is never sent as HTML). The public edition's letters
carry only their chapeau; withheld stand-ins are skipped. Every date comes from the content.

feedgen writes each feed's own elements; entries are written by :mod:`.atom` once per build (an
event is in the events feed and in the feeds of its registry entries) and spliced in.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import defaultdict
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from briefing.exports import atom, paths
from briefing.exports.context import ExportContext, ExportFile
from briefing.french import typography
from briefing.index.corpus import Corpus
from briefing.index.plaintext import plain_field
from briefing.load.dates import format_when
from briefing.render import markup
from briefing.structure import Event, Letter

FEED_ENTRIES = 50
"""Entries per feed, latest first: a feed is a window on what is new, not an archive."""

Item = Letter | Event


@dataclass(frozen=True)
class _Entry:
    key: str
    title: str
    page: str
    """The page's ``src_uri``."""
    date: dt.date
    summary: str
    content: tuple[str, ...]
    """Its paragraphs (plain text)."""
    authors: tuple[str, ...]
    categories: tuple[str, ...]


def _key(item: Item) -> str:
    return f"lettre-{item.number}" if isinstance(item, Letter) else f"evenement-{item.id}"


def _date(item: Item) -> dt.date:
    return dt.date(*item.issue_start, 1) if isinstance(item, Letter) else item.when.start.first_day()


def _letter_entry(letter: Letter, context: ExportContext) -> _Entry:
    entities, typeset = context.corpus.registry.entities, context.typeset
    summary = typeset.plain(letter.chapeau)
    withheld = letter.analysis_withheld or not letter.analysis
    content = (summary,) if withheld else (summary, typeset.plain(letter.analysis))
    return _Entry(
        key=_key(letter),
        title=plain_field(markup.letter_reference(letter, entities, context.settings.short_name)),
        page=letter.src_uri,
        date=_date(letter),
        summary=summary,
        content=content,
        authors=tuple(plain_field(a) for a in letter.authors),
        categories=tuple(plain_field(entities[k].title) for k in letter.zones),
    )


def _event_entry(event: Event, context: ExportContext) -> _Entry:
    entities = context.corpus.registry.entities
    date = format_when(event.when)
    body = context.typeset.note(event.body)
    head = f"{date} : {plain_field(event.fact)}" if event.fact else date
    return _Entry(
        key=_key(event),
        title=f"{date} : {plain_field(event.title)}",
        page=markup.event_uri(event.id),
        date=_date(event),
        summary=f"{date} : {plain_field(event.fact or event.title)}",
        content=(head, body) if body else (head,),
        authors=(),
        categories=tuple(plain_field(entities[k].title) for k in event.entities),
    )


@dataclass(frozen=True)
class _Selection:
    """Each feed's letters and events, latest first (by date, then by entry key)."""
    letters: list[Item]
    events: list[Item]
    entities: dict[str, list[Item]]


def _select(corpus: Corpus) -> _Selection:
    """The corpus sorted once, latest first, and dealt out to the feeds each item belongs to until
    each holds ``FEED_ENTRIES`` (rather than one sort per registry entry)."""
    items: list[Item] = [*corpus.letters, *corpus.published_events]
    items.sort(key=lambda item: (_date(item), _key(item)), reverse=True)
    letter_owners: dict[int, list[str]] = defaultdict(list)
    event_owners: dict[str, list[str]] = defaultdict(list)
    for entity, letters in corpus.entity_letters.items():
        for letter in letters:
            letter_owners[letter.number].append(entity)
    for entity, events in corpus.entity_events.items():
        for event in events:
            event_owners[event.id].append(entity)
    selection = _Selection([], [], {key: [] for key in corpus.registry.entities})
    for item in items:
        if isinstance(item, Letter):
            site, owners = selection.letters, letter_owners.get(item.number, ())
        else:
            site, owners = selection.events, event_owners.get(item.id, ())
        if len(site) < FEED_ENTRIES:
            site.append(item)
        for entity in owners:
            feed = selection.entities.setdefault(entity, [])
            if len(feed) < FEED_ENTRIES:
                feed.append(item)
    return selection


class _Writer:
    """Feeds of one build: each entry is made once, and its XML once per link it may carry (a
    relative link depends on the feed's folder; an absolute one does not)."""

    def __init__(self, context: ExportContext):
        self.context = context
        self.entries: dict[str, _Entry] = {}
        self.by_folder: dict[tuple[str, str], bytes] = {}
        self.by_link: dict[tuple[str, str], bytes] = {}

    def _entry(self, key: str, item: Item) -> _Entry:
        if key not in self.entries:
            self.entries[key] = (_letter_entry(item, self.context) if isinstance(item, Letter)
                                 else _event_entry(item, self.context))
        return self.entries[key]

    def _entry_xml(self, item: Item, path: str, folder: str) -> bytes:
        """The entry as written in the feed at ``path``, in ``folder``."""
        key = _key(item)
        xml = self.by_folder.get((key, folder))
        if xml is None:
            links, entry, typeset = self.context.links, self._entry(key, item), self.context.typeset
            link = links.page_link(entry.page, from_file=path)
            xml = self.by_link.get((key, link))
            if xml is None:
                midnight = dt.datetime(entry.date.year, entry.date.month, entry.date.day, tzinfo=dt.UTC)
                xml = self.by_link[key, link] = atom.entry(
                    id=links.page_identifier(entry.page), title=typeset[entry.title], link=link,
                    updated=midnight, published=midnight, summary=typeset[entry.summary],
                    content=typeset.joined(list(entry.content)), authors=entry.authors,
                    categories=entry.categories,
                ).encode()
            self.by_folder[key, folder] = xml
        return xml

    def feed(self, path: str, title: str, page: str, items: list[Item]) -> ExportFile:
        links, settings = self.context.links, self.context.settings
        feed = FeedGenerator()
        feed.id(links.identifier(path))
        feed.title(typography.text(title))
        feed.subtitle(settings.publication)
        feed.author({"name": settings.publication})
        feed.language("fr")
        feed.link(href=links.link(path, from_file=path), rel="self", type=paths.ATOM_TYPE)
        feed.link(href=links.page_link(page, from_file=path), rel="alternate", type="text/html")
        feed.updated(self.context.updated)
        head, end = feed.atom_str(pretty=True).rsplit(b"</feed>", 1)
        folder = posixpath.dirname(path)
        entries = [self._entry_xml(item, path, folder) for item in items]
        return ExportFile(path, b"".join([head, *entries, b"</feed>", end]))


def render_feeds(context: ExportContext) -> list[ExportFile]:
    corpus, short = context.corpus, context.settings.short_name
    selection, writer = _select(corpus), _Writer(context)
    files = [
        writer.feed(paths.LETTERS_FEED, f"{short} – lettres", "lettres/index.md", selection.letters),
        writer.feed(paths.EVENTS_FEED, f"{short} – événements", "chronologie/index.md", selection.events),
    ]
    for entity in sorted(corpus.registry.entities.values(), key=lambda entity: entity.key):
        title = f"{short} – {plain_field(entity.title)} : lettres et événements"
        files.append(writer.feed(paths.entity_feed(entity), title, markup.entity_uri(entity),
                                 selection.entities.get(entity.key, [])))
    return files
