"""The lists of the « Nouveautés » page (``render/news.py``) and of the glossary (``render/glossary_page.py``)
are HTML fragments: the pages read as they did with the lists in Markdown, through the site's own
Python-Markdown, sanitizer and Material's search plugin's last touch."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from briefing.edition.editions import Edition
from briefing.pipeline import run
from briefing.project import load_settings, read_config
from briefing.render import markup, sanitize
from briefing.render.fragments import Fragments
from briefing.render.glossary_page import render_glossary
from briefing.render.news import render_news
from support import MINIMAL_REGISTRY, REPO, make_project, note

_ENTRY = re.compile(r'<li>(?:<a href="briefing:/([^"]+)">(.*?)</a>(?: : (.*))?|(.*) : \[…\])</li>')


def _converter() -> markdown.Markdown:
    names, configs = [], {}
    for item in read_config(REPO / "mkdocs.yml")["markdown_extensions"]:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        configs.update({name: config} if config else {})
    return markdown.Markdown(extensions=[*names, "fenced_code"], extension_configs=configs)


def _as_markdown(fragment: str) -> str:
    """The Markdown list the page held before: each entry of the fragment written back as Markdown."""
    lines = []
    for path, label, rest, withheld in _ENTRY.findall(fragment):
        if withheld:
            lines.append(f"- {withheld} : {markup.WITHHELD}")
        elif path.startswith("lettres/"):
            lines.append(f"- [{markup.text(html.unescape(label))}](/{path})")
        else:
            lines.append(f"- [{label}](/{path}) : {markup.text(html.unescape(rest))}")
    assert len(lines) == fragment.count("<li>")
    return "\n".join(lines) + "\n"


def _news_both_ways(project) -> tuple[str, str]:
    build = run(load_settings(project / "mkdocs.yml", Edition.PUBLIC))
    fragments, placed = Fragments(), []

    def place(fragment_html: str, **options) -> str:
        placed.append(fragment_html)
        return fragments.place("nouveautes.md", fragment_html, **options)

    page = render_news(build.corpus, build.renderer.readers, build.settings, place)
    md = _converter()
    finish = lambda part: sanitize.clean(part.replace('href="briefing:/', 'href="/'))  # noqa: E731
    with_fragments = fragments.assemble("nouveautes.md", md.convert(page), finish)
    written = page
    for fragment in placed:
        written = re.sub(r"briefing[0-9a-f]+b\d+z\n", lambda _m, f=fragment: _as_markdown(f), written, count=1)
    md.reset()
    return with_fragments, sanitize.clean(md.convert(written))


def _dated(day: str, title: str) -> str:
    return note(f"date: {day}\ntitle: {title!r}\ncountries: [Japon]", "Le fait.")


LETTERS_LAST = {
    **MINIMAL_REGISTRY,
    "events/2024/2024-03-01-avant.md": _dated("2024-03-01", "Avant les lettres"),
    "docs/lettres/1-premiere.md": note("number: 1\nissue: 2025-01\nzones: [Japon]\ntitle: Première", "Le chapeau."),
    "docs/lettres/2-seconde.md": note("number: 2\nissue: 2025-02\nzones: [Japon]\ntitle: Seconde l'autre",
                                      "Le chapeau."),
}
"""The oldest letter's section ends with the list of the letters after it: the page's last block."""
TITLES = {
    **MINIMAL_REGISTRY,
    "docs/lettres/1-premiere.md": note("number: 1\nissue: 2023-01\nzones: [Japon]\ntitle: Première", "Le chapeau."),
    "events/2024/2024-03-01-a.md": _dated("2024-03-01", "L'Otan* & <b>Tokyo</b> : « x » \"y\" *z* _w_ [v](u)"),
    "events/2024/2024-03-02-b.md": note("date: 2024-03-02\ntitle: Réservé\ncountries: [Japon]\nconfidential: true",
                                        "Le fait."),
}
"""Titles with what Markdown and HTML read specially, and a withheld event."""


@pytest.mark.parametrize("files", [None, LETTERS_LAST, TITLES], ids=["sample", "letters-last", "titles"])
def test_news_lists_read_as_their_markdown_did(tmp_path, files):
    project = REPO if files is None else make_project(tmp_path / "project", files)
    with_fragments, as_markdown = _news_both_ways(project)
    assert with_fragments == as_markdown
    assert with_fragments.count("<li>") >= 1


_MATERIAL_MARKS = re.compile(r'\s?data-search-\w+="[^"]+"')
"""What ``material/search`` takes out of a page body once it has read it (``on_page_context``)."""


def _glossary_both_ways(project) -> tuple[str, str, int]:
    build = run(load_settings(project / "mkdocs.yml", Edition.PUBLIC))
    fragments = Fragments()
    page = render_glossary(build.corpus, build.settings, lambda h, **o: fragments.place("g.md", h, **o))
    md = _converter()
    resolve = lambda part: part.replace('href="briefing:/', 'href="/')  # noqa: E731
    assembled = fragments.assemble("g.md", md.convert(page), lambda part: sanitize.clean(resolve(part)))
    with_fragments = fragments.complete("g.md", _MATERIAL_MARKS.sub("", assembled), resolve, clean=sanitize.clean)
    md.reset()
    as_markdown = _MATERIAL_MARKS.sub("", sanitize.clean(md.convert(render_glossary(build.corpus, build.settings))))
    return with_fragments, as_markdown, len(re.findall(r"briefing[0-9a-f]+b\d+z", page))


GLOSSARY_LAST = {
    **MINIMAL_REGISTRY,
    "docs/organisations/zz.md": note("title: Zone zéro\nabbr: ZZ", "Le dernier terme."),
    "events/2024/2024-03-01-a.md": note(
        "date: 2024-03-01\ntitle: \"L'Otan & <b>ZZ</b> \\\"y\\\" *z*\"\ncountries: [Japon]", "La ZZ* et l’Otan*."),
    "docs/lettres/1-premiere.md": note("number: 1\nissue: 2025-01\nzones: [Japon]\ntitle: Première",
                                       "Le chapeau de la ZZ*."),
}
"""The last term is used (its list ends the page), by titles Markdown and HTML read specially."""
RAW_DEFINITION = {**GLOSSARY_LAST, "docs/organisations/zz.md": note(
    "title: Zone zéro\nabbr: ZZ", "Le dernier <b>terme.")}
"""A definition with raw HTML: the lists stay Markdown."""


@pytest.mark.parametrize(("files", "placed"), [(None, True), (GLOSSARY_LAST, True), (RAW_DEFINITION, False)],
                         ids=["sample", "last-used", "raw-definition"])
def test_glossary_lists_read_as_their_markdown_did(tmp_path, files, placed):
    project = REPO if files is None else make_project(tmp_path / "project", files)
    with_fragments, as_markdown, placeholders = _glossary_both_ways(project)
    assert with_fragments == as_markdown
    assert with_fragments.count('<div class="briefing-term-uses">') >= 1
    assert (placeholders > 0) == placed
