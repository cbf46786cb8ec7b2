"""The site shell on real builds (issue 14): the publication's identity, French everywhere, wayfinding.

Browser checks of the same (served and from ``file://``), print and accessibility:
``tests/test_site_shell_browser.py``.
"""

from __future__ import annotations

import re

import pytest
import yaml
from site_shell_support import english_in, english_on_pages, readable_strings

from support import REPO

LETTER = "lettres/187-institutionnalisation-alliances-americaines/"
OLDER_LETTER = "lettres/185-strategie-des-petits-pas/"
EVENT = "evenements/2023-08-18-sommet-camp-david/"
ENTITY = "pays/japon/"
PERSON = "personnalites/fumio-kishida/"
YEAR = "chronologie/2023/"

EXPECTED_TAB = {
    "": "Accueil",
    LETTER: "Lettres",
    "lettres/": "Lettres",
    "auteurs/": "Lettres",
    EVENT: "Chronologie",
    YEAR: "Chronologie",
    "chronologie/": "Chronologie",
    ENTITY: "Répertoires",
    PERSON: "Répertoires",
    "organisations/otan/": "Répertoires",
    "themes/defense/": "Répertoires",
    "relations/japon--otan/": "Répertoires",
    "glossaire/": "Glossaire",
}
"""The tab marked active per kind of page; only the index pages are in the navigation."""


def _config() -> dict:
    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)


def _texts(tree, selector: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in tree.cssselect(selector)]


# Identity --------------------------------------------------------------------------------------


def test_identity_is_set_once_in_mkdocs_yml(public_site):
    identity = _config()["extra"]["briefing"]
    home = public_site.page("")
    logo = home.cssselect(".md-header__button.md-logo img")[0].get("src")
    assert logo.endswith(identity["logo"]) and (public_site.site / identity["logo"]).is_file()
    icon = home.xpath('//link[@rel="icon"]/@href')[0]
    assert icon.endswith(identity["favicon"]) and (public_site.site / identity["favicon"]).is_file()
    assert (REPO / "docs" / identity["logo"]).read_text("utf-8").lstrip().startswith("<svg")
    assert home.xpath("string(//article//h1/text())").strip() == identity["publication"]


def test_home_page_leads_with_the_latest_letters_chapeau(public_site):
    home = public_site.page("")
    lead = " ".join(home.cssselect(".briefing-home-lead")[0].text_content().split())
    letter = " ".join(public_site.page(LETTER).cssselect(".briefing-chapeau")[0].text_content().split())
    assert letter[:120] in lead
    assert "n° 187" in lead
    links = home.cssselect(".briefing-home-lead a")
    assert any(a.get("href").rstrip("/").endswith(LETTER.rstrip("/")) for a in links)


@pytest.mark.parametrize("url", ["", LETTER, EVENT, ENTITY, YEAR, "glossaire/", "mentions-legales/"])
def test_every_page_has_the_publications_french_footer(public_site, url):
    identity = _config()["extra"]["briefing"]
    footer = public_site.page(url).cssselect(".md-footer-meta")[0]
    text = " ".join(footer.text_content().split())
    assert "Made with" not in text and "Material for MkDocs" not in text
    assert identity["publication"] in text and identity["publisher"] in text
    labels = {" ".join(a.text_content().split()): a.get("href") for a in footer.cssselect("a")}
    assert labels[identity["subscribe_label"]] == identity["subscribe_url"]
    assert labels[identity["publisher"]] == identity["publisher_url"]
    for label, target in (("Flux, calendriers et données", "flux/index.html"),
                          ("Mentions légales", "mentions-legales/index.html")):
        page = (public_site.site / url / labels[label] / "index.html").resolve()
        assert page == (public_site.site / target).resolve(), label


def test_palette_is_the_publications_own(public_site):
    body = public_site.page("").cssselect("body")[0]
    assert body.get("data-md-color-primary") == "custom"
    css = (public_site.site / "assets/briefing-site.css").read_text("utf-8")
    assert re.search(r"--md-primary-fg-color:\s*#", css)


# French everywhere -----------------------------------------------------------------------------


@pytest.mark.parametrize("build", ["public_site", "full_site", "offline_export"])
def test_no_english_string_on_any_page(build, request):
    site = request.getfixturevalue(build).site
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    assert english_on_pages(site) == {}


