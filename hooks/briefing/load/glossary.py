"""Glossary marks: ``IP4*`` in a note or letter names a term defined in the registry."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

_FENCE = re.compile(r"^\s*(```|~~~)")
_CANDIDATE = re.compile(r"(?<![\w*\\])([A-Za-zÀ-ÖØ-öø-ÿ][\w&-]*)\*(?![*\w])")


def _candidates(text: str) -> Iterator[re.Match]:
    """The matches of ``_CANDIDATE.finditer(text)``, looked for only just before each star.

    Each match ends at a star and its word holds none, so the match of a star lies between it and
    the star before; a scan of the whole text costs a note's load as much as its front matter.
    """
    previous, star = 0, text.find("*")
    while star >= 0:
        start = max(previous, text.rfind(" ", previous, star))  # a word has no space
        match = _CANDIDATE.search(text, start, star + 2)  # + 2: the lookahead sees the next character
        if match:
            yield match
        previous = star + 1
        star = text.find("*", previous)


def _outside_code(line: str) -> list[tuple[int, str]]:
    """(offset, text) of the parts of a line that are not inline code."""
    if "`" not in line:
        return [(0, line)]
    parts, offset = [], 0
    for index, chunk in enumerate(re.split(r"(`+[^`]*`+)", line)):
        if index % 2 == 0:
            parts.append((offset, chunk))
        offset += len(chunk)
    return parts


def _iter_marks(markdown: str) -> Iterable[tuple[int, int, re.Match]]:
    """(line index, absolute start in line, match) of every ``Word*`` that is not emphasis or code."""
    if "*" not in markdown:
        return
    in_fence = False
    for line_index, line in enumerate(markdown.split("\n")):
        if ("`" in line or "~" in line) and _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or "*" not in line or line.startswith("    "):
            continue
        for offset, text in _outside_code(line):
            open_emphasis, last_end = False, 0
            for match in _candidates(text):
                between = text[last_end : match.start()].replace("\\*", "")
                open_emphasis ^= between.count("*") % 2 == 1
                last_end = match.end()
                if open_emphasis:
                    open_emphasis = False  # this star closes an *emphasis*
                    continue
                yield line_index, offset, match


@lru_cache(maxsize=1 << 16)
def find_marks(markdown: str) -> tuple[tuple[int, str], ...]:
    """(0-based line, term) of every glossary mark, known or not.

    Cached, by text: the checks and the index both read every note's body.
    """
    return tuple((line, match.group(1)) for line, _, match in _iter_marks(markdown))


def replace_marks(markdown: str, render: Callable[[str, int], str | None]) -> str:
    """Replace each mark with ``render(term, line index)``; a mark it returns None for is left as written."""
    if "*" not in markdown:  # no mark
        return markdown
    lines = markdown.split("\n")
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for line_index, offset, match in _iter_marks(markdown):
        replacement = render(match.group(1), line_index)
        if replacement is not None:
            edits.setdefault(line_index, []).append((offset + match.start(), offset + match.end(), replacement))
    for line_index, changes in edits.items():
        line = lines[line_index]
        for start, end, replacement in sorted(changes, reverse=True):
            line = line[:start] + replacement + line[end:]
        lines[line_index] = line
    return "\n".join(lines)
