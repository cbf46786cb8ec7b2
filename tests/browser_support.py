"""Shared fixtures and helpers for the browser tests: Debian's chromium driven by Playwright.

Loaded by ``tests/conftest.py`` (``pytest_plugins``), so any test module can ask for ``browser``,
``served_public_site`` or ``page`` and use :func:`search` and :class:`RequestLog`.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SEARCH_INPUT = "input.md-search__input"
SEARCH_META = ".md-search-result__meta"
_SEARCH_DONE = re.compile(r"trouvés?|Aucun")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        """Keep the test output clean."""


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over HTTP on 127.0.0.1 (a free port) in a thread; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class RequestLog:
    """Every request a browser context makes, recorded as it is made (pages, frames, scripts, workers)."""

    def __init__(self, context) -> None:
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def outside(self, folder: Path) -> list[str]:
        """Requests to anything but files under ``folder``, ``data:``, ``about:`` and ``blob:`` (memory
        the page itself filled, as the offline export's search worker)."""
        root = folder.resolve().as_uri().rstrip("/") + "/"
        return [u for u in self.urls if not (u.startswith(root) or u.startswith(("data:", "about:", "blob:")))]


def _answered_script() -> str:
    return f"() => /{_SEARCH_DONE.pattern}/.test(document.querySelector('{SEARCH_META}')?.textContent ?? '')"


def _clear_previous_answer(page, box) -> None:
    """Empty the box and wait until the previous query's answer is gone, so it is never read as this one's."""
    box.fill("")
    box.press("End")
    page.wait_for_function(f"() => !({_answered_script()})()", timeout=5000)


def search(page, query: str) -> tuple[str, list[dict[str, str]]]:
    """Type ``query`` into Material's search box; return the result count line and the results.

    Material reads the box on key events and answers only once its worker has indexed the site, so
    the query is typed again until the result line shows an answer.
    """
    box = page.locator(SEARCH_INPUT)
    box.click()
    _clear_previous_answer(page, box)
    for _ in range(30):
        box.fill(query)
        box.press("End")
        try:
            page.wait_for_function(_answered_script(), timeout=1000)
            break
        except PlaywrightTimeout:  # the index is not ready yet
            box.fill("")
    meta = page.inner_text(SEARCH_META)
    results = page.eval_on_selector_all(
        ".md-search-result__item > a",
        "links => links.map(a => ({href: a.href, title: a.querySelector('h1,h2')?.textContent ?? ''}))",
    )
    return meta, results


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the session; never a Playwright browser download."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `python3 tools/dev.py test`, which installs Debian's chromium")
    playwright = sync_playwright().start()
    instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield instance
    instance.close()
    playwright.stop()


@pytest.fixture
def page(browser):
    """A fresh page in its own context; its requests are in ``page.request_log``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    log = RequestLog(context)
    new_page = context.new_page()
    new_page.request_log = log
    yield new_page
    context.close()


@pytest.fixture(scope="session")
def served_public_site(public_site) -> Iterator[str]:
    """The base URL of the public sample site, served over HTTP."""
    with serve(public_site.site) as url:
        yield url
