"""The benchmark's two projects: ours on a synthetic corpus, and bare Material on the same event pages
with the same theme features and Markdown extensions, its navigation kept to one page."""

from __future__ import annotations

import compileall
import shutil
from pathlib import Path

import yaml
from synthetic_corpus import Corpus, write_corpus

import briefing
from briefing.project import read_config

REPO = Path(__file__).resolve().parent.parent.parent
ENGINE_FILES = ["mkdocs.yml", "hooks", "overrides", "docs/assets"]
SHIM = REPO / "docs" / "assets" / "vendor" / "iframe-worker" / "shim.js"  # the project's vendored copy


def make_ours(root: Path, size: int) -> Corpus:
    for name in ENGINE_FILES:
        source, target = REPO / name, root / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    corpus = write_corpus(root, size)
    _add_offline_config(root, "mkdocs.yml")
    _compile_hooks(root)
    return corpus


def _compile_hooks(root: Path) -> None:
    """Bytecode for the project's hooks and the ``briefing`` package, as Python writes it on a user's first
    build and as pip wrote it for MkDocs and Material: under ``PYTHONDONTWRITEBYTECODE`` (set on some
    machines and CI runners) every build would compile our 100 modules again (0.06–0.09 s of CPU before
    the pages, at every N), a cost bare Material's installed packages never pay."""
    for folder in (root / "hooks", Path(briefing.__file__).parent):
        compileall.compile_dir(folder, quiet=1)


def _add_offline_config(root: Path, config: str) -> None:
    """``mkdocs-offline.yml``: the project's own config when it already knows ``OFFLINE``, else
    one that adds Material's offline plugin and the vendored iframe-worker shim."""
    text = (root / config).read_text("utf-8")
    if "offline" in text:
        shutil.copy2(root / config, root / "mkdocs-offline.yml")
        return
    (root / "docs" / "assets" / "vendor").mkdir(parents=True, exist_ok=True)
    shutil.copy2(SHIM, root / "docs" / "assets" / "vendor" / "iframe-worker-shim.js")
    (root / "mkdocs-offline.yml").write_text(
        f"INHERIT: {config}\nplugins:\n  offline:\n    enabled: true\n"
        "extra:\n  polyfills:\n    - assets/vendor/iframe-worker-shim.js\n", "utf-8")


def make_bare(root: Path, ours: Path) -> None:
    """The same event notes as plain Material pages: same theme and search, a one-page nav."""
    config = read_config(ours / "mkdocs.yml")
    bare = {
        "site_name": "Bare Material",
        "site_url": "https://bare.example.org/",
        "theme": {k: v for k, v in config["theme"].items() if k != "custom_dir"},
        "plugins": {"search": config["plugins"]["search"]},
        "markdown_extensions": config.get("markdown_extensions", []),
        "nav": [{"Accueil": "index.md"}],
        "not_in_nav": "/evenements/*\n",
    }
    docs = root / "docs" / "evenements"
    docs.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Accueil\n\nSite de référence.\n", "utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(bare, allow_unicode=True, sort_keys=False), "utf-8")
    for note in sorted((ours / "events").rglob("*.md")):
        _, front, body = note.read_text("utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        names = [n for key in ("countries", "people", "organizations", "topics") for n in meta.get(key) or []]
        (docs / note.name).write_text(
            f"# {meta['title']}\n\n{meta['date']}\n\n{body.strip()}\n\n## Acteurs et thèmes\n\n{', '.join(names)}\n",
            "utf-8")
    _add_offline_config(root, "mkdocs.yml")


