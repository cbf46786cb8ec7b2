"""Editions: the public extract leaks no withheld word, anywhere; the full edition shows everything.

The leak test plants a unique marker in every field of confidential events (and in their ids) and in a
letter's analysis and its footnotes, builds the public edition (online and offline, with its zip), and
searches every byte of every output file for every marker, raw and decoded. The same scan of the full
edition must find each marker, so the scan cannot pass by being blind.
"""

from __future__ import annotations

import json
from pathlib import Path

import leaks
import pytest

from support import MINIMAL_REGISTRY, build, make_project, note


def _marker(field: str, n: int) -> str:
    return f"qzv{field}{n}k"


CONFIDENTIAL = [1, 2, 3]
EVENT_FIELDS = ["slug", "title", "body", "srctitle", "srcpub", "srcurl", "footnote"]
LETTER_FIELDS = ["analysis", "analysisnote"]
EVENT_MARKERS = {n: {f: _marker(f, n) for f in EVENT_FIELDS} for n in CONFIDENTIAL}
LETTER_MARKERS = {f: _marker(f, 9) for f in LETTER_FIELDS}
PARTIAL_FIELDS = ["rest", "restnote", "restterm"]
PARTIAL_MARKERS = {f: _marker(f, 7) for f in PARTIAL_FIELDS}
"""Planted after ``<!-- more -->`` in a public event: its text, a footnote defined there and a word
next to a glossary mark only it makes."""
ALL_MARKERS = ([m for fields in EVENT_MARKERS.values() for m in fields.values()] + list(LETTER_MARKERS.values())
               + list(PARTIAL_MARKERS.values()))


def _event_id(n: int) -> str:
    return f"2024-0{n}-1{n}-{EVENT_MARKERS[n]['slug']}"


def _confidential_event(n: int) -> str:
    m = EVENT_MARKERS[n]
    others = [_event_id(k) for k in CONFIDENTIAL if k != n] + ["2023-01-31-rencontre-publique"]
    front = f"""
date: 2024-0{n}-1{n}
title: Réunion secrète {m['title']} avec l’Otan
countries: [Japon, Corée du Sud]
people: [Fumio Kishida]
organizations: [Otan]
topics: [Défense]
confidential: true
sources:
  - title: Note {m['srctitle']}
    publisher: Agence {m['srcpub']}
    url: https://{m['srcurl']}.example.org/doc
    date: 2024-0{n}-1{n}
related: [{', '.join(others)}]
"""
    body = (
        f"Selon nos informations, le Japon et l’Otan* préparent {m['body']} un accord[^1].\n\n"
        f"[^1]: Entretien {m['footnote']} avec un diplomate."
    )
    return note(front, body)


PUBLIC_EVENT = note(
    """
date: 2023-01-31
title: Rencontre publique à Tokyo
countries: [Japon]
people: [Fumio Kishida]
organizations: [Otan]
related: [2024-01-11-qzvslug1k]
""",
    "Fumio Kishida reçoit le secrétaire général de l’Otan* à Tokyo.",
)

PARTIAL_ID = "2023-02-14-fait-en-partie-reserve"
PARTIAL_EVENT = note(
    """
date: 2023-02-14
title: Un fait en partie réservé
countries: [Japon]
""",
    "début public du fait, cité par une note[^1].\n\n[^1]: Une note publique, définie avant la marque.\n\n"
    "<!-- more -->\n\n"
    f"La suite {PARTIAL_MARKERS['rest']} réservée[^2], avec le terme Otan* "
    f"{PARTIAL_MARKERS['restterm']}.\n\n"
    f"[^2]: Une note {PARTIAL_MARKERS['restnote']} de la suite.\n",
)

LETTER = note(
    f"""
number: 190
issue: 2024-11
zones: [Japon, Otan]
title: Une lettre de test
facts: [{', '.join(_event_id(n) for n in CONFIDENTIAL)}, 2023-01-31-rencontre-publique, {PARTIAL_ID}]
""",
    "Le chapeau public de la lettre[^1].\n\n[^1]: Une note du chapeau, publique.\n\n<!-- more -->\n\n"
    f"L’analyse {LETTER_MARKERS['analysis']} réservée aux abonnés[^2].\n\n"
    f"[^2]: Une note {LETTER_MARKERS['analysisnote']} de l’analyse.\n",
)


