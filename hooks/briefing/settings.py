"""Project settings: the publication's names and links, set once in ``mkdocs.yml`` under ``extra.briefing``."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.edition.editions import Edition
from briefing.i18n import _


@dataclass(frozen=True)
class Settings:
    root: Path
    docs_dir: Path
    events_dir: Path
    edition: Edition = Edition.PUBLIC
    publication: str = "Lettre confidentielle Asie21-Futuribles"
    short_name: str = "Asie21"
    subscribe_url: str = ""
    subscribe_label: str = "S’abonner à la lettre"
    publisher: str = ""
    """Who publishes the letter, named in every page's footer."""
    publisher_url: str = ""
    legal_notice: str = ""
    """The ``docs/`` page of the legal notice (``mentions-legales.md``), linked from every page's footer."""
    logo: str = ""
    """The publication's logo and favicon, paths under ``docs/``: the adapter hands them to the theme."""
    favicon: str = ""
    offline: bool = False
    """Whether this build is the offline export: it carries no feed and one calendar, the whole chronology's."""
    nav_pages: frozenset[str] | None = None
    """The Markdown files ``nav`` names (``docs``-relative) and the legal notice (a page outside the
    navigation, linked from every footer), or None without a ``nav``."""
    declared: frozenset[str] = frozenset()
    """The other files under ``docs/`` that ``mkdocs.yml`` publishes (``declared_files``)."""
    plain_markdown: bool = False
    """Whether the site's Markdown extensions write a plain sentence as it is (``render/letter_facts.py``:
    ``writes_plain``), which lets a letter's FAITS be written as HTML; the adapter says so."""

    @classmethod
    def from_mapping(cls, mapping: dict, *, root: Path, docs_dir: Path, edition: Edition,
                     site_config: dict | None = None) -> Settings:
        """Build from ``extra.briefing``; unknown keys are an error so that typos do not pass silently.

        ``site_config``: the whole ``mkdocs.yml`` (read raw or by MkDocs), for the files it publishes."""
        known = {"publication", "short_name", "subscribe_url", "subscribe_label", "events_dir", "publisher",
                 "publisher_url", "legal_notice", "logo", "favicon"}
        unknown = sorted(set(mapping) - known)
        if unknown:
            raise ValueError(_("extra.briefing: unknown key(s) {unknown}; known keys: {known}").format(
                unknown=", ".join(unknown), known=", ".join(sorted(known))))
        values = {k: str(v) for k, v in mapping.items() if k in known - {"events_dir"}}
        events_dir = root / str(mapping.get("events_dir", "events"))
        site_config = site_config or {}
        nav = site_config.get("nav")
        listed = nav_pages(nav) | ({values["legal_notice"]} if values.get("legal_notice") else set()) if nav else None
        return cls(root=root, docs_dir=docs_dir, events_dir=events_dir, edition=edition,
                   nav_pages=listed, declared=declared_files(site_config), **values)


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_NOTE_SUFFIX = ".md"


def nav_pages(nav: object) -> frozenset[str]:
    """The Markdown files ``mkdocs.yml``'s ``nav`` names (``docs``-relative), at any depth."""
    found: set[str] = set()
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item.endswith(_NOTE_SUFFIX) and "://" not in item:
                found.add(item.lstrip("/"))
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return frozenset(found)


def declared_files(config: dict) -> frozenset[str]:
    """The files under ``docs/`` that ``mkdocs.yml`` itself publishes (a raw mapping or MkDocs' config)."""
    found: list[object] = [*(config.get("extra_css") or []), *(config.get("extra_javascript") or [])]
    found += (config.get("extra") or {}).get("polyfills") or []
    briefing = (config.get("extra") or {}).get("briefing") or {}
    found += [briefing.get("logo"), briefing.get("favicon")]  # handed to the theme by the adapter
    theme = config.get("theme") or {}
    found += [theme.get("logo"), theme.get("favicon")] if hasattr(theme, "get") else []
    found = [item.get("path") if isinstance(item, dict) else getattr(item, "path", item) for item in found]
    paths = {str(item).lstrip("/") for item in found if item}
    return frozenset(posixpath.normpath(path) for path in paths if not _SCHEME.match(path))
