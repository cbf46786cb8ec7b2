"""Index pages do not grow with the archive: years, months and archive pages bound every list."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.render.chronology import MONTH_PAGE_SIZE, YEAR_PAGE_LIMIT, _shared_out
from briefing.render.entities import ARCHIVE_PAGE_SIZE, ENTITY_RECENT_EVENTS
from support import MINIMAL_REGISTRY, build, make_project, note

EVENTS = 260  # more than a year page lists (50), than an entity page shows (30) plus four archive pages (50 each)
DENSE_MONTH = max(MONTH_PAGE_SIZE, YEAR_PAGE_LIMIT) + 10
"""A month fuller than a month page holds, in a year fuller than a year page holds."""
LONG_FACT = "fait dont la phrase, bien plus longue qu’une ligne de chronologie, " * 6
"""Entries at their largest: every entity of the registry and a fact line longer than an entry shows."""


@pytest.fixture(scope="module")
def big_year(tmp_path_factory):
    files = dict(MINIMAL_REGISTRY)
    for i in range(EVENTS):
        month, day = i % 12 + 1, i // 12 + 1
        fact = f"\nfact: « {LONG_FACT}n° {i} »" if i % 2 else ""
        files[f"events/2023/2023-{month:02d}-{day:02d}-fait-{i}.md"] = note(
            f"date: 2023-{month:02d}-{day:02d}\ntitle: Fait numéro {i}\ncountries: [Japon, Corée du Sud]\n"
            f"people: [Fumio Kishida]\norganizations: [Otan]\ntopics: [Défense]{fact}",
            f"Le fait {i}, qui concerne l’Otan*.",
        )
    files["events/2022/2022-05-01-seul.md"] = note("date: 2022-05-01\ntitle: Un fait de 2022\ncountries: [Japon]")
    for i in range(DENSE_MONTH):  # a month fuller than a page holds: listed on two pages
        day = f"2022-03-{i % 28 + 1:02d}"
        files[f"events/2022/{day}-mars-{i}.md"] = note(f"date: {day}\ntitle: Mars {i}")
    for i in range(YEAR_PAGE_LIMIT):  # a year as full as its page holds, every entry at its largest but Japon
        month, day = i % 12 + 1, i // 12 + 1
        files[f"events/2021/2021-{month:02d}-{day:02d}-plein-{i}.md"] = note(
            f"date: 2021-{month:02d}-{day:02d}\ntitle: Plein {i}\ncountries: [Corée du Sud]\npeople: [Fumio Kishida]\n"
            f"organizations: [Otan]\ntopics: [Défense]\nfact: « {LONG_FACT}plein n° {i} »",
        )
    files["docs/lettres/1-avant.md"] = note(  # every event is "new" since this letter: the page must not grow
        "number: 1\nissue: 2022-06\nzones: [Japon]\ntitle: Avant", "Chapeau.\n\n<!-- more -->\n\nAnalyse.")
    tmp = tmp_path_factory.mktemp("bounded")
    result = build(make_project(tmp / "project", files), tmp / "site", strict=True)
    assert result.returncode == 0, result.output
    return result


def _event_links(page) -> list[str]:
    """Links to event pages in the page's lists; the timeline is bounded on its own (see below)."""
    return [
        a for a in page.xpath("//article//a[not(ancestor::*[contains(@class, 'briefing-timeline')])]/@href")
        if "evenements/" in a
    ]


def _timeline_marks(page) -> list:
    return page.xpath("//*[contains(@class, 'briefing-timeline')]//*[contains(@class, 'tl-mark')]")


def test_chronology_index_lists_years_not_events(big_year):
    page = big_year.page("chronologie/")
    assert _event_links(page) == []
    assert len(_timeline_marks(page)) <= 2 * 13  # each crowded year is drawn month by month
    text = big_year.text("chronologie/")
    assert "2023" in text and f"{EVENTS} événements" in text and "2022" in text


