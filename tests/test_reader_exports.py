"""Feeds, calendars and the JSON export, read back with their own libraries from real builds."""

from __future__ import annotations

import datetime as dt
import json

import feedparser
import icalendar
import jsonschema
import lxml.etree
import pytest
from reader_support import MARKER, page_file, resolve, secret_project_files

from briefing.exports.links import SiteLinks
from support import build_variants, make_project

NB = "\u00a0"
"""The no-break space French typography puts before a colon, after n° and before a spaced dash."""

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://briefing.example.org/"


@pytest.fixture(scope="module")
def secret_builds(tmp_path_factory):
    """The secret project built public (twice, for reproducibility), public with SOURCE_DATE_EPOCH, and full."""
    root = make_project(tmp_path_factory.mktemp("secret") / "project", secret_project_files())
    return build_variants(root, tmp_path_factory.mktemp("secret-sites"), {
        "public": {},
        "public-again": {},
        "epoch": {"SOURCE_DATE_EPOCH": "1700000000"},
        "full": {"BRIEFING_EDITION": "full"},
    })


def _exports(site) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for folder in ("flux", "donnees") for p in sorted((site / folder).rglob("*")) if p.is_file()
    }


# Feeds ---------------------------------------------------------------------------------------

def test_letters_feed_is_atom_with_rubric_titles_and_chapeau_only(public_site):
    raw = (public_site.site / "flux/lettres.xml").read_bytes()
    root = lxml.etree.fromstring(raw)
    assert root.tag == f"{ATOM}feed"
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = [e.title for e in feed.entries]
    assert titles[0] == (f"Asie21 n°{NB}187/2024-10 Japon{NB}– Corée du Sud{NB}– États-Unis{NB}: "
                         "Vers une institutionnalisation des alliances américaines")  # French typography
    assert len(titles) == 5
    first = feed.entries[0]
    assert first.summary.startswith("Soucieux de mettre leurs principaux partenariats")
    assert "IP4*" not in first.summary and "(IP4)" in first.summary  # glossary stars removed
    assert [a.name for a in first.authors] == ["Claire Vasseur", "Thomas Lemoine"]
    assert first.published_parsed[:3] == (2024, 10, 1)
    assert feed.feed.updated_parsed[:3] == (2024, 10, 1)  # latest content date, not the clock
    # the public edition carries no analysis: content is the chapeau alone
    assert first.content[0].value == first.summary


def test_events_feed_lists_published_events_with_links_to_their_pages(public_site):
    feed = feedparser.parse((public_site.site / "flux/evenements.xml").read_bytes())
    assert not feed.bozo
    data = json.loads((public_site.site / "donnees/evenements.json").read_text("utf-8"))
    assert len(feed.entries) == len(data["events"]) == 16
    for entry in feed.entries:
        assert entry.link.startswith(SITE_URL)
        assert page_file(public_site.site, entry.link.removeprefix(SITE_URL)).exists(), entry.link
    camp_david = next(e for e in feed.entries if "Camp David" in e.title)
    assert camp_david.title == f"18 août 2023{NB}: Sommet trilatéral de Camp David"
    assert camp_david.summary == f"18 août 2023{NB}: à Camp David, " + camp_david.summary.split(", ", 1)[1]
    assert camp_david.content[0].value.startswith(f"{camp_david.summary}\n\nJoe Biden accueille Fumio Kishida")
    assert {t.term for t in camp_david.tags} >= {"Japon", "Corée du Sud", "États-Unis"}


def test_entity_feed_follows_one_entry(public_site):
    feed = feedparser.parse((public_site.site / "flux/organisations/otan.xml").read_bytes())
    assert not feed.bozo
    titles = [e.title for e in feed.entries]
    assert any(t.startswith(f"Asie21 n°{NB}185/2024-07&08 Indo-Pacifique{NB}– Europe{NB}– Otan") for t in titles)
    assert f"11-12 juillet 2023{NB}: Sommet de l’Otan à Vilnius" in titles
    assert all("Camp David" not in t for t in titles)  # not an Otan event


