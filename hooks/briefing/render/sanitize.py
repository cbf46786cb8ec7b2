"""The HTML policy for contributors' content: what a page body may contain once Markdown is rendered.

Contributors may write raw HTML in Markdown; the rendered body of every page goes through nh3 (the
maintained Ammonia sanitizer) with this allow-list, so no ``<script>``, no ``on*=`` handler and no
``javascript:`` URL reaches a page, and hence neither the search index built from it. The list keeps
what Python-Markdown and Material write: headings with permalinks, footnotes, admonitions, tables,
abbreviations and tooltips, ``md_in_html`` blocks with their classes, ``lang`` and ``aria-*`` attributes.

Names the theme's scripts and styles act on are the theme's, never the content's (an element with
``id="__config"`` replaced Material's runtime configuration, ``data-md-component`` mounts a theme
component, ``class="mermaid"`` fetches a diagram library from a CDN): ids and classes are kept only
in the forms content uses, the ``data-*`` attributes only from a short list (``attribute_filter``).
"""

from __future__ import annotations

import html
import re

import nh3

from briefing.i18n import N_
from briefing.structure import ALL_KINDS

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
DATA_ATTRIBUTES = frozenset({
    "data-search-exclude",  # read by the search plugin and search/page_entries.py
    "data-start", "data-end", "data-order", "data-default-order",  # chronologies (render/entries.py)
    "data-ev",  # the events a timeline's mark stands for (render/timeline.py)
    *(f"data-{kind.value}" for kind in ALL_KINDS),  # the filters' entry slugs, named after the registry folders
})
"""The only ``data-*`` attributes a page body may carry: those the site's own markup uses (it goes
through the same policy; add any new one here). ``data-md-*``, ``data-tabs`` or ``data-preview``
would start a theme component."""
GENERIC_ATTRIBUTE_PREFIXES = frozenset({"aria-"})
ID_FORM = re.compile(r"[^\W_][^\s]*")
"""An id starts with a letter or a digit (heading slugs, ``fn:1``, ``2023-08``): the theme's own
(``__config``, ``__search``, ``__drawer``, ``__toc``, ``__nav_1``, ``__tooltip2_0``…) all start with ``_``."""
CLASS_FORM = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
"""A class in content: lower-case words joined by hyphens (``briefing-term``, ``tl-mark``,
``admonition-title``, ``footnote-ref``)."""
THEME_CLASS_PREFIXES = ("md-", "tabbed-")
THEME_CLASSES = frozenset({
    "annotate", "highlight", "mermaid", "copy", "no-copy", "select", "no-select", "linenums", "arithmatex",
})
"""Material's namespace, and the classes its scripts look for in content (annotations, code buttons,
diagrams, maths, content tabs)."""
UNSAFE_THEME_FEATURES = {
    "content.tooltips": N_("it inserts every title attribute into the page as HTML, so contributors' text would "
                           "run as script; remove it (the site's own tooltips, assets/briefing-tooltips.js, show "
                           "titles as text)"),
}
"""Material features that turn page text into HTML in the reader's browser: the build refuses them (the
reasons are translated where they are reported)."""
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
STYLE_PROPERTIES = frozenset({"text-align", "left", "width", "margin-left"})
"""Tables' column alignment, and the position of the timeline's marks (``render/timeline.py``)."""
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "noscript"})


def _content_class(token: str) -> bool:
    return bool(CLASS_FORM.fullmatch(token)) and token not in THEME_CLASSES and not token.startswith(
        THEME_CLASS_PREFIXES)


def _attribute(element: str, name: str, value: str) -> str | None:
    """Ids, classes and ``data-*`` attributes as content may write them (None drops the attribute)."""
    if name == "id":
        return value if ID_FORM.fullmatch(value) else None
    if name == "class":
        kept = [token for token in value.split() if _content_class(token)]
        return " ".join(kept) if kept else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) | (set(DATA_ATTRIBUTES) if tag == "*" else set()) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_attribute,
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
