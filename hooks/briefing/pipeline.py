"""The whole pipeline, load -> index -> render, for one edition. Engine-independent."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.diagnostics import Diagnostic, Severity
from briefing.edition.editions import apply_edition
from briefing.edition.published import Published, decide
from briefing.i18n import _, ngettext
from briefing.index.corpus import Corpus, build_corpus
from briefing.load.loader import Loaded, check, load
from briefing.load.preview import Selection
from briefing.render import SiteRenderer
from briefing.settings import Settings
from briefing.speed.gc_pause import gc_paused
from briefing.structure import Sources


@dataclass
class Build:
    settings: Settings
    loaded: Loaded
    corpus: Corpus
    renderer: SiteRenderer
    published: Published
    """The files under ``docs/`` the site may publish as they are (the allowlist)."""

    checked: bool = True
    """Whether the cross-document checks' findings are in the diagnostics (``run(check_later=True)``
    leaves them to ``checks`` and ``add_checks``)."""

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.loaded.diagnostics.sorted()

    def checks(self) -> list[Diagnostic]:
        """The cross-document checks' findings (they read the loaded sources, and change nothing)."""
        return check(self.loaded)

    def add_checks(self, found: list[Diagnostic]) -> None:
        """The checks' findings, from wherever they ran, among the build's diagnostics."""
        if not self.checked:
            self.loaded.diagnostics.items.extend(found)
            self.checked = True

    def summary(self) -> str:
        """``events: 24 published, 7 withheld, 1 rejected; letters: 5 published, 0 rejected``."""
        events = self.loaded.sources.events
        withheld = sum(1 for e in self.corpus.chronology if e.withheld)
        accounting = self.loaded.accounting
        event_files = set(accounting.event_files)
        rejected_events = sum(1 for p in accounting.rejected if p in event_files)
        rejected_other = len(accounting.rejected) - rejected_events
        problems = sum(1 for d in self.loaded.diagnostics.items if d.severity is not Severity.NOTICE)
        return _(
            "events: {published} published, {withheld} withheld, {rejected} rejected (of {files} files); "
            "letters: {letters} published; registry: {entries} entries; other files rejected: {other}; "
            "files not published: {unpublished}; {problems}"
        ).format(
            published=len(events) - withheld, withheld=withheld, rejected=rejected_events,
            files=len(self.loaded.accounting.event_files), letters=len(self.loaded.sources.letters),
            entries=len(self.loaded.sources.entities), other=rejected_other,
            unpublished=len(self.loaded.inventory.refused) + self.unpublished_statics,
            problems=ngettext("{count} problem reported", "{count} problems reported", problems).format(count=problems),
        )


    @property
    def unpublished_statics(self) -> int:
        statics = self.loaded.inventory.statics
        docs_dir = self.settings.docs_dir
        return sum(1 for path in statics if not self.published.allows(path.relative_to(docs_dir).as_posix()))


def prepare(settings: Settings, preview: Selection | None = None, *,
            run_checks: bool = True) -> tuple[Loaded, Sources, Published]:
    """Load, apply the edition, decide what the site publishes: every diagnostic of the sources, for
    the build and ``briefing check`` alike (one code path; without ``run_checks``, all but the
    cross-document checks')."""
    loaded = load(settings.docs_dir, settings.events_dir, settings.root, preview, settings.nav_pages,
                  run_checks=run_checks)
    edition_sources = apply_edition(loaded.sources, settings.edition)
    published = decide(loaded, edition_sources, settings.docs_dir, settings.declared, loaded.diagnostics,
                       quiet=preview is not None)
    return loaded, edition_sources, published


def run(settings: Settings, preview: Selection | None = None, *, check_later: bool = False) -> Build:
    """Stages 1–3 and the renderer. With ``check_later`` the cross-document checks, which only report,
    are left out: the caller runs ``Build.checks`` (in another process, say) and adds their findings
    (``add_checks``) before it reports the diagnostics."""
    with gc_paused():
        loaded, edition_sources, published = prepare(settings, preview, run_checks=not check_later)
        corpus = build_corpus(edition_sources, loaded.registry)
        return Build(settings, loaded, corpus, SiteRenderer(corpus, settings), published, checked=not check_later)
