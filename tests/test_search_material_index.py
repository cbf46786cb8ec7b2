"""The documents of the search index: sections merged or dropped, and the accent-folded field,
online and in the offline export."""

from __future__ import annotations

import json

from briefing.search.material_index import (
    FOLDED_FIELD,
    Folder,
    add_folded_field,
    drop_empty_sections,
    fold,
    merge_sections,
    plain_words,
    prepare,
)
from search_support import postings, prebuilt_index, search_documents


def test_fold_removes_accents_and_ligatures_only():
    assert fold("États-Unis, Corée, l’Élysée, cœur, d'État") == "Etats-Unis, Coree, l’Elysee, coeur, d'Etat"
    assert fold("n° 187/2024-10 – Otan") == "n° 187/2024-10 – Otan"


def test_folder_keeps_the_accented_words_folded_in_order():
    folder = Folder()
    words = plain_words("<p>L’Élysée &amp; la <code>Corée</code> du Sud : Séoul, Séoul</p>")
    assert words == ["L’Élysée", "&amp;", "la", "Corée", "du", "Sud", ":", "Séoul,", "Séoul"]
    assert folder(words) == "L’Elysee Coree Seoul, Seoul"
    assert folder(["&lt;script&gt;Élysée"]) == "&lt;script&gt;Elysee"  # markup characters stay escaped
    assert folder(["Japon", "Tokyo"]) == ""


def test_only_entries_with_accents_get_a_folded_copy():
    config = {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}
    docs = [
        {"location": "a/", "title": "Corée du Sud", "text": "<p>Séoul</p>"},
        {"location": "b/", "title": "Japon", "text": "<p>Tokyo</p>"},
    ]
    assert add_folded_field(config, docs) == 1
    assert config["fields"][FOLDED_FIELD] == {"boost": 0.5}
    assert docs[0][FOLDED_FIELD] == "Coree Seoul"
    assert FOLDED_FIELD not in docs[1]
    assert add_folded_field(config, docs) == 1  # idempotent


def test_event_sections_merge_and_empty_repeated_sections_go():
    docs = [
        {"location": "evenements/x/", "title": "Sommet", "text": "<p>18 août 2023</p>"},
        {"location": "evenements/x/#acteurs", "title": "Acteurs et thèmes", "text": "<ul><li>Japon</li></ul>"},
        {"location": "pays/japon/", "title": "Japon", "text": "<p>Archipel.</p>"},
        {"location": "pays/japon/#chronologie", "title": "Japon", "text": ""},  # an excluded heading
        {"location": "pays/japon/#histoire", "title": "Histoire", "text": ""},  # a heading of its own
        {"location": "lettres/1/#analyse", "title": "Analyse", "text": "<p>Texte.</p>"},
    ]
    merged = drop_empty_sections(merge_sections(docs, ["title", "text"]))
    assert [d["location"] for d in merged] == [
        "evenements/x/", "pays/japon/", "pays/japon/#histoire", "lettres/1/#analyse"]
    assert merged[0]["title"] == "Sommet"
    assert merged[0]["text"] == "<p>18 août 2023</p> <ul><li>Japon</li></ul>"
    assert docs[0]["text"] == "<p>18 août 2023</p>"  # the input is left as it was
    prepared = prepare({"config": {"fields": {"title": {}, "text": {}}}, "docs": docs})
    assert prepared["docs"] == merged
    add_folded_field(prepared["config"], prepared["docs"])
    assert prepared["docs"][0][FOLDED_FIELD] == "aout" and FOLDED_FIELD in prepared["config"]["fields"]


def test_built_index_declares_and_fills_the_folded_field(public_site):
    """The folded copy is indexed (in the prebuilt index) and the shown text keeps its accents."""
    index = json.loads((public_site.site / "search" / "search_index.json").read_text("utf-8"))
    prebuilt = prebuilt_index(public_site.site)
    assert index["config"]["fields"][FOLDED_FIELD] == {"boost": 0.5}
    assert FOLDED_FIELD in prebuilt["fields"]
    docs = search_documents(public_site.site)
    position = [d["location"] for d in docs].index
    assert position("pays/coree-du-sud/") in postings(prebuilt, "coree", FOLDED_FIELD)
    france = position("evenements/2023-06-france-opposition-bureau-tokyo/")
    assert france in postings(prebuilt, "elysee", FOLDED_FIELD)
    assert france not in postings(prebuilt, "élysée", FOLDED_FIELD)
    assert france in postings(prebuilt, "élysée", "text")
    assert postings(prebuilt, "japon", FOLDED_FIELD) == {}  # words without accents are not copied
    assert "L’Élysée fait savoir" in docs[france]["text"]  # shown with accents


def test_the_folded_field_is_the_same_when_the_browser_indexes(public_site, reference_site):
    """Without the prebuilt index, the documents carry the folded field for Material's worker."""
    plain = json.loads((reference_site.site / "search" / "search_index.json").read_text("utf-8"))
    assert plain["config"]["fields"][FOLDED_FIELD] == {"boost": 0.5}
    france = next(d for d in plain["docs"] if d["location"] == "evenements/2023-06-france-opposition-bureau-tokyo/")
    assert "L’Elysee" in france[FOLDED_FIELD].split()
    assert [d["location"] for d in plain["docs"]] == [d["location"] for d in search_documents(public_site.site)]


def test_offline_export_carries_the_folded_index(offline_export):
    """The documents are merged and folded (priority -50) before ``material/offline`` inlines the
    index (-100); the export carries the prebuilt index as a script only."""
    search = offline_export.site / "search"
    index = json.loads((search / "search_index.js").read_text("utf-8").removeprefix("var __index = "))
    assert index["config"]["fields"][FOLDED_FIELD] == {"boost": 0.5}
    assert index["docs"] == []
    assert not (search / "search_lunr.json").exists()
    prebuilt = prebuilt_index(offline_export.site)
    position = prebuilt["docs"]["location"].index("pays/coree-du-sud.html")
    assert position in postings(prebuilt, "coree", FOLDED_FIELD)