def _files() -> dict[str, str]:
    files = dict(MINIMAL_REGISTRY)
    for n in CONFIDENTIAL:
        files[f"events/2024/{_event_id(n)}.md"] = _confidential_event(n)
    files["events/2023/2023-01-31-rencontre-publique.md"] = PUBLIC_EVENT
    files[f"events/2023/{PARTIAL_ID}.md"] = PARTIAL_EVENT
    files["docs/lettres/190-une-lettre-de-test.md"] = LETTER
    return files


# Reading every byte ----------------------------------------------------------------------------

def _scan(folder: Path) -> dict[str, list[str]]:
    """marker -> the files (and file names) under ``folder`` and next to it (its zip) where it occurs."""
    found: dict[str, list[str]] = {m: [] for m in ALL_MARKERS}
    paths = [p for p in sorted(folder.rglob("*")) if p.is_file()]
    archive = folder.with_name(folder.name + ".zip")
    if archive.exists():
        paths.append(archive)
    assert len(paths) > 20, paths  # a real site, not an empty folder
    for path in paths:
        relative = path.relative_to(folder.parent).as_posix()
        readings = [relative.lower(), *leaks.readings(path.name, path.read_bytes())]
        for marker in ALL_MARKERS:
            if any(marker in text for text in readings):
                found[marker].append(relative)
    return found


@pytest.fixture(scope="module")
def leak_project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("leak") / "project", _files())


@pytest.fixture(scope="module")
def leak_builds(leak_project):
    """Public online, public offline (with its zip) and full builds of the marked project."""
    out = leak_project.parent
    builds = {
        "public": build(leak_project, out / "public" / "site", strict=True),
        "public-offline": build(leak_project, out / "public-offline" / "export", strict=True, env={"OFFLINE": "true"}),
        "full": build(leak_project, out / "full" / "site", strict=True, env={"BRIEFING_EDITION": "full"}),
    }
    for name, result in builds.items():
        assert result.returncode == 0, (name, result.output)
    return builds


@pytest.mark.parametrize("name", ["public", "public-offline"])
def test_public_edition_leaks_no_marker_anywhere(leak_builds, name):
    result = leak_builds[name]
    found = _scan(result.site)
    leaks = {marker: files for marker, files in found.items() if files}
    assert leaks == {}
    assert "3 withheld" in result.output


def test_public_edition_keeps_the_dates_and_marks_the_facts_withheld(leak_builds):
    result = leak_builds["public"]
    letter = result.text("lettres/190-une-lettre-de-test/")
    for n in CONFIDENTIAL:
        assert f"1{n} {['janvier', 'février', 'mars'][n - 1]} 2024 : […]" in letter
    assert "Le chapeau public de la lettre" in letter
    assert "Une note du chapeau, publique." in letter
    assert "Réservé aux abonnés" in letter
    assert "3 withheld" in result.output


def test_public_edition_shows_a_partly_withheld_fact_up_to_its_marker(leak_builds):
    result = leak_builds["public"]
    page = f"evenements/{PARTIAL_ID}/"
    text = result.text(page)
    assert "Début public du fait, cité par une note1. […]" in text  # capitalised on its own page
    assert "Une note publique, définie avant la marque." in text
    assert "La suite de ce fait est réservée aux abonnés." in text
    letter = result.text("lettres/190-une-lettre-de-test/")
    assert "14 février 2023 : début public du fait, cité par une note. […]" in letter
    entry = [li for li in result.page("chronologie/2023/").xpath("//li[contains(@class,'briefing-entry')]")
             if PARTIAL_ID in "".join(li.xpath(".//a/@href"))]
    assert " ".join(entry[0].text_content().split()).startswith("14 février 2023 : début public du fait")
    data = json.loads((result.site / "donnees/evenements.json").read_text("utf-8"))["events"]
    record = next(e for e in data if e["id"] == PARTIAL_ID)
    assert record["text_withheld"] is True and record["text"].endswith("[…]")
    usage = result.text("glossaire/")  # the glossary mark made only after the marker is not counted
    assert "Un fait en partie réservé" not in usage


