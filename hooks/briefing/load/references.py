"""Load stage, last: references between notes and letters that name nothing are dropped, with a warning."""

from __future__ import annotations

from dataclasses import replace

from briefing.diagnostics import Severity, did_you_mean
from briefing.i18n import N_, _
from briefing.load.state import LoaderState

EVENT_ID, LETTER_NUMBER = N_("event id"), N_("letter number")


class ReferenceChecking(LoaderState):
    """Keeps a note's ``related`` and a letter's ``facts`` and ``see_also`` to what was loaded."""

    def _resolve_references(self) -> None:
        """Drop, with a warning, references to events or letters that do not exist."""
        event_ids = [e.id for e in self.sources.events]
        numbers = [letter.number for letter in self.sources.letters]
        known_ids, known_numbers = set(event_ids), set(numbers)
        for i, event in enumerate(self.sources.events):
            if not event.related:
                continue
            doc = self._event_docs[event.id]
            kept = self._kept(event.path, doc, "related", event.related, known_ids, event.id, event_ids, EVENT_ID)
            if kept != event.related:
                self.sources.events[i] = replace(event, related=kept)
        for i, letter in enumerate(self.sources.letters):
            doc = self._letter_docs[letter.number]
            facts = self._kept(letter.path, doc, "facts", letter.facts, known_ids, None, event_ids, EVENT_ID)
            see_also = self._kept(
                letter.path, doc, "see_also", letter.see_also, known_numbers, letter.number,
                [str(n) for n in numbers], LETTER_NUMBER,
            )
            if facts != letter.facts or see_also != letter.see_also:
                self.sources.letters[i] = replace(letter, facts=facts, see_also=see_also)

    def _kept(self, path, doc, key, values, known, itself, candidates, noun) -> tuple:
        """The ``values`` found in ``known``, other than ``itself`` (a note may not name itself)."""
        kept = []
        for index, value in enumerate(values):
            if value in known and value != itself:
                kept.append(value)
                continue
            if self.preview and str(value) in self.preview.left_out:
                continue
            rejected = self._rejected_reason(value, noun)
            hint = rejected or did_you_mean(str(value), candidates) or ""
            self.diagnostics.add(
                path, doc.line_of((key, index)), f"{key}/{index}",
                _('unknown {noun} "{value}"{hint}; the reference is dropped').format(
                    noun=_(noun), value=value, hint=hint),
                Severity.WARNING,
            )
        return tuple(kept)

    def _rejected_reason(self, value, noun: str) -> str | None:
        for path in self.accounting.rejected:
            if noun == EVENT_ID and path.stem == value:
                return _(" ({path} exists but was rejected, see its errors)").format(
                    path=self.diagnostics.relative(path))
        return None
