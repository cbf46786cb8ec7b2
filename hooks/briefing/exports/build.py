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
    return [*render_feeds(context), *render_calendars(context), *render_data(context)]
