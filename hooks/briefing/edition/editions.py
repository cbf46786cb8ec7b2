"""Editions: what the public extract may show. Applied to the loaded sources before indexing,
so that no later stage ever holds a withheld word."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from briefing.i18n import _
from briefing.load import footnotes
from briefing.load.more import MORE_MARKER
from briefing.structure import Event, Letter, Sources

WITHHELD_MARK = r"\[…\]"
"""What ends the public part of a partly withheld event's text (Markdown for ``[…]``)."""


class Edition(StrEnum):
    PUBLIC = "public"
    FULL = "full"

    @classmethod
    def parse(cls, value: str | None) -> Edition:
        """Read ``BRIEFING_EDITION``; an unknown value is an error that lists the valid ones."""
        text = (value or cls.PUBLIC.value).strip().lower()
        try:
            return cls(text)
        except ValueError:
            valid = ", ".join(e.value for e in cls)
            raise ValueError(
                _('unknown edition "{value}"; set BRIEFING_EDITION to one of: {valid}').format(value=value, valid=valid)
            ) from None


def _withhold_event(event: Event, placeholder_id: str) -> Event:
    """Keep the date, drop every word: not even the id (its slug is words) survives."""
    return Event(
        id=placeholder_id,
        path=event.path.parent / "withheld.md",
        when=event.when,
        title="",
        body="",
        confidential=True,
        withheld=True,
    )


def _withhold_analysis(letter: Letter) -> Letter:
    """Keep the chapeau and the footnotes defined in it; drop the analysis and every word after
    ``<!-- more -->``, footnotes defined there included (a chapeau citing one loses the reference,
    and the loader warns)."""
    analysis_text, _ = footnotes.split_definitions(letter.analysis)
    chapeau_text, definitions = footnotes.split_definitions(letter.chapeau)
    cited = footnotes.references(chapeau_text)
    chapeau_text = footnotes.strip_references(chapeau_text, {label for label in cited if label not in definitions})
    kept = [definitions[label] for label in cited if label in definitions]
    chapeau = "\n\n".join([chapeau_text, *kept]) if kept else chapeau_text
    return replace(letter, chapeau=chapeau, analysis="", analysis_withheld=bool(analysis_text.strip()))


def _withhold_rest(event: Event) -> Event:
    """Keep the text before ``<!-- more -->``, ended by ``[…]``, with the footnotes defined there;
    drop every word after it, footnote definitions included (a reference above to a footnote defined
    below loses its call, and the loader warns)."""
    before, _rest = MORE_MARKER.split(event.body, maxsplit=1)
    text, definitions = footnotes.split_definitions(before)
    cited = footnotes.references(text)
    text = footnotes.strip_references(text, {label for label in cited if label not in definitions}).rstrip()
    text = f"{text} {WITHHELD_MARK}" if text else WITHHELD_MARK
    kept = [definitions[label] for label in cited if label in definitions]
    return replace(event, body="\n\n".join([text, *kept]), body_withheld=True)


def _without_marker(event: Event) -> Event:
    """The full text, the ``<!-- more -->`` line gone (it only marks where the public part ends)."""
    return replace(event, body=MORE_MARKER.sub("", event.body).strip())


def apply_edition(sources: Sources, edition: Edition) -> Sources:
    if edition is Edition.FULL:
        events = [_without_marker(e) if "<!--" in e.body and MORE_MARKER.search(e.body) else e
                  for e in sources.events]
        return Sources(entities=list(sources.entities), events=events, letters=list(sources.letters))
    stand_ins: dict[str, str] = {}
    for event in sources.events:
        if event.confidential:
            stand_ins[event.id] = f"withheld-{len(stand_ins) + 1}"
    events = []
    for event in sources.events:
        if event.confidential:
            event = _withhold_event(event, stand_ins[event.id])
        else:
            if any(r in stand_ins for r in event.related):
                event = replace(event, related=tuple(r for r in event.related if r not in stand_ins))
            if "<!--" in event.body and MORE_MARKER.search(event.body):
                event = _withhold_rest(event)
        events.append(event)
    letters = [
        replace(_withhold_analysis(letter), facts=tuple(stand_ins.get(f, f) for f in letter.facts))
        for letter in sources.letters
    ]
    return Sources(entities=list(sources.entities), events=events, letters=letters)
