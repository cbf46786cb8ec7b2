"""The theme's static files listed without walking the folders MkDocs leaves out
(``hooks/speedups/briefing_theme_files.py``): the same files, in the same order and with the same
sources and destinations, as MkDocs' own ``Files.add_files_from_theme``, on the project's theme and on
a theme folder made of every name its patterns test."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import jinja2
from mkdocs.commands.build import get_files
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from support import REPO, make_project

_spec = importlib.util.spec_from_file_location("theme_files", REPO / "hooks/speedups/briefing_theme_files.py")
theme_files = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(theme_files)

TRICKY = [
    ".hidden/x.css", ".top.js", "sub/.dot/y.js", "sub/.z.css", "sub/deep/.git/config", "README.md", "docs/Readme.txt",
    "x.py", "cache/x.pyc", "locales/fr.json", "nested/locales/fr.json", "a.HTML", "page.html", "notes.md",
    "notes.markdown", "mkdocs_theme.yml", "sitemap.xml", "404.html", "assets/ok.css", "assets/images/logo.svg",
    "assets/stylesheets/extra.css", "un été/é.css", "MixedCase/File.JS", "a.b.c/d.e", "collision.css",
]
"""Names each pattern keeps or leaves out: dot folders and files at the top and below, ``*readme*``
in any case, Python files, translations (only at the top), templates in any case, Markdown,
``static_templates``; and names kept."""


def _listing(files: Files) -> list[tuple]:
    return [(f.src_uri, f.abs_src_path, f.dest_uri, f.url) for f in files]


def _both(config) -> tuple[list[tuple], list[tuple]]:
    """The files MkDocs' method adds, and those the hook's adds, to the same collection of docs files."""
    env = config.theme.get_env()
    theirs, ours = get_files(config), get_files(config)
    theme_files._mkdocs_method(theirs, env, config)
    theme_files.add_files_from_theme(ours, env, config)
    return _listing(theirs), _listing(ours)


def test_the_projects_theme_gives_the_same_files(tmp_path):
    project = make_project(tmp_path / "project", {}, with_sample=True)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    theirs, ours = _both(config)
    assert any(src.startswith("assets/javascripts/bundle.") for src, *_ in theirs)  # Material's assets
    assert ours == theirs


def test_a_theme_folder_of_tricky_names_gives_the_same_files(tmp_path):
    project = make_project(tmp_path / "project", {"docs/collision.css": "/* the docs' copy wins */\n"})
    custom = project / "overrides"
    for name in TRICKY:
        path = custom / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"/* {name} */\n", "utf-8")
    (custom / "linked").symlink_to(custom / "assets", target_is_directory=True)  # not walked (followlinks off)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    assert Path(config.theme.custom_dir) == custom
    theirs, ours = _both(config)
    assert ours == theirs
    kept = {src for src, *_ in ours}
    assert {"assets/ok.css", "un été/é.css", "MixedCase/File.JS", "a.b.c/d.e", "nested/locales/fr.json"} <= kept
    assert not kept & {".top.js", "sub/.z.css", "a.HTML", "docs/Readme.txt", "locales/fr.json", "sitemap.xml"}
    assert [abs_src for src, abs_src, *_ in ours if src == "collision.css"] == [str(project / "docs/collision.css")]


def test_another_loader_is_left_to_mkdocs(tmp_path):
    project = make_project(tmp_path / "project", {})
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    env = config.theme.get_env()
    env.loader = jinja2.ChoiceLoader([env.loader])  # a loader the hook does not know: MkDocs' method runs
    theirs, ours = get_files(config), get_files(config)
    theme_files._mkdocs_method(theirs, env, config)
    theme_files.add_files_from_theme(ours, env, config)
    assert _listing(ours) == _listing(theirs) and len(_listing(ours)) > 20
