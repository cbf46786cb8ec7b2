"""Issue 13, fail closed: each case found by trying the build as a careless or hostile contributor.

Every case builds a real public site and runs ``python -m briefing check`` on the same project:
both print the same diagnostic line, ``--strict`` fails on it, no traceback, the valid notes are
still published, and no byte of the site holds the case's confidential marker (decoded too).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from leaks import site_leaks
from test_cli_check import run_check

from briefing.exports.build import export_paths
from briefing.load import schema
from briefing.load.inventory import is_generated
from briefing.pipeline import run
from briefing.project import load_settings
from support import MINIMAL_REGISTRY, REPO, build, make_project, note

SECRET = "zqsecretzq"
"""In every text that must not be public; lower case, as the search index writes it."""
GOOD = {
    **MINIMAL_REGISTRY,
    "events/2023/2023-05-03-valide.md": note("date: 2023-05-03\ntitle: Un fait valide\ncountries: [Japon]",
                                             "Le fait valide."),
    "docs/lettres/10-valide.md": note(
        "number: 10\nissue: 2024-01\nzones: [Japon]\ntitle: Une lettre valide\nfacts: [2023-05-03-valide]",
        "Chapeau valide.\n\n<!-- more -->\n\nAnalyse."),
}


def _letter(number: int, body: str, extra: str = "") -> str:
    return note(f"number: {number}\nissue: 2024-02\nzones: [Japon]\ntitle: Lettre {number}{extra}", body)


_HIDDEN = f"Texte <!-- {SECRET} --> fin.\n\n<?php {SECRET} ?>\n\n<![CDATA[ {SECRET} ]]>\n"
SECRET_LETTER = _letter(11, f"Chapeau.\n\n<!-- more -->\n\nAnalyse {SECRET}.")
_BOMB = "".join(f"{k}: &{k} [{', '.join([f'*{p}'] * 9 if p else ['x'] * 9)}]\n"
                for p, k in zip(["", *"abcdefgh"], "abcdefghi", strict=True))
CASES: dict[str, tuple[dict[str, str], str | None]] = {
    # 1. duplicate keys: PyYAML kept the last one and published the note
    "duplicate key": (
        {"events/2023/2023-05-04-dup.md": f"---\ndate: 2023-05-04\ntitle: {SECRET}\nconfidential: true\n"
                                          f"confidential: false\n---\n{SECRET}\n"},
        'events/2023/2023-05-04-dup.md:5: the key "confidential" is written twice (first on line 4)'),
    "duplicate key in a source": (
        {"events/2023/2023-05-05-dup.md": note(f"date: 2023-05-05\ntitle: T\nsources:\n  - {{title: {SECRET}, "
                                               "url: 'https://a.org/', url: 'https://b.org/'}")},
        'events/2023/2023-05-05-dup.md:5: the key "url" is written twice'),
    "merge key": (
        {"events/2023/2023-05-06-dup.md": note(f"date: 2023-05-06\ntitle: {SECRET}\n<<: {{confidential: true}}\n"
                                               "confidential: false")},
        "events/2023/2023-05-06-dup.md:4: merge keys (<<) are not allowed"),
    # 2. letters under names the loader skipped were copied as they are
    **{f"letter named {name}": ({f"docs/lettres/{name}": SECRET_LETTER}, f"docs/lettres/{name}: not published: {why}")
       for name, why in [
           ("11-a.markdown", "only files ending in .md"), ("11-b.mkd", "only files ending in .md"),
           ("11-c.MD", "only files ending in .md"), ("11-d.md~", "an editor's backup"),
           ("11-e.md.bak", "an editor's backup"), ("11-f.md.orig", "an editor's backup"),
           ("11-g.md.BASE", "an editor's backup or a merge leftover"),
           ("11-h_REMOTE_4242.md", "an editor's backup or a merge leftover"),
           (".11-i.md.swp", "an editor's backup"), ("README.md", "README.md is not a page"),
       ]},
    "letter in a subfolder": ({"docs/lettres/anciennes/11-x.md": SECRET_LETTER},
                              "docs/lettres/anciennes/11-x.md: not published: letters are read directly"),
    "letter directly in docs": ({"docs/11-x.md": SECRET_LETTER},
                                "docs/11-x.md: not published: a page that is neither a letter nor a registry entry"),
    # 3. a file linked only from an analysis; a footnote defined after the marker
    "file linked only from an analysis": (
        {"docs/lettres/15-annexe.md": _letter(15, "Chapeau.\n\n<!-- more -->\n\nVoir [l’annexe](annexe.pdf)."),
         "docs/lettres/annexe.pdf": f"%PDF {SECRET}"},
        "docs/lettres/annexe.pdf: withheld: only text this edition withholds links to it"),
    "file nobody links to": ({"docs/pays/carte.png": SECRET},
                             "docs/pays/carte.png: not published: no published page links to it"),
    "footnote defined after the marker": (
        {"docs/lettres/12-note.md": _letter(12, f"Chapeau[^1].\n\n<!-- more -->\n\nAnalyse.\n\n[^1]: {SECRET}.")},
        "docs/lettres/12-note.md:7: body: the chapeau cites the footnote [^1], defined after '<!-- more -->'"),
    "an event's footnote defined after its marker": (
        {"events/2023/2023-05-19-f.md": note("date: 2023-05-19\ntitle: F",
                                             f"Début public[^1].\n\n<!-- more -->\n\nSuite.\n\n[^1]: {SECRET}.")},
        "events/2023/2023-05-19-f.md:5: body: the text before '<!-- more -->' cites the footnote [^1]"),
    "an event's mistyped marker": (
        {"events/2023/2023-05-19-m.md": note("date: 2023-05-19\ntitle: M",
                                             f"Début public.\n\n<!-- MORE -->\n\n{SECRET}.")},
        "events/2023/2023-05-19-m.md:7: body: this line looks like a mistyped '<!-- more -->'"),
    # 9. comments, processing instructions, CDATA (tracebacks); mistyped markers
    "comment, processing instruction and CDATA": (
        {"events/2023/2023-05-12-c.md": note("date: 2023-05-12\ntitle: C\nconfidential: true", _HIDDEN),
         "events/2023/2023-05-13-c.md": note("date: 2023-05-13\ntitle: C publique", _HIDDEN)},
        None),
    "glossary mark in a setext or quoted heading": (
        {"events/2023/2023-05-18-g.md": note(
            "date: 2023-05-18\ntitle: G",
            "Titre Otan*\n=====\n\n> ## Otan* cité\n\n!!! note\n\n    ### Dans Otan*\n\nTexte.")},
        None),
    "mistyped more marker": (
        {"docs/lettres/13-faute.md": _letter(13, f"Chapeau.\n\n<!-- mor -->\n\n{SECRET}.\n\n<!--more-->\n\nFin.")},
        "docs/lettres/13-faute.md:9: body: this line looks like a mistyped '<!-- more -->'"),
    "marker in capitals": (
        {"docs/lettres/14-capitales.md": _letter(14, f"Chapeau.\n\n<!-- MORE -->\n\n{SECRET}.")},
        "docs/lettres/14-capitales.md:9: body: this line looks like a mistyped '<!-- more -->'"),
    # 10. alias bombs and deep nesting
    "alias bomb": ({"events/2023/2023-05-06-b.md": f"---\ndate: 2023-05-06\ntitle: B\n{_BOMB}---\nTexte.\n"},
                   "events/2023/2023-05-06-b.md:7: the front matter holds more than 5000 values"),
    "deep nesting": (
        {"events/2023/2023-05-07-d.md": note(f"date: 2023-05-07\ntitle: {SECRET}\nx: {'[' * 100000}{']' * 100000}")},
        "events/2023/2023-05-07-d.md:4: the front matter nests more than 16 levels deep"),
    # 11. a folder named like a note, dates out of range
    "folder named like a note": ({"events/2023/2023-05-08-x.md/note.md": note(f"date: 2023-05-08\ntitle: {SECRET}")},
                                 "events/2023/2023-05-08-x.md: not published: a folder named like a note"),
    "year 0": ({"events/2023/2023-05-09-z.md": note("date: 0000-01-01\ntitle: Z")},
               "events/2023/2023-05-09-z.md:2: date: '0000-01-01' is outside the years 0001 to 9998"),
    "year 9999": ({"events/2023/2023-05-10-z.md": note("date: 9999-12-31\ntitle: Z")},
                  "events/2023/2023-05-10-z.md:2: date: '9999-12-31' is outside the years 0001 to 9998"),
    "issue in year 0": ({"docs/lettres/18-x.md": note("number: 18\nissue: 0000-10\nzones: [Japon]\ntitle: L")},
                        "docs/lettres/18-x.md:3: issue: '0000-10' is outside the years 0001 to 9998"),
    # Also: odd names, numbers and titles
    "withheld stand-in id": ({"events/2023/withheld-1.md": note(f"date: 2023-05-11\ntitle: {SECRET}")},
                             'events/2023/withheld-1.md: an event id may not start with "withheld-"'),
    "hidden note": ({"events/2023/.cachee.md": note(f"date: 2023-05-13\ntitle: {SECRET}")},
                    "events/2023/.cachee.md: not published: a hidden file"),
    "note named ..md": ({"events/2023/..md": note(f"date: 2023-05-13\ntitle: {SECRET}")},
                        "events/2023/..md: not published: a hidden file"),
    "index in events": ({"events/2023/index.md": note(f"date: 2023-05-15\ntitle: {SECRET}")},
                        "events/2023/index.md: not published: the events folder has no index page"),
    "README in events": ({"events/README.md": f"# {SECRET}\n"},
                         "events/README.md: not published: README.md is not a page"),
    "note named .markdown": ({"events/2023/2023-05-16-m.markdown": note(f"date: 2023-05-16\ntitle: {SECRET}")},
                             "events/2023/2023-05-16-m.markdown: not published: only files ending in .md"),
    "number with decimals": ({"docs/lettres/16-x.md": _letter(16, "Chapeau.").replace("number: 16", "number: 16.0")},
                             "docs/lettres/16-x.md:2: number: write the number without decimals: 16"),
    "blank title": ({"events/2023/2023-05-17-t.md": note("date: 2023-05-17\ntitle: ' '")},
                    "events/2023/2023-05-17-t.md:3: title: is blank; write a value or remove the line"),
    "a file at a generated path": ({"docs/chronologie/2023/index.md": f"# {SECRET}\n"},
                                   "docs/chronologie/2023/index.md: not published: this file is generated"),
    "the same zone twice by two names": (
        {"docs/lettres/17-x.md": _letter(17, "Chapeau.\n\n<!-- more -->\n\nA.").replace("[Japon]", "[Japon, Nippon]")},
        'docs/lettres/17-x.md:4: zones/1: "Nippon" names Japon again (already at zones/0); keep it once'),
}


def _write(project: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Every case in one project: the check's lines, a plain public build, the offline export, a strict build."""
    root = tmp_path_factory.mktemp("fail-closed")
    project = make_project(root / "project", GOOD)
    for files, _ in CASES.values():
        _write(project, files)
    return {
        "check": run_check(project),
        "plain": build(project, root / "site"),
        "offline": build(project, root / "export", env={"OFFLINE": "true"}),
        "strict": build(project, root / "strict", strict=True),
    }


