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

NBSP = "\u00a0"
NNBSP = "\u202f"

_SPACE = r"[ \t\r\n]"
_UNITS = (
    r"%|‰|€|\$|£|¥|km²|km|m²|m|cm|mm|kg|g|t|Mt|kt|h|min|°C|°|"
    r"Md€|Md\$|M€|M\$|milliards?|millions?|kilomètres?|mètres?|tonnes?|dollars?|euros?|yens?|wons?|yuans?"
)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[^\W\d_])'(?=\w|$)"), "’"),
    (re.compile(rf"{_SPACE}+(?=[;?!])"), NNBSP),
    (re.compile(rf"{_SPACE}+(?=:(?!//))"), NBSP),
    (re.compile(rf"«(?:{_SPACE}+|(?![{NBSP}{NNBSP}]))"), "«" + NBSP),
    (re.compile(rf"(?:{_SPACE}+|(?<![{NBSP}{NNBSP}«]))»"), NBSP + "»"),
    (re.compile(rf"\b([nN]°){_SPACE}*(?=\d)"), r"\1" + NBSP),
    (re.compile(rf"(?<=\d){_SPACE}+(?=(?:{_UNITS})(?!\w))"), NBSP),
    (re.compile(rf"(?:(?<=\S){_SPACE}+|^[ \t]+)(?=[–—](?:{_SPACE}|$))"), NBSP),
)
_ORDINAL = re.compile(r"(?<![\w/.,-])(\d{1,3})(er|re|ers|res|e|es)(?![\w/-])")
_URL = re.compile(r"(?:https?|ftp|mailto|file):[^\s<>\"]+|www\.[^\s<>\"]+")
_BARE_URL = re.compile(r"https?://(?:[^\s<>\"'&]|&amp;)+?(?=[.,;:!?)\]»]*(?:[\s<\"']|&(?!amp;)|$))")
"""A URL written as text in HTML (``&amp;`` inside it, an entity or punctuation after it ends it)."""
_APOSTROPHE_ENTITIES = re.compile(r"&#(?:x27|39);|&apos;")
_TAG = re.compile(r"<!--.*?-->|<![^>]*>|<[a-zA-Z/][^>]*>", re.DOTALL)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)")
_VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "tt", "math", "svg"})
_NO_MARKUP = frozenset({"title", "option", "sup", "sub"})
"""Elements whose text may be spaced but must not receive a ``<sup>``."""


def _spaces(run: str) -> str:
    for pattern, replacement in _RULES:
        run = pattern.sub(replacement, run)
    return run


def _outside_urls(value: str, apply, link: bool = False) -> str:
    """``apply`` to the text between URLs; with ``link``, a bare ``http(s)`` URL becomes a link."""
    if "://" not in value and "www." not in value and "mailto:" not in value:
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
    return _RULES[0][0].sub("’", value) if "'" in value else value


def text(value: str) -> str:
    """Plain text typeset: no-break spaces and apostrophes (as characters), no markup added."""
    return _outside_urls(value, _spaces) if value else value


def _html_run(run: str) -> str:
    return _ORDINAL.sub(r"\1<sup>\2</sup>", _spaces(run))


_LANG = re.compile(r"""\slang\s*=\s*["']?([a-zA-Z-]*)""")


def html(fragment: str) -> str:
    """The text nodes of an HTML fragment typeset, ``1er`` as ``1<sup>er</sup>``, a bare ``http(s)`` URL
    outside a link made a link (a footnote's source); markup untouched. Text in another language (an
    element with a ``lang`` other than French) is left as written."""
    out: list[str] = []
    skipped: list[str] = []
    """Open elements whose text is left alone (code, another language), by name, innermost last."""
    plain_only = links = 0
    last = 0
    for match in _TAG.finditer(fragment):
        if match.start() > last:
            out.append(_text_node(fragment[last:match.start()], bool(skipped), plain_only, links))
        tag = match.group()
        out.append(tag)
        last = match.end()
        name_match = _TAG_NAME.match(tag)
        if name_match is None or tag.endswith("/>"):
            continue
        closing, name = name_match.group(1) == "/", name_match.group(2).lower()
        if closing:
            if name in skipped:
                del skipped[len(skipped) - 1 - skipped[::-1].index(name)]
        elif name in _VERBATIM or (skipped and name == skipped[-1]) or _foreign(tag):
            skipped.append(name)
        if name in _NO_MARKUP:
            plain_only = max(0, plain_only + (-1 if closing else 1))
        elif name == "a":
            links = max(0, links + (-1 if closing else 1))
    if last < len(fragment):
        out.append(_text_node(fragment[last:], bool(skipped), plain_only, links))
    return "".join(out)


def _foreign(tag: str) -> bool:
    if "lang" not in tag:
        return False
    lang = _LANG.search(tag)
    return lang is not None and not lang.group(1).lower().startswith("fr")


def _text_node(node: str, skipped: bool, plain_only: int, links: int) -> str:
    if skipped or not node.strip():
        return node
    node = _APOSTROPHE_ENTITIES.sub("'", node)
    return _outside_urls(node, _spaces if plain_only else _html_run, link=not (plain_only or links))
