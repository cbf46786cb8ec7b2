"""The sample content restates both seeds: letter 187 and its facts, the archived letters, the press material."""

import pytest

ARCHIVED = {
    185: ("2024-07&08", "Indo-Pacifique – Europe – Otan", "la stratégie des petits pas"),
    175: ("2023-09", "Corée du Sud – États-Unis – Japon", "Camp David : un changement de paradigme, vraiment ?"),
    176: ("2023-10", "Nouvelle-Zélande", "un pas vers l’Aukus ?"),
}


@pytest.mark.parametrize("number", list(ARCHIVED))
def test_archived_letters(public_site, number):
    issue, rubric, title = ARCHIVED[number]
    text = public_site.text("lettres/")
    assert f"{rubric} : {title}" in text
    assert f"Asie21 n° {number}/{issue} {rubric} : {title}" in public_site.text(
        "lettres/187-institutionnalisation-alliances-americaines/"
    )


@pytest.mark.parametrize(
    ("date", "words"),
    [
        ("avril 2023", "projet"),
        ("3 mai 2023", "Nikkei"),
        ("11-12 juillet 2023", "Vilnius"),
        ("31 janvier 2023", "Kishida"),
        ("27 septembre 2024", "Ishiba"),
    ],
)
def test_press_material_became_event_notes(full_site, date, words):
    chronology = full_site.text("chronologie/2023/") + full_site.text("chronologie/2024/")
    line = [part for part in chronology.split(date + " :")[1:]]
    assert line, date
    assert any(words in part[:200] for part in line), (date, words)


def test_glossary_terms_of_the_seeds(public_site):
    page = public_site.page("glossaire/")
    assert {h.get("id") for h in page.xpath("//article//h2")} >= {"ip4", "pld", "otan", "aukus", "itpp"}


def test_letter_187_lists_the_eleven_facts_of_its_extract(full_site):
    text = full_site.text("lettres/187-institutionnalisation-alliances-americaines/")
    faits = text[text.index("FAITS"): text.index("Analyse")]
    assert faits.count(" : ") >= 11
    assert "[…]" not in faits
