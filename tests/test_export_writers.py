"""Calendars and feed entries are written without icalendar's and feedgen's per-field objects: every
file is read back with those libraries (and lxml, feedparser), from real builds of notes full of
characters that need escaping or fall on a line fold, and the writers are compared with the libraries."""

from __future__ import annotations

import datetime as dt
import json
import random

import feedparser
import icalendar
import lxml.etree
import pytest
from feedgen.feed import FeedGenerator

from briefing.edition.editions import Edition
from briefing.exports import atom, rfc5545
from briefing.exports.build import export_paths, render_exports
from briefing.exports.links import SiteLinks
from briefing.french import typography
from briefing.pipeline import run
from briefing.settings import Settings
from support import MINIMAL_REGISTRY, REPO, build_variants, make_project, note

ATOM = "{http://www.w3.org/2005/Atom}"
LONG = "Écrit à Séoul, «Sommet» ; coût : 3,5 % — 東京 🚀 " * 6
"""Accents, CJK and an emoji (2, 3 and 4 octets in UTF-8), commas and semicolons: folds land inside characters."""
HOSTILE_TITLE = 'Barre \\ oblique, point-virgule ; et \\n littéral & "guillemets" > fin'


def _hostile_files() -> dict[str, str]:
    return {
        **MINIMAL_REGISTRY,
        "docs/pays/coree-du-nord.md": note("title: 'Corée du Nord; RPDC, Pyongyang'", "Un nom avec ; et ,."),
        "events/2024/2024-05-02-echappements.md": note(
            f"date: 2024-05-02\ntitle: '{HOSTILE_TITLE}'\n"
            "countries: [Japon, 'Corée du Nord; RPDC, Pyongyang']\n"
            "sources:\n  - {title: 'Note \\ interne ; version 2, finale', publisher: Cabinet, url: 'https://example.org/a?b=1&c=2'}",
            f"{LONG}\n\nSecond paragraphe & suite, 1 < 2 > 0, avec un caractère de contrôle \x01 égaré.",
        ),
        "events/2024/2024-06.md": note(
            f"date: 2024-06\ntitle: '{LONG.strip()}'\ncountries: [Japon]\npeople: [Fumio Kishida]",
            "x" * 73 + "\\" + "y" * 200,
        ),
        "events/2023/2023.md": note("date: 2023\ntitle: Une année entière\ncountries: [Corée du Sud]", "Court."),
        "docs/lettres/5-lettre.md": note(
            "number: 5\nissue: 2024-06\nzones: [Japon, 'Corée du Nord; RPDC, Pyongyang']\n"
            "title: 'Une lettre & ses « chevrons » > 0'\nauthors: [Anne Dupont]\nfacts: [2024-05-02-echappements]",
            f"Le chapeau : {LONG}\n\n<!-- more -->\n\nL’analyse.",
        ),
    }


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory):
    """The project built with absolute links (site URL) and with relative ones (no site URL). The offline
    export carries no feed and only the site's calendar (``tests/test_export_command.py``)."""
    root = make_project(tmp_path_factory.mktemp("hostile") / "project", _hostile_files())
    sites = build_variants(root, tmp_path_factory.mktemp("hostile-sites"),
                           {"online": {}, "relative": {"SITE_URL": ""}})
    return {name: result.site for name, result in sites.items()}


def _json(site, name: str) -> list[dict]:
    """The JSON export, the reference the other formats are checked against (control characters,
    which JSON escapes, are dropped from calendars and feeds)."""
    text = (site / f"donnees/{name}.json").read_text("utf-8").replace("\\u0001", "")
    return json.loads(text)["events" if name == "evenements" else "letters"]


def _page_id(identifier: str) -> str:
    """``…/evenements/x/``, ``urn:briefing:evenements/x/`` -> ``x`` (an id names the site's page, never ``.html``)."""
    assert identifier.endswith("/"), identifier
    return identifier.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.parametrize("mode", ["online", "relative"])
