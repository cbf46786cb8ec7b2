"""French typography, applied once to what readers see: pages' text, titles, feeds, calendars, data.

No library on PyPI fits (checked December 2026): ``typographeur`` 0.5 (2020) puts a space before every
colon and question mark, also where there was none (``https://``, ``?q=`` in a URL shown as text, a time
``12:30``), and turns ``oe`` into ``œ`` by dictionary; ``french-typo`` 1.6 works on a whole HTML string,
code and scripts included (``var a =&nbsp;x&nbsp;?``), puts the same no-break space before ``; ? !`` as
before ``:``, and its unit rules match words case-insensitively. ``typogrify``, ``smartypants`` and
``typus`` do English or Russian. So the rules are written here, narrowly:

- a space before ``; ? !`` becomes a narrow no-break space (U+202F), before ``:`` a no-break space
  (U+00A0); a mark not preceded by a space is left alone (URLs, times);
- inside « », after ``n°``, between a number and its unit, before a spaced en or em dash (a line
  never starts with the dash): a no-break space;
- a straight apostrophe between letters becomes ’;
- in HTML, ``1er`` / ``1re`` / ``2e`` become ``1<sup>er</sup>``… (plain text keeps them as written).

``text`` does plain text (titles, feeds, calendars, JSON); ``html`` does the text nodes of an HTML
fragment and leaves tags, attributes, comments and the content of ``code``, ``pre``, ``kbd``, ``samp``,
``script``, ``style`` and ``textarea`` as they are. Both are idempotent. URLs written as text are
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

NBSP = "\u00a0"
NNBSP = "\u202f"

_SPACE = r"[ \t\r\n]"
_UNITS = (
    r"%|‰|€|\$|£|¥|km²|km|m²|m|cm|mm|kg|g|t|Mt|kt|h|min|°C|°|"
    r"Md€|Md\$|M€|M\$|milliards?|millions?|kilomètres?|mètres?|tonnes?|dollars?|euros?|yens?|wons?|yuans?"
)
_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # (characters one of which the text must hold for the rule to apply, pattern, replacement)
    ("'", re.compile(r"(?<=[^\W\d_])'(?=\w|$)"), "’"),
    (";?!", re.compile(rf"{_SPACE}+(?=[;?!])"), NNBSP),
    (":", re.compile(rf"{_SPACE}+(?=:(?!//))"), NBSP),
    ("«", re.compile(rf"«(?:{_SPACE}+|(?![{NBSP}{NNBSP}]))"), "«" + NBSP),
    ("»", re.compile(rf"(?:{_SPACE}+|(?<![{NBSP}{NNBSP}«]))»"), NBSP + "»"),
    ("°", re.compile(rf"\b([nN]°){_SPACE}*(?=\d)"), r"\1" + NBSP),
    ("0123456789", re.compile(rf"(?<=\d){_SPACE}+(?=(?:{_UNITS})(?!\w))"), NBSP),
    ("–—", re.compile(rf"(?:(?<=\S){_SPACE}+|^[ \t]+)(?=[–—](?:{_SPACE}|$))"), NBSP),
)
_ORDINAL_HINT = re.compile(r"\d(?:er|re|e)")
_ORDINAL = re.compile(r"(?<![\w/.,-])(\d{1,3})(er|re|ers|res|e|es)(?![\w/-])")
_URL = re.compile(r"(?:https?|ftp|mailto|file):[^\s<>\"]+|www\.[^\s<>\"]+")
_BARE_URL = re.compile(r"https?://(?:[^\s<>\"'&]|&amp;)+?(?=[.,;:!?)\]»]*(?:[\s<\"']|&(?!amp;)|$))")
"""A URL written as text in HTML (``&amp;`` inside it, an entity or punctuation after it ends it)."""
_APOSTROPHE_ENTITIES = re.compile(r"&#(?:x27|39);|&apos;")
_WORK = re.compile(r"[':;?!«»°–—]|\d[ \t\r\n]*[%‰€$£¥kmcgtMh°deywr]|://|www\.|&#x27;|&#39;|&apos;")
"""What any rule needs (a text without it is left as it is, at the cost of one scan): a mark, a digit
followed by what may be a unit or an ordinal's ending, a URL, an apostrophe."""
_TAG = re.compile(r"<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>", re.DOTALL)
_VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "tt", "math", "svg"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})
"""Elements without content: one in another language (``<br lang="en">``) holds no text, so the text after it
is typeset (it was once left alone to the end of the page)."""
_NO_MARKUP = frozenset({"title", "option", "sup", "sub"})
"""Elements whose text may be spaced but must not receive a ``<sup>``."""
_LANG = re.compile(r"""\slang\s*=\s*["']?([a-zA-Z-]*)""")


