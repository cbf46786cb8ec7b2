"""Browser figures, in Debian's headless Chromium: the time from opening an event page to the first
search result, on the site served over HTTP on 127.0.0.1 and on the offline export from ``file://``.

Measured as a reader meets it (and as issue 16 states the target): a fresh browser context for each
opening, the page opened (until its ``load`` event), the search box clicked, ``sommet`` typed at
40 ms a key, until the first result shows; the median of five openings, served and ``file://`` in
turn. Each opening is also cut into where its time went: the page (navigation to ``load``), the
click and the keys (each key waits for the page's main thread), and the wait for the answer after
the last key (zero when a result showed while the reader was still typing).
"""

from __future__ import annotations

import contextlib
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
QUERY = "sommet"
KEY_DELAY_MS = 40
OPENINGS = 5
RESULT = ".md-search-result__item"
PAGE_TIMES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {dcl: nav.domContentLoadedEventEnd / 1000, load: nav.loadEventEnd / 1000};
}"""


def free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def open_and_search(browser, url: str, query: str = QUERY, timeout_s: float = 180) -> dict[str, float]:
    """One opening in a fresh context: seconds to the first result, and its parts."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)  # until the load event
        opened = time.perf_counter()
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(query, delay=KEY_DELAY_MS)  # Material reads key events, not fill()
        typed = time.perf_counter()
        early = page.locator(RESULT).count() > 0
        page.locator(RESULT).first.wait_for(timeout=timeout_s * 1000)
        shown = time.perf_counter()
        times = page.evaluate(PAGE_TIMES)
    finally:
        context.close()
    return {"first_result_s": shown - start, "page_s": opened - start, "typing_s": typed - opened,
            "answer_s": 0.0 if early else shown - typed, "dcl_s": times["dcl"], "load_s": times["load"]}


def browser_figures(site: Path, offline_site: Path, event_id: str, openings: int = OPENINGS) -> dict[str, dict]:
    """``served`` and ``file`` -> the median of each figure of ``openings`` openings, taken in turn."""
    from playwright.sync_api import sync_playwright

    os.sync()  # a reader's machine is not writing out a build meanwhile
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    urls = {"served": f"http://127.0.0.1:{port}/evenements/{event_id}/",
            "file": (offline_site / "evenements" / f"{event_id}.html").as_uri()}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in urls}
    try:
        time.sleep(0.5)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(openings):
                for name, url in urls.items():
                    runs[name].append(open_and_search(browser, url))
            browser.close()
    finally:
        server.terminate()
        server.wait()
    return {name: {key: statistics.median(run[key] for run in done) for key in done[0]} | {"runs": done}
            for name, done in runs.items()}


def describe(figures: dict[str, float]) -> str:
    """``1.23 (page 0.40, keys 0.70, answer 0.05)``: the median and its parts."""
    return (f"{figures['first_result_s']:.2f} (page {figures['page_s']:.2f}, keys {figures['typing_s']:.2f}, "
            f"answer {figures['answer_s']:.2f})")
