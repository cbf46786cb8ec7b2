"""The publication's text on built sites: French typography, index order, articles before names, the
letters' lead, archive notice and subscription link, what's new counts (issue 14, points 4 to 6)."""

from __future__ import annotations

import re

import lxml.html
import pytest

from support import MINIMAL_REGISTRY, build, make_project, note

NB, NNB = "\u00a0", "\u202f"
LETTER = "lettres/187-institutionnalisation-alliances-americaines/"
ARCHIVED = "lettres/176-un-pas-vers-aukus/"
SUBSCRIBE = "S’abonner à la Lettre confidentielle Asie21"


def _texts(page, xpath: str) -> list[str]:
    return [el.text_content() for el in page.xpath(xpath)]


def _index_entries(site, folder: str) -> list[tuple[str, str]]:
    """(initial heading, entry text) of a registry index, in page order."""
    page = site.page(f"{folder}/")
    rows, heading = [], None
    for element in page.xpath("//article//h2 | //article//li"):
        if element.tag == "h2":
            heading = element.text_content().strip("¶ ")
        else:
            rows.append((heading, " ".join(element.text_content().split())))
    return rows


# Typography -------------------------------------------------------------------------------------

def test_letter_facts_read_with_french_spacing_and_superscript(public_site):
    page = public_site.page(LETTER)
    faits = _texts(page, "//h2[@id='faits']/following-sibling::p[following-sibling::h2[@id='analyse']]")
    assert faits[0].startswith(f"28-30 juin 2022{NB}: ")  # the seed's date line
    assert faits[1].startswith(f"30 janvier{NB}– 1er février 2023{NB}: ")
    html = (public_site.site / LETTER / "index.html").read_text("utf-8")
    assert "30 janvier\u00a0– 1<sup>er</sup> février 2023</a>" in html
    h1 = page.xpath("//article//h1")[0].text_content()
    assert h1.startswith(f"Japon{NB}– Corée du Sud{NB}– États-Unis{NB}: Vers")
    assert f"n°{NB}187" in page.xpath("//p[@class='briefing-issue']")[0].text_content()


def test_titles_and_registry_names_are_typeset(public_site):
    archived = public_site.page(ARCHIVED)
    assert archived.xpath("//title")[0].text_content().startswith(f"un pas vers l’Aukus{NNB}?")
    glossary = public_site.page("glossaire/")
    assert "Partenaires indopacifiques de l’Otan" in glossary.xpath("//article")[0].text_content()
    letter = public_site.page("lettres/181-bureau-otan-tokyo/")
    titles = letter.xpath("//a[contains(@class, 'briefing-term')]/@title")
    assert titles and not any("'" in t for t in titles)  # straight apostrophes of the registry made typographic
    events = public_site.page("organisations/otan/")
    assert events.xpath("//h1")[0].text_content().startswith("Organisation du traité de l’Atlantique nord")


EVENT_WITH_CODE = note(
    "date: 2024-03-01\ntitle: Essai typographique\ncountries: [Japon]",
    "Le 1er mars : « essai » ; vraiment ? Le n° 4 coûte 30 km et 2 %. L'Otan, aujourd'hui.\n\n"
    "Du code : `l'x : 1er ; y ?` reste tel quel, et https://example.org/a?b=1&c=2 devient un lien.\n\n"
    "[^1]\n\n[^1]: Source officielle, https://example.org/source\n",
)


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory):
    registry = dict(MINIMAL_REGISTRY)
    registry["docs/pays/japon.md"] = note("title: Japon\narticle: le\naliases: [Nippon]", "Archipel.")
    registry["docs/pays/etats-unis.md"] = note("title: États-Unis\narticle: les", "Fédération.")
    registry["docs/pays/union-europeenne.md"] = note("title: Union européenne\narticle: l'", "Union.")
    registry["docs/personnalites/joe-biden.md"] = note("title: Joe Biden\nsort_as: Biden Joe", "Président.")
    registry["docs/themes/diplomatie.md"] = note("title: Diplomatie", "Sommets.")
    files = {
        **registry,
        "events/2024/2024-03-01-essai.md": EVENT_WITH_CODE,
        "events/2024/2024-03-02-autre.md": note(
            "date: 2024-03-02\ntitle: Autre\ncountries: [États-Unis, Union européenne]\n"
            "people: [Joe Biden, Fumio Kishida]\norganizations: [Otan]\ntopics: [Diplomatie, Défense]"),
    }
    root = make_project(tmp_path_factory.mktemp("typo") / "project", files)
    result = build(root, root / "site", strict=True)
    assert result.returncode == 0, result.output
    return result


