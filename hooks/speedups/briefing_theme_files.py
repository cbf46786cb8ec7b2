"""MkDocs adapter: the theme's static files listed without walking the folders MkDocs leaves out.

Before ``on_files``, MkDocs adds the theme's static files to the site (``Files.add_files_from_theme``): it
asks Jinja's loader for every file of the theme's folders, then tests each name against some fifteen
shell patterns. Material's ``.icons`` folder alone holds 14,000 SVG files, so that took 0.05 s of CPU at
every build, in the main process before any page (bare Material pays it too). Two of the patterns,
``.*`` and ``*/.*``, leave out every name with a part that starts with a dot: such folders need not be
walked. The patterns are tested as one regular expression, the rest is MkDocs' method as it is
(``tests/test_theme_files.py``: the same files, in the same order, as MkDocs' own on sample themes).

It stands aside unless the engine is MkDocs 1.6.1 (whose method it follows: ``tests/test_internals.py``)
and the theme's loader is Jinja's ``FileSystemLoader``, as MkDocs makes it.
"""

from __future__ import annotations

import fnmatch
import os
import re

import jinja2
import mkdocs
from mkdocs import utils
from mkdocs.structure.files import File, Files

_mkdocs_method = Files.add_files_from_theme


def _excluded(config) -> re.Pattern[str]:
    """MkDocs' patterns (``add_files_from_theme``'s ``filter``), as one expression: a name matches it
    where ``fnmatch.fnmatch(name.lower(), pattern)`` holds for one of them (POSIX: no case folding)."""
    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*"]
    patterns.extend(f"*{x}" for x in utils.markdown_extensions)
    patterns.extend(config.theme.static_templates)
    return re.compile("|".join(fnmatch.translate(pattern) for pattern in patterns))


def _templates(loader: jinja2.FileSystemLoader) -> list[str]:
    """``FileSystemLoader.list_templates`` without the names under a folder whose name starts with a dot
    (every one of them is left out by ``.*`` or ``*/.*``)."""
    found = set()
    for searchpath in loader.searchpath:
        for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=loader.followlinks):
            dirnames[:] = [name for name in dirnames if not name.startswith(".")]
            for filename in filenames:
                template = os.path.join(dirpath, filename)[len(searchpath):]
                template = template.strip(os.path.sep).replace(os.path.sep, "/")
                if template[:2] == "./":
                    template = template[2:]
                found.add(template)
    return sorted(found)


def add_files_from_theme(self: Files, env: jinja2.Environment, config) -> None:
    """``Files.add_files_from_theme`` of MkDocs 1.6.1, with the listing and the patterns above."""
    loader = env.loader
    if type(loader) is not jinja2.FileSystemLoader or os.path.sep != "/" or os.path.normcase("A") != "A":
        return _mkdocs_method(self, env, config)
    excluded = _excluded(config)
    for path in _templates(loader):
        if excluded.match(path.lower()):
            continue
        # Theme files do not override docs_dir files
        if self.get_file_from_path(path) is None:
            for folder in config.theme.dirs:
                # Find the first theme dir which contains path
                if os.path.isfile(os.path.join(folder, path)):
                    self.append(File(path, folder, config.site_dir, config.use_directory_urls))
                    break
    return None


def on_config(config):
    """From the first build of this process on, when the engine is MkDocs 1.6.1 itself."""
    if mkdocs.__version__ == "1.6.1" and type(config).__module__.startswith("mkdocs."):
        Files.add_files_from_theme = add_files_from_theme
    return config
