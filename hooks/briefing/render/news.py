"""What's new since a letter: for each recent letter, the letters and events that came after its issue.

Read from the top down to the last letter you read: each section lists what appeared between that
letter and the next one, so the page grows with the corpus, not with letters × events.
"""

from __future__ import annotations

from briefing.index.corpus import Corpus
from briefing.index.readers import ReaderIndex
from briefing.load.dates import format_issue
from briefing.render import html, markup
from briefing.render.fragments import Place
from briefing.settings import Settings

NEWS_URI = "nouveautes.md"
NEWS_LETTERS = 12
"""How many recent letters get a section; older ones are covered by the chronology."""
NEWS_EVENTS_SHOWN = 30
"""Events listed per section, the latest first; the others are counted, with a link to the chronology,
so that the page does not grow with the archive."""


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


def _counts(letters: int, events: int) -> str:
    """``2 lettres et 11 événements``, leaving out a kind there is none of."""
    parts = [_plural(n, word) for n, word in ((letters, "lettre"), (events, "événement")) if n]
    return " et ".join(parts)


def _summary(letters: int, events: int, letters_above: int, events_above: int) -> str:
    """What appeared since a letter, and how much of it the sections above already list (each kind
    counted apart: « 11 événements, dont 12 » added letters to events)."""
    if not letters and not events:
        return "Rien de nouveau depuis ce numéro."
    summary = f"Depuis ce numéro : {_counts(letters, events)}"
    if letters_above or events_above:
        summary += f", dont {_counts(letters_above, events_above)} déjà dans les sections ci-dessus"
    return summary + "."


def render_news(corpus: Corpus, readers: ReaderIndex, settings: Settings, place: Place) -> str:
    """The page's Markdown; its lists are HTML fragments (as Markdown they were nine tenths of the page's
    build: some 400 links). They are read as the body is (``searchable``: sanitized with it), though the
    page is out of search."""
    entities = corpus.registry.entities
    by_issue = sorted(corpus.letters, key=lambda x: (x.issue_start, x.number), reverse=True)[:NEWS_LETTERS]
    sections = [
        markup.front_matter(title="Nouveautés", search={"exclude": True}),
        "# Nouveautés\n",
        "Pour chaque lettre, de la plus récente à la plus ancienne, ce qui a paru depuis : les lettres des "
        "numéros suivants et les événements datés d’après le numéro. Lisez depuis le haut jusqu’à la "
        "dernière lettre que vous avez lue.\n",
    ]
    overflow = len(corpus.letters) > NEWS_LETTERS

    def listed(items: str, last: bool) -> str:
        """A list as a fragment; the page's last block without the line break Markdown puts only between
        blocks."""
        return place(items.rstrip("\n") if last else items)

    shown_letters: set[int] = set()
    shown_events: set[str] = set()
    for letter in by_issue:
        letters, events = readers.newer_than(letter)
        new_letters = [x for x in letters if x.number not in shown_letters]
        new_events = [e for e in events if e.id not in shown_events]
        shown_letters.update(x.number for x in letters)
        shown_events.update(e.id for e in events)
        reference = markup.letter_link(letter, entities, settings.short_name)
        summary = _summary(len(letters), len(events), len(letters) - len(new_letters), len(events) - len(new_events))
        block = [
            f"## Depuis le n° {letter.number} ({format_issue(letter.issue)}) {{ #depuis-{letter.number} }}\n",
            f"{reference}\n",
            f"{summary}\n{{ .briefing-news-count }}\n",
        ]
        last = letter is by_issue[-1] and not overflow
        if new_letters:
            items = html.letter_items(new_letters, entities, settings.short_name)
            block.append(f"**Lettres parues ensuite :**\n\n{listed(items, last and not new_events)}")
        if new_events:
            shown = sorted(new_events, key=lambda e: (e.when.sort_key(), e.id))[-NEWS_EVENTS_SHOWN:]
            items = html.items(html.event_line(e) for e in shown)
            more = len(new_events) > len(shown)
            block.append(f"**Événements datés d’après le n° {letter.number} :**\n\n{listed(items, last and not more)}")
            if more:
                chronology = markup.link("la chronologie", markup.href("chronologie/index.md"))
                block.append(f"Les {len(shown)} plus récents ; les {len(new_events) - len(shown)} autres "
                             f"sont dans {chronology}.\n")
        sections.append("\n".join(block))
    if not by_issue:
        sections.append("Aucune lettre pour le moment.\n")
    elif overflow:
        chronology = markup.link("la chronologie", markup.href("chronologie/index.md"))
        sections.append(f"Pour les lettres plus anciennes, voir {chronology}.\n")
    return "\n".join(sections)
