"""Checks across documents, run after loading so that the build and ``briefing check`` report the same lines.

Each finding leaves the note published: a warning fails ``--strict`` and the check command, a notice
never fails anything.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

from briefing.diagnostics import Diagnostics, Severity, did_you_mean, fold
from briefing.i18n import N_, _
from briefing.load import glossary, templates
from briefing.load.frontmatter import Document
from briefing.load.registry import Registry
from briefing.structure import ALL_KINDS, FACT_LINE_CHARS, Entity, Sources

_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_LEADING_SPACE = re.compile(r"\s*")
"""What ``str.strip`` removes at the start (both use Python's definition of white space)."""
_PLAIN_URL = re.compile(r"https?://([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/?#]\S*)?")
"""The usual address, lower-case host and no user, port or space, read without ``urlsplit``."""


def run_checks(sources: Sources, registry: Registry, documents: dict[Path, Document], diagnostics: Diagnostics) -> None:
    used = _check_glossary_marks(sources, registry, documents, diagnostics)
    _check_letter_order(sources, documents, diagnostics)
    _check_sources(sources, documents, diagnostics)
    _check_fact_lines(sources, documents, diagnostics)
    _check_lookalike_entries(sources.entities, diagnostics)
    _check_template_text(sources, documents, diagnostics)
    for event in sources.events:
        used.update(event.entities)
    for letter in sources.letters:
        used.update(letter.zones)
    _check_unused_entries(sources.entities, used, diagnostics)


def _line(documents: dict[Path, Document], path: Path, field_path: tuple) -> int | None:
    doc = documents.get(path)
    return doc.line_of(field_path) if doc else None


def _check_glossary_marks(
    sources: Sources, registry: Registry, documents: dict[Path, Document], diagnostics: Diagnostics
) -> set[str]:
    """Every ``Word*`` must name an entry that has an ``abbr``; returns the keys of the terms used."""
    used: set[str] = set()
    abbreviations = [e.abbr for e in registry.glossary_terms()]
    paths = [e.path for e in sources.events] + [x.path for x in sources.letters] + [e.path for e in sources.entities]
    for path in paths:
        doc = documents.get(path)
        if doc is None:
            continue
        marks, skipped = _body_marks(doc)
        for line_index, word in marks:
            entity = registry.lookup(word, ALL_KINDS)
            line = doc.body_line + skipped + line_index
            if entity is not None and entity.abbr:
                used.add(entity.key)
            elif entity is not None:
                used.add(entity.key)
                diagnostics.add(
                    path, line, "body",
                    _('"{word}*" marks a glossary term, but its registry entry {entry} has no abbr; '
                      'add "abbr: {word}" to that entry or remove the star').format(
                        word=word, entry=f"{entity.kind.value}/{entity.slug}.md"),
                    Severity.WARNING,
                )
            else:
                diagnostics.add(
                    path, line, "body",
                    _('the glossary has no term "{word}"{hint}; give a registry entry "abbr: {word}" '
                      "or remove the star").format(word=word, hint=did_you_mean(word, abbreviations)),
                    Severity.WARNING,
                )
    return used


def _body_marks(doc: Document) -> tuple[Iterable[tuple[int, str]], int]:
    """The glossary marks of a body, and the lines before the text they were read from.

    Read from the body as a record holds it, stripped, when that changes nothing but the count
    of lines before the text: the index reads that same text, and the marks are found once.
    """
    lead = _LEADING_SPACE.match(doc.body).end()
    if lead and doc.body[lead - 1] != "\n":  # the first line's indentation: it can make code
        return glossary.find_marks(doc.body), 0
    return glossary.find_marks(doc.body.strip()), doc.body.count("\n", 0, lead)


def _check_letter_order(sources: Sources, documents: dict[Path, Document], diagnostics: Diagnostics) -> None:
    """Letter numbers grow with time: a higher number may not belong to an earlier issue."""
    letters = sorted(sources.letters, key=lambda x: x.number)
    for previous, letter in pairwise(letters):
        if letter.issue_start < previous.issue_start:
            diagnostics.add(
                letter.path, _line(documents, letter.path, ("issue",)), "issue",
                _("letter {number} (issue {issue}) is dated before letter {previous} (issue {previous_issue}), "
                  "which has a lower number; numbers go forward in time, so check this letter's number or issue"
                  ).format(number=letter.number, issue=letter.issue, previous=previous.number,
                           previous_issue=previous.issue),
                Severity.WARNING,
            )


def _check_fact_lines(sources: Sources, documents: dict[Path, Document], diagnostics: Diagnostics) -> None:
    """A fact line is one short sentence: a longer one is cut in chronologies."""
    for event in sources.events:
        if event.fact and len(event.fact) > FACT_LINE_CHARS:
            diagnostics.add(
                event.path, _line(documents, event.path, ("fact",)), "fact",
                _("the fact line has {count} characters and chronologies show the first {shown}; keep it to one "
                  "short sentence and leave the details to the text").format(count=len(event.fact),
                                                                             shown=FACT_LINE_CHARS),
                Severity.NOTICE,
            )


def url_problem(url: str) -> str | None:
    """Why ``url`` is not a usable web address, or None; finer than the schema's pattern."""
    plain = _PLAIN_URL.fullmatch(url)
    # what urlsplit would find: the scheme is http(s), the host is this, there is no port
    return as_text(_host_problem(plain.group(1)) if plain else _split_url_problem(url))


def as_text(problem: _Problem) -> str | None:
    """A problem's message in the active language."""
    if problem is None:
        return None
    message, fields = problem
    return _(message).format(**fields)


_Problem = tuple[str, dict[str, str]] | None
"""A message to translate and its fields (the cache below keeps them in no language)."""


def _split_url_problem(url: str) -> _Problem:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number in range
    except ValueError as error:
        return N_("cannot be read ({error})"), {"error": str(error)}
    if parts.scheme not in ("http", "https"):
        return N_("must start with https:// (or http://)"), {}
    return _host_problem(parts.hostname or "")


@lru_cache(maxsize=4096)
def _host_problem(host: str) -> _Problem:
    """Why ``host`` is not a usable host name, or None; cached, as sources share a few sites."""
    if not host:
        return N_("has no host name after the scheme"), {}
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return N_('has an invalid host name "{host}"'), {"host": host}
    labels = ascii_host.rstrip(".").split(".")
    if len(labels) < 2:
        return N_('has no domain ("{host}" lacks a dot, as in example.org)'), {"host": host}
    if not all(_HOST_LABEL.match(label) for label in labels):
        return N_('has an invalid host name "{host}"'), {"host": host}
    return None


def _check_sources(sources: Sources, documents: dict[Path, Document], diagnostics: Diagnostics) -> None:
    for event in sources.events:
        for index, source in enumerate(event.sources):
            if not source.title.strip():
                diagnostics.add(
                    event.path, _line(documents, event.path, ("sources", index, "title")), f"sources/{index}/title",
                    _("a source needs a title (the article's or document's name); write it after \"title:\""),
                    Severity.WARNING,
                )
            problem = url_problem(source.url) if source.url else None
            if problem:
                diagnostics.add(
                    event.path, _line(documents, event.path, ("sources", index, "url")), f"sources/{index}/url",
                    _('"{url}" {problem}; copy the full address from the browser').format(
                        url=source.url, problem=problem),
                    Severity.WARNING,
                )


def _check_lookalike_entries(entities: list[Entity], diagnostics: Diagnostics) -> None:
    """Two entries whose names differ only by accents are probably one entity written twice."""
    seen: dict[str, tuple[str, Entity]] = {}
    for entity in entities:
        for name in dict.fromkeys(entity.names):
            key = fold(name)
            first = seen.setdefault(key, (name, entity))
            other_name, other = first
            if other.key != entity.key and other_name.casefold() != name.casefold():
                diagnostics.add(
                    entity.path, None, None,
                    _('the name "{name}" differs from "{other}" ({entry}) only by accents; if they are the same '
                      "entity, keep one entry and list the other spelling in its aliases").format(
                        name=name, other=other_name, entry=f"{other.kind.value}/{other.slug}.md"),
                    Severity.WARNING,
                )


_ONE_LINE_FIELDS = ("title", "fact", "lead_en")


def _check_template_text(sources: Sources, documents: dict[Path, Document], diagnostics: Diagnostics) -> None:
    """A template's placeholder left in a body, a definition, a title or a fact line is published as
    it stands: each one is a warning (``templates.py`` holds what ``new`` writes)."""
    paths = [e.path for e in sources.events] + [x.path for x in sources.letters] + [e.path for e in sources.entities]
    for path in paths:
        doc = documents.get(path)
        if doc is None:
            continue
        for key in _ONE_LINE_FIELDS:
            value = doc.meta.get(key)
            found = templates.placeholder_value(value) if isinstance(value, str) else None
            if found:
                diagnostics.add(
                    path, doc.line_of((key,)), key,
                    _('"{text}" is the template\'s placeholder; write your own text').format(text=found),
                    Severity.WARNING,
                )
        for index, sentence in templates.placeholder_lines(doc.body):
            diagnostics.add(
                path, doc.body_line + index, "body",
                _('the template\'s text "{text}" is still there; replace it with your own').format(text=sentence),
                Severity.WARNING,
            )


def _check_unused_entries(entities: list[Entity], used: set[str], diagnostics: Diagnostics) -> None:
    for entity in entities:
        if entity.key not in used:
            diagnostics.add(
                entity.path, None, None,
                _("no note or letter names this entry (by title, alias or abbr), nor marks it in the text; "
                  "it is published on its own"),
                Severity.NOTICE,
            )