_TRIGGERS = tuple((re.compile("[" + re.escape(triggers) + "]").search, pattern.sub, replacement)
                  for triggers, pattern, replacement in _RULES)


def _spaces(run: str) -> str:
    for triggered, substitute, replacement in _TRIGGERS:
        if triggered(run):
            run = substitute(replacement, run)
    return run


def _outside_urls(value: str, apply, link: bool = False) -> str:
    """``apply`` to the text between URLs; with ``link``, a bare ``http(s)`` URL becomes a link."""
    if "://" not in value and "www." not in value and "mailto:" not in value:  # _holds_urls, inlined
        return apply(value)
    parts, last = [], 0
    for match in (_BARE_URL if link else _URL).finditer(value):
        url = match.group()
        parts += [apply(value[last:match.start()]), f'<a href="{url}">{url}</a>' if link else url]
        last = match.end()
    parts.append(apply(value[last:]))
    return "".join(parts)


def apostrophes(value: str) -> str:
    """Straight apostrophes between letters made typographic (``l'Atlantique`` → ``l’Atlantique``)."""
    return _RULES[0][1].sub("’", value) if "'" in value else value


def text(value: str) -> str:
    """Plain text typeset: no-break spaces and apostrophes (as characters), no markup added."""
    return _outside_urls(value, _spaces) if value and _WORK.search(value) else value


PARAGRAPH_BREAK = "\n\n"
_ENDS_ALONE = frozenset('.)»!?…"')
"""Besides letters, what a part may end with for no rule to reach across the break after it: a rule
that looks past the end of a part looks for an apostrophe, ``°``, a space, a mark, or a digit (which
may end a part whose next part does not start with a unit)."""
_UNIT_AHEAD = re.compile(rf"(?:{_UNITS})(?!\w)")
_STARTS_ALONE = frozenset('«("')
"""Besides letters and digits, what a part may start with for no rule to reach across the break before
it (a rule that looks back from a part's start wants it to start with a mark: ``; ? ! : »``, a dash)."""


def joined(parts: list[str], typeset: Callable[[str], str] = text) -> str:
    """``text(PARAGRAPH_BREAK.join(parts))``, with each part typeset alone by ``typeset`` (``text``, or
    something that gives what it gives, such as a cache of it: a calendar entry's description is its
    date, the note's text and its sources, the text already typeset once for the feed).

    The rules read a few characters around what they change, never across a line break between a
    part ending with a letter, a closing mark or a digit (a date) and a part starting with a letter,
    a digit or an opening mark (not a unit after a digit); nor does a URL span a line break. Where
    the parts are not of that shape, or where a part holds what the whole would read as a URL though
    the part alone would not, the whole is typeset at once. ``tests/test_french.py`` holds the two to
    the same result."""
    separable = all(parts) and all(
        (a[-1].isalpha() or a[-1] in _ENDS_ALONE or (a[-1].isdigit() and not _UNIT_AHEAD.match(_first_run(b))))
        and (b[0].isalnum() or b[0] in _STARTS_ALONE)
        for a, b in pairwise(parts))
    if separable and any(map(_holds_urls, parts)):
        separable = all(_holds_urls(part) or not _URL.search(part) for part in parts)
    if not separable:
        return text(PARAGRAPH_BREAK.join(parts))
    return PARAGRAPH_BREAK.join(map(typeset, parts))


def _first_run(value: str) -> str:
    """The text ``_outside_urls`` typesets first in ``value``: up to its first URL."""
    found = _URL.search(value) if _holds_urls(value) else None
    return value if found is None else value[:found.start()]


def _holds_urls(value: str) -> bool:
    """Whether ``_outside_urls`` looks for URLs in ``value``."""
    return "://" in value or "www." in value or "mailto:" in value


def _html_run(run: str) -> str:
    run = _spaces(run)
    return _ORDINAL.sub(_superscript, run) if _ORDINAL_HINT.search(run) else run


