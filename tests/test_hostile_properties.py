"""Property-based tests (Hypothesis): generated hostile projects, built for real, hold the promises.

Each example writes a project of generated event notes, letters, stray files and symbolic links
(odd names, duplicate and merge keys, alias bombs, deep nesting, dates out of range, comments,
mistyped ``<!-- more -->``, footnotes and files cited from either side of it…), runs
``python -m briefing check`` and a plain public build, and asserts: no traceback; no byte of the
site (decoded) holds a marker of text that must not be public; every file written is published,
withheld or reported; the check's lines are the build's. Seeded (``derandomize``) and bounded:
``BRIEFING_HYPOTHESIS_EXAMPLES`` (default 5) sets how many projects, for a longer run.
"""

from __future__ import annotations

import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from leaks import site_leaks
from test_cli_check import run_check

from support import MINIMAL_REGISTRY, build, make_project, note

EXAMPLES = int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "5"))
PROPERTY = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None, print_blob=True,
                    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # each shrink step is a build
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SECRET = "zqsecretzq"
"""In every text that must never be public (lower case: the search index lower-cases words)."""
GOOD_EVENT = ("events/2023/2023-05-03-valide.md",
              note("date: 2023-05-03\ntitle: Un fait valide\ncountries: [Japon]", "Le fait valide."))
_BOMB = "".join(f"{k}: &{k} [{', '.join([f'*{p}'] * 9 if p else ['x'] * 9)}]\n"
                for p, k in zip(["", *"abcdefgh"], "abcdefghi", strict=True))
_ODD = st.sampled_from(["", " ", "'", "é", "&", "%", "~", "(1)", "--", "_"])


@dataclass
class Project:
    files: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    """Symbolic links: path -> target (``OUTSIDE/…`` is outside the repository)."""
    confidential_events: set[str] = field(default_factory=set)


@st.composite
def event_files(draw, index: int) -> tuple[str, str, bool]:
    """(path, text, may be withheld): a note under a good or odd name, with hostile front matter."""
    day = 1 + index % 28
    stem = f"2023-06-{day:02d}-n{index}{draw(_ODD)}"
    folder = draw(st.sampled_from(["events/2023", "events/2023", "events", "events/2023/sous",
                                   f"events/2023/{stem}.md"]))
    name = draw(st.sampled_from([f"{stem}.md"] * 6 + [f"{stem}.markdown", f"{stem}.MD", f"{stem}.md~",
                                                       f"{stem}.md.bak", "index.md", "README.md", f".{stem}.md",
                                                       "..md", f"withheld-{index}.md"]))
    confidential = draw(st.sampled_from(["", "confidential: false\n", "confidential: true\n",
                                         "confidential: true\nconfidential: false\n",
                                         "confidential: false\nconfidential: true\n",
                                         "<<: {confidential: true}\nconfidential: false\n", "confidential: 'oui'\n"]))
    date = draw(st.sampled_from(["2023-06-05", "2023-06", "2023", "0000-01-01", "9999-12-31", "2023-02-30",
                                 "'2023-06-05'"]))
    extra = draw(st.sampled_from(["", "", _BOMB, f"x: {'[' * 40}{']' * 40}\n", "inconnu: 1\n",
                                  "countries: [Japon, Nippon]\n", "title: doublon\n"]))
    body = draw(st.lists(st.sampled_from([
        "Un paragraphe.", "<!-- commentaire -->", "<?php echo 1 ?>", "<![CDATA[ x ]]>", "Titre Otan*\n=====",
        "> ## Otan* cité", "<!-- more -->", "[lien](../lettres/absent.pdf)", "Note[^1].\n\n[^1]: Définition.",
        "<div markdown>*x*</div>", "&lt;script&gt;",
        f"Début[^s].\n\n<!-- more -->\n\nSuite {SECRET}, [pièce](annexe-n{index}.pdf).\n\n[^s]: {SECRET}",
        f"Début.\n\n<!-- MORE -->\n\n{SECRET}", f"Début.\n\n<!-- mor -->\n\n{SECRET}\n\n<!-- more -->\n\nFin.",
    ]), max_size=4))
    public = name == f"{stem}.md" and folder.endswith(("events/2023", "events/2023/sous", "events")) \
        and "true" not in confidential and not folder.endswith(".md")
    marker = "" if public else f" {SECRET}"
    text = f"---\ndate: {date}\ntitle: Titre{marker}\n{confidential}{extra}---\n" + "\n\n".join(body) + marker + "\n"
    return f"{folder}/{name}", text, "true" in confidential


@st.composite
def letter_files(draw, index: int) -> dict[str, str]:
    """A letter (good or odd name and marker), and the files its chapeau and analysis link to."""
    number = 100 + index
    name = draw(st.sampled_from([f"{number}-l{index}.md"] * 5 + [
        f"{number}-l{index}.markdown", f"{number}-l{index}.mkd", f"{number}-l{index}.md.orig",
        f"{number}-l{index}_BASE_77.md", "README.md", f"sous/{number}-l{index}.md", f"../{number}-l{index}.md"]))
    more = draw(st.sampled_from(["<!-- more -->"] * 3 + ["<!--more-->", "<!-- mor -->", "<!-- MORE -->",
                                                          "<!— more —>", "more", ""]))
    chapeau = draw(st.lists(st.sampled_from([
        "Le chapeau.", f"Le chapeau, [carte](pub{index}.png).", "Le chapeau[^c].\n\n[^c]: Note publique.",
        "Le chapeau[^a].", "<!-- note -->", "Otan* en titre\n---------",
    ]), min_size=1, max_size=3))
    analysis = f"L’analyse {SECRET}, [annexe](annexe{index}.pdf)[^a].\n\n[^a]: Source {SECRET}."
    number_text = draw(st.sampled_from([str(number), f"{number}.0", str(number)]))
    zones = draw(st.sampled_from(["[Japon]", "[Japon, Nippon]", "[Japon, Japon]", "[Jappon]"]))
    body = "\n\n".join(chapeau) + (f"\n\n{more}\n\n{analysis}" if more else "")
    front = f"number: {number_text}\nissue: 2024-{1 + index % 12:02d}\nzones: {zones}\ntitle: Lettre {index}"
    path = posixpath.normpath(f"docs/lettres/{name}")
    files = {path: note(front, body),
             f"docs/lettres/pub{index}.png": "image publique",
             f"docs/lettres/annexe{index}.pdf": f"%PDF {SECRET}"}
    if more in ("", "more"):  # no real marker: the whole text is the chapeau, and public
        files[path] = note(front, "\n\n".join(chapeau))
    return files


