"""Search puts the obvious first: an entity page when the query is its name, each result labelled
with what it is, matches found without accents highlighted, lists of other pages kept out; the
same on the served site and in the offline export opened from ``file://``."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from briefing.search.ranking import KIND_LABELS, SearchNames, annotate, normalise, split_location
from browser_support import SEARCH_INPUT, serve
from search_support import prebuilt_index, search_documents

RANKING = [
    # query, the first results (in any order), their kind
    ("coree", {"pays/coree-du-sud/", "pays/coree-du-nord/"}, "Pays"),
    ("Corée du Sud", {"pays/coree-du-sud/"}, "Pays"),
    ("otan", {"organisations/otan/"}, "Organisation"),
    ("OTAN", {"organisations/otan/"}, "Organisation"),
    ("kishida", {"personnalites/fumio-kishida/"}, "Personnalité"),
    ("defense", {"themes/defense/"}, "Thème"),
    ("nouvelle-zelande", {"pays/nouvelle-zelande/"}, "Pays"),
    ("etats-unis", {"pays/etats-unis/"}, "Pays"),
    ("pld", {"organisations/pld/"}, "Organisation"),
    ("camp david", {"evenements/2023-08-18-sommet-camp-david/"}, "Événement"),
    ("vilnius", {"evenements/2023-07-11-sommet-otan-vilnius/"}, "Événement"),
    ("paradigme", {"lettres/175-camp-david-changement-de-paradigme/"}, "Lettre"),
]
RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => {
  const link = item.querySelector('a'), tag = link.querySelector('.md-tag');
  return {href: link.href, kind: tag ? tag.textContent : null, shown: tag ? tag.offsetHeight > 0 : false,
          title: link.querySelector('h1, h2').innerHTML};
})"""


def test_names_are_normalised_as_the_worker_normalises_the_query():
    assert normalise("République de Corée") == "republique de coree"
    assert normalise("Partenaires indopacifiques de l'Otan") == "partenaires indopacifiques de l otan"
    assert normalise("  Œuvre – Straße ") == "oeuvre strasse"
    assert split_location("pays/coree-du-sud/") == ("pays", "coree-du-sud", "")
    assert split_location("pays/coree-du-sud.html#x") == ("pays", "coree-du-sud", "x")
    assert split_location("glossaire.html#ip4") == ("glossaire", "", "ip4")
    assert split_location("") == ("", "", "")


def test_stored_documents_carry_their_kind_and_the_names_of_entities(public_site):
    index = prebuilt_index(public_site.site)
    docs = index["docs"]
    kinds = dict(zip(docs["location"], (docs["kinds"][k] for k in docs["kind"]), strict=True))
    assert kinds["pays/coree-du-sud/"] == "Pays" and kinds["organisations/otan/"] == "Organisation"
    assert kinds["evenements/2023-08-18-sommet-camp-david/"] == "Événement"
    assert kinds["lettres/175-camp-david-changement-de-paradigme/"] == "Lettre"
    assert kinds["glossaire/#otan"] == "Glossaire" and kinds["themes/defense/"] == "Thème"
    assert set(kinds.values()) <= {*KIND_LABELS.values(), "Page"}
    names = {docs["location"][int(i)]: own for i, own in docs["names"].items()}
    assert names["pays/coree-du-sud/"] == ["coree du sud", "coree", "republique de coree"]
    assert "otan" in names["organisations/otan/"] and "otan" in names["glossaire/#otan"]
    assert not [loc for loc in names if loc.startswith(("evenements/", "lettres/"))]
    assert annotate([{"location": "a/"}], None) == {"kinds": ["Page"], "kind": [0], "names": {}}
    assert SearchNames().of_location("glossaire/") == []


