"""``python -m briefing check`` on a table of bad inputs: the line it prints, and whether it fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import MINIMAL_REGISTRY, build, make_project, note

EVENT = "events/2023/2023-01-31-kishida-otan.md"
LETTER = "docs/lettres/10-alliances.md"
VALID = {
    **MINIMAL_REGISTRY,
    EVENT: note(
        "date: 2023-01-31\ntitle: Visite\ncountries: [Japon, Corée du Sud]\npeople: [Fumio Kishida]\n"
        "topics: [Défense]\nsources:\n  - {title: Communiqué, url: 'https://www.mofa.go.jp/'}",
        "Le secrétaire général de l’Otan* rencontre Fumio Kishida.",
    ),
    LETTER: note("number: 10\nissue: 2024-05\nzones: [Japon]\ntitle: Alliances\nfacts: [2023-01-31-kishida-otan]",
                 "Chapeau.\n\n<!-- more -->\n\nAnalyse."),
}


def run_check(project: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "BRIEFING_EDITION")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "briefing", "check"], cwd=project, capture_output=True,
                          text=True, env=environment)


def _event(front_matter: str, body: str = "Le fait.") -> str:
    return note(f"date: 2023-02-01\ntitle: Autre fait\n{front_matter}", body)


OTHER = "events/2023/2023-02-01-autre.md"
CASES = {
    "unknown glossary term": (
        {OTHER: _event("", "Ligne un.\n\nLe IP5* se réunit.")},
        1, f'{OTHER}:7: body: the glossary has no term "IP5"',
    ),
    "starred name without abbr": (
        {OTHER: _event("", "Le Japon* vote.")},
        1, f'{OTHER}:5: body: "Japon*" marks a glossary term, but its registry entry pays/japon.md has no abbr',
    ),
    "name differing by accents": (
        {OTHER: _event("countries: [Japon, Coree du Sud]")},
        1, f'{OTHER}:4: countries/1: unknown country "Coree du Sud", did you mean "Corée du Sud"? '
           "(only the accents differ; registry entry pays/coree-du-sud.md)",
    ),
    "name with a typo": (
        {OTHER: _event("people: [Fumio Kishyda]")},
        1, f'{OTHER}:4: people/0: unknown person "Fumio Kishyda", did you mean "Fumio Kishida"? '
           "(the spelling differs slightly; registry entry personnalites/fumio-kishida.md)",
    ),
    "name differing by case only is fine": ({OTHER: _event("countries: [japon, CORÉE DU SUD]")}, 0, None),
    "duplicate related id": (
        {OTHER: _event("related:\n  - 2023-01-31-kishida-otan\n  - 2023-01-31-kishida-otan")},
        1, f'{OTHER}:6: related/1: "2023-01-31-kishida-otan" is listed twice (already at related/0); keep it once',
    ),
    "duplicate fact": (
        {LETTER: VALID[LETTER].replace("facts: [2023-01-31-kishida-otan]",
                                       "facts: [2023-01-31-kishida-otan, 2023-01-31-kishida-otan]")},
        1, f'{LETTER}:6: facts/1: "2023-01-31-kishida-otan" is listed twice (already at facts/0); keep it once',
    ),
    "duplicate see_also": (
        {"docs/lettres/11-suite.md": note("number: 11\nissue: 2024-06\nzones: [Japon]\ntitle: Suite\n"
                                          "see_also:\n  - 10\n  - 10")},
        1, "docs/lettres/11-suite.md:8: see_also/1: 10 is listed twice (already at see_also/0); keep it once",
    ),
    "letter number going back in time": (
        {"docs/lettres/11-retour.md": note("number: 11\nissue: 2023-12\nzones: [Japon]\ntitle: Retour")},
        1, "docs/lettres/11-retour.md:3: issue: letter 11 (issue 2023-12) is dated before letter 10 (issue 2024-05)",
    ),
    "source without title": (
        {OTHER: _event("sources:\n  - url: https://example.org/a")},
        1, f"{OTHER}:5: sources/0/title: a source needs a title",
    ),
    "source with a blank title": (
        {OTHER: _event("sources:\n  - {title: ' ', url: 'https://example.org/a'}")},
        1, f"{OTHER}:5: sources/0/title: a source needs a title",
    ),
    "source URL without scheme": (
        {OTHER: _event("sources:\n  - {title: Article, url: www.example.org/a}")},
        1, f"{OTHER}:5: sources/0/url: 'www.example.org/a' is not a web address; write it in full",
    ),
    "source URL without domain": (
        {OTHER: _event("sources:\n  - {title: Article, url: 'https://exemple/a'}")},
        1, f'{OTHER}:5: sources/0/url: "https://exemple/a" has no domain',
    ),
    "source URL with a bad port": (
        {OTHER: _event("sources:\n  - {title: Article, url: 'https://example.org:99999/a'}")},
        1, f'{OTHER}:5: sources/0/url: "https://example.org:99999/a" cannot be read',
    ),
    "event footnote cited before <!-- more --> but defined after": (
        {OTHER: _event("", "Le fait[^1].\n\n<!-- more -->\n\nLa suite.\n\n[^1]: Source.")},
        1, f"{OTHER}:5: body: the text before '<!-- more -->' cites the footnote [^1], defined after it",
    ),
    "mistyped more line in an event": (
        {OTHER: _event("", "Le fait.\n\n<!-- mor -->\n\nLa suite réservée.")},
        1, f"{OTHER}:7: body: this line looks like a mistyped '<!-- more -->'",
    ),
    "long fact line is a notice": (
        {OTHER: _event("fact: " + "un fait qui n’en finit pas, " * 7 + "fin.")},
        0, f"{OTHER}:4: fact: the fact line has 200 characters and chronologies show the first 160",
    ),
    "empty fact line": (
        {OTHER: _event("fact: ''")},
        1, f"{OTHER}:4: fact:",
    ),
    "registry entry nobody uses is a notice": (
        {"docs/themes/inutile.md": note("title: Inutile")},
        0, "docs/themes/inutile.md: no note or letter names this entry",
    ),
    "two entries claiming one alias": (
        {"docs/pays/nippon.md": note("title: Empire du Japon\naliases: [Nippon]")},
        1, 'docs/pays/nippon.md: aliases: the name "nippon" is also claimed by pays/japon.md',
    ),
    "two entries differing only by accents": (
        {"docs/pays/coree.md": note("title: Coree du Sud")},
        1, 'docs/pays/coree.md: the name "Coree du Sud" differs from "Corée du Sud" (pays/coree-du-sud.md) only by '
           "accents",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_check_reports(name, tmp_path):
    files, returncode, expected = CASES[name]
    project = make_project(tmp_path / "project", {**VALID, **files})
    result = run_check(project)
    assert result.returncode == returncode, result.stdout + result.stderr
    if expected is None:
        assert result.stdout == ""
    else:
        assert any(line.startswith(expected) for line in result.stdout.splitlines()), result.stdout


def test_valid_project_passes(tmp_path):
    result = run_check(make_project(tmp_path / "project", VALID))
    assert (result.returncode, result.stdout) == (0, "")
    assert "all good" in result.stderr


def test_sample_content_passes():
    result = run_check(Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stdout


def test_github_annotations(tmp_path):
    project = make_project(tmp_path / "project", {**VALID, OTHER: _event("", "Le IP5* se réunit.")})
    plain = run_check(project)
    annotated = run_check(project, {"GITHUB_ACTIONS": "true"})
    assert "::" not in plain.stdout
    assert f"::warning file={OTHER},line=5::{OTHER}:5: body: the glossary has no term" in annotated.stdout


def test_check_prints_the_build_lines(tmp_path):
    """The build reports the same lines (new checks included), and --strict fails on them."""
    files = {
        **VALID,
        OTHER: _event("countries: [Jappon]\nrelated: [2023-01-31-kishida-otan]", "Le IP5* se réunit."),
        "docs/lettres/11-retour.md": note("number: 11\nissue: 2023-12\nzones: [Japon]\ntitle: Retour"),
        "docs/themes/inutile.md": note("title: Inutile"),
    }
    project = make_project(tmp_path / "project", files)
    lines = run_check(project).stdout.splitlines()
    assert len(lines) >= 3
    result = build(project, tmp_path / "site", strict=True)
    assert result.returncode != 0
    for line in lines:
        assert line in result.output


def test_config_with_engine_tags_and_custom_folders(tmp_path):
    """mkdocs.yml is read with its !ENV and !!python tags; docs_dir and extra.briefing.events_dir are honoured."""
    project = make_project(tmp_path / "project", {})
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = config.replace("docs_dir: docs", "docs_dir: contenu").replace(
        "  briefing:\n", "  briefing:\n    events_dir: notes\n", 1
    ) + (
        "\nmarkdown_extensions_extra:\n  emoji: !!python/name:material.extensions.emoji.to_svg\n"
        "  slug: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        "copyright: !ENV [COPYRIGHT_HOLDER, 'Asie21']\n"
    )
    (project / "mkdocs.yml").write_text(config, "utf-8")
    (project / "docs").rename(project / "contenu")
    for relative, text in {**VALID, OTHER: _event("countries: [Jappon]")}.items():
        target = project / relative.replace("docs/", "contenu/", 1).replace("events/", "notes/", 1)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert result.stdout.startswith('notes/2023/2023-02-01-autre.md:4: countries/0: unknown country "Jappon"')