@st.composite
def projects(draw) -> Project:
    project = Project(files=dict(MINIMAL_REGISTRY))
    project.files[GOOD_EVENT[0]] = GOOD_EVENT[1]
    for index in range(draw(st.integers(1, 5))):
        path, text, withheld = draw(event_files(index))
        project.files[path] = text
        if withheld:
            project.confidential_events.add(path)
    for index in range(draw(st.integers(0, 3))):
        project.files.update(draw(letter_files(index)))
    strays = draw(st.lists(st.tuples(
        st.sampled_from(["docs", "docs/lettres", "docs/pays", "docs/lettres/vieux", "events/2023"]),
        st.sampled_from(["f.txt", "f.md.swp", "f.MD", "f.html", "f.json", "notes.md", ".f", "f"]),
    ), max_size=3, unique=True))
    for folder, name in strays:
        project.files[f"{folder}/x{name}"] = f"{SECRET}\n"
    for link, target in draw(st.lists(st.sampled_from([
        ("docs/lettres/190-lien.md", "OUTSIDE/letter.md"), ("docs/pays/environ.md", "/proc/self/environ"),
        ("docs/annexes", "OUTSIDE"), ("events/2023/2023-06-30-mort.md", "absent.md"),
        ("docs/themes/boucle.md", "boucle.md"),
    ]), max_size=3, unique=True)):
        project.links[link] = target
    return project


def _write(project: Project, root: Path) -> Path:
    outside = root / "outside"
    outside.mkdir()
    (outside / "letter.md").write_text(note("number: 190\nissue: 2024-12\nzones: [Japon]\ntitle: Dehors",
                                            f"Chapeau {SECRET}."), "utf-8")
    folder = make_project(root / "project", {})
    for relative, text in project.files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_dir():
            path.write_text(text, "utf-8")
    for relative, target in project.links.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target.replace("OUTSIDE", str(outside)))
    return folder


def _reported(relative: str, lines: list[str]) -> bool:
    """Whether a diagnostic names the file or a folder holding it."""
    parts = relative.split("/")
    prefixes = {"/".join(parts[:n]) for n in range(1, len(parts) + 1)}
    return any(line.startswith(f"{prefix}:") for prefix in prefixes for line in lines)


def _published(relative: str, site: Path) -> bool:
    path = Path(relative)
    if relative.startswith("events/"):
        return (site / "evenements" / path.stem / "index.html").exists()
    inside = Path(*path.parts[1:])
    if path.suffix == ".md":
        return (site / inside.with_suffix("") / "index.html").exists()
    return (site / inside).exists()


@PROPERTY
@given(projects())
def test_hostile_projects_keep_every_promise(project):
    with tempfile.TemporaryDirectory(prefix="briefing-hypothesis-") as temporary:
        root = Path(temporary)
        folder = _write(project, root)
        checked = run_check(folder)
        assert checked.returncode in (0, 1) and "Traceback" not in checked.stderr, checked.stderr
        plain = build(folder, root / "site")
        assert plain.returncode == 0 and "Traceback" not in plain.output, plain.output
        assert site_leaks(plain.site, [SECRET]) == {}
        assert "Le fait valide." in plain.text("evenements/2023-05-03-valide/")
        lines = checked.stdout.splitlines()
        for line in lines:
            assert line in plain.output, line
        unaccounted = [relative for relative in [*project.files, *project.links]
                       if relative not in MINIMAL_REGISTRY and not _reported(relative, lines)
                       and not _published(relative, plain.site)]
        withheld = int(re.search(r"(\d+) withheld", plain.output).group(1))
        assert set(unaccounted) <= project.confidential_events, (unaccounted, checked.stdout)
        assert len(unaccounted) == withheld, (unaccounted, plain.output)


@settings(PROPERTY, max_examples=max(2, EXAMPLES // 3))
@given(projects())
def test_hostile_projects_build_reproducibly_and_leak_nothing_offline(project):
    with tempfile.TemporaryDirectory(prefix="briefing-hypothesis-") as temporary:
        root = Path(temporary)
        folder = _write(project, root)
        env = {"SOURCE_DATE_EPOCH": "1700000000"}
        first = build(folder, root / "one", env=env)
        second = build(folder, root / "two", env=env)
        assert first.returncode == second.returncode == 0, first.output
        files = sorted(p.relative_to(first.site) for p in first.site.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(second.site) for p in second.site.rglob("*") if p.is_file())
        differing = [f for f in files if (first.site / f).read_bytes() != (second.site / f).read_bytes()]
        assert differing == []
        offline = build(folder, root / "export", env={**env, "OFFLINE": "true"})
        assert offline.returncode == 0 and "Traceback" not in offline.output, offline.output
        assert site_leaks(offline.site, [SECRET]) == {}
