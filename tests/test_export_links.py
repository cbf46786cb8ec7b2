"""The offline export names pages as the published site serves them.

Its own pages are ``x.html`` files (``use_directory_urls: false``); the site serves ``x/``. Every absolute
URL the export carries (its JSON data, its calendar, the address a printed page names) is one the online
build has a page for, identifiers (calendar UIDs) are those of the online build, and a relative link (no
site URL known) leads to a file of the export. Read from the zip a subscriber receives, after real builds
of the sample, online and ``OFFLINE=true``, in both editions.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import icalendar
import pytest

from briefing.exports.links import SiteLinks
from support import MINIMAL_REGISTRY, REPO, BuildResult, build_variants, make_project, note

SITE_URL = "https://briefing.example.org/"
DATA = ("donnees/evenements.json", "donnees/lettres.json")
CALENDAR = "flux/evenements.ics"
_ON_SITE = re.compile(re.escape(SITE_URL) + r"[^\s\"'<>\\]*")


def _zipped(export: BuildResult) -> dict[str, bytes]:
    """The export as the subscriber gets it: the zip's entries by path inside the export folder."""
    with zipfile.ZipFile(export.site.with_name(export.site.name + ".zip")) as packed:
        prefix = export.site.name + "/"
        return {name.removeprefix(prefix): packed.read(name) for name in packed.namelist() if not name.endswith("/")}


def _page_urls(record: object) -> list[str]:
    """Every ``url`` of a JSON record that names a page of the site (sources' URLs name other sites)."""
    if isinstance(record, list):
        return [url for item in record for url in _page_urls(item)]
    if not isinstance(record, dict):
        return []
    found = [record["url"]] if isinstance(record.get("url"), str) else []
    return found + [url for key, value in record.items() if key != "sources" for url in _page_urls(value)]


def _data_urls(files: dict[str, bytes]) -> dict[str, list[str]]:
    return {path: _page_urls(json.loads(files[path])) for path in DATA}


def _vevents(calendar: bytes) -> dict[str, icalendar.Event]:
    return {str(vevent["uid"]): vevent for vevent in icalendar.Calendar.from_ical(calendar).walk("VEVENT")}


def _served(online: Path, url: str) -> bool:
    """Whether the online build has the file a web server answers ``url`` with."""
    assert url.startswith(SITE_URL), url
    target = online / unquote(urlsplit(url).path).lstrip("/")
    return (target / "index.html").is_file() if url.endswith("/") else target.is_file()


def _in_export(files: dict[str, bytes], url: str, from_file: str) -> bool:
    """Whether a relative ``url`` written in ``from_file`` leads to a file of the export."""
    assert not urlsplit(url).scheme and not url.startswith("/"), url
    parts: list[str] = []
    for part in (*PurePosixPath(from_file).parent.parts, *unquote(url).split("/")):
        if part == "..":
            assert parts, (from_file, url)  # never above the export's folder
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts) in files


@pytest.fixture(params=["public", "full"])
def edition_pair(request, public_site, full_site, offline_export, full_export) -> tuple[Path, dict[str, bytes]]:
    """(the online build's folder, the offline export's zip) of one edition of the sample."""
    online, export = (public_site, offline_export) if request.param == "public" else (full_site, full_export)
    return online.site, _zipped(export)


def test_every_absolute_url_of_the_export_is_a_page_of_the_online_site(edition_pair):
    online, files = edition_pair
    urls = [url for found in _data_urls(files).values() for url in found]
    urls += [str(vevent["url"]) for vevent in _vevents(files[CALENDAR]).values()]
    assert len(urls) > 100
    for url in urls:
        assert not url.endswith(".html") and _served(online, url), url
    # anything else of the export naming the site: the address a printed page names, above all
    unfolded = {path: data.replace(b"\r\n ", b"") for path, data in files.items()}  # calendar lines fold
    named = {url.rstrip(".,;") for path, data in unfolded.items() if not path.endswith((".js", ".css"))
             for url in _ON_SITE.findall(data.decode("utf-8", "replace"))}
    assert len(named) > 40
    for url in named:
        assert _served(online, url), url


