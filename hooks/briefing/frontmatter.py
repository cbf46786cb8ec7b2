"""Split a Markdown file into front matter and body, keeping a line number for every key.

YAML's implicit typing is tamed: dates are never turned into ``datetime.date``, so
``date: 2023-08-18`` and ``date: "2023-08-18"`` read the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

_FENCE = re.compile(r"^---[ \t]*$")


class _PlainLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader without the timestamp resolver; libyaml's parser where PyYAML has it (about ten
    times faster than the pure-Python one, which dominated the load of a 10,000-note corpus)."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class FrontMatterError(ValueError):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass
class Document:
    meta: dict
    body: str
    body_line: int
    """1-based line of the first body line in the file."""
    lines: dict[tuple, int] = field(default_factory=dict)
    """Line of each value, by path: ``("countries", 0)`` -> 5; ``()`` is the opening fence."""

    def line_of(self, path: tuple = ()) -> int:
        """The line of the deepest known node on ``path``."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def _record_lines(node: yaml.Node, path: tuple, offset: int, lines: dict[tuple, int]) -> None:
    lines[path] = node.start_mark.line + offset
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[(*path, key)] = key_node.start_mark.line + offset
            _record_lines(value_node, (*path, key), offset, lines)
            lines[(*path, key)] = key_node.start_mark.line + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*path, index), offset, lines)


def parse(text: str) -> Document:
    """Parse ``---`` front matter; raises FrontMatterError with the file line of the problem."""
    if text.startswith("\ufeff"):
        text = text[1:]
    raw_lines = text.split("\n")
    if not raw_lines or not _FENCE.match(raw_lines[0]):
        raise FrontMatterError("the file must start with a line '---' opening the front matter", 1)
    closing = next((i for i in range(1, len(raw_lines)) if _FENCE.match(raw_lines[i])), None)
    if closing is None:
        raise FrontMatterError("the front matter is never closed; add a line '---' after it", 1)
    yaml_text = "\n".join(raw_lines[1:closing])
    offset = 2  # 0-based YAML lines, plus the opening fence
    try:
        loader = _PlainLoader(yaml_text)
        try:
            node = loader.get_single_node()
            meta = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + offset if mark else None
        problem = error.problem or str(error)
        raise FrontMatterError(f"invalid YAML: {problem}", line) from error
    except (yaml.YAMLError, ValueError) as error:
        raise FrontMatterError(f"invalid YAML: {error}", None) from error
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("the front matter must be a mapping of 'key: value' lines", offset)
    lines: dict[tuple, int] = {(): 1}
    if node is not None:
        _record_lines(node, (), offset, lines)
        lines[()] = 1
    body = "\n".join(raw_lines[closing + 1 :])
    return Document(meta=meta, body=body, body_line=closing + 2, lines=lines)
