"""The shared converter's inline step (hooks/speedups/briefing_shared_markdown.py: ``FastInlineProcessor``)
skips Python-Markdown's inline patterns on a text none of them can match: the HTML is the same as
Python-Markdown's own on any text, with the site's extensions, and a pattern it does not know turns
the shortcut off."""

from __future__ import annotations

import sys

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from support import REPO

sys.path.insert(0, str(REPO / "hooks" / "speedups"))
import briefing_shared_markdown as shared

PLAIN = ["mot", "Péninsule", "l’archipel", "n° 3", " ", "  ", "\n", "\n\n", "\t", ":", "briefing0123abcdi4z", "OTAN"]
"""Texts no inline pattern matches (most of a note, headings, placeholders)."""
PIECES = [
    *PLAIN, "  \n", "*", "**", "_", "__", "`", "``", "`mot`", "\\.", "\\#",
    "\\", "\\*", "[", "]", "(", ")", "![", "](https://example.org/a_b)", "[lien](../x/)", "[^1]", "[^1]: une note",
    "*[OTAN]: Organisation", "OTAN", "<", ">", "<b>", "</b>", "<span>", "</span>", "<https://example.org>",
    "<a@b.fr>", "&", "&amp;", "&#233;", "&copy;", ";", "# ", "## Titre", "- ", "1. ", "> ", "    ", "|", "| a | b |",
    "|---|---|", "{ .note }", "{: #ancre }", "!!! note", "<div markdown>", "</div>", "<!-- c -->", "---",
    "\x02", "\x03",
]


@st.composite
def _mostly_plain(draw) -> str:
    """Plain text with at most two other pieces in it: each pattern's trigger alone, somewhere."""
    pieces = draw(st.lists(st.sampled_from(PLAIN), max_size=20))
    for piece in draw(st.lists(st.sampled_from(PIECES), max_size=2)):
        pieces.insert(draw(st.integers(0, len(pieces))), piece)
    return "".join(pieces)


def _site_converter(fast: bool) -> markdown.Markdown:
    config = load_config(str(REPO / "mkdocs.yml"))
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {})
    if fast:
        shared.speed_up_inline(converter)
    return converter


@pytest.fixture(scope="module")
def converters() -> tuple[markdown.Markdown, markdown.Markdown]:
    return _site_converter(fast=True), _site_converter(fast=False)


def _html(converter: markdown.Markdown, text: str) -> str:
    converter.reset()
    return converter.convert(text)


def test_the_site_converter_takes_the_shortcut(converters):
    fast, plain = converters
    assert type(fast.treeprocessors["inline"]) is shared.FastInlineProcessor
    assert type(plain.treeprocessors["inline"]) is not shared.FastInlineProcessor
    # a text that holds a trigger still goes through the patterns
    assert _html(fast, "un *mot* et [un lien](../x/) &amp; `code`") == \
        '<p>un <em>mot</em> et <a href="../x/">un lien</a> &amp; <code>code</code></p>'


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), _mostly_plain()))
def test_the_html_is_python_markdowns_own(converters, text):
    fast, plain = converters
    assert _html(fast, text) == _html(plain, text)


def test_the_sample_notes_and_letters_render_the_same(converters):
    fast, plain = converters
    sources = sorted([*REPO.glob("events/**/*.md"), *REPO.glob("docs/lettres/*.md")])
    assert len(sources) > 20
    for source in sources:
        text = source.read_text("utf-8")
        assert _html(fast, text) == _html(plain, text), source


def test_an_unknown_inline_pattern_turns_the_shortcut_off():
    converter = markdown.Markdown(extensions=["nl2br"])  # a line break is a <br> with it: not in TRIGGERS
    assert shared.inline_triggers(converter.inlinePatterns) is None
    shared.speed_up_inline(converter)
    assert type(converter.treeprocessors["inline"]) is not shared.FastInlineProcessor
    assert converter.convert("une ligne\nune autre") == "<p>une ligne<br />\nune autre</p>"
