"""What a page says about itself to feed readers and sharing: feed links, Open Graph, schema.org JSON-LD.

Returned as plain data (``page.meta.briefing_head``); the adapter writes it into the page's head
(``adapter/briefing_page.py``: ``head_html``), which ``overrides/main.html`` prints.
JSON-LD is serialised here with ``<``, ``>`` and ``&`` escaped, so that no text can close its
``<script>`` element; every other value is escaped where it is written.
"""

from __future__ import annotations

import json

from briefing.exports import paths
from briefing.exports.links import SiteLinks
from briefing.index.corpus import Corpus
from briefing.index.plaintext import one_line
from briefing.index.readers import ReaderIndex
from briefing.load.dates import format_when
from briefing.render import markup
from briefing.render.authors import AUTHORS_URI
from briefing.settings import Settings
from briefing.structure import Entity, EntityKind, Event, Letter

DESCRIPTION_LENGTH = 300


def json_ld(document: dict) -> str:
    """JSON safe inside ``<script type="application/ld+json">``."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _feed(href: str, title: str, kind: str = paths.ATOM_TYPE) -> dict:
    return {"href": href, "title": title, "type": kind}


class PageHeads:
    def __init__(self, corpus: Corpus, settings: Settings, readers: ReaderIndex, links: SiteLinks):
        self.corpus, self.settings, self.readers, self.links = corpus, settings, readers, links
        self._letters = {x.src_uri: x for x in corpus.letters}
        self._events = {markup.event_uri(e.id): e for e in corpus.published_events}
        self._entities = {markup.entity_uri(e): e for e in corpus.registry.entities.values()}
        short = settings.short_name
        self._site_feeds = [] if settings.offline else [  # the export has no feed (Material would
            _feed(paths.LETTERS_FEED, f"{short} – lettres"),  # fetch a sitemap beside each link)
            _feed(paths.EVENTS_FEED, f"{short} – événements"),
        ]

    def for_page(self, src_uri: str) -> dict:
        """``{"feeds": [...], "og_type", "og_title", "og_description", "jsonld"}`` (title None: the page's)."""
        head = {"feeds": list(self._site_feeds), "og_type": "website", "og_title": None,
                "og_description": self.settings.publication, "jsonld": None}
        if src_uri in self._letters:
            head.update(self._letter(self._letters[src_uri]))
        elif src_uri in self._events:
            head.update(self._event(self._events[src_uri]))
        elif src_uri in self._entities:
            entity = self._entities[src_uri]
            head["og_title"] = entity.title
            head["og_description"] = one_line(entity.definition, DESCRIPTION_LENGTH) or entity.title
            if not self.settings.offline:
                head["feeds"] = [_feed(paths.entity_feed(entity), f"{self.settings.short_name} – {entity.title}"),
                                 *head["feeds"]]
        return head

    def _url(self, src_uri: str) -> str | None:
        return self.links.page_url(src_uri)

    def _letter(self, letter: Letter) -> dict:
        entities = self.corpus.registry.entities
        heading = markup.letter_heading(letter, entities)
        description = one_line(letter.chapeau, DESCRIPTION_LENGTH) or heading
        year, months = letter.issue.split("-", 1)
        document = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": heading,
            "description": description,
            "datePublished": f"{year}-{months.split('&')[0]}",
            "inLanguage": "fr",
            "author": [self._person(name) for name in letter.authors],
            "publisher": {"@type": "Organization", "name": self.settings.publication},
            "isAccessibleForFree": not letter.analysis_withheld,
            "about": [self._thing(entities[k]) for k in letter.zones],
            "identifier": f"{self.settings.short_name} n° {letter.number}/{letter.issue}",
        }
        self._add_url(document, letter.src_uri)
        return {"og_type": "article", "og_title": heading, "og_description": description, "jsonld": json_ld(document)}

    def _event(self, event: Event) -> dict:
        date = format_when(event.when)
        description = one_line(event.body, DESCRIPTION_LENGTH) or event.title
        end = event.when.end or event.when.start
        entities = [self.corpus.entity(k) for k in event.entities]
        places = [self._thing(e) for e in entities if e.kind is EntityKind.COUNTRY]
        document = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "description": f"{date} : {description}",
            "startDate": event.when.start.iso(),
            "endDate": end.iso(),
            "eventStatus": "https://schema.org/EventScheduled",
            "inLanguage": "fr",
            "about": [self._thing(e) for e in entities if e.kind is not EntityKind.COUNTRY],
        }
        if places:
            document["location"] = places
        self._add_url(document, markup.event_uri(event.id))
        return {"og_type": "article", "og_title": f"{date} : {event.title}", "og_description": description,
                "jsonld": json_ld(document)}

    def _person(self, name: str) -> dict:
        person = {"@type": "Person", "name": name}
        url = self.links.page_url(AUTHORS_URI)
        if url:
            person["url"] = f"{url}#{self.readers.author_slug(name)}"
        return person

    def _thing(self, entity: Entity) -> dict:
        kind = {EntityKind.COUNTRY: "Place", EntityKind.PERSON: "Person", EntityKind.ORGANIZATION: "Organization"}
        thing = {"@type": kind.get(entity.kind, "Thing"), "name": entity.title}
        url = self._url(markup.entity_uri(entity))
        if url:
            thing["url"] = url
        return thing

    def _add_url(self, document: dict, src_uri: str) -> None:
        url = self._url(src_uri)
        if url:
            document["url"] = url
            document["mainEntityOfPage"] = url
