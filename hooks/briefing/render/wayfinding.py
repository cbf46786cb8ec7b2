"""Where a page sits in the site, for pages kept out of the navigation: the page it belongs under.

Generated pages (events, letters, entries, chronology years and months, relations…) are not in the
navigation, which would make the build grow with the archive. Each still belongs under a page that
is: the adapter makes that page its parent, so that the right tab is marked and the breadcrumb reads
Accueil › Chronologie › Chronologie 2023 on an event of 2023.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from briefing.index.corpus import Corpus
from briefing.render import markup


def _folder_parents(src_uri: str) -> list[str]:
    """Candidate parents of ``src_uri`` by its path, nearest first: ``pays/japon/x.md`` →
    ``pays/japon.md``, ``pays/japon/index.md``, ``pays.md``, ``pays/index.md``."""
    parts = src_uri.split("/")
    if parts[-1] == "index.md":
        parts = parts[:-1]
    else:
        parts[-1] = parts[-1].removesuffix(".md")
    candidates = []
    for depth in range(len(parts) - 1, 0, -1):
        folder = "/".join(parts[:depth])
        candidates += [f"{folder}.md", f"{folder}/index.md"]
    return candidates


def parent_finder(corpus: Corpus, pages: Container[str]) -> Callable[[str], str | None]:
    """A function giving the ``src_uri`` of the page (among ``pages``) that ``src_uri`` belongs under:
    an event under its year's chronology, anything else under the nearest page up its path."""
    event_years = {markup.event_uri(e.id): e.when.start.year for e in corpus.published_events}

    def parent(src_uri: str) -> str | None:
        year = event_years.get(src_uri)
        candidates = [markup.chronology_year_uri(year)] if year is not None else []
        for candidate in candidates + _folder_parents(src_uri):
            if candidate != src_uri and candidate in pages:
                return candidate
        return None

    return parent
