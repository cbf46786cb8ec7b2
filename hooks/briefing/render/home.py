"""What the home page adds to the editors' introduction: latest letters and events, entry points;
kept out of search (they only list other pages), where the introduction stays."""

from __future__ import annotations

import re

from briefing.index.corpus import Corpus
from briefing.load.dates import format_issue
from briefing.render import markup
from briefing.settings import Settings
from briefing.structure import EntityKind, Letter

LATEST_LETTERS = 5
LATEST_EVENTS = 10
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]\s]+\]")


def render_masthead(corpus: Corpus, settings: Settings) -> str:
    """The publication's name as the page's heading and the latest letter's chapeau as its lead."""
    heading = f"# {markup.text(settings.publication)} {{ #publication }}\n"
    latest: Letter | None = corpus.letters[0] if corpus.letters else None
    if latest is None or not latest.chapeau.strip():
        return heading
    entities = corpus.registry.entities
    kicker = f"Dernière lettre · {markup.text(settings.short_name)} n° {latest.number} · {format_issue(latest.issue)}"
    title = markup.link(markup.text(markup.letter_heading(latest, entities)), markup.href(latest.src_uri))
    chapeau = _FOOTNOTE_REFERENCE.sub("", latest.chapeau).strip()  # its notes are on the letter's page
    more = markup.link(f"Lire la lettre n° {latest.number}", markup.href(latest.src_uri))
    return "\n".join([
        heading,
        '<div class="briefing-home-lead" markdown>\n',
        f"{kicker}\n{{ .briefing-home-kicker }}\n",
        f"{title}\n{{ .briefing-home-title }}\n",
        f"{chapeau}\n",
        f"{more}\n{{ .briefing-home-more }}\n",
        "</div>\n",
    ])


def render_home(introduction: str, corpus: Corpus, settings: Settings) -> str:
    entities = corpus.registry.entities
    letters = markup.letter_items(corpus.letters[:LATEST_LETTERS], entities, settings.short_name)
    latest = list(reversed(corpus.published_events[-LATEST_EVENTS:]))
    events = "\n".join(f"- {markup.event_line(e)}" for e in latest)
    entry_points = [
        markup.link("Toutes les lettres", markup.href("lettres/index.md")),
        markup.link("Chronologie", markup.href("chronologie/index.md")),
        *(markup.link(kind.label, markup.href(f"{kind.value}/index.md")) for kind in EntityKind),
        markup.link("Glossaire", markup.href("glossaire.md")),
        markup.link("Relations", markup.href("relations/index.md")),
        markup.link("Auteurs", markup.href("auteurs/index.md")),
        markup.link("Nouveautés depuis votre dernière lettre", markup.href("nouveautes.md")),
        markup.link("S’abonner : flux, calendrier, données", markup.href("flux/index.md")),
    ]
    sections = [
        render_masthead(corpus, settings),
        introduction.strip() + "\n",
        f"## Dernières lettres {{ #dernieres-lettres data-search-exclude }}\n\n{letters}\n" if letters else "",
        f"## Derniers événements {{ #derniers-evenements data-search-exclude }}\n\n{events}\n" if events else "",
        "## Parcourir { #parcourir data-search-exclude }\n\n" + "\n".join(f"- {e}" for e in entry_points) + "\n",
    ]
    return "\n".join(s for s in sections if s)
