"""HTML building blocks for the generated parts of pages, written as HTML rather than Markdown.

Lists of links make up most of the generated pages; as Markdown they cost Python-Markdown's inline
parsing and MkDocs' link checks once per link, which was most of the build at 10,000 events. Here
they are written directly as HTML, with links to files by their path under ``docs/``, marked
``briefing:/evenements/x.md#anchor``: ``fragments.resolve_links`` turns them into relative URLs for
the page they land on, and reports a link to a file that is not in the build, as MkDocs does for
Markdown links. (The marker leaves contributors' own HTML links alone.)
"""

from __future__ import annotations

import html as _html
from collections.abc import Callable, Iterable

from briefing.french import typography
from briefing.load.dates import format_when
from briefing.render import markup
from briefing.structure import Entity, Event, Letter

GENERATED_LINK = "briefing:/"


def _same(fragment: str) -> str:
    return fragment


def _typeset_kept(fragment: str) -> str:
    return typography.html(fragment, keep=False)


def typesetter(typeset: bool, *, kept: bool = False) -> Callable[[str], str]:
    """``typography.html``, or nothing: what a builder asked for typeset HTML does to each of its parts.
    A part typeset on its own must be whole elements, or a whole text node, outside any link, so that
    the parts joined read as ``typography.html`` would leave the whole (``Fragments.place``: ``typeset``).
    ``kept``: the builder keeps what it builds (``KeptPerObject``), so typography need not keep it too."""
    return (_typeset_kept if kept else typography.html) if typeset else _same


def text(value: object) -> str:
    """Front-matter text made inert, on one line."""
    return _html.escape(" ".join(str(value).split()), quote=True)


def link(label_html: str, uri: str, anchor: str | None = None, *, title: str | None = None,
         classes: str | None = None, style: str | None = None) -> str:
    """A link to a file of the site by its path under ``docs/`` (resolved per page later)."""
    href = f"{GENERATED_LINK}{uri}" + (f"#{anchor}" if anchor else "")
    extra = "".join(
        f' {name}="{text(value)}"' for name, value in (("class", classes), ("style", style), ("title", title)) if value
    )
    return f'<a href="{text(href)}"{extra}>{label_html}</a>'


def external_link(label_html: str, url: str) -> str:
    return f'<a href="{text(url)}">{label_html}</a>'


def items(entries: Iterable[str], classes: str | None = None) -> str:
    """A ``<ul>`` of already-built HTML entries."""
    opening = f'<ul class="{text(classes)}">' if classes else "<ul>"
    return opening + "\n" + "".join(f"<li>{entry}</li>\n" for entry in entries) + "</ul>\n"


PERMALINK_TITLE = "Lien vers cette section"
"""The title of a heading's permalink, as ``toc: permalink_title`` sets it in ``mkdocs.yml``."""


def heading(level: int, title: str, anchor: str) -> str:
    """A heading as Python-Markdown's ``toc`` extension writes it, permalink included."""
    return (f'<h{level} id="{text(anchor)}">{text(title)}'
            f'<a class="headerlink" href="#{text(anchor)}" title="{PERMALINK_TITLE}">¶</a></h{level}>\n')


def paragraph(content_html: str, classes: str | None = None) -> str:
    opening = f'<p class="{text(classes)}">' if classes else "<p>"
    return f"{opening}{content_html}</p>\n"


WITHHELD = "[…]"


class KeptPerObject:
    """Strings built from a corpus object and kept while the same object is asked for.

    An event is listed on many pages (its letters, entities, chronology, timelines) and what is
    built from it is the same on each, links included (they are resolved per page later). Values
    are keyed by something stable across builds (an event's id), so that ``mkdocs serve`` replaces
    them instead of accumulating them, and kept with the object they were built from: a rebuilt
    corpus builds them anew."""

    def __init__(self) -> None:
        self._kept: dict[object, tuple[object, str]] = {}

    def get(self, key: object, source: object, build: Callable[[], str]) -> str:
        kept = self._kept.get(key)
        if kept is not None and kept[0] is source:
            return kept[1]
        value = build()
        self._kept[key] = (source, value)
        return value


_event_lines = KeptPerObject()
_entity_links = KeptPerObject()


def event_line(event: Event, *, label_html: str | None = None) -> str:
    """``<a>18 août 2023</a> : title``, or ``22 février 2024 : […]`` for a withheld fact."""
    if label_html is None:
        return _event_lines.get(event.id, event, lambda: event_line(event, label_html=text(event.title)))
    date = text(format_when(event.when))
    if event.withheld:
        return f"{date} : {WITHHELD}"
    return f"{link(date, markup.event_uri(event.id))} : {label_html}"


def entity_link(entity: Entity) -> str:
    return _entity_links.get(entity.key, entity, lambda: link(text(entity.title), markup.entity_uri(entity)))


def letter_link(letter: Letter, entities: dict[str, Entity], short_name: str) -> str:
    return link(text(markup.letter_reference(letter, entities, short_name)), letter.src_uri)


def letter_items(letters: list[Letter], entities: dict[str, Entity], short_name: str, *, typeset: bool = False) -> str:
    t = typesetter(typeset)
    return items(t(letter_link(x, entities, short_name)) for x in letters)
