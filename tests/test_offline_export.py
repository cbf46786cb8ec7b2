"""The offline export: self-contained HTML, the vendored shim, no repository widget, one reproducible zip."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import lxml.html

from briefing.exports.offline import DEFAULT_EPOCH, entry_time, write_zip, zip_path_for
from support import MINIMAL_REGISTRY, REPO, build, make_project

SHIM = "assets/vendor/iframe-worker/shim.js"
_FETCHED_LINKS = " stylesheet icon preload modulepreload manifest "
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def _loaded_resources(page: Path) -> list[str]:
    """What a browser fetches when it opens the page: scripts, stylesheets, icons, images, frames."""
    tree = lxml.html.fromstring(page.read_bytes())
    return (
        tree.xpath("//script/@src | //img/@src | //iframe/@src | //source/@src | //source/@srcset")
        + tree.xpath(f"//link[contains('{_FETCHED_LINKS}', concat(' ', @rel, ' '))]/@href")
    )


def test_every_resource_an_export_page_loads_is_a_file_in_the_export(offline_export):
    site = offline_export.site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    checked = 0
    for page in pages:
        for url in _loaded_resources(page):
            checked += 1
            assert not urlparse(url).scheme and not url.startswith("/"), (page, url)
            target = (page.parent / url.split("?")[0].split("#")[0]).resolve()
            assert target.is_file() and target.is_relative_to(site.resolve()), (page, url)
    assert checked > 4 * len(pages)  # stylesheets, scripts, the shim and the icon of every page
    for stylesheet in site.rglob("*.css"):
        for url in _CSS_URL.findall(stylesheet.read_text("utf-8")):
            assert url.startswith(("data:", "#")) or not urlparse(url).scheme, (stylesheet, url)


def test_export_uses_html_links_and_the_vendored_shim(offline_export):
    site = offline_export.site
    home = lxml.html.fromstring((site / "index.html").read_bytes())
    assert "lettres/index.html" in home.xpath("//a/@href")
    assert "search/search_offline.js" in home.xpath("//head/script/@src")
    shim = (REPO / "docs" / SHIM).read_text("utf-8").rstrip()  # run at the end of the export's search loader
    assert f"(function () {{\n{shim}\n}})();" in (site / "search" / "search_offline.js").read_text("utf-8")
    assert not (site / SHIM).exists()
    assert not any("unpkg.com" in src for page in site.rglob("*.html") for src in _loaded_resources(page))
    assert not (site / "404.html").exists()  # its links are absolute to a server root


def test_export_is_packed_as_one_zip_next_to_its_folder(offline_export):
    site = offline_export.site
    archive = site.parent / "export.zip"
    assert sorted(p.name for p in site.parent.iterdir()) == ["export", "export.zip"]
    files = {f"export/{p.relative_to(site).as_posix()}": p for p in site.rglob("*") if p.is_file()}
    with zipfile.ZipFile(archive) as packed:
        names = packed.namelist()
        assert names[0] == "export/LISEZ-MOI.txt"  # the reader's note first, then everything sorted
        assert names[1:] == sorted(names[1:])
        assert set(names) == set(files)
        for name, path in files.items():
            assert packed.read(name) == path.read_bytes(), name
        assert {info.date_time for info in packed.infolist()} == {entry_time({})}


def test_online_build_leaves_no_zip(public_site):
    assert not zip_path_for(public_site.site).exists()


def test_full_edition_export_is_reproducible(tmp_path):
    """Either edition can be exported; the same sources give the same zip, byte for byte."""
    env = {"OFFLINE": "true", "BRIEFING_EDITION": "full", "SOURCE_DATE_EPOCH": "1730419200"}
    first = build(REPO, tmp_path / "a" / "site", strict=True, env=env)
    second = build(REPO, tmp_path / "b" / "site", strict=True, env=env)
    assert first.returncode == 0 and second.returncode == 0, first.output + second.output
    assert (tmp_path / "a" / "site.zip").read_bytes() == (tmp_path / "b" / "site.zip").read_bytes()
    assert (first.site / "evenements" / "2024-04-22-non-papier-otan-ip4.html").exists()  # a confidential event
    with zipfile.ZipFile(tmp_path / "a" / "site.zip") as packed:
        assert {info.date_time for info in packed.infolist()} == {(2024, 11, 1, 0, 0, 0)}


def test_zip_entries_do_not_depend_on_file_order_or_times(tmp_path):
    for name, order in [("a", ["z.txt", "m/b.txt", "a.txt"]), ("b", ["a.txt", "z.txt", "m/b.txt"])]:
        folder = tmp_path / name / "export"
        for index, relative in enumerate(order):
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(relative, "utf-8")
            os.utime(path, (1_000_000 + index * 9999, 1_000_000 + index * 9999))
        write_zip(folder, environ={})
    first, second = (tmp_path / n / "export.zip" for n in "ab")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as packed:
        assert packed.namelist() == ["export/a.txt", "export/m/b.txt", "export/z.txt"]
    assert entry_time({"SOURCE_DATE_EPOCH": "not a number"}) == entry_time({}) == (1980, 1, 1, 0, 0, 0)
    assert entry_time({"SOURCE_DATE_EPOCH": str(DEFAULT_EPOCH + 86400)}) == (1980, 1, 2, 0, 0, 0)


def test_offline_build_drops_the_repository_widget(tmp_path):
    """``repo_url`` makes Material's header call api.github.com from the reader's browser."""
    project = make_project(tmp_path / "project", dict(MINIMAL_REGISTRY))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nrepo_url: https://github.com/example/briefing\n", "utf-8")
    online = build(project, tmp_path / "online" / "site", strict=True)
    offline = build(project, tmp_path / "offline" / "site", strict=True, env={"OFFLINE": "true"})
    assert online.returncode == 0 and offline.returncode == 0, online.output + offline.output
    assert online.page("").xpath("//*[contains(@class, 'md-source')]")
    assert not offline.page("index.html").xpath("//*[contains(@class, 'md-source')]")
    assert "github.com/example" not in (offline.site / "index.html").read_text("utf-8")
