"""Accent-insensitive search: an ASCII-folded copy of every entry of the search index.

Lunr (Material's search engine) has no transliteration: ``coree`` does not find ``Corée``. Each
entry whose title or text has accents gets an extra field holding both without accents, and the
index configuration declares that field, so the search worker indexes it like ``title`` and
``text`` (it indexes every field listed in ``config.fields``). Queries with accents keep matching
the original fields. Works on the index as JSON, whichever engine wrote it.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

FOLDED_FIELD = "folded"
FOLDED_BOOST = 0.5
"""Below ``text`` (1.0): an exact, accented match ranks first."""

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_TAG = re.compile(r"<[^>]*>")


def fold(text: str) -> str:
    """``États-Unis, Corée, cœur`` -> ``Etats-Unis, Coree, coeur``: letters without their accents."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain_text(markup: str) -> str:
    """The words of an index entry's HTML text, without tags; ``<``, ``>`` and ``&`` stay escaped.

    Entities are decoded so that ``&eacute;`` folds like ``é``, then the three markup characters are
    escaped again: text a contributor wrote as ``<script>`` must not become markup in the index.
    """
    return html.escape(" ".join(html.unescape(_TAG.sub(" ", markup)).split()), quote=False)


def add_folded_field(index: dict) -> int:
    """Add the folded field to every entry that needs one; return how many entries got it."""
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields[FOLDED_FIELD] = {"boost": FOLDED_BOOST}
    added = 0
    for entry in index.get("docs", []):
        words = plain_text(f"{entry.get('title', '')} {entry.get('text', '')}")
        folded = fold(words)
        if folded != words:
            entry[FOLDED_FIELD] = folded
            added += 1
        else:
            entry.pop(FOLDED_FIELD, None)
    return added


def fold_index_file(path: Path) -> int:
    """Rewrite a ``search_index.json`` in place with the folded field (a no-op if there is none)."""
    if not path.is_file():
        return 0
    index = json.loads(path.read_text("utf-8"))
    added = add_folded_field(index)
    path.write_text(json.dumps(index, separators=(",", ":")), "utf-8")
    return added
