"""The site shell in a real browser (Debian's chromium), served and from ``file://`` (issue 14):
French once scripts have run (search open), the active tab and breadcrumb, print read back from a PDF,
and axe-core (vendored by the pinned ``axe-playwright-python``) finding no serious or critical
violation of WCAG 2.2 A/AA on the reader's main pages, in both editions and in the offline export.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import axe_playwright_python
import pytest
from pypdf import PdfReader
from site_shell_support import english_in, readable_strings
from test_site_shell import ENTITY, EVENT, LETTER, YEAR

from browser_support import SEARCH_INPUT, serve

pytestmark = pytest.mark.browser

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_PAGES = ["", LETTER, EVENT, "chronologie/", YEAR, ENTITY, "glossaire/", "relations/"]


@pytest.fixture(scope="module")
def served_full_site(full_site):
    with serve(full_site.site) as url:
        yield url


def _url(base: str, site: Path, url_path: str, offline: bool) -> str:
    """A page's address: served (``x/``), or the export's ``x.html`` from ``file://``."""
    if not offline:
        return base + url_path
    page = site / (url_path.rstrip("/") + ".html")
    return (page if url_path and page.is_file() else site / url_path / "index.html").as_uri()


def _open_search(page, query: str = "otan") -> None:
    box = page.locator(SEARCH_INPUT)
    if page.viewport_size["width"] < 960:  # a narrow screen: behind the header's search button
        page.locator('label.md-header__button[for="__search"]').click()
    box.click()
    box.press_sequentially(query, delay=30)
    page.wait_for_function("() => /trouvé|Aucun/.test(document.querySelector('.md-search-result__meta')"
                           "?.textContent ?? '')", timeout=15000)


def _serious_violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    violations = page.evaluate(
        """async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))""",
        WCAG_TAGS,
    )
    return violations


@pytest.mark.parametrize("edition", ["public", "full", "offline"])
def test_axe_finds_no_serious_violation(browser, edition, served_public_site, served_full_site, public_site,
                                        offline_export):
    base = {"public": served_public_site, "full": served_full_site, "offline": ""}[edition]
    site = offline_export.site if edition == "offline" else public_site.site
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    found = {}
    for url_path in AXE_PAGES:
        page.goto(_url(base, site, url_path, edition == "offline"))
        violations = _serious_violations(page)
        if violations:
            found[url_path or "/"] = violations
    page.goto(_url(base, site, LETTER, edition == "offline"))
    _open_search(page)
    violations = _serious_violations(page)
    if violations:
        found["search open"] = violations
    page.close()
    assert found == {}


@pytest.mark.parametrize("offline", [False, True], ids=["served", "file"])
def test_no_english_once_scripts_ran_and_search_is_open(browser, served_full_site, offline_export, offline):
    page = browser.new_page(viewport={"width": 390, "height": 800}, locale="fr-FR")
    for url_path in ("", LETTER, EVENT, ENTITY):
        page.goto(_url(served_full_site, offline_export.site, url_path, offline))
        _open_search(page, "japon")
        strings = readable_strings(page.content().encode("utf-8"))
        strings.append(page.locator("body").inner_text())
        assert not {s for text in strings for s in english_in(text)}, url_path
    page.close()


@pytest.mark.parametrize("offline", [False, True], ids=["served", "file"])
def test_tab_and_breadcrumb_in_the_browser(browser, served_public_site, offline_export, offline):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    expected = {LETTER: ("Lettres", "Toutes les lettres", "Lettres"),
                EVENT: ("Chronologie", "Chronologie 2023", "Chronologie 2023"),
                ENTITY: ("Répertoires", "Pays et zones", "Pays et zones"),
                YEAR: ("Chronologie", "Chronologie", "Chronologie")}
    for url_path, (tab, parent, heading) in expected.items():
        page.goto(_url(served_public_site, offline_export.site, url_path, offline))
        assert page.locator(".md-tabs__item--active").inner_text().strip() == tab
        crumb = page.locator(".md-path__item").last
        assert crumb.inner_text().strip() == parent
        crumb.locator("a").click()
        page.wait_for_load_state()
        assert page.locator("article h1").first.inner_text().strip().rstrip("¶") == heading
    page.close()


def _pdf_pages(page, url: str) -> list[str]:
    page.goto(url)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    return [unicodedata.normalize("NFKC", p.extract_text() or "") for p in reader.pages]  # ligatures: ﬁ → fi


def test_letter_prints_with_masthead_page_numbers_and_addresses(browser, served_full_site, full_site):
    page = browser.new_page()
    pages = _pdf_pages(page, served_full_site + LETTER)
    page.close()
    text = "\n".join(pages)
    flat = " ".join(text.split())
    masthead = pages[0].upper().find("LETTRE CONFIDENTIELLE ASIE21-FUTURIBLES N° 187/2024-10")
    assert 0 <= masthead < pages[0].find("Japon – Corée du Sud – États-Unis : Vers")
    for number, page_text in enumerate(pages, 1):
        assert f"Page {number} sur {len(pages)}" in page_text
        assert "Asie21" in page_text
    assert "Adresse de cette page : https://briefing.example.org/" + LETTER in flat
    for absent in ("Rechercher", "Précédent", "Lettres Chronologie", "Mentions légales"):
        assert absent not in flat, absent


def test_links_print_their_address(browser, served_public_site, public_site):
    sources = public_site.page(EVENT).xpath('//article//a[starts-with(@href, "http")]/@href')
    assert sources
    page = browser.new_page()
    text = "".join("".join(_pdf_pages(page, served_public_site + EVENT)).split())
    page.close()
    for url in sources:
        assert f"<{url}>" in text


def test_entity_dossier_prints_without_blank_half_pages(browser, served_public_site):
    page = browser.new_page()
    pages = _pdf_pages(page, served_public_site + ENTITY)
    page.close()
    flat = " ".join(" ".join(pages).split())
    for absent in ("touchez un trait", "Du plus ancien au plus récent", "Du plus récent au plus ancien",
                   "Filtrer les événements"):
        assert absent not in flat, absent  # what only a screen can use
    assert "Japon" in pages[0]
    lines = [len([line for line in p.splitlines() if line.strip()]) for p in pages]
    fullest = max(lines)
    for number, count in enumerate(lines[:-1], 1):  # every page but the last is filled
        assert count >= fullest * 0.6, f"page {number} of {len(pages)} holds {count} lines (fullest: {fullest})"


def test_left_column_is_left_out_on_wide_screens_only(browser, served_public_site):
    """An event's tab (Chronologie) lists no pages: no empty column beside it on a wide screen, but the
    navigation still opens as the menu on a phone."""
    wide = browser.new_page(viewport={"width": 1280, "height": 900})
    wide.goto(served_public_site + EVENT)
    assert not wide.locator(".md-sidebar--primary").is_visible()
    assert wide.locator(".md-sidebar--secondary").is_visible()
    wide.goto(served_public_site + ENTITY)
    assert wide.locator(".md-sidebar--primary .md-nav__item--active > .md-nav__link").first.is_visible()
    wide.close()
    phone = browser.new_page(viewport={"width": 390, "height": 800})
    phone.goto(served_public_site + EVENT)
    phone.locator('label.md-header__button[for="__drawer"]').click()
    menu = phone.locator(".md-sidebar--primary")
    menu.get_by_text("Répertoires", exact=True).first.wait_for(state="visible")
    assert menu.is_visible()
    phone.close()
