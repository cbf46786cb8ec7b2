"""The placeholder text ``python -m briefing new`` writes, and how the checks find it left in place.

One list for both: the scaffolder writes these sentences, the checks warn wherever one survives
(a body, a definition, a title, a fact line), so a template is never published as it was written.
"""

from __future__ import annotations

import re

from briefing.diagnostics import fold

EVENT_BODY = "Le fait, en un à trois paragraphes : qui, quoi, où, et pourquoi cela compte."
LETTER_CHAPEAU = "Le chapeau : l’essentiel de la lettre en quelques phrases."
LETTER_ANALYSIS = "L’analyse, réservée aux abonnés dans l’édition publique."
ENTRY_DEFINITION = "Première phrase : la définition reprise dans le glossaire."
ENTRY_MORE = "Suite de la description."
README_EVENT_BODY = "Le fait, en un à trois paragraphes."
"""The README's and the guide's examples are templates too."""

PLACEHOLDERS = (EVENT_BODY, README_EVENT_BODY, LETTER_CHAPEAU, LETTER_ANALYSIS, ENTRY_DEFINITION, ENTRY_MORE)
_NO_WORD = re.compile(r"^[\W_]*$")
_FILLERS = {"todo", "a completer", "a remplir", "xxx", "titre", "title", "fact", "fait"}
"""Values that stand for a field not filled in yet (compared folded, without punctuation)."""


def _normal(text: str) -> str:
    return " ".join(fold(text).split())


_FOLDED = tuple((_normal(p).rstrip("."), p) for p in PLACEHOLDERS)


def placeholder_in(text: str) -> str | None:
    """The template sentence ``text`` still holds, or None."""
    return _sentence_in(_normal(text))


def _sentence_in(folded: str) -> str | None:
    for needle, sentence in _FOLDED:
        if needle in folded:
            return sentence
    return None


def placeholder_value(value: str) -> str | None:
    """For a one-line field (title, fact): the template text it still holds, or None. (White space
    folds to white space: the value's folded words are those of the value stripped.)"""
    folded = _normal(value)
    found = _sentence_in(folded)
    if found:
        return found
    stripped = value.strip()
    if _NO_WORD.match(stripped) or folded.strip(" .…:!?") in _FILLERS:
        return stripped
    return None


def placeholder_lines(body: str) -> list[tuple[int, str]]:
    """(0-based line, sentence) of every template sentence left in a body. The body is folded whole
    first: a line's folded words are a run of the body's (line breaks are white space and fold
    character by character), so a sentence absent from the body is in none of its lines."""
    folded = _normal(body)
    if not any(needle in folded for needle, _sentence in _FOLDED):
        return []
    found = ((index, placeholder_in(line)) for index, line in enumerate(body.splitlines()))
    return [(index, sentence) for index, sentence in found if sentence]