def test_note_text_is_typeset_and_code_left_as_written(synthetic_site):
    path = synthetic_site.site / "evenements/2024-03-01-essai/index.html"
    html = path.read_text("utf-8")
    assert f"Le 1<sup>er</sup> mars{NB}: «{NB}essai{NB}»{NNB}; vraiment{NNB}?" in html
    assert f"Le n°{NB}4 coûte 30{NB}km et 2{NB}%. L’Otan, aujourd’hui." in html
    assert "<code>l'x : 1er ; y ?</code>" in html  # code spans untouched
    assert '<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a> devient' in html
    footnote = lxml.html.fromstring(html).xpath("//div[@class='footnote']//li")[0]
    assert footnote.xpath(".//a[@href='https://example.org/source']")  # a source's URL is clickable
    source = (synthetic_site.site.parent / "events/2024/2024-03-01-essai.md").read_text("utf-8")
    assert source == EVENT_WITH_CODE  # the contributor's file is left as written


def test_synthetic_indexes_sort_in_french(synthetic_site):
    assert [e for _, e in _index_entries(synthetic_site, "pays")][:1] == ["Corée du Sud (0)"]
    assert _index_entries(synthetic_site, "pays")[1:] == [
        ("E", "États-Unis (1)"), ("J", "Japon (1)"), ("U", "Union européenne (1)")]
    assert _index_entries(synthetic_site, "personnalites") == [("B", "Joe Biden (1)"), ("F", "Fumio Kishida (1)")]
    assert [e for _, e in _index_entries(synthetic_site, "themes")] == ["Défense (1)", "Diplomatie (1)"]
    otan = _index_entries(synthetic_site, "organisations")
    assert otan == [("O", "Organisation du traité de l’Atlantique nord (1)"),
                    ("O", "Otan : voir Organisation du traité de l’Atlantique nord (1)")]
    follow = synthetic_site.page("pays/union-europeenne/").xpath("//p[@class='briefing-follow']")[0]
    assert " ".join(follow.text_content().split()).startswith("Suivre l’Union européenne :")


# Index order on the sample ----------------------------------------------------------------------

def test_sample_indexes_are_in_french_alphabetical_order(public_site):
    pays = _index_entries(public_site, "pays")
    names = [entry.rsplit(" (", 1)[0] for _, entry in pays]
    assert names.index("États-Unis") < names.index("Europe") < names.index("France")  # É files with E
    assert names[-1] == "Union européenne"
    assert ("E", "États-Unis (5)") in pays
    people = [entry.rsplit(" (", 1)[0] for _, entry in _index_entries(public_site, "personnalites")]
    assert people == ["Lloyd Austin", "Joe Biden", "Shigeru Ishiba", "Fumio Kishida", "Mark Rutte",
                      "Jens Stoltenberg", "Yoon Suk-yeol"]  # by family name
    organisations = _index_entries(public_site, "organisations")
    assert [h for h, e in organisations if e.startswith("Otan : voir Organisation du traité")] == ["O"]
    assert [h for h, e in organisations if e.startswith("Organisation du traité")] == ["O"]
    assert [h for h, e in organisations if e.startswith("PLD : voir Parti libéral-démocrate")] == ["P"]
    themes = [entry.rsplit(" (", 1)[0] for _, entry in _index_entries(public_site, "themes")]
    assert themes == ["Alliances", "Cybersécurité", "Défense", "Diplomatie", "Élections", "Renseignement"]
    glossary = [h.strip("¶ ") for h in _texts(public_site.page("glossaire/"), "//article//h2")]
    assert glossary == ["Aukus", "IP4", "ITPP", "Otan", "PLD"]
    authors = [h.strip("¶ ") for h in _texts(public_site.page("auteurs/"), "//article//h2")]
    assert authors == ["Thomas Lemoine", "Hélène Marchal", "Claire Vasseur"]  # by family name
    relations = [" ".join(t.split()) for t in _texts(public_site.page("relations/"), "//article//td[1]")]
    assert relations == ["Indo-Pacifique – Europe – Otan", "Japon – Corée du Sud – États-Unis", "Otan – Japon"]


