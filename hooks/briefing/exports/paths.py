"""Where the exported files live in the site, shared by the exporters and the pages that link to them."""

from __future__ import annotations

from briefing.structure import Entity

FEEDS_DIR = "flux"
LETTERS_FEED = f"{FEEDS_DIR}/lettres.xml"
EVENTS_FEED = f"{FEEDS_DIR}/evenements.xml"
EVENTS_CALENDAR = f"{FEEDS_DIR}/evenements.ics"
DATA_DIR = "donnees"
EVENTS_JSON = f"{DATA_DIR}/evenements.json"
LETTERS_JSON = f"{DATA_DIR}/lettres.json"
EXPORT_SCHEMA = f"{DATA_DIR}/schema.json"
SUBSCRIPTIONS_PAGE = f"{FEEDS_DIR}/index.md"

ATOM_TYPE = "application/atom+xml"
ICS_TYPE = "text/calendar"


def entity_feed(entity: Entity) -> str:
    """One Atom feed per registry entry, with its letters and its events: ``flux/pays/japon.xml``."""
    return f"{FEEDS_DIR}/{entity.kind.value}/{entity.slug}.xml"


def entity_calendar(entity: Entity) -> str:
    return f"{FEEDS_DIR}/{entity.kind.value}/{entity.slug}.ics"
