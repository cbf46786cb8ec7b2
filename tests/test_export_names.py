"""An event's id is its file name, and a file name may hold anything but ``/``: the JSON, iCalendar and
Atom exports carry it encoded for their format (issue 13, finding 8). The loader may refuse odd names
(then it says so); whatever id it lets through, the exports encode."""

from __future__ import annotations

import json
from urllib.parse import quote, unquote, urlsplit

import feedparser
import icalendar
import lxml.etree
import pytest

from briefing.exports import rfc5545
from briefing.exports.links import SiteLinks, url_path
from support import MINIMAL_REGISTRY, build, make_project, note

SITE_URL = "https://briefing.example.org/"
ODD_IDS = [
    '2024-05-01-a b"<c>&d;e,f\\g',
    "2024-05-02-x\r\nBEGIN:VEVENT\r\nSUMMARY:INJECTE",
    "2024-05-03-x]]>&amp;<!--",
    "2024-05-04-été\u2028\u2029'",
]


def _files() -> dict[str, str]:
    files = {**MINIMAL_REGISTRY}
    for day, event_id in enumerate(ODD_IDS, start=1):
        files[f"events/2024/{event_id}.md"] = note(f"date: 2024-05-0{day}\ntitle: Fait {day}\ncountries: [Japon]")
    return files


_ENVS = {"online": {"SITE_URL": SITE_URL}, "relative": {"SITE_URL": ""}, "offline": {"OFFLINE": "true", "SITE_URL": ""}}
"""Absolute links; relative links (no site URL); the offline export (relative links, ``.html`` pages, no feed)."""


@pytest.fixture(scope="module", params=list(_ENVS))
def odd_site(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"odd-names-{request.param}")
    env = _ENVS[request.param]
    result = build(make_project(root / "project", _files()), root / "site", env=env)
    assert "Traceback" not in result.output, result.output
    return request.param, result


def _exported_ids(site) -> list[str]:
    return [event["id"] for event in json.loads((site / "donnees/evenements.json").read_text("utf-8"))["events"]]


def test_every_odd_name_is_exported_or_reported(odd_site):
    _, result = odd_site
    exported = _exported_ids(result.site)
    for event_id in ODD_IDS:
        assert event_id in exported or event_id.splitlines()[0] in result.output, event_id
    assert exported, "nothing left to check the exports with"


def _page_exists(result, mode: str, url: str, from_file: str) -> bool:
    """Whether a URL written in ``from_file`` leads to a page of the site."""
    if mode == "online":
        assert url.startswith(SITE_URL), url
        path = unquote(urlsplit(url).path.removeprefix("/"))
    else:
        path = unquote(str(result.site.joinpath(from_file).parent.joinpath(url).resolve().relative_to(result.site)))
    target = result.site / path
    return (target / "index.html").is_file() if url.endswith("/") else target.is_file()


def test_json_urls_are_percent_encoded_and_lead_to_the_page(odd_site):
    mode, result = odd_site
    text = (result.site / "donnees/evenements.json").read_text("utf-8")
    for event in json.loads(text)["events"]:
        url = event["url"]
        assert url == quote(url, safe="/:%"), url
        assert _page_exists(result, mode, url, "donnees/evenements.json"), url


def test_the_calendar_holds_one_event_per_note_with_its_id(odd_site):
    """A line break in a file name started calendar lines of its own (``BEGIN:VEVENT``, ``SUMMARY:…``)."""
    mode, result = odd_site
    raw = (result.site / "flux/evenements.ics").read_bytes()
    assert all(b"\r" not in line and b"\n" not in line for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    vevents = calendar.walk("VEVENT")
    exported = _exported_ids(result.site)
    assert len(vevents) == len(exported)
    host = "briefing.example.org" if mode == "online" else "briefing.invalid"
    uids = sorted(str(vevent["uid"]) for vevent in vevents)
    assert uids == sorted(f"{event_id}@{host}".replace("\r\n", "\n") for event_id in exported)
    assert not any("INJECTE" in str(vevent["summary"]) for vevent in vevents)
    for vevent in vevents:
        if mode == "online":
            assert _page_exists(result, mode, str(vevent["url"]), "flux/evenements.ics")
        else:
            assert "url" not in vevent


def test_atom_ids_and_links_are_escaped_and_lead_to_the_page(odd_site):
    mode, result = odd_site
    if mode == "offline":  # the export carries no feed (nobody subscribes to a file)
        assert not list((result.site / "flux").glob("*.xml"))
        return
    raw = (result.site / "flux/evenements.xml").read_bytes()
    lxml.etree.fromstring(raw)
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == len(_exported_ids(result.site))
    for entry in feed.entries:
        assert _page_exists(result, mode, entry.link, "flux/evenements.xml"), entry.link
        assert " " not in entry.id and "<" not in entry.id and "\n" not in entry.id


@pytest.mark.parametrize("event_id", [*ODD_IDS, "2024-05-05-\udcff"])
def test_the_writers_encode_any_id(event_id):
    """The same guarantees without a build, for names a loader might let through (a lone surrogate is
    what Python makes of an undecodable byte in a file name)."""
    links = SiteLinks(SITE_URL)
    page = links.absolute(links.page_path(f"evenements/{event_id}.md"))
    assert page == SITE_URL + url_path(f"evenements/{event_id}/") and page.isascii()
    assert not set(page) & set(' "<>\\\r\n\u2028')
    calendar = rfc5545.lines("BEGIN:VEVENT", f"UID:{rfc5545.text(event_id)}", f"URL:{page}",
                             f"URL:{SITE_URL}{event_id}", "END:VEVENT")
    lines = calendar.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")  # unfolded
    assert lines[0] == "BEGIN:VEVENT" and lines[-2:] == ["END:VEVENT", ""] and len(lines) == 6
    assert links.identifier("evenements/x/").startswith(SITE_URL)
    assert SiteLinks("").identifier(f"evenements/{event_id}/").isascii()
