"""Reader pages on built output: timeline, relations, authors, what's new, metadata."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from reader_support import page_file, resolve, secret_project_files

from briefing.render.timeline import MAX_MARKS_PER_YEAR, render_timeline
from briefing.structure import Event, PartialDate, When
from support import build, make_project

MARKS = "//div[contains(@class,'briefing-timeline')]//a[contains(@class,'tl-mark')]/@href"


def _links(site: Path, url_path: str, xpath: str) -> list[Path]:
    source = page_file(site, url_path)
    tree = lxml.html.fromstring(source.read_bytes())
    return [resolve(site, source, href) for href in tree.xpath(xpath)]


# Timeline ------------------------------------------------------------------------------------

def test_chronology_timeline_leads_to_every_published_event_and_marks_withheld_ones(public_site):
    """Each published event has its own mark, or counts in its month's group, which leads to the month."""
    site = public_site.site
    page = public_site.page("chronologie/")
    timeline = page.xpath("//div[contains(@class,'briefing-timeline')]")
    assert len(timeline) == 1
    events = json.loads((site / "donnees/evenements.json").read_text("utf-8"))["events"]
    direct = {p.resolve() for p in _links(site, "chronologie/", MARKS)}
    groups = timeline[0].xpath(".//a[contains(@class,'tl-group')]")
    grouped_months = {g.get("href").split("#")[-1]: int(g.xpath(".//*[@class='tl-count']")[0].text)
                      for g in groups}
    assert grouped_months and all(n >= 2 for n in grouped_months.values())
    for event in events:
        target = page_file(site, event["url"].removeprefix("https://briefing.example.org/")).resolve()
        month = event["start"]["date"][:7]
        assert target in direct or month in grouped_months, event["id"]
    assert all(t.exists() for t in direct if "chronologie" not in str(t))
    for href in grouped_months:  # a group leads to its month's heading on the year page
        assert page.xpath(f"//a[contains(@class,'tl-group') and substring-after(@href, '#') = '{href}']")
        assert public_site.page(f"chronologie/{href[:4]}/").xpath(f"//*[@id='{href}']")
    withheld = timeline[0].xpath(".//span[contains(@class,'tl-withheld')]")
    in_groups = sum(int(n) for g in groups for n in re.findall(r"dont (\d+) réservé", g.get("title")))
    assert len(withheld) + in_groups == 7
    assert all(not w.xpath(".//a") and w.get("href") is None for w in withheld)
    years = [y.text_content().strip() for y in timeline[0].xpath(".//div[contains(@class,'tl-year')]")]
    assert years[0] == "2017" and years[-1] == "2024" and "2018–20" in years


def test_entity_page_has_its_own_timeline(public_site):
    site = public_site.site
    marks = _links(site, "organisations/otan/", MARKS)
    assert marks and all(m.exists() for m in marks)
    assert any(m.parent.name == "2023-07-11-sommet-otan-vilnius" for m in marks)
    assert not any(m.parent.name == "2023-08-18-sommet-camp-david" for m in marks)


def _event(day: int, n: int) -> Event:
    date = PartialDate(2024, 1 + n % 12, 1 + day % 28)
    return Event(id=f"e{n}", path=Path(f"e{n}.md"), when=When(date), title=f"Événement {n}", body="")


def test_timeline_size_is_bounded_for_large_corpora():
    """2 000 events in one year draw at most 12 month clusters (plus a year band), not 2 000 marks."""
    events = sorted((_event(n, n) for n in range(2000)), key=lambda e: e.when.sort_key())
    timeline = render_timeline(events, year_link=lambda y: (f"chronologie/{y}.md", None),
                               month_link=lambda y, m: (f"chronologie/{y}.md", f"{y}-{m:02d}"), caption="Frise")
    assert timeline.count('class="tl-mark') <= 13
    assert timeline.count("briefing:/evenements/") == 0
    assert re.search(r'href="briefing:/chronologie/2024.md#2024-01"[^>]*><span class="tl-count"[^>]*>167</span>',
                     timeline), "counts are the labels"
    one_a_month = sorted((_event(n, n) for n in range(MAX_MARKS_PER_YEAR)), key=lambda e: e.when.sort_key())
    few = render_timeline(one_a_month, year_link=lambda y: None, month_link=lambda y, m: ("", None), caption="Frise")
    assert few.count("briefing:/evenements/") == MAX_MARKS_PER_YEAR
    same_month = [e for e in events if e.when.start.month == 1][:MAX_MARKS_PER_YEAR]
    grouped = render_timeline(same_month, year_link=lambda y: None,
                              month_link=lambda y, m: (f"chronologie/{y}.md", f"{y}-{m:02d}"), caption="Frise")
    assert grouped.count("briefing:/evenements/") == 0 and grouped.count('class="tl-mark') == 1


# Relations -----------------------------------------------------------------------------------

RELATION = "relations/coree-du-sud--etats-unis--japon/"


def test_relation_page_lists_letters_of_the_rubric_and_events_of_all_members(public_site):
    site = public_site.site
    text = public_site.text(RELATION)
    heading = " ".join(public_site.page(RELATION).xpath("//h1")[0].text_content().rstrip("¶ ").split())
    assert heading == "Japon – Corée du Sud – États-Unis"
    assert "n° 187/2024-10" in text and "n° 175/2023-09" in text  # both orders of the same zones
    assert "n° 181/" not in text
    events = json.loads((site / "donnees/evenements.json").read_text("utf-8"))["events"]
    members = {"Japon", "Corée du Sud", "États-Unis"}
    shared = {e["id"] for e in events if members <= {x["name"] for x in e["entities"]}}
    assert shared == {"2023-08-18-sommet-camp-david", "2024-07-28-cadre-securite-trilateral-tokyo"}
    linked = _links(site, RELATION, "//article//li/a[contains(@href,'evenements/')]/@href")
    assert {p.parent.name for p in linked} == shared
    marks = _links(site, RELATION, "//a[contains(@class,'tl-mark')]/@href")
    assert {p.parent.name for p in marks} == shared


