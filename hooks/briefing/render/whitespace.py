"""The theme's templates without their indentation: every run of whitespace that holds a line break,
in the literal text of a template, becomes one line break.

Material's templates are indented for their readers; rendered, that indentation is a third of an event
page (blank lines and runs of spaces around every tag). A browser renders a run of whitespace as one
space wherever white space collapses, and ignores it between blocks, so one line break renders the same
(a line break, not nothing: two inline elements keep their gap). Only the templates' own text is
touched, once, when Jinja compiles a template: what they print (a page's content, a title, an inline
script's data) goes out as it is, so ``<pre>`` and ``<textarea>`` content stays as written, and an
inline script keeps a line break wherever it had one (no statement is joined to the next).
Templates that lay text out in a ``<pre>``, a ``<textarea>`` or a JavaScript template string would be
changed by this; no template of the theme or of ``overrides/`` has one (``tests/test_compact.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

_BROKEN_RUN = re.compile(r"[ \t\r\n\f]*\n[ \t\r\n\f]*")
"""A run of whitespace holding at least one line break."""


def collapse(text: str) -> str:
    """``text`` with each run of whitespace that holds a line break replaced by one line break."""
    return _BROKEN_RUN.sub("\n", text) if "\n" in text else text


class CollapseTemplateWhitespace(Extension):
    """A Jinja extension that applies :func:`collapse` to the literal text of every template it compiles."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        for token in stream:
            if token.type == "data":
                yield Token(token.lineno, "data", collapse(token.value))
            else:
                yield token


_KEPT = re.compile(r"(<(pre|code|kbd|textarea)\b.*?</\2\s*>)", re.S | re.I)
"""Elements whose text keeps its line breaks (``<pre>``, and ``<code>`` and ``<kbd>``, which Material prints
``pre-wrap``)."""
_BLANK_LINES = re.compile(r"\n\n+(?=[^<>]*(?:<|\Z))")
"""Two or more line breaks in a text (the next angle bracket opens a tag): not inside a tag, whose
attribute values (a tooltip's ``title``) would show them."""


def drop_blank_lines(html: str) -> str:
    """``html`` with each run of line breaks between tags made one, outside the elements that keep
    their text as written; it renders the same."""
    parts = _KEPT.split(html)
    parts[0::3] = [_BLANK_LINES.sub("\n", text) for text in parts[0::3]]
    return "".join(part for index, part in enumerate(parts) if index % 3 != 2)
