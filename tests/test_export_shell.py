"""The offline export's pages without what only sharing, search engines or a script use
(briefing.exports.shell, overrides/main.html): the parts a script uses come once, from
assets/briefing-shell.js, and are back in place before Material starts."""

from __future__ import annotations

import io
import json
import unicodedata

import lxml.html
import pytest
from pypdf import PdfReader

from briefing.exports.bundles import SCRIPTS, STYLES
from briefing.exports.shell import SCRIPT_PATH, ShellParts

EVENT = "evenements/2023-08-18-sommet-camp-david.html"


def test_export_pages_hold_no_script_only_part_and_no_head_for_robots(offline_export):
    site = offline_export.site
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        text = page.read_text("utf-8")
        tree = lxml.html.fromstring(text)
        assert not tree.xpath("//*[@data-md-component='search' or @data-md-component='top' or @id='__config'"
                              " or @id='__search']"), page
        assert not tree.xpath("//link[@rel='canonical' or @rel='prev' or @rel='next']"), page
        assert not tree.xpath("//meta[@name='description' or @name='generator' or starts-with(@property, 'og:')]"), page
        assert not tree.xpath("//script[@type='application/ld+json']"), page
        assert "__md_scope" not in text and "\n\n" not in text.split("<article", 1)[0], page
        scripts = tree.xpath("//script/@src")
        assert [s.rsplit("/", 1)[-1] for s in scripts if "briefing-shell" in s or "bundle." in s][:1] == [
            "briefing-shell.js"], page  # before the theme's script
        assert len([h for h in tree.xpath("//link[@rel='stylesheet']/@href") if "assets/briefing" in h]) == 1, page
        assert [s.rsplit("/", 1)[-1] for s in scripts if "assets/briefing-" in s] == [
            "briefing-shell.js", "briefing-export.js"], page
    assert (site / SCRIPT_PATH).is_file() and (site / STYLES.target).is_file() and (site / SCRIPTS.target).is_file()
    assert not (site / "assets" / "briefing-site.css").exists()  # in briefing-export.css, not twice
    assert not (site / "assets" / "briefing-filter.js").exists()  # in briefing-export.js
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    assert not (site / "assets" / "javascripts" / "lunr").exists()  # pasted into the export's worker


def test_the_online_site_keeps_its_head_and_shell(public_site):
    page = public_site.page("evenements/2023-08-18-sommet-camp-david/")
    assert page.xpath("//link[@rel='canonical']") and page.xpath("//meta[@property='og:title']")
    assert page.xpath("//*[@data-md-component='search']") and page.xpath("//script[@id='__config']")
    assert not (public_site.site / SCRIPT_PATH).exists()


def _home(offline_export) -> str:
    return (offline_export.site / "index.html").read_text("utf-8")


def test_a_page_that_differs_keeps_its_shell(offline_export):
    """Only a page holding each part as the home page has it loses them."""
    parts = ShellParts(search="<label>s</label>", top="<button>t</button>", dialog="<div>d</div>",
                       config={"features": []}, worker="assets/w.js", helpers="__md_hash=1",
                       content_script="var target=document.getElementById(location.hash.slice(1));x")
    page = ('<head><script>__md_scope=new URL("..",location),__md_hash=1</script></head><body>'
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
            '<header><nav>'
            '<label>s</label>\n</nav></header><main><button>t</button>\n</main><div>d</div>\n'
            '<script id="__config" type="application/json">{"base": "..", "features": [], "search": "../assets/w.js"}'
            '</script><script>var target=document.getElementById(location.hash.slice(1));x</script></body>')
    light = parts.lighten(page, "evenements/x.html")
    assert light is not None and '<script src="../assets/briefing-shell.js"></script>' in light
    assert "<label>s</label>" not in light and "__search" not in light
    assert "__md_scope" not in light and "__config" not in light
    assert parts.lighten(page.replace('"features": []', '"features": ["x"]'), "evenements/x.html") is None
    assert parts.lighten(page, "index.html") is None  # its base would be "."
    assert parts.lighten(page.replace("</body>", "<script>__md_get('x')</script></body>"), "evenements/x.html") is None
    assert parts.lighten(page.replace("<label>s</label>\n</nav>", "<label>s</label><i></i></nav>"),
                         "evenements/x.html") is None


def test_the_shell_script_holds_the_parts_of_the_home_page(offline_export):
    script = (offline_export.site / SCRIPT_PATH).read_text("utf-8")
    for marker in ('data-md-component=\\"search\\"', 'data-md-component=\\"top\\"', "md-dialog", "__md_get=",
                   "__tabbed_", "search.result.placeholder"):
        assert marker in script
    assert ShellParts.read(_home(offline_export)) is None  # the home page itself has given them away


@pytest.mark.browser
def test_the_parts_are_back_in_place_before_the_theme_starts(browser, offline_export):
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_export.site / EVENT).as_uri())
    page.wait_for_load_state("networkidle")
    assert page.locator(".md-header__inner > .md-search[data-md-component=search]").count() == 1
    assert page.locator(".md-header__inner > label[for=__search] svg").count() == 1
    assert page.locator(".md-search__input").is_visible()  # wide screens show the search field in the header
    assert page.locator("main.md-main > .md-top").count() == 1
    assert page.locator("body > .md-dialog + script#__config").count() == 1
    assert page.locator("#__drawer + #__search[data-md-toggle=search]").count() == 1
    config = json.loads(page.locator("#__config").text_content())
    assert config["base"] == (offline_export.site.as_uri() + "/")
    assert config["search"].startswith(offline_export.site.as_uri() + "/assets/javascripts/workers/search.")
    assert page.evaluate("__md_scope.href") == config["base"]
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)  # scrolling back up shows Material's back-to-top button
    page.locator(".md-top").wait_for(state="visible")
    page.locator(".md-search__input").click()  # Material opens its search dialog from the moved switch
    page.wait_for_function("document.getElementById('__search').checked")
    assert errors == []
    tree = lxml.html.fromstring(page.content())
    assert tree.xpath("//link[@rel='stylesheet']")
    page.close()


@pytest.mark.browser
def test_an_export_page_prints_with_masthead_page_numbers_and_its_online_address(browser, offline_export):
    """The print style is in the one stylesheet (``@media print``), and the address printed is the page's
    on the site, not the export's ``.html`` file name."""
    page = browser.new_page()
    page.goto((offline_export.site / "lettres" / "187-institutionnalisation-alliances-americaines.html").as_uri())
    page.wait_for_load_state("networkidle")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    page.close()
    pages = [unicodedata.normalize("NFKC", p.extract_text() or "") for p in reader.pages]
    flat = " ".join(" ".join(pages).split())
    assert "LETTRE CONFIDENTIELLE ASIE21-FUTURIBLES N° 187/2024-10" in pages[0].upper()
    for number, text in enumerate(pages, 1):
        assert f"Page {number} sur {len(pages)}" in text and "Asie21" in text
    assert ("Adresse de cette page : https://briefing.example.org/lettres/"
            "187-institutionnalisation-alliances-americaines/") in flat
    for absent in ("Rechercher", "Précédent", "Mentions légales"):
        assert absent not in flat, absent
