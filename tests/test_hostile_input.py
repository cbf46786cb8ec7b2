"""Hostile text in every front-matter field and in every body never becomes executable in the built site."""

from __future__ import annotations

import json

import pytest
from safety import html_problems, site_problems

from search_support import search_documents
from support import MINIMAL_REGISTRY, build, make_project, note

SCRIPT = '<script>alert("XSS")</script>'
HANDLER = '<img src=x onerror=alert("XSS")>'
BREAKOUT = '</title><script>alert("XSS")</script>'
ENCODED = '&lt;script&gt;alert("XSS")&lt;/script&gt;'
URL = """https://example.org/x"><script>alert('XSS')</script>"""


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


HOSTILE_FACT = f"fait {BREAKOUT} {HANDLER} {ENCODED}"
HOSTILE_BODY = f"""Premier paragraphe avec Otan* et une note[^1], en HTML.

!!! note "Remarque"

    Une remarque.

<div class="encadre" lang="en" data-search-exclude markdown>

An *English* box.

</div>

*[HTML]: HyperText Markup Language

{SCRIPT}

{HANDLER}

<a href="javascript:alert('XSS')">lien</a> et [lien markdown](javascript:alert('XSS')) et
<a href="  JaVaScRiPt:alert('XSS')">variante</a>.

<div onclick="alert('XSS')" class="ok">div</div>

<iframe src="javascript:alert('XSS')"></iframe>
<object data="javascript:alert('XSS')"></object>
<svg onload="alert('XSS')"><script>alert("XSS")</script></svg>
<form action="javascript:alert('XSS')"><button formaction="javascript:alert('XSS')">b</button></form>
<style>body {{ background: url("javascript:alert('XSS')") }}</style>
<base href="javascript:alert('XSS')//">
<meta http-equiv="refresh" content="0;url=javascript:alert('XSS')">

## Intertitre {HANDLER}

[^1]: Note {HANDLER} avec [un lien](javascript:alert('XSS')).
"""

HOSTILE_FILES = {
    **MINIMAL_REGISTRY,
    "docs/pays/hostilie.md": note(
        f"title: {_yaml('Hostilie ' + SCRIPT)}\naliases: [Hostilie, {_yaml('Alias ' + HANDLER)}]\n"
        f"abbr: {_yaml('HX' + BREAKOUT)}",
        HOSTILE_BODY,
    ),
    "events/2024/2024-05-01-hostile.md": note(
        f"date: 2024-05-01\ntitle: {_yaml('Titre ' + BREAKOUT + ' ' + HANDLER + ' ' + ENCODED)}\n"
        f"fact: {_yaml(HOSTILE_FACT)}\n"
        "countries: [Hostilie, Japon]\norganizations: [Otan]\n"
        "sources:\n"
        f"  - title: {_yaml('Source ' + SCRIPT)}\n"
        f"    publisher: {_yaml('Éditeur ' + HANDLER)}\n"
        f"    url: {_yaml(URL)}\n",
        HOSTILE_BODY,
    ),
    "events/2024/2024-05-02-hostile-confidentiel.md": note(
        f"date: 2024-05-02\ntitle: {_yaml('Secret ' + SCRIPT)}\ncountries: [Japon]\nconfidential: true\n"
        "related: [2024-05-01-hostile]",
        HOSTILE_BODY,
    ),
    "events/2024/2024-05-03-hostile-partiel.md": note(  # hostile on both sides of <!-- more -->
        "date: 2024-05-03\ntitle: Partiel\ncountries: [Japon]",
        HOSTILE_BODY.replace(f"\n{SCRIPT}\n", f"\n{SCRIPT}\n\n<!-- more -->\n", 1),
    ),
    "docs/lettres/12-hostile.md": note(
        f"number: 12\nissue: 2024-05\nzones: [Hostilie, Japon]\ntitle: {_yaml('Lettre ' + BREAKOUT + HANDLER)}\n"
        f"facts: [2024-05-01-hostile, 2024-05-02-hostile-confidentiel]\n"
        f"authors: [{_yaml('Auteur ' + SCRIPT)}, {_yaml(HANDLER)}]\nlead_en: {_yaml('Lead ' + BREAKOUT + HANDLER)}",
        HOSTILE_BODY.replace("## Intertitre", "<!-- more -->\n\n## Intertitre"),
    ),
}


@pytest.fixture(scope="module", params=["public", "full"])
def hostile_site(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"hostile-{request.param}")
    project = make_project(root / "project", HOSTILE_FILES)
    result = build(project, root / "site", env={"BRIEFING_EDITION": request.param})
    assert result.returncode == 0, result.output
    return result


def test_the_scanner_finds_what_it_looks_for():
    """The checks below would fail on unsanitized markup (so their passing means something)."""
    assert html_problems(SCRIPT, "x") and html_problems(HANDLER, "x")
    assert html_problems("<a href=' javascript:alert(1)'>x</a>", "x")
    assert html_problems("<title></title><script>alert('XSS')</script>", "x")