def test_the_export_carries_the_online_data_and_calendar_events(edition_pair):
    """JSON and calendar events alike: the same UIDs (a calendar that imported the site's file sees the
    export's events as the same ones), the same URLs, the same records."""
    online, files = edition_pair
    for path in DATA:
        assert json.loads(files[path]) == json.loads((online / path).read_bytes()), path
    exported, served = _vevents(files[CALENDAR]), _vevents((online / CALENDAR).read_bytes())
    assert len(exported) > 10 and sorted(exported) == sorted(served)
    for uid, vevent in exported.items():
        assert uid.endswith("@briefing.example.org")
        assert str(vevent["url"]) == str(served[uid]["url"])
        assert vevent.to_ical().replace(vevent["dtstamp"].to_ical(), b"") == \
            served[uid].to_ical().replace(served[uid]["dtstamp"].to_ical(), b"")


@pytest.fixture(scope="module")
def without_site_url(tmp_path_factory) -> dict[str, BuildResult]:
    """The sample built with no site URL: online (directory pages) and as the export."""
    return build_variants(REPO, tmp_path_factory.mktemp("no-site-url"), {
        "online": {"SITE_URL": ""}, "offline": {"SITE_URL": "", "OFFLINE": "true"}})


def test_without_a_site_url_the_exports_links_lead_to_its_own_html_files(without_site_url):
    files = _zipped(without_site_url["offline"])
    for path, urls in _data_urls(files).items():
        assert len(urls) > 10, path
        for url in urls:
            assert url.endswith(".html") and _in_export(files, url, path), (path, url)
    exported = _vevents(files[CALENDAR])
    assert exported and not any("url" in vevent for vevent in exported.values())  # no address to give
    online = without_site_url["online"].site
    assert sorted(exported) == sorted(_vevents((online / CALENDAR).read_bytes()))
    assert all(uid.endswith("@briefing.invalid") for uid in exported)
    for path, urls in _data_urls({p: (online / p).read_bytes() for p in DATA}).items():
        for url in urls:  # the online build's relative links lead to its directory pages
            assert url.endswith("/") and (online / path).parent.joinpath(unquote(url), "index.html").is_file(), url


def test_a_site_served_without_directory_urls_is_named_with_its_html_pages(tmp_path):
    """The export names pages as ``mkdocs.yml`` says the site serves them, noted before the offline
    plugin turns directory URLs off; here the site itself serves ``x.html``."""
    event = note("date: 2024-05-02\ntitle: Sommet à Tokyo\ncountries: [Japon]")
    project = make_project(tmp_path / "project", {**MINIMAL_REGISTRY, "events/2024/2024-05-02-fait.md": event})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nuse_directory_urls: false\n", "utf-8")
    builds = build_variants(project, tmp_path / "sites", {"online": {}, "offline": {"OFFLINE": "true"}})
    online, files = builds["online"].site, _zipped(builds["offline"])
    assert files[DATA[0]] == (online / DATA[0]).read_bytes()
    event = json.loads(files[DATA[0]])["events"][0]
    assert event["url"] == f"{SITE_URL}evenements/2024-05-02-fait.html" and _served(online, event["url"])
    assert str(_vevents(files[CALENDAR])["2024-05-02-fait@briefing.example.org"]["url"]) == event["url"]


@pytest.mark.parametrize("site_url", [SITE_URL, ""])
def test_site_links_name_a_page_the_same_way_in_both_builds(site_url):
    online, offline = SiteLinks(site_url), SiteLinks(site_url, directory_urls=False)
    for src_uri in ("evenements/x.md", "chronologie/index.md", "index.md", "pays/README.md"):
        assert offline.page_url(src_uri) == online.page_url(src_uri)
        assert offline.page_identifier(src_uri) == online.page_identifier(src_uri)
        assert ".html" not in offline.page_identifier(src_uri)
    assert offline.page_path("chronologie/index.md") == "chronologie/index.html"
    assert online.online_path("pays/README.md") == offline.online_path("pays/index.md") == "pays/"
    link = offline.page_link("evenements/x.md", from_file="donnees/evenements.json")
    assert link == (f"{SITE_URL}evenements/x/" if site_url else "../evenements/x.html")


def test_the_readers_note_says_where_the_datas_links_lead(offline_export, without_site_url):
    """The note at the top of the zip: with a site address, the data's links lead online (and the
    reader is told so); without one, they lead to the export's own pages."""
    with_url = _zipped(offline_export)["LISEZ-MOI.txt"].decode("utf-8")
    assert f"site en ligne, à l’adresse {SITE_URL} ;" in with_url
    without = _zipped(without_site_url["offline"])["LISEZ-MOI.txt"].decode("utf-8")
    assert "Leurs liens mènent aux pages de ce dossier." in without and "en ligne" not in without
    assert without.count("\r\n") == without.count("\n")  # Windows line ends, for any editor
