"""The whole pipeline, load -> index -> render, for one edition. Engine-independent."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.diagnostics import Diagnostic, Severity
from briefing.edition.editions import apply_edition
from briefing.index.corpus import Corpus, build_corpus
from briefing.load.loader import Loaded, load
from briefing.load.preview import Selection
from briefing.render import SiteRenderer
from briefing.settings import Settings
from briefing.speed.gc_pause import gc_paused


@dataclass
class Build:
    settings: Settings
    loaded: Loaded
    corpus: Corpus
    renderer: SiteRenderer

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.loaded.diagnostics.sorted()

    def summary(self) -> str:
        """``events: 24 published, 7 withheld, 1 rejected; letters: 5 published, 0 rejected``."""
        events = self.loaded.sources.events
        withheld = sum(1 for e in self.corpus.chronology if e.withheld)
        accounting = self.loaded.accounting
        event_files = set(accounting.event_files)
        rejected_events = sum(1 for p in accounting.rejected if p in event_files)
        rejected_other = len(accounting.rejected) - rejected_events
        problems = sum(1 for d in self.loaded.diagnostics.items if d.severity is not Severity.NOTICE)
        return (
            f"events: {len(events) - withheld} published, {withheld} withheld, {rejected_events} rejected "
            f"(of {len(self.loaded.accounting.event_files)} files); "
            f"letters: {len(self.loaded.sources.letters)} published; "
            f"registry: {len(self.loaded.sources.entities)} entries; "
            f"other files rejected: {rejected_other}; "
            f"{problems} problem{'s' if problems != 1 else ''} reported"
        )


def run(settings: Settings, preview: Selection | None = None) -> Build:
    with gc_paused():
        loaded = load(settings.docs_dir, settings.events_dir, settings.root, preview)
        edition_sources = apply_edition(loaded.sources, settings.edition)
        corpus = build_corpus(edition_sources, loaded.registry)
        return Build(settings, loaded, corpus, SiteRenderer(corpus, settings))
