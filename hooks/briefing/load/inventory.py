"""Every file under the content folders, sorted into what the build reads and what it refuses.

An allowlist: the loader reads only the notes, letters and registry entries listed here, the site
renders only those and the pages ``mkdocs.yml``'s ``nav`` names, and a static file under ``docs/``
is copied only if a published text links to it (``published.py``). Anything else is reported as
``not published`` and never reaches the site. Symbolic links are read only if they stay in the
repository; a link that leaves it, leads nowhere or loops is reported and never followed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.diagnostics import Diagnostics
from briefing.i18n import _
from briefing.structure import EntityKind

LETTERS_DIR = "lettres"
NOTE_SUFFIX = ".md"
INDEX_NAME = "index.md"
KEPT_QUIETLY = frozenset({".gitkeep", ".gitignore", ".gitattributes"})
"""Repository plumbing, neither content nor a surprise."""
GENERATED_FOLDERS = frozenset({"auteurs", "chronologie", "donnees", "evenements", "flux", "relations", "schemas",
                               "search"})
"""Folders under ``docs/`` whose every page the build generates (``search/`` is Material's)."""
GENERATED_PAGES = frozenset({"glossaire.md", "nouveautes.md", f"{LETTERS_DIR}/{INDEX_NAME}",
                             *(f"{kind.value}/{INDEX_NAME}" for kind in EntityKind)})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext"})
_LEFTOVER = re.compile(
    r"(~|\.bak|\.orig|\.rej|\.swp|\.swo|\.tmp|\.old|\.(BASE|LOCAL|REMOTE|BACKUP)(\.\w+)?|_(BASE|LOCAL|REMOTE|BACKUP)_\d+.*)$",
    re.IGNORECASE,
)
"""Editors' backups and the files ``git mergetool`` leaves behind."""


def not_published(reason: str) -> str:
    """The one message of every refused file (``path: not published: …``)."""
    return _("not published: {reason}").format(reason=reason)


@dataclass
class Inventory:
    events: list[Path] = field(default_factory=list)
    """Event notes to read, sorted."""
    letters: list[Path] = field(default_factory=list)
    entries: dict[EntityKind, list[Path]] = field(default_factory=dict)
    pages: list[Path] = field(default_factory=list)
    """Other Markdown pages the site renders as they are: ``docs/index.md`` and the pages ``nav`` names."""
    statics: list[Path] = field(default_factory=list)
    """Other files under ``docs/``: published only if a published text links to them."""
    refused: list[Path] = field(default_factory=list)


class _Walker:
    """Lists the regular files under a folder without following a symbolic link out of the repository."""

    def __init__(self, root: Path, diagnostics: Diagnostics, refused: list[Path]):
        self.root = root.resolve()
        self.diagnostics = diagnostics
        self.refused = refused

    def refuse(self, path: Path, reason: str) -> None:
        self.diagnostics.add(path, None, None, not_published(reason))
        self.refused.append(path)

    def files(self, folder: Path, skip: Path | None = None) -> list[Path]:
        found: list[Path] = []
        top = folder.resolve()
        stack, visited = [folder], {top}
        while stack:
            current = stack.pop()
            try:
                entries = sorted(os.scandir(current), key=lambda entry: entry.name)
            except OSError as error:
                self.refuse(current, _("the folder cannot be read ({error})").format(error=error.strerror))
                continue
            for entry in entries:
                path = Path(entry.path)
                if skip is not None and path == skip:
                    continue
                if entry.is_symlink() and not self._symlink_ok(path):
                    continue
                if entry.is_dir():
                    target = path.resolve()
                    if target in visited or top.is_relative_to(target):
                        self.refuse(path, _("a symbolic link back to a folder above it (a loop)"))
                        continue
                    visited.add(target)
                    if entry.name.endswith(NOTE_SUFFIX):
                        self.refuse(path, _("a folder named like a note; a note is a file, and what the folder "
                                          "holds is not read"))
                        continue
                    stack.append(path)
                elif entry.is_file():
                    found.append(path)
                else:
                    self.refuse(path, _("not a regular file (a pipe, a socket or a device)"))
        return sorted(found, key=lambda path: path.parts)

    def _symlink_ok(self, path: Path) -> bool:
        """Whether a symbolic link may be read: it leads to an existing file or folder of the repository."""
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            self.refuse(path, _("a symbolic link to nothing (its target does not exist)"))
            return False
        except (RuntimeError, OSError):
            self.refuse(path, _("a symbolic link that loops (it leads back to itself)"))
            return False
        if not target.is_relative_to(self.root):
            self.refuse(path, _("a symbolic link to a file or folder outside the repository; it is never read"))
            return False
        return True


def _odd_name(path: Path) -> str | None:
    """Why a file is no content whatever its folder, or None."""
    name = path.name
    if _LEFTOVER.search(name):
        return _("an editor's backup or a merge leftover; remove it")
    if name.startswith("."):
        return _("a hidden file (its name starts with a dot)")
    if name == "README.md":
        return _("README.md is not a page of the site; rename it or move it out of the content folders")
    suffix = path.suffix.lower()
    if suffix in _MARKDOWN_SUFFIXES and path.suffix != NOTE_SUFFIX:
        return _("only files ending in .md (lowercase) are read; rename it {name}").format(name=f"{path.stem}.md")
    return None


def take(docs_dir: Path, events_dir: Path, root: Path, nav_pages: frozenset[str] | None,
         diagnostics: Diagnostics) -> Inventory:
    """Sort every file under ``events_dir`` and ``docs_dir``; report each refused one."""
    inventory = Inventory(entries={kind: [] for kind in EntityKind})
    walker = _Walker(root, diagnostics, inventory.refused)
    if events_dir.is_dir():
        for path in walker.files(events_dir):
            reason = _odd_name(path)
            if reason is None and path.name == INDEX_NAME:
                reason = _("the events folder has no index page; an event note is named <id>.md")
            elif reason is None and path.suffix != NOTE_SUFFIX:
                reason = _("the events folder holds only event notes (.md files)")
            if reason:
                walker.refuse(path, reason)
            else:
                inventory.events.append(path)
    if docs_dir.is_dir():
        skip = events_dir if events_dir.is_relative_to(docs_dir) else None
        for path in walker.files(docs_dir, skip):
            _sort_docs_file(path, path.relative_to(docs_dir), inventory, walker, nav_pages)
    return inventory


def is_generated(uri: str) -> bool:
    """Whether the build writes the page or file at this ``docs``-relative path itself."""
    return uri in GENERATED_PAGES or uri.split("/", 1)[0] in GENERATED_FOLDERS


def _sort_docs_file(path: Path, relative: Path, inventory: Inventory, walker: _Walker,
                    nav_pages: frozenset[str] | None) -> None:
    reason = _odd_name(path)
    if reason:
        walker.refuse(path, reason)
        return
    uri = relative.as_posix()
    if is_generated(uri):
        walker.refuse(path, _("this file is generated; rename or remove yours (the generated one is published)"))
        return
    if path.suffix != NOTE_SUFFIX:
        inventory.statics.append(path)
        return
    folder = relative.parts[0] if len(relative.parts) == 2 else None
    if uri == INDEX_NAME or (nav_pages is not None and uri in nav_pages):
        inventory.pages.append(path)
    elif folder == LETTERS_DIR and path.name != INDEX_NAME:
        inventory.letters.append(path)
    elif folder in {kind.value for kind in EntityKind} and path.name != INDEX_NAME:
        inventory.entries[EntityKind(folder)].append(path)
    elif len(relative.parts) > 2 and relative.parts[0] == LETTERS_DIR:
        walker.refuse(path, _("letters are read directly in docs/lettres/, not in its subfolders"))
    else:
        walker.refuse(path, _("a page that is neither a letter nor a registry entry, and that mkdocs.yml's nav "
                            "does not list"))

