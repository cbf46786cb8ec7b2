"""MkDocs adapter: one Markdown converter for the pages the navigation does not list.

MkDocs builds a new ``markdown.Markdown`` for every page, loading every extension again: about
0.4 ms a page, 4 s at 10,000 event pages, more than the Markdown of an event note itself. Python-Markdown
is made to be reused (``Markdown.reset`` between documents, and each extension resets its own
state), so the pages outside the navigation (events, entities, generated pages) get a page type
whose ``render`` is MkDocs' own, with the build's one converter, reset, instead of a new one.

Pages listed in the navigation keep MkDocs' page type: they are created by the navigation with
their title, and there are a dozen of them. A site built without this hook gives byte-identical
pages (``tests/test_pages.py``). MkDocs 1.6.1 is its last 1.x release, so the copied method
cannot drift from upstream.

The shared converter also skips Python-Markdown's inline patterns on a text none of them can match
(``FastInlineProcessor``): most of a note's paragraphs, its headings, the fragments' placeholders. The
inline step tries each of its fifteen patterns on each text, about 30 µs a paragraph in Python, and on
an event page it was 0.25 ms of the 0.65 ms Markdown took.
"""

from __future__ import annotations

import logging
import re

import markdown
from markdown.inlinepatterns import (
    AUTOLINK_RE,
    AUTOMAIL_RE,
    BACKTICK_RE,
    ENTITY_RE,
    ESCAPE_RE,
    HTML_RE,
    IMAGE_LINK_RE,
    LINE_BREAK_RE,
    LINK_RE,
    DelimiterProcessor,
    InlineProcessor,
)
from markdown.treeprocessors import InlineProcessor as InlineTreeprocessor
from markdown.util import AtomicString
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.structure.pages")  # MkDocs reads this logger's level in render

FOOTNOTE_RE = r"\[\^([^\]]*)\]"
"""The footnotes extension's reference (``markdown.extensions.footnotes``, a local name there)."""
TRIGGERS = {
    BACKTICK_RE: "`",  # both branches need a backtick (the first looks ahead for one)
    ESCAPE_RE: "\\",
    LINK_RE: "[",  # also the reference and short reference patterns
    IMAGE_LINK_RE: "[",  # also the image reference patterns
    FOOTNOTE_RE: "[",
    AUTOLINK_RE: "<",
    AUTOMAIL_RE: "<",
    HTML_RE: "<",
    ENTITY_RE: "&",
    LINE_BREAK_RE: "  \n",
}
"""Python-Markdown's inline patterns (3.11), by their regular expression: a string one of which a text
must hold for the pattern to match it. A ``DelimiterProcessor`` (emphasis) needs one of its tokens."""


def inline_triggers(patterns) -> re.Pattern[str] | None:
    """What a text must hold for one of ``patterns`` (a converter's ``inlinePatterns``) to match it;
    None when one of them is not known here (then every text goes through them all)."""
    needed: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, DelimiterProcessor):
            needed.update(pattern.tokens)
        elif isinstance(pattern, InlineProcessor) and pattern.compiled_re.pattern in TRIGGERS:
            needed.add(TRIGGERS[pattern.compiled_re.pattern])
        else:
            return None
    return re.compile("|".join(re.escape(s) for s in sorted(needed))) if needed else None


class FastInlineProcessor(InlineTreeprocessor):
    """Python-Markdown's inline step, which leaves a text none of its patterns matches as it is (and
    touches no pattern's state): such a text is left as it is without trying them."""

    triggers: re.Pattern[str]

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, AtomicString) or self.triggers.search(data) is None:
            return data
        return InlineTreeprocessor._InlineProcessor__handleInline(self, data, patternIndex)


def speed_up_inline(converter: markdown.Markdown) -> None:
    """Give ``converter`` the inline step above, when all its inline patterns are known."""
    inline = converter.treeprocessors["inline"] if "inline" in converter.treeprocessors else None  # noqa: SIM401 (a Registry)
    triggers = inline_triggers(converter.inlinePatterns)
    if type(inline) is InlineTreeprocessor and triggers is not None:
        inline.__class__ = FastInlineProcessor
        inline.triggers = triggers


class SharedMarkdownPage(Page):
    """A page rendered by a converter shared with other pages (``converter``), reset first."""

    converter: markdown.Markdown

    def render(self, config, files) -> None:
        """MkDocs' ``Page.render``, with ``self.converter`` reset instead of a new converter."""
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.converter
        md.reset()

        raw_html_ext = _RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = _ExtractAnchorsTreeprocessor(self.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = _RelativePathTreeprocessor(self.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = _ExtractTitleTreeprocessor()
        extract_title_ext._register(md)

        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = extract_title_ext.title
        self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_path_ext.links_to_anchors


def on_nav(nav, config, files):
    """Give every page outside the navigation the shared converter (MkDocs has just made them all)."""
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {})
    speed_up_inline(converter)
    listed = {id(page) for page in nav.pages}
    for file in files.documentation_pages():
        if file.page is not None and id(file.page) not in listed and type(file.page) is Page:
            file.page.__class__ = SharedMarkdownPage  # the page MkDocs made, with the render below
            file.page.converter = converter
    return nav
