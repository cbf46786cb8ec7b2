"""A page's search entry written by the build, as Material's search plugin would write it.

Material's plugin reads every page's HTML with Python's ``HTMLParser``, which costs about 30 µs a
tag: on event pages it was more than the rest of the page's templating. An event page's search view
is small and of known shape (title, date, the note's text, its entities as a sentence), so the
build writes its entry directly: the page's text with Material's kept tags (``p``, lists, code,
``sub``/``sup``) bare, every other tag dropped with its text kept, headings (the title is the
entry's title, section titles are not indexed once sections are merged) and comments left out.
"""

from __future__ import annotations

import html
import re

KEPT_TAGS = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
"""The tags Material's search parser keeps in an entry's text."""
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                       "wbr"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SKIPPED = re.compile(r"<(script|style|object)\b[^>]*>.*?</\1>", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")
_SPACE = re.compile(r"\s+")


def entry_text(body_html: str) -> str:
    """The text of an entry from a page body (sanitized HTML), as Material's parser reads it: text
    escaped as it escapes it; an element marked ``data-search-exclude`` left out, and so is the
    section under a heading so marked; headings themselves left out."""
    parts = _TAG.split(_SKIPPED.sub("", _COMMENT.sub("", body_html)))  # text, then (slash, name, attrs, text)
    out: list[str] = []
    skipping: tuple[str, int] | None = None  # the excluded element's name and how deep inside we are
    in_heading = excluded_section = False
    for index in range(0, len(parts), 4):
        if index:
            closing, name, attributes = parts[index - 3], parts[index - 2].lower(), parts[index - 1]
            if skipping is not None:
                if name == skipping[0] and name not in VOID_TAGS:
                    depth = skipping[1] + (-1 if closing else 1)
                    skipping = None if depth == 0 else (name, depth)
            elif name in HEADINGS:
                in_heading = not closing
                if not closing:
                    excluded_section = "data-search-exclude" in attributes
            elif not closing and "data-search-exclude" in attributes and name not in VOID_TAGS:
                skipping = (name, 1)
            elif name in KEPT_TAGS and not excluded_section:
                out.append(f"<{closing}{name}>")
        if skipping is None and not in_heading and not excluded_section:
            out.append(html.escape(html.unescape(parts[index]), quote=False))
    return _SPACE.sub(" ", "".join(out)).strip()


def entry(location: str, title: str, body_html: str) -> dict[str, str]:
    return {"location": location, "title": title, "text": entry_text(body_html)}
