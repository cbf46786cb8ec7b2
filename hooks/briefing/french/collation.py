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
    from pyuca import Collator  # only for builds that sort
    from pyuca.collator import COLL_ELEMENT_PATTERN

    class LazyCollator(Collator):
        """pyuca's collator, its table's lines parsed only for the characters sorted.

        pyuca parses the whole table (30,000 lines, 0.08 s) on creation; a build sorts names written
        with a few dozen characters. The lines are grouped by their first code point (0.015 s) and a
        group is added to pyuca's trie the first time a text holds that character. Every key the
        lookup of a text can reach starts with one of its characters, so the table holds, for that
        text, all that pyuca's would: the keys are pyuca's (``tests/test_french.py`` compares them).
        """

        def load(self, filename: str) -> None:
            with open(filename, encoding="utf-8") as keys_file:
                text = keys_file.read()
            self._waiting: dict[str, list[str]] = {}
            for line in text.splitlines():
                if not line or line[0] == "#" or line.startswith("@version"):
                    continue
                if line.startswith("@implicitweights"):
                    ch_range, base = line.split("#", 1)[0].rstrip()[len("@implicitweights"):].split(";")
                    start, end = ch_range.split("..")
                    self.implicit_weights.append([int(start, 16), int(end, 16), int(base, 16)])
                    continue
                self._waiting.setdefault(line.partition(" ")[0], []).append(line)

        def _add_lines_of(self, text: str) -> None:
            for char in set(text):
                lines = self._waiting.pop(f"{ord(char):04X}", None)
                for line in lines or ():
                    keys, elements = line.split("#", 1)[0].rstrip().split(";", 1)
                    self.table.add([int(key, 16) for key in keys.split()],
                                   [[int(weight, 16) for weight in found.groups()]
                                    for found in COLL_ELEMENT_PATTERN.finditer(elements.strip())])

        def sort_key(self, string: str) -> tuple[int, ...]:
            normalized = unicodedata.normalize("NFD", string)
            self._add_lines_of(normalized)
            return self.sort_key_from_collation_elements(self.collation_elements(normalized))

    return LazyCollator()


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
