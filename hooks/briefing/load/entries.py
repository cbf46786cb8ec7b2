"""Load stage: the registry's entries (countries, organisations, people…), read first: names resolve against them."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.french.typography import apostrophes
from briefing.i18n import _
from briefing.load.documents import check_schema, text_list
from briefing.load.state import LoaderState
from briefing.structure import Entity, EntityKind

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class EntryLoading(LoaderState):
    """Reads ``docs/<registry folder>/<slug>.md`` into the registry."""

    def _load_registry(self) -> None:
        for kind in EntityKind:
            for path in self.inventory.entries[kind]:
                entity = self._load_entity(kind, path)
                if entity is None:
                    self.accounting.rejected.append(path)
                    continue
                for name, other in self.registry.add(entity):
                    self.diagnostics.add(
                        path, None, "aliases",
                        _('the name "{name}" is also claimed by {entry}; a name must belong to one entry only').format(
                            name=name, entry=f"{other.kind.value}/{other.slug}.md"),
                    )
                self.sources.entities.append(entity)

    def _load_entity(self, kind: EntityKind, path: Path) -> Entity | None:
        doc = self._read(path)
        if doc is None or not check_schema("entity", path, doc, self.diagnostics):
            return None
        if not _SLUG.match(path.stem):
            self.diagnostics.add(
                path, None, None,
                _("the file name must be lowercase ASCII letters, digits and hyphens (it becomes the URL)"),
            )
            return None
        meta = doc.meta
        return Entity(
            kind=kind,
            slug=path.stem,
            title=apostrophes(str(meta["title"]).strip()),
            path=path,
            aliases=tuple(apostrophes(a) for a in text_list(meta, "aliases")),
            abbr=apostrophes(str(meta["abbr"]).strip()) if meta.get("abbr") else None,
            body=doc.body.strip(),
            article=apostrophes(str(meta["article"])) if meta.get("article") else None,
            sort_as=str(meta["sort_as"]).strip() if meta.get("sort_as") else None,
        )
