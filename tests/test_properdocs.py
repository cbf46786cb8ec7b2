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


STAGES = {"load": 0, "edition": 1, "index": 2, "render": 3, "exports": 3, "search": 3}
"""The pipeline's order: a stage imports only from stages before it (or beside it, for the three
outputs); the model (``structure``, ``settings``, ``diagnostics``) and ``speed`` serve every stage."""


def _briefing_imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefing."):
            names.append(node.module)
    return names


def test_stages_import_one_way():
    """load → edition → index → render/exports/search: no stage reaches forward."""
    backwards = []
    for stage, rank in STAGES.items():
        for path in sorted((REPO / "hooks/briefing" / stage).rglob("*.py")):
            for module in _briefing_imports(path):
                target = module.split(".")[1]
                if STAGES.get(target, -1) > rank:
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
