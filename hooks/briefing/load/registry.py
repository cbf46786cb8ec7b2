"""Name resolution: a name matches an entry's title, an alias or its abbreviation, ignoring case."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.diagnostics import fold, suggest
from briefing.french.collation import sort_key
from briefing.structure import ALL_KINDS, Entity, EntityKind

KIND_NOUN = {
    EntityKind.COUNTRY: "country",
    EntityKind.PERSON: "person",
    EntityKind.ORGANIZATION: "organization",
    EntityKind.TOPIC: "topic",
}


def _name_key(name: str) -> str:
    """Names compare ignoring case and the kind of apostrophe (``l'Otan`` is ``l’Otan``)."""
    return name.strip().casefold().replace("'", "’")


@dataclass
class Resolution:
    entity: Entity | None
    message: str | None = None
    """Why the name did not resolve, with a suggestion where there is one."""


@dataclass
class Registry:
    entities: dict[str, Entity] = field(default_factory=dict)
    """By key (``pays/japon``), in load order."""
    _by_name: dict[str, list[Entity]] = field(default_factory=dict)

    def add(self, entity: Entity) -> list[tuple[str, Entity]]:
        """Register ``entity``; returns the (name, other entry) pairs it clashes with."""
        self.entities[entity.key] = entity
        clashes = []
        for name in dict.fromkeys(_name_key(n) for n in entity.names):
            owners = self._by_name.setdefault(name, [])
            clashes.extend((name, other) for other in owners if other.key != entity.key)
            owners.append(entity)
        return clashes

    def of_kind(self, kind: EntityKind) -> list[Entity]:
        """The entries of one folder in French alphabetical order of their ``sort_as`` (or title)."""
        entities = (e for e in self.entities.values() if e.kind is kind)
        return sorted(entities, key=lambda e: sort_key(e.sort_as or e.title))

    def glossary_terms(self) -> list[Entity]:
        return sorted((e for e in self.entities.values() if e.abbr), key=lambda e: sort_key(e.abbr))

    def lookup(self, name: str, kinds: tuple[EntityKind, ...]) -> Entity | None:
        for entity in self._by_name.get(_name_key(name), []):
            if entity.kind in kinds:
                return entity
        return None

    def resolve(self, name: str, kinds: tuple[EntityKind, ...], noun: str | None = None) -> Resolution:
        found = self.lookup(name, kinds)
        if found:
            return Resolution(found)
        noun = noun or KIND_NOUN[kinds[0]]
        elsewhere = self.lookup(name, ALL_KINDS)
        if elsewhere:
            return Resolution(
                None,
                f'"{name}" is a registry {KIND_NOUN[elsewhere.kind]} ({elsewhere.kind.value}/{elsewhere.slug}.md), '
                f"not a {noun}; list it under {elsewhere.kind.field}",
            )
        candidates = [n for e in self.entities.values() if e.kind in kinds for n in e.names]
        hint = suggest(name, candidates)
        if hint:
            owner = self.lookup(hint, kinds)
            how = "only the accents differ" if fold(hint) == fold(name) else "the spelling differs slightly"
            entry = f"; registry entry {owner.kind.value}/{owner.slug}.md" if owner else ""
            return Resolution(None, f'unknown {noun} "{name}", did you mean "{hint}"? ({how}{entry})')
        folders = ", ".join(f"docs/{k.value}/" for k in kinds)
        return Resolution(None, f'unknown {noun} "{name}"; add an entry for it in {folders} or fix the spelling')
