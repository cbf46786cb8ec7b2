"""Contributors' Markdown as plain text, for feeds, calendars, the JSON export and sharing metadata.

Plain text is what these formats carry safely: no markup from a note reaches a feed reader or a
calendar as HTML, and a ``<script>`` written in a note is dropped with its content.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
from lxml import etree
from lxml import html as lxml_html

from briefing.french import typography
from briefing.load import footnotes, glossary

_DROPPED_TAGS = ("script", "style", "iframe", "object", "embed", "template", "noscript")
_MARKUP_CHARACTERS = re.compile(r"[\\`*_\[\]<>&#!|~]")
_MARKUP_LINES = re.compile(r"^\s*(?:[-+]\s|\d+[.)]\s|>)|^ {4}", re.MULTILINE)
"""Anything Markdown could read as markup (two searches: one alternation of both costs a note's text
eight times as much); text without it is converted without the parser."""
_CONVERTER = markdown.Markdown()
"""One converter, reset between texts: building a new one per text costs more than converting."""


@lru_cache(maxsize=65536)
def plain_text(markdown_text: str) -> str:
    """The words of a note or chapeau: footnotes, glossary stars and markup removed, one paragraph per block,
    in French typography (no-break spaces, apostrophes)."""
    return typography.text(_words(markdown_text))


def _words(markdown_text: str) -> str:
    body, _ = footnotes.split_definitions(markdown_text or "")
    body = glossary.replace_marks(footnotes.strip_references(body), lambda word, _line: word)
    if not body.strip():
        return ""
    if not (_MARKUP_CHARACTERS.search(body) or _MARKUP_LINES.search(body)):
        return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip())
    fragment = lxml_html.fragment_fromstring(_CONVERTER.reset().convert(body), create_parent="div")
    _drop_unread(fragment)
    blocks = [" ".join(block.text_content().split()) for block in fragment]
    if not blocks:
        blocks = [" ".join(fragment.text_content().split())]
    return "\n\n".join(_stripped(b) for b in blocks if b)


def _drop_unread(fragment: lxml_html.HtmlElement) -> None:
    """Remove what a reader never reads: scripts and the like with their content, and comments,
    processing instructions and CDATA (which the HTML parser reads as comments)."""
    for element in list(fragment.iter(*_DROPPED_TAGS, etree.Comment, etree.ProcessingInstruction)):
        element.drop_tree()


@lru_cache(maxsize=65536)
def plain_field(value: str | None) -> str | None:
    """A front-matter value as plain text (``_stripped``) in French typography (kept: the exports
    ask for the same titles and names many times, an entity's title once per event that cites it)."""
    return typography.text(_stripped(value)) if value else value


def _stripped(value: str | None) -> str | None:
    """A front-matter value as plain text: any HTML a contributor typed is reduced to its words.

    Pages escape these values; data files carry them as text, and many consumers render text as HTML.
    """
    while value is not None and "<" in value:
        fragment = lxml_html.fragment_fromstring(f"<div>{value}</div>", create_parent=False)
        _drop_unread(fragment)
        text = " ".join(fragment.text_content().split())
        if text == value:
            break
        value = text  # text typed as entities (&lt;script&gt;) decodes to markup: strip again
    return value


def one_line(markdown_text: str, limit: int | None = None) -> str:
    """The plain text on one line, cut at a word boundary to ``limit`` characters (with an ellipsis)."""
    text = " ".join(plain_text(markdown_text).split())
    if limit is None or len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


_FIRST_LETTER = re.compile(r"^([\s*_«“\"‘'(\[—–-]*)([^\W\d_])")
"""The first letter of a text, after any opening punctuation or emphasis (not inside a tag or link)."""


def capitalised(markdown_text: str) -> str:
    """The text with its first letter in upper case: a note written the letter's way (``première
    participation…``) still starts its own page as a sentence."""
    match = _FIRST_LETTER.match(markdown_text)
    if match is None or not match.group(2).islower() or "[^" in markdown_text[: match.end()]:
        return markdown_text
    return markdown_text[: match.start(2)] + match.group(2).upper() + markdown_text[match.end(2):]
