"""Preview mode: BRIEFING_PREVIEW builds the recent part of the archive, plus the note being edited
with its letters and entities, without a warning."""

from __future__ import annotations

import os
import time

from support import MINIMAL_REGISTRY, build, make_project, note

FILES = {
    **MINIMAL_REGISTRY,
    "events/2019/2019-03-01-ancien.md": note("date: 2019-03-01\ntitle: Un fait ancien\ncountries: [Japon]"),
    "events/2019/2019-05-01-ancien-edite.md": note(
        "date: 2019-05-01\ntitle: Le fait ancien en cours de relecture\ncountries: [Corée du Sud]\n"
        "people: [Fumio Kishida]",
        "Texte relu par le contributeur.",
    ),
    "events/2024/2024-02-01-recent.md": note(
        "date: 2024-02-01\ntitle: Un fait récent\ncountries: [Japon]\norganizations: [Otan]\n"
        "related: [2019-03-01-ancien]"
    ),
    "docs/lettres/10-ancienne.md": note(
        "number: 10\nissue: 2019-06\nzones: [Corée du Sud]\ntitle: Une ancienne lettre\n"
        "facts: [2019-05-01-ancien-edite, 2019-03-01-ancien]",
        "Chapeau.\n\n<!-- more -->\n\nAnalyse.",
    ),
    "docs/lettres/11-oubliee.md": note(
        "number: 11\nissue: 2019-07\nzones: [Japon]\ntitle: Une lettre hors de la fenêtre\n"
        "facts: [2019-03-01-ancien]",
        "Chapeau.\n\n<!-- more -->\n\nAnalyse.",
    ),
    "docs/lettres/12-recente.md": note(
        "number: 12\nissue: 2024-03\nzones: [Japon]\ntitle: Une lettre récente\nfacts: [2024-02-01-recent]\n"
        "see_also: [11]",
        "Chapeau.\n\n<!-- more -->\n\nAnalyse.",
    ),
}


def test_preview_keeps_the_window_and_the_edited_note(tmp_path):
    project = make_project(tmp_path / "project", FILES)
    edited = project / "events/2019/2019-05-01-ancien-edite.md"
    later = time.time() + 3600  # saved after the preview started
    os.utime(edited, (later, later))
    result = build(project, tmp_path / "site", env={"BRIEFING_PREVIEW": "2024"})
    assert result.returncode == 0, result.output
    assert result.warnings() == []
    assert "preview: 3 event notes and 2 letters built" in result.output
    site = result.site
    assert (site / "evenements/2024-02-01-recent/index.html").exists()
    assert "Texte relu par le contributeur." in result.text("evenements/2019-05-01-ancien-edite/")
    letter = result.text("lettres/10-ancienne/")
    assert "Texte relu par le contributeur." in letter
    assert (site / "evenements/2019-03-01-ancien/index.html").exists()  # a fact of that letter
    assert "Une lettre hors de la fenêtre" not in result.text("lettres/12-recente/")
    assert not (site / "lettres/11-oubliee/index.html").exists()
    assert "Le fait ancien en cours de relecture" in result.text("personnalites/fumio-kishida/")
    assert "Le fait ancien en cours de relecture" in result.text("pays/coree-du-sud/")


def test_full_build_ignores_nothing(tmp_path):
    project = make_project(tmp_path / "project", FILES)
    result = build(project, tmp_path / "site", strict=True)
    assert result.returncode == 0, result.output
    assert (result.site / "lettres/11-oubliee/index.html").exists()
    assert (result.site / "evenements/2019-03-01-ancien/index.html").exists()


def test_unknown_preview_value_is_explained(tmp_path):
    project = make_project(tmp_path / "project", FILES)
    result = build(project, tmp_path / "site", env={"BRIEFING_PREVIEW": "hier"})
    assert result.returncode == 1
    assert 'BRIEFING_PREVIEW="hier": write "recent", a year (2024) or a month (2024-06)' in result.output
