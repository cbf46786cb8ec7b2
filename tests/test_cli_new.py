"""``python -m briefing new``: the right file, a filled front matter that passes the check, no overwriting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_check import run_check

from briefing.cli.new import short_slug, slug
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


@pytest.mark.parametrize(("title", "expected"), [
    ("Shigeru Ishiba devient Premier ministre", "shigeru-ishiba-devient"),
    ("Sommet de l’Otan à Vilnius", "sommet-otan-vilnius"),
    ("Le Japon et la Corée du Sud", "japon-coree-sud"),
    ("De la", "de-la"),
])
def test_an_event_id_keeps_three_words_of_its_title(title, expected):
    assert short_slug(title) == expected


def _replace_templates(path: Path, text: str) -> None:
    """What the contributor does next: their own text instead of the template's."""
    front = path.read_text("utf-8").split("\n---\n", 1)[0]
    path.write_text(f"{front}\n---\n{text}\n", "utf-8")


def test_new_event_letter_and_entry(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    event = run_new(project, "event", "--date", "2024-10-01", "--title", "Ishiba devient Premier ministre",
                    "--country", "Japon", "--topic", "Défense", "--person", "fumio kishida", "--confidential")
    assert event.returncode == 0, event.stderr
    event_path = "events/2024/2024-10-01-ishiba-devient-premier.md"
    lines = event.stdout.splitlines()
    assert lines[0] == event_path
    event_id = "2024-10-01-ishiba-devient-premier"
    assert lines[1] == f"id: {event_id} (cite it in a letter as facts: [{event_id}])"
    assert lines[2].startswith("next: ") and "`python3 tools/dev.py serve`" in lines[2]
    assert f"/evenements/{event_id}/" in lines[2] and "`python3 tools/dev.py check`" in lines[2]
    meta = parse((project / event_path).read_text("utf-8")).meta
    assert meta["date"] == "2024-10-01" and meta["title"] == "Ishiba devient Premier ministre"
    assert meta["countries"] == ["Japon"] and meta["topics"] == ["Défense"] and meta["confidential"] is True
    assert meta["people"] == ["fumio kishida"]  # names match ignoring case, as in the build

    letter = run_new(project, "letter", "--number", "188", "--issue", "2024-07&08", "--zones", "Japon", "Otan",
                     "--title", "Vers une alliance élargie", "--facts", "2024-10-01-ishiba-devient-premier",
                     "--authors", "Claire Vasseur", "Paul Martin")
    assert letter.returncode == 0, letter.stderr
    assert letter.stdout.splitlines()[0] == "docs/lettres/188-vers-une-alliance-elargie.md"
    assert "/lettres/188-vers-une-alliance-elargie/" in letter.stdout.splitlines()[1]
    letter_doc = parse((project / letter.stdout.splitlines()[0]).read_text("utf-8"))
    assert letter_doc.meta == {"number": 188, "issue": "2024-07&08", "zones": ["Japon", "Otan"],
                               "title": "Vers une alliance élargie", "facts": ["2024-10-01-ishiba-devient-premier"],
                               "see_also": [], "authors": ["Claire Vasseur", "Paul Martin"]}
    assert "<!-- more -->" in letter_doc.body

    entry = run_new(project, "entry", "--kind", "organisations", "--title", "Partenaires de l’Indo-Pacifique",
                    "--abbr", "IP4", "--alias", "Indo-Pacific Four", "--article", "les")
    assert entry.returncode == 0, entry.stderr
    assert entry.stdout.splitlines()[0] == "docs/organisations/partenaires-de-l-indo-pacifique.md"
    assert parse((project / entry.stdout.splitlines()[0]).read_text("utf-8")).meta == {
        "title": "Partenaires de l’Indo-Pacifique", "article": "les", "aliases": ["Indo-Pacific Four"],
        "abbr": "IP4"}

    template_left = run_check(project)  # the templates' sentences are still there: each one warns
    assert template_left.returncode == 1
    assert template_left.stdout.count("the template's text") == 5, template_left.stdout
    _replace_templates(project / event_path, "Le Parlement élit Shigeru Ishiba.")
    _replace_templates(project / "docs/lettres/188-vers-une-alliance-elargie.md",
                       "Une alliance à trois.\n\n<!-- more -->\n\nL’IP4* compte.")
    _replace_templates(project / "docs/organisations/partenaires-de-l-indo-pacifique.md", "Quatre partenaires.")
    checked = run_check(project)
    assert checked.returncode == 0, checked.stdout
    site = build(project, tmp_path / "site", strict=True, env={"BRIEFING_EDITION": "full"})
    assert site.returncode == 0, site.output
    assert site.text("evenements/2024-10-01-ishiba-devient-premier/").startswith("Ishiba devient Premier ministre")
    public = build(project, tmp_path / "public", strict=True)
    assert not (public.site / "evenements" / "2024-10-01-ishiba-devient-premier").exists()  # confidential


def test_new_refuses_names_dates_and_facts_the_build_would_refuse(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    refused = run_new(project, "event", "--date", "15/10/2024", "--title", "Un fait", "--country", "Jappon",
                      "--country", "Corée du Sud", "--topic", "Japon")
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        "error: --date: '15/10/2024' is not a date; write 2024-10-15",
        'error: --country: unknown country "Jappon", did you mean "Japon"? '
        "(the spelling differs slightly; registry entry pays/japon.md)",
        'error: --topic: "Japon" is a registry country (pays/japon.md), not a topic; list it under countries',
        "nothing was written",
    ]
    assert not (project / "events" / "2024").exists()
    letter = run_new(project, "letter", "--number", "9", "--issue", "octobre 2024", "--zones", "Coree du Sud",
                     "--title", "T", "--facts", "2024-10-01-ishiba", "--see-also", "4")
    assert letter.returncode == 1
    assert letter.stderr.splitlines() == [
        "error: --issue: 'octobre 2024' is not an issue; write 2024-10",
        'error: --zones: unknown zone "Coree du Sud", did you mean "Corée du Sud"? '
        "(only the accents differ; registry entry pays/coree-du-sud.md)",
        'error: --facts: unknown event id "2024-10-01-ishiba"',
        'error: --see-also: unknown letter number "4"',
        "nothing was written",
    ]
    entry = run_new(project, "entry", "--kind", "pays", "--title", "Nippon")
    assert entry.returncode == 1 and 'the name "Nippon" is already claimed by pays/japon.md' in entry.stderr


def test_new_speaks_the_sites_language(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_LANGUAGE"}
    refused = subprocess.run([sys.executable, "-m", "briefing", "new", "event", "--date", "1er octobre 2024",
                              "--title", "x", "--country", "Jappon"], cwd=project, capture_output=True, text=True,
                             env=env)
    assert refused.stderr.splitlines() == [
        "erreur : --date: '1er octobre 2024' n’est pas une date ; écrivez 2024-10-01",
        "erreur : --country: pays « Jappon » introuvable dans le registre, vouliez-vous dire « Japon » ? "
        "(l’orthographe diffère légèrement ; fiche pays/japon.md)",
        "aucun fichier n’a été écrit",
    ]
    helped = subprocess.run([sys.executable, "-m", "briefing", "new", "event", "--help"], cwd=project,
                            capture_output=True, text=True, env=env)
    assert helped.stdout.startswith("usage : python -m briefing new event")
    assert "réservée aux abonnés : absente de l’édition publique" in helped.stdout
    assert "affiche cette aide et quitte" in helped.stdout


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
    assert refused.returncode == 1 and "already claimed by pays/japon.md" in refused.stderr


def test_new_refuses_a_used_letter_number_and_bad_values(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    first = ("letter", "--number", "5", "--issue", "2024-01", "--zones", "Japon", "--title")
    assert run_new(project, *first, "Premier titre").returncode == 0
    second = run_new(project, *first, "Autre titre")
    assert second.returncode == 1
    assert "letter number 5 is already used by docs/lettres/5-premier-titre.md" in second.stderr
    bad_date = run_new(project, "event", "--date", "2024-13-01", "--title", "x")
    assert bad_date.returncode == 1 and "has no month 13" in bad_date.stderr
    bad_issue = run_new(project, "letter", "--number", "6", "--issue", "2024-08&07", "--zones", "Japon", "--title", "y")
    assert bad_issue.returncode == 1 and "must follow the first" in bad_issue.stderr
    assert sorted(p.name for p in (project / "docs/lettres").iterdir()) == ["5-premier-titre.md"]


def test_new_event_takes_its_fact_line_and_the_build_prints_it(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    fact = "à Tokyo,  Fumio Kishida reçoit : le secrétaire général de l’Otan."
    made = run_new(project, "event", "--date", "2023-01-31", "--title", "Visite à Tokyo", "--fact", fact,
                   "--country", "Japon")
    assert made.returncode == 0, made.stderr
    path = project / made.stdout.splitlines()[0]
    assert parse(path.read_text("utf-8")).meta["fact"] == " ".join(fact.split())
    plain = run_new(project, "event", "--date", "2023-02-01", "--title", "Sans phrase")  # no terminal: not asked
    plain_path = project / plain.stdout.splitlines()[0]
    assert plain.returncode == 0 and "fact" not in parse(plain_path.read_text("utf-8")).meta
    for written in (path, plain_path):  # the contributor writes the text (the template's would warn)
        _replace_templates(written, "Le texte de la note.")
    result = build(project, tmp_path / "site", strict=True)
    assert result.returncode == 0, result.output
    assert "31 janvier 2023 : à Tokyo, Fumio Kishida reçoit : le secrétaire général de l’Otan." in result.text(
        "chronologie/2023/")
