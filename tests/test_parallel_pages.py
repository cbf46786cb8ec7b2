"""A share of the event pages built by a second process (hooks/speedups/briefing_parallel_pages.py): the site
is byte for byte the one MkDocs builds alone, and what those pages log, and the links that reach them
or leave them, are reported as if MkDocs had built them itself."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from support import MINIMAL_REGISTRY, build, make_project, note

FORKED = "event pages built by a second process"


def _every_file(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("offline", [False, True], ids=["served", "offline"])
def test_a_site_built_by_two_processes_is_the_site_built_by_one(tmp_path, offline):
    project = make_project(tmp_path / "project", {}, with_sample=True)
    env = {"SOURCE_DATE_EPOCH": "1700000000", **({"OFFLINE": "true"} if offline else {})}
    one = build(project, tmp_path / "one", strict=True, env={**env, "BRIEFING_PARALLEL": "off"})
    two = build(project, tmp_path / "two", strict=True, env={**env, "BRIEFING_PARALLEL": "on"})
    assert one.returncode == 0, one.output
    assert two.returncode == 0, two.output
    assert FORKED not in one.output and FORKED in two.output
    assert "other pages outside the navigation" in two.output  # letters, entity, chronology pages too
    files = _every_file(one.site)
    assert len([name for name in files if name.startswith("evenements/")]) > 10
    assert "search/search_index.json" in files and ("assets/briefing-shell.js" if offline else "sitemap.xml") in files
    assert sorted(files) == sorted(_every_file(two.site))
    assert [name for name, data in _every_file(two.site).items() if files[name] != data] == []
    if offline:  # the export's zip, packed once every page is written (its entries are under the folder's name)
        assert _zipped(tmp_path / "one.zip") == _zipped(tmp_path / "two.zip")


def _zipped(path: Path) -> list[tuple[str, tuple, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename.split("/", 1)[1], info.date_time, archive.read(info)) for info in archive.infolist()]


ESSAI = "2024-03-01-essai"
LINKED = {
    **MINIMAL_REGISTRY,
    f"events/2024/{ESSAI}.md": note(
        "date: 2024-03-01\ntitle: Essai\ncountries: [Japon]",
        "Voir [la fiche](/pays/japon.md#pas-de-section) et [une page absente](/pays/absente.md).\n\n"
        "## Une section\n\nSuite du fait."),
    "events/2024/2024-03-02-autre.md": note(
        "date: 2024-03-02\ntitle: Autre\ncountries: [Japon]",
        f"Voir [l’essai](/evenements/{ESSAI}.md#une-section) et [la suite](/evenements/{ESSAI}.md#nulle-part)."),
    "docs/pays/japon.md": note(
        "title: Japon\naliases: [Nippon]",
        f"Archipel d’Asie orientale. Voir [l’essai](/evenements/{ESSAI}.md#introuvable) "
        f"et [sa section](/evenements/{ESSAI}.md#une-section)."),
}


def test_what_the_second_process_logs_and_links_is_reported_and_counted(tmp_path):
    """Links from the main process's pages to the second's, from the second's to the main's and
    between the second's own: each missing target or anchor is reported once, as without it,
    and ``--strict`` fails on them."""
    project = make_project(tmp_path / "project", LINKED)
    alone = build(project, tmp_path / "alone", strict=True, env={"BRIEFING_PARALLEL": "off"})
    shared = build(project, tmp_path / "shared", strict=True, env={"BRIEFING_PARALLEL": "on"})
    assert FORKED in shared.output
    assert alone.returncode == shared.returncode == 1
    assert "Aborted with 4 warnings in strict mode!" in shared.output, shared.output
    expected = [
        f"Doc file 'evenements/{ESSAI}.md' contains a link '/pays/japon.md#pas-de-section', but the doc "
        "'pays/japon.md' does not contain an anchor '#pas-de-section'.",
        f"Doc file 'evenements/{ESSAI}.md' contains a link '/pays/absente.md', but the target",
        f"Doc file 'evenements/2024-03-02-autre.md' contains a link '/evenements/{ESSAI}.md#nulle-part', but "
        f"the doc 'evenements/{ESSAI}.md' does not contain an anchor '#nulle-part'.",
        f"Doc file 'pays/japon.md' contains a link '/evenements/{ESSAI}.md#introuvable', but the doc "
        f"'evenements/{ESSAI}.md' does not contain an anchor '#introuvable'.",
    ]
    for result in (alone, shared):
        warnings = result.warnings()
        for message in expected:
            assert len([w for w in warnings if message in w]) == 1, (message, warnings)
        assert sorted(warnings) == sorted(alone.warnings())
        assert "une-section'" not in result.output


def test_event_pages_taken_in_turns_make_the_site_built_by_one(tmp_path):
    """Many event pages and few others: both processes take the event pages one at a time (the main
    process once its own pages are built), and the site, its search index and its links are as
    MkDocs builds them alone."""
    files = dict(MINIMAL_REGISTRY)
    for number in range(240):
        day = f"2023-{1 + number // 28:02d}-{1 + number % 28:02d}"
        files[f"events/2023/{day}-fait-{number}.md"] = note(
            f"date: {day}\ntitle: Fait {number}\ncountries: [Japon]",
            f"Le fait {number}. Voir [le premier](/evenements/2023-01-01-fait-0.md#une-section).\n\n"
            "## Une section\n\nSuite.")
    project = make_project(tmp_path / "project", files)
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    one = build(project, tmp_path / "one", strict=True, env={**env, "BRIEFING_PARALLEL": "off"})
    two = build(project, tmp_path / "two", strict=True, env={**env, "BRIEFING_PARALLEL": "on"})
    assert one.returncode == 0, one.output
    assert two.returncode == 0, two.output
    assert "of 240 event pages built by a second process (the two took them in turns)" in two.output, two.output
    site = _every_file(one.site)
    assert len([name for name in site if name.startswith("evenements/")]) == 240
    assert sorted(site) == sorted(_every_file(two.site))
    assert [name for name, data in _every_file(two.site).items() if site[name] != data] == []


def test_a_wrong_setting_stops_the_build(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    result = build(project, tmp_path / "site", env={"BRIEFING_PARALLEL": "sometimes"})
    assert result.returncode != 0
    assert "BRIEFING_PARALLEL='sometimes': expected one of auto, on, off" in result.output


def _page(uri: str, parent=None):
    """A stand-in for what ``_independent`` reads of a MkDocs page and its file."""
    from types import SimpleNamespace

    page = SimpleNamespace(parent=parent, previous_page=None, next_page=None, is_page=True)
    return SimpleNamespace(src_uri=uri, page=page)


def test_the_second_process_takes_no_page_whose_titles_cross_the_two_processes():
    """MkDocs shows a page's neighbours' and ancestors' titles, which a process knows only for the pages
    it read: letters linked in order, an archive page under its entity page, a month page under its
    year page stay with the parent (with the 1,000-event corpus they read ``None`` when split)."""
    import importlib

    parallel = importlib.import_module("speedups.briefing_parallel_pages")
    section = _page("pays/index.md")  # in the navigation
    entity, lone = _page("pays/japon.md", section.page), _page("pays/chili.md", section.page)
    archive = _page("pays/japon/archives-1.md", entity.page)
    year = _page("chronologie/2020.md", section.page)
    month = _page("chronologie/2020/03.md", year.page)
    first, second = _page("lettres/1.md", section.page), _page("lettres/2.md", section.page)
    first.page.next_page, second.page.previous_page = second.page, first.page
    relation = _page("relations/japon-chine.md", section.page)
    others = [entity, lone, archive, year, month, first, second, relation]
    listed = {id(section.page)}
    chosen = parallel._independent(others, [section, *others], listed)
    assert [f.src_uri for f in chosen] == ["pays/chili.md", "relations/japon-chine.md"]
