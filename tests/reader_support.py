"""Helpers for the reader-tools tests: following links in built output, and a project with a secret."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from support import MINIMAL_REGISTRY, note

MARKER = "ZQXLEAKMARKER"
"""Written into every field of a confidential event: it must appear in no file of a public build."""


ENTITY_LINK = re.compile(
    r"(?:^|/)(pays|personnalites|organisations|themes)/([^/?#]+?)(?:\.html|/(?:index\.html)?)?(?:[?#]|$)")


def entry_slugs(li, kind: str) -> list[str]:
    """The slugs of a chronology entry's entities in one registry folder, where the filters read them:
    its links, and for a published entry the page's own entity, named on its list (``data-pays``)."""
    found = (ENTITY_LINK.search(href) for href in li.xpath(".//span[@class='briefing-tags']/a/@href"))
    slugs = [m.group(2) for m in found if m and m.group(1) == kind]
    own = li.xpath(f"ancestor::div[contains(@class, 'briefing-chrono')]/@data-{kind}")
    if own and li.xpath(".//a/@href"):
        slugs.append(own[0])
    return slugs


def page_file(site: Path, url_path: str) -> Path:
    path = site / url_path
    return path / "index.html" if url_path.endswith("/") or url_path == "" else path


def resolve(site: Path, from_file: Path, href: str) -> Path:
    """The file a relative link found in ``from_file`` points to (a folder means its index.html)."""
    assert not urlsplit(href).scheme, f"expected a relative link, got {href}"
    target = (from_file.parent / unquote(href.split("#", 1)[0])).resolve()
    if target.is_dir():
        target = target / "index.html"
    assert target.is_relative_to(site.resolve()), f"{href} leaves the site"
    return target


def secret_project_files() -> dict[str, str]:
    """A small project with a confidential event (marker in its id, title, body, source) cited by a letter."""
    secret_id = f"2024-03-05-{MARKER.lower()}"
    return {
        **MINIMAL_REGISTRY,
        "events/2024/2024-01-10-visite-kishida.md": note(
            "date: 2024-01-10\ntitle: Visite de Fumio Kishida à Séoul\n"
            "countries: [Japon, Corée du Sud]\npeople: [Fumio Kishida]\ntopics: [Défense]",
            "Fumio Kishida rencontre son homologue à Séoul.",
        ),
        "events/2024/2024-02.md": note(
            "date: 2024-02\napprox: late\ntitle: Exercice naval conjoint\ncountries: [Japon, Corée du Sud]",
            "Un exercice naval réunit les deux marines.",
        ),
        "events/2023/2023-annee.md": note(
            "date: 2023\ntitle: Une année de rapprochement\ncountries: [Japon, Corée du Sud]",
            "Le rapprochement se poursuit toute l’année.",
        ),
        "events/2024/2024-06-28-sommet.md": note(
            "date: 2024-06-28\nend: 2024-06-30\ntitle: Sommet de trois jours\ncountries: [Japon]\n"
            "organizations: [Otan]",
            "Un sommet <script>alert('x')</script> de trois jours.",
        ),
        "events/2024/2024-07-01-titre-piege.md": note(
            "date: 2024-07-01\ntitle: \"Titre </script><script>alert(1)</script> & « guillemets »\"\n"
            "countries: [Japon]",
            "Un titre qui essaie de fermer le script.",
        ),
        f"events/2024/{secret_id}.md": note(
            f"date: 2024-03-05\ntitle: Réunion {MARKER} secrète\ncountries: [Japon, Corée du Sud]\n"
            f"people: [Fumio Kishida]\nconfidential: true\nsources:\n"
            f"  - {{title: Note {MARKER}, publisher: Cabinet {MARKER}, url: 'https://example.org/{MARKER}'}}",
            f"Le texte confidentiel {MARKER} ne doit jamais sortir.",
        ),
        "docs/lettres/12-rapprochement.md": note(
            "number: 12\nissue: 2024-04\nzones: [Japon, Corée du Sud]\ntitle: Le rapprochement\n"
            f"authors: [Anne Dupont]\nfacts: [2024-01-10-visite-kishida, {secret_id}]",
            f"Le chapeau public.\n\n<!-- more -->\n\nL’analyse {MARKER} réservée.",
        ),
        "docs/lettres/13-suite.md": note(
            "number: 13\nissue: 2024-07&08\nzones: [Japon, Otan]\ntitle: La suite\n"
            "authors: [Anne Dupont, Jean Martin]\nfacts: [2024-06-28-sommet]",
            "Un autre chapeau.\n\n<!-- more -->\n\nUne autre analyse.",
        ),
    }
