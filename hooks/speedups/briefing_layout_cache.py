"""MkDocs adapter: render the parts of Material's page chrome that do not depend on the page once
per distinct URL layout, like Hugo's ``partialCached``.

Material renders its navigation (tabs and sidebar), its header and its app configuration into every
page, although for most pages they only depend on relative URLs: at 10,000 event pages they were
about half of the template time. ``overrides/main.html`` asks ``briefing_layout`` for a cached
rendering and stores the one it renders on a miss. The key of each part is what its rendering reads
of the page; pages listed in the navigation never take a cached navigation (they are marked active
and carry their table of contents in the sidebar). The table of contents depends on the page's
headings alone: it is kept by their titles and anchors (``toc_key``), which pages of a kind share (all
but two event pages of the 1,000-event corpus, a quarter of its entity pages). A site built without
this hook renders every part itself, byte for byte the same (``tests/test_pages.py``).
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.utils import get_relative_url

TITLE_SLOT = re.compile(r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*')
"""Where Material's header prints the page title."""


class LayoutCache:
    def __init__(self) -> None:
        self._rendered: dict[str, str] = {}
        self._titled: dict[str, tuple[str, str]] = {}
        self._static_folders: dict[tuple, set[str]] = {}
        self._layout: tuple[str | None, str] = (None, "")
        """The last page's URL and the relative URLs of the navigation's pages from it."""
        self._folders: tuple[object, set[str]] = (None, set())

    def key(self, part: str, page, nav) -> str | None:
        """The navigation ``part``'s key: the relative URLs of the navigation's pages and which of them
        are active (the one the page belongs under, ``briefing_site``), or None when the page is
        itself in the navigation. Those URLs depend on the page's depth alone when its folder is none of
        the navigation pages' first folders (``_depth``): the depth then stands for them."""
        if page is None or nav is None or page in nav.pages:
            return None
        if self._layout[0] != page.url:  # the tabs and the sidebar ask in turn for the same page
            url, depth = page.url, self._depth(page.url, nav)
            urls = f"depth {depth}" if depth is not None else "\n".join(get_relative_url(p.url, url) for p in nav.pages)
            self._layout = (url, urls + "\nactive:" + " ".join(p.url for p in nav.pages if p.active))
        return part + "\n" + self._layout[1]

    def _depth(self, url: str, nav) -> int | None:
        """How many folders ``get_relative_url`` climbs from ``url`` to reach the navigation's pages, when
        that is all it does: the folder it starts from (``url``, less a file name) shares no first folder
        with any of them; None otherwise."""
        head, tail = posixpath.split(url)
        folder = posixpath.normpath("/" + (head if "." in tail else url))
        if folder == "/":
            return 0
        if self._folders[0] is not nav:
            self._folders = (nav, {posixpath.normpath("/" + p.url).split("/")[1] for p in nav.pages})
        return None if folder.split("/")[1] in self._folders[1] else folder.count("/")

    def static_key(self, part: str, page, config, *paths: str | None) -> str | None:
        """The key of a ``part`` that only links to files of the theme, the site's own scripts and
        stylesheets (``assets/…``, ``extra_css``, ``extra_javascript``) and ``paths``: their URLs relative
        to the page depend on its depth alone, unless the page is in a folder one of them is in (its
        URLs then share a prefix with the page's): such a page is not cached."""
        if page is None:
            return None
        folders = self._static_folders.get((id(config), paths))
        if folders is None:
            linked = ["assets/", *config.extra_css, *(str(s) for s in config.extra_javascript),
                      *(str(s) for s in (config.extra.get("polyfills") or [])), *(p for p in paths if p)]
            folders = {p.lstrip("/").split("/", 1)[0] for p in linked}
            self._static_folders[(id(config), paths)] = folders
        if page.url.split("/", 1)[0] in folders:
            return None
        return f"{part}\n{page.url.count('/')}"

    def toc_key(self, page) -> str | None:
        """The key of the table of contents (``partials/toc.html``): all it reads of the page is its
        ``toc`` (of which it lists the first item's children when that item is the page's title, of
        level 1), each listed item's URL, title, Material's ``typeset`` title and children. Pages of a
        kind share theirs (an entity page's sections and years, an event page's sections), so each
        distinct one is rendered once."""
        if page is None or page.toc is None:
            return None
        items = list(page.toc)
        if items and items[0].level == 1:
            items = items[0].children
        return "toc\n" + repr(_toc_items(items))

    def get(self, key: str | None) -> str | None:
        return self._rendered.get(key) if key else None

    def put(self, key: str | None, rendered: str) -> str:
        if key:
            self._rendered[key] = rendered
        return rendered

    def get_titled(self, key: str | None, title: object) -> str | None:
        """A cached part that prints the page's title (the header), with this page's title."""
        around = self._titled.get(key) if key else None
        return None if around is None else around[0] + str(title) + around[1]

    def put_titled(self, key: str | None, rendered: str, title: object) -> str:
        """Keep ``rendered`` as the text around the title in its title slot; when the title cannot be
        found there, nothing is kept."""
        title, slot = str(title), TITLE_SLOT.search(rendered)
        if key and title and slot and rendered.startswith(title, slot.end()):
            self._titled[key] = (rendered[: slot.end()], rendered[slot.end() + len(title) :])
        return rendered


def _toc_items(items) -> tuple:
    return tuple((item.url, item.title, repr(getattr(item, "typeset", None)), _toc_items(item.children))
                 for item in items)


def on_env(env, config, files):
    env.globals["briefing_layout"] = LayoutCache()  # a new cache for every build
    return env
