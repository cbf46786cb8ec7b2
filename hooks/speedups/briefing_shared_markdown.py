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
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.structure.pages")  # MkDocs reads this logger's level in render


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
    listed = {id(page) for page in nav.pages}
    for file in files.documentation_pages():
        if file.page is not None and id(file.page) not in listed and type(file.page) is Page:
            file.page.__class__ = SharedMarkdownPage  # the page MkDocs made, with the render below
            file.page.converter = converter
    return nav