def test_relation_pages_are_linked_from_letters_entities_and_the_index(public_site):
    site = public_site.site
    target = page_file(site, RELATION).resolve()
    for source in ("lettres/187-institutionnalisation-alliances-americaines/", "pays/japon/", "pays/etats-unis/",
                   "relations/"):
        assert target in _links(site, source, "//article//a[not(contains(@href, '://'))]/@href"), source
    index = _links(site, "relations/", "//article//table//a/@href")
    assert len(index) == 3 and all(p.exists() for p in index)
    nav = public_site.page("").xpath("//nav//a/@href")
    assert not any("relations/coree" in h for h in nav)  # generated pages stay out of the navigation


# Authors, what's new -------------------------------------------------------------------------

def test_letter_authors_link_to_the_authors_index(public_site):
    site = public_site.site
    letter = "lettres/187-institutionnalisation-alliances-americaines/"
    authors = public_site.page(letter).xpath("//p[contains(@class,'briefing-authors')]//a")
    assert [a.text_content() for a in authors] == ["Claire Vasseur", "Thomas Lemoine"]
    index = page_file(site, "auteurs/")
    tree = lxml.html.fromstring(index.read_bytes())
    for a in authors:
        href = a.get("href")
        assert resolve(site, page_file(site, letter), href) == index.resolve()
        section = tree.get_element_by_id(href.split("#", 1)[1])
        assert section.text_content().rstrip("¶ ") == a.text_content()
    vasseur = _section_text(tree, "claire-vasseur")
    assert vasseur.startswith("3 lettres.")
    assert all(f"n° {n}/" in vasseur for n in (187, 185, 175)) and "n° 176/" not in vasseur


def _section_text(tree, anchor: str) -> str:
    """The text under the h2 with this id, up to the next h2."""
    block = []
    for sibling in tree.get_element_by_id(anchor).itersiblings():
        if sibling.tag == "h2":
            break
        block.append(sibling.text_content())
    return " ".join(" ".join(block).split())


def test_whats_new_lists_what_came_after_each_letter(public_site):
    page = public_site.page("nouveautes/")
    text = _section_text(page, "depuis-185")
    assert "2 lettres et" not in text and "1 lettre et" in text  # only n° 187 came after n° 185
    assert "27 septembre 2024" in text and "Shigeru Ishiba" in text  # dated after July-August 2024
    assert "28 juillet 2024" not in text  # within the period: not new
    ids = [h.get("id") for h in page.xpath("//h2[starts-with(@id,'depuis-')]")]
    assert ids == ["depuis-187", "depuis-185", "depuis-181", "depuis-176", "depuis-175"]


# Metadata ------------------------------------------------------------------------------------

def _json_ld(page) -> dict:
    scripts = page.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def _og(page, prop: str) -> str:
    return page.xpath(f"//meta[@property='{prop}']/@content")[0]


def test_letter_and_event_pages_carry_json_ld_and_open_graph(public_site):
    letter = public_site.page("lettres/187-institutionnalisation-alliances-americaines/")
    data = _json_ld(letter)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == (
        "Japon – Corée du Sud – États-Unis : Vers une institutionnalisation des alliances américaines"
    )
    assert data["datePublished"] == "2024-10"
    assert [a["name"] for a in data["author"]] == ["Claire Vasseur", "Thomas Lemoine"]
    assert data["publisher"]["name"] == "Lettre confidentielle Asie21-Futuribles"
    assert _og(letter, "og:type") == "article"
    assert _og(letter, "og:title") == data["headline"]
    assert _og(letter, "og:description").startswith("Soucieux de mettre leurs principaux partenariats")
    event = public_site.page("evenements/2022-06-28-ip4-sommet-otan-madrid/")
    data = _json_ld(event)
    assert (data["@type"], data["startDate"], data["endDate"]) == ("Event", "2022-06-28", "2022-06-30")
    assert {"@type": "Place", "name": "Japon", "url": "https://briefing.example.org/pays/japon/"} in data["location"]
    assert _og(event, "og:title").startswith("28-30 juin 2022 : ")
    home = public_site.page("")
    assert _og(home, "og:type") == "website" and not home.xpath("//script[@type='application/ld+json']")


@pytest.fixture(scope="module")
def secret_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("meta") / "project", secret_project_files())
    result = build(root, tmp_path_factory.mktemp("meta-site") / "site", strict=True)
    assert result.returncode == 0, result.output
    return result


def test_json_ld_cannot_be_closed_by_a_title(secret_site):
    raw = page_file(secret_site.site, "evenements/2024-07-01-titre-piege/").read_text("utf-8")
    script = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script
    assert json.loads(script)["name"] == "Titre </script><script>alert(1)</script> & « guillemets »"
    page = secret_site.page("evenements/2024-07-01-titre-piege/")
    assert _og(page, "og:title") == "1er juillet 2024 : Titre </script><script>alert(1)</script> & « guillemets »"
    og = [m for m in page.xpath("//meta[starts-with(@property,'og:')]")]
    assert og and all(m.getparent().tag == "head" for m in og)  # the title did not break out of an attribute