def test_every_calendar_reads_back_with_icalendar_as_the_json_says(hostile_sites, mode):
    site = hostile_sites[mode]
    expected = {e["id"]: e for e in _json(site, "evenements")}
    calendars = sorted((site / "flux").rglob("*.ics"))
    assert len(calendars) == 1 + 4  # the site's, and one per entry with events
    for path in calendars:
        raw = path.read_bytes()
        assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
        lines = raw.split(b"\r\n")[:-1]
        assert all(len(line) <= 75 and b"\n" not in line for line in lines), path
        for line in lines:
            line.decode("utf-8")  # a fold never splits a character
        assert any(line.startswith(b" ") for line in lines) or path.name == "coree-du-sud.ics", f"{path}: no fold"
        for vevent in icalendar.Calendar.from_ical(raw).walk("VEVENT"):
            event = expected[str(vevent["uid"]).split("@")[0]]
            summary = str(vevent["summary"])
            assert summary == event["title"] or summary.startswith(f"{event['title']} (")
            assert str(vevent["description"]).startswith(typography.text(f"Date : {event['date_text']}\n\n")
                                                         + event["text"])
            categories = [str(c) for c in vevent["categories"].cats] if "categories" in vevent else []
            assert categories == [entity["name"] for entity in event["entities"]]
    site_calendar = icalendar.Calendar.from_ical((site / "flux/evenements.ics").read_bytes())
    assert len(site_calendar.walk("VEVENT")) == len(expected) == 3
    hostile = next(v for v in site_calendar.walk("VEVENT") if "echappements" in str(v["uid"]))
    assert str(hostile["summary"]) == typography.text(HOSTILE_TITLE)
    source = typography.text("Source : Note \\ interne ; version 2, finale (https://example.org/a?b=1&c=2)")
    assert source in str(hostile["description"])
    assert "\x01" not in str(hostile["description"]) and "contrôle  égaré" in str(hostile["description"])


@pytest.mark.parametrize("mode", ["online", "relative"])
def test_every_feed_reads_back_with_lxml_and_feedparser_as_the_json_says(hostile_sites, mode):
    site = hostile_sites[mode]
    events = {e["id"]: e for e in _json(site, "evenements")}
    letters = {str(x["number"]): x for x in _json(site, "lettres")}
    feeds = [path for path in sorted((site / "flux").rglob("*.xml")) if path.name != "sitemap.xml"]
    assert len(feeds) == 2 + 6  # letters, events, one per registry entry
    for path in feeds:
        raw = path.read_bytes()
        assert lxml.etree.fromstring(raw).tag == f"{ATOM}feed"  # strict: a control character would fail here
        feed = feedparser.parse(raw)
        assert not feed.bozo, (path, feed.bozo_exception)
        for entry in feed.entries:
            assert entry.link.startswith("https://briefing.example.org/" if mode == "online" else "../")
            if "lettres/" in entry.id:
                letter = letters[_page_id(entry.id).split("-")[0]]
                assert entry.title == letter["reference"] and entry.summary == letter["chapeau"]
                assert [t.term for t in entry.tags] == [zone["name"] for zone in letter["zones"]]
                continue
            event = events[_page_id(entry.id)]
            assert entry.title == typography.text(f"{event['date_text']} : {event['title']}")
            assert entry.summary == typography.text(f"{event['date_text']} : {event['fact'] or event['title']}")
            head = f"{event['date_text']} : {event['fact']}" if event["fact"] else event["date_text"]
            assert entry.content[0].value == typography.text(f"{head}\n\n{event['text']}")
            assert [t.term for t in entry.tags] == [entity["name"] for entity in event["entities"]]
    hostile = next(e for e in feedparser.parse((site / "flux/evenements.xml").read_bytes()).entries
                   if "echappements" in e.id)
    assert hostile.title.endswith(typography.text(HOSTILE_TITLE))
    assert "\x01" not in hostile.content[0].value and "contrôle  égaré" in hostile.content[0].value
    assert "1 < 2 > 0" in hostile.content[0].value


def test_json_export_holds_one_record_a_line(hostile_sites):
    """Easy to read and to diff: each event (and each letter) is one line of its file."""
    for name, key in (("evenements", "events"), ("lettres", "letters")):
        text = (hostile_sites["online"] / f"donnees/{name}.json").read_text("utf-8")
        document = json.loads(text)
        records = [json.loads(line.strip().rstrip(",")) for line in text.splitlines() if line.startswith("  {")]
        assert records == document[key] and records
        assert list(document) == sorted(document)


# The writers against the libraries they stand in for ------------------------------------------

