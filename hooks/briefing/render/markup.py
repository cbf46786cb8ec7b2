"""Markdown building blocks: escaping contributors' text and writing links to other pages.

Links are written absolute to ``docs/`` (``/evenements/x.md``) so that MkDocs validates them
and rewrites them as relative URLs, which also work from ``file://``.
"""

from __future__ import annotations

import html
import json
import re

from briefing.load.dates import format_when
from briefing.structure import Entity, Event, Letter

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|])")
_FOOTNOTE_MARKER = "///Footnotes Go Here///"


def text(value: str) -> str:
    """Front-matter text made inert: HTML-escaped, Markdown punctuation escaped, on one line."""
    one_line = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=False))


def attribute(value: str) -> str:
    """Text for a quoted link title or HTML attribute."""
    return html.escape(" ".join(str(value).split()), quote=True)


def link(label_markdown: str, target: str, title: str | None = None) -> str:
    title_part = f' "{attribute(title)}"' if title else ""
    return f"[{label_markdown}]({target}{title_part})"


def front_matter(**meta) -> str:
    """YAML front matter written as JSON values (YAML reads JSON): PyYAML's emitter took about
    0.25 ms a page, a quarter of the generated pages' rendering at 10,000 events."""
    lines = "".join(f"{key}: {json.dumps(meta[key], sort_keys=True)}\n" for key in sorted(meta))
    return f"---\n{lines}---\n\n"


def footnotes_here() -> str:
    return _FOOTNOTE_MARKER


# URLs ---------------------------------------------------------------------------------------

EVENTS_FOLDER = "evenements/"


def event_uri(event_id: str) -> str:
    return f"{EVENTS_FOLDER}{event_id}.md"


def is_event_uri(src_uri: str) -> bool:
    """Whether ``src_uri`` is an event page's (one folder deep under ``evenements/``)."""
    return src_uri.startswith(EVENTS_FOLDER) and src_uri.endswith(".md") and "/" not in src_uri[len(EVENTS_FOLDER):]


def chronology_year_uri(year: int) -> str:
    return f"chronologie/{year}.md"


def entity_uri(entity: Entity) -> str:
    return f"{entity.kind.value}/{entity.slug}.md"


def href(uri: str, anchor: str | None = None) -> str:
    return f"/{uri}" + (f"#{anchor}" if anchor else "")


# Shared phrases ---------------------------------------------------------------------------

WITHHELD = r"\[…\]"


def event_line(event: Event, *, label: str | None = None) -> str:
    """``[18 août 2023](…) : title``, or ``22 février 2024 : […]`` for a withheld fact."""
    date = format_when(event.when)
    if event.withheld:
        return f"{date} : {WITHHELD}"
    return f"{link(date, href(event_uri(event.id)))} : {label if label is not None else text(event.title)}"


def rubric(letter: Letter, entities: dict[str, Entity]) -> str:
    """``Japon – Corée du Sud – États-Unis`` from the zones, in the order written."""
    return " – ".join(entities[key].short_name for key in letter.zones)


def letter_heading(letter: Letter, entities: dict[str, Entity]) -> str:
    return f"{rubric(letter, entities)} : {letter.title}"


def letter_reference(letter: Letter, entities: dict[str, Entity], short_name: str) -> str:
    """``Asie21 n° 185/2024-07&08 Indo-Pacifique – Europe – Otan : la stratégie des petits pas``."""
    return f"{short_name} n° {letter.number}/{letter.issue} {letter_heading(letter, entities)}"


def letter_link(letter: Letter, entities: dict[str, Entity], short_name: str) -> str:
    return link(text(letter_reference(letter, entities, short_name)), href(letter.src_uri))


def letter_items(letters: list[Letter], entities: dict[str, Entity], short_name: str) -> str:
    """A Markdown list of letter references, each linked to its letter."""
    return "\n".join(f"- {letter_link(x, entities, short_name)}" for x in letters)


def letter_section(heading: str, letters: list[Letter], entities: dict[str, Entity], short_name: str) -> str:
    """``## heading`` and the list of those letters; nothing when there are none."""
    return f"## {heading}\n\n{letter_items(letters, entities, short_name)}\n" if letters else ""


def entity_link(entity: Entity) -> str:
    return link(text(entity.title), href(entity_uri(entity)))