@pytest.mark.parametrize("case", [name for name, (_, expected) in CASES.items() if expected])
def test_each_case_is_reported_by_build_and_check(hostile, case):
    expected = CASES[case][1]
    assert any(line.startswith(expected) for line in hostile["check"].stdout.splitlines()), hostile["check"].stdout
    assert any(expected in line for line in hostile["plain"].output.splitlines()), hostile["plain"].output


def test_no_traceback_and_a_plain_build_publishes_every_valid_note(hostile):
    check, plain, strict = hostile["check"], hostile["plain"], hostile["strict"]
    assert check.returncode == 1 and "Traceback" not in check.stderr, check.stderr
    assert plain.returncode == 0 and "Traceback" not in plain.output, plain.output
    assert strict.returncode == 1 and "Traceback" not in strict.output
    assert "Le fait valide." in plain.text("evenements/2023-05-03-valide/")
    assert "Chapeau valide." in plain.text("lettres/10-valide/")
    assert "Texte fin." in plain.text("evenements/2023-05-13-c/")
    assert plain.page("lettres/17-x/").xpath("//article//h1")[0].text_content().count("Japon") <= 1


def test_glossary_marks_in_any_heading_give_clean_reproducible_anchors(hostile):
    """A placeholder in a setext or quoted heading ended up in its anchor: the fragment's markup in
    the ``id`` attribute, the build's random token in the table of contents."""
    page = hostile["plain"].page("evenements/2023-05-18-g/")
    ids = page.xpath("//article//*[self::h1 or self::h2 or self::h3]/@id")
    assert {"titre-otan", "otan-cite", "dans-otan"} <= set(ids), ids
    raw = (hostile["plain"].site / "evenements/2023-05-18-g/index.html").read_text("utf-8")
    assert not re.search(r"briefing[0-9a-f]{16}", raw)
    assert page.xpath("//article//h1[@id='titre-otan']/a[@class='briefing-term']")


