"""What a reader sees in a real browser: the served public site and the offline export from file://."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser_support import RequestLog, search

pytestmark = pytest.mark.browser

LETTER = "lettres/187-institutionnalisation-alliances-americaines/"
TOOLTIP = ".md-tooltip2--active"


def _paths(results: list[dict[str, str]]) -> list[str]:
    return [urlparse(r["href"]).path for r in results]


def _show_glossary_tooltip(page, scope: str) -> str:
    """Hover the first glossary mark in ``scope``; return the tooltip's text once Material shows it."""
    mark = page.locator(f"{scope} a[href*='glossaire']").first
    mark.hover()
    page.wait_for_selector(TOOLTIP, state="visible")
    return page.inner_text(TOOLTIP)


# The served public site ------------------------------------------------------------------------

def test_search_finds_a_letter_and_an_event(page, served_public_site):
    page.goto(served_public_site)
    meta, results = search(page, "bureau")
    paths = _paths(results)
    assert "trouvé" in meta
    assert any(p.startswith("/lettres/181-") for p in paths), paths
    assert any(p.startswith("/evenements/") for p in paths), paths


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("coree", "/pays/coree-du-sud/"),
        ("etats-unis", "/pays/etats-unis/"),
        ("elysee", "/evenements/2023-06-france-opposition-bureau-tokyo/"),
        ("état", "/evenements/2022-06-28-ip4-sommet-otan-madrid/"),  # its only "état" is in "chefs d’État"
    ],
)
def test_search_folds_accents_online(page, served_public_site, query, expected):
    page.goto(served_public_site)
    meta, results = search(page, query)
    assert expected in _paths(results), (meta, _paths(results))


CAMP_DAVID_QUERIES = [
    "trilatéral",  # a word of its title
    "Kishida",  # an entity it names
    "18 août 2023",  # its date
    "trilateral",  # a title word typed without its accent
]


@pytest.mark.parametrize("query", CAMP_DAVID_QUERIES)
def test_search_finds_an_event_by_title_entity_date_and_without_accents(page, served_public_site, query):
    page.goto(served_public_site + "evenements/2023-08-18-sommet-camp-david/")
    meta, results = search(page, query)
    assert "/evenements/2023-08-18-sommet-camp-david/" in _paths(results), (meta, _paths(results))


def test_letter_page_shows_its_facts_and_a_glossary_tooltip(page, served_public_site):
    page.goto(served_public_site + LETTER)
    assert page.locator("h2#faits").is_visible()
    facts = [t.replace("\u00a0", " ") for t in page.locator("h2#faits ~ p").all_inner_texts()]  # French spacing
    camp_david = ("18 août 2023 : à Camp David, Joe Biden, Fumio Kishida et Yoon Suk-yeol tiennent leur premier "
                  "sommet trilatéral autonome et conviennent de se retrouver chaque année.")
    assert camp_david in facts, facts  # the note's fact line, as the letter prints it
    assert "22 février 2024 : […]" in facts  # a withheld fact, visibly withheld
    tooltip = _show_glossary_tooltip(page, ".briefing-chapeau")
    assert tooltip == "Organisation du traité de l’Atlantique nord"


def test_chronology_links_lead_to_event_pages(page, served_public_site):
    page.goto(served_public_site + "chronologie/")
    link = page.locator("article li a[href*='evenements/']").first  # the list, not the timeline
    date = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert urlparse(page.url).path.startswith("/evenements/")
    assert date in page.inner_text("article")


# The offline export from file:// ----------------------------------------------------------------

@pytest.fixture
def export_page(page, offline_export):
    page.goto(offline_export.site.joinpath("index.html").as_uri())
    return page


def test_offline_search_from_file_url(export_page, offline_export):
    meta, results = search(export_page, "elysee")  # folded: the page says "L’Élysée"
    assert "trouvé" in meta
    target = offline_export.site / "evenements" / "2023-06-france-opposition-bureau-tokyo.html"
    assert target.as_uri() in [r["href"].split("?")[0] for r in results]
    meta, results = search(export_page, "Corée")
    assert len(results) >= 2, meta
    assert export_page.request_log.outside(offline_export.site) == []


@pytest.mark.parametrize("query", CAMP_DAVID_QUERIES)
def test_offline_search_finds_an_event_by_title_entity_date_and_without_accents(export_page, offline_export, query):
    meta, results = search(export_page, query)
    target = offline_export.site / "evenements" / "2023-08-18-sommet-camp-david.html"
    assert target.as_uri() in [r["href"].split("?")[0] for r in results], meta


def test_offline_navigation_footnotes_and_tooltips(export_page, offline_export):
    export_page.get_by_role("link", name="Chronologie").first.click()
    export_page.wait_for_load_state()
    assert export_page.url == (offline_export.site / "chronologie" / "index.html").as_uri()
    export_page.locator("article a[href*='evenements/']").first.click()
    export_page.wait_for_load_state()
    assert "/evenements/" in export_page.url and export_page.url.endswith(".html")
    export_page.goto((offline_export.site / "lettres" / "181-bureau-otan-tokyo.html").as_uri())
    assert _show_glossary_tooltip(export_page, "article")
    export_page.goto((offline_export.site / "evenements" / "2023-08-18-sommet-camp-david.html").as_uri())
    export_page.locator("a.footnote-ref").first.click()
    assert export_page.url.split("#")[1].startswith("fn:")
    assert export_page.locator(".footnote li").first.is_visible()
    log = export_page.request_log
    assert any(u.endswith("search/search_index.js") or "bundle" in u for u in log.urls), log.urls
    assert log.outside(offline_export.site) == []


def test_offline_export_records_no_request_outside_its_folder(browser, offline_export):
    """Every page kind, with search used: the shim, the worker's code and the index come from the folder."""
    context = browser.new_context()
    log = RequestLog(context)
    page = context.new_page()
    for relative in ["index.html", "lettres/index.html", "chronologie/index.html", "glossaire.html",
                     "pays/japon.html", "lettres/187-institutionnalisation-alliances-americaines.html"]:
        page.goto((offline_export.site / relative).as_uri())
        page.wait_for_load_state("networkidle")
    search(page, "otan")
    context.close()
    assert any(u.endswith("search/search_offline.js") for u in log.urls), log.urls  # the worker's code, the shim
    assert any(u.endswith("search/search_lunr.js") for u in log.urls), log.urls
    assert log.outside(offline_export.site) == []
