"""Reading a chronology in both orders in a real browser, with and without JavaScript, served and
from ``file://``."""

from __future__ import annotations

import pytest
from reader_support import page_file

pytestmark = pytest.mark.browser

ENTRY_STARTS = """() => [...document.querySelectorAll('li.briefing-entry')]
    .filter(e => e.getClientRects().length > 0)
    .map(e => [e.getBoundingClientRect().top, e.dataset.start])
    .sort((a, b) => a[0] - b[0]).map(pair => pair[1])"""
"""The start dates of the entries shown (filters hide some), in the order a reader sees them."""
DOM_STARTS = "() => [...document.querySelectorAll('li.briefing-entry')].map(e => e.dataset.start)"


def _ascending(values: list[str]) -> bool:
    return values == sorted(values) and len(set(values)) > 2


def _descending(values: list[str]) -> bool:
    return values == sorted(values, reverse=True) and len(set(values)) > 2


@pytest.fixture(params=["served", "file"])
def base(request, public_site, served_public_site):
    return served_public_site if request.param == "served" else public_site.site.as_uri() + "/"


def _url(base: str, path: str, public_site) -> str:
    return base + path if base.startswith("http") else page_file(public_site.site, path).as_uri()


def test_order_toggle_reorders_the_list_and_keeps_the_choice_in_the_url(page, base, public_site):
    page.goto(_url(base, "chronologie/2023/", public_site) + "?pays=japon")
    assert _ascending(page.evaluate(ENTRY_STARTS))
    page.click("a.briefing-order-flip")
    assert _descending(page.evaluate(ENTRY_STARTS))
    assert _descending(page.evaluate(DOM_STARTS))  # the document itself: reading and focus order follow
    assert "ordre=recent" in page.url and "pays=japon" in page.url  # the filters' parameters are kept
    assert page.locator("a.briefing-order-back").is_visible()
    assert not page.locator("a.briefing-order-flip").is_visible()
    page.reload()
    assert _descending(page.evaluate(ENTRY_STARTS))
    page.click("a.briefing-order-back")
    assert _ascending(page.evaluate(ENTRY_STARTS)) and "ordre" not in page.url


def test_entity_page_reads_newest_first_and_offers_the_oldest_first(page, base, public_site):
    page.goto(_url(base, "pays/japon/", public_site))
    assert _descending(page.evaluate(ENTRY_STARTS))
    page.click("a.briefing-order-flip")
    assert _ascending(page.evaluate(ENTRY_STARTS)) and "ordre=ancien" in page.url


def test_without_javascript_the_order_is_an_anchor(browser, base, public_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(_url(base, "chronologie/2023/", public_site))
        page.click("a.briefing-order-flip")
        assert page.url.endswith("#recent")
        assert page.locator("a.briefing-order-back").is_visible()
        starts = page.locator("li.briefing-entry").evaluate_all(
            "es => es.map(e => [e.getBoundingClientRect().top, e.dataset.start])")
        assert _descending([start for _, start in sorted(starts)])
        page.click("a.briefing-order-back")
        starts = page.locator("li.briefing-entry").evaluate_all(
            "es => es.map(e => [e.getBoundingClientRect().top, e.dataset.start])")
        assert _ascending([start for _, start in sorted(starts)])
    finally:
        context.close()
