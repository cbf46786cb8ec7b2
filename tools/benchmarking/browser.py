"""Browser figures, in Debian's headless Chromium: the time from opening an event page to the first
search result, on the site served over HTTP on 127.0.0.1 and on the offline export from ``file://``."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_result_seconds(url: str, query: str, timeout_s: float = 180) -> float:
    """Open ``url`` in Chromium, type ``query`` at once; seconds until the first result shows."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded")
        page.locator("input.md-search__input").press_sequentially(query)  # Material reads keyup, not fill()
        page.locator(".md-search-result__item").first.wait_for(timeout=timeout_s * 1000)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed


def browser_figures(site: Path, offline_site: Path, event_id: str, query: str) -> dict[str, float]:
    os.sync()  # a reader's machine is not writing out a build meanwhile
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        served = first_result_seconds(f"http://127.0.0.1:{port}/evenements/{event_id}/", query)
    finally:
        server.terminate()
        server.wait()
    offline_page = offline_site / "evenements" / f"{event_id}.html"
    offline = first_result_seconds(offline_page.as_uri(), query)
    return {"served_s": served, "file_s": offline}


