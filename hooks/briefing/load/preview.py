"""Preview mode for ``mkdocs serve``: build the recent part of a large archive, quickly.

``BRIEFING_PREVIEW=recent`` keeps the events of the last month of the archive,
``BRIEFING_PREVIEW=2024`` (or ``2024-06``) those from that date on. Whatever the window, a
note edited since the preview started is kept, with the letters that cite it, the facts those
letters list and every registry entry they name, so the page the contributor is working on
reads as it will in the full build. Only the selection is made here, from file names and the
letters' front matter (no event note is parsed to decide); the pipeline then runs unchanged
on what is kept.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefing.i18n import _
from briefing.load.frontmatter import FrontMatterError, parse

RECENT_MONTHS = 1
STARTED = time.time()
"""When this process started: under ``mkdocs serve`` this module stays loaded across rebuilds, so a
note saved after this moment is the contributor's edit."""
_START = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_EVENT_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?")


class PreviewError(ValueError):
    pass


@dataclass(frozen=True)
class Preview:
    """A window of the archive: events dated from ``start`` (year, month) on."""

    start: tuple[int, int] | None
    """None for ``recent``: RECENT_MONTHS back from the newest note."""
    since: float
    """Notes modified after this time (the preview's start) are kept whatever their date."""

    @classmethod
    def from_env(cls, value: str | None, since: float) -> Preview | None:
        text = (value or "").strip().lower()
        if text in ("", "0", "false", "no", "off"):
            return None
        if text == "recent":
            return cls(None, since)
        match = _START.match(text)
        if match is None:
            raise PreviewError(
                _('BRIEFING_PREVIEW="{value}": write "recent", a year (2024) or a month (2024-06)').format(value=value)
            )
        return cls((int(match.group(1)), int(match.group(2) or 1)), since)


@dataclass
class Selection:
    event_files: set[Path] = field(default_factory=set)
    letter_files: set[Path] = field(default_factory=set)
    dropped_letters: list[Path] = field(default_factory=list)
    left_out: set[str] = field(default_factory=set)
    """Event ids and letter numbers (as text) that exist but are outside the preview."""

    def keeps(self, path: Path, *, letter: bool = False) -> bool:
        return path in (self.letter_files if letter else self.event_files)

    def summary(self) -> str:
        return _("preview: {events} event notes and {letters} letters built, {left_out} notes and letters left out"
                 ).format(events=len(self.event_files), letters=len(self.letter_files), left_out=len(self.left_out))


def _month_of(path: Path) -> tuple[int, int] | None:
    """(year, month) from the recommended file name ``YYYY-MM-DD-slug`` or its year folder."""
    match = _EVENT_DATE.match(path.stem)
    if match:
        return int(match.group(1)), int(match.group(2) or 1)
    return (int(path.parent.name), 1) if path.parent.name.isdigit() else None


def select(preview: Preview, events_dir: Path, letters_dir: Path) -> Selection:
    events = {p.stem: p for p in sorted(events_dir.rglob("*.md"))} if events_dir.is_dir() else {}
    months = {stem: _month_of(path) for stem, path in events.items()}
    known = [m for m in months.values() if m]
    start = preview.start
    if start is None:
        year, month = max(known, default=(0, 1))
        months_since_zero = year * 12 + month - 1 - (RECENT_MONTHS - 1)
        start = (months_since_zero // 12, months_since_zero % 12 + 1)
    kept = {
        stem for stem, path in events.items()
        if months[stem] is None or months[stem] >= start or path.stat().st_mtime > preview.since
    }
    edited = {stem for stem, path in events.items() if path.stat().st_mtime > preview.since}
    selection = Selection()
    for path in sorted(letters_dir.glob("*.md")) if letters_dir.is_dir() else []:
        try:
            meta = parse(path.read_text("utf-8")).meta
        except (FrontMatterError, UnicodeDecodeError):
            selection.letter_files.add(path)  # let the pipeline report it
            continue
        facts = [str(f) for f in meta.get("facts") or []]
        issue = _EVENT_DATE.match(str(meta.get("issue", "")))
        recent = issue is not None and (int(issue.group(1)), int(issue.group(2) or 1)) >= start
        if recent or edited.intersection(facts) or path.stat().st_mtime > preview.since:
            selection.letter_files.add(path)
            kept.update(f for f in facts if f in events)
        else:
            selection.dropped_letters.append(path)
    selection.event_files = {events[stem] for stem in kept}
    selection.left_out = set(events) - kept
    selection.left_out.update(p.name.split("-", 1)[0] for p in selection.dropped_letters)
    return selection


def unnamed_entities(corpus) -> list:
    """Registry entries no kept note or letter names: their pages are left out of the preview."""
    named = set(corpus.entity_events) | set(corpus.entity_letters)
    return [e for e in corpus.registry.entities.values() if e.key not in named]
