"""The HTML policy for contributors' content: what a page body may contain once Markdown is rendered.

Contributors may write raw HTML in Markdown; the rendered body of every page goes through nh3 (the
maintained Ammonia sanitizer) with this allow-list, so no ``<script>``, no ``on*=`` handler and no
``javascript:`` URL reaches a page, and hence neither the search index built from it. The list keeps
what Python-Markdown and Material write: headings with permalinks, footnotes, admonitions, tables,
abbreviations and tooltips, ``md_in_html`` blocks with their classes, ``lang`` and ``data-*`` attributes.
"""

from __future__ import annotations

import html

import nh3

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub",
    "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "style"},
    "a": {"href", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "details": {"open"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
GENERIC_ATTRIBUTE_PREFIXES = frozenset({"data-", "aria-"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
STYLE_PROPERTIES = frozenset({"text-align", "left", "width", "margin-left"})
"""Tables' column alignment, and the position of the timeline's marks (``render/timeline.py``)."""
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "noscript"})


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    generic_attribute_prefixes=set(GENERIC_ATTRIBUTE_PREFIXES),
    url_schemes=set(URL_SCHEMES),
    filter_style_properties=set(STYLE_PROPERTIES),
    link_rel=None,
    strip_comments=True,
)
"""Built once: ``nh3.clean`` converts the whole policy on every call."""


def clean(fragment: str) -> str:
    """The sanitized HTML of a page body (links keep their ``rel``: none is added)."""
    return _CLEANER.clean(fragment)


def plain_title(value: object) -> str:
    """A page title from front matter as HTML text: themes print it into ``<title>`` without escaping."""
    return html.escape(" ".join(str(value).split()), quote=True)
