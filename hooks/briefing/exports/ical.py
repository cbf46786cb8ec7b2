"""iCalendar files (icalendar library) of the events: the whole site and one per registry entry.

Every event is an all-day event (``VALUE=DATE``). ``DTEND`` is exclusive, as RFC 5545 says: the
day after the last day. A date known to the month spans the whole month, a date known to the
year the whole year, and the summary says so (``(août 2023, date au mois près)``). DTSTAMP and
UID are derived from the content, so the same sources give the same file.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from ..dates import format_when
from ..plaintext import plain_field, plain_text
from ..render import markup
from ..structure import Entity, Event, Precision
from . import paths
from .context import ExportContext, ExportFile

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


def _component(event: Event, context: ExportContext) -> CalendarEvent:
    links, entities = context.links, context.corpus.registry.entities
    start, end = event_span(event)
    page = links.page_path(markup.event_uri(event.id))
    lines = [f"Date : {format_when(event.when)}", plain_text(event.body)]
    lines += [f"Source : {plain_field(s.title)}" + (f" ({s.url})" if s.url else "") for s in event.sources]
    component = CalendarEvent()
    component.add("uid", f"{event.id}@{links.host}")
    component.add("dtstamp", context.updated)
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", _summary(event))
    component.add("description", "\n\n".join(line for line in lines if line))
    component.add("transp", "TRANSPARENT")
    if links.absolute(page):
        component.add("url", links.absolute(page))
    names = [plain_field(entities[k].title) for k in event.entities]
    if names:
        component.add("categories", names)
    return component


def _calendar(path: str, name: str, events: list[Event], context: ExportContext) -> ExportFile:
    """The calendar's own lines from icalendar, with each event's VEVENT serialised once per build and
    spliced in before ``END:VCALENDAR`` (an event is in the site calendar and in several entries')."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{context.settings.short_name}//briefing//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    head, end = calendar.to_ical().rsplit(b"END:VCALENDAR", 1)
    components = [
        context.memo(("vevent", event.id), lambda e=event: _component(e, context).to_ical())
        for event in events if not event.withheld
    ]
    return ExportFile(path, b"".join([head, *components, b"END:VCALENDAR", end]))


def _entity_calendar(entity: Entity, context: ExportContext) -> ExportFile:
    events = context.corpus.entity_events.get(entity.key, [])
    name = f"{context.settings.short_name} – {plain_field(entity.title)}"
    return _calendar(paths.entity_calendar(entity), name, events, context)


def render_calendars(context: ExportContext) -> list[ExportFile]:
    corpus = context.corpus
    files = [_calendar(paths.EVENTS_CALENDAR, f"{context.settings.short_name} – événements",
                       corpus.published_events, context)]
    entities = sorted(corpus.registry.entities.values(), key=lambda e: e.key)
    files += [_entity_calendar(e, context) for e in entities if corpus.entity_events.get(e.key)]
    return files
