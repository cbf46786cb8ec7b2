"""Malformed input: a precise message, a failing strict build, and every valid note still published."""

from pathlib import Path

import pytest

from support import MINIMAL_REGISTRY, build, make_project, note

GOOD_EVENT = note("date: 2023-05-03\ntitle: Un fait valide\ncountries: [Japon]", "Le fait valide.")
GOOD_LETTER = note(
    "number: 10\nissue: 2024-01\nzones: [Japon]\ntitle: Une lettre valide\nfacts: [2023-05-03-valide]",
    "Chapeau.\n\n<!-- more -->\n\nAnalyse.",
)

CASES = {
    "bad YAML": (
        {"events/2023/2023-01-01-bad.md": "---\ndate: 2023-01-01\ntitle: [non fermé\n---\nTexte\n"},
        "events/2023/2023-01-01-bad.md:3: invalid YAML",
    ),
    "no front matter": (
        {"events/2023/2023-01-01-bad.md": "Juste du texte.\n"},
        "events/2023/2023-01-01-bad.md:1: the file must start with a line '---'",
    ),
    "missing title": (
        {"events/2023/2023-01-01-bad.md": note("date: 2023-01-01")},
        'events/2023/2023-01-01-bad.md:1: title: missing required field; add "title: …"',
    ),
    "unknown field": (
        {"events/2023/2023-01-01-bad.md": note("date: 2023-01-01\ntitre: X")},
        'events/2023/2023-01-01-bad.md:3: titre: unknown field "titre", did you mean "title"?',
    ),
    "impossible month": (
        {"events/2023/2023-01-01-bad.md": note("date: 2025-13-01\ntitle: X")},
        "events/2023/2023-01-01-bad.md:2: date: '2025-13-01' has no month 13",
    ),
    "impossible day": (
        {"events/2023/2023-01-01-bad.md": note("date: 2023-02-30\ntitle: X")},
        "events/2023/2023-01-01-bad.md:2: date: '2023-02-30' is not a day of the calendar",
    ),
    "malformed date": (
        {"events/2023/2023-01-01-bad.md": note("date: 18/08/2023\ntitle: X")},
        "events/2023/2023-01-01-bad.md:2: date: '18/08/2023' is not a date; write 2023-08-18",
    ),
    "end before start": (
        {"events/2023/2023-01-01-bad.md": note("date: 2023-05-03\nend: 2023-05-01\ntitle: X")},
        "events/2023/2023-01-01-bad.md:3: end: 2023-05-01 is before the start date 2023-05-03",
    ),
    "approx on a day": (
        {"events/2023/2023-01-01-bad.md": note("date: 2023-05-03\napprox: late\ntitle: X")},
        "events/2023/2023-01-01-bad.md:3: approx: approx applies to month dates only",
    ),
    "bad approx": (
        {"events/2023/2023-01-01-bad.md": note("date: 2023-05\napprox: fin\ntitle: X")},
        "events/2023/2023-01-01-bad.md:3: approx: 'fin' is not allowed",
    ),
    "unknown country": (
        {"events/2023/2023-01-01-bad.md": note(
            "date: 2023-01-01\ntitle: X\ncountries:\n  - Corée du Sud\n  - Jappon")},
        'events/2023/2023-01-01-bad.md:6: countries/1: unknown country "Jappon", did you mean "Japon"?',
    ),
    "name of another kind": (
        {"events/2023/2023-01-01-bad.md": note("date: 2023-01-01\ntitle: X\ncountries: [Otan]")},
        'countries/0: "Otan" is a registry organization (organisations/otan.md), not a country',
    ),
    "list written as text": (
        {"events/2023/2023-01-01-bad.md": note("date: 2023-01-01\ntitle: X\ncountries: Japon")},
        "events/2023/2023-01-01-bad.md:4: countries: expected a list, got text; write [Japon]",
    ),
    "malformed source url": (
        {"events/2023/2023-01-01-bad.md": note(
            "date: 2023-01-01\ntitle: X\nsources:\n  - title: S\n    url: pas une url")},
        "events/2023/2023-01-01-bad.md:6: sources/0/url: 'pas une url' is not a web address",
    ),
    "undecodable file": (
        {"events/2023/2023-01-01-bad.md": "---\ndate: 2023-01-01\ntitle: Cor\udce9e\n---\n"},
        "events/2023/2023-01-01-bad.md: the file is not valid UTF-8",
    ),
    "duplicate id": (
        {"events/2024/2023-05-03-valide.md": note("date: 2023-05-03\ntitle: Doublon")},
        'events/2024/2023-05-03-valide.md:1: duplicate id "2023-05-03-valide"',
    ),
    "unknown event id in a letter": (
        {"docs/lettres/11-autre.md": note(
            "number: 11\nissue: 2024-02\nzones: [Japon]\ntitle: T\nfacts: [2023-05-03-valid]", "Chapeau.")},
        'docs/lettres/11-autre.md:6: facts/0: unknown event id "2023-05-03-valid", did you mean "2023-05-03-valide"?',
    ),
    "unknown letter number": (
        {"docs/lettres/11-autre.md": note("number: 11\nissue: 2024-02\nzones: [Japon]\ntitle: T\nsee_also: [99]")},
        'docs/lettres/11-autre.md:6: see_also/0: unknown letter number "99"',
    ),
    "unknown related event": (
        {"events/2023/2023-06-01-autre.md": note("date: 2023-06-01\ntitle: Y\nrelated: [nulle-part]")},
        'events/2023/2023-06-01-autre.md:4: related/0: unknown event id "nulle-part"',
    ),
    "duplicate letter number": (
        {"docs/lettres/10-x-doublon.md": note("number: 10\nissue: 2024-03\nzones: [Japon]\ntitle: Doublon")},
        "number: letter number 10 is already used by docs/lettres/10-valide.md",
    ),
    "letter number and file name disagree": (
        {"docs/lettres/12-autre.md": note("number: 13\nissue: 2024-03\nzones: [Japon]\ntitle: T")},
        "docs/lettres/12-autre.md:2: number: number 13 does not match the file name",
    ),
    "malformed issue": (
        {"docs/lettres/12-autre.md": note("number: 12\nissue: 2024-13\nzones: [Japon]\ntitle: T")},
        "docs/lettres/12-autre.md:3: issue: '2024-13' names a month outside 01-12",
    ),
    "unknown zone": (
        {"docs/lettres/12-autre.md": note("number: 12\nissue: 2024-03\nzones: [Japn]\ntitle: T")},
        'docs/lettres/12-autre.md:4: zones/0: unknown zone "Japn", did you mean "Japon"?',
    ),
    "template title": (
        {"events/2023/2023-01-01-bad.md": note("date: 2023-01-01\ntitle: …")},
        'events/2023/2023-01-01-bad.md:3: title: "…" is the template\'s placeholder; write your own text',
    ),
    "template definition": (
        {"docs/pays/chine.md": note("title: Chine", "Première phrase : la définition reprise dans le glossaire.")},
        'docs/pays/chine.md:4: body: the template\'s text "Première phrase : la définition reprise dans le glossaire." '
        "is still there",
    ),
    "registry entry without title": (
        {"docs/pays/chine.md": note("aliases: [RPC]")},
        'docs/pays/chine.md:1: title: missing required field',
    ),
}


