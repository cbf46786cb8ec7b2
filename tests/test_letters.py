"""A letter reads in the Asie21 anatomy, in order."""

import re

LETTER = "lettres/187-institutionnalisation-alliances-americaines/"


def _positions(text: str, needles: list[str]) -> list[int]:
    positions = []
    for needle in needles:
        assert needle in text, needle
        positions.append(text.index(needle))
    return positions


def test_letter_sections_come_in_the_reference_order(full_site):
    text = full_site.text(LETTER)
    order = [
        "Japon – Corée du Sud – États-Unis : Vers une institutionnalisation des alliances américaines",
        "Par Claire Vasseur et Thomas Lemoine",
        "Soucieux de mettre leurs principaux partenariats",  # chapeau
        "Anxious to shield",  # its English translation
        "FAITS",
        "28-30 juin 2022 :",
        "Analyse",
        "Lettre confidentielle Asie21-Futuribles n° 187/2024-10",  # no subscription link for subscribers
        "Lire également",
        "Asie21 n° 185/2024-07&08 Indo-Pacifique – Europe – Otan : la stratégie des petits pas",
    ]
    positions = _positions(text, order)
    assert positions == sorted(positions)
    footnotes = full_site.page(LETTER).xpath("//div[contains(@class, 'footnote')]")
    assert footnotes, "footnotes are rendered"
    footnote_text = " ".join(footnotes[0].text_content().split())
    assert text.index(footnote_text[:40]) < text.index("Lettre confidentielle Asie21-Futuribles n° 187")


def test_h1_is_rubric_and_title(public_site):
    h1 = " ".join(public_site.page(LETTER).xpath("//article//h1")[0].text_content().strip("¶ ").split())
    assert h1 == "Japon – Corée du Sud – États-Unis : Vers une institutionnalisation des alliances américaines"


def test_faits_are_oldest_first_linked_and_withheld_in_public(public_site):
    page = public_site.page(LETTER)
    faits = page.xpath("//h2[@id='faits']/following-sibling::p[following-sibling::h2[@id='analyse']]")
    lines = [" ".join(p.text_content().split()) for p in faits]
    dates = [line.split(" : ", 1)[0] for line in lines]
    assert dates == [
        "28-30 juin 2022", "30 janvier – 1er février 2023", "18 août 2023", "22 février 2024", "22 avril 2024",
        "2 mai 2024", "2 juin 2024", "10 juillet 2024", "10-11 juillet 2024", "23 septembre 2024", "27 septembre 2024",
    ]
    assert lines[3] == "22 février 2024 : […]"
    assert sum(line.endswith(": […]") for line in lines) == 7
    links = [p.xpath("./a")[0].get("href") for p in faits if p.xpath("./a")]
    assert len(links) == 4
    assert links[2] == "../../evenements/2023-08-18-sommet-camp-david/"
    assert all((public_site.site / "lettres" / "x" / link / "index.html").resolve().exists() for link in links)


def test_public_letter_withholds_the_analysis_and_says_extract(public_site, full_site):
    public, full = public_site.text(LETTER), full_site.text(LETTER)
    assert "Extrait de la Lettre confidentielle Asie21-Futuribles n° 187/2024-10" in public
    assert "Extrait de la" not in full
    assert "réservée aux abonnés" in public
    end = full.index("Lettre confidentielle Asie21-Futuribles n° 187")
    analysis = full[full.index("Analyse") + len("Analyse"): end]
    sentence = re.split(r"(?<=[.!?])\s", analysis.strip("¶ "))[0]
    assert len(sentence) > 30 and sentence not in public


def test_related_letters_are_linked_and_backlinked(public_site):
    page = public_site.page(LETTER)
    see_also = page.xpath("//h2[@id='lire-egalement']/following-sibling::ul[1]/li/a")
    assert " ".join(see_also[0].text_content().split()) == (
        "Asie21 n° 185/2024-07&08 Indo-Pacifique – Europe – Otan : la stratégie des petits pas"
    )
    assert see_also[0].get("href") == "../185-strategie-des-petits-pas/"
    cited = public_site.page("lettres/185-strategie-des-petits-pas/")
    back = cited.xpath("//h2[@id='citee-par']/following-sibling::ul[1]/li/a")
    assert any("n° 187/2024-10" in " ".join(a.text_content().split()) for a in back)


def test_archived_letter_without_body_keeps_number_and_title(public_site):
    text = public_site.text("lettres/176-un-pas-vers-aukus/")
    assert "Nouvelle-Zélande : un pas vers l’Aukus ?" in text
    assert "Asie21-Futuribles n° 176/2023-10" in text
    assert "réservée aux abonnés" not in text


def test_letters_index_lists_every_letter_by_number(public_site):
    rows = public_site.page("lettres/").xpath("//article//table//tr[td]")
    numbers = [int(row.xpath("./td[1]")[0].text_content()) for row in rows]
    assert numbers == sorted(numbers, reverse=True)
    assert {175, 176, 181, 185, 187} <= set(numbers)
