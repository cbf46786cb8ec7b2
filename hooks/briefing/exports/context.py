"""What every exporter gets: the corpus, the settings, where pages live, and a deterministic date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.exports.links import SiteLinks
from briefing.index.corpus import Corpus
from briefing.settings import Settings


@dataclass(frozen=True)
class ExportFile:
    path: str
    """Path in the built site, e.g. ``flux/lettres.xml``."""
    content: bytes


@dataclass(frozen=True)
class ExportContext:
    corpus: Corpus
    settings: Settings
    links: SiteLinks
    updated: dt.datetime
    """When the content last changed: ``SOURCE_DATE_EPOCH`` if set, else the latest content date."""


def content_updated(corpus: Corpus, source_date_epoch: str | None = None) -> dt.datetime:
    """A deterministic "last updated" time for feeds and calendars."""
    if source_date_epoch and source_date_epoch.strip():
        return dt.datetime.fromtimestamp(int(source_date_epoch), tz=dt.UTC)
    dates = [e.when.start.first_day() for e in corpus.published_events]
    dates += [dt.date(*letter.issue_start, 1) for letter in corpus.letters]
    latest = max(dates, default=dt.date(1970, 1, 1))
    return dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC)

