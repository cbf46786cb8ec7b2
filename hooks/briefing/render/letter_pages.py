"""Lists of letters that stay bounded: the latest ones where they are named (the letters' index, an
entity's page, the authors' page), the older ones on pages of their own of ``LETTER_PAGE_SIZE``.

Pages are cut from the oldest letter on (``…/lettres-1/`` holds the oldest hundred), so that a page's
address keeps its letters as new ones are published: only the last page and the list of the latest
ones change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefing.render import html
from briefing.structure import Letter

LETTER_PAGE_SIZE = 100
"""Letters per page of older letters (about 20 KB of list): few pages, as each costs build time."""
INDEX_LATEST = 50
"""The letters' index lists this many of the latest letters; the older ones are on its pages."""
NAMED_LATEST = 20
"""An entity's page, a relation's and the authors' page list this many of the latest letters of each
(about 3 KB): most entries of a registry never need a page of older letters."""


@dataclass(frozen=True)
class LetterPage:
    """One page of older letters: its ``src_uri``, its letters latest first, and its label."""

    src_uri: str
    letters: list[Letter]

    @property
    def label(self) -> str:
        first, last = self.letters[-1].number, self.letters[0].number
        return f"n° {first}" if first == last else f"n° {first} à {last}"


def split(letters: list[Letter], latest: int, uri: Callable[[int], str]) -> tuple[list[Letter], list[LetterPage]]:
    """(the latest ``latest`` letters, the pages of the older ones, oldest page first) of ``letters``
    (any order); ``uri(n)`` is the ``src_uri`` of the n-th page (from 1)."""
    ordered = sorted(letters, key=lambda x: -x.number)
    older = ordered[latest:][::-1]
    pages = [LetterPage(uri(i // LETTER_PAGE_SIZE + 1), older[i:i + LETTER_PAGE_SIZE][::-1])
             for i in range(0, len(older), LETTER_PAGE_SIZE)]
    return ordered[:latest], pages


def older_links(pages: list[LetterPage], lead: str) -> str:
    """``lead`` then a link to each page of older letters, latest first, as an HTML paragraph."""
    if not pages:
        return ""
    links = " · ".join(html.link(p.label, p.src_uri) for p in reversed(pages))
    return html.paragraph(f"{lead} : {links}", "briefing-older-letters")


def neighbours(pages: list[LetterPage], index: int, up: tuple[str, str]) -> str:
    """``← newer · up · older →`` between pages of older letters, as HTML."""
    around = []
    if index + 1 < len(pages):
        around.append("← " + html.link(pages[index + 1].label, pages[index + 1].src_uri))
    around.append(html.link(html.text(up[0]), up[1]))
    if index > 0:
        around.append(html.link(pages[index - 1].label, pages[index - 1].src_uri) + " →")
    return html.paragraph(" · ".join(around), "briefing-neighbours")
