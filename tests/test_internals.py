"""The accelerations (hooks/speedups/, briefing.search.prebuilt) follow MkDocs' and Material's private code.

Each internal they rely on is fingerprinted here as it is in the pinned versions (MkDocs 1.6.1, Material
9.8.2). When an upgrade changes one, the test says which acceleration to review, instead of a byte
comparison failing somewhere far away. Under ProperDocs, the maintained fork, whose build loop differs,
the accelerations that follow MkDocs' loop stand aside and the others still change no byte.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import re
from pathlib import Path

import material
import pytest

from support import MKDOCS, build, make_project

PARALLEL, SHARED = "hooks/speedups/briefing_parallel_pages.py", "hooks/speedups/briefing_shared_markdown.py"
THEME_FILES = "hooks/speedups/briefing_theme_files.py"
PYTHON_INTERNALS = [
    ("mkdocs.commands.build", "build", "c476b64474acfaa2", f"{PARALLEL} follows its loop"),
    ("mkdocs.commands.build", "_populate_page", "31a70ea4caef1e12", f"{PARALLEL} calls it"),
    ("mkdocs.commands.build", "_build_page", "adcdbd14b2361126", f"{PARALLEL} calls it"),
    ("mkdocs.structure.pages", "Page.render", "320529348f7a8af1", f"{SHARED} copies it"),
    ("markdown.treeprocessors", "InlineProcessor._InlineProcessor__handleInline", "fe27babc114aed0a",
     f"{SHARED} skips it on a text no inline pattern can match (FastInlineProcessor)"),
    ("markdown.treeprocessors", "InlineProcessor._InlineProcessor__applyPattern", "8862b35197c0e614",
     f"{SHARED}: a pattern whose expression finds nothing must leave the text and itself untouched"),
    ("markdown.treeprocessors", "InlineProcessor.run", "f6c93631f2871499",
     f"{SHARED}: the inline step must reach each text through __handleInline"),
    ("mkdocs.structure.files", "Files.add_files_from_theme", "0169dd2b1c22ca13", f"{THEME_FILES} copies it"),
    ("jinja2.loaders", "FileSystemLoader.list_templates", "320387ffb0e553d2", f"{THEME_FILES} copies it"),
    ("jinja2.environment", "Environment.list_templates", "666d33e008ce8bd1", f"{THEME_FILES} follows it"),
    ("mkdocs.__main__", "build_command.callback", "076bfe8edc47f873",
     "hooks/speedups/briefing_quick_exit.py ends the process from on_shutdown, which must be its last step"),
]
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
TEMPLATE_INTERNALS = [
    ("base.html#site_nav", "08b0b8418133d46e", "overrides/main.html repeats this block around the cached navigation"),
    ("partials/header.html", "8cf3fb15bcf969ff", "hooks/speedups/briefing_layout_cache.py splices the title into it"),
    ("partials/tabs.html", "d2c82916569e645a", "hooks/speedups/briefing_layout_cache.py caches it per URL layout"),
    ("partials/nav.html", "af33f6e032f632eb", "hooks/speedups/briefing_layout_cache.py caches it per URL layout"),
    ("partials/toc.html", "fde48f583563364b",
     "hooks/speedups/briefing_layout_cache.py caches it by the page's toc (toc_key): it must only read page.toc"),
    ("partials/toc-item.html", "418f31ce2e6d5599",
     "hooks/speedups/briefing_layout_cache.py caches the toc by each item's url, title, typeset and children"),
    ("base.html#styles", "3e2f8b00a4426913",
     "overrides/main.html caches it per page depth (static_key): it must only link to the theme's files"),
    ("partials/icons.html", "461a02930eb982ef",
     "overrides/main.html caches it with the styles block: it must only read the config"),
    ("base.html#scripts", "66cc07f62fe03dd2",
     "overrides/main.html caches it per page depth (static_key): it must only link to the theme's and site's scripts"),
]
MATERIAL_WORKER = "search.a7633da7.min.js"
"""Material names its worker by a hash of its content; briefing/search/worker.js wraps this one."""


def _fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _source(module: str, qualname: str) -> str:
    target = importlib.import_module(module)
    for name in qualname.split("."):
        target = getattr(target, name, None)
        if target is None:
            pytest.fail(f"{module}.{qualname} no longer exists")
    return inspect.getsource(target)


@pytest.mark.parametrize(("module", "qualname", "expected", "user"), PYTHON_INTERNALS,
                         ids=[f"{m}.{q}" for m, q, _, _ in PYTHON_INTERNALS])
def test_mkdocs_internals_are_those_the_accelerations_follow(module, qualname, expected, user):
    found = _fingerprint(_source(module, qualname))
    assert found == expected, (
        f"{module}.{qualname} changed (fingerprint {found}, expected {expected}): {user}. Review that file "
        f"against the new code, then update the fingerprint in tests/test_internals.py.")


def _template(name: str) -> str:
    file, _, block = name.partition("#")
    text = (MATERIAL_TEMPLATES / file).read_text("utf-8")
    if not block:
        return text
    found = re.search(r"{% block " + block + r" %}.*?{% endblock %}", text, re.S)
    assert found, f"Material's {file} has no block {block!r} any more"
    return found.group(0)


@pytest.mark.parametrize(("name", "expected", "user"), TEMPLATE_INTERNALS, ids=[n for n, _, _ in TEMPLATE_INTERNALS])
def test_material_templates_are_those_the_accelerations_follow(name, expected, user):
    found = _fingerprint(_template(name))
    assert found == expected, (
        f"Material's {name} changed (fingerprint {found}, expected {expected}): {user}. Review it, then "
        f"update the fingerprint in tests/test_internals.py.")


def test_material_search_worker_is_the_one_the_prebuilt_index_wraps():
    workers = sorted(p.name for p in (MATERIAL_TEMPLATES / "assets/javascripts/workers").glob("search.*.min.js"))
    assert workers == [MATERIAL_WORKER], (
        f"Material's search worker is now {workers}: hooks/briefing/search/worker.js wraps {MATERIAL_WORKER} "
        "(its message protocol and index setup). Review it, then update MATERIAL_WORKER.")


def test_material_search_plugin_keeps_its_entries_where_we_read_them():
    """``briefing.search.material`` reads ``plugin.search_index.entries`` (a list of dicts)."""
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex()
    assert isinstance(getattr(index, "entries", None), list), (
        "Material's SearchIndex has no list 'entries' any more: hooks/briefing/search/material.py reads it.")


def test_under_properdocs_the_accelerations_stand_aside_or_change_no_byte(tmp_path):
    """ProperDocs builds the sample with the MkDocs-loop accelerations off (they check the engine) and
    the layout cache on: the pages are byte for byte those of a build without the speed hooks."""
    properdocs = MKDOCS.with_name("properdocs")
    env = {"SOURCE_DATE_EPOCH": "1700000000", "BRIEFING_PARALLEL": "on"}
    fast = make_project(tmp_path / "fast", {}, with_sample=True)
    plain = make_project(tmp_path / "plain", {}, with_sample=True)
    config = plain / "mkdocs.yml"
    text = config.read_text("utf-8")
    for hook in ("speedups/briefing_layout_cache.py", "speedups/briefing_shared_markdown.py",
                 "speedups/briefing_parallel_pages.py"):
        assert f"  - hooks/{hook}\n" in text
        text = text.replace(f"  - hooks/{hook}\n", "")
    config.write_text(text, "utf-8")
    sites = [build(p, tmp_path / f"{p.name}-site", strict=True, env=env, command=[str(properdocs)])
             for p in (fast, plain)]
    assert [s.returncode for s in sites] == [0, 0], sites[0].output + sites[1].output
    pages = sorted(p.relative_to(sites[0].site) for p in sites[0].site.rglob("*.html"))
    assert len(pages) > 50
    assert [str(p) for p in pages if (sites[0].site / p).read_bytes() != (sites[1].site / p).read_bytes()] == []
