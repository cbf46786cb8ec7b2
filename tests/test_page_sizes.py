"""No kind of page grows with the archive: the synthetic corpus (tools/synthetic_corpus.py) built at
two sizes, every page sorted by kind (tools/benchmarking/sizes.py), each kind's largest page compared.

The sizes are those at which the bounded lists are full in this corpus (one letter per twenty events,
240 registry entries): the letters' index lists its latest fifty letters from 1,000 events on, an
entity page its latest thirty events, the chronology's index ten years of a crowded frieze. A year page
lists its fifty events at 1,000 events, its months at 2,000 (each on a page of its own). Kinds of
page that fill up to a fixed number of entries (a month page, an archive page, a page of older
letters, a relation's page, the relations' index of a hundred rows) keep growing until they are full,
at sizes too large to build here: they are held by the ceiling, and their number of entries by
``test_bounded_pages.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import lxml.html
import pytest

from briefing.render.letter_pages import INDEX_LATEST, LETTER_PAGE_SIZE
from support import REPO, build, make_project

sys.path.insert(0, str(REPO / "tools"))
from benchmarking.sizes import largest_by_type
from synthetic_corpus import write_corpus
from test_site_shell_browser import _serious_violations

SIZES = (1000, 2000)
GROWTH = 1.05
"""A kind of page already at its bound may differ by this much between the two sizes (its largest
page is another page, with longer names)."""
FILLING = {"month", "entity archive", "letters archive", "entity letters", "author letters", "relation",
           "relation letters", "relations index"}
"""Kinds of page that fill up to a fixed number of entries: bounded by their ceiling only."""
CEILING_KB = {
    "home": 26, "event": 30, "letter": 45, "letters index": 30, "letters archive": 45, "chronology index": 58,
    "year": 70, "month": 70, "entity": 80, "entity archive": 82, "entity letters": 45, "registry index": 34,
    "authors": 30, "author letters": 45, "relations index": 32, "relation": 32, "relation letters": 45, "glossaire": 48,
    "nouveautes": 70, "flux": 20, "404": 18,
}
"""The most a page of each kind weighs at its fullest (a year page of fifty entries with its frieze, a month
page of forty, an archive page of fifty, an entity page of thirty with its frieze and form), in KB."""


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[int, Path]:
    found = {}
    for size in SIZES:
        root = tmp_path_factory.mktemp(f"corpus{size}")
        project = make_project(root / "project", {})
        write_corpus(project, size)
        result = build(project, root / "site", strict=True, env={"SOURCE_DATE_EPOCH": "1764000000"})
        assert result.returncode == 0, result.output
        found[size] = result.site
    return found


@pytest.fixture(scope="module")
def largest(sites) -> dict[int, dict[str, tuple[int, str]]]:
    return {size: largest_by_type(site) for size, site in sites.items()}


def test_every_kind_of_page_is_under_its_ceiling(largest):
    for size, kinds in largest.items():
        assert set(kinds) <= set(CEILING_KB), set(kinds) - set(CEILING_KB)  # a new kind of page gets a ceiling
        over = {kind: (round(b / 1e3, 1), path) for kind, (b, path) in kinds.items() if b > CEILING_KB[kind] * 1e3}
        assert over == {}, size


def test_no_kind_of_page_grows_with_the_archive(largest):
    small, large = (largest[size] for size in SIZES)
    assert {"entity", "letters index", "chronology index", "year", "entity archive"} <= set(small)
    assert "month" not in small and "month" in large  # fifty events a year: no month page; a hundred: months
    grown = {kind: (small[kind], large[kind]) for kind in set(small) & set(large) - FILLING
             if large[kind][0] > small[kind][0] * GROWTH}
    assert grown == {}


def _letter_links(site: Path, page: Path) -> set[Path]:
    doc = lxml.html.fromstring(page.read_bytes())
    targets = {(page.parent / href).resolve() for href in doc.xpath("//article//td/a/@href")}
    return {t for t in targets if t.parent == (site / "lettres").resolve() and t.name[:1].isdigit()}


def test_the_letters_index_and_its_pages_list_every_letter_once(sites):
    """At 2,000 events (100 letters): the latest fifty on the index, the others on a page of older ones."""
    site = sites[SIZES[1]]
    letters = {p.parent.resolve() for p in (site / "lettres").glob("[0-9]*/index.html")}
    index = _letter_links(site, site / "lettres/index.html")
    archives = sorted((site / "lettres").glob("archives-*/index.html"))
    assert len(index) == INDEX_LATEST and archives
    listed = [_letter_links(site, page) for page in archives]
    assert all(len(page) <= LETTER_PAGE_SIZE for page in listed)
    assert set().union(index, *listed) == letters
    assert sum(len(x) for x in [index, *listed]) == len(letters)  # each once
    text = " ".join(lxml.html.fromstring((site / "lettres/index.html").read_bytes()).text_content().split())
    assert "Lettres plus anciennes : n° 1 à 50" in text


@pytest.mark.browser
def test_pages_of_older_letters_and_full_lists_pass_axe(browser, sites):
    """The kinds of page only a large archive has, and a year page listing its fifty events (at 1,000
    events), at 1280 and 390 px."""
    site = sites[SIZES[1]]
    kinds = {"letters archive", "entity letters", "author letters", "relations index", "entity", "entity archive",
             "month", "chronology index", "letters index"}
    paths = {kind: site / path for kind, (_, path) in largest_by_type(site).items() if kind in kinds}
    assert set(paths) == kinds
    paths["full year"] = sites[SIZES[0]] / largest_by_type(sites[SIZES[0]])["year"][1]
    entries = lxml.html.fromstring(paths["full year"].read_bytes()).xpath("//li[contains(@class, 'briefing-entry')]")
    assert len(entries) == 50
    found = {}
    for width in (1280, 390):
        page = browser.new_page(viewport={"width": width, "height": 900}, locale="fr-FR")
        for kind, path in paths.items():
            page.goto(path.as_uri())
            violations = _serious_violations(page)
            if violations:
                found[(width, kind)] = violations
        page.close()
    assert found == {}
