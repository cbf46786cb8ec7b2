"""Chronology filters on built output: what each entry carries and what each page's form offers.

The behaviour in a browser (controls, URL, AND, dates, ``file://``, no JavaScript) is in
``test_filters_browser.py``.
"""

from __future__ import annotations

from collections import Counter

import pytest
from reader_support import entry_slugs

from support import MINIMAL_REGISTRY, build, make_project, note

KINDS = ("pays", "personnalites", "organisations", "themes")


def _entries(page) -> list:
    return page.xpath("//article//li[@data-start]")


def _events(page) -> list:
    """The page's entries, an event listed twice (under each year it covers) once."""
    seen: dict[object, object] = {}
    for li in _entries(page):
        seen.setdefault((li.xpath(".//a/@href") or [id(li)])[0], li)
    return list(seen.values())


def _options(page, kind: str) -> dict[str, str]:
    """value -> label of a filter's options, the "all" option left out."""
    return {o.get("value"): o.text_content() for o in page.xpath(f"//select[@name='{kind}']/option") if o.get("value")}


def test_an_entry_links_its_entities_and_carries_its_days(public_site):
    page = public_site.page("chronologie/2023/")
    camp_david = next(li for li in _entries(page) if "Camp David" in li.text_content())
    assert entry_slugs(camp_david, "pays") == ["etats-unis", "japon", "coree-du-sud", "coree-du-nord", "chine"]
    assert set(entry_slugs(camp_david, "themes")) == {"alliances", "defense", "renseignement", "diplomatie"}
    assert "fumio-kishida" in entry_slugs(camp_david, "personnalites")
    assert not any(camp_david.get(f"data-{kind}") for kind in KINDS)  # said once, by its links
    assert camp_david.get("data-start") == "2023-08-18" and camp_david.get("data-end") is None  # a single day
    seat = next(li for li in _entries(page) if "Conseil de sécurité" in li.text_content())
    assert (seat.get("data-start"), seat.get("data-end")) == ("2023-01-01", "2024-12-31")
    whole_year = next(li for li in _entries(page) if li.text_content().startswith("2023\u00a0:"))  # French spacing
    assert (whole_year.get("data-start"), whole_year.get("data-end")) == ("2023-01-01", "2023-12-31")


def test_a_withheld_entry_gives_its_days_and_nothing_else(public_site):
    page = public_site.page("chronologie/2024/")
    withheld = [li for li in _entries(page) if li.text_content().endswith("[…]")]
    assert withheld
    for li in withheld:
        assert "data-start" in li.attrib
        assert {a for a in li.attrib if a.startswith("data-")} <= {"data-start", "data-end"}


@pytest.mark.parametrize("url", ["chronologie/", "chronologie/2023/", "chronologie/2024/", "pays/japon/"])
def test_the_form_offers_the_entities_of_the_page_and_only_them(public_site, url):
    page = public_site.page(url)
    form = page.xpath("//form[contains(@class, 'briefing-filter')]")
    assert len(form) == 1 and form[0].get("hidden") is not None  # shown by the script only
    entries = _events(page)
    own = url.strip("/") if url.startswith("pays/") else None
    for kind in KINDS:
        counts = Counter(slug for li in entries for slug in entry_slugs(li, kind) if f"{kind}/{slug}" != own)
        options = _options(page, kind)
        assert set(options) == set(counts), kind
        for slug, label in options.items():
            assert label.endswith(f"({counts[slug]})"), (kind, slug, label)
    assert form[0].xpath(".//*[@role='status']")
    assert {i.get("name") for i in form[0].xpath(".//input[@type='month']")} == {"du", "au"}
    for control in form[0].xpath(".//select | .//input"):  # every control has its label
        assert form[0].xpath(f".//label[@for='{control.get('id')}']"), control.get("name")


def test_an_entity_page_does_not_offer_itself(public_site):
    japan = public_site.page("pays/japon/")
    assert "japon" not in _options(japan, "pays")
    assert _options(japan, "pays")  # its companions are offered


def test_the_script_is_on_every_page_and_in_the_site(public_site):
    assert (public_site.site / "assets" / "briefing-filter.js").is_file()
    page = public_site.page("chronologie/2023/")
    assert any(src.endswith("assets/briefing-filter.js") for src in page.xpath("//script/@src"))


def test_a_split_year_filters_on_its_month_pages(tmp_path):
    files = dict(MINIMAL_REGISTRY)
    for i in range(160):  # more than a year page lists: the year is split into month pages
        month, day = i % 12 + 1, i // 12 + 1
        countries = "[Japon, Corée du Sud]" if day % 2 == 0 else "[Japon]"
        files[f"events/2023/2023-{month:02d}-{day:02d}-f{i}.md"] = note(
            f"date: 2023-{month:02d}-{day:02d}\ntitle: Fait {i}\ncountries: {countries}")
    result = build(make_project(tmp_path / "project", files), tmp_path / "site", strict=True)
    assert result.returncode == 0, result.output
    year = result.page("chronologie/2023/")  # months only: the filter goes with the month chosen
    form = year.xpath("//form[contains(@class, 'briefing-filter')]")
    assert len(form) == 1 and form[0].get("data-carry")
    assert len(year.xpath("//table[contains(@class, 'briefing-carry')]//a")) == 12
    korea = sum(1 for i in range(160) if (i // 12 + 1) % 2 == 0)
    assert _options(year, "pays") == {"coree-du-sud": f"Corée du Sud ({korea})", "japon": "Japon (160)"}
    index = result.page("chronologie/")  # years only, likewise
    assert index.xpath("//form[contains(@class, 'briefing-filter')]/@data-carry")
    assert not _entries(index)
    january = result.page("chronologie/2023/01/")
    assert len(_entries(january)) == 14
    assert _options(january, "pays") == {"coree-du-sud": "Corée du Sud (7)", "japon": "Japon (14)"}
    assert not january.xpath("//select[@name='themes']")  # no theme on the page: no theme filter

