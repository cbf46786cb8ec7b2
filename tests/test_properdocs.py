"""Outliving MkDocs 1.x: the sample site builds unchanged with ProperDocs, the maintained fork."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from search_support import search_documents
from support import MKDOCS, REPO, build

PROPERDOCS = MKDOCS.with_name("properdocs")


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory):
    result = build(REPO, tmp_path_factory.mktemp("properdocs") / "site", strict=True, command=[str(PROPERDOCS)])
    assert result.returncode == 0, result.output
    return result


def test_properdocs_builds_the_sample_site(properdocs_site):
    site = properdocs_site
    assert "events:" in site.output and "0 problems reported" in site.output
    letter = next(p.name for p in (REPO / "docs/lettres").glob("187-*.md"))
    letter_text = site.text(f"lettres/{letter[:-3]}/")
    assert "FAITS" in letter_text and "n° 187" in letter_text
    assert site.page("evenements/2023-08-18-sommet-camp-david/").xpath("//article//h1")
    assert "2023" in site.text("chronologie/")
    assert site.page("glossaire/").xpath("//article//h2[@id='ip4']")
    assert site.page("pays/japon/").xpath("//article//h1")[0].text_content().startswith("Japon")
    assert len(search_documents(site.site)) > 50
    assert (site.site / "schemas/event.schema.json").read_bytes() == (
        REPO / "hooks/briefing/load/schemas/event.schema.json").read_bytes()


LAYERS = {
    "__init__": 0, "structure": 0, "diagnostics": 0, "i18n": 0, "french": 0, "speed": 0,
    "load": 1, "edition": 2, "settings": 2, "index": 3, "render": 4, "exports": 4, "search": 4,
    "pipeline": 5, "project": 5, "cli": 6, "__main__": 7,
}
"""The pipeline's order, by the first name of a module's path under ``hooks/briefing/``: a module imports
only from layers before its own or beside it (the three outputs use each other). The model
(``structure``, ``diagnostics``, ``i18n``), ``french`` and ``speed`` serve every stage and import none;
``settings`` names the edition; ``pipeline`` and ``project`` run the stages, ``cli`` runs them."""


def _layer_of(path: Path) -> str:
    return path.relative_to(REPO / "hooks/briefing").parts[0].removesuffix(".py")


def _briefing_imports(path: Path) -> list[str]:
    """Every module of ours ``path`` imports, in any form (``from briefing.x import``, ``from briefing
    import x``, ``import briefing.x``, relative, or an adapter module ``briefing_*``), at any depth."""
    package = ["briefing", *path.relative_to(REPO / "hooks/briefing").parent.parts]
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names if alias.name.split(".")[0].startswith("briefing")]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                module = ".".join([*package[:len(package) - node.level + 1], *filter(None, [module])])
            if module == "briefing":
                names += [f"briefing.{alias.name}" for alias in node.names]
            elif module.split(".")[0].startswith("briefing"):
                names.append(module)
    return names


def test_stages_import_one_way():
    """load → edition → index → render/exports/search → pipeline → cli: no module reaches forward, and
    nothing in the package imports the adapter (``hooks/adapter``, ``hooks/speedups``)."""
    modules = sorted(path for path in (REPO / "hooks/briefing").rglob("*.py") if "__pycache__" not in path.parts)
    assert len(modules) > 60 and {_layer_of(path) for path in modules} == set(LAYERS), \
        "a new folder or module under hooks/briefing/: give it its place in LAYERS"
    backwards = []
    for path in modules:
        rank = LAYERS[_layer_of(path)]
        for module in _briefing_imports(path):
            parts = module.split(".")
            if parts[0] != "briefing" or len(parts) < 2 or LAYERS.get(parts[1], 99) > rank:
                backwards.append(f"{path.relative_to(REPO)} imports {module}")
    assert backwards == []


def test_core_does_not_import_the_site_engine():
    """Only the adapter may import MkDocs; the package must run under any engine (or none)."""
    offenders = []
    for path in sorted((REPO / "hooks/briefing").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{Path(path).relative_to(REPO)}: {n}" for n in names if n.split(".")[0] in
                          ("mkdocs", "properdocs", "material")]
    assert offenders == []
