"""The usual shape of front matter, read without a YAML parser, for speed.

Almost every note is ``key: value`` lines, flow lists (``[Japon, "Corée du Sud"]``), block lists
(``- item``) and a list of sources as ``- {title: …, url: …}`` or ``- title: …`` mappings. Reading
that shape with a few regular expressions is several times faster than PyYAML's constructor, which
dominated the load of a large archive. Anything this reader is not certain to read exactly as
PyYAML would (``CSafeLoader`` and the pure-Python ``SafeLoader`` alike, with ``frontmatter``'s
resolvers) makes it answer ``UNSURE``, and the caller parses the text with PyYAML: comments after
a value, block scalars, anchors, tags, multi-line values, escapes, numbers other than plain
decimals, tabs, duplicate keys, syntax errors… ``tests/test_fast_paths.py`` compares both readers
on many generated documents.
"""

from __future__ import annotations

import re

import yaml

UNSURE = object()
"""The answer when PyYAML must read the text."""
_UNKNOWN = object()


class _Unsure(Exception):
    pass


_BOOL_TAG = "tag:yaml.org,2002:bool"
_NULL_TAG = "tag:yaml.org,2002:null"
_INT_TAG = "tag:yaml.org,2002:int"
_BOOLS = yaml.constructor.SafeConstructor.bool_values
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]*)$")

_OUTSIDE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
"""Characters left to PyYAML: tabs, other line breaks (``\\r``, NEL, U+2028/9), a byte-order mark,
and the non-printable characters PyYAML rejects."""

_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_DQ = r'"([^"\\]*)"'
"""A double-quoted scalar without escapes."""
_SQ = r"'((?:[^']|'')*)'"
_FLOW_PLAIN = r"""[^ ,\[\]{}:?#\-&*!|>'"%@`](?:[^ ,\[\]{}:?#]|[ ]+(?=[^ ,\[\]{}#])|:(?=[^ ,\[\]{}]))*"""
"""A plain scalar inside ``[…]`` or ``{…}``: no indicator first, no ``: `` or `` #`` inside, no
``?`` (libyaml reads ``[x?a]``, PyYAML's own parser rejects it), no spaces around."""
_FLOW_VALUE = rf"(?:{_DQ}|{_SQ}|({_FLOW_PLAIN}))"
_FLOW_ITEM = re.compile(rf" *{_FLOW_VALUE} *([,\]])")
"""One item of ``[…]`` and what follows it."""
_FLOW_PAIR = re.compile(rf" *({_KEY}): +{_FLOW_VALUE} *([,}}])")
"""One ``key: value`` of ``{…}`` and what follows it."""
_SINGLE = re.compile(_SQ)
_QUOTED_LIST = re.compile(r'\["[^"\\]*"(?:, "[^"\\]*")*\]')
"""``["a", "b"]``, the common case, split at once: an item holds no ``"``, so ``", "`` separates."""
_SIMPLE_ITEM = r"""[^ ,\[\]{}:?#\-&*!|>'"%@`](?:[^,\[\]{}:?#]*[^ ,\[\]{}:?#])?"""
_SIMPLE_LIST = re.compile(rf"\[{_SIMPLE_ITEM}(?:, {_SIMPLE_ITEM})*\]")
"""``[Japon, Corée du Sud]``, the other common case: no item holds a comma, a colon or a ``#``."""

_BLOCK_PLAIN = re.compile(r"""[^ \-?:,\[\]{}#&*!|>'"%@`](?:[^ :#]|[ ]+(?=[^ #])|:(?=[^ ]))*""")
"""A plain scalar as a whole value outside flow collections (``,[]{}`` allowed after the start)."""
_ENTRY = re.compile(rf"({_KEY}):(?: +(?:{_DQ}|(.*[^ ])))? *$")
"""``key: value`` or ``key:``; a double-quoted value is read at once."""
_ITEM = re.compile(r"( *)- +(.*[^ ])? *$")


