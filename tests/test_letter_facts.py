"""A letter's FAITS written as HTML (``render/letter_facts.py``) is what Python-Markdown writes: on
generated sentences against the site's own converter, and on real builds against the same site built
with FAITS left to Markdown."""

from __future__ import annotations

import dataclasses
import os
import re

import markdown
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from briefing.edition.editions import Edition
from briefing.load import glossary
from briefing.pipeline import run
from briefing.project import load_settings, read_config
from briefing.render import markup
from briefing.render.letter_facts import HEADING, plain_html, writes_plain
from support import REPO, build, make_project, note

EXAMPLES = int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "300"))
_settings = settings(derandomize=True, database=None, max_examples=EXAMPLES, phases=[Phase.generate],
                     deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _site_converter() -> markdown.Markdown:
    """Python-Markdown as the site sets it up (``mkdocs.yml``, and the extensions MkDocs always adds)."""
    names, configs = [], {}
    for item in read_config(REPO / "mkdocs.yml")["markdown_extensions"]:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if config:
            configs[name] = config
    names += [n for n in ("toc", "tables", "fenced_code") if n not in names]
    assert writes_plain(names, configs)
    return markdown.Markdown(extensions=names, extension_configs=configs)


_MD = _site_converter()
_TERMS = {"IP4": '<a href="briefing:/glossaire.md#ip4" class="briefing-term" title="x">IP4</a>',
          "Otan": '<a href="briefing:/glossaire.md#otan" class="briefing-term" title="y">Otan</a>'}
_TOKEN = "briefing0123456789abcdefi{}z"


def _markdown_way(line: str) -> str:
    """What the page does without ``letter_facts``: glossary marks as placeholder words
    (``glossary_page.link_marks``), Python-Markdown, then the links put in (``Fragments.assemble``)."""
    links: list[str] = []

    def mark(word: str, _line: int) -> str | None:
        if word not in _TERMS:
            return None
        links.append(_TERMS[word])
        return _TOKEN.format(len(links) - 1)

    _MD.reset()
    converted = _MD.convert(glossary.replace_marks(line, mark))
    return re.sub(r"briefing0123456789abcdefi(\d+)z", lambda m: links[int(m.group(1))], converted)


_PIECES = st.sampled_from([
    "mot", "Corée du Sud", "d’État", "l'Otan", "é", " ", "  ", ".", ",", " : ", " ; ", "!", " ! ", "?", "« x »",
    '"q"', "(x)", "n° 4", "12 %", "–", "-", "+", "=", "#", "|", "~", "^", "/", "$", "@", "1er", "2024-07",
    "IP4*", "Otan*", "Xyz*", "*", "**", "_", "__", "\\", "`", "[", "]", "[…]", "\\[…\\]", "<", ">", "<b>", "&",
    "&amp;", "&lt;", "&gt;", "&eacute;", "{", "}", "{: .x}", "[^1]", "[x](y)", "<http://x.org>", "http://x.org",
    "\\*", "\\_", "\\#", "\\!", "\\|", "\\.", "\u00a0", "\u202f", "\t", "\x02", "IP4*s", "*IP4*", "Otan*,",
])


@st.composite
def _lines(draw) -> str:
    """A line of FAITS's text: contributors' words, or a ``fact`` escaped by ``markup.text``."""
    text = "".join(draw(st.lists(_PIECES, max_size=12)))
    return markup.text(text) if draw(st.booleans()) else " ".join(text.split())


@_settings
@given(_lines(), st.sampled_from(["18 août 2023", "2023", "mars 2024", "1er mai 2024"]))
def test_a_plain_line_is_written_as_python_markdown_writes_it(label, date):
    written = plain_html(label, _TERMS.get)
    if written is None:
        return
    line = f"[{date}](/evenements/x.md) : {label}"
    assert f'<p><a href="/evenements/x.md">{plain_html(date, _TERMS.get)}</a> : {written}</p>' == _markdown_way(line)


def test_what_is_plain():
    assert plain_html("Les IP4* et l’Otan* : « sommet » n° 4 \\[…\\] &amp; \\*", _TERMS.get) == (
        f"Les {_TERMS['IP4']} et l’{_TERMS['Otan']} : « sommet » n° 4 […] &amp; *")
    for markup_text in ("*en italique*", "[lien](x)", "<b>gras</b>", "a & b", "Xyz* inconnu", "a_b", "{: .x}"):
        assert plain_html(markup_text, _TERMS.get) is None, markup_text
    assert not writes_plain(["toc", "smarty"], {})
    assert not writes_plain(["abbr", "toc"], {"abbr": {"glossary": {"HTML": "x"}}})


def _letter(number: int, facts: list[str], chapeau: str = "Le chapeau.", analysis: str = "L’analyse.") -> str:
    return note(f"number: {number}\nissue: 2025-{number - 900:02d}\nzones: [Japon]\ntitle: Lettre {number}\n"
                f"facts: [{', '.join(facts)}]", f"{chapeau}\n\n<!-- more -->\n\n{analysis}")


CAMP_DAVID = "2023-08-18-sommet-camp-david"
FILES = {
    "events/2023/2023-09-02-emphase.md": note(
        "date: 2023-09-02\ntitle: Une note en italique\ncountries: [Japon]", "Un *mot* en italique, l’IP4*."),
    "events/2023/2023-09-03-fait.md": note(
        "date: 2023-09-03\ntitle: Un fait écrit\ncountries: [Japon]\nfact: 'étoile * et souligné _x_, a < b & c'",
        "Le texte."),
    "events/2023/2023-09-04-simple.md": note(
        "date: 2023-09-04\ntitle: Une note simple\ncountries: [Japon]", "Le HTML et l’Otan* : une phrase.\n\n"
        "<!-- more -->\n\nLa suite réservée."),
    "docs/lettres/901-plain.md": _letter(901, [CAMP_DAVID, "2023-09-03-fait", "2023-09-04-simple"]),
    "docs/lettres/902-emphasis.md": _letter(902, ["2023-09-02-emphase", "2023-09-04-simple"]),
    "docs/lettres/903-abbr.md": _letter(903, ["2023-09-04-simple"], chapeau="Le chapeau.\n\n*[HTML]: HyperText"),
    "docs/lettres/904-fence.md": _letter(904, ["2023-09-04-simple"], chapeau="```\nIP4*\n```"),
    "docs/lettres/905-raw.md": _letter(905, ["2023-09-04-simple"], chapeau="Un <em>chapeau</em>."),
}
"""Letters whose FAITS is plain, or held in Markdown by a line (emphasis) or by the page around it."""
MARKDOWN_FAITS = {"lettres/902-emphasis.md", "lettres/903-abbr.md", "lettres/904-fence.md", "lettres/905-raw.md"}


@pytest.mark.parametrize("edition", ["public", "full"])
def test_faits_are_a_fragment_only_where_they_read_the_same(tmp_path, edition):
    project = make_project(tmp_path / "project", FILES, with_sample=True)
    base = load_settings(project / "mkdocs.yml", Edition.parse(edition))
    renderer = run(dataclasses.replace(base, plain_markdown=True)).renderer
    held = set()
    for letter in renderer.corpus.letters:
        page = renderer.page_markdown(letter.src_uri, "")
        if HEADING in page and page.split(HEADING)[1].startswith("["):
            held.add(letter.src_uri)
    assert held == MARKDOWN_FAITS
    slow = run(base).renderer
    assert all(slow.page_markdown(x.src_uri, "").split(HEADING)[1].startswith("[")
               for x in slow.corpus.letters if x.facts)


@pytest.mark.parametrize(("edition", "offline"), [("public", False), ("full", True)])
def test_a_site_is_the_same_with_faits_in_markdown(tmp_path, edition, offline):
    """Every page and the search index, against the same site whose Markdown has one more extension
    (``legacy_attrs``, which changes nothing here), so that FAITS stay Markdown."""
    env = {"SOURCE_DATE_EPOCH": "1700000000", "BRIEFING_EDITION": edition, **({"OFFLINE": "true"} if offline else {})}
    fast = make_project(tmp_path / "fast", FILES, with_sample=True)
    slow = make_project(tmp_path / "slow", FILES, with_sample=True)
    config = slow / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "markdown_extensions:\n  - abbr\n" in text
    config.write_text(text.replace("markdown_extensions:\n", "markdown_extensions:\n  - legacy_attrs\n"), "utf-8")
    sites = [build(project, tmp_path / f"{project.name}-site", strict=True, env=env) for project in (fast, slow)]
    assert [site.returncode for site in sites] == [0, 0], sites[0].output + sites[1].output
    files = [sorted(p.relative_to(site.site) for p in site.site.rglob("*") if p.suffix in {".html", ".json"})
             for site in sites]
    assert len(files[0]) > 50 and files[0] == files[1]
    files = files[0]
    assert [str(p) for p in files if (sites[0].site / p).read_bytes() != (sites[1].site / p).read_bytes()] == []
    letter = (sites[0].site / ("lettres/901-plain.html" if offline else "lettres/901-plain/index.html")).read_text()
    assert "Le HTML et l’" in letter and "glossaire" in letter.split('id="faits"')[1]
