"""No contributor's text runs as script in a reader's browser (issue 13): sites built from generated
hostile content, served and from file://, every element with a title hovered and focused, truncated
navigation entries hovered, search typed key by key; any payload that runs is caught."""

from __future__ import annotations

import lxml.html
import pytest
from hostile_content import MARKER, event_ids, generate_batches, hostile_files
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser_support import serve
from support import build, make_project

pytestmark = pytest.mark.browser

DETECTOR = """
window.__pwned = [];
window.__pwn = function () { window.__pwned.push(location.pathname); };
"""
"""Defined before any page script: what the payloads call."""
HIGHLIGHT = "pwn+onerror+img+lt+gt+amp+script"
"""Words of the payloads and of their entities, marked on the page by the search highlighters."""


@pytest.fixture(scope="module")
def batches() -> list[dict[str, str]]:
    return generate_batches()


@pytest.fixture(scope="module")
def hostile_sites(batches, tmp_path_factory):
    """The public edition served, and the offline export: two builds of one generated project."""
    root = tmp_path_factory.mktemp("hostile-browser")
    project = make_project(root / "project", hostile_files(batches))
    sites = {}
    for mode, env in {"served": {}, "offline": {"OFFLINE": "true"}}.items():
        result = build(project, root / mode, env=env)
        assert result.returncode == 0 and "Traceback" not in result.output, result.output
        sites[mode] = result.site
    return sites


def _pages(batches, offline: bool) -> list[str]:
    """A bounded set: every generated event and entity, the chronology, the glossary, the home page."""
    pages = ["", "chronologie/", "glossaire/"]
    pages += [f"evenements/{event_id}/" for event_id in event_ids(batches)]
    pages += [f"pays/hostilie-{number}/" for number in range(1, len(batches) + 1)]
    if offline:
        pages = ["index.html", "chronologie/index.html", "glossaire.html",
                 *(f"{page.rstrip('/')}.html" for page in pages[3:])]
    return pages


class Watch:
    """What a page ran that it should not have: payload calls, dialogs, console marks, page errors."""

    def __init__(self, context) -> None:
        self.events: list[str] = []
        context.add_init_script(DETECTOR)
        context.on("page", self.attach)

    def attach(self, page) -> None:
        page.on("dialog", lambda dialog: (self.events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.on("console", lambda message: "PWNED" in message.text and self.events.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: "pwn" in str(error).lower() and self.events.append(f"error: {error}"))

    def ran(self, page) -> list[str]:
        page.wait_for_timeout(300)  # an image's onerror fires once its load has failed
        calls = page.evaluate("window.__pwned || []")
        return self.events + [f"__pwn() on {path}" for path in calls]


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    watch = Watch(context)
    page = context.new_page()
    yield page, watch
    context.close()


def _hover(element) -> None:
    """Move the pointer over ``element``; if something covers it (the search box over a header
    button), send it the events a pointer would."""
    try:
        element.hover(timeout=300)
    except PlaywrightTimeout:
        element.dispatch_event("mouseover")
        element.dispatch_event("mouseenter")


def _hover_and_focus_titles(page) -> tuple[int, list[str]]:
    """Hover and focus every element with a title, and every truncated entry of the navigation and the
    table of contents (the theme copies their text into a title). Return how many tooltips showed a
    title holding ``<``, and the titles a tooltip showed otherwise than as the text."""
    shown, wrong = 0, []
    titles = page.evaluate(
        "() => [...document.querySelectorAll('body [title]')].map((element, index) =>"
        " (element.setAttribute('data-probe', index), element.getAttribute('title')))"
    )
    for index, title in enumerate(titles):
        element = page.locator(f"[data-probe='{index}']")
        if element.is_visible():
            _hover(element)
            tooltip = element.get_attribute("aria-describedby") or element.get_attribute("aria-labelledby")
            if "<" in title and tooltip and page.locator(f"[id='{tooltip}']").count():
                shown += 1
                if page.locator(f"[id='{tooltip}']").text_content() != title.strip():
                    wrong.append(title)
        element.evaluate("element => element.focus()")
    ellipses = page.locator(".md-ellipsis")
    for index in range(ellipses.count()):
        if ellipses.nth(index).is_visible():
            _hover(ellipses.nth(index))
    page.keyboard.press("Escape")
    return shown, wrong


def _type_search(page, query: str) -> str:
    """Type ``query`` key by key into the search box until the theme answers; return the answer line."""
    box = page.locator("input.md-search__input")
    for _ in range(20):
        box.click()
        box.fill("")
        box.press_sequentially(query, delay=40)
        try:
            page.wait_for_function(
                "() => /trouvé|Aucun/.test(document.querySelector('.md-search-result__meta')?.textContent ?? '')",
                timeout=1500,
            )
            return page.inner_text(".md-search-result__meta")
        except PlaywrightTimeout:  # the index is still loading: type it again
            continue
    raise AssertionError(f"search never answered {query!r}")


def test_the_detector_sees_a_payload_that_runs(watched, hostile_sites):
    """The checks below would see a payload run (so their passing means something)."""
    page, watch = watched
    page.goto(hostile_sites["offline"].joinpath("index.html").as_uri())
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=__pwn()>')")
    page.evaluate("console.log('PWNED')")
    ran = watch.ran(page)
    assert any(r.startswith("__pwn()") for r in ran) and any(r.startswith("console") for r in ran), ran


def test_every_title_is_plain_text_in_the_html(batches, hostile_sites):
    """Static: the hostile text is in title attributes, escaped, and reads back as typed."""
    site = hostile_sites["served"]
    titles = []
    for url in _pages(batches, offline=False):
        tree = lxml.html.fromstring((site / url / "index.html").read_bytes())
        titles += tree.xpath("//*[not(self::link)]/@title")
    for batch in batches:
        entity = " ".join(batch["entity_title"].split())
        assert entity in titles, entity
        assert any(t.endswith(f"{MARKER} {' '.join(batch['event_title'].split())}") for t in titles)
    assert any("<" in title for title in titles)


@pytest.mark.parametrize("mode", ["served", "offline"])
def test_hovering_focusing_and_searching_runs_nothing(watched, batches, hostile_sites, mode):
    page, watch = watched
    site = hostile_sites[mode]
    with serve(site) as base:
        root = base if mode == "served" else site.as_uri() + "/"
        shown = 0
        for url in _pages(batches, offline=mode == "offline"):
            page.goto(root + url)
            assert page.locator("article").count() == 1, url
            count, wrong = _hover_and_focus_titles(page)
            assert watch.ran(page) == [], (mode, url)
            assert wrong == [], (mode, url)
            shown += count
        assert shown >= len(batches), "no tooltip showed a hostile title"
        for url in _pages(batches, offline=mode == "offline")[3:3 + len(batches)]:
            page.goto(f"{root}{url}?h={HIGHLIGHT}")  # as a search result links to its page
            assert page.locator("mark[data-md-highlight]").count(), url
            assert watch.ran(page) == [], (mode, url, "highlight")
        page.goto(root + ("index.html" if mode == "offline" else ""))
        for query in (MARKER, "onerror", "img src"):
            meta = _type_search(page, query)
            assert "trouvé" in meta, (query, meta)
            results = page.locator(".md-search-result__item")
            for index in range(min(results.count(), 5)):
                _hover(results.nth(index))
            assert watch.ran(page) == [], (mode, query)