class Reader:
    def __init__(self, resolvers: dict):
        """``resolvers``: the implicit resolvers of the PyYAML loader to agree with."""
        self.resolvers = resolvers
        self.typed_first = frozenset(resolvers)
        """First characters of the plain scalars that may be something else than text."""
        self.text_keys: set[str] = set()
        self.typed: dict[str, object] = {}

    def load(self, text: str) -> object:
        """The mapping ``text`` holds, or UNSURE."""
        if _OUTSIDE.search(text):
            return UNSURE
        try:
            return self.document(text.split("\n"))
        except _Unsure:
            return UNSURE

    def document(self, lines: list[str]) -> dict:
        meta: dict = {}
        index, count = 0, len(lines)
        while index < count:
            line = lines[index]
            index += 1
            entry = _ENTRY.match(line)
            if entry is None:
                stripped = line.lstrip(" ")
                if not stripped or stripped[0] == "#":
                    continue
                raise _Unsure
            key = entry.group(1)
            if key in meta or (key not in self.text_keys and not self.is_text_key(key)):
                raise _Unsure
            if entry.group(2) is not None:
                meta[key] = entry.group(2)
                continue
            value = entry.group(3)
            if value:
                meta[key] = self.inline(value)
                continue
            start = index
            while index < count:
                following = lines[index]
                if following and following[0] not in " -#":
                    break
                index += 1
            meta[key] = self.sequence(lines[start:index])
        return meta

    def is_text_key(self, key: str) -> bool:
        """Whether PyYAML reads ``key`` as text (``yes`` or ``null`` it does not); remembered."""
        if self.plain(key) != key:
            return False
        self.text_keys.add(key)
        return True

    def sequence(self, block: list[str]) -> list | None:
        """A block list under ``key:`` (at any one indentation); nothing at all is a null."""
        items: list = []
        indent = -1
        mapping: dict | None = None
        mapping_indent = 0
        for line in block:
            item = _ITEM.match(line)
            if item is not None and (indent < 0 or len(item.group(1)) == indent):
                indent = len(item.group(1))
                content = item.group(2)
                if content is None:
                    raise _Unsure  # a nested block or a null item
                pair = _ENTRY.match(content)
                if pair is None:
                    items.append(self.inline(content))
                    mapping = None
                    continue
                mapping = {}
                mapping_indent = item.start(2)
                items.append(mapping)
            else:
                stripped = line.lstrip(" ")
                if not stripped or stripped[0] == "#":
                    continue
                if mapping is None or len(line) - len(stripped) != mapping_indent:
                    raise _Unsure
                pair = _ENTRY.match(stripped)
                if pair is None:
                    raise _Unsure
            key = pair.group(1)
            if key in mapping or (key not in self.text_keys and not self.is_text_key(key)):
                raise _Unsure
            if pair.group(2) is not None:
                mapping[key] = pair.group(2)
            elif pair.group(3):
                mapping[key] = self.inline(pair.group(3))
            else:
                raise _Unsure  # a nested block or a null value
        return items if indent >= 0 else None

    def inline(self, text: str) -> object:
        """A value written on the rest of a line (without spaces around it)."""
        first = text[0]
        if first == "[":
            return self.flow_sequence(text)
        if first == "{":
            return self.flow_mapping(text)
        if first == "'":
            match = _SINGLE.fullmatch(text)
            if match is None:
                raise _Unsure
            return match.group(1).replace("''", "'")
        if _BLOCK_PLAIN.fullmatch(text) is None:
            raise _Unsure  # double quotes with escapes, a comment, an indicator…
        return self.plain(text) if first in self.typed_first else text

    def flow_sequence(self, text: str) -> list:
        if text == "[]":
            return []
        if _QUOTED_LIST.fullmatch(text):
            return text[2:-2].split('", "')
        if _SIMPLE_LIST.fullmatch(text):
            items = text[1:-1].split(", ")
            if not any(item[0] in self.typed_first for item in items):
                return items
        items: list = []
        position, end = 1, len(text)
        while True:
            match = _FLOW_ITEM.match(text, position)
            if match is None:
                raise _Unsure
            double, single, plain, separator = match.groups()
            items.append(self._flow_scalar(double, single, plain))
            position = match.end()
            if separator == "]":
                if position != end:
                    raise _Unsure
                return items

    def flow_mapping(self, text: str) -> dict:
        if text == "{}":
            return {}
        mapping: dict = {}
        position, end = 1, len(text)
        while True:
            match = _FLOW_PAIR.match(text, position)
            if match is None:
                raise _Unsure
            key, double, single, plain, separator = match.groups()
            if key in mapping or (key not in self.text_keys and not self.is_text_key(key)):
                raise _Unsure
            mapping[key] = self._flow_scalar(double, single, plain)
            position = match.end()
            if separator == "}":
                if position != end:
                    raise _Unsure
                return mapping

    def _flow_scalar(self, double: str | None, single: str | None, plain: str | None) -> object:
        """A scalar of a flow collection, from the groups of ``_FLOW_ITEM`` or ``_FLOW_PAIR``."""
        if plain is not None:
            return self.plain(plain) if plain[0] in self.typed_first else plain
        return single.replace("''", "'") if single is not None else double

    def plain(self, text: str) -> object:
        """A plain scalar, typed as PyYAML's resolvers type it (bool, null, decimal int or text).

        Remembered: an archive repeats its dates and numbers."""
        value = self.typed.get(text, _UNKNOWN)
        if value is _UNKNOWN:
            value = self.typed[text] = self._resolve(text)
        return value

    def _resolve(self, text: str) -> object:
        for tag, pattern in self.resolvers.get(text[0], ()):
            if pattern.match(text):
                if tag == _BOOL_TAG:
                    return _BOOLS[text.lower()]
                if tag == _NULL_TAG:
                    return None
                if tag == _INT_TAG and _DECIMAL.match(text):
                    return int(text)
                raise _Unsure
        return text