def _project(root: Path, files: dict[str, str]) -> Path:
    base = {
        **MINIMAL_REGISTRY,
        "events/2023/2023-05-03-valide.md": GOOD_EVENT,
        "docs/lettres/10-valide.md": GOOD_LETTER,
    }
    project = make_project(root, base)
    for relative, text in files.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if "\udce9" in text:
            path.write_bytes(text.encode("utf-8", "surrogateescape"))
        else:
            path.write_text(text, "utf-8")
    return project


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_input_is_reported_fails_strict_and_keeps_valid_notes(tmp_path, case):
    files, expected = CASES[case]
    project = _project(tmp_path / "project", files)
    result = build(project, tmp_path / "site", strict=True)
    assert result.returncode == 1, result.output
    assert "Aborted with" in result.output and "strict mode" in result.output
    assert any(expected in line and "briefing:" in line for line in result.warnings()), (expected, result.output)
    assert "Traceback" not in result.output
    event = result.text("evenements/2023-05-03-valide/")
    assert "Le fait valide." in event
    letter = result.text("lettres/10-valide/")
    assert "Le fait valide." in letter  # the valid letter still lists its valid fact


def test_plain_build_publishes_valid_notes_and_accounts_for_every_file(tmp_path):
    project = _project(tmp_path / "project", {
        "events/2023/2023-01-01-bad.md": note("date: 2023-02-30\ntitle: X"),
        "events/2023/2023-01-02-secret.md": note("date: 2023-01-02\ntitle: Secret\nconfidential: true"),
        "events/2023/2023-01-03-autre.md": note("date: 2023-01-03\ntitle: Autre fait\ncountries: [Japon]"),
        "docs/lettres/12-rejetee.md": note("number: 12\nissue: 2024-13\nzones: [Japon]\ntitle: Rejetée"),
    })
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "events: 2 published, 1 withheld, 1 rejected (of 4 files)" in result.output
    assert (result.site / "evenements/2023-01-03-autre/index.html").exists()
    assert not (result.site / "evenements/2023-01-01-bad").exists()
    assert not (result.site / "lettres/12-rejetee").exists(), "a rejected letter is not published raw"
    assert "Rejetée" not in result.text("lettres/")


def test_a_file_at_a_generated_path_is_reported_not_silently_replaced(tmp_path):
    project = _project(tmp_path / "project", {"docs/chronologie/index.md": note("title: Ma chronologie", "À moi.")})
    result = build(project, tmp_path / "site", strict=True)
    assert result.returncode == 1
    assert any("docs/chronologie/index.md: not published: this file is generated" in line for line in result.warnings())
    assert "À moi." not in result.text("chronologie/")
