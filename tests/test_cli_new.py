"""``python -m briefing new``: the right file, a filled front matter that passes the check, no overwriting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_check import run_check

from briefing.cli.new import slug
from briefing.load.frontmatter import parse
from support import MINIMAL_REGISTRY, build, make_project


def run_new(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefing", "new", *args], cwd=project, capture_output=True,
                          text=True)


@pytest.mark.parametrize(("title", "expected"), [
    ("Sommet de l’Otan à Vilnius", "sommet-de-l-otan-a-vilnius"),
    ("Corée du Sud – États-Unis : « IP4* » 2e jour", "coree-du-sud-etats-unis-ip4-2e-jour"),
    ("Œuvre   naïve -- à Hô Chi Minh-Ville", "oeuvre-naive-a-ho-chi-minh-ville"),
])
def test_slug_is_ascii_with_single_hyphens(title, expected):
    assert slug(title) == expected


def test_new_event_letter_and_entry(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    event = run_new(project, "event", "--date", "2024-10-01", "--title", "Ishiba devient Premier ministre",
                    "--country", "Japon", "--topic", "Défense")
    assert event.returncode == 0, event.stderr
    event_path = "events/2024/2024-10-01-ishiba-devient-premier-ministre.md"
    assert event.stdout.strip() == event_path
    meta = parse((project / event_path).read_text("utf-8")).meta
    assert meta["date"] == "2024-10-01" and meta["title"] == "Ishiba devient Premier ministre"
    assert meta["countries"] == ["Japon"] and meta["topics"] == ["Défense"] and meta["confidential"] is False

    letter = run_new(project, "letter", "--number", "188", "--issue", "2024-07&08", "--zones", "Japon", "Otan",
                     "--title", "Vers une alliance élargie")
    assert letter.returncode == 0, letter.stderr
    assert letter.stdout.strip() == "docs/lettres/188-vers-une-alliance-elargie.md"
    letter_doc = parse((project / letter.stdout.strip()).read_text("utf-8"))
    assert letter_doc.meta == {"number": 188, "issue": "2024-07&08", "zones": ["Japon", "Otan"],
                               "title": "Vers une alliance élargie", "facts": [], "see_also": []}
    assert "<!-- more -->" in letter_doc.body

    entry = run_new(project, "entry", "--kind", "organisations", "--title", "Partenaires de l’Indo-Pacifique",
                    "--abbr", "IP4", "--alias", "Indo-Pacific Four", "--article", "les")
    assert entry.returncode == 0, entry.stderr
    assert entry.stdout.strip() == "docs/organisations/partenaires-de-l-indo-pacifique.md"
    assert parse((project / entry.stdout.strip()).read_text("utf-8")).meta == {
        "title": "Partenaires de l’Indo-Pacifique", "article": "les", "aliases": ["Indo-Pacific Four"],
        "abbr": "IP4"}

    checked = run_check(project)
    assert checked.returncode == 0, checked.stdout
    site = build(project, tmp_path / "site", strict=True)
    assert site.returncode == 0, site.output
    assert site.text("evenements/2024-10-01-ishiba-devient-premier-ministre/").startswith(
        "Ishiba devient Premier ministre")


def test_new_refuses_to_overwrite(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    args = ("event", "--date", "2023-08", "--title", "Sommet")
    assert run_new(project, *args).returncode == 0
    target = project / "events/2023/2023-08-sommet.md"
    target.write_text(target.read_text("utf-8") + "Mon texte.\n", "utf-8")
    again = run_new(project, *args)
    assert again.returncode == 1
    assert "events/2023/2023-08-sommet.md already exists" in again.stderr
    assert target.read_text("utf-8").endswith("Mon texte.\n")

    (project / "events/2022").mkdir()
    (project / "events/2022/2023-08-sommet.md").write_text("---\ndate: 2023-08\ntitle: x\n---\n", "utf-8")
    moved = project / "events/2023/2023-08-sommet.md"
    moved.unlink()
    clash = run_new(project, *args)
    assert clash.returncode == 1 and "already used by events/2022/2023-08-sommet.md" in clash.stderr
    assert not moved.exists()

    entry = ("entry", "--kind", "pays", "--title", "Japon")
    refused = run_new(project, *entry)
    assert refused.returncode == 1 and "docs/pays/japon.md already exists" in refused.stderr


def test_new_refuses_a_used_letter_number_and_bad_values(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    first = ("letter", "--number", "5", "--issue", "2024-01", "--zones", "Japon", "--title")
    assert run_new(project, *first, "Premier titre").returncode == 0
    second = run_new(project, *first, "Autre titre")
    assert second.returncode == 1
    assert "letter number 5 is already used by docs/lettres/5-premier-titre.md" in second.stderr
    bad_date = run_new(project, "event", "--date", "2024-13-01", "--title", "x")
    assert bad_date.returncode == 2 and "has no month 13" in bad_date.stderr
    bad_issue = run_new(project, "letter", "--number", "6", "--issue", "2024-08&07", "--zones", "Japon", "--title", "y")
    assert bad_issue.returncode == 2 and "must follow the first" in bad_issue.stderr
    assert sorted(p.name for p in (project / "docs/lettres").iterdir()) == ["5-premier-titre.md"]


def test_new_event_takes_its_fact_line_and_the_build_prints_it(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    fact = "à Tokyo,  Fumio Kishida reçoit : le secrétaire général de l’Otan."
    made = run_new(project, "event", "--date", "2023-01-31", "--title", "Visite à Tokyo", "--fact", fact,
                   "--country", "Japon")
    assert made.returncode == 0, made.stderr
    path = project / made.stdout.strip()
    assert parse(path.read_text("utf-8")).meta["fact"] == " ".join(fact.split())
    plain = run_new(project, "event", "--date", "2023-02-01", "--title", "Sans phrase")  # no terminal: not asked
    assert plain.returncode == 0 and "fact" not in parse((project / plain.stdout.strip()).read_text("utf-8")).meta
    result = build(project, tmp_path / "site", strict=True)
    assert result.returncode == 0, result.output
    assert "31 janvier 2023 : à Tokyo, Fumio Kishida reçoit : le secrétaire général de l’Otan." in result.text(
        "chronologie/2023/")
