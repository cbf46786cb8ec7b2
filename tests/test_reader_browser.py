"""Reader tools in a real browser (Debian's chromium): print styles, the timeline on a phone and offline.

The ``browser`` fixture is the session's shared one (``tests/browser_support.py``).
"""

from __future__ import annotations

import pytest
from reader_support import page_file

from support import build, make_project

pytestmark = pytest.mark.browser

LETTER = "lettres/187-institutionnalisation-alliances-americaines/"
HIDDEN_IN_PRINT = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
                   ".md-footer"]


def _display(page, selector: str) -> str | None:
    return page.evaluate(
        "s => { const e = document.querySelector(s); return e ? getComputedStyle(e).display : null; }", selector
    )


def test_letter_prints_as_a_letter(browser, full_site, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(page_file(full_site.site, LETTER).as_uri())
    for selector in HIDDEN_IN_PRINT:  # on screen (search is folded into the header under file://)
        if selector != ".md-search":
            assert _display(page, selector) not in (None, "none"), selector
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert _display(page, selector) == "none", selector
    for selector in ("#faits", ".footnote", ".briefing-source", ".briefing-chapeau", "h1"):
        assert _display(page, selector) not in (None, "none"), selector
        assert page.locator(selector).first.is_visible(), selector
    assert page.locator("#faits ~ p").count() >= 5  # the facts themselves
    pdf = tmp_path / "lettre.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    page.close()


def test_entity_prints_as_a_dossier(browser, public_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(page_file(public_site.site, "pays/japon/").as_uri())
    page.emulate_media(media="print")
    for selector in [*HIDDEN_IN_PRINT, ".briefing-follow"]:
        assert _display(page, selector) == "none", selector
    for selector in ("h1", "#lettres", "#chronologie", ".briefing-timeline", "#relations"):
        assert page.locator(selector).first.is_visible(), selector
    page.close()


def test_timeline_fits_a_phone_and_marks_can_be_tapped(browser, public_site):
    page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page.goto(page_file(public_site.site, "chronologie/").as_uri())
    timeline = page.locator(".briefing-timeline")
    assert timeline.is_visible()
    overflow = timeline.evaluate("e => e.scrollWidth - e.clientWidth")
    assert overflow <= 0
    box = timeline.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    sizes = page.eval_on_selector_all(
        ".briefing-timeline a.tl-point",
        "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])",
    )
    assert sizes and all(w >= 8 and h >= 16 for w, h in sizes)  # big enough to hit with a finger
    page.close()


def test_offline_export_has_the_exports_and_the_timeline_works_from_file(browser, tmp_path_factory):
    """Built with Material's offline plugin (pages are ``x.html``): the exports that work from a file are in
    the folder (the chronology's calendar and the data, no feed), and the marks work."""
    root = make_project(tmp_path_factory.mktemp("offline") / "project", {}, with_sample=True)
    (root / "mkdocs.yml").rename(root / "mkdocs-base.yml")
    (root / "mkdocs.yml").write_text("INHERIT: mkdocs-base.yml\nplugins:\n  offline:\n    enabled: true\n", "utf-8")
    site = tmp_path_factory.mktemp("offline-site") / "site"
    result = build(root, site, strict=True)
    assert result.returncode == 0, result.output
    for path in ("flux/evenements.ics", "donnees/evenements.json", "donnees/lettres.json"):
        assert (site / path).is_file(), path
    for path in ("flux/lettres.xml", "flux/pays/japon.xml", "flux/pays/japon.ics"):
        assert not (site / path).exists(), path
    assert (site / "chronologie/index.html").is_file() and (site / "evenements").is_dir()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((site / "chronologie/index.html").as_uri())
    mark = page.locator(".briefing-timeline a.tl-mark").first
    title = mark.get_attribute("title")
    mark.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.url.endswith(".html")
    assert title.endswith(page.locator("h1").first.inner_text().rstrip("¶ "))
    assert page.evaluate("() => document.querySelectorAll('link[rel=alternate]').length") == 0
    page.close()
