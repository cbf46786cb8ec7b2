"""French alphabetical order through the Unicode Collation Algorithm (``pyuca``, the DUCET table).

French needs no tailoring of the default table: letters first (``É`` files with ``E``, ``Œ`` as ``OE``),
accents only break ties (``Défense`` before ``Diplomatie``, ``cote`` before ``côte``), then case.
PyICU would do the same but has no wheel on PyPI (it compiles against the system's ICU).
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

_LIGATURES = {"Œ": "O", "Æ": "A", "ß": "S"}


@cache
def _collator():
    from pyuca import Collator  # about 0.1 s to read its table: only for builds that sort

    return Collator()


@lru_cache(maxsize=8192)
def sort_key(value: str) -> tuple[tuple[int, ...], str]:
    """The key French alphabetical order sorts ``value`` by (the text itself breaks exact ties)."""
    return _collator().sort_key(value), value


def initial(value: str) -> str:
    """The letter an index files ``value`` under: its first letter without accent, upper case;
    ``#`` for a name that starts with anything else."""
    for char in value.strip():
        upper = char.upper()
        if upper in _LIGATURES:
            return _LIGATURES[upper]
        base = unicodedata.normalize("NFKD", upper)[0]
        if "A" <= base <= "Z":
            return base
        if char.isalnum():
            return "#"
    return "#"
