"""Preview: ``mkdocs serve`` rebuilds when notes, letters or registry entries change, and survives bad edits."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import lxml.html
import pytest

from support import MINIMAL_REGISTRY, MKDOCS, REPO, build, make_project, note

EVENT = "events/2024/2024-10-01-ishiba-premier-ministre.md"
LETTER = "docs/lettres/3-nouveau-gouvernement.md"
WAIT = 60.0
"""Upper bound for one rebuild to show; a rebuild of this small project takes about a second."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"not seen within {WAIT:.0f} s: {what}")


class Server:
    def __init__(self, project: Path, log: Path):
        self.port = _free_port()
        self.log = log
        # as a contributor runs it: the site's language (French) for messages, not the tests' English
        env = {k: v for k, v in os.environ.items()
               if k not in ("SITE_URL", "BRIEFING_EDITION", "OFFLINE", "BRIEFING_LANGUAGE")}
        env["NO_MKDOCS_2_WARNING"] = "1"
        self._log_stream = log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [str(MKDOCS), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"],
            cwd=project, stdout=self._log_stream, stderr=subprocess.STDOUT, env=env,
        )

    def page(self, path: str) -> tuple[int, str]:
        return _get(f"http://127.0.0.1:{self.port}/{path}")

    def output(self) -> str:
        return self.log.read_text("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log_stream.close()


@pytest.fixture
def server(tmp_path) -> Iterator[tuple[Server, Path]]:
    files = {
        **MINIMAL_REGISTRY,
        EVENT: note("date: 2024-10-01\ntitle: Premier titre\ncountries: [Japon]", "Le Otan* salue le fait."),
        LETTER: note("number: 3\nissue: 2024-10\nzones: [Japon]\ntitle: Lettre initiale\n"
                     "facts: [2024-10-01-ishiba-premier-ministre]", "Chapeau.\n\n<!-- more -->\n\nAnalyse."),
    }
    project = make_project(tmp_path / "project", files)
    running = Server(project, tmp_path / "serve.log")
    try:
        _wait_for(lambda: running.page("")[0] == 200 or running.process.poll() is not None, "the home page")
        assert running.process.poll() is None, running.output()
        yield running, project
    finally:
        running.stop()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_serve_reloads_on_content_changes(server):
    running, project = server
    assert "Premier titre" in running.page("evenements/2024-10-01-ishiba-premier-ministre/")[1]
    assert "Watching paths for changes" in running.output()

    _edit(project / EVENT, "title: Premier titre", "title: Titre corrigé")
    _wait_for(lambda: "Titre corrigé" in running.page("evenements/2024-10-01-ishiba-premier-ministre/")[1],
              "the event's new title on its page")

    _edit(project / LETTER, "title: Lettre initiale", "title: Lettre revue")
    _wait_for(lambda: "Lettre revue" in running.page("lettres/3-nouveau-gouvernement/")[1], "the letter's new title")

    _edit(project / "docs/organisations/otan.md", "Alliance militaire fondée en 1949.", "Alliance défensive de 1949.")
    _wait_for(lambda: "Alliance défensive de 1949." in running.page("glossaire/")[1], "the glossary's new definition")


def test_serve_reports_bad_content_and_keeps_running(server):
    running, project = server
    _edit(project / EVENT, "date: 2024-10-01", "date: 2024-13-01")
    expected = f"{EVENT}:2: date:"
    _wait_for(lambda: expected in running.output(), "the diagnostic in the terminal")
    assert "ERROR" in next(line for line in running.output().splitlines() if expected in line)
    assert running.process.poll() is None
    assert running.page("")[0] == 200
    _wait_for(lambda: "Non publié" in running.page("evenements/2024-10-01-ishiba-premier-ministre/")[1],
              "the rejected note's page replaced by why it is not published")

    _edit(project / EVENT, "date: 2024-13-01", "date: 2024-10-01")
    _wait_for(lambda: "Premier titre" in running.page("evenements/2024-10-01-ishiba-premier-ministre/")[1],
              "the event's page back after the fix")
    assert _notice(running.page("evenements/2024-10-01-ishiba-premier-ministre/")[1]) == ""
    assert running.process.poll() is None


def test_contributing_quick_start_previews_a_new_event(tmp_path):
    """The guide's own `new event` command, run in a copy of the repository, gives a page in the preview."""
    guide = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    line = next(x for x in guide.splitlines() if x.startswith("python3 tools/dev.py new event "))
    args = shlex.split(line)[2:]
    project = make_project(tmp_path / "project", {}, with_sample=True)
    created = subprocess.run([sys.executable, "-m", "briefing", *args], cwd=project, capture_output=True, text=True)
    assert created.returncode == 0, created.stderr
    event_id = Path(created.stdout.splitlines()[0]).stem
    running = Server(project, tmp_path / "serve.log")
    try:
        _wait_for(lambda: running.page(f"evenements/{event_id}/")[0] == 200 or running.process.poll() is not None,
                  "the new event's page")
        status, page = running.page(f"evenements/{event_id}/")
        assert status == 200, running.output()
        assert "Shigeru Ishiba devient Premier ministre" in page
    finally:
        running.stop()


def _notice(page: str) -> str:
    """The text of the problems notice of a served page ('' if it has none)."""
    tree = lxml.html.fromstring(page)
    return " ".join(" ".join(tree.xpath("//div[contains(@class, 'briefing-problems')]//text()")).split())


def test_serve_shows_problems_on_the_pages_they_affect_and_never_in_a_build(server, tmp_path):
    running, project = server
    event_page, letter_page = "evenements/2024-10-01-ishiba-premier-ministre/", "lettres/3-nouveau-gouvernement/"
    assert _notice(running.page(letter_page)[1]) == ""
    _edit(project / LETTER, "Chapeau.", "Chapeau sur le Quad*.")
    _wait_for(lambda: "Quad" in _notice(running.page(letter_page)[1]), "the glossary warning on the letter")
    notice = _notice(running.page(letter_page)[1])
    assert f"avertissement · {LETTER}:8 body : le glossaire n’a pas de terme « Quad »" in notice, notice

    _edit(project / EVENT, "date: 2024-10-01", "date: 01/10/2024")
    _wait_for(lambda: "01/10/2024" in _notice(running.page(event_page)[1]), "the rejected note's page")
    status, page = running.page(event_page)
    assert status == 200
    assert f"erreur · {EVENT}:2 date : '01/10/2024' n’est pas une date ; écrivez 2024-10-01" in _notice(page)
    page = page.replace("\u202f", " ").replace("\u00a0", " ").replace("&#8239;", " ")  # French typography
    assert f"Non publié : {EVENT}" in page and "Cette note n’est pas publiée" in page
    letter = _notice(running.page(letter_page)[1])
    assert (f"{LETTER}:6 facts/0 : identifiant de note « 2024-10-01-ishiba-premier-ministre » introuvable "
            f"({EVENT} existe mais a été refusée, voyez ses erreurs)") in letter, letter

    built = build(project, tmp_path / "site", env={"BRIEFING_LANGUAGE": ""})
    assert built.returncode == 0, built.output  # a plain build publishes the rest
    assert "ERROR" in built.output and "n’est pas une date" in built.output
    assert not (built.site / "evenements" / "2024-10-01-ishiba-premier-ministre").exists()
    assert not [p for p in built.site.rglob("*.html") if b"briefing-problems" in p.read_bytes()]
    assert build(project, tmp_path / "strict", strict=True).returncode == 1
