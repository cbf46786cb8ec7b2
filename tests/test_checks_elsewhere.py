"""The cross-document checks (template text, glossary marks, sources, letter order, look-alike and unused
entries, fact lines) run in the exports' process while MkDocs goes on (``briefing_hooks``: the build's
serial part is shorter by their time). What a contributor sees must not change: the same lines as
``python -m briefing check`` (which runs them in its own process, in line), in the same order and
before any page's message, ``--strict`` failing on them, and reported even when the build fails
before the navigation exists."""

from __future__ import annotations

import re
from pathlib import Path

from test_cli_check import run_check

from briefing.cli.check import check
from briefing.diagnostics import Severity
from briefing.edition.editions import Edition
from briefing.pipeline import run
from briefing.project import load_settings
from support import MINIMAL_REGISTRY, build, make_project, note

EVENT = "events/2023/2023-01-31-kishida-otan.md"
MISTAKES = {
    **MINIMAL_REGISTRY,
    EVENT: note(
        "date: 2023-01-31\ntitle: Visite\ncountries: [Japon, Corée du Sud]\npeople: [Fumio Kishida]\n"
        "sources:\n  - {title: ' ', url: 'https://localhost/communique'}",
        "Le secrétaire général de l’Otan* rencontre Fumio Kishida ; le IP5* et le Japon* aussi.",
    ),
    "events/2023/2023-02-01-modele.md": note(
        "date: 2023-02-01\ntitle: …\nfact: TODO\ncountries: [Japon]",
        "Le fait, en un à trois paragraphes : qui, quoi, où, et pourquoi cela compte.",
    ),
    "events/2023/2023-02-02-long.md": note(
        "date: 2023-02-02\ntitle: Un fait long\ncountries: [Japon]\nfact: "
        + "Une ligne de fait bien trop longue, " * 6,
    ),
    "events/2023/2023-02-03-refusee.md": note("date: 2023-02-03\ntitle: Refusée\ncountries: [Jappon]"),
    "docs/lettres/10-alliances.md": note(
        "number: 10\nissue: 2024-05\nzones: [Japon]\ntitle: Alliances\nfacts: [2023-01-31-kishida-otan]",
        "Le chapeau : l’essentiel de la lettre en quelques phrases.\n\nVoir [la page absente](../absente.md)."
        "\n\n<!-- more -->\n\nL’analyse.",
    ),
    "docs/lettres/11-retour.md": note("number: 11\nissue: 2023-12\nzones: [Japon]\ntitle: Retour"),
    "docs/pays/coree.md": note("title: Coree du Sud", "Première phrase : la définition reprise dans le glossaire."),
    "docs/themes/inutile.md": note("title: Inutile"),
}
"""One finding of every check, a rejected note (a load error) and a page whose link MkDocs reports."""

FAILING_HOOK = '''from mkdocs.exceptions import PluginError


def on_files(files, config):
    raise PluginError("a hook fails before the navigation")
'''


def _briefing_lines(output: str) -> list[str]:
    """The build's diagnostics, as ``check`` prints them (MkDocs' level and the logger's name cut)."""
    return [line.split("briefing: ", 1)[1] for line in output.splitlines() if " -  briefing: " in line]


def test_the_build_reports_the_checks_as_check_does(tmp_path):
    project = make_project(tmp_path / "project", MISTAKES)
    expected = run_check(project).stdout.splitlines()
    assert len(expected) >= 12, expected  # every check found something
    strict = build(project, tmp_path / "strict", strict=True)
    assert strict.returncode == 1
    assert "Aborted with" in strict.output
    lines = _briefing_lines(strict.output)
    assert lines[:len(expected)] == expected  # the same lines, in the same order, once each
    assert len(lines) == len(expected) + 1  # then only the summary
    first_page_message = next(i for i, line in enumerate(strict.output.splitlines()) if "absente.md" in line)
    last_finding = max(i for i, line in enumerate(strict.output.splitlines()) if " -  briefing: " in line
                       and line.split("briefing: ", 1)[1] in expected)
    assert last_finding < first_page_message  # before any page is built
    plain = build(project, tmp_path / "plain")
    assert plain.returncode == 0, plain.output
    assert _briefing_lines(plain.output) == lines


def test_the_summary_counts_the_checks_findings(tmp_path):
    project = make_project(tmp_path / "project", MISTAKES)
    problems = [d for d in check(project / "mkdocs.yml") if d.severity is not Severity.NOTICE]
    result = build(project, tmp_path / "site")
    assert re.search(rf"; {len(problems)} probl", _briefing_lines(result.output)[-1])


def test_a_build_that_fails_before_the_navigation_still_reports_every_finding(tmp_path):
    project = make_project(tmp_path / "project", {**MISTAKES, "hooks/fail_on_files.py": FAILING_HOOK})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "hooks:\n", "hooks:\n  - hooks/fail_on_files.py\n", 1), "utf-8")
    expected = run_check(project).stdout.splitlines()
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "a hook fails before the navigation" in result.output
    assert _briefing_lines(result.output) == expected
    assert not list(Path(tmp_path / "site").glob("flux/*.xml"))  # the exports' process wrote nothing


def test_the_checks_left_for_later_are_the_checks_run_in_line(tmp_path):
    """``run(check_later=True)`` leaves out exactly what ``Build.checks`` finds, and nothing else."""
    project = make_project(tmp_path / "project", MISTAKES)
    settings = load_settings(project / "mkdocs.yml", Edition.PUBLIC)
    whole = run(settings)
    later = run(settings, check_later=True)
    assert whole.checked and not later.checked
    found = later.checks()
    assert found and not set(found) & set(later.diagnostics)
    later.add_checks(found)
    assert later.checked and later.diagnostics == whole.diagnostics
    later.add_checks(found)  # once only
    assert later.diagnostics == whole.diagnostics
    assert later.summary() == whole.summary()
