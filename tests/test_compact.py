"""Pages without the templates' indentation (hooks/adapter/briefing_compact.py) and, in the offline export,
without blank lines (briefing.render.whitespace): smaller, rendered the same."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.render.whitespace import collapse, drop_blank_lines
from support import REPO, build, make_project

HOOK = "hooks/adapter/briefing_compact.py"
TEMPLATE_DIRS = [Path(material.__file__).parent / "templates", REPO / "overrides"]
_TEXT = st.text(alphabet=st.sampled_from(list("ab <>/=\"\n\t ")), max_size=80)


def _rendered_text(html: str) -> str:
    """What white-space collapsing makes of ``html`` outside tags: one space per run."""
    return re.sub(r"\s+", " ", html)


@settings(max_examples=300, derandomize=True)
@given(_TEXT)
def test_collapse_only_shortens_runs_that_hold_a_line_break(text):
    collapsed = collapse(text)
    assert _rendered_text(collapsed) == _rendered_text(text)
    assert ("\n" in collapsed) == ("\n" in text)  # a line break stays one: no statement or word is joined
    assert re.sub(r"\s", "", collapsed) == re.sub(r"\s", "", text)


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.one_of(_TEXT, st.sampled_from(["<pre>x\n\n y</pre>", "<code>\n\n</code>", '<a title="a\n\nb">'])),
                max_size=6))
def test_blank_lines_go_outside_pre_code_and_tags_only(pieces):
    html = "".join(pieces)
    dropped = drop_blank_lines(html)
    assert _rendered_text(dropped) == _rendered_text(html)
    for kept in re.findall(r"<(pre|code)>.*?</\1>", html, re.S):
        assert kept in dropped or "<pre" in kept
    assert drop_blank_lines("<pre>a\n\n\nb</pre>\n\n<p>c\n\n\nd</p>") == "<pre>a\n\n\nb</pre>\n<p>c\nd</p>"
    assert drop_blank_lines('<a title="x\n\ny">z</a>') == '<a title="x\n\ny">z</a>'  # a tooltip keeps its lines


def test_no_template_lays_out_text_the_collapse_would_change():
    """The collapse is safe because no template of the theme or of overrides/ has literal text in a
    ``<pre>``, a ``<textarea>``, a ``<code>`` or a JavaScript template string."""
    offenders = []
    for folder in TEMPLATE_DIRS:
        for path in folder.rglob("*.html"):
            text = re.sub(r"\{#.*?#\}", "", path.read_text("utf-8"), flags=re.S)  # comments print nothing
            if re.search(r"<(pre|textarea|code|kbd)\b|`", text):
                offenders.append(str(path))
    assert offenders == []


@pytest.fixture(scope="module")
def with_and_without(tmp_path_factory) -> tuple:
    root = tmp_path_factory.mktemp("compact")
    compact = make_project(root / "compact", {}, with_sample=True)
    indented = make_project(root / "indented", {}, with_sample=True)
    config = indented / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert f"  - {HOOK}\n" in text
    config.write_text(text.replace(f"  - {HOOK}\n", ""), "utf-8")
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    sites = [build(project, root / f"{project.name}-site", strict=True, env=env) for project in (compact, indented)]
    assert [site.returncode for site in sites] == [0, 0], sites[0].output + sites[1].output
    return tuple(sites)


def test_pages_are_smaller_and_say_the_same(with_and_without):
    compact, indented = with_and_without
    pages = sorted(p.relative_to(indented.site) for p in indented.site.rglob("*.html"))
    assert pages == sorted(p.relative_to(compact.site) for p in compact.site.rglob("*.html"))
    event = Path("evenements/2023-08-18-sommet-camp-david/index.html")
    assert (compact.site / event).stat().st_size < 0.85 * (indented.site / event).stat().st_size
    for page in pages:
        assert _rendered_text((compact.site / page).read_text("utf-8")) == \
            _rendered_text((indented.site / page).read_text("utf-8")), page


def _screenshot(context, url: str) -> bytes:
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    shot = page.screenshot(full_page=True, animations="disabled")
    page.close()
    return shot


PAGES = ["", "evenements/2023-08-18-sommet-camp-david/", "pays/japon/", "lettres/",
         "lettres/187-institutionnalisation-alliances-americaines/", "glossaire/"]
"""Not the chronology's pages: their frieze places its marks from what it measures as the page loads, a
pixel apart from one load to the next of the same site (their text is compared above)."""


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_pages_render_pixel_for_pixel_the_same(browser, with_and_without, width):
    """Screenshots of each page from both sites; a pair that differs is taken again (twice at most): a
    script still at work on a busy machine differs once, a page that renders otherwise every time."""
    contexts = [browser.new_context(viewport={"width": width, "height": 900}) for _ in with_and_without]
    differing = []
    for path in PAGES:
        urls = [(site.site / path / "index.html").as_uri() for site in with_and_without]
        if not any(len({_screenshot(c, u) for c, u in zip(contexts, urls, strict=True)}) == 1 for _ in range(3)):
            differing.append(path)
    for context in contexts:
        context.close()
    assert differing == []
