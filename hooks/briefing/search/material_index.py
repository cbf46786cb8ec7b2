"""The documents of the search index: what each search result is, and what it is found by.

Material's search plugin writes one document per page section into ``search/search_index.json``.
Before anything indexes them (the worker in the browser, or ``search.prebuilt`` at build time):

- an event page's sections become one document (``merge_sections``): an event is one result,
  found by its title, date, text and entities alike;
- sections without text that only repeat their page's title are dropped
  (``drop_empty_sections``): the headings of generated lists, which are kept out of search;
- accents are folded (``add_folded_field``). Lunr has no transliteration: ``coree`` does not find
  ``Corée``. Each document with accented words gets a field holding those words without their
  accents, and the index configuration declares that field, so the worker indexes it like
  ``title`` and ``text`` (it indexes every field listed in ``config.fields``). Queries with accents
  keep matching the original fields.

Works on the index as JSON, whichever engine wrote it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from itertools import chain, filterfalse

FOLDED_FIELD = "folded"
FOLDED_BOOST = 0.5
"""Below ``text`` (1.0): an exact, accented match ranks first."""
MERGED_SECTIONS = ("evenements/",)
"""Pages whose sections are indexed as one document."""

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_TAG = re.compile(r"<[^>]*>")


def fold(text: str) -> str:
    """``États-Unis, Corée, cœur`` -> ``Etats-Unis, Coree, coeur``: letters without their accents."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain_words(markup: str) -> list[str]:
    """The words of an index entry's HTML text: tags dropped, entities left as they are."""
    return _TAG.sub(" ", markup).split()


class Folder(dict):
    """Folds the accented words of a text; each distinct word is folded once per build."""

    def __missing__(self, word: str) -> str:
        folded = fold(word)
        self[word] = folded = "" if folded == word else folded
        return folded

    def __call__(self, words: Iterable[str]) -> str:
        """The words that have accents, without them, in order: ``Corée du Sud`` -> ``Coree``.

        ``words`` come from HTML text (entities such as ``&lt;`` stay escaped, and are ASCII)."""
        return " ".join(filter(None, map(self.__getitem__, filterfalse(str.isascii, words))))


def declare_folded_field(config: dict) -> None:
    config.setdefault("fields", {})[FOLDED_FIELD] = {"boost": FOLDED_BOOST}


def add_folded_field(config: dict, docs: list[dict], words_of: Callable[[str], list[str]] = plain_words) -> int:
    """Declare the folded field and give it to every document with accents; return how many got it.

    The field holds the accented words of the title and text, folded, in order (repeated words
    stay repeated): ``Corée du Sud : Séoul`` -> ``Coree Seoul``.
    """
    declare_folded_field(config)
    folder = Folder()
    added = 0
    for doc in docs:
        folded = folder(chain(words_of(doc.get("title", "")), words_of(doc.get("text", ""))))
        if folded:
            doc[FOLDED_FIELD] = folded
            added += 1
        else:
            doc.pop(FOLDED_FIELD, None)
    return added


def merge_sections(docs: list[dict], fields: list[str], prefixes: tuple[str, ...] = MERGED_SECTIONS) -> list[dict]:
    """``docs`` with the section documents of the pages under ``prefixes`` folded into the page's."""
    merged = [name for name in fields if name != "title"]
    pages: dict[str, dict] = {}
    out = []
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if anchor and page in pages and page.startswith(prefixes):
            target = pages[page]
            for name in merged:
                if isinstance(doc.get(name), str) and doc[name]:
                    target[name] = f"{target.get(name, '')} {doc[name]}".strip()
            continue
        doc = dict(doc)
        if not anchor:
            pages[page] = doc
        out.append(doc)
    return out


def drop_empty_sections(docs: list[dict]) -> list[dict]:
    """``docs`` without the sections that hold no text and carry their page's title.

    Material titles a section with its page's title when its heading is kept out of search
    (``data-search-exclude``): such a document is found by nothing its page is not found by.
    """
    titles = {doc["location"]: doc.get("title") for doc in docs if "#" not in doc["location"]}
    return [
        doc for doc in docs
        if "#" not in doc["location"] or doc.get("text") or doc.get("tags")
        or doc.get("title") != titles.get(doc["location"].partition("#")[0])
    ]


def prepare(data: dict) -> dict:
    """Material's ``search_index.json`` with sections merged and dropped as above (a copy); accents
    are folded by ``add_folded_field`` or, for the prebuilt index, as it is built."""
    config = dict(data.get("config", {}))
    config["fields"] = dict(config.get("fields", {}))
    docs = drop_empty_sections(merge_sections(data.get("docs", []), list(config["fields"])))
    return {**data, "config": config, "docs": docs}