# Articles before names -------------------------------------------------------------------------------

@pytest.mark.parametrize(("page", "sentence"), [
    ("pays/japon/", "Suivre le Japon :"),
    ("pays/etats-unis/", "Suivre les États-Unis :"),
    ("pays/inde/", "Suivre l’Inde :"),
    ("organisations/aukus/", "Suivre le Pacte de sécurité"),
    ("personnalites/joe-biden/", "Suivre Joe Biden :"),
    ("themes/defense/", "Suivre le thème « Défense » :"),
])
def test_follow_line_uses_the_article(public_site, page, sentence):
    text = " ".join(public_site.page(page).xpath("//p[@class='briefing-follow']")[0].text_content().split())
    assert text.startswith(sentence)


def test_relation_sentence_uses_articles(public_site):
    sentences = {}
    for path in (public_site.site / "relations").glob("*/index.html"):
        page = lxml.html.fromstring(path.read_bytes())
        intro = page.xpath("//p[@class='briefing-relation-intro']")
        if intro:
            sentences[path.parent.name] = " ".join(intro[0].text_content().split())
    assert any("réunit le Japon, la Corée du Sud et les États-Unis," in s for s in sentences.values()), sentences
    assert any("réunit l’Otan et le Japon," in s for s in sentences.values()), sentences


# Letters ------------------------------------------------------------------------------------------

def _subscription_links(site, url: str) -> list:
    return site.page(url).xpath("//article//a[contains(@href, 'futuribles.com')]")


def test_public_letter_has_a_labelled_english_summary_and_one_subscription_link(public_site):
    page = public_site.page(LETTER)
    details = page.xpath("//article//details[@class='briefing-lead-en'][@lang='en']")
    assert len(details) == 1 and details[0].get("open") is None  # folded
    assert details[0].xpath("./summary")[0].text_content() == "English summary"
    assert details[0].xpath("./p")[0].text_content().startswith("Anxious to shield")
    assert len(_subscription_links(public_site, LETTER)) == 1  # in the notice of the withheld analysis
    assert len(_subscription_links(public_site, ARCHIVED)) == 1  # under the source line
    assert not page.xpath("//article//*[contains(@class, 'briefing-archived')]")


def test_full_edition_letters_have_no_subscription_link(full_site):
    for path in sorted((full_site.site / "lettres").glob("*/index.html")):
        url = f"lettres/{path.parent.name}/"
        assert _subscription_links(full_site, url) == [], url
    assert full_site.page(LETTER).xpath("//article//details[@lang='en']/summary")


@pytest.mark.parametrize("edition", ["public", "full"])
def test_archived_letter_says_it_is_archived(public_site, full_site, edition):
    site = public_site if edition == "public" else full_site
    notice = site.page(ARCHIVED).xpath("//article//p[contains(@class, 'briefing-archived')]")
    assert notice and notice[0].text_content().startswith("Numéro archivé")


def test_event_date_links_to_its_month_in_the_chronology(public_site):
    page = public_site.page("evenements/2023-08-18-sommet-camp-david/")
    link = page.xpath("//p[@class='briefing-date']/a")[0]
    assert link.get("href") == "../../chronologie/2023/#2023-08"
    year = public_site.page("chronologie/2023/")
    assert year.xpath("//*[@id='2023-08']")


def test_news_counts_letters_and_events_apart(public_site):
    page = public_site.page("nouveautes/")
    summaries = [" ".join(t.split()) for t in _texts(page, "//p[@class='briefing-news-count']")]
    counts = r"(?:(\d+) lettres?)?(?: et )?(?:(\d+) événements?)?"
    pattern = re.compile(rf"Depuis ce numéro : {counts}(?:, dont {counts} déjà dans les sections ci-dessus)?\.")
    checked = 0
    for summary in summaries:
        match = pattern.fullmatch(summary)
        if summary == "Rien de nouveau depuis ce numéro.":
            continue
        assert match, summary
        letters, events, letters_above, events_above = (int(g or 0) for g in match.groups())
        assert letters_above <= letters and events_above <= events, summary
        checked += 1
    assert checked >= 3
