"""Name resolution: a name matches an entry's title, an alias or its abbreviation, ignoring case."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.diagnostics import fold, suggest
from briefing.french.collation import sort_key
from briefing.i18n import N_, _
from briefing.structure import ALL_KINDS, Entity, EntityKind

KIND_NOUN = {
    EntityKind.COUNTRY: N_("country"),
    EntityKind.PERSON: N_("person"),
    EntityKind.ORGANIZATION: N_("organization"),
    EntityKind.TOPIC: N_("topic"),
}
"""Nouns for messages, translated where they are used."""
ZONE_NOUN = N_("zone")


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
        noun = _(noun or KIND_NOUN[kinds[0]])
        elsewhere = self.lookup(name, ALL_KINDS)
        if elsewhere:
            return Resolution(None, _(
                '"{name}" is a registry {kind} ({entry}), not a {noun}; list it under {field}'
            ).format(name=name, kind=_(KIND_NOUN[elsewhere.kind]), entry=f"{elsewhere.kind.value}/{elsewhere.slug}.md",
                     noun=noun, field=elsewhere.kind.field))
        candidates = [n for e in self.entities.values() if e.kind in kinds for n in e.names]
        hint = suggest(name, candidates)
        if hint:
            owner = self.lookup(hint, kinds)
            how = _("only the accents differ") if fold(hint) == fold(name) else _("the spelling differs slightly")
            entry = _("; registry entry {entry}").format(entry=f"{owner.kind.value}/{owner.slug}.md") if owner else ""
            return Resolution(None, _('unknown {noun} "{name}"{suggestion} ({how}{entry})').format(
                noun=noun, name=name, suggestion=_(', did you mean "{hint}"?').format(hint=hint), how=how, entry=entry))
        folders = ", ".join(f"docs/{k.value}/" for k in kinds)
        message = _('unknown {noun} "{name}"; add an entry for it in {folders} or fix the spelling')
        return Resolution(None, message.format(noun=noun, name=name, folders=folders))
