"""The generated pages at DESIGN.md's URLs, read back from the built sample site."""

import json

import pytest

from search_support import search_documents
from support import build, make_project

CAMP_DAVID = "evenements/2023-08-18-sommet-camp-david/"
SPEED_HOOKS = ["speedups/briefing_layout_cache.py", "speedups/briefing_shared_markdown.py",
               "speedups/briefing_template_cache.py", "speedups/briefing_theme_files.py"]
"""Hooks that only make the build faster: without them, the site is the same."""


def _section_links(page, anchor_text: str) -> list[str]:
    """Link texts between the h2 titled ``anchor_text`` and the next h2."""
    heading = next(h for h in page.xpath("//article//h2") if h.text_content().strip("¶ ") == anchor_text)
    links = []
    for sibling in heading.itersiblings():
        if sibling.tag == "h2":
            break
        anchors = [a for a in sibling.xpath(".//a") if "headerlink" not in (a.get("class") or "")]
        links += [" ".join(a.text_content().split()) for a in anchors]
    return links


def test_event_page_has_date_fact_entities_sources_letters_related_and_neighbours(public_site):
    page = public_site.page(CAMP_DAVID)
    text = public_site.text(CAMP_DAVID)
    assert page.xpath("//article//h1")[0].text_content().strip("¶ ") == "Sommet trilatéral de Camp David"
    assert page.xpath("//p[contains(@class,'briefing-date')]")[0].text_content() == "18 août 2023"
    assert "Joe Biden accueille Fumio Kishida et Yoon Suk-yeol" in text
    assert "Japon" in _section_links(page, "Acteurs et thèmes")
    assert any("Camp David" in s for s in _section_links(page, "Sources"))
    assert any("n° 187/2024-10" in s for s in _section_links(page, "Cité dans"))
    assert any("28-30 juin 2022" in s for s in _section_links(page, "Voir aussi"))
    assert "← Précédent : 11-12 juillet 2023 : Sommet de l’Otan à Vilnius" in text
    assert "Suivant :" in text
    toc = [" ".join(a.text_content().split()) for a in page.xpath("//nav[contains(@class,'md-nav--secondary')]//a")]
    assert toc == ["Acteurs et thèmes", "Sources", "Cité dans", "Voir aussi"], "headings written as HTML are listed"


def test_withheld_event_has_no_page_and_reads_as_date_only_in_the_chronology(public_site, full_site):
    assert not list(public_site.site.glob("evenements/2024-02-22*"))
    assert list(full_site.site.glob("evenements/2024-02-22*"))
    year = public_site.text("chronologie/2024/")
    assert "22 février 2024 : […]" in year
    assert "22 février 2024 : […]" not in full_site.text("chronologie/2024/")


def test_chronology_lists_every_event_oldest_first_by_year_and_month(public_site):
    page = public_site.page("chronologie/")
    years = [h.text_content().strip("¶ ") for h in page.xpath("//article//h2")]
    assert years == sorted(years) and "2017" in years and "2024" in years
    months = [h.text_content().strip("¶ ") for h in page.xpath("//article//h3")]
    assert months.index("Juin 2022") < months.index("Août 2023") < months.index("Février 2024")
    assert "Décembre 2017" in months
    items = page.xpath("//article//li")
    events = [e for e in public_site.site.glob("evenements/*/index.html")]
    assert len(items) == len(events) + 7 + 1  # every published event plus the 7 withheld; 2023-2024 twice
    assert "fin décembre 2017 :" in public_site.text("chronologie/")
    assert "Au cours de l’année 2023" in public_site.text("chronologie/2023/")


def test_entity_page_has_description_letters_chronology_and_companions(public_site):
    page = public_site.page("pays/japon/")
    text = public_site.text("pays/japon/")
    headings = [h.text_content().strip("¶ ") for h in page.xpath("//article//h2")]
    assert [h for h in headings if h in ("Lettres", "Chronologie", "Souvent associés")] == [
        "Lettres", "Chronologie", "Souvent associés",
    ]
    assert "n° 187/2024-10" in " ".join(_section_links(page, "Lettres"))
    assert "18 août 2023" in " ".join(_section_links(page, "Chronologie"))
    companions = _section_links(page, "Souvent associés")
    assert "Corée du Sud" in companions and len(companions) <= 10
    assert text.index("Japon") < text.index("Lettres")