def test_a_large_year_lists_its_months_on_their_own_pages(big_year):
    year = big_year.page("chronologie/2023/")
    assert _event_links(year) == []
    assert "Janvier 2023" in big_year.text("chronologie/2023/")
    january = big_year.page("chronologie/2023/01/")
    assert len(_event_links(january)) == len(range(0, EVENTS, 12))
    assert "1er janvier 2023 : Le fait 0, qui concerne l’Otan." in big_year.text("chronologie/2023/01/")
    year_2022 = big_year.text("chronologie/2022/")  # a dense month: two pages, both in the year's table
    assert "Mars 2022 (1/2)" in year_2022 and "Mars 2022 (2/2)" in year_2022 and "Mai 2022" in year_2022
    first, second = (len(_event_links(big_year.page(f"chronologie/2022/{uri}/"))) for uri in ("03", "03-2"))
    assert (first, second) == (DENSE_MONTH // 2, DENSE_MONTH // 2)  # shared out evenly: no near-empty page
    assert not (big_year.site / "chronologie/2022/03-3").exists()
    assert "Mars 2022 (1/2)" in big_year.text("chronologie/2022/03-2/")  # the way back
    late_march = big_year.page("evenements/2022-03-28-mars-27/")  # the month's last event: on its second page
    assert late_march.xpath("//p[contains(@class,'briefing-date')]/a/@href")[0].endswith("chronologie/2022/03-2/")


def test_a_year_up_to_its_bound_lists_its_events_itself(big_year):
    """The year of ``YEAR_PAGE_LIMIT`` events keeps them on its page, months as headings: no month
    page, and every link to one of its months (an event's date, the frieze) leads to its heading."""
    year = big_year.page("chronologie/2021/")
    assert len(_event_links(year)) == YEAR_PAGE_LIMIT
    assert not (big_year.site / "chronologie/2021/01").exists()
    assert year.xpath("//h2[@id='2021-01']") and year.xpath("//h2[@id='2021-12']")
    event = big_year.page("evenements/2021-03-02-plein-14/")
    assert event.xpath("//p[contains(@class,'briefing-date')]/a/@href") == ["../../chronologie/2021/#2021-03"]
    months = year.xpath("//*[contains(@class, 'briefing-timeline')]//a[contains(@class, 'tl-group')]/@href")
    assert [href.rpartition("#")[0] for href in months] == ["../../chronologie/2021/"] * 12  # the page itself
    assert all(year.xpath(f"//h2[@id='{href.rpartition('#')[2]}']") for href in months)
    index = big_year.page("chronologie/")
    assert "2021/#2021-01" in " ".join(index.xpath("//*[contains(@class, 'briefing-timeline')]//a/@href"))


def test_entity_page_shows_latest_events_and_links_archives(big_year):
    japan = big_year.page("pays/japon/")
    assert len(_event_links(japan)) == ENTITY_RECENT_EVENTS
    assert len(_timeline_marks(japan)) <= 13
    entries = japan.xpath("//li[contains(@class, 'briefing-entry')]")
    latest = " ".join(entries[0].text_content().split())
    assert latest.startswith("21 décembre 2023 : « fait dont la phrase")  # event 251, newest first
    starts = [e.get("data-start") for e in entries]
    assert starts == sorted(starts, reverse=True) and len(set(starts)) > 1
    archives = sorted(big_year.site.glob("pays/japon/archives-*/index.html"))
    sizes = [len(_event_links(big_year.page(f"pays/japon/{p.parent.name}/"))) for p in archives]
    assert sizes[:-1] == [ARCHIVE_PAGE_SIZE] * (len(sizes) - 1) and 0 < sizes[-1] <= ARCHIVE_PAGE_SIZE
    assert sum(sizes) == EVENTS + 1 - ENTITY_RECENT_EVENTS
    assert "Le fait." in big_year.text("pays/japon/archives-1/")  # 2022's note, the oldest


def test_glossary_shows_latest_uses_with_a_count(big_year):
    text = big_year.text("glossaire/")
    assert f"Utilisé dans {EVENTS} notes et lettres, dont" in text
    assert len(_event_links(big_year.page("glossaire/"))) == 10


def test_whats_new_lists_the_latest_events_and_counts_the_others(big_year):
    page = big_year.page("nouveautes/")
    assert len(_event_links(page)) == 30
    assert f"les {EVENTS - 30} autres sont dans la chronologie" in big_year.text("nouveautes/")


def test_no_page_grows_past_bounds(big_year):
    for path in big_year.site.rglob("*.html"):
        limit = 40_000 if "evenements" in path.parts else 60_000
        assert path.stat().st_size < limit, path


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.integers(min_value=1, max_value=40 * MONTH_PAGE_SIZE))
def test_a_month_is_shared_out_on_as_few_even_pages_as_its_bound_allows(count):
    """Every event once and in order, no page over ``MONTH_PAGE_SIZE``, as few pages as that allows,
    and pages differing by one event at most (never a page of two after a full one)."""
    events = list(range(count))
    pages = _shared_out(events)
    assert [event for page in pages for event in page] == events
    assert len(pages) == -(-count // MONTH_PAGE_SIZE)
    sizes = [len(page) for page in pages]
    assert max(sizes) <= MONTH_PAGE_SIZE and max(sizes) - min(sizes) <= 1 and min(sizes) >= 1
