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


def _folded_postings(prebuilt: dict, term: str, location: str, docs: list[dict]) -> bool:
    """Whether ``term`` is indexed in the folded field for the page at ``location``.

    The prebuilt index (``search_prebuilt.py``) stores, per term and field, delta-encoded document
    positions, each followed by a negative count when the term occurs more than once.
    """
    if term not in prebuilt["terms"]:
        return False
    postings = prebuilt["postings"][prebuilt["terms"].index(term)][prebuilt["fields"].index(FOLDED_FIELD)]
    position, positions = -1, set()
    for value in postings:
        if value >= 0:
            position += value
            positions.add(position)
    return any(docs[i]["location"].split("#")[0] == location for i in positions)


def test_built_index_declares_and_fills_the_folded_field(public_site):
    """The folded copy is indexed (in the prebuilt index) and the shown text keeps its accents."""
    search = public_site.site / "search"
    index = json.loads((search / "search_index.json").read_text("utf-8"))
    prebuilt = json.loads((search / "search_lunr.json").read_text("utf-8"))
    assert index["config"]["fields"][FOLDED_FIELD] == {"boost": 0.5}
    assert FOLDED_FIELD in prebuilt["fields"]
    docs = index["docs"]
    assert _folded_postings(prebuilt, "coree", "pays/coree-du-sud/", docs)
    france = "evenements/2023-06-france-opposition-bureau-tokyo/"
    assert _folded_postings(prebuilt, "elysee", france, docs)
    assert not _folded_postings(prebuilt, "élysée", france, docs)
    assert any("L’Élysée fait savoir" in d["text"] for d in _entries(index, france))  # shown with accents


def test_offline_export_inlines_the_folded_index(offline_export):
    """The fold runs (priority -50) before the index is prebuilt (-60) and inlined as scripts (-100)."""
    search = offline_export.site / "search"
    index = json.loads((search / "search_index.js").read_text("utf-8").removeprefix("var __index = "))
    assert index["config"]["fields"][FOLDED_FIELD] == {"boost": 0.5}
    script = (search / "search_lunr.js").read_text("utf-8")
    prebuilt = json.loads(script[script.index("{"): script.rindex("}") + 1])
    assert _folded_postings(prebuilt, "coree", "pays/coree-du-sud.html", index["docs"])
