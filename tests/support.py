"""Build real sites in temporary folders and read them back."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import lxml.html

REPO = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")
ENGINE_FILES = ["mkdocs.yml", "hooks", "overrides", "docs/assets"]
"""What a synthetic project copies from the repository: the tool, not the sample content."""
FULL_EXPORT_EPOCH = "1730419200"
"""2024-11-01: the ``SOURCE_DATE_EPOCH`` of the ``full_export`` fixture (``conftest.py``)."""


@dataclass
class BuildResult:
    returncode: int
    output: str
    """stdout and stderr together: MkDocs logs on stderr."""
    site: Path

    def page(self, url_path: str) -> lxml.html.HtmlElement:
        """Parse the page at a site URL such as ``lettres/187-x/`` (or ``x.html`` offline)."""
        path = self.site / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return lxml.html.fromstring(path.read_bytes())

    def text(self, url_path: str) -> str:
        """The readable text of a page's article, whitespace collapsed."""
        article = self.page(url_path).xpath("//article")[0]
        return " ".join(article.text_content().split())

    def warnings(self) -> list[str]:
        """Every problem line: warnings and errors (the build logs a note's errors as ``ERROR``)."""
        return [line for line in self.output.splitlines() if "WARNING" in line or "ERROR" in line]


def build(project: Path, out: Path, *, strict: bool = False, env: dict | None = None,
          command: list[str] | None = None, extra_args: list[str] | None = None) -> BuildResult:
    """Run a real ``mkdocs build`` of ``project`` into ``out``."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    environment.pop("BRIEFING_EDITION", None)
    environment.pop("OFFLINE", None)
    environment.update(env or {})
    args = [*(command or [str(MKDOCS)]), "build", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    if strict:
        args.append("--strict")
    args += extra_args or []
    result = subprocess.run(args, capture_output=True, text=True, env=environment, cwd=project)
    return BuildResult(result.returncode, result.stdout + result.stderr, out)


def build_variants(root: Path, out: Path, envs: dict[str, dict]) -> dict[str, BuildResult]:
    """Strict builds of ``root``, one per name, each with its environment; every one must succeed."""
    results = {name: build(root, out / name, strict=True, env=env) for name, env in envs.items()}
    for name, result in results.items():
        assert result.returncode == 0, f"{name}: {result.output}"
    return results


def make_project(root: Path, files: dict[str, str], *, with_sample: bool = False) -> Path:
    """A project with the repository's engine and the given content files (path -> text).

    With ``with_sample``, the repository's sample content is copied first and ``files`` added or
    replaced on top of it.
    """
    root.mkdir(parents=True, exist_ok=True)
    for name in ENGINE_FILES:
        source = REPO / name
        target = root / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    if with_sample:
        shutil.copytree(REPO / "events", root / "events", dirs_exist_ok=True)
        shutil.copytree(REPO / "docs", root / "docs", dirs_exist_ok=True)
    (root / "events").mkdir(exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    if not (root / "docs" / "index.md").exists():
        (root / "docs" / "index.md").write_text("---\ntitle: Accueil\n---\n\nSite de test.\n", "utf-8")
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def note(front_matter: str, body: str = "Le fait.") -> str:
    """A Markdown file from front-matter lines and a body."""
    return f"---\n{front_matter.strip()}\n---\n{body}\n"


MINIMAL_REGISTRY = {
    "docs/pays/japon.md": note("title: Japon\naliases: [Nippon]", "Archipel d’Asie orientale."),
    "docs/pays/coree-du-sud.md": note("title: Corée du Sud", "République de Corée."),
    "docs/organisations/otan.md": note(
        "title: Organisation du traité de l'Atlantique nord\nabbr: Otan\naliases: [OTAN]",
        "Alliance militaire fondée en 1949.",
    ),
    "docs/personnalites/fumio-kishida.md": note("title: Fumio Kishida", "Premier ministre du Japon (2021-2024)."),
    "docs/themes/defense.md": note("title: Défense", "Questions de défense."),
}
"""A small registry for synthetic projects."""
