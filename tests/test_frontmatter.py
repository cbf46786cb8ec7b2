"""The content contract's front matter, without YAML's typing leaking through."""

from pathlib import Path

import pytest

from briefing.load.frontmatter import FrontMatterError, parse
from briefing.load.loader import load
from support import MINIMAL_REGISTRY, make_project, note


def test_dates_and_issues_unquoted_keep_their_text():
    doc = parse("---\ndate: 2023-08-18\nend: 2023-08\nyear: 2024\nissue: 2024-07&08\nsingle: 2024-10\n---\nTexte\n")
    assert doc.meta == {
        "date": "2023-08-18", "end": "2023-08", "year": 2024, "issue": "2024-07&08", "single": "2024-10",
    }
    assert doc.body == "Texte\n"
    assert doc.body_line == 8


def test_every_value_knows_its_line():
    doc = parse("---\ntitle: x\ncountries:\n  - Japon\n  - Corée\nsources:\n  - title: t\n    url: u\n---\n")
    assert doc.line_of(("title",)) == 2
    assert doc.line_of(("countries", 1)) == 5
    assert doc.line_of(("sources", 0, "url")) == 8
    assert doc.line_of(("missing",)) == 1


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("no front matter\n", 1, "must start with a line '---'"),
        ("---\ntitle: x\n", 1, "never closed"),
        ("---\ntitle: x\ncountries: [Japon\n---\n", 3, "invalid YAML"),
        ("---\n- a\n- b\n---\n", 2, "must be a mapping"),
    ],
)
def test_malformed_front_matter(text, line, message):
    with pytest.raises(FrontMatterError, match=message) as error:
        parse(text)
    assert error.value.line == line


@pytest.mark.parametrize("date", ["2024", "'2024'", "2023-04", '"2023-04"', "2023-08-18", "'2023-08-18'"])
def test_loader_accepts_every_date_form_quoted_or_not(tmp_path: Path, date: str):
    root = make_project(tmp_path, {
        **MINIMAL_REGISTRY,
        "events/2023/x.md": note(f"date: {date}\ntitle: Un fait\ncountries: [japon]"),
        "docs/lettres/1-une-lettre.md": note("number: 1\nissue: 2024-07&08\nzones: [Japon]\ntitle: T", ""),
    })
    loaded = load(root / "docs", root / "events", root)
    assert [d.format() for d in loaded.diagnostics.items if d.severity == "error"] == []
    assert [e.id for e in loaded.sources.events] == ["x"]
    assert loaded.sources.events[0].entities == ("pays/japon",)  # matched ignoring case
    assert loaded.sources.letters[0].issue == "2024-07&08"


def test_names_match_title_alias_or_abbreviation_and_nothing_else(tmp_path: Path):
    root = make_project(tmp_path, {
        **MINIMAL_REGISTRY,
        "events/2023/a.md": note("date: 2023\ntitle: A\ncountries: [NIPPON]\norganizations: [otan]"),
        "events/2023/b.md": note("date: 2023\ntitle: B\norganizations: [Organisation du traité de l'Atlantique nord]"),
        "events/2023/c.md": note("date: 2023\ntitle: C\ncountries: [Japan]"),
    })
    loaded = load(root / "docs", root / "events", root)
    assert {e.id: e.entities for e in loaded.sources.events} == {
        "a": ("pays/japon", "organisations/otan"),
        "b": ("organisations/otan",),
    }
    assert [p.name for p in loaded.accounting.rejected] == ["c.md"]
