"""iCalendar files of the events: the whole site and one per registry entry.

Every event is an all-day event (``VALUE=DATE``). ``DTEND`` is exclusive, as RFC 5545 says: the
day after the last day. A date known to the month spans the whole month, a date known to the
year the whole year, and the summary says so (``(août 2023, date au mois près)``). DTSTAMP and
UID are derived from the content, so the same sources give the same file.

The lines are written by :mod:`.rfc5545` (what the icalendar library would write, much faster).
"""

from __future__ import annotations

import datetime as dt

from briefing.exports import paths, rfc5545
from briefing.exports.context import ExportContext, ExportFile
from briefing.french import typography
from briefing.index.plaintext import plain_field
from briefing.load.dates import format_when
from briefing.render import markup
from briefing.structure import Event, Precision

_PRECISION_NOTE = {Precision.MONTH: "date au mois près", Precision.YEAR: "date à l’année près"}


def event_span(event: Event) -> tuple[dt.date, dt.date]:
    """(DTSTART, exclusive DTEND) of an event: from its first possible day to the day after its last."""
    last = (event.when.end or event.when.start).last_day()
    return event.when.start.first_day(), last + dt.timedelta(days=1)


def _summary(event: Event) -> str:
    """The title, with the date written out when it is less precise than a day."""
    precisions = {event.when.start.precision, (event.when.end or event.when.start).precision}
    vague = [note for precision, note in _PRECISION_NOTE.items() if precision in precisions]
    if not vague:
        return plain_field(event.title)
    return f"{plain_field(event.title)} ({format_when(event.when)}, {vague[-1]})"


class _Calendars:
    """The calendars of one build. Every published event's VEVENT is written once: an event is in
    the site calendar and in its entries'. Properties in icalendar's order (canonical ones first,
    then by name)."""

    def __init__(self, context: ExportContext):
        self.links = context.links
        self.typeset = context.typeset
        self.short_name = context.settings.short_name
        self.stamp = rfc5545.utc_datetime(context.updated)
        self.host = context.links.host
        self.categories = {key: rfc5545.text(plain_field(entity.title))
                           for key, entity in context.corpus.registry.entities.items()}
        self.vevents = {event.id: self._vevent(event) for event in context.corpus.published_events}

    def _vevent(self, event: Event) -> bytes:
        links = self.links
        start, end = event_span(event)
        page = links.page_url(markup.event_uri(event.id))  # the site's address, also in the offline export
        date = format_when(event.when)
        first = f"{date} : {plain_field(event.fact)}" if event.fact else f"Date : {date}"
        description = [first, self.typeset.note(event.body)]  # paragraphs: typography.PARAGRAPH_BREAK between
        description += [f"Source : {plain_field(s.title)}" + (f" ({s.url})" if s.url else "") for s in event.sources]
        categories = ",".join([self.categories[key] for key in event.entities])
        return rfc5545.lines(
            "BEGIN:VEVENT",
            f"SUMMARY:{rfc5545.text(typography.text(_summary(event)))}",
            f"DTSTART;VALUE=DATE:{rfc5545.date(start)}",
            f"DTEND;VALUE=DATE:{rfc5545.date(end)}",
            f"DTSTAMP:{self.stamp}",
            f"UID:{rfc5545.text(event.id + '@' + self.host)}",
            *([f"CATEGORIES:{categories}"] if categories else []),
            f"DESCRIPTION:{rfc5545.text(self.typeset.joined([d for d in description if d]))}",
            "TRANSP:TRANSPARENT",
            *([f"URL:{page}"] if page else []),
            "END:VEVENT",
        )

    def file(self, path: str, name: str, events: list[Event]) -> ExportFile:
        head = rfc5545.lines(
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{rfc5545.text(f'-//{self.short_name}//briefing//FR')}",
            "CALSCALE:GREGORIAN",
            f"X-WR-CALNAME:{rfc5545.text(typography.text(name))}",
        )
        vevents = [self.vevents[event.id] for event in events if not event.withheld]
        return ExportFile(path, b"".join([head, *vevents, rfc5545.lines("END:VCALENDAR")]))


def render_calendars(context: ExportContext, *, site_wide_only: bool = False) -> list[ExportFile]:
    """The site's calendar, then one per registry entry with events (none with ``site_wide_only``)."""
    corpus, short = context.corpus, context.settings.short_name
    calendars = _Calendars(context)
    files = [calendars.file(paths.EVENTS_CALENDAR, f"{short} – événements", corpus.published_events)]
    if site_wide_only:
        return files
    for entity in sorted(corpus.registry.entities.values(), key=lambda e: e.key):
        if corpus.entity_events.get(entity.key):
            files.append(calendars.file(paths.entity_calendar(entity), f"{short} – {plain_field(entity.title)}",
                                        corpus.entity_events[entity.key]))
    return files
