"""Accent-insensitive search: the folded field in the search index, online and in the offline export."""

from __future__ import annotations

import json

from briefing.search_index import FOLDED_FIELD, add_folded_field, fold, plain_text


def test_fold_removes_accents_and_ligatures_only():
    assert fold("États-Unis, Corée, l’Élysée, cœur, d'État") == "Etats-Unis, Coree, l’Elysee, coeur, d'Etat"
    assert fold("n° 187/2024-10 – Otan") == "n° 187/2024-10 – Otan"


def test_plain_text_drops_tags_and_decodes_entities_but_keeps_markup_characters_escaped():
    assert plain_text("<p>Le <a href='x'>Japon</a> &amp; la <code>Cor&eacute;e</code></p>") == "Le Japon &amp; la Corée"
    assert plain_text("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_only_entries_with_accents_get_a_folded_copy():
    index = {
        "config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": "a/", "title": "Corée du Sud", "text": "<p>Séoul</p>"},
            {"location": "b/", "title": "Japon", "text": "<p>Tokyo</p>"},
        ],
    }
    assert add_folded_field(index) == 1
    assert index["config"]["fields"][FOLDED_FIELD] == {"boost": 0.5}
    assert index["docs"][0][FOLDED_FIELD] == "Coree du Sud Seoul"
    assert FOLDED_FIELD not in index["docs"][1]
    assert add_folded_field(index) == 1  # idempotent


def _entries(index: dict, location: str) -> list[dict]:
    return [d for d in index["docs"] if d["location"].split("#")[0] == location]


def test_built_index_declares_and_fills_the_folded_field(public_site):
    index = json.loads((public_site.site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["fields"][FOLDED_FIELD] == {"boost": 0.5}
    korea = _entries(index, "pays/coree-du-sud/")
    assert korea and "Coree du Sud" in korea[0][FOLDED_FIELD]
    france = _entries(index, "evenements/2023-06-france-opposition-bureau-tokyo/")
    assert any("L’Elysee fait savoir" in d.get(FOLDED_FIELD, "") for d in france)
    assert any("L’Élysée fait savoir" in d["text"] for d in france)  # the shown text keeps its accents


def test_offline_export_inlines_the_folded_index(offline_export):
    """The fold runs (priority -50) before ``material/offline`` copies the index into a script (-100)."""
    script = (offline_export.site / "search" / "search_index.js").read_text("utf-8")
    prefix = "var __index = "
    assert script.startswith(prefix)
    index = json.loads(script[len(prefix):])
    assert index["config"]["fields"][FOLDED_FIELD] == {"boost": 0.5}
    assert any("Coree du Sud" in d.get(FOLDED_FIELD, "") for d in _entries(index, "pays/coree-du-sud.html"))
