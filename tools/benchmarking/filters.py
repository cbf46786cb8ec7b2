#!/usr/bin/env python3
"""How fast a chronology's filters answer: milliseconds from a change of a control to the next frame
painted with the filtered list, on the largest chronology page of a built site (the page listing the
most entries: a year or month page, an entity page or an archive page), served on 127.0.0.1, in
Debian's headless Chromium.

    .venv/bin/python tools/benchmarking/filters.py site/   # a site already built
    (tools/benchmark.py calls ``filter_figures`` on the sites it builds)

It prints figures; it asserts nothing.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
"""As in ``browser.py`` (this file also runs on its own, outside the package)."""
FOLDERS = ("chronologie", "pays", "personnalites", "organisations", "themes")
ROUNDS = 5

_CHANGE = """async ([name, value]) => {
  const form = document.querySelector('form.briefing-filter');
  const control = form.elements.namedItem(name);
  const start = performance.now();
  control.value = value;
  control.dispatchEvent(new Event('change', {bubbles: true}));
  await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  return [performance.now() - start, form.querySelector('.briefing-filter-status').textContent];
}"""
_COMMON = """kind => {
  const counts = {};
  const entity = new RegExp('(?:^|/)' + kind + '/([^/?#]+?)(?:\\.html|/(?:index\\.html)?)?(?:[?#]|$)');
  for (const a of document.querySelectorAll('article [data-start] .briefing-tags a[href]')) {
    const found = entity.exec(a.getAttribute('href'));
    if (found) counts[found[1]] = (counts[found[1]] || 0) + 1;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1]).map(e => e[0]);
}"""


def largest_chronology_page(site: Path) -> tuple[Path, int]:
    """The page with the most filterable entries, and their number."""
    counts: Counter[Path] = Counter()
    for folder in FOLDERS:
        for page in (site / folder).rglob("*.html"):
            data = page.read_bytes()
            if b"briefing-filter" in data:
                counts[page] = data.count(b" data-start=")
    if not counts:
        raise SystemExit(f"no filterable page in {site}")
    return counts.most_common(1)[0]


def _changes(page) -> list[tuple[str, str]]:
    """A reader's sequence: the most frequent country, then a theme among those left, a range of
    months, and back to everything."""
    country = (page.evaluate(_COMMON, "pays") or [""])[0]
    theme = (page.evaluate(_COMMON, "themes") or [""])[0]
    first = page.get_attribute("#filtre-du", "min") or ""
    last = page.get_attribute("#filtre-au", "max") or ""
    steps = [("pays", country), ("themes", theme), ("du", first), ("au", last),
             ("pays", ""), ("themes", ""), ("du", ""), ("au", "")]
    return [(name, value) for name, value in steps if page.locator(f"[name={name}]").count()]


def filter_figures(site: Path) -> dict[str, str]:
    """The filter's answer times on the largest chronology page of ``site`` (served)."""
    from playwright.sync_api import sync_playwright

    page_path, entries = largest_chronology_page(site)
    url_path = page_path.relative_to(site).as_posix().removesuffix("index.html")
    server = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory",
                               str(site)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(server.stdout.readline().split(" port ")[1].split()[0])
        timings = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/{url_path}")
            page.wait_for_selector("form.briefing-filter:not([hidden])")
            steps = _changes(page)
            for _ in range(ROUNDS):
                timings += [page.evaluate(_CHANGE, list(step))[0] for step in steps]
            browser.close()
    finally:
        server.terminate()
        server.wait()
    return {
        "filter page (entries)": f"{url_path} ({entries})",
        "filter answer ms (median / max)": f"{statistics.median(timings):.0f} / {max(timings):.0f}",
    }


if __name__ == "__main__":
    start = time.perf_counter()
    for key, value in filter_figures(Path(sys.argv[1] if len(sys.argv) > 1 else "site")).items():
        print(f"{key}: {value}")
    print(f"({time.perf_counter() - start:.1f} s)")