def test_lists_of_other_pages_are_kept_out_and_glossary_entries_in(public_site):
    docs = {doc["location"]: doc for doc in search_documents(public_site.site)}
    assert not [loc for loc in docs if loc.startswith("#")]  # the home page's lists of letters and events
    indexes = ("lettres/", "pays/", "personnalites/", "organisations/", "themes/", "nouveautes/", "relations/",
               "auteurs/", "chronologie/", "flux/")
    assert not [loc for loc in docs if loc.partition("#")[0] in indexes or loc.startswith(indexes[-2:])]
    assert not [loc for loc in docs if "/archives-" in loc]  # an entity's older events, 200 a page
    assert not [loc for loc in docs if loc.endswith(("#citee-par", "#lire-egalement"))]
    assert "Organisation du traité de l’Atlantique nord" in docs["glossaire/#otan"]["text"]  # typographic
    assert "Utilisé dans" not in " ".join(d["text"] for loc, d in docs.items() if loc.startswith("glossaire/"))
    assert "Alliance politico-militaire" in docs["glossaire/#otan"]["text"]  # the definition


def _type(page, query: str) -> list[dict]:
    """Type ``query`` key by key, as a reader does (Material answers key events); the results of
    the whole query (its last word is in the links' highlight parameter)."""
    box = page.locator(SEARCH_INPUT)
    box.click()
    box.press_sequentially(query, delay=20)
    last = normalise(query).split()[-1]
    page.wait_for_function(
        """last => [...document.querySelectorAll('.md-search-result__item a')].some(a =>
             (new URL(a.href).searchParams.get('h') || '').normalize('NFKD').replace(/\\p{M}/gu, '')
               .toLowerCase().split(' ').includes(last))""", arg=last, timeout=30000)
    return page.evaluate(RESULTS)


def _location(href: str, base: str) -> str:
    """The result's location as the index writes it (served or offline)."""
    path = urlsplit(href).path
    path = path[len(urlsplit(base).path):] if path.startswith(urlsplit(base).path) else path
    if path.endswith("index.html"):
        return path.removesuffix("index.html")
    return re.sub(r"\.html$", "/", path)


def _rankings(browser, start: str, base: str) -> dict[str, list[tuple[str, str | None, bool]]]:
    found = {}
    for query, _, _ in RANKING:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(start)
        found[query] = [(_location(r["href"], base), r["kind"], r["shown"]) for r in _type(page, query)]
        context.close()
    return found


@pytest.fixture(scope="module")
def rankings(browser, public_site, offline_export):
    with serve(public_site.site) as base:
        served = _rankings(browser, f"{base}evenements/2023-08-18-sommet-camp-david/", base)
    root = offline_export.site.as_uri() + "/"
    offline = _rankings(browser, f"{root}evenements/2023-08-18-sommet-camp-david.html", root)
    return served, offline


@pytest.mark.browser
@pytest.mark.parametrize(("query", "first", "kind"), RANKING)
def test_the_obvious_result_comes_first_with_its_kind(rankings, query, first, kind):
    served, offline = rankings
    results = served[query]
    assert {location for location, _, _ in results[:len(first)]} == first, results[:4]
    assert all(found == kind for _, found, _ in results[:len(first)])
    assert all(shown and found for _, found, shown in results), "every result shows its kind"
    assert "" not in [location for location, _, _ in results[:3]], "the home page only lists the others"
    assert offline[query] == results, "the offline export answers the same"


@pytest.mark.browser
def test_matches_without_accents_are_highlighted_in_results_and_on_the_page(browser, public_site):
    with serve(public_site.site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(f"{base}evenements/2023-08-18-sommet-camp-david/")
        results = _type(page, "coree")
        assert "<mark>Corée</mark>" in results[0]["title"]
        marked = page.locator(".md-search-result mark").all_inner_texts()
        assert "Corée" in marked and not page.locator(".md-search-result mark mark").count()
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state()
        assert parse_qs(urlsplit(page.url).query)["h"] == ["coree"]
        content = page.locator("[data-md-component=content] mark[data-md-highlight]")
        content.first.wait_for(timeout=10000)
        assert "Corée" in content.all_inner_texts()
        assert not page.locator("[data-md-component=content] mark mark").count()
        context.close()
