"""Event pages' search entries are written by the build as Material's search parser would write them."""

from material.plugins.search.plugin import Parser

from briefing.search.page_entries import entry, entry_text

BODY = (
    '<h1 id="t">Sommet &amp; suite<a class="headerlink" href="#t" title="Permanent link">¶</a></h1>\n'
    '<p class="briefing-date">18 août 2023</p>\n'
    '<p>Texte avec <a href="../x/" class="briefing-term" title="Otan">Otan</a>, <em>un</em> &lt;tag&gt; '
    'et &quot;guillemets&quot;<sup id="fnref:1"><a href="#fn:1">1</a></sup>.</p>\n'
    '<div class="footnote"><hr><ol><li id="fn:1"><p>Note.</p></li></ol></div>\n'
    '<div class="encadre" data-search-exclude=""><p>English <span>nested</span> still excluded</p></div>\n'
    '<h3 data-search-exclude="" id="x">Exclue</h3>\n<p>Section exclue</p>\n'
    '<h3 id="y">Gardée</h3>\n<p>Section gardée</p>\n'
    '<h2 id="acteurs">Acteurs<a class="headerlink" href="#acteurs">¶</a></h2>\n'
    "<!-- briefing0b0z --><p>Pays et zones : Japon, Corée du Sud.</p><!-- /briefing0b0z -->\n"
    '<h2 data-search-exclude="" id="sources">Sources</h2>\n<!-- briefing0b1z -->\n'
)


def _material_text(body: str) -> str:
    """What Material's parser indexes for the page once its sections are merged (section titles aside)."""
    parser = Parser()
    parser.feed(body.replace("<!-- briefing0b0z -->", "").replace("<!-- /briefing0b0z -->", ""))
    parser.close()
    texts = ["".join(s.text).strip() for s in parser.data if not s.is_excluded()]
    return " ".join(t for t in texts if t)


def test_entry_text_is_what_materials_parser_reads():
    assert entry_text(BODY) == _material_text(BODY)
    expected = '<p>18 août 2023</p> <p>Texte avec Otan, un &lt;tag&gt; et "guillemets"<sup>1</sup>.'
    assert entry_text(BODY).startswith(expected)
    assert "Japon, Corée du Sud" in entry_text(BODY) and "Sources" not in entry_text(BODY)
    assert "English" not in entry_text(BODY) and "still excluded" not in entry_text(BODY)
    assert "Section exclue" not in entry_text(BODY) and "Section gardée" in entry_text(BODY)


def test_entry_carries_location_and_title():
    assert entry("evenements/x/", "Sommet &amp; suite", BODY)["location"] == "evenements/x/"
