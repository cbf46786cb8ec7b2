"""The editor's export: ``tools/dev.py export``, what its zip holds and leaves out, and a walk of it
in a browser from ``file://`` with no failed request and no console error."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import icalendar
import lxml.html
import pytest

from support import FULL_EXPORT_EPOCH, REPO, make_project

EPOCH = FULL_EXPORT_EPOCH  # 2024-11-01: the date of ``full_export`` (conftest.py)


def _zip_names(site: Path) -> list[str]:
    with zipfile.ZipFile(site.with_name(site.name + ".zip")) as packed:
        return packed.namelist()


def test_the_zip_opens_on_a_note_that_says_what_to_open(full_export):
    site = full_export.site
    names = _zip_names(site)
    assert names[0] == "export/LISEZ-MOI.txt"
    with zipfile.ZipFile(site.with_name("export.zip")) as packed:
        note = packed.read(names[0]).decode("utf-8")
    assert "ouvrez le fichier index.html de ce dossier" in note
    assert "Édition : abonnés (complète)" in note
    assert "Construit le 1er novembre 2024" in note  # SOURCE_DATE_EPOCH, not the clock
    assert len(note.splitlines()) < 15


def test_the_export_carries_no_source_map_no_feed_and_one_calendar(full_export, offline_export):
    for export in (full_export, offline_export):
        site = export.site
        assert not list(site.rglob("*.map"))
        assert not [p for p in site.rglob("*.js") if b"sourceMappingURL" in p.read_bytes()]
        assert not [p for p in site.rglob("*.css") if b"sourceMappingURL" in p.read_bytes()]
        assert sorted(p.relative_to(site).as_posix() for p in (site / "flux").rglob("*") if p.is_file()) == [
            "flux/evenements.ics", "flux/index.html"]
        assert {p.name for p in (site / "donnees").iterdir()} == {"evenements.json", "lettres.json", "schema.json"}
        names = _zip_names(site)
        assert not [n for n in names if n.endswith((".map", ".xml")) and "/flux/" in n]
        calendar = icalendar.Calendar.from_ical((site / "flux" / "evenements.ics").read_bytes())
        events = json.loads((site / "donnees" / "evenements.json").read_text("utf-8"))["events"]
        assert sorted(str(v["uid"]).split("@")[0] for v in calendar.walk("VEVENT")) == sorted(e["id"] for e in events)


def test_export_pages_link_no_feed_and_only_what_is_in_the_export(offline_export):
    site = offline_export.site
    for page in site.rglob("*.html"):
        tree = lxml.html.fromstring(page.read_bytes())
        assert not tree.xpath("//link[@rel='alternate']"), page  # Material fetches a sitemap beside each
        for href in tree.xpath("//a/@href"):
            if "flux/" in href and not href.startswith(("http", "#")):
                target = (page.parent / href.split("#")[0]).resolve()
                assert target.is_file(), (page, href)
    subscriptions = " ".join(lxml.html.fromstring((site / "flux" / "index.html").read_bytes()).text_content().split())
    assert "evenements.ics" in subscriptions and "lettres.xml" not in subscriptions
    japon = lxml.html.fromstring((site / "pays" / "japon.html").read_bytes())
    assert not japon.xpath("//*[contains(@class, 'briefing-follow')]")


def test_the_online_site_keeps_its_feeds(public_site):
    site = public_site.site
    assert (site / "flux" / "lettres.xml").is_file() and (site / "flux" / "pays" / "japon.ics").is_file()
    assert public_site.page("pays/japon/").xpath("//link[@rel='alternate']")


def _borrow_environment(project: Path) -> None:
    """A ``.venv`` in the copy whose ``bin/`` links to this environment's programs, stamped as installed
    (as ``tools/dev.py`` stamps it) so that the command installs nothing: a reinstall from the copy
    would point this environment's editable install at a temporary folder."""
    spec = importlib.util.spec_from_file_location("dev_tool", project / "tools" / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    real_bin = Path(sys.executable).parent
    dev.BIN.mkdir(parents=True)
    for name in ("python", "mkdocs"):
        (dev.BIN / name).symlink_to(real_bin / name)
    files = [project / "requirements.txt", project / "requirements-dev.txt", project / "pyproject.toml"]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files) + b"requirements.txt").hexdigest()
    (dev.VENV / ".installed-requirements.txt").write_text(digest)


def test_dev_export_command_builds_the_zip_and_says_where(tmp_path):
    """``python3 tools/dev.py export --edition full`` in a copy of the repository (its .venv reused)."""
    project = make_project(tmp_path / "repo", {}, with_sample=True)
    for name in ("tools", "requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    _borrow_environment(project)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    env.pop("OFFLINE", None)
    done = subprocess.run([sys.executable, str(project / "tools" / "dev.py"), "export", "--edition", "full"],
                          cwd=project, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    archive = project / "export-full.zip"
    size = archive.stat().st_size
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith(f"export-full.zip: {size / 1e6:.1f} MB ({size:,} bytes)"), last
    with zipfile.ZipFile(archive) as packed:
        assert packed.namelist()[0] == "export-full/LISEZ-MOI.txt"
        assert "export-full/evenements/2024-04-22-non-papier-otan-ip4.html" in packed.namelist()  # confidential
    refused = subprocess.run([sys.executable, str(project / "tools" / "dev.py"), "export", "--edition", "draft"],
                             cwd=project, capture_output=True, text=True, env=env)
    assert refused.returncode == 2 and "--edition full" in refused.stderr


def _one_page_of_each_kind(site: Path) -> list[Path]:
    """Every folder's index and its first other page: home, letters, events, chronology (years, months),
    registry entries and their archives, glossary, relations, authors, what's new, subscriptions…"""
    chosen: dict[tuple[str, bool], Path] = {}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site)
        chosen.setdefault((relative.parent.as_posix(), page.name == "index.html"), page)
    return sorted(chosen.values())


@pytest.mark.browser
def test_a_walk_of_the_export_from_file_url_fails_no_request_and_logs_no_error(browser, full_export):
    site = full_export.site
    pages = _one_page_of_each_kind(site)
    assert len(pages) > 15
    context = browser.new_context()
    failed: list[str] = []
    errors: list[str] = []
    context.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})"))
    context.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and errors.append(f"{page.url}: {message.text}"))
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("networkidle")
    from browser_support import search

    meta, results = search(page, "otan")
    assert results, meta
    context.close()
    assert failed == []
    assert errors == []
