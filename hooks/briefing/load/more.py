"""The ``<!-- more -->`` line that ends what the public edition shows of a letter or a note, and its mistyped forms."""

from __future__ import annotations

import difflib
import re

MORE_MARKER = re.compile(r"^[ \t]*<!--\s*more\s*-->[ \t]*$", re.MULTILINE)
_NOT_LETTERS = re.compile(r"&[lg]t;|[^a-z]")


def mistyped_more(body: str) -> int | None:
    """The 0-based line of a mistyped ``<!-- more -->`` above the real one (or in a body without one)."""
    for index, line in enumerate(body.split("\n")):
        if MORE_MARKER.match(line):
            return None
        if looks_like_more(line):
            return index
    return None


def looks_like_more(line: str) -> bool:
    """Whether a line is a mistyped ``<!-- more -->`` (``<!-- mor -->``, ``<!-- MORE -->``, ``<!— more —>``):
    a letter with one before its real marker (or without one) is refused, not published with what
    follows the mistyped line as its chapeau."""
    stripped = line.strip()
    if len(stripped) > 40 or not any(mark in stripped for mark in "<>!-—"):
        return False
    letters = _NOT_LETTERS.sub("", stripped.lower())
    return difflib.SequenceMatcher(None, letters, "more").ratio() >= 0.75


def split_letter_body(body: str) -> tuple[str, str | None]:
    """(chapeau, analysis) around the first ``<!-- more -->`` line; analysis is None without one."""
    parts = MORE_MARKER.split(body, maxsplit=1)
    if len(parts) == 1:
        return body.strip(), None
    return parts[0].strip(), parts[1].strip()