def _superscript(match: re.Match[str]) -> str:
    return f"{match.group(1)}<sup>{match.group(2)}</sup>"


_STATE = {name: 0 for name in _VERBATIM} | {name: 1 for name in _NO_MARKUP} | {"a": 2}
"""What opening or closing an element changes: 0 its text is left alone, 1 plain text only, 2 a link."""


_SHORT = 200
"""Fragments up to this long (titles, headings of tables of contents) are kept whole once typeset."""
_typeset_short: dict[str, str] = {}


def html(fragment: str, *, keep: bool = True) -> str:
    """The text nodes of an HTML fragment typeset, ``1er`` as ``1<sup>er</sup>``, a bare ``http(s)`` URL
    outside a link made a link (a footnote's source); markup untouched. Text in another language (an
    element with a ``lang`` other than French) is left as written. ``keep=False``: the caller keeps the
    result (a fragment kept per event), so a short one is not kept here too."""
    if len(fragment) > _SHORT or not keep:
        return _html(fragment)
    typeset = _typeset_short.get(fragment)
    if typeset is None:
        if len(_typeset_short) >= _KEPT_NODES:
            _typeset_short.clear()
        typeset = _typeset_short[fragment] = _html(fragment)
    return typeset


def _html(fragment: str) -> str:
    out: list[str] = []
    kept = 0
    """Where the part of ``fragment`` not yet copied to ``out`` starts."""
    skipped: list[str] = []
    """Open elements whose text is left alone (code, another language), by name, innermost last."""
    plain_only = links = last = 0
    work, find, state = _WORK.search, fragment.find, _STATE
    for match in _TAG.finditer(fragment):
        start, end = match.span()
        if start > last and not skipped and work(fragment, last, start):
            typeset = _text_node(fragment[last:start], plain_only, links)
            if typeset is not None:
                out += [fragment[kept:last], typeset]
                kept = start
        last = end
        closing, name = match.group(1, 2)
        if name is None:
            continue
        kind = state.get(name)
        if kind is None:
            if not name.islower():
                name = name.lower()
                kind = state.get(name)
            if kind is None and not skipped and (closing or find("lang", start, end) < 0):
                continue
        if closing:
            if skipped and name in skipped:
                del skipped[len(skipped) - 1 - skipped[::-1].index(name)]
        elif (kind == 0 or (skipped and name == skipped[-1]) or (_foreign(match.group()) and name not in _VOID)) \
                and not match.group().endswith("/>"):
            skipped.append(name)
        if kind == 1:
            plain_only = max(0, plain_only + (-1 if closing else 1))
        elif kind == 2:
            links = max(0, links + (-1 if closing else 1))
    if last < len(fragment) and not skipped and work(fragment, last):
        typeset = _text_node(fragment[last:], plain_only, links)
        if typeset is not None:
            out += [fragment[kept:last], typeset]
            kept = len(fragment)
    if not out:
        return fragment
    out.append(fragment[kept:])
    return "".join(out)


def _foreign(tag: str) -> bool:
    if "lang" not in tag:
        return False
    lang = _LANG.search(tag)
    return lang is not None and not lang.group(1).lower().startswith("fr")


_typeset_nodes: dict[tuple[str, bool, bool], str | None] = {}
"""Text nodes already typeset, by (node, in plain-text-only element, in a link): the same entry, timeline
mark, link label or heading is on many pages (an event's entry on its year or month page and on each of
its entities' pages), so each is typeset once per process."""
_KEPT_NODES = 50_000
"""At most this many nodes are kept (some 15 MB); then the memory starts again."""


def _text_node(node: str, plain_only: int, links: int) -> str | None:
    """The node typeset, or None when no rule changes it (the caller has checked it holds ``_WORK``)."""
    key = (node, plain_only > 0, links > 0)
    typeset = _typeset_nodes.get(key, False)
    if typeset is False:
        if len(_typeset_nodes) >= _KEPT_NODES:
            _typeset_nodes.clear()
        typeset = _typeset_nodes[key] = _typeset_node(node, plain_only > 0, links > 0)
    return typeset


def _typeset_node(node: str, plain_only: bool, links: bool) -> str:
    node = _APOSTROPHE_ENTITIES.sub("'", node)
    return _outside_urls(node, _spaces if plain_only else _html_run, link=not (plain_only or links))
