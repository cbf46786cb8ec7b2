"""Search in the offline export, opened from ``file://``: the index and the worker ship as scripts, and a
reader finds results in a real worker, or through Material's iframe shim where none can be made."""

from __future__ import annotations

import json

import pytest

from briefing.search import prebuilt
from search_support import STARTS_THE_WORKER


def _search_offline(page, result) -> None:
    page.goto((result.site / "evenements" / "2023-08-18-sommet-camp-david.html").as_uri())
    page.locator("input.md-search__input").press_sequentially("Kishida")
    page.locator(".md-search-result__item").first.wait_for(timeout=30000)
    assert "Kishida" in page.locator(".md-search-result").inner_text()
    assert page.locator(".md-search-result mark").count() > 0


def test_offline_export_ships_the_index_and_the_worker_as_scripts(offline_export):
    site = offline_export.site
    assert "prebuilt" in (site / "search" / "search_index.js").read_text("utf-8")
    assert (site / "search" / "search_lunr.js").read_text("utf-8").startswith("self.__briefingLunrText = '")
    loader = (site / prebuilt.OFFLINE_LOADER_PATH).read_text("utf-8")
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert json.dumps(worker.read_text("utf-8")) in loader  # the wrapped worker, as a string
    assert json.dumps(worker.relative_to(site).as_posix()) in loader
    head = offline_export.page("evenements/2023-08-18-sommet-camp-david.html").xpath("//head")[0]
    assert not [s for s in head.xpath(".//script") if s.text and STARTS_THE_WORKER in s.text]
    assert head.xpath(".//script/@src") == ["../" + prebuilt.OFFLINE_LOADER_PATH]
    assert loader.index("__briefingOffline") < loader.index("window.IFrameWorker")  # then the shim


INDEX_ADDED = """new MutationObserver(records => records.forEach(record => record.addedNodes.forEach(node => {
  if (node.src && node.src.endsWith('/search/search_lunr.js'))
    window.__indexAdded = document.readyState === 'complete' ? 'after load' : 'before load';
}))).observe(document, {childList: true, subtree: true});"""


@pytest.mark.browser
def test_offline_export_searches_from_file_url_in_a_real_worker(offline_export, browser):
    """From ``file://``, the page starts the wrapped worker from a ``blob:`` URL and posts it the
    index: Material's iframe shim makes no frame, and the page's thread never parses the index."""
    context = browser.new_context()
    workers = []
    context.on("page", lambda page: page.on("worker", lambda worker: workers.append(worker.url)))
    page = context.new_page()
    page.add_init_script(INDEX_ADDED)
    _search_offline(page, offline_export)
    assert page.locator("iframe").count() == 0
    assert page.evaluate("() => typeof __briefingLunrText") == "undefined"  # handed on, not kept
    assert len(workers) == 1 and workers[0].startswith("blob:"), workers
    assert page.evaluate("() => window.__indexAdded") == "after load", "a script added earlier holds back `load`"
    context.close()


@pytest.mark.browser
def test_offline_export_searches_through_the_shim_where_no_blob_worker_can_be_made(offline_export, browser):
    page = browser.new_page()
    page.add_init_script("URL.createObjectURL = () => { throw new Error('blob URLs refused'); };")
    _search_offline(page, offline_export)
    assert page.locator("iframe").count() == 1  # Material's iframe shim runs the worker
    page.close()
