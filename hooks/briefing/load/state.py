"""What the load stage builds as it reads (``LoaderState``) and what it hands on (``Loaded``).

The loader reads each kind of file in a module of its own (``entries``, ``events``, ``letters``, then
``references``); each is a part of ``Loader`` over this shared state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.diagnostics import Diagnostics
from briefing.load import inventory
from briefing.load.documents import read_document
from briefing.load.frontmatter import Document
from briefing.load.preview import Selection
from briefing.load.registry import Registry
from briefing.structure import Entity, EntityKind, Sources

NAME_FIELDS = tuple((kind.field, (kind,)) for kind in EntityKind)
"""An event's front-matter keys that name registry entries, with the kind each may name."""



@dataclass
class Accounting:
    """What became of every source file."""

    event_files: list[Path] = field(default_factory=list)
    rejected: list[Path] = field(default_factory=list)


@dataclass
class Loaded:
    sources: Sources
    registry: Registry
    diagnostics: Diagnostics
    accounting: Accounting
    documents: dict[Path, Document] = field(default_factory=dict)
    """The parsed file behind every accepted record, for checks that need lines."""
    inventory: inventory.Inventory = field(default_factory=inventory.Inventory)
    """Every file of the content folders, as read or refused."""


class LoaderState:
    """The loader's records and diagnostics as they grow, and the documents read so far."""

    def __init__(self, docs_dir: Path, events_dir: Path, root: Path, preview: Selection | None = None,
                 nav_pages: frozenset[str] | None = None):
        self.preview = preview
        """In preview mode, only the selected notes and letters are read (``preview.py``)."""
        self.docs_dir = docs_dir
        self.events_dir = events_dir
        self.diagnostics = Diagnostics(root)
        self.registry = Registry()
        self.sources = Sources()
        self.accounting = Accounting()
        self._event_docs: dict[str, Document] = {}
        self._letter_docs: dict[int, Document] = {}
        self._names: dict[str, dict[str, Entity | None]] = {field_name: {} for field_name, _ in NAME_FIELDS}
        """The entry each name of each field resolves to, once the registry is complete: notes name
        the same entries over and over."""
        self.documents: dict[Path, Document] = {}
        self.inventory = inventory.take(docs_dir, events_dir, root, nav_pages, self.diagnostics)

    def _read(self, path: Path) -> Document | None:
        doc = read_document(path, self.diagnostics)
        if doc is not None:
            self.documents[path] = doc
        return doc
