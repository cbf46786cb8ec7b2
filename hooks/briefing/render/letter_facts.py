"""A letter's FAITS: one line per cited note, ``[18 août 2023](…) : the note's text on one line``.

FAITS holds the text of every note a letter cites, most of the letter's Markdown: Python-Markdown
converting it again on each letter was half a letter's build. Those texts are nearly always plain
sentences (words, glossary marks, a withheld part's ``\\[…\\]``), which Python-Markdown writes as they
are; so FAITS is written here as HTML, as Python-Markdown would write it, and placed as a fragment
kept out of search (its heading already keeps it out of the index), sanitized when it goes in like the
body around it (``Place``: ``contributed``). A line that holds anything else (emphasis, a link, raw
HTML, an entity, a brace), a page whose other text could change how FAITS reads (an abbreviation
defined, a code fence, raw HTML before FAITS) or Markdown extensions other than those of
``mkdocs.yml`` (``Settings.plain_markdown``) keep the whole section in Markdown, as before.
``tests/test_letter_facts.py`` holds both ways to the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from briefing.index.corpus import Corpus
from briefing.load import footnotes, glossary
from briefing.load.dates import format_when
from briefing.render import html, markup
from briefing.render.fragments import Place
from briefing.structure import Event

KNOWN_EXTENSIONS = frozenset({"abbr", "admonition", "attr_list", "footnotes", "md_in_html", "tables", "toc",
                              "fenced_code"})
"""Extensions that write a plain sentence as it is (MkDocs adds ``toc``, ``tables`` and ``fenced_code``)."""
HEADING = "## FAITS { #faits data-search-exclude }\n\n"

_TOKEN = re.compile(r"(\\[\\`*_{}\[\]#!|]|&(?:amp|lt|gt);)")
"""What ``markup.text`` writes: backslash escapes and HTML entities."""
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
"""Around a glossary link's number while the line is read (private-use characters: a line holding one
stays Markdown)."""
_LINK = re.compile("\ue000(\\d+)\ue001")
_SPECIAL = re.compile(r"[\\`*_\[\]<>&{}\x00-\x1f\x7f]")
"""Anything Python-Markdown could read as more than text: then the line stays Markdown."""
_SPECIAL_BUT_STAR = "\\`_[]<>&{}"
"""``_SPECIAL``'s printable characters but the star (a glossary mark's, if it is not left after them)."""


def writes_plain(extensions: Iterable[object], configs: Mapping[str, object] | None) -> bool:
    """Whether a Markdown set up with ``extensions`` (names, as MkDocs lists them) and ``configs``
    writes a plain sentence as ``plain_html`` does: only known extensions, and no abbreviation
    glossary (which would mark words in every text)."""
    names = list(extensions)
    abbr = (configs or {}).get("abbr") or {}
    return all(isinstance(n, str) and n in KNOWN_EXTENSIONS for n in names) and not (
        isinstance(abbr, Mapping) and abbr.get("glossary"))


def plain_html(markdown: str, term_link: Callable[[str], str | None]) -> str | None:
    """The HTML Python-Markdown writes for ``markdown``, one line of a paragraph, with its glossary marks
    turned into ``term_link(word)`` as ``glossary_page.link_marks`` does; None unless the line is plain
    text, ``markup.text``'s escapes and known glossary marks."""
    if _MARK_OPEN in markdown or _MARK_CLOSE in markdown:
        return None
    links: list[str] = []

    def mark(word: str, _line: int) -> str | None:
        link = term_link(word)
        if link is None:
            return None
        links.append(link)
        return f"{_MARK_OPEN}{len(links) - 1}{_MARK_CLOSE}"

    plain = markdown.isprintable() and not any(character in markdown for character in _SPECIAL_BUT_STAR)
    marked = glossary.replace_marks(markdown, mark) if "*" in markdown else markdown
    if plain and "*" not in marked:  # most lines: words and glossary marks (str methods: faster than _SPECIAL)
        written = marked
    else:
        parts = _TOKEN.split(marked)
        if any(_SPECIAL.search(part) for part in parts[::2]):
            return None
        written = "".join(part if index % 2 == 0 or part[0] == "&" else part[1]
                          for index, part in enumerate(parts))
    return _LINK.sub(lambda match: links[int(match.group(1))], written) if links else written


def fact_text(event: Event) -> str:
    """The fact as FAITS prints it: its fact line, else the note's text on one paragraph, without
    its footnotes."""
    if event.fact:
        return markup.text(event.fact)
    body = event.body
    if "[^" in body:
        body = footnotes.strip_references(footnotes.split_definitions(body)[0])
    return " ".join(body.split()) or markup.text(event.title)


def _line_html(event: Event, term_link: Callable[[str], str | None]) -> str | None:
    """A line of FAITS as Python-Markdown writes its paragraph, or None."""
    date = plain_html(format_when(event.when), term_link)
    if date is None:
        return None
    if event.withheld:
        return html.paragraph(f"{date} : {html.WITHHELD}")
    label = plain_html(fact_text(event), term_link)
    return None if label is None else html.paragraph(f"{html.link(date, markup.event_uri(event.id))} : {label}")


def facts_apart(before: str, after: str, chapeau: str) -> bool:
    """Whether the rest of the letter's Markdown (``before`` and ``after`` FAITS) cannot change how FAITS
    is written: no abbreviation defined (marked in the whole page), no code fence (one could run across
    FAITS, and the glossary's scan skips marks inside), no raw HTML in the chapeau (an element left open
    there would hold FAITS, in Markdown or in the sanitizer)."""
    whole = before + after
    return "*[" not in whole and "```" not in whole and "~~~" not in whole and "<" not in chapeau


def facts_events(event_ids: Iterable[str], corpus: Corpus) -> list[Event]:
    """The cited notes in the order FAITS lists them: by date, then id."""
    return sorted((corpus.events[i] for i in event_ids), key=lambda e: (e.when.sort_key(), e.id))


def facts_markdown(events: list[Event]) -> str:
    """FAITS in Markdown (what ``facts_fragment`` writes as HTML)."""
    if not events:
        return ""
    lines = [markup.event_line(e, label="" if e.withheld else fact_text(e)) for e in events]
    return HEADING + "\n\n".join(lines) + "\n"


def facts_fragment(events: list[Event], term_link: Callable[[str], str | None], place: Place) -> str | None:
    """FAITS with its lines as one fragment, or None if a line is not plain (``plain_html``)."""
    if not events:
        return ""
    lines = []
    for event in events:
        line = _line_html(event, term_link)
        if line is None:
            return None
        lines.append(line)
    return HEADING + place("".join(lines), searchable=False, contributed=True)