def test_full_edition_shows_a_partly_withheld_fact_whole(leak_builds):
    result = leak_builds["full"]
    text = result.text(f"evenements/{PARTIAL_ID}/")
    assert "Début public du fait" in text and PARTIAL_MARKERS["rest"] in text and PARTIAL_MARKERS["restnote"] in text
    assert "[…]" not in text and "réservée aux abonnés" not in text
    raw = (result.site / f"evenements/{PARTIAL_ID}/index.html").read_text("utf-8")
    assert "more --" not in raw
    record = next(e for e in json.loads((result.site / "donnees/evenements.json").read_text("utf-8"))["events"]
                  if e["id"] == PARTIAL_ID)
    assert record["text_withheld"] is False and PARTIAL_MARKERS["rest"] in record["text"]


def test_full_edition_shows_every_marker_where_it_belongs(leak_builds):
    result = leak_builds["full"]
    found = _scan(result.site)
    assert all(found.values()), {m: f for m, f in found.items() if not f}
    for n in CONFIDENTIAL:
        m = EVENT_MARKERS[n]
        page = f"evenements/{_event_id(n)}/"
        assert (result.site / page / "index.html").exists()
        text = result.text(page)
        for field in ["title", "body", "srctitle", "srcpub", "footnote"]:
            assert m[field] in text, (field, text)
        hrefs = result.page(page).xpath("//article//a/@href")
        assert f"https://{m['srcurl']}.example.org/doc" in hrefs
        others = [_event_id(k) for k in CONFIDENTIAL if k != n]
        assert all(any(other in h for h in hrefs) for other in others), hrefs  # related events
        marks = result.page("chronologie/").xpath("//a[contains(@class,'tl-mark')]/@title")  # the marks' names
        assert any(m["title"] in name for name in marks)
    letter = result.text("lettres/190-une-lettre-de-test/")
    assert LETTER_MARKERS["analysis"] in letter
    assert LETTER_MARKERS["analysisnote"] in letter
    public_event_links = result.page("evenements/2023-01-31-rencontre-publique/").xpath("//article//a/@href")
    assert any(_event_id(1) in h for h in public_event_links)


# Source line and the edition setting -------------------------------------------------------------

LETTER_187 = "lettres/187-institutionnalisation-alliances-americaines/"


def test_public_source_line_is_an_extract(public_site):
    line = " ".join(public_site.page(LETTER_187).xpath("//p[@class='briefing-source']")[0].text_content().split())
    assert line == "Extrait de la Lettre confidentielle Asie21-Futuribles n° 187/2024-10"


def test_full_source_line_drops_extrait(full_site):
    line = " ".join(full_site.page(LETTER_187).xpath("//p[@class='briefing-source']")[0].text_content().split())
    assert line == "Lettre confidentielle Asie21-Futuribles n° 187/2024-10"
    assert "Réservé aux abonnés" not in full_site.text(LETTER_187)


def test_unknown_edition_is_a_clear_error_and_the_build_fails(tmp_path):
    project = make_project(tmp_path / "project", dict(MINIMAL_REGISTRY))
    result = build(project, tmp_path / "site", env={"BRIEFING_EDITION": "draft"})
    assert result.returncode != 0
    assert 'unknown edition "draft"; set BRIEFING_EDITION to one of: public, full' in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_footnote_defined_after_the_more_line_is_withheld_even_when_cited_before():
    from briefing.edition.editions import Edition, apply_edition
    from briefing.structure import Event, PartialDate, Sources, When

    body = ("Début public[^a] et[^b].\n\n[^a]: Note publique.\n\n<!-- more -->\n\n"
            "Suite qzvsuitek[^c].\n\n[^b]: Note qzvnoteb1k définie après.\n[^c]: Note qzvnotec1k.")
    event = Event(id="x", path=Path("events/2024/x.md"), when=When(PartialDate(2024, 5, 1)), title="X", body=body)
    public = apply_edition(Sources(events=[event]), Edition.PUBLIC).events[0]
    assert public.body == "Début public[^a] et. \\[…\\]\n\n[^a]: Note publique." and public.body_withheld
    full = apply_edition(Sources(events=[event]), Edition.FULL).events[0]
    assert "<!--" not in full.body and "qzvnoteb1k" in full.body and not full.body_withheld