def test_glossary_page_has_expansion_definition_and_uses(public_site):
    page = public_site.page("glossaire/")
    for term in ("IP4", "PLD", "Otan", "Aukus", "ITPP"):
        assert page.xpath(f"//article//h2[@id='{term.lower()}']"), term
    text = public_site.text("glossaire/")
    assert "Partenaires indopacifiques de l’Otan" in text  # the entry's straight apostrophe made typographic
    assert "Utilisé dans" in text


def test_glossary_marks_link_to_the_glossary_with_the_expansion_and_lose_their_star(public_site):
    page = public_site.page("lettres/187-institutionnalisation-alliances-americaines/")
    marks = page.xpath("//article//a[contains(@href, 'glossaire/#ip4')]")
    assert marks and marks[0].get("title") == "Partenaires indopacifiques de l’Otan"
    assert marks[0].text_content() == "IP4"
    assert "IP4*" not in public_site.text("lettres/187-institutionnalisation-alliances-americaines/")
    for html in public_site.site.glob("evenements/*/index.html"):
        assert "IP4*" not in html.read_text("utf-8") and "Otan*" not in html.read_text("utf-8")


def test_home_page_has_latest_letters_events_and_entry_points(public_site):
    page = public_site.page("")
    assert "n° 187/2024-10" in " ".join(_section_links(page, "Dernières lettres"))
    latest = _section_links(page, "Derniers événements")
    assert latest[0].startswith("1er octobre 2024")
    assert {"Chronologie", "Glossaire", "Toutes les lettres"} <= set(_section_links(page, "Parcourir"))


def test_navigation_lists_index_pages_only(public_site):
    nav = public_site.page(CAMP_DAVID).xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert nav, "the primary navigation is rendered"
    assert not [href for href in nav if "evenements/" in href or "/pays/japon" in href or "lettres/1" in href]
    assert len(set(nav)) <= 12


def _navigation(site, url_path: str) -> tuple[list[str], list[str]]:
    """The tab and sidebar links of a page, and the titles of the tabs marked active."""
    page = site.page(url_path)
    hrefs = page.xpath("//nav[contains(@class,'md-tabs')]//a/@href")
    hrefs += page.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    active = page.xpath("//li[contains(@class,'md-tabs__item--active')]/a")
    return hrefs, [" ".join(a.text_content().split()) for a in active]


def test_cached_navigation_is_right_for_each_page_depth_and_active_tab(public_site, offline_export):
    """The navigation is rendered once per URL layout (hooks/speedups/briefing_layout_cache.py): pages at other
    depths get their own relative links, and the pages listed in it still show their tab as active."""
    event, _ = _navigation(public_site, CAMP_DAVID)
    assert "../../lettres/" in event and "../../chronologie/" in event
    year, _ = _navigation(public_site, "chronologie/2023/")
    assert "../" in year and "../../chronologie/" not in year, "same depth, but inside the Chronologie section"
    feeds, _ = _navigation(public_site, "flux/")
    assert "../lettres/" in feeds and "../../lettres/" not in feeds
    home, home_active = _navigation(public_site, "")
    assert "lettres/" in home and home_active == ["Accueil"]
    assert _navigation(public_site, "lettres/")[1] == ["Lettres"]
    assert _navigation(public_site, "chronologie/")[1] == ["Chronologie"]
    assert _navigation(public_site, CAMP_DAVID)[1] == ["Chronologie"]  # its tab, though not in the navigation
    offline, _ = _navigation(offline_export, CAMP_DAVID.rstrip("/") + ".html")
    assert "../lettres/index.html" in offline