_PIECES = ["a", "N", "é", "東", "🚀", "\\", "^", ",", ";", ":", "\n", " ", "\\n", "&", "<", ">", '"', "'", "\t"]


def _strings(count: int) -> list[str]:
    """Deterministic strings of every length around a fold, mixing characters of 1 to 4 octets and escapes."""
    rng = random.Random(5545)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 160))) for _ in range(count)]


def test_calendar_lines_are_those_icalendar_writes():
    stamp = dt.datetime(2024, 10, 1, 12, 30, tzinfo=dt.UTC)
    for value in _strings(400):
        reference = icalendar.Event()
        reference.add("summary", value)
        reference.add("dtstart", dt.date(2024, 2, 29))
        reference.add("dtstamp", stamp)
        reference.add("categories", [value, "Corée du Sud"])
        reference.add("description", value * 3)
        ours = rfc5545.lines(
            "BEGIN:VEVENT",
            f"SUMMARY:{rfc5545.text(value)}",
            f"DTSTART;VALUE=DATE:{rfc5545.date(dt.date(2024, 2, 29))}",
            f"DTSTAMP:{rfc5545.utc_datetime(stamp)}",
            f"CATEGORIES:{rfc5545.text(value)},{rfc5545.text('Corée du Sud')}",
            f"DESCRIPTION:{rfc5545.text(value * 3)}",
            "END:VEVENT",
        )
        assert ours == reference.to_ical(), value


def test_feed_entries_are_those_feedgen_writes():
    published = dt.datetime(2023, 8, 18, tzinfo=dt.UTC)
    for value in _strings(200):
        feed = FeedGenerator()
        feed.id("urn:x")
        feed.title("Flux")
        feed.updated(published)
        entry = feed.add_entry(order="append")
        entry.id(f"urn:{value}")
        entry.title(value or "titre")
        entry.link(href=f"https://example.org/{value}", rel="alternate", type="text/html")
        entry.published(published)
        entry.updated(published)
        entry.summary(value)
        entry.content(value, type="text")
        entry.author({"name": value or "Anne"})
        entry.category({"term": value})
        head = feed.atom_str(pretty=True).split(b"  <entry>", 1)[0]
        ours = atom.entry(
            id=f"urn:{value}", title=value or "titre", link=f"https://example.org/{value}", updated=published,
            published=published, summary=value, content=value, authors=(value or "Anne",), categories=(value,),
        )
        assert head + ours.encode() + b"</feed>\n" == feed.atom_str(pretty=True), value


def test_feed_entries_drop_what_xml_cannot_carry():
    """feedgen (lxml) refuses control characters and stops the build; the entry drops them instead."""
    published = dt.datetime(2023, 8, 18, tzinfo=dt.UTC)
    xml = atom.entry(id="urn:x", title="Titre\x01", link="https://example.org/\x0b", updated=published,
                     published=published, summary="a\x00b", content="c\x1fd\ufffe", categories=("e\x08",))
    entry = lxml.etree.fromstring(f'<feed xmlns="http://www.w3.org/2005/Atom">{xml}</feed>'.encode())[0]
    assert [element.text for element in entry if element.text and element.text.strip()][:2] == ["urn:x", "Titre"]
    assert entry.find(f"{ATOM}summary").text == "ab" and entry.find(f"{ATOM}content").text == "cd"
    assert entry.find(f"{ATOM}category").get("term") == "e"


@pytest.mark.parametrize("edition", ["public", "full"])
def test_export_paths_are_known_before_the_exports_are_rendered(tmp_path, edition):
    """Pages link to the exports before a second process writes them: the planned paths are the written ones,
    for the sample content and for notes with an entry that has no event (no calendar)."""
    files = {**_hostile_files(), "docs/themes/sans-evenement.md": note("title: Sans événement", "Aucun fait.")}
    for root in (REPO, make_project(tmp_path / "project", files)):
        settings = Settings.from_mapping({}, root=root, docs_dir=root / "docs", edition=Edition.parse(edition))
        corpus = run(settings).corpus
        rendered = [f.path for f in render_exports(corpus, settings, SiteLinks("https://example.org/"), "0")]
        assert export_paths(corpus) == rendered
        assert "flux/themes/sans-evenement.ics" not in rendered or root == REPO
