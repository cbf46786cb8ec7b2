"""A project's settings read straight from ``mkdocs.yml``, for commands that run without a site build.

Only ``docs_dir`` and ``extra.briefing`` matter here. The file may hold tags meant for the site engine
(``!ENV``, ``!relative``, ``!!python/name:…``); they are read leniently and never executed.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from briefing.edition.editions import Edition
from briefing.i18n import _
from briefing.settings import Settings

CONFIG_NAME = "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that accepts any tag: ``!ENV`` is resolved, other tags give their plain value; a key
    written twice is an error (YAML, and so MkDocs, would keep the last one without a word)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        first: dict[str, int] = {}
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                line = key_node.start_mark.line + 1
                if first.setdefault(key_node.value, line) != line:
                    raise yaml.MarkedYAMLError(
                        problem=_('the key "{key}" is written twice (first on line {first}); only the last '
                                  "would count, so keep one").format(key=key_node.value, first=first[key_node.value]),
                        problem_mark=key_node.start_mark)
        return super().construct_mapping(node, deep)


def _plain(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``: the first variable set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    items = loader.construct_sequence(node, deep=True) if isinstance(node, yaml.SequenceNode) else []
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[n] for n in names if isinstance(n, str) and n in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("!", lambda loader, _suffix, node: _plain(loader, node))
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, _suffix, node: _plain(loader, node))


def read_config(config_file: Path) -> dict:
    with config_file.open(encoding="utf-8") as stream:
        try:
            config = yaml.load(stream, Loader=_ConfigLoader)  # a SafeLoader subclass: nothing is executed
        except yaml.MarkedYAMLError as error:
            where = f"{config_file.name}:{error.problem_mark.line + 1}" if error.problem_mark else config_file.name
            raise ValueError(f"{where}: {error.problem}") from error
    if not isinstance(config, dict):
        raise ValueError(_("{path}: not a mapping of settings").format(path=config_file))
    return config


def find_config(start: Path) -> Path:
    """``mkdocs.yml`` in ``start`` or the nearest folder above it."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(_("no {name} in {folder} or above; run the command inside the project").format(
        name=CONFIG_NAME, folder=start.resolve()))


def site_language(config_file: Path) -> str | None:
    """``theme.language`` of ``mkdocs.yml``, or None."""
    theme = read_config(config_file).get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return str(language) if language else None


def load_settings(config_file: Path, edition: Edition = Edition.PUBLIC) -> Settings:
    """The same ``Settings`` the MkDocs adapter builds from this configuration."""
    config = read_config(config_file)
    root = config_file.resolve().parent
    docs_dir = root / str(config.get("docs_dir") or "docs")
    briefing = (config.get("extra") or {}).get("briefing") or {}
    return Settings.from_mapping(dict(briefing), root=root, docs_dir=docs_dir, edition=edition, site_config=config)
