"""Generated HTML fragments: placed after Markdown, links resolved for the page they land on."""

from briefing.render import html
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


def test_fragments_take_their_placeholders_and_a_forged_placeholder_brings_nothing():
    fragments = Fragments()
    first = fragments.place("a.md", "<ul><li>un</li></ul>")
    second = fragments.place("a.md", "<p>deux</p>")
    assert fragments.place("a.md", "") == ""
    rendered = f"<h2>Titre</h2>\n{first}<p>texte</p>\n{second}<!-- briefing-0000000000000000:0 -->"
    assembled = fragments.assemble("a.md", rendered)
    assert assembled.startswith("<h2>Titre</h2>\n<ul><li>un</li></ul>\n<p>texte</p>\n<p>deux</p>\n")
    assert assembled.endswith("<!-- briefing-0000000000000000:0 -->"), "another token is only a comment"
    assert fragments.assemble("b.md", rendered) == rendered
    fragments.forget("a.md")
    assert "un" not in fragments.assemble("a.md", rendered)
