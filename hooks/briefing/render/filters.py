"""Filterable chronologies: the filter form of a page.

Each entry of a chronology carries its entities' slugs by registry folder and its first and last day
(``entries.py``: ``data-pays="japon coree-du-sud" data-themes="defense" data-start="2023-01-30"
data-end="2023-02-01"``). The form lists only the entities of the entries on its page, so a page
grows with what it lists, never with the archive. It is ``hidden``: without JavaScript every entry is
shown; ``docs/assets/briefing-filter.js`` reveals it, filters the entries (AND of every choice) and
keeps the choice in the URL (``?pays=japon&themes=defense&du=2023-01&au=2023-06``).
"""

from __future__ import annotations

from collections import Counter

from briefing.load.registry import Registry
from briefing.render import html
from briefing.structure import ALL_KINDS, EntityKind, Event

DATE_FROM, DATE_TO = "du", "au"
"""URL parameters of the date range (``YYYY-MM``; ``YYYY`` and ``YYYY-MM-DD`` are read too)."""

_ALL = {
    EntityKind.COUNTRY: "Tous",
    EntityKind.PERSON: "Toutes",
    EntityKind.ORGANIZATION: "Toutes",
    EntityKind.TOPIC: "Tous",
}
_ranks: dict[int, tuple[Registry, dict[str, int]]] = {}


def _rank(registry: Registry) -> dict[str, int]:
    """Entity key -> its place in its registry index (the order readers know), computed once."""
    kept = _ranks.get(id(registry))
    if kept is None or kept[0] is not registry:
        order = {e.key: i for kind in ALL_KINDS for i, e in enumerate(registry.of_kind(kind))}
        _ranks.clear()
        _ranks[id(registry)] = kept = (registry, order)
    return kept[1]


def _select(kind: EntityKind, counts: Counter, registry: Registry) -> str:
    rank = _rank(registry)
    keys = sorted((k for k in counts if k.startswith(f"{kind.value}/")), key=lambda k: rank.get(k, 0))
    options = "".join(
        f'<option value="{html.text(registry.entities[k].slug)}">'
        f"{html.text(registry.entities[k].title)} ({counts[k]})</option>"
        for k in keys if k in registry.entities
    )
    control = f"filtre-{kind.value}"
    return (f'<div class="briefing-filter-field"><label for="{control}">{kind.label}</label>'
            f'<select id="{control}" name="{kind.value}">'
            f'<option value="">{_ALL[kind]}</option>{options}</select></div>')


def _month_input(name: str, label: str, first: str, last: str) -> str:
    control = f"filtre-{name}"
    return (f'<div class="briefing-filter-field briefing-filter-date"><label for="{control}">{label}</label>'
            f'<input type="month" id="{control}" name="{name}" min="{first}" max="{last}" '
            f'placeholder="AAAA-MM" pattern="[0-9]{{4}}-[0-9]{{2}}"></div>')


CARRY_NOTE = "Le filtre s’appliquera à la page choisie dans le tableau."


def render_filter_form(events: list[Event], registry: Registry, *, exclude: str | None = None,
                       carry: bool = False) -> str:
    """The filter form for the entries of ``events`` (``exclude``: the entity whose page it is),
    or "" for fewer than two entries. With ``carry``, the page lists years or months, not ``events``:
    the choice then goes with the links of its table (``.briefing-carry``) to the pages that list them."""
    if len(events) < 2:
        return ""
    counts = Counter(k for e in events for k in set(e.entities) if k != exclude)
    selects = [_select(kind, counts, registry) for kind in ALL_KINDS
               if any(k.startswith(f"{kind.value}/") for k in counts)]
    first = min(e.when.start.first_day() for e in events).isoformat()[:7]
    last = max((e.when.end or e.when.start).last_day() for e in events).isoformat()[:7]
    dates = _month_input(DATE_FROM, "Du mois", first, last) + _month_input(DATE_TO, "Au mois", first, last)
    mode = f' data-carry="{CARRY_NOTE}"' if carry else ""
    return (
        f'<form class="briefing-filter" hidden aria-labelledby="filtre-titre"{mode}>\n'
        '<p class="briefing-filter-title" id="filtre-titre">Filtrer les événements</p>\n'
        f'<div class="briefing-filter-fields">{"".join(selects)}{dates}</div>\n'
        '<p class="briefing-filter-footer"><span class="briefing-filter-status" role="status"></span> '
        '<button type="button" class="md-button briefing-filter-reset">Tout afficher</button></p>\n'
        "</form>\n"
    )
