"""Work shared between the pages that list the same things gives what doing it on each page gives.

Placeholders that follow one another go through Markdown as one paragraph (``fragments.one_paragraph``),
each link is resolved once per page depth (``resolve_links``' ``memo``), an entity's companions are
ranked among those that can make the list (``Corpus.related_entities``), a note's text is searched for
markup by two regular expressions instead of one alternation (``plaintext``). Here, on Hypothesis cases
(seeded and bounded), each gives exactly what the straightforward way gives; the built sites are
compared byte for byte in ``tests/test_pages.py`` and the benchmark's guard."""

from __future__ import annotations

import os
import re
from collections import Counter
from types import SimpleNamespace

import markdown
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from briefing.french.collation import sort_key
from briefing.index import plaintext
from briefing.index.corpus import Corpus
from briefing.render import html
from briefing.render.fragments import Fragments, one_paragraph, resolve_links

EXAMPLES = int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "150"))
_settings = settings(derandomize=True, database=None, max_examples=EXAMPLES, phases=[Phase.generate],
                     deadline=None, suppress_health_check=[HealthCheck.too_slow])

_EXTENSIONS = ["abbr", "admonition", "attr_list", "footnotes", "md_in_html", "tables", "toc"]
"""``mkdocs.yml``'s Markdown extensions."""

_FRAGMENT = st.tuples(
    st.sampled_from(["<ul><li>un</li></ul>\n", "<p>deux</p>", '<div class="x">trois</div>\n', "<h2>Titre</h2>"]),
    st.sampled_from(["searchable", "late", "late typeset", "read by search as"]),
)
_BODY = st.sampled_from(["", "Un texte.\n", "- un\n- deux\n", "Texte[^1].\n\n[^1]: Une note.\n",
                         "> cité\n", "    code\n", "*[OTAN]: Organisation\n\nOTAN.\n", "## Section\n\nSuite.\n"])


def _page(fragments: Fragments, body: str, parts: list[tuple[str, str]], joined: bool) -> str:
    placeholders = [fragments.place("a.md", fragment, searchable=kind == "searchable",
                                    search_html="<p>lu</p>" if kind == "read by search as" else None,
                                    typeset=kind == "late typeset")
                    for fragment, kind in parts]
    tail = [one_paragraph(placeholders)] if joined else placeholders
    return "\n".join(s for s in ["# Titre\n", body, *tail] if s)


@_settings
@given(body=_BODY, parts=st.lists(_FRAGMENT, max_size=5))
def test_placeholders_in_one_paragraph_give_the_page_of_one_paragraph_each(body, parts):
    converter = markdown.Markdown(extensions=_EXTENSIONS)
    pages = []
    for joined in (False, True):
        fragments = Fragments()
        rendered = converter.reset().convert(_page(fragments, body, parts, joined))
        assembled = fragments.assemble("a.md", rendered, lambda part: part.replace("Titre", "TITRE"))
        pages.append((assembled.replace(fragments._block, "PLACEHOLDER"),
                      fragments.complete("a.md", assembled, str.strip, lambda part: part.replace("un", "UN"))))
    assert pages[0] == pages[1]


def test_one_paragraph_takes_only_block_placeholders():
    fragments = Fragments()
    placeholders = [fragments.place("a.md", "<p>un</p>"), "", fragments.place("a.md", "<p>deux</p>")]
    assert one_paragraph(placeholders).count(" ") == 1 and one_paragraph(placeholders).endswith("z\n")
    assert one_paragraph(["", ""]) == ""
    with pytest.raises(ValueError):
        one_paragraph([placeholders[0], "Un texte.\n"])


_URLS = {"pays/japon.md": "pays/japon/", "index.md": "", "evenements/x.md": "evenements/x/"}
_LINK = st.sampled_from([html.link("Japon", "pays/japon.md", "chronologie"), html.link("Japon", "pays/japon.md"),
                         html.link("Accueil", "index.md"), html.link("x", "evenements/x.md"),
                         html.link("absent", "pays/coree.md", "x"), '<a href="/pays/japon.md">à la main</a>'])
_PAGE_URL = st.sampled_from(["", "pays/japon/", "evenements/x/", "pays/japon/archives-1/", "a.html", "b/c.html"])


@_settings
@given(pages=st.lists(st.tuples(_PAGE_URL, st.lists(_LINK, max_size=6).map(" · ".join)), max_size=8))
def test_links_resolved_once_per_depth_are_those_resolved_on_each_page(pages):
    memo: dict[str, dict[str, str]] = {}
    for page_url, body in pages:
        alone: list[str] = []
        remembered: list[str] = []
        assert (resolve_links(body, page_url, _URLS, remembered.append, memo)
                == resolve_links(body, page_url, _URLS, alone.append))
        assert remembered == alone, "a missing link is reported on every page that has it"


_COUNTS = st.dictionaries(st.sampled_from([f"pays/p{i}" for i in range(30)]), st.integers(1, 6), max_size=30)
_TITLES = st.lists(st.sampled_from(["Japon", "Chine", "Corée du Sud", "Corée du Nord", "États-Unis", "Inde",
                                    "Éthiopie", "Iran", "Irak"]), min_size=30, max_size=30)


@_settings
@given(counts=_COUNTS, titles=_TITLES, limit=st.integers(1, 12))
def test_companions_ranked_among_those_that_can_be_listed_are_the_full_ranking(counts, titles, limit):
    entities = {f"pays/p{i}": SimpleNamespace(key=f"pays/p{i}", title=title) for i, title in enumerate(titles)}
    corpus = SimpleNamespace(cooccurrence={"pays/x": Counter(counts)}, entity=entities.__getitem__)
    full = sorted(counts.items(), key=lambda item: (-item[1], sort_key(entities[item[0]].title)))[:limit]
    assert Corpus.related_entities(corpus, "pays/x", limit) == [(entities[k], n) for k, n in full]


_MARKDOWNISH = st.lists(st.sampled_from(["mot", " ", "\n", "\n\n", "  ", "    ", "- ", "+ ", "1. ", "2) ", "> ", "*",
                                         "_", "[", "]", "<", "&", "#", "!", "|", "~", "`", "\\", "é", "\t"]),
                        max_size=12).map("".join)


@_settings
@given(text=_MARKDOWNISH)
def test_markup_is_found_by_two_searches_where_one_alternation_found_it(text):
    one = re.compile(r"[\\`*_\[\]<>&#!|~]|^\s*(?:[-+]\s|\d+[.)]\s|>)|^ {4}", re.MULTILINE)
    found = plaintext._MARKUP_CHARACTERS.search(text) or plaintext._MARKUP_LINES.search(text)
    assert bool(found) == bool(one.search(text))
