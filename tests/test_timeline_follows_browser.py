"""The timeline and the table of contents follow what the reader chose, in a real browser, served and
from ``file://``: a filter dims the marks of the entries it hides and corrects the groups' counts;
reading newest or oldest first turns the contents' year headings over too.

What the browser should show is worked out in Python from the built page (the entries' data
attributes and each mark's events), then compared with what the script made of the page.
"""

from __future__ import annotations

import re

import lxml.html
import pytest
from reader_support import entry_slugs, page_file
from test_site_shell_browser import _serious_violations

pytestmark = pytest.mark.browser

EVENT = re.compile(r"evenements/([^/?#]+?)(?:\.html)?(?:[/?#]|$)")
MARKS = """() => [...document.querySelectorAll('.briefing-timeline .tl-mark')].map(m => ({
  off: m.classList.contains('tl-off'), count: (m.querySelector('.tl-count') || {}).textContent || null,
  tab: m.getAttribute('tabindex'), link: m.tagName === 'A'}))"""


@pytest.fixture(params=["served", "file", "export"])
def base(request, public_site, served_public_site, offline_export):
    """The site served, opened from ``file://``, and the offline export (``x.html`` addresses)."""
    if request.param == "export":
        return offline_export.site
    return served_public_site if request.param == "served" else "file"


def _file(site, path: str):
    """A page of a site or of the export (``chronologie/2024/`` is ``chronologie/2024.html`` there)."""
    exported = site / (path.rstrip("/") + ".html")
    return exported if path and exported.is_file() else page_file(site, path)


def _open(page, base, public_site, path: str, query: str = ""):
    if not isinstance(base, str):  # the export
        url = _file(base, path).as_uri()
    else:
        url = base + path if base.startswith("http") else page_file(public_site.site, path).as_uri()
    page.goto(url + query)
    page.wait_for_selector("form.briefing-filter:not([hidden])")


def _entry_key(li) -> str:
    link = li.xpath(".//a/@href")
    found = EVENT.search(link[0]) if link else None
    return found.group(1) if found else f"w{li.get('data-start')}/{li.get('data-end', li.get('data-start'))}"


def _expected(site, path: str, **chosen: str) -> list[tuple[bool, str | None]]:
    """(dimmed, count shown) of each mark of the page once ``chosen`` (folder -> slug) applies."""
    doc = lxml.html.fromstring(_file(site, path).read_bytes())
    shown: dict[str, bool] = {}
    for li in doc.xpath("//article//li[@data-start]"):
        keep = all(slug in entry_slugs(li, kind) for kind, slug in chosen.items())
        key = _entry_key(li)
        shown[key] = shown.get(key, False) or keep
    expected = []
    for mark in doc.xpath("//*[contains(@class,'briefing-timeline')]//*[contains(@class,'tl-mark')]"):
        own = EVENT.search(mark.get("href") or "")
        ids = [i for i in (mark.get("data-ev") or (own.group(1) if own else "")).split() if i in shown]
        count = mark.xpath(".//*[@class='tl-count']")
        visible = sum(shown[i] for i in ids)
        if not ids:  # a mark of events not listed on the page: left alone
            expected.append((False, count[0].text if count else None))
        else:
            expected.append((visible == 0, (str(visible) if chosen else count[0].text) if count else None))
    return expected


@pytest.mark.parametrize("path", ["chronologie/2024/", "pays/japon/", "chronologie/"])
def test_a_filter_dims_the_marks_of_hidden_entries_and_groups_count_what_shows(page, base, public_site, path):
    chosen = {"pays": "coree-du-sud"}
    site = base if not isinstance(base, str) else public_site.site
    expected = _expected(site, path, **chosen)
    assert any(off for off, _ in expected) and not all(off for off, _ in expected), expected  # a real test
    _open(page, base, public_site, path, "?pays=coree-du-sud")
    marks = page.evaluate(MARKS)
    assert [(m["off"], m["count"]) for m in marks] == expected
    assert all((m["tab"] == "-1") == m["off"] for m in marks if m["link"])  # a dimmed link leaves the tab order
    page.click(".briefing-filter-reset")  # all shown again: every mark as built
    marks = page.evaluate(MARKS)
    assert [(m["off"], m["count"]) for m in marks] == _expected(site, path)


def test_a_group_counts_the_events_of_its_month_that_show(page, base, public_site):
    path = "chronologie/2024/"
    site = base if not isinstance(base, str) else public_site.site
    expected = _expected(site, path, themes="defense")
    groups = [count for _, count in expected if count is not None]
    built = [count for _, count in _expected(site, path) if count is not None]
    assert groups != built  # the filter changes at least one group's count
    _open(page, base, public_site, path)
    page.select_option("#filtre-themes", "defense")
    assert [(m["off"], m["count"]) for m in page.evaluate(MARKS)] == expected
    title = page.locator(".briefing-timeline .tl-group").first.get_attribute("title")
    assert re.search(r"\(\d+ affichés?\)$", title)


TOC_YEARS = """() => [...document.querySelectorAll('.md-sidebar--secondary .md-nav--secondary a.md-nav__link')]
  .map(a => a.getAttribute('href')).filter(h => /^#annee-\\d{4}$/.test(h)).map(h => h.slice(7))"""
LIST_YEARS = """() => [...document.querySelectorAll('.briefing-chrono h3[id^="annee-"]')]
  .filter(h => h.getClientRects().length > 0)
  .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map(h => h.id.slice(6))"""


def test_the_table_of_contents_follows_the_reading_order(page, base, public_site):
    _open(page, base, public_site, "pays/japon/")
    newest = page.evaluate(TOC_YEARS)
    assert len(newest) > 2 and newest == sorted(newest, reverse=True)  # an entity reads newest first
    assert page.evaluate(LIST_YEARS) == newest
    page.click(".briefing-chrono .briefing-order-flip")
    assert page.evaluate(TOC_YEARS) == sorted(newest) == page.evaluate(LIST_YEARS)
    page.click(".briefing-chrono .briefing-order-back")
    assert page.evaluate(TOC_YEARS) == newest
    _open(page, base, public_site, "pays/japon/", "?ordre=ancien")  # a shared link in the other order
    assert page.evaluate(TOC_YEARS) == sorted(newest) == page.evaluate(LIST_YEARS)


@pytest.mark.parametrize("width", [1280, 390])
def test_filtered_pages_pass_axe(browser, public_site, width):
    """Dimmed marks, hidden labels and corrected counts keep the page accessible."""
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="fr-FR")
    found = {}
    for path, query in [("pays/japon/", "?pays=coree-du-sud"), ("chronologie/2024/", "?themes=defense"),
                        ("chronologie/", "?pays=chine")]:
        page.goto(page_file(public_site.site, path).as_uri() + query)
        page.wait_for_selector("form.briefing-filter:not([hidden])")
        assert page.locator(".briefing-timeline .tl-off").count() > 0  # something is dimmed
        violations = _serious_violations(page)
        if violations:
            found[path + query] = violations
    page.close()
    assert found == {}
