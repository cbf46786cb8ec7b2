"""French alphabetical order through the Unicode Collation Algorithm (``pyuca``, the DUCET table).

French needs no tailoring of the default table: letters first (``É`` files with ``E``, ``Œ`` as ``OE``),
accents only break ties (``Défense`` before ``Diplomatie``, ``cote`` before ``côte``), then case.
PyICU would do the same but has no wheel on PyPI (it compiles against the system's ICU).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

_LIGATURES = {"Œ": "O", "Æ": "A", "ß": "S"}
_COMMON_LINES = re.compile(rb"\n((?:0[0-3]|1E|20)[0-9A-F]{2} [^\n]*)")
"""The table's lines for U+0000–U+03FF (Latin, the combining accents, Greek), U+1E00–U+1EFF (more
Latin) and U+2000–U+20FF (punctuation): what names in French are written with (1,500 of 30,000 lines)."""
_IMPLICIT_WEIGHTS = re.compile(rb"\n(@implicitweights[^\n]*)")


def _common(code_point: int) -> bool:
    """Whether ``_COMMON_LINES`` holds the lines that start with ``code_point``."""
    return code_point < 0x400 or 0x1E00 <= code_point < 0x1F00 or 0x2000 <= code_point < 0x2100


@cache
def _collator():
    from pyuca import Collator  # only for builds that sort
    from pyuca.collator import COLL_ELEMENT_PATTERN

    class LazyCollator(Collator):
        """pyuca's collator, its table's lines parsed only for the characters sorted.

        pyuca parses the whole table (30,000 lines, 0.08 s) on creation; a build sorts names written
        with a few dozen characters. The lines of the common characters (``_COMMON_LINES``) are picked
        out and grouped by their first code point (0.003 s), the others only once a text holds one of
        them (0.015 s); a group is added to pyuca's trie the first time a text holds its character.
        Every key the lookup of a text can reach starts with one of its characters, so the table
        holds, for that text, all that pyuca's would: the keys are pyuca's (``tests/test_french.py``
        compares them).
        """

        def load(self, filename: str) -> None:
            with open(filename, "rb") as keys_file:
                self._source: bytes | None = keys_file.read()
            self._waiting: dict[str, list[str]] = {}
            for found in _COMMON_LINES.findall(self._source):
                line = found.decode("utf-8")
                self._waiting.setdefault(line[:4], []).append(line)
            for found in _IMPLICIT_WEIGHTS.findall(self._source):
                ch_range, base = found.decode("utf-8").split("#", 1)[0].rstrip()[len("@implicitweights"):].split(";")
                start, end = ch_range.split("..")
                self.implicit_weights.append([int(start, 16), int(end, 16), int(base, 16)])

        def _group_the_rest(self, source: bytes) -> None:
            """The lines of the characters outside ``_COMMON_LINES``, grouped by first code point."""
            for line in source.decode("utf-8").splitlines():
                if not line or line[0] in "#@":
                    continue
                head = line.partition(" ")[0]
                if not _common(int(head, 16)):
                    self._waiting.setdefault(head, []).append(line)

        def _add_lines_of(self, text: str) -> None:
            for char in set(text):
                if self._source is not None and not _common(ord(char)):
                    source, self._source = self._source, None
                    self._group_the_rest(source)
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