def test_pages_link_their_feeds_with_rel_alternate(public_site):
    site = public_site.site
    japan = page_file(site, "pays/japon/")
    feeds = public_site.page("pays/japon/").xpath("//head/link[@rel='alternate']")
    types = {link.get("type") for link in feeds}
    assert types == {"application/atom+xml"}
    targets = {resolve(site, japan, link.get("href")).relative_to(site.resolve()).as_posix() for link in feeds}
    assert targets == {"flux/pays/japon.xml", "flux/lettres.xml", "flux/evenements.xml"}
    home = public_site.page("").xpath("//head/link[@rel='alternate']/@href")
    assert {resolve(site, page_file(site, ""), h).name for h in home} == {"lettres.xml", "evenements.xml"}


# Calendar ------------------------------------------------------------------------------------

def _calendar(site, path="flux/evenements.ics") -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((site / path).read_bytes())
    return {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


def test_calendar_has_all_day_events_with_exclusive_ends(public_site):
    events = _calendar(public_site.site)
    assert len(events) == 16
    for event in events.values():
        assert type(event.decoded("dtstart")) is dt.date  # VALUE=DATE, not a date-time
        assert event["dtstart"].params.get("VALUE") == "DATE"
        assert event.decoded("dtend") > event.decoded("dtstart")
        assert event.decoded("dtstamp") == dt.datetime(2024, 10, 1, tzinfo=dt.UTC)
    madrid = events["2022-06-28-ip4-sommet-otan-madrid"]  # 28-30 juin 2022
    assert (madrid.decoded("dtstart"), madrid.decoded("dtend")) == (dt.date(2022, 6, 28), dt.date(2022, 7, 1))
    day = events["2023-08-18-sommet-camp-david"]
    assert (day.decoded("dtstart"), day.decoded("dtend")) == (dt.date(2023, 8, 18), dt.date(2023, 8, 19))
    month = events["2023-04-otan-projet-bureau-tokyo"]
    assert (month.decoded("dtstart"), month.decoded("dtend")) == (dt.date(2023, 4, 1), dt.date(2023, 5, 1))
    assert "avril 2023, date au mois près" in str(month["summary"])
    year = events["2023-nouvelle-zelande-aukus-second-pilier"]
    assert (year.decoded("dtstart"), year.decoded("dtend")) == (dt.date(2023, 1, 1), dt.date(2024, 1, 1))
    assert "date à l’année près" in str(year["summary"])
    assert str(day["url"]) == f"{SITE_URL}evenements/2023-08-18-sommet-camp-david/"


def test_entity_calendar_holds_only_its_events(public_site):
    otan = _calendar(public_site.site, "flux/organisations/otan.ics")
    assert "2023-07-11-sommet-otan-vilnius" in otan
    assert "2023-08-18-sommet-camp-david" not in otan


# JSON ----------------------------------------------------------------------------------------

def test_json_export_validates_and_links_to_pages(public_site):
    site = public_site.site
    schema = json.loads((site / "donnees/schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    events = json.loads((site / "donnees/evenements.json").read_text("utf-8"))
    letters = json.loads((site / "donnees/lettres.json").read_text("utf-8"))
    for document in (events, letters):
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
        assert document["edition"] == "public"
    madrid = next(e for e in events["events"] if e["id"] == "2022-06-28-ip4-sommet-otan-madrid")
    assert madrid["start"] == {"date": "2022-06-28", "precision": "day"}
    assert madrid["end"] == {"date": "2022-06-30", "precision": "day"}
    assert 187 in [x["number"] for x in madrid["letters"]]
    assert {"kind": "pays", "name": "Japon", "url": f"{SITE_URL}pays/japon/"} in madrid["entities"]
    letter = next(x for x in letters["letters"] if x["number"] == 187)
    assert letter["rubric"] == f"Japon{NB}– Corée du Sud{NB}– États-Unis"
    assert letter["authors"] == ["Claire Vasseur", "Thomas Lemoine"]
    assert letter["analysis_withheld"] is True
    assert all(not f.startswith("withheld") for f in letter["facts"])
    assert "2023-08-18-sommet-camp-david" in letter["facts"]
    for item in events["events"] + letters["letters"]:
        assert page_file(site, item["url"].removeprefix(SITE_URL)).exists(), item["url"]


def test_json_schema_rejects_a_malformed_export(public_site):
    """The schema is not a formality: a wrong precision or a missing field fails validation."""
    schema = json.loads((public_site.site / "donnees/schema.json").read_text("utf-8"))
    events = json.loads((public_site.site / "donnees/evenements.json").read_text("utf-8"))
    events["events"][0]["start"]["precision"] = "week"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(events, schema)
    del events["events"][0]["start"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(events, schema)


# Editions, determinism -----------------------------------------------------------------------

def test_nothing_withheld_reaches_any_file_of_the_public_build(secret_builds):
    public, full = secret_builds["public"].site, secret_builds["full"].site
    leaks = [p for p in public.rglob("*") if p.is_file() and MARKER.encode() in p.read_bytes()]
    assert leaks == []
    # the full edition does carry the confidential event everywhere: the test would see a leak
    for path in ("flux/evenements.xml", "flux/pays/japon.xml", "flux/evenements.ics", "donnees/evenements.json"):
        assert MARKER.encode() in (full / path).read_bytes(), path
    public_ids = set(_calendar(public))
    assert not any(MARKER.lower() in i for i in public_ids)
    assert len(public_ids) == len(_calendar(full)) - 1
    data = json.loads((public / "donnees/evenements.json").read_text("utf-8"))
    assert not any(e["id"].startswith("withheld") for e in data["events"])


def test_exports_are_byte_identical_across_builds(secret_builds):
    first, again = _exports(secret_builds["public"].site), _exports(secret_builds["public-again"].site)
    assert first == again
    assert set(first) >= {"flux/lettres.xml", "flux/evenements.xml", "flux/evenements.ics", "donnees/lettres.json"}


def test_source_date_epoch_sets_feed_and_calendar_dates(secret_builds):
    plain, epoch = secret_builds["public"].site, secret_builds["epoch"].site
    stamp = dt.datetime.fromtimestamp(1700000000, tz=dt.UTC)
    feed = feedparser.parse((epoch / "flux/lettres.xml").read_bytes())
    assert dt.datetime(*feed.feed.updated_parsed[:6], tzinfo=dt.UTC) == stamp
    assert all(e.decoded("dtstamp") == stamp for e in _calendar(epoch).values())
    # without it, the latest content date: the July-August 2024 issue
    assert feedparser.parse((plain / "flux/lettres.xml").read_bytes()).feed.updated_parsed[:3] == (2024, 7, 1)


def test_feed_text_is_plain_and_safe(secret_builds):
    """A script in a note reaches feeds and calendars neither as markup nor as code."""
    site = secret_builds["public"].site
    for path in ("flux/evenements.xml", "flux/evenements.ics", "donnees/evenements.json"):
        assert b"alert('x')" not in (site / path).read_bytes(), path
    feed = feedparser.parse((site / "flux/evenements.xml").read_bytes())
    summit = next(e for e in feed.entries if "Sommet de trois jours" in e.title)
    assert summit.content[0].value == "28-30 juin 2024\n\nUn sommet de trois jours."


def test_site_links_follow_mkdocs_url_rules_online_and_offline():
    online, offline = SiteLinks(SITE_URL, True), SiteLinks("", False)
    assert online.page_path("evenements/x.md") == "evenements/x/"
    assert online.page_path("chronologie/index.md") == "chronologie/"
    assert online.page_path("index.md") == ""
    assert offline.page_path("evenements/x.md") == "evenements/x.html"
    assert offline.page_path("chronologie/index.md") == "chronologie/index.html"
    assert online.link("evenements/x/", from_file="flux/pays/japon.xml") == f"{SITE_URL}evenements/x/"
    # without a site URL, links are relative to the file that holds them
    assert offline.link("evenements/x.html", from_file="flux/pays/japon.xml") == "../../evenements/x.html"
    assert SiteLinks("", True).link("evenements/x/", from_file="flux/lettres.xml") == "../evenements/x/"
    assert offline.identifier("flux/lettres.xml") == "urn:briefing:flux/lettres.xml"
    assert online.host == "briefing.example.org"
