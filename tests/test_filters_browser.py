"""Chronology filters in a real browser (Debian's chromium), served and from ``file://``.

The expected entries are worked out in Python from the built page's data attributes and compared
with what the browser shows; the attributes themselves are checked against the sample notes in
``test_filters.py``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from reader_support import entry_slugs

from briefing.render.filters import CARRY_NOTE
from browser_support import serve
from support import MINIMAL_REGISTRY, build, make_project, note

pytestmark = pytest.mark.browser

YEAR = "chronologie/2023/"
KINDS = ("pays", "personnalites", "organisations", "themes")


def _entries(path) -> list[dict[str, str]]:
    """Each entry of a built page: its text, its days and its entities by folder (what the script reads)."""
    page = lxml.html.fromstring(path.read_bytes())
    return [
        {"text": " ".join(li.text_content().split()), **{k: v for k, v in li.attrib.items()},
         **{f"data-{kind}": " ".join(entry_slugs(li, kind)) for kind in KINDS}}
        for li in page.xpath("//article//li[@data-start]")
    ]


def _expected(entries, *, du: str = "", au: str = "", **chosen: str) -> list[str]:
    kept = []
    for entry in entries:
        if any(slug not in entry.get(f"data-{kind}", "").split() for kind, slug in chosen.items()):
            continue
        end = entry.get("data-end", entry["data-start"])  # a single day has no data-end
        if (du and end[:7] < du) or (au and entry["data-start"][:7] > au):
            continue
        kept.append(entry["text"])
    return kept


def _visible(page) -> list[str]:
    return page.eval_on_selector_all(
        "article li[data-start]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.textContent.split(/\\s+/).join(' ').trim())",
    )


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _status(page) -> str:
    return page.inner_text(".briefing-filter-status")


@pytest.fixture(scope="module")
def served(public_site):
    with serve(public_site.site) as url:
        yield url


def test_controls_filter_with_and_update_the_url_and_a_reload_keeps_them(page, public_site, served):
    entries = _entries(public_site.site / YEAR / "index.html")
    page.goto(served + YEAR)
    form = page.locator("form.briefing-filter")
    assert form.is_visible()
    assert _visible(page) == [e["text"] for e in entries]
    assert _status(page) == f"{len(entries)} événements affichés"

    page.select_option("#filtre-pays", "japon")
    japan = _expected(entries, pays="japon")
    assert 1 < len(japan) < len(entries)
    assert _visible(page) == japan
    assert _query(page) == {"pays": ["japon"]}
    assert _status(page) == f"{len(japan)} événements affichés sur {len(entries)}"

    page.select_option("#filtre-themes", "defense")
    both = _expected(entries, pays="japon", themes="defense")
    assert both and len(both) < len(japan)
    assert any("Camp David" in text for text in both)
    assert _visible(page) == both
    assert _query(page) == {"pays": ["japon"], "themes": ["defense"]}

    page.reload()
    assert _visible(page) == both
    assert page.input_value("#filtre-pays") == "japon" and page.input_value("#filtre-themes") == "defense"
    for link in page.locator(".briefing-neighbours a").all():  # the filter follows to the next year
        assert link.get_attribute("href").endswith("?pays=japon&themes=defense")

    page.click(".briefing-filter-reset")
    assert _visible(page) == [e["text"] for e in entries]
    assert urlsplit(page.url).query == ""


def test_headings_of_emptied_months_are_hidden(page, public_site, served):
    entries = _entries(public_site.site / YEAR / "index.html")
    page.goto(served + YEAR + "?pays=japon&themes=defense")
    shown = _expected(entries, pays="japon", themes="defense")
    headings = page.eval_on_selector_all("article h2", "hs => hs.filter(h => h.offsetParent).map(h => h.id)")
    assert len(headings) == len(shown) == 1  # Camp David's month only
    toc = page.eval_on_selector_all(".md-nav--secondary a.md-nav__link",
                                    "links => links.filter(a => a.offsetParent).map(a => a.getAttribute('href'))")
    assert toc == [f"#{headings[0]}"]  # the table of contents follows


def test_date_range_from_the_url_and_from_the_controls(page, public_site, served):
    entries = _entries(public_site.site / YEAR / "index.html")
    page.goto(served + YEAR + "?du=2023-04&au=2023-06")
    spring = _expected(entries, du="2023-04", au="2023-06")
    assert _visible(page) == spring
    assert any("Conseil de sécurité" in text for text in spring)  # a span that started in January
    assert not any("Camp David" in text for text in spring)
    assert page.input_value("#filtre-du") == "2023-04"
    page.fill("#filtre-au", "2023-08")
    page.dispatch_event("#filtre-au", "change")
    assert _visible(page) == _expected(entries, du="2023-04", au="2023-08")
    assert _query(page) == {"du": ["2023-04"], "au": ["2023-08"]}


def test_a_year_in_the_url_reads_as_its_months(page, public_site, served):
    entries = _entries(public_site.site / YEAR / "index.html")
    page.goto(served + YEAR + "?au=2023")
    assert page.input_value("#filtre-au") == "2023-12"
    assert _visible(page) == [e["text"] for e in entries]


def test_a_value_from_another_page_shows_in_its_control(page, public_site, served):
    """A country the page does not list (a filter carried from another year) is offered, with no entry."""
    entries = _entries(public_site.site / "chronologie/2024/index.html")
    page.goto(served + "chronologie/2024/?pays=lituanie")
    assert page.input_value("#filtre-pays") == "lituanie"
    assert _visible(page) == []
    assert _status(page) == f"0 événement affiché sur {len(entries)}"


def test_keyboard_reaches_and_changes_a_filter(page, public_site, served):
    page.goto(served + YEAR)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "filtre-pays":
            break
    else:
        pytest.fail("Tab never reached the country filter")
    page.keyboard.press("ArrowDown")
    first = page.eval_on_selector("#filtre-pays", "s => s.options[1].value")
    assert page.input_value("#filtre-pays") == first
    assert _query(page) == {"pays": [first]}
    assert page.get_attribute(".briefing-filter-status", "role") == "status"


def test_entity_chronology_filters_and_leaves_out_its_own_entity(page, public_site, served):
    path = public_site.site / "pays/japon/index.html"
    entries = _entries(path)
    page.goto(served + "pays/japon/?themes=defense")
    assert page.locator("#filtre-pays option[value=japon]").count() == 0
    shown = _expected(entries, themes="defense")
    assert shown and len(shown) < len(entries)
    assert _visible(page) == shown


def test_filters_work_from_file_in_the_offline_export(page, offline_export):
    path = offline_export.site / "chronologie" / "2023.html"
    if not path.exists():
        path = offline_export.site / "chronologie" / "2023" / "index.html"
    entries = _entries(path)
    page.goto(path.as_uri() + "?pays=japon")
    assert page.url.startswith("file://")
    assert _visible(page) == _expected(entries, pays="japon")
    page.select_option("#filtre-themes", "defense")
    assert _visible(page) == _expected(entries, pays="japon", themes="defense")
    assert _query(page) == {"pays": ["japon"], "themes": ["defense"]}
    page.reload()
    assert _visible(page) == _expected(entries, pays="japon", themes="defense")
    assert page.request_log.outside(offline_export.site) == []


def test_without_javascript_every_entry_shows(browser, public_site, served):
    entries = _entries(public_site.site / YEAR / "index.html")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served + YEAR + "?pays=japon&themes=defense")
    assert _visible(page) == [e["text"] for e in entries]
    assert not page.locator("form.briefing-filter").is_visible()
    context.close()


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """160 events in 2023: the index lists years and the year lists months, each on its own page."""
    files = dict(MINIMAL_REGISTRY)
    for i in range(160):
        month, day = i % 12 + 1, i // 12 + 1
        countries = "[Japon, Corée du Sud]" if day % 2 == 0 else "[Japon]"
        files[f"events/2023/2023-{month:02d}-{day:02d}-f{i}.md"] = note(
            f"date: 2023-{month:02d}-{day:02d}\ntitle: Fait {i}\ncountries: {countries}")
    tmp = tmp_path_factory.mktemp("large")
    result = build(make_project(tmp / "project", files), tmp / "site", strict=True)
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield result, url


def test_a_page_of_months_hands_the_filter_to_the_month_chosen(page, large):
    result, url = large
    page.goto(url + "chronologie/2023/?pays=coree-du-sud")
    assert page.locator("form.briefing-filter").is_visible()
    assert page.input_value("#filtre-pays") == "coree-du-sud"
    assert _status(page) == CARRY_NOTE
    months = page.locator("table.briefing-carry a")
    assert months.count() == 12
    assert all(href.endswith("?pays=coree-du-sud") for href in months.evaluate_all("as => as.map(a => a.href)"))
    months.first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith("/chronologie/2023/01/")
    entries = _entries(result.site / "chronologie/2023/01/index.html")
    assert _visible(page) == _expected(entries, pays="coree-du-sud") and 0 < len(_visible(page)) < len(entries)


def test_the_index_of_years_hands_the_filter_to_the_year_chosen(page, large):
    _, url = large
    page.goto(url + "chronologie/")
    assert _status(page) == ""
    page.select_option("#filtre-pays", "coree-du-sud")
    assert _query(page) == {"pays": ["coree-du-sud"]}
    assert _status(page) == CARRY_NOTE
    year = page.locator("table.briefing-carry a", has_text="2023")
    assert year.get_attribute("href").endswith("?pays=coree-du-sud")


def test_the_frieze_of_a_page_of_months_hands_the_filter_on_too(page, large):
    """Its groups lead to their month's page, with the choice, and its anchor kept after it."""
    _, url = large
    page.goto(url + "chronologie/2023/?pays=coree-du-sud")
    groups = page.locator(".briefing-timeline a.tl-group")
    assert groups.count() == 12
    hrefs = groups.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert all("?pays=coree-du-sud" in h and h.split("?")[0].endswith("/") for h in hrefs), hrefs
    page.goto(url + "chronologie/")
    page.select_option("#filtre-pays", "coree-du-sud")
    year = page.locator(".briefing-timeline .tl-year a", has_text="2023")
    assert year.get_attribute("href").endswith("2023/?pays=coree-du-sud")
    assert page.locator(".briefing-timeline .tl-off").count() == 0  # marks of pages not listed here: as built


def test_a_folder_the_page_has_no_filter_for_is_left_out(page, large):
    """Rather than hide everything behind a control that is not there."""
    result, url = large
    entries = _entries(result.site / "chronologie/2023/01/index.html")
    page.goto(url + "chronologie/2023/01/?themes=defense&pays=japon")
    assert page.locator("#filtre-themes").count() == 0
    assert _visible(page) == [e["text"] for e in entries]
