"""Every exported file of one build."""

from __future__ import annotations

from ..corpus import Corpus
from ..settings import Settings
from .context import ExportContext, ExportFile, content_updated
from .data import render_data
from .feeds import render_feeds
from .ical import render_calendars
from .links import SiteLinks


def render_exports(corpus: Corpus, settings: Settings, links: SiteLinks,
                   source_date_epoch: str | None = None) -> list[ExportFile]:
    context = ExportContext(corpus, settings, links, content_updated(corpus, source_date_epoch))
    feeds = render_feeds(context)
    return [*feeds, *_sitemap_stubs(feeds), *render_calendars(context), *render_data(context)]


EMPTY_SITEMAP = b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def _sitemap_stubs(feeds: list[ExportFile]) -> list[ExportFile]:
    """An empty ``sitemap.xml`` beside the feeds.

    Material's bundle takes every ``<link rel="alternate">`` for a language version of the site and
    fetches ``sitemap.xml`` from its folder; without these, every page would request a missing file
    (a 404 online, a failed read from ``file://``). An empty sitemap maps no page, so nothing changes.
    """
    folders = sorted({feed.path.rsplit("/", 1)[0] for feed in feeds if "/" in feed.path})
    return [ExportFile(f"{folder}/sitemap.xml", EMPTY_SITEMAP) for folder in folders]