def test_nothing_executable_reaches_any_file(hostile_site):
    problems, scanned = site_problems(hostile_site.site)
    assert "search/search_index.json" in scanned and "search/search_lunr.json" in scanned
    assert any(name.startswith("evenements/2024-05-01-hostile") for name in scanned)
    assert problems == []


def test_hostile_text_is_shown_as_text(hostile_site):
    """Escaped, not dropped: the reader sees what the contributor typed in front matter."""
    event = hostile_site.page("evenements/2024-05-01-hostile/")
    assert event.xpath("//article//h1")[0].text_content().startswith(f"Titre {BREAKOUT} {HANDLER}")
    assert BREAKOUT in event.xpath("//title")[0].text
    sources = " ".join(event.xpath("//article//h2[@id='sources']/following-sibling::ul[1]")[0].text_content().split())
    assert f"Source {SCRIPT}" in sources and f"Éditeur {HANDLER}" in sources
    letter = hostile_site.page("lettres/12-hostile/")
    assert f"Auteur {SCRIPT}" in letter.xpath("//article")[0].text_content()
    assert f"1er mai 2024 : {HOSTILE_FACT}" in " ".join(letter.xpath("//article")[0].text_content().split())
    entries = hostile_site.page("chronologie/2024/").xpath("//li[contains(@class, 'briefing-entry')]")
    assert any(f"1er mai 2024 : {HOSTILE_FACT}" in " ".join(e.text_content().split()) for e in entries)
    entity = hostile_site.page("pays/hostilie/")
    assert entity.xpath("//article//h1")[0].text_content().startswith(f"Hostilie {SCRIPT}")


def test_search_index_titles_are_text(hostile_site):
    docs = search_documents(hostile_site.site)
    titles = [doc["title"] for doc in docs if doc["location"].startswith("evenements/2024-05-01-hostile")]
    assert titles and all("<script" not in t and "<img" not in t for t in titles)


def test_markdown_and_material_markup_survive(hostile_site):
    """Footnotes, permalinks, tooltips, md_in_html blocks and the body's own text are kept."""
    page = hostile_site.page("evenements/2024-05-01-hostile/")
    article = page.xpath("//article")[0]
    assert article.xpath(".//sup[starts-with(@id, 'fnref:')]/a[@class='footnote-ref']")
    assert article.xpath(".//div[@class='footnote']//a[@class='footnote-backref']")
    heading = article.xpath(".//h2[starts-with(@id, 'intertitre')]")[0]
    assert heading.xpath("./a[@class='headerlink']/@href") == [f"#{heading.get('id')}"]
    assert article.xpath(".//a[contains(@title, 'Atlantique nord')][contains(@href, 'glossaire')]")
    assert article.xpath(".//div[@class='ok']") and "Premier paragraphe" in article.text_content()
    assert article.xpath(".//div[contains(@class, 'briefing-neighbours')]")
    assert article.xpath(".//div[@class='admonition note']/p[@class='admonition-title']/text()") == ["Remarque"]
    assert article.xpath(".//abbr[@title='HyperText Markup Language']/text()") == ["HTML"]
    box = article.xpath(".//div[@class='encadre'][@lang='en']")
    assert box and box[0].xpath("./p/em/text()") == ["English"]


def test_search_exclusion_survives(hostile_site):
    """Material drops ``data-search-exclude`` from the page once it has indexed it: the proof is the index."""
    docs = search_documents(hostile_site.site)
    texts = " ".join(d["text"] for d in docs if d["location"].startswith("evenements/2024-05-01-hostile"))
    assert "Premier paragraphe" in texts
    assert "English" not in texts


def test_letter_markup_survives(hostile_site):
    letter = hostile_site.page("lettres/12-hostile/").xpath("//article")[0]
    assert letter.xpath(".//h2[@id='faits'][@data-search-exclude]")
    if hostile_site.site.joinpath("evenements", "2024-05-02-hostile-confidentiel").exists():
        assert letter.xpath(".//details[@class='briefing-lead-en'][@lang='en']/summary")
    else:
        assert letter.xpath(".//div[contains(@class, 'admonition')]/p[@class='admonition-title']")


def test_hostile_text_after_the_more_line_reaches_only_the_full_edition(hostile_site):
    text = " ".join(hostile_site.page("evenements/2024-05-03-hostile-partiel/").xpath("//article")[0]
                    .text_content().split())
    assert "Premier paragraphe" in text
    full = hostile_site.site.joinpath("evenements", "2024-05-02-hostile-confidentiel").exists()
    assert ("variante" in text and "Intertitre" in text) is full
    assert ("réservée aux abonnés" in text) is not full
    assert full or not any("variante" in p.read_text("utf-8", errors="replace")
                           for p in hostile_site.site.rglob("*") if p.is_file() and "partiel" in str(p))
