"""Fact lines on built output, both editions: FAITS, chronologies, feeds, calendars and JSON print the
note's ``fact:`` after the date, in the letter's lower-case style; the event page starts with a capital."""

from __future__ import annotations

import json

import feedparser
import pytest
from icalendar import Calendar

from briefing.load.frontmatter import parse
from briefing.structure import FACT_LINE_CHARS
from support import MINIMAL_REGISTRY, REPO, build, make_project, note

NB = "\u00a0"
FACT = "première visite d’un secrétaire général de l’Otan au Japon depuis 2017."
FILES = {
    **MINIMAL_REGISTRY,
    "events/2023/2023-01-31-visite-tokyo.md": note(
        f"date: 2023-01-31\ntitle: Jens Stoltenberg à Tokyo\nfact: {FACT}\ncountries: [Japon]\n"
        "organizations: [Otan]",
        "reçu par Fumio Kishida, le secrétaire général signe une déclaration conjointe[^1].\n\n"
        "Le texte lie la sécurité des deux régions.\n\n[^1]: Communiqué du 31 janvier 2023.",
    ),
    "events/2023/2023-03-sans-phrase.md": note(
        "date: 2023-03\ntitle: Un fait sans phrase\ncountries: [Japon]",
        "Un texte de note qui tient lieu de fait.",
    ),
    "docs/lettres/3-une-lettre.md": note(
        "number: 3\nissue: 2023-04\nzones: [Japon]\ntitle: Une lettre\n"
        "facts: [2023-01-31-visite-tokyo, 2023-03-sans-phrase]",
        "Le chapeau.\n\n<!-- more -->\n\nL’analyse.",
    ),
}


@pytest.fixture(scope="module", params=["public", "full"])
def site(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"facts-{request.param}")
    result = build(make_project(root / "project", FILES), root / "site", strict=True,
                   env={"BRIEFING_EDITION": request.param})
    assert result.returncode == 0, result.output
    return result


def test_faits_print_the_fact_line_or_else_the_text(site):
    facts = [" ".join(p.text_content().split()) for p in site.page("lettres/3-une-lettre/").xpath(
        "//h2[@id='faits']/following-sibling::p")]
    assert f"31 janvier 2023 : {FACT}" in facts
    assert "mars 2023 : Un texte de note qui tient lieu de fait." in facts


def test_chronology_entries_print_the_fact_line(site):
    entries = [" ".join(e.text_content().split())
               for e in site.page("chronologie/2023/").xpath("//li[contains(@class,'briefing-entry')]")]
    assert any(e.startswith(f"31 janvier 2023 : {FACT}") for e in entries), entries
    assert any(e.startswith("mars 2023 : Un texte de note qui tient lieu de fait.") for e in entries), entries


def test_event_page_shows_title_date_and_whole_text_capitalised(site):
    page = site.page("evenements/2023-01-31-visite-tokyo/")
    assert page.xpath("//article//h1")[0].text_content().strip("¶ ") == "Jens Stoltenberg à Tokyo"
    paragraphs = [" ".join(p.text_content().split()) for p in page.xpath("//article/p")]
    assert paragraphs[0] == "31 janvier 2023"
    assert paragraphs[1].startswith("Reçu par Fumio Kishida, le secrétaire général")  # capitalised here
    assert "Le texte lie la sécurité des deux régions." in paragraphs
    source = (site.site.parent / "project/events/2023/2023-01-31-visite-tokyo.md").read_text("utf-8")
    assert "\nreçu par Fumio Kishida" in source  # the note itself keeps the letter's lower case


def test_feeds_calendars_and_json_print_the_fact_after_the_date(site):
    feed = feedparser.parse((site.site / "flux/evenements.xml").read_bytes())
    entry = next(e for e in feed.entries if "visite-tokyo" in e.id)
    assert entry.title == f"31 janvier 2023{NB}: Jens Stoltenberg à Tokyo"  # French typography
    assert entry.summary == f"31 janvier 2023{NB}: {FACT}"
    assert entry.content[0].value.startswith(f"31 janvier 2023{NB}: {FACT}\n\nReçu par Fumio Kishida")
    calendar = Calendar.from_ical((site.site / "flux/evenements.ics").read_bytes())
    event = next(c for c in calendar.walk("VEVENT") if "visite-tokyo" in str(c.get("UID")))
    assert str(event.get("DESCRIPTION")).startswith(f"31 janvier 2023{NB}: {FACT}\n")
    data = json.loads((site.site / "donnees/evenements.json").read_text("utf-8"))["events"]
    assert {e["id"]: e["fact"] for e in data} == {"2023-01-31-visite-tokyo": FACT, "2023-03-sans-phrase": None}
    assert data[0]["text"].startswith("Reçu par Fumio Kishida")


def test_every_sample_note_has_a_short_fact_line():
    for path in sorted((REPO / "events").rglob("*.md")):
        fact = parse(path.read_text("utf-8")).meta.get("fact")
        assert fact and fact.endswith(".") and len(fact) <= FACT_LINE_CHARS, path  # shown whole in chronologies
        assert fact[0].islower() or fact.split()[0][0].isupper(), path  # lower case unless a name opens it
