"""Which files under ``docs/`` an edition publishes: the allowlist the MkDocs adapter applies.

A page is published if the loader accepted it (a letter, a registry entry) or ``nav`` names it; any
other file only if ``mkdocs.yml`` declares it (``extra_css``, ``extra_javascript``,
``extra.polyfills``, the theme's logo and favicon), if a text this edition publishes links to it,
or if it is the licence or notice of such a file. A file linked only from withheld text (a
letter's analysis, a confidential note, in the public edition) is withheld with a notice; anything
else is reported as not published.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from briefing.diagnostics import Diagnostics, Severity
from briefing.i18n import _
from briefing.load.inventory import not_published
from briefing.load.loader import Loaded
from briefing.structure import Sources

EVENTS_URI = "evenements"
"""Where an event's page is published under ``docs/`` (its relative links resolve from there)."""
_LINK_TARGETS = (
    ("](", re.compile(r"\]\(\s*<?([^\s)>]+)")),  # [text](target "title"), ![alt](target)
    ("]:", re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)),  # [label]: target
    ("=", re.compile(r"""\b(?:href|src|data|poster)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)),  # raw HTML
)
"""Each pattern with what every match of it contains: a text without it is not searched (most are not)."""
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//|^#")
_NOTICES = re.compile(r"^(LICEN[CS]E|NOTICE|COPYING)(\.\w+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Published:
    uris: frozenset[str]
    """``docs``-relative POSIX paths of the files the site may publish as they are (pages and statics)."""

    def allows(self, src_uri: str) -> bool:
        return src_uri in self.uris


def linked_files(markdown_text: str, src_uri: str) -> Iterator[str]:
    """The ``docs``-relative files a page's Markdown links to (links, images, reference
    definitions, raw HTML attributes); web addresses and anchors are left out."""
    folder = posixpath.dirname(src_uri)
    for needle, pattern in _LINK_TARGETS:
        if needle not in markdown_text:
            continue
        for target in pattern.findall(markdown_text):
            if _SCHEME.match(target):
                continue
            target = unquote(target.split("#", 1)[0].split("?", 1)[0])
            if not target:
                continue
            joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            path = posixpath.normpath(joined)
            if not path.startswith("../") and path not in ("..", "."):
                yield path


def _texts(sources: Sources, docs_dir: Path, withheld_too: bool) -> Iterator[tuple[str, str]]:
    """(page uri, Markdown) of every contributor text of ``sources``."""
    for letter in sources.letters:
        yield _uri(letter.path, docs_dir), f"{letter.chapeau}\n\n{letter.analysis}"
    for entity in sources.entities:
        yield _uri(entity.path, docs_dir), entity.body
    for event in sources.events:
        if withheld_too or not event.withheld:
            yield f"{EVENTS_URI}/{event.id}.md", event.body


def _uri(path: Path, docs_dir: Path) -> str:
    return path.relative_to(docs_dir).as_posix() if path.is_relative_to(docs_dir) else path.name


def decide(loaded: Loaded, edition_sources: Sources, docs_dir: Path, declared: frozenset[str],
           diagnostics: Diagnostics, *, quiet: bool = False) -> Published:
    """What the edition publishes under ``docs_dir``; every static file left out is reported
    (except in a preview, ``quiet``, which leaves files out on purpose)."""
    inventory = loaded.inventory
    pages = [*(letter.path for letter in edition_sources.letters),
             *(entity.path for entity in edition_sources.entities), *inventory.pages]
    uris = {_uri(path, docs_dir) for path in pages}
    linked = set(declared)
    texts = list(_texts(edition_sources, docs_dir, withheld_too=False))
    for path in inventory.pages:
        texts.append((_uri(path, docs_dir), path.read_text("utf-8", errors="replace")))
    found = {(uri, text): list(linked_files(text, uri)) for uri, text in texts}
    for targets in found.values():
        linked.update(targets)
    withheld = {target for uri, text in _texts(loaded.sources, docs_dir, withheld_too=True)
                for target in (found.get((uri, text)) or linked_files(text, uri))} - linked
    statics = {_uri(path, docs_dir): path for path in inventory.statics}
    published = {uri for uri in statics if uri in linked}
    published |= {uri for uri in statics if _NOTICES.match(posixpath.basename(uri))
                  and any(posixpath.dirname(other) == posixpath.dirname(uri) for other in published)}
    for uri, path in sorted(statics.items()):
        if uri in published or quiet:
            continue
        if uri in withheld:
            diagnostics.add(path, None, None, _("withheld: only text this edition withholds links to it"),
                            Severity.NOTICE)
        else:
            diagnostics.add(path, None, None, not_published(
                _("no published page links to it (nor does mkdocs.yml); link to it or remove it")),
                Severity.WARNING)
    return Published(frozenset(uris | published))

