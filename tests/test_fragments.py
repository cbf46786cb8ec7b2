"""Generated HTML fragments: placed after Markdown, links resolved for the page they land on."""

import pytest

from briefing.render import html, sanitize
from briefing.render.fragments import Fragments, resolve_links

URLS = {"pays/japon.md": "pays/japon/", "glossaire.md": "glossaire/", "index.md": "",
        "flux/japon.xml": "flux/japon.xml"}
OFFLINE_URLS = {"pays/japon.md": "pays/japon.html", "index.md": "index.html"}


def _resolve(body: str, page_url: str, urls=URLS) -> tuple[str, list[str]]:
    missing: list[str] = []
    return resolve_links(body, page_url, urls, missing.append), missing


def test_generated_links_become_relative_to_the_page_online_and_offline():
    link = html.link("Japon", "pays/japon.md", "chronologie")
    assert _resolve(link, "evenements/x/") == ('<a href="../../pays/japon/#chronologie">Japon</a>', [])
    assert _resolve(link, "")[0] == '<a href="pays/japon/#chronologie">Japon</a>'
    assert _resolve(link, "evenements/x.html", OFFLINE_URLS)[0] == '<a href="../pays/japon.html#chronologie">Japon</a>'
    assert _resolve(html.link("Accueil", "index.md"), "")[0] == '<a href="./">Accueil</a>'
    assert _resolve(html.link("flux", "flux/japon.xml"), "pays/japon/")[0] == '<a href="../../flux/japon.xml">flux</a>'


def test_a_link_to_a_file_not_in_the_site_is_reported_and_contributors_links_are_left_alone():
    body, missing = _resolve(html.link("Corée", "pays/coree.md", "x") + '<a href="/pays/japon.md">à la main</a>', "a/")
    assert missing == ["pays/coree.md#x"]
    assert '<a href="/pays/japon.md">à la main</a>' in body


def test_labels_and_titles_are_escaped():
    link = html.link(html.text('<b>"x"</b>'), "pays/japon.md", title='a "b" <c>', classes="briefing-term")
    assert link == ('<a href="briefing:/pays/japon.md" class="briefing-term" title="a &quot;b&quot; &lt;c&gt;">'
                    "&lt;b&gt;&quot;x&quot;&lt;/b&gt;</a>")


def _as_markdown_renders(placeholder: str) -> str:
    """A block placeholder is a paragraph of its own in the Markdown: that is how it comes back."""
    return f"<p>{placeholder.strip()}</p>\n"


def test_fragments_take_their_placeholders_and_a_forged_placeholder_brings_nothing():
    fragments = Fragments()
    first = _as_markdown_renders(fragments.place("a.md", "<ul><li>un</li></ul>"))
    second = _as_markdown_renders(fragments.place("a.md", "<p>deux</p>"))
    term = fragments.place_inline("a.md", '<a href="#ip4">IP4</a>')
    assert fragments.place("a.md", "") == ""
    assert term.isalnum(), "an inline placeholder is one word for Markdown"
    forged = "<p>briefing0000000000000000b0z</p>"
    rendered = f"<h2>Titre</h2>\n{first}<p>Les {term} et les autres</p>\n{second}{forged}"
    assembled = fragments.assemble("a.md", rendered, str)
    assert assembled == (f'<h2>Titre</h2>\n<ul><li>un</li></ul><p>Les <a href="#ip4">IP4</a> et les autres</p>\n'
                         f"<p>deux</p>{forged}"), "another token is only text"
    assert fragments.assemble("b.md", rendered, str) == rendered
    fragments.forget("a.md")
    assert "<li>un" not in fragments.assemble("a.md", rendered, str)


def test_fragments_kept_out_of_search_go_in_after_the_rest_is_finished():
    fragments = Fragments()
    searched = _as_markdown_renders(fragments.place("a.md", "<p>cherché</p>"))
    late = _as_markdown_renders(fragments.place("a.md", "<p>tardif</p>", searchable=False))
    rendered = f"<h1>T</h1>\n{searched}<h2>Liste</h2>\n{late}<p>fin</p>"
    assembled = fragments.assemble("a.md", rendered, lambda part: part.upper())
    assert "<P>CHERCHÉ</P>" in assembled and "<P>FIN</P>" in assembled, "every part around is finished"
    assert "tardif" not in assembled.lower(), "the late one waits"
    completed = fragments.complete("a.md", assembled, lambda part: part.replace("p>", "div>"))
    assert completed == "<H1>T</H1>\n<P>CHERCHÉ</P><H2>LISTE</H2>\n<div>tardif</div><P>FIN</P>"


def test_search_can_read_a_fragment_in_another_form():
    fragments = Fragments()
    listed = _as_markdown_renders(fragments.place("a.md", '<ul><li><a href="#j">Japon</a></li></ul>',
                                                  search_html="<p>Japon.</p>"))
    assembled = fragments.assemble("a.md", f"<h2>Acteurs</h2>\n{listed}<p>fin</p>", str)
    assert "<p>Japon.</p>" in assembled and "<ul>" not in assembled, "search reads the sentence"
    completed = fragments.complete("a.md", assembled, str)
    assert completed == '<h2>Acteurs</h2>\n<ul><li><a href="#j">Japon</a></li></ul><p>fin</p>', "readers get the list"


def test_a_late_fragment_of_contributors_text_is_cleaned_after_its_links_are_resolved():
    fragments = Fragments()
    late = _as_markdown_renders(fragments.place("a.md", '<p><a href="briefing:/pays/japon.md">J</a><b>x</p>',
                                                searchable=False, contributed=True))
    generated = _as_markdown_renders(fragments.place("a.md", "<p>généré</p>", searchable=False))
    assembled = fragments.assemble("a.md", f"<h2>Faits</h2>\n{late}{generated}", str)
    steps: list[str] = []

    def resolve(part: str) -> str:
        steps.append("resolve")
        return _resolve(part, "lettres/x/")[0]

    def clean(part: str) -> str:
        steps.append("clean")
        return sanitize.clean(part)

    completed = fragments.complete("a.md", assembled, resolve, clean=clean)
    assert completed == '<h2>Faits</h2>\n<p><a href="../../pays/japon/">J</a><b>x</b></p><p>généré</p>'
    assert steps == ["resolve", "clean", "resolve"], "only the contributed fragment is cleaned, links first"
    with pytest.raises(ValueError):
        fragments.complete("a.md", assembled, resolve)
