"""Every exported file of one build, and where each will be before any is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.exports import paths
from briefing.exports.links import SiteLinks
from briefing.index.corpus import Corpus
from briefing.settings import Settings

if TYPE_CHECKING:
    from briefing.exports.context import ExportFile


def export_paths(corpus: Corpus, *, offline: bool = False) -> list[str]:
    """The paths ``render_exports`` writes, in its order, known without rendering anything: pages
    link to the exports, so the site knows them before they are written (``write_exports``).
    ``tests/test_export_writers.py`` holds the two to the same list. The offline export holds what
    works from a USB key: the JSON data and the whole chronology's calendar, no feed."""
    if offline:
        return [paths.EVENTS_CALENDAR, paths.EVENTS_JSON, paths.LETTERS_JSON, paths.EXPORT_SCHEMA]
    entities = sorted(corpus.registry.entities.values(), key=lambda entity: entity.key)
    feeds = [paths.LETTERS_FEED, paths.EVENTS_FEED, *(paths.entity_feed(e) for e in entities)]
    dated = [e for e in entities if corpus.entity_events.get(e.key)]
    calendars = [paths.EVENTS_CALENDAR, *(paths.entity_calendar(e) for e in dated)]
    return [*feeds, *_sitemap_stub_paths(feeds), *calendars, paths.EVENTS_JSON, paths.LETTERS_JSON, paths.EXPORT_SCHEMA]


def write_exports(corpus: Corpus, settings: Settings, links: SiteLinks, site_dir: Path,
                  source_date_epoch: str | None = None, *, before_writing: Callable[[], None] | None = None) -> None:
    """Render every export and write it under ``site_dir`` (after ``before_writing`` returns, if given)."""
    exports = render_exports(corpus, settings, links, source_date_epoch)
    if before_writing is not None:
        before_writing()
    for export in exports:
        target = site_dir / export.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(export.content)


def render_exports(corpus: Corpus, settings: Settings, links: SiteLinks,
                   source_date_epoch: str | None = None) -> list[ExportFile]:
    # imported here: the build's main process needs only ``export_paths``; the exports' process, forked
    # while the other core is idle, imports the writers (feedgen, dateutil: 9 ms)
    from briefing.exports.context import ExportContext, content_updated
    from briefing.exports.data import render_data
    from briefing.exports.feeds import render_feeds
    from briefing.exports.ical import render_calendars

    context = ExportContext(corpus, settings, links, content_updated(corpus, source_date_epoch))
    if settings.offline:
        return [*render_calendars(context, site_wide_only=True), *render_data(context)]
    feeds = render_feeds(context)
    return [*feeds, *_sitemap_stubs(feeds), *render_calendars(context), *render_data(context)]


EMPTY_SITEMAP = b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def _sitemap_stubs(feeds: list[ExportFile]) -> list[ExportFile]:
    """An empty ``sitemap.xml`` beside the feeds.

    Material's bundle takes every ``<link rel="alternate">`` for a language version of the site and
    fetches ``sitemap.xml`` from its folder; without these, every page would request a missing file
    (a 404 online, a failed read from ``file://``). An empty sitemap maps no page, so nothing changes.
    """
    from briefing.exports.context import ExportFile

    return [ExportFile(path, EMPTY_SITEMAP) for path in _sitemap_stub_paths([feed.path for feed in feeds])]


def _sitemap_stub_paths(feed_paths: list[str]) -> list[str]:
    folders = sorted({path.rsplit("/", 1)[0] for path in feed_paths if "/" in path})
    return [f"{folder}/sitemap.xml" for folder in folders]
