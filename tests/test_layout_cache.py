"""The navigation's cache key (hooks/speedups/briefing_layout_cache.py: ``LayoutCache.key``): two pages
share a key only when the navigation's links from them are the same, which is what lets them share its
rendering; a page's depth stands for those links when its folder is none of the navigation's, so the
pages of such a folder share one rendering per depth."""

from __future__ import annotations

from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

PATH = Path(__file__).parents[1] / "hooks/speedups/briefing_layout_cache.py"
NAV_URLS = ["", "lettres/", "nouveautes/", "auteurs/", "chronologie/", "pays/", "themes/", "glossaire/"]
OFFLINE_NAV_URLS = ["index.html", "lettres/index.html", "nouveautes.html", "chronologie/index.html",
                    "pays/index.html", "glossaire.html"]
FOLDERS = ["evenements", "pays", "chronologie", "lettres", "flux", "a.b", "nouveautes", "x"]
NAMES = ["japon", "2023", "2023-08-18-sommet", "index.html", "a.html", "v1.2", "nouveautes.html"]


def _cache():
    spec = spec_from_file_location("briefing_layout_cache_under_test", PATH)
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.LayoutCache()


@st.composite
def _page_url(draw) -> str:
    parts = draw(st.lists(st.sampled_from(FOLDERS + NAMES), min_size=0, max_size=3))
    if not parts:
        return draw(st.sampled_from(["", "index.html", "nouveautes.html", "x.html"]))
    return "/".join(parts) + draw(st.sampled_from(["/", "", ".html"]))


@settings(max_examples=300, derandomize=True)
@given(st.sampled_from([NAV_URLS, OFFLINE_NAV_URLS]), st.lists(_page_url(), min_size=2, max_size=6),
       st.integers(0, 2))
def test_pages_share_a_key_only_when_the_navigation_links_are_the_same(nav_urls, urls, active):
    pages = [SimpleNamespace(url=u, active=i == active) for i, u in enumerate(nav_urls)]
    nav = SimpleNamespace(pages=pages)
    cache = _cache()
    keys = {}
    for url in urls:
        page = SimpleNamespace(url=url)
        if url in nav_urls:
            assert cache.key("nav", page, nav) is None or page not in nav.pages
            continue
        keys[url] = cache.key("nav", page, nav)
        assert cache.key("tabs", page, nav) == "tabs" + keys[url][3:]  # the tabs ask next, for the same page
    for a in keys:
        for b in keys:
            if keys[a] == keys[b]:
                assert [get_relative_url(p.url, a) for p in pages] == [get_relative_url(p.url, b) for p in pages]


def test_pages_outside_the_navigation_folders_share_a_key_by_depth():
    nav = SimpleNamespace(pages=[SimpleNamespace(url=u, active=u == "chronologie/") for u in NAV_URLS])
    cache = _cache()

    def key(url: str) -> str | None:
        return cache.key("nav", SimpleNamespace(url=url), nav)

    assert key("evenements/a/") == key("evenements/b/") == key("flux/c/") != key("flux/")
    assert key("pays/japon/") != key("evenements/a/")  # beside the navigation's pays/: links share its prefix
    assert key("pays/japon/") == key("pays/chine/")  # the same links all the same


def test_a_page_listed_in_the_navigation_gets_no_key():
    page = SimpleNamespace(url="lettres/", active=True)
    nav = SimpleNamespace(pages=[SimpleNamespace(url="", active=False), page])
    assert _cache().key("nav", page, nav) is None
    assert _cache().key("nav", None, nav) is None
