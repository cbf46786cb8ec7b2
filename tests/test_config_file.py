"""mkdocs.yml is edited by hand and merged often: a key written twice would silently keep only the last."""

from __future__ import annotations

import yaml

from support import REPO


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a mapping that names a key twice (YAML says keys are unique)."""


def _mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        assert key not in seen, f"mkdocs.yml line {key_node.start_mark.line + 1}: {key!r} is written twice"
        seen[key] = True
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_UniqueKeyLoader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV, !relative: not ours to check


def test_mkdocs_yml_names_every_key_once():
    assert yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_UniqueKeyLoader)


def test_the_check_catches_a_key_written_twice():
    text = "theme:\n  name: material\nextra_javascript: [a.js]\nextra_javascript: [b.js]\n"
    try:
        yaml.load(text, Loader=_UniqueKeyLoader)
    except AssertionError as error:
        assert "'extra_javascript' is written twice" in str(error)
    else:
        raise AssertionError("a key written twice was not caught")
