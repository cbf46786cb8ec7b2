"""Load stage: read events, letters and registry entries into records, and every problem into diagnostics.

A note with an error is rejected (reported, not published); a dangling reference inside an
otherwise valid note is dropped with a warning.
"""

from __future__ import annotations

from pathlib import Path

from briefing.diagnostics import Diagnostic, Diagnostics
from briefing.load import checks, inventory
from briefing.load.entries import EntryLoading
from briefing.load.events import EventLoading
from briefing.load.letters import LetterLoading
from briefing.load.preview import Selection
from briefing.load.references import ReferenceChecking
from briefing.load.registry import Registry
from briefing.load.state import Loaded
from briefing.speed.gc_pause import gc_paused

LETTERS_DIR = inventory.LETTERS_DIR


class Loader(EntryLoading, EventLoading, LetterLoading, ReferenceChecking):
    """Registry first (names resolve against it), then events, letters, cross-references and checks."""

    def load(self, *, run_checks: bool = True) -> Loaded:
        self._load_registry()
        self._load_events()
        self._load_letters()
        self._resolve_references()
        loaded = Loaded(self.sources, self.registry, self.diagnostics, self.accounting, self.documents, self.inventory)
        if run_checks:
            loaded.diagnostics.items.extend(check(loaded))
        return loaded


def load(docs_dir: Path, events_dir: Path, root: Path, preview: Selection | None = None,
         nav_pages: frozenset[str] | None = None, *, run_checks: bool = True) -> Loaded:
    """Read the whole project: registry first (names resolve against it), then events and letters.
    Without ``run_checks`` the cross-document checks are left to the caller (``check``), which may
    run them elsewhere: they only add diagnostics."""
    with gc_paused():
        return Loader(docs_dir, events_dir, root, preview, nav_pages).load(run_checks=run_checks)


def check(loaded: Loaded) -> list[Diagnostic]:
    """The cross-document checks' findings (``checks.py``): warnings and notices, nothing else changes."""
    found = Diagnostics(loaded.diagnostics.root)
    checks.run_checks(loaded.sources, loaded.registry, loaded.documents, found)
    return found.items


def load_registry(docs_dir: Path, events_dir: Path, root: Path) -> Registry:
    """The registry alone, as the build reads it (for commands that check names before writing)."""
    loader = Loader(docs_dir, events_dir, root)
    loader._load_registry()
    return loader.registry