@pytest.mark.parametrize("offline", [False, True], ids=["served", "offline"])
def test_speed_hooks_change_no_byte(tmp_path, offline):
    """The cached header, navigation and app configuration (hooks/speedups/briefing_layout_cache.py) and the
    shared Markdown converter (hooks/speedups/briefing_shared_markdown.py) give every page exactly what MkDocs
    and Material render without them (and without the templates' bytecode cache,
    hooks/speedups/briefing_template_cache.py), online and in the offline export."""
    env = {"SOURCE_DATE_EPOCH": "1700000000", **({"OFFLINE": "true"} if offline else {})}
    cached = make_project(tmp_path / "cached", {}, with_sample=True)
    uncached = make_project(tmp_path / "uncached", {}, with_sample=True)
    config = uncached / "mkdocs.yml"
    text = config.read_text("utf-8")
    for hook in SPEED_HOOKS:
        assert f"  - hooks/{hook}\n" in text
        text = text.replace(f"  - hooks/{hook}\n", "")
    config.write_text(text, "utf-8")
    sites = [build(project, tmp_path / f"{project.name}-site", strict=True, env=env) for project in (cached, uncached)]
    assert [site.returncode for site in sites] == [0, 0], sites[1].output
    pages = sorted(path.relative_to(sites[0].site) for path in sites[0].site.rglob("*.html"))
    assert len(pages) > 50
    assert pages == sorted(path.relative_to(sites[1].site) for path in sites[1].site.rglob("*.html"))
    differing = [str(p) for p in pages if (sites[0].site / p).read_bytes() != (sites[1].site / p).read_bytes()]
    assert differing == []


def test_french_search_config_and_derived_pages_kept_out_of_the_index(public_site):
    index = json.loads((public_site.site / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["fr"]
    assert "'" in index["config"]["separator"] and "’" in index["config"]["separator"]
    docs = search_documents(public_site.site)
    locations = {doc["location"] for doc in docs}
    assert any(loc.startswith("evenements/2023-08-18-sommet-camp-david/") for loc in locations)
    assert any(loc.startswith("lettres/187-") for loc in locations)
    assert not [loc for loc in locations if loc.startswith("chronologie/")]
    assert "glossaire/#ip4" in locations  # each entry, without the notes it lists (test_search_ranking)
    assert "lettres/" not in locations
    letter_texts = " ".join(d["text"] for d in docs if d["location"].startswith("lettres/187-"))
    assert "Joe Biden accueille" not in letter_texts, "FAITS are indexed on the event pages, not twice"
    japon = " ".join(d["text"] for d in docs if d["location"].startswith("pays/japon/"))
    assert "Archipel" in japon or len(japon) > 50
    assert "18 août 2023" not in japon, "an entity's generated chronology is not indexed"


def test_an_event_page_links_to_its_note_for_editing(tmp_path):
    """An event page is generated, but "edit this page" opens the contributor's note under events/."""
    project = make_project(tmp_path / "project", {}, with_sample=True)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert 'edit_uri: ""\n' in text
    text = text.replace('edit_uri: ""\n', "repo_url: https://example.org/asie21/briefing\nedit_uri: edit/main/docs/\n")
    config.write_text(text.replace("  features:\n", "  features:\n    - content.action.edit\n"), "utf-8")
    site = build(project, tmp_path / "site", strict=True)
    assert site.returncode == 0, site.output
    edit = site.page("evenements/2023-08-18-sommet-camp-david/").xpath("//a[@rel='edit']/@href")
    assert edit == ["https://example.org/asie21/briefing/edit/main/events/2023/2023-08-18-sommet-camp-david.md"]


def test_stylesheets_and_scripts_are_cached_by_depth_except_beside_them():
    """Material's stylesheets and scripts link only to files under ``assets/`` and the site's own
    ``extra_css`` / ``extra_javascript``: the same text serves every page at the same depth
    (``LayoutCache.static_key``), except a page in one of those folders, whose links share its prefix."""
    from importlib.util import module_from_spec, spec_from_file_location
    from pathlib import Path
    from types import SimpleNamespace

    path = Path(__file__).parents[1] / "hooks/speedups/briefing_layout_cache.py"
    spec = spec_from_file_location("briefing_layout_cache_under_test", path)
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    cache = module.LayoutCache()
    config = SimpleNamespace(extra_css=["assets/a.css", "css/b.css"], extra_javascript=["js/c.js"],
                             extra={"polyfills": ["vendor/shim.js"]})

    def key(url: str) -> str | None:
        return cache.static_key("scripts", SimpleNamespace(url=url), config)

    assert key("evenements/a/") == key("pays/japon/") == key("chronologie/2023/") != key("flux/")
    assert key("evenements/a.html") == key("flux/")
    assert key("") == key("index.html") != key("flux/")
    assert [key(u) for u in ("assets/x/", "css/y/", "js/", "vendor/z.html")] == [None] * 4
    assert cache.static_key("scripts", None, config) is None
    styles = [cache.static_key("styles", SimpleNamespace(url=u), config, "search/index.json", None) for u in
              ("search/", "flux/")]
    assert styles == [None, "styles\n1"]
