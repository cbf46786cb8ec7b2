"""Chronology entries on built output, both editions: date, fact or excerpt, linked entities, data
attributes for the filters, multi-year events on every year they cover, and the reading order."""

from __future__ import annotations

import re

import pytest
from reader_support import page_file, resolve

from briefing.render.entries import EXCERPT_CHARS

SEAT = "2023-01-01-japon-conseil-securite-onu"
"""The Security Council seat, 2023-2024: listed on both year pages."""
KINDS = ("pays", "personnalites", "organisations", "themes")


def _entries(result, url_path: str) -> list:
    return result.page(url_path).xpath("//li[contains(@class, 'briefing-entry')]")


def _event_href(entry) -> str | None:
    links = entry.xpath("./b/a/@href")
    return links[0] if links else None


def _text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.fixture(params=["public", "full"])
def site(request, public_site, full_site):
    return public_site if request.param == "public" else full_site


def test_a_multi_year_event_is_listed_on_every_year_page_it_covers(site):
    for year in (2023, 2024):
        entries = [e for e in _entries(site, f"chronologie/{year}/") if SEAT in (_event_href(e) or "")]
        assert len(entries) == 1, year
        assert entries[0].get("data-start") == "2023-01-01" and entries[0].get("data-end") == "2024-12-31"
    page_2024 = site.page("chronologie/2024/")
    group = page_2024.xpath("//section[.//h2[@id='2024-avant']]")[0]
    assert "Commencés avant 2024" in _text(group) and SEAT in (_event_href(group.xpath(".//li")[0]) or "")
    count = len(_entries(site, "chronologie/2024/"))  # the count includes the carried-over event
    assert re.search(rf"(?<!\d){count} événements", _text(page_2024.xpath("//article")[0]))
    index = site.page("chronologie/")  # the small sample's index lists it under both years too
    assert len([a for a in index.xpath("//li[contains(@class,'briefing-entry')]/b/a/@href") if SEAT in a]) == 2


def test_each_entry_has_its_date_text_and_linked_entities(site):
    checked = 0
    for year in (2017, 2021, 2022, 2023, 2024):
        url = f"chronologie/{year}/"
        source = page_file(site.site, url)
        for entry in _entries(site, url):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.get("data-start"))
            assert entry.get("data-end", "9999") > entry.get("data-start")  # absent for a single day
            href = _event_href(entry)
            text = _text(entry)
            date, _, rest = text.partition(" : ")
            assert date and rest
            if href is None:  # a withheld fact: its date and nothing else, not even its entities
                assert rest == "[…]" and not any(entry.get(f"data-{k}") for k in KINDS)
                continue
            assert resolve(site.site, source, href).exists()
            tags = {resolve(site.site, source, a).parent.relative_to(site.site).as_posix()
                    for a in entry.xpath(".//span[@class='briefing-tags']/a/@href")}
            assert tags and not any(entry.get(f"data-{kind}") for kind in KINDS), text  # the filters read the links
            assert all((site.site / tag / "index.html").exists() for tag in tags)
            words = entry.xpath("string(./b/following-sibling::text()[1])").strip(" :")
            assert 0 < len(words) <= EXCERPT_CHARS
            checked += 1
    assert checked >= 10


def test_year_pages_read_oldest_first_and_entity_pages_newest_first(site):
    starts = [e.get("data-start") for e in _entries(site, "chronologie/2023/")]
    assert starts == sorted(starts) and len(set(starts)) > 3
    japan = _entries(site, "pays/japon/")
    starts = [e.get("data-start") for e in japan]
    assert starts == sorted(starts, reverse=True) and len(set(starts)) > 3
    assert not any("../japon/" in a for e in japan for a in e.xpath(".//span[@class='briefing-tags']/a/@href"))


def test_the_other_order_is_an_anchor_the_page_holds(site):
    for url, target, default in (("chronologie/2023/", "recent", "asc"), ("pays/japon/", "ancien", "desc")):
        page = site.page(url)
        chrono = page.xpath("//div[contains(@class,'briefing-chrono')]")
        assert len(chrono) == 1 and chrono[0].get("data-order") == default
        assert chrono[0].xpath(f".//*[@id='{target}']")
        assert chrono[0].xpath(".//a[@class='briefing-order-flip']/@href") == [f"#{target}"]
        assert chrono[0].xpath(".//a[@class='briefing-order-back']/@href") == [f"#{chrono[0].get('id')}"]


def test_the_order_script_is_on_the_pages(public_site):
    scripts = public_site.page("chronologie/2023/").xpath("//script/@src")
    assert any(src.endswith("assets/briefing-order.js") for src in scripts), scripts