def test_the_scan_finds_what_material_writes_in_english():
    """The scanner is not blind: Material's and Python-Markdown's English defaults are found."""
    page = (b'<html><body><h2 id="a">A<a class="headerlink" title="Permanent link">x</a></h2>'
            b'<p>Made with <a>Material for MkDocs</a></p><a title="Jump back to footnote 1 in the text">r</a>'
            b'<p lang="en">Next steps, in English on purpose</p></body></html>')
    found = {s for text in readable_strings(page) for s in english_in(text)}
    assert {"Permanent link", "Made with", "Material for MkDocs", "Jump back to footnote"} <= found
    assert "Next" not in found


def test_permalinks_and_footnote_backlinks_are_titled_in_french(full_site):
    letter = full_site.page(LETTER)
    titles = set(letter.xpath('//a[@class="headerlink"]/@title'))
    assert titles == {"Lien vers cette section"}
    backlinks = letter.xpath('//a[@class="footnote-backref"]/@title')
    assert backlinks and all(t.startswith("Revenir à l’appel de note") for t in backlinks)


def test_404_page_is_french_and_leads_home_and_to_search(public_site):
    page = public_site.page("404.html")
    assert page.cssselect("article h1")[0].text_content().strip() == "Page introuvable"
    hrefs = {" ".join(a.text_content().split()): a.get("href") for a in page.cssselect("article a")}
    assert hrefs["Revenir à l’accueil"] == "/"
    assert hrefs["Rechercher dans le site"] == "/?q="


# Wayfinding ------------------------------------------------------------------------------------


def test_five_tabs(public_site):
    assert _texts(public_site.page(""), ".md-tabs__item") == [
        "Accueil", "Lettres", "Chronologie", "Répertoires", "Glossaire"]


@pytest.mark.parametrize("url", sorted(EXPECTED_TAB))
def test_the_right_tab_is_active(public_site, url):
    assert _texts(public_site.page(url), ".md-tabs__item--active") == [EXPECTED_TAB[url]]


def test_breadcrumbs(public_site):
    assert _texts(public_site.page(LETTER), ".md-path__item") == ["Accueil", "Lettres", "Toutes les lettres"]
    assert _texts(public_site.page(EVENT), ".md-path__item") == ["Accueil", "Chronologie", "Chronologie 2023"]
    assert _texts(public_site.page(YEAR), ".md-path__item") == ["Accueil", "Chronologie"]
    assert _texts(public_site.page(ENTITY), ".md-path__item") == ["Accueil", "Répertoires", "Pays et zones"]
    event_crumbs = public_site.page(EVENT).cssselect(".md-path__link")
    assert event_crumbs[-1].get("href") == "../../chronologie/2023/"


def test_previous_and_next_letter(public_site):
    footer = public_site.page(LETTER).cssselect(".md-footer__inner")[0]
    assert footer.cssselect(".md-footer__link--prev")[0].get("href") == "../" + OLDER_LETTER.removeprefix("lettres/")
    assert not footer.cssselect(".md-footer__link--next")  # the latest letter
    older = public_site.page(OLDER_LETTER)
    assert older.cssselect(".md-footer__link--next")[0].get("href") == "../" + LETTER.removeprefix("lettres/")
    assert " ".join(older.cssselect(".md-footer__link--next")[0].text_content().split()).startswith("Suivant")
    for url in ("", "lettres/", EVENT, ENTITY):  # the navigation's order is not a reading order
        assert not public_site.page(url).cssselect(".md-footer__link")


def test_year_page_has_its_navigation_at_the_top_too(public_site):
    neighbours = public_site.page(YEAR).cssselect("article .briefing-neighbours")
    assert len(neighbours) == 2 and "briefing-neighbours-top" in neighbours[0].get("class")
    top = _texts(public_site.page(YEAR), "article .briefing-neighbours-top a")
    assert top == ["2022", "Toute la chronologie", "2024"]


def test_left_column_lists_the_tabs_pages_or_is_left_out(public_site):
    entity = public_site.page(ENTITY).cssselect(".md-sidebar--primary")[0]
    assert "briefing-sidebar--empty" not in entity.get("class")
    assert "Pays et zones" in _texts(entity, ".md-nav__item--active > .md-nav__link")
    for url in (EVENT, YEAR, ""):
        assert "briefing-sidebar--empty" in public_site.page(url).cssselect(".md-sidebar--primary")[0].get("class")


def test_offline_export_marks_tabs_and_breadcrumbs_too(offline_export):
    event = offline_export.page(EVENT.rstrip("/") + ".html")
    assert _texts(event, ".md-tabs__item--active") == ["Chronologie"]
    assert event.cssselect(".md-path__link")[-1].get("href") == "../chronologie/2023.html"