def test_no_byte_of_the_public_site_or_its_export_holds_a_secret(hostile):
    assert site_leaks(hostile["plain"].site, [SECRET]) == {}
    assert hostile["offline"].returncode == 0, hostile["offline"].output
    assert site_leaks(hostile["offline"].site, [SECRET]) == {}
    assert (hostile["offline"].site.parent / "export.zip").exists()


def test_symbolic_links_that_leave_the_repository_are_never_read(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "11-x.md").write_text(SECRET_LETTER, "utf-8")
    (outside / "annexe.pdf").write_text(SECRET, "utf-8")
    project = make_project(tmp_path / "project", {
        **GOOD, "docs/lettres/10-valide.md": GOOD["docs/lettres/10-valide.md"].replace(
            "Chapeau valide.", "Chapeau valide, [annexe](../annexes/annexe.pdf).")})
    links = {
        "docs/lettres/11-x.md": outside / "11-x.md", "docs/pays/environ.md": Path("/proc/self/environ"),
        "docs/annexes": outside, "docs/pays/nulle-part.md": project / "docs/pays/absent.md",
        "docs/pays/boucle.md": project / "docs/pays/boucle.md", "events/2023/haut": project / "events",
    }
    for relative, target in links.items():
        (project / relative).symlink_to(target)
    (project / "docs/themes/lien.md").symlink_to(project / "docs/pays/japon.md")  # in the repository: read
    os.environ["BRIEFING_TEST_SECRET"] = SECRET  # reaches the build's environment, so /proc/self/environ
    try:
        checked = run_check(project)
        plain = build(project, tmp_path / "site")
    finally:
        del os.environ["BRIEFING_TEST_SECRET"]
    expected = {
        "docs/lettres/11-x.md": "a symbolic link to a file or folder outside the repository",
        "docs/pays/environ.md": "a symbolic link to a file or folder outside the repository",
        "docs/annexes": "a symbolic link to a file or folder outside the repository",
        "docs/pays/nulle-part.md": "a symbolic link to nothing",
        "docs/pays/boucle.md": "a symbolic link that loops",
        "events/2023/haut": "a symbolic link back to a folder above it",
    }
    for relative, message in expected.items():
        line = f"{relative}: not published: {message}"
        assert any(printed.startswith(line) for printed in checked.stdout.splitlines()), checked.stdout
        assert line in plain.output, plain.output
    assert plain.returncode == 0 and "Traceback" not in plain.output
    assert site_leaks(plain.site, [SECRET]) == {}
    assert (plain.site / "themes/lien/index.html").exists()


