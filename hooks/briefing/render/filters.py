"""Filterable chronologies: the filter form of a page.

Each entry of a chronology links its entities (``pays/japon/``, the page's own entity named on the
list: ``data-pays="japon"``) and carries its first and last day (``entries.py``:
``data-start="2023-01-30" data-end="2023-02-01"``), which is all the script filters by. The form
lists only the entities of the entries on its page, at most ``OPTIONS_PER_FOLDER`` per folder, so it
never grows with the archive. It is ``hidden``: without JavaScript every entry is shown;
``docs/assets/briefing-filter.js`` reveals it, filters the entries (AND of every choice) and keeps
the choice in the URL (``?pays=japon&themes=defense&du=2023-01&au=2023-06``).
"""

from __future__ import annotations

from collections import Counter

from briefing.load.registry import Registry
from briefing.render import html
from briefing.structure import ALL_KINDS, Entity, EntityKind, Event

DATE_FROM, DATE_TO = "du", "au"
"""URL parameters of the date range (``YYYY-MM``; ``YYYY`` and ``YYYY-MM-DD`` are read too)."""

_ALL = {
    EntityKind.COUNTRY: "Tous",
    EntityKind.PERSON: "Toutes",
    EntityKind.ORGANIZATION: "Toutes",
    EntityKind.TOPIC: "Tous",
}
_ranks: dict[int, tuple[Registry, dict[str, tuple[int, str]]]] = {}


def _rank(registry: Registry) -> dict[str, tuple[int, str]]:
    """Entity key -> its place in its registry index (the order readers know) and the start of its
    ``<option>``, computed once per registry (every chronology page has a form)."""
    kept = _ranks.get(id(registry))
    if kept is None or kept[0] is not registry:
        order = {e.key: (i, _option(e)) for kind in ALL_KINDS for i, e in enumerate(registry.of_kind(kind))}
        _ranks.clear()
        _ranks[id(registry)] = kept = (registry, order)
    return kept[1]


def _option(entity: Entity) -> str:
    return f'<option value="{html.text(entity.slug)}">{html.text(entity.title)} ('


OPTIONS_PER_FOLDER = 25
"""A control lists at most this many entries, those most often named on its page, in registry order:
a form that stays small whatever the page lists. Another entry chosen by the URL (a shared view) is
added by the script, which counts its entries on the page."""


def _select(kind: EntityKind, keys: list[str], counts: Counter, registry: Registry, typeset: bool) -> str:
    """The control of one folder, listing ``keys`` (that folder's keys among ``counts``), at most
    ``OPTIONS_PER_FOLDER`` of them."""
    rank = _rank(registry)
    if len(keys) > OPTIONS_PER_FOLDER:
        keys = sorted(keys, key=lambda k: (-counts[k], rank[k][0] if k in rank else 0))[:OPTIONS_PER_FOLDER]
    keys = sorted(keys, key=lambda k: rank[k][0] if k in rank else 0)
    t = html.typesetter(typeset)
    options = "".join(t(f"{rank[k][1] if k in rank else _option(registry.entities[k])}{counts[k]})</option>")
                      for k in keys if k in registry.entities)
    control = f"filtre-{kind.value}"
    return (t(f'<div class="briefing-filter-field"><label for="{control}">{kind.label}</label>'
              f'<select id="{control}" name="{kind.value}">'
              f'<option value="">{_ALL[kind]}</option>') + f"{options}</select></div>")


def _month_input(name: str, label: str, first: str, last: str, typeset: bool) -> str:
    control = f"filtre-{name}"
    return (f'<div class="briefing-filter-field briefing-filter-date">'
            f'<label for="{control}">{html.typesetter(typeset)(label)}</label>'
            f'<input type="month" id="{control}" name="{name}" min="{first}" max="{last}" '
            f'placeholder="AAAA-MM" pattern="[0-9]{{4}}-[0-9]{{2}}"></div>')


CARRY_NOTE = "Le filtre s’appliquera à la page choisie dans le tableau."
_TITLE = '<p class="briefing-filter-title" id="filtre-titre">Filtrer les événements</p>\n'
_FOOTER = ('<p class="briefing-filter-footer"><span class="briefing-filter-status" role="status"></span> '
           '<button type="button" class="md-button briefing-filter-reset">Tout afficher</button></p>\n')


def render_filter_form(events: list[Event], registry: Registry, *, exclude: str | None = None,
                       carry: bool = False, typeset: bool = False) -> str:
    """The filter form for the entries of ``events`` (``exclude``: the entity whose page it is),
    or "" for fewer than two entries. With ``carry``, the page lists years or months, not ``events``:
    the choice then goes with the links of its table (``.briefing-carry``) to the pages that list them.
    With ``typeset``, its text is typeset (``html.typesetter``)."""
    if len(events) < 2:
        return ""
    counts = Counter(k for e in events for k in set(e.entities) if k != exclude)
    by_folder: dict[str, list[str]] = {}
    for key in counts:
        folder, slash, _ = key.partition("/")
        if slash:
            by_folder.setdefault(folder, []).append(key)
    selects = [_select(kind, by_folder[kind.value], counts, registry, typeset)
               for kind in ALL_KINDS if kind.value in by_folder]
    first = min(e.when.start.first_day() for e in events).isoformat()[:7]
    last = max((e.when.end or e.when.start).last_day() for e in events).isoformat()[:7]
    dates = (_month_input(DATE_FROM, "Du mois", first, last, typeset)
             + _month_input(DATE_TO, "Au mois", first, last, typeset))
    mode = f' data-carry="{CARRY_NOTE}"' if carry else ""
    t = html.typesetter(typeset)
    return (
        f'<form class="briefing-filter" hidden aria-labelledby="filtre-titre"{mode}>\n'
        f'{t(_TITLE)}<div class="briefing-filter-fields">{"".join(selects)}{dates}</div>\n'
        f"{t(_FOOTER)}</form>\n"
    )
