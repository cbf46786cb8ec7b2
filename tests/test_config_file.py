"""mkdocs.yml holds each key once: YAML keeps the last of two, silently (two ``extra_javascript:`` lists,
left by merges, dropped the chronologies' order and filter scripts from every page)."""

from __future__ import annotations

import pytest
import yaml

from support import REPO


class _UniqueKeys(yaml.SafeLoader):
    """A YAML reader that refuses a key written twice in one mapping, and reads MkDocs' tags as plain values."""

    def construct_mapping(self, node, deep=False):
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ValueError(f"mkdocs.yml:{key_node.start_mark.line + 1}: {key!r} already on line {seen[key]}")
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


_UniqueKeys.add_multi_constructor("!", lambda loader, suffix, node: None)
_UniqueKeys.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def test_mkdocs_yml_writes_each_key_once():
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_UniqueKeys)
    assert "assets/briefing-tooltips.js" in config["extra_javascript"]


def test_the_reader_refuses_a_key_written_twice():
    with pytest.raises(ValueError, match="'a' already on line 1"):
        yaml.load("a: [1]\nb: 2\na: [3]\n", Loader=_UniqueKeys)
