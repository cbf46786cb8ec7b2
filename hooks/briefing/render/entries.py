"""Chronology entries: one dated fact as the chronologies (all, per year, per entity) list it.

An entry reads ``date : fact line`` (or, for a note without one, the beginning of its text), then
its entities as links, by their short names (``Otan``). Each is an ``<li class="briefing-entry">``
carrying its days for the filters in the browser: ``data-start`` / ``data-end`` (ISO days, the end
inclusive; absent for a single day). Its entities the filters read from its links (``pays/japon/``:
``pays`` ``japon``), so that an entry does not say them twice; the entity a page leaves out of its
entries' links (an entity's own page) is on the list's container, in a data attribute named after
its registry folder (``data-pays="japon"``). A withheld stand-in carries its dates only.

A list of entries sits in a ``div.briefing-chrono`` that can be read in both orders: the reversed
order is an anchor (``#recent`` or ``#ancien``) that CSS alone honours (``:target``), so that it
works without JavaScript; ``briefing-order.js`` turns it into a real reordering kept in the URL
(``?ordre=recent``).

With ``typeset``, the list comes out typeset (French typography, as ``typography.html`` would leave the
whole list), for a fragment that goes in after search (``Fragments.place``: ``typeset``): each entry's
parts are typeset once when they are built, not on every page that lists the entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from briefing.index.plaintext import one_line
from briefing.load.dates import format_when
from briefing.render import html, markup
from briefing.render.fragments import Place
from briefing.structure import FACT_LINE_CHARS, Entity, Event

EXCERPT_CHARS = FACT_LINE_CHARS
"""A chronology shows at most this many characters of a fact (its fact line, or its text's beginning),
so that an entry, and a page of entries, stays small whatever a note holds."""

_entries = html.KeptPerObject()
_tags = html.KeptPerObject()


def entry_text(event: Event) -> str:
    """The plain text after the date: the fact line, else the text's beginning, else the title."""
    if event.fact:
        text = " ".join(event.fact.split())
        if len(text) > EXCERPT_CHARS:
            text = text[: EXCERPT_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
        return text
    return one_line(event.body, EXCERPT_CHARS) or event.title


def _data_attributes(event: Event) -> str:
    start = event.when.start.first_day().isoformat()
    end = (event.when.end or event.when.start).last_day().isoformat()
    return f' data-start="{start}"' + (f' data-end="{end}"' if end != start else "")


def _build(event: Event, entities: dict[str, Entity], typeset: bool) -> tuple[str, str, list[tuple[str, str]]]:
    """(opening tag, date and text, [(entity key, link)]) of an entry, kept per event: the head ends
    the entry's text node, each link is a whole element."""
    date = html.text(format_when(event.when))
    t = html.typesetter(typeset, kept=True)
    if event.withheld:
        return f'<li class="briefing-entry"{_data_attributes(event)}>', t(f"<b>{date}</b> : {html.WITHHELD}"), []
    opening = f'<li class="briefing-entry"{_data_attributes(event)}>'
    head = t(f"<b>{html.link(date, markup.event_uri(event.id))}</b> : {html.text(entry_text(event))}")
    links = [(key, _tag(entities[key], typeset)) for key in event.entities if key in entities]
    return opening, head, links


def _tag(entity: Entity, typeset: bool) -> str:
    """The link to an entity in an entry, by its short name: the same in every entry that names it."""
    return _tags.get((entity.key, typeset), entity,
                     lambda: html.typesetter(typeset, kept=True)(html.link(html.text(entity.short_name),
                                                                           markup.entity_uri(entity))))


def entry(event: Event, entities: dict[str, Entity], *, omit: str | None = None, typeset: bool = False) -> str:
    """The ``<li>`` of an event; ``omit`` leaves out one entity (the page's own)."""
    opening, head, links = _entries.get((event.id, typeset), event,  # type: ignore[arg-type]
                                        lambda: _build(event, entities, typeset))
    shown = [link for key, link in links if key != omit]
    tags = f'<span class="briefing-tags">{" · ".join(shown)}</span>' if shown else ""
    return f"{opening}{head}{tags}</li>\n"


def entry_list(events: Iterable[Event], entities: dict[str, Entity], *, omit: str | None = None,
               typeset: bool = False) -> str:
    return ('<ol class="briefing-entries">\n'
            + "".join(entry(e, entities, omit=omit, typeset=typeset) for e in events) + "</ol>\n")


LIST_ID = "liste"
"""The container's anchor: following it shows the list in its default order again."""

Group = tuple[tuple[int, str, str] | None, "list[Event] | list[Group]"]
"""A heading (level, title, anchor), or none, and its events (or sub-groups) in the order shown."""


def _groups(groups: list[Group], entities: dict[str, Entity], place: Place, omit: str | None, typeset: bool) -> str:
    blocks = []
    for heading, content in groups:
        head = html.typesetter(typeset)(place.heading(*heading)) if heading else ""
        if content and isinstance(content[0], tuple):
            inner = _groups(content, entities, place, omit, typeset)  # type: ignore[arg-type]
        else:
            inner = entry_list(content, entities, omit=omit, typeset=typeset)  # type: ignore[arg-type]
        blocks.append(f'<section class="briefing-group">\n{head}{inner}</section>\n')
    return f'<div class="briefing-groups">\n{"".join(blocks)}</div>\n'


@cache
def _toggle(newest_first: bool, typeset: bool) -> str:
    other = "ancien" if newest_first else "recent"
    labels = ("Du plus récent au plus ancien", "Du plus ancien au plus récent")
    flip, back = labels[::-1] if newest_first else labels
    return html.typesetter(typeset)(f'<p class="briefing-order" data-search-exclude="">'
                                    f'<a class="briefing-order-flip" href="#{other}">{flip}</a>'
                                    f'<a class="briefing-order-back" href="#{LIST_ID}">{back}</a></p>\n')


def render_entries(groups: list[Group], entities: dict[str, Entity], place: Place, *,
                   newest_first: bool = False, omit: str | None = None, typeset: bool = False) -> str:
    """The HTML of grouped entries in a container that can be read in the other order too (``typeset``:
    see the module's text)."""
    other = "ancien" if newest_first else "recent"
    order = "desc" if newest_first else "asc"
    own = entities.get(omit) if omit else None  # the page's entity, left out of every entry's links
    named = f' data-{own.kind.value}="{html.text(own.slug)}"' if own else ""
    return (f'<div class="briefing-chrono" id="{LIST_ID}" data-order="{order}"{named}>\n'
            f'<span class="briefing-order-target" id="{other}"></span>\n{_toggle(newest_first, typeset)}'
            f'{_groups(groups, entities, place, omit, typeset)}</div>\n')
