"""What every exporter gets: the corpus, the settings, where pages live, and a deterministic date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefing.exports.links import SiteLinks
from briefing.french import typography
from briefing.index.corpus import Corpus
from briefing.index.plaintext import capitalised, plain_text
from briefing.settings import Settings


class Typeset(dict):
    """French typography of the exports' text, each distinct text typeset once per build (``typeset[x]``
    is ``typography.text(x)``): a note's text is in its feed entry and in its calendar entries."""

    def __missing__(self, value: str) -> str:
        typeset = self[value] = typography.text(value)
        return typeset

    def plain(self, markdown: str) -> str:
        """``plain_text(markdown)``, known to be typeset: ``plain_text`` gives typeset text, which
        ``typography.text`` leaves as it is (idempotent: ``tests/test_french.py``)."""
        text = plain_text(markdown)
        self[text] = text
        return text

    def note(self, markdown: str) -> str:
        """A note's plain text with its first letter capitalised (``capitalised``); typeset again if that
        changed it, when it is used (a capital could make a URL no longer read as one)."""
        return capitalised(self.plain(markdown))

    def joined(self, parts: list[str]) -> str:
        """``typography.text`` of the parts joined by blank lines, each typeset once (``typography.joined``)."""
        return typography.joined(parts, self.__getitem__)


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
    typeset: Typeset = field(default_factory=Typeset, compare=False)


def content_updated(corpus: Corpus, source_date_epoch: str | None = None) -> dt.datetime:
    """A deterministic "last updated" time for feeds and calendars."""
    if source_date_epoch and source_date_epoch.strip():
        return dt.datetime.fromtimestamp(int(source_date_epoch), tz=dt.UTC)
    dates = [e.when.start.first_day() for e in corpus.published_events]
    dates += [dt.date(*letter.issue_start, 1) for letter in corpus.letters]
    latest = max(dates, default=dt.date(1970, 1, 1))
    return dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC)

