"""A successful ``mkdocs build`` ends without the interpreter's teardown (hooks/speedups/briefing_quick_exit.py),
its exit handlers run and its output complete; a failed build exits as MkDocs makes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import MINIMAL_REGISTRY, build, make_project, note

PROBE_HOOK = '''
import atexit, os


class Teardown:
    """Says so if the interpreter frees it: a normal exit's teardown."""

    def __del__(self, write=os.write):  # at teardown, module globals may be gone already
        write(2, b"PROBE torn down\\n")


KEPT = Teardown()


def on_startup(command, dirty):
    atexit.register(lambda: open(os.environ["PROBE_FILE"], "w").write("exit handler ran\\n"))
'''
EVENT = note("title: Sommet de l’Otan\ndate: 2024-07-10\norganizations: [Otan]\ncountries: [Japon]",
             "Le Japon participe au sommet.")


@pytest.fixture
def probed(tmp_path) -> Path:
    """A project with a hook that registers an exit handler and keeps an object that reports its teardown."""
    project = make_project(tmp_path / "project", {**MINIMAL_REGISTRY, "events/2024/sommet.md": EVENT,
                                                  "hooks/probe.py": PROBE_HOOK})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("hooks:\n", "hooks:\n  - hooks/probe.py\n", 1), "utf-8")
    return project


def _without_quick_exit(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "  - hooks/speedups/briefing_quick_exit.py\n" in text
    config.write_text(text.replace("  - hooks/speedups/briefing_quick_exit.py\n", ""), "utf-8")


def test_a_built_site_ends_at_once_with_its_exit_handlers_run_and_its_log_complete(probed, tmp_path):
    marker = tmp_path / "exit-handler"
    quick = build(probed, tmp_path / "quick", strict=True, env={"PROBE_FILE": str(marker)})
    assert quick.returncode == 0, quick.output
    assert marker.read_text("utf-8") == "exit handler ran\n"
    assert "Documentation built in" in quick.output.splitlines()[-1]  # the last line, flushed
    assert "PROBE torn down" not in quick.output  # no teardown
    assert (quick.site / "evenements").is_dir() and (quick.site / "sitemap.xml").is_file()

    marker.unlink()
    _without_quick_exit(probed)
    usual = build(probed, tmp_path / "usual", strict=True, env={"PROBE_FILE": str(marker)})
    assert usual.returncode == 0, usual.output
    assert marker.read_text("utf-8") == "exit handler ran\n"
    assert "PROBE torn down" in usual.output  # what the quick exit skips
    files = sorted(p.relative_to(usual.site) for p in usual.site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(quick.site) for p in quick.site.rglob("*") if p.is_file())


def test_a_failed_build_exits_as_mkdocs_makes_it(probed, tmp_path):
    marker = tmp_path / "exit-handler"
    (probed / "docs" / "index.md").write_text("---\ntitle: Accueil\n---\n\n[Perdu](absente.md)\n", "utf-8")
    failed = build(probed, tmp_path / "site", strict=True, env={"PROBE_FILE": str(marker)})
    assert failed.returncode == 1
    assert "Aborted with 1 warnings in strict mode!" in failed.output, failed.output
    assert marker.read_text("utf-8") == "exit handler ran\n"
    assert "PROBE torn down" in failed.output  # the usual exit
