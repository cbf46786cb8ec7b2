"""Editions: what the public extract may show. Applied to the loaded sources before indexing,
so that no later stage ever holds a withheld word."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from briefing.load import footnotes
from briefing.structure import Event, Letter, Sources


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
            raise ValueError(f'unknown edition "{value}"; set BRIEFING_EDITION to one of: {valid}') from None


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
    """Keep the chapeau and the footnotes it cites; drop the analysis and its own footnotes."""
    analysis_text, definitions = footnotes.split_definitions(letter.analysis)
    chapeau_text, chapeau_definitions = footnotes.split_definitions(letter.chapeau)
    definitions.update(chapeau_definitions)
    kept = [definitions[label] for label in footnotes.references(chapeau_text) if label in definitions]
    chapeau = "\n\n".join([chapeau_text, *kept]) if kept else chapeau_text
    return replace(letter, chapeau=chapeau, analysis="", analysis_withheld=bool(analysis_text.strip()))


def apply_edition(sources: Sources, edition: Edition) -> Sources:
    if edition is Edition.FULL:
        return sources
    stand_ins: dict[str, str] = {}
    for event in sources.events:
        if event.confidential:
            stand_ins[event.id] = f"withheld-{len(stand_ins) + 1}"
    events = []
    for event in sources.events:
        if event.confidential:
            event = _withhold_event(event, stand_ins[event.id])
        elif any(r in stand_ins for r in event.related):
            event = replace(event, related=tuple(r for r in event.related if r not in stand_ins))
        events.append(event)
    letters = [
        replace(_withhold_analysis(letter), facts=tuple(stand_ins.get(f, f) for f in letter.facts))
        for letter in sources.letters
    ]
    return Sources(entities=list(sources.entities), events=events, letters=letters)