def test_dirty_build_keeps_nothing_of_another_edition(tmp_path):
    project = make_project(tmp_path / "project", {
        **GOOD, "events/2023/2023-05-20-c.md": note(f"date: 2023-05-20\ntitle: {SECRET}\nconfidential: true", SECRET)})
    site = tmp_path / "site"
    full = build(project, site, env={"BRIEFING_EDITION": "full"})
    assert full.returncode == 0 and site_leaks(site, [SECRET])
    dirty = build(project, site, extra_args=["--dirty"])
    assert dirty.returncode == 0, dirty.output
    assert "--dirty: the site folder is emptied first" in dirty.output
    assert site_leaks(site, [SECRET]) == {}
    assert (site / "evenements/2023-05-03-valide/index.html").exists()


def test_a_key_written_twice_in_mkdocs_yml_stops_build_and_check(tmp_path):
    """Two ``extra_javascript:`` lists: YAML (and MkDocs) kept the second, and the first list's scripts
    were never loaded, without a word (it happened on this repository's main branch)."""
    project = make_project(tmp_path / "project", GOOD)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    line = text[: text.index("extra_javascript:")].count("\n") + 1
    config.write_text(text + "\nextra_javascript:\n  - assets/autre.js\n", "utf-8")
    second = text.count("\n") + 2
    expected = f'mkdocs.yml:{second}: the key "extra_javascript" is written twice (first on line {line})'
    checked = run_check(project)
    assert checked.returncode == 2 and expected in checked.stderr, checked.stderr
    built = build(project, tmp_path / "site")
    assert built.returncode == 1 and expected in built.output and "Traceback" not in built.output


def test_every_generated_path_is_reserved():
    """A contributor's file at a generated path is refused by the load stage (and so by the check),
    which knows the paths without rendering: this holds its list to what the renderer writes."""
    settings = load_settings(REPO / "mkdocs.yml")
    built = run(settings)
    uris = [page.src_uri for page in built.renderer.generated_pages()]
    uris += [*export_paths(built.corpus), *schema.published_files()]
    assert uris and [uri for uri in uris if not is_generated(uri)] == []


def test_the_sample_site_publishes_exactly_its_files(public_site):
    """Nothing is reported on the sample, and every file under docs/ it holds is accounted for."""
    assert "files not published: 0; 0 problems reported" in public_site.output
    assert (public_site.site / "assets/vendor/iframe-worker/NOTICE.txt").exists()
