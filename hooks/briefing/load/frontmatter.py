"""Split a Markdown file into front matter and body, keeping a line number for every key.

YAML's implicit typing is tamed: dates are never turned into ``datetime.date``, so
``date: 2023-08-18`` and ``date: "2023-08-18"`` read the same.
"""

from __future__ import annotations

import re

import yaml

from briefing.i18n import _
from briefing.load import yamlsubset

_FENCE = re.compile(r"^---[ \t]*$")
_OFFSET = 2
"""From a 0-based line of the YAML text to a 1-based line of the file, past the opening fence."""
MAX_DEPTH = 16
"""Front matter nests three levels (``sources`` → a source → its fields); deeper is not a note."""
MAX_VALUES = 5000
"""Values the front matter may hold once aliases are expanded: a few hundred bytes of nested
aliases (a "billion laughs") would otherwise expand to millions."""


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver."""


class _FastPlainLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same on libyaml's parser where available, so that checking a thousand notes stays fast."""


_PlainLoader.yaml_implicit_resolvers = _FastPlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_SUBSET = yamlsubset.Reader(_FastPlainLoader.yaml_implicit_resolvers)
"""Reads the usual front matter without PyYAML, exactly as it would (``yamlsubset``)."""


def _load_with(loader_class: type, yaml_text: str) -> tuple[yaml.Node | None, object]:
    loader = loader_class(yaml_text)
    try:
        _check_depth(loader_class, yaml_text)
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_nodes(node)  # before anything walks the tree: aliases expand while it is walked
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


def _load(yaml_text: str) -> tuple[yaml.Node | None, object]:
    """The node tree (for line numbers) and the value, from one fast parse; on a syntax error the
    pure-Python parser reparses, because its messages name the offending character."""
    try:
        return _load_with(_FastPlainLoader, yaml_text)
    except yaml.MarkedYAMLError as error:
        if isinstance(error, NodeError):
            raise
        return _load_with(_PlainLoader, yaml_text)
    except yaml.YAMLError:
        return _load_with(_PlainLoader, yaml_text)


class NodeError(yaml.MarkedYAMLError):
    """Front matter that parses but that no note may hold: a duplicate key, a merge key, too deep
    a nesting or too many values once aliases are expanded."""

    def __init__(self, message: str, mark: yaml.Mark):
        super().__init__(problem=message, problem_mark=mark)


def _too_deep() -> str:
    return _("the front matter nests more than {depth} levels deep; a note needs three").format(depth=MAX_DEPTH)


def _check_depth(loader_class: type, yaml_text: str) -> None:
    """Refuse deep nesting from the parser's events, before anything composes them: the composers
    recurse (libyaml's crashes the interpreter at a hundred thousand ``[``), the parsers do not."""
    loader, depth = loader_class(yaml_text), 0
    try:
        while (event := loader.get_event()) is not None and not isinstance(event, yaml.StreamEndEvent):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise NodeError(_too_deep(), event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def _check_nodes(root: yaml.Node) -> None:
    """Refuse duplicate keys, merge keys, deep nesting and alias bombs, in one pass over the nodes
    (a node reached through several aliases is sized once, so a bomb costs its size in text)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if depth > MAX_DEPTH:
            raise NodeError(_too_deep(), node.start_mark)
        children = _children(node)
        if children_done or not children:
            size = 1 + sum(sizes[id(child)] for child in children)
            if size > MAX_VALUES:
                raise NodeError(
                    _("the front matter holds more than {count} values once its aliases (*name) are expanded; "
                      "write the values out").format(count=MAX_VALUES), node.start_mark)
            sizes[id(node)] = size
            continue
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if not isinstance(node, yaml.MappingNode):
        return []
    seen: dict[object, yaml.Node] = {}
    for key_node, _value in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise NodeError(_("merge keys (<<) are not allowed in front matter; write the keys out"),
                            key_node.start_mark)
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
        if key in seen:
            first = seen[key].start_mark.line + _OFFSET
            raise NodeError(
                _('the key "{key}" is written twice (first on line {first}); YAML would keep only the last one, '
                  "so keep one").format(key=key, first=first), key_node.start_mark)
        seen[key] = key_node
    return [child for pair in node.value for child in pair]


class FrontMatterError(ValueError):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


class Document:
    """A parsed file: front matter, body, and the line of every front-matter value."""

    def __init__(self, meta: dict, body: str, body_line: int, yaml_text: str, lines: dict[tuple, int] | None = None):
        self.meta = meta
        self.body = body
        self.body_line = body_line
        """1-based line of the first body line in the file."""
        self._yaml_text = yaml_text
        self._lines = lines

    @property
    def lines(self) -> dict[tuple, int]:
        """Line of each value, by path: ``("countries", 0)`` -> 5; ``()`` is the opening fence.

        Worked out on first use: only a document with something to report needs it, and the node
        tree with its marks costs as much as the rest of the load.
        """
        if self._lines is None:
            loader = _FastPlainLoader(self._yaml_text)
            try:
                self._lines = _line_map(loader.get_single_node())
            finally:
                loader.dispose()
        return self._lines

    def line_of(self, path: tuple = ()) -> int:
        """The line of the deepest known node on ``path``."""
        lines = self.lines
        path = tuple(path)
        while path not in lines and path:
            path = path[:-1]
        return lines.get(path, 1)


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
    first_end = text.find("\n")
    if not _FENCE.match(text if first_end < 0 else text[:first_end]):
        raise FrontMatterError(_("the file must start with a line '---' opening the front matter"), 1)
    closing = None if first_end < 0 else _closing_fence(text, first_end)
    if closing is None:
        raise FrontMatterError(_("the front matter is never closed; add a line '---' after it"), 1)
    closing_start, closing_end = closing
    yaml_text = text[first_end + 1 : max(first_end + 1, closing_start - 1)]
    meta, lines = _SUBSET.load(yaml_text), None
    try:
        if meta is yamlsubset.UNSURE:
            node, meta = _load(yaml_text)
            lines = _line_map(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + _OFFSET if mark else None
        problem = error.problem or str(error)
        message = problem if isinstance(error, NodeError) else _("invalid YAML: {problem}").format(problem=problem)
        raise FrontMatterError(message, line) from error
    except (yaml.YAMLError, ValueError) as error:
        raise FrontMatterError(_("invalid YAML: {problem}").format(problem=error), None) from error
    except RecursionError as error:
        raise FrontMatterError(_too_deep(), None) from error
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(_("the front matter must be a mapping of 'key: value' lines"), _OFFSET)
    body = text[closing_end + 1 :]
    return Document(meta, body, text.count("\n", 0, closing_start) + 2, yaml_text, lines)


def _closing_fence(text: str, newline: int) -> tuple[int, int] | None:
    """(start, end) of the first line ``---`` after the ``newline`` at that index, or None."""
    while (newline := text.find("\n---", newline)) >= 0:
        start = newline + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if not text[start + 3 : end].strip(" \t"):
            return start, end
        newline = start
    return None


def _line_map(node: yaml.Node | None) -> dict[tuple, int]:
    lines: dict[tuple, int] = {(): 1}
    if node is not None:
        _record_lines(node, (), _OFFSET, lines)
        lines[()] = 1
    return lines
