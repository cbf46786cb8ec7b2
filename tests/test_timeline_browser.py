"""The timeline (frieze) in a real browser: nothing hidden, marks grouped, targets of 24 px, keyboard.

Measured on the sample site and on a crowded year built for the purpose (periods over the whole year,
points on neighbouring days and across a month's end), at 1280 and 390 px.
"""

from __future__ import annotations

import pytest
from reader_support import page_file

from support import MINIMAL_REGISTRY, build, make_project, note

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)
_RECTS = """root => Array.from(root.querySelectorAll('.tl-row')).map(row =>
  Array.from(row.querySelectorAll('.tl-mark')).map(m => {
    const r = m.getBoundingClientRect();
    return {x: r.left, y: r.top, w: r.width, h: r.height, cls: m.className, link: m.tagName === 'A'};
  }))"""
_COVERED = """root => Array.from(root.querySelectorAll('.tl-mark')).filter(m => {
  m.scrollIntoView({block: 'center'});
  const r = m.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !(hit === m || m.contains(hit));
}).map(m => m.className + ' ' + (m.getAttribute('title') || ''))"""


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """A year with three periods over all of it, two within it, and points that fall close together."""
    dates = {
        "2023-01-31": "Fin janvier", "2023-02-01": "Début février", "2023-02-02": "Lendemain",
        "2023-03-10": "Dix mars", "2023-03-11": "Onze mars", "2023-09-20": "Septembre",
    }
    files = dict(MINIMAL_REGISTRY)
    for day, title in dates.items():
        files[f"events/2023/{day}-{title.lower().replace(' ', '-')}.md"] = note(
            f"date: {day}\ntitle: {title}\ncountries: [Japon]")
    files["events/2023/2023-annee.md"] = note("date: 2023\ntitle: Toute l’année\ncountries: [Japon]")
    files["events/2022/2022-siege.md"] = note(
        "date: 2022-06-01\nend: 2024-05-31\ntitle: Mandat de deux ans\ncountries: [Japon]")
    files["events/2023/2023-04.md"] = note("date: 2023-04\ntitle: Un mois d’avril\ncountries: [Japon]")
    files["events/2023/2023-04-20-long.md"] = note(
        "date: 2023-04-20\nend: 2023-07-15\ntitle: Négociation de trois mois\ncountries: [Japon]")
    files["docs/lettres/1-lettre.md"] = note(
        "number: 1\nissue: 2023-10\nzones: [Japon]\ntitle: Lettre\nfacts: [2023-09-20-septembre, 2023-04-20-long]",
        "Chapeau.\n\n<!-- more -->\n\nAnalyse.")
    tmp = tmp_path_factory.mktemp("crowded")
    result = build(make_project(tmp / "project", files), tmp / "site", strict=True)
    assert result.returncode == 0, result.output
    return result


def _open(browser, site, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    page.goto(page_file(site, url).as_uri())
    return page


def _overlap(a: dict, b: dict) -> bool:
    return (a["x"] + a["w"] > b["x"] + 0.5 and b["x"] + b["w"] > a["x"] + 0.5
            and a["y"] + a["h"] > b["y"] + 0.5 and b["y"] + b["h"] > a["y"] + 0.5)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", ["chronologie/", "chronologie/2023/", "pays/japon/"])
def test_no_mark_is_hidden_and_every_target_is_24_px(browser, crowded, public_site, url, width):
    for site in (crowded.site, public_site.site):
        page = _open(browser, site, url, width)
        timeline = page.locator(".briefing-timeline").first
        assert timeline.evaluate("e => e.scrollWidth - e.clientWidth") <= 0  # fits the screen
        rows = timeline.evaluate(_RECTS)
        marks = [m for row in rows for m in row]
        assert len(marks) >= 5
        for row in rows:
            for i, a in enumerate(row):
                for b in row[i + 1:]:
                    assert not _overlap(a, b), (url, width, a, b)
        assert all(m["w"] >= 24 and m["h"] >= 24 for m in marks), [m for m in marks if m["w"] < 24 or m["h"] < 24]
        assert timeline.evaluate(_COVERED) == []  # what is at each mark's centre is the mark
        page.close()


def test_points_close_together_are_grouped_with_their_count(browser, crowded):
    page = _open(browser, crowded.site, "chronologie/2023/", 390)
    groups = page.locator(".briefing-timeline a.tl-group")
    counts = sorted(int(t) for t in groups.locator(".tl-count").all_inner_texts())
    assert counts == [2, 2]  # 1-2 February, 10-11 March; 31 January stays alone in its month
    february = page.locator(".briefing-timeline a.tl-group[title^='Février 2023']")
    assert february.get_attribute("href").endswith("#2023-02")
    alone = page.locator(".briefing-timeline a.tl-point[title*='Fin janvier']")
    assert alone.count() == 1
    lanes = page.locator(".briefing-timeline .tl-row").first.locator(".tl-lane")
    assert lanes.count() >= 3  # the two-year mandate, the year-long date and the spring periods apart
    page.close()


def test_marks_cited_by_a_letter_have_a_visible_label(browser, crowded, public_site):
    page = _open(browser, crowded.site, "chronologie/", 390)
    labels = page.locator(".briefing-timeline .tl-label:visible").all_inner_texts()
    assert "Septembre" in labels and "Négociation de trois mois" in labels
    assert "Dix mars" not in labels  # not cited: no label
    page.close()
    page = _open(browser, public_site.site, "chronologie/", 1280)
    labels = page.locator(".briefing-timeline .tl-labels .tl-label").all_inner_texts()
    assert "Sommet trilatéral de Camp David" in labels
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_tab_reaches_the_marks_with_a_visible_focus(browser, public_site, width):
    page = _open(browser, public_site.site, "chronologie/", width)
    reached = []
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            return e.closest('.briefing-timeline') && e.matches('a.tl-mark')
              ? {outline: getComputedStyle(e).outlineStyle,
                     title: e.title
                       || document.getElementById(e.getAttribute('aria-labelledby')).textContent} : null; }""")
        if focused:
            reached.append(focused)
        if len(reached) >= 3:
            break
    assert len(reached) >= 3
    assert all(f["outline"] != "none" and f["title"] for f in reached)  # seen
    for focused in reached:  # and named for a screen reader by its title (the tooltip's, meanwhile)
        assert page.get_by_role("link", name=focused["title"], exact=True).count() >= 1
    page.close()
