"""What each search result is, and the names that put it first.

The result list says what each result is (``KIND_LABELS``: Lettre, Événement, Pays…), read from
the first segment of its location, which is the folder of its source file, served or offline.
An entity page, and a glossary entry, carry their names (title, aliases, abbreviation),
normalised (``normalise``): the search worker puts first the results whose name the query is, or
begins (``coree`` → Corée du Sud, Corée du Nord; ``otan`` → Otan), then those with a name that
ends with it (``kishida`` → Fumio Kishida), before the others in the order lunr scores them
(``worker.js``, ``results.js``). Both are written into the prebuilt index's stored documents
(``prebuilt.stored``): nothing here changes what a query finds, or its scores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.load.registry import Registry
from briefing.search.material_index import fold

KIND_LABELS = {
    "lettres": "Lettre",
    "evenements": "Événement",
    "pays": "Pays",
    "personnalites": "Personnalité",
    "organisations": "Organisation",
    "themes": "Thème",
    "glossaire": "Glossaire",
}
"""Folder (first segment of a location) -> the label a result of that folder shows."""
OTHER_KIND = "Page"
GLOSSARY = "glossaire"
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(name: str) -> str:
    """``République de Corée`` -> ``republique de coree``: folded, lower case, one space between
    words; what the worker compares with the query, normalised the same way."""
    return _NOT_WORD.sub(" ", fold(name).lower()).strip()


def split_location(location: str) -> tuple[str, str, str]:
    """``pays/coree-du-sud/#x`` or ``pays/coree-du-sud.html#x`` -> ``("pays", "coree-du-sud", "x")``."""
    page, _, anchor = location.partition("#")
    parts = [part.removesuffix(".html") for part in page.split("/") if part]
    parts += ["", ""]
    return parts[0], "" if parts[1] == "index" else parts[1], anchor


@dataclass
class SearchNames:
    """The names of the registry's entities, by page and by glossary anchor."""

    pages: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    glossary: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, registry: Registry) -> SearchNames:
        names = cls()
        for entity in registry.entities.values():
            normalised = list(dict.fromkeys(filter(None, map(normalise, entity.names))))
            names.pages[(entity.kind.value, entity.slug)] = normalised
            if entity.abbr:
                names.glossary[entity.slug] = normalised
        return names

    def of_location(self, location: str) -> list[str]:
        folder, slug, anchor = split_location(location)
        if folder == GLOSSARY:
            return self.glossary.get(anchor, []) if anchor else []
        return [] if anchor else self.pages.get((folder, slug), [])


def kind_of(location: str) -> str:
    return KIND_LABELS.get(split_location(location)[0], OTHER_KIND)


def annotate(docs: list[dict], names: SearchNames | None) -> dict:
    """The stored documents' kinds (``kind``: an index into ``kinds``, one per document) and names
    (``names``: document position -> its normalised names, for the documents that have some)."""
    labels: dict[str, int] = {}
    kinds = [labels.setdefault(kind_of(doc["location"]), len(labels)) for doc in docs]
    found = {}
    if names is not None:
        for position, doc in enumerate(docs):
            if own := names.of_location(doc["location"]):
                found[str(position)] = own
    return {"kinds": list(labels), "kind": kinds, "names": found}
