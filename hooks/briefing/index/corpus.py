"""Index stage: the corpus of one edition, with the lookups every page needs.

Built once per build from the edition's sources; pages only read from it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations, permutations

from briefing.french.collation import sort_key
from briefing.load import glossary
from briefing.load.registry import Registry
from briefing.structure import ALL_KINDS, Entity, Event, Letter, Sources


@dataclass
class Corpus:
    registry: Registry
    chronology: list[Event]
    """Every event of the edition, withheld stand-ins included, oldest first."""
    letters: list[Letter]
    """By number, highest (latest) first."""
    events: dict[str, Event] = field(default_factory=dict)
    letters_by_number: dict[int, Letter] = field(default_factory=dict)
    citing_letters: dict[str, list[Letter]] = field(default_factory=dict)
    """Event id -> letters whose FAITS list it."""
    cited_by: dict[int, list[Letter]] = field(default_factory=dict)
    """Letter number -> letters that list it under Lire également."""
    entity_events: dict[str, list[Event]] = field(default_factory=dict)
    entity_letters: dict[str, list[Letter]] = field(default_factory=dict)
    cooccurrence: dict[str, Counter] = field(default_factory=dict)
    term_usage: dict[str, list[Event | Letter]] = field(default_factory=dict)
    """Entity key of a glossary term -> notes and letters that mark it."""
    _neighbours: dict[str, tuple[Event | None, Event | None]] = field(default_factory=dict)

    @property
    def published_events(self) -> list[Event]:
        """Events that get a page: everything but withheld stand-ins, oldest first."""
        return [e for e in self.chronology if not e.withheld]

    def neighbours(self, event: Event) -> tuple[Event | None, Event | None]:
        return self._neighbours.get(event.id, (None, None))

    def entity(self, key: str) -> Entity:
        return self.registry.entities[key]

    def related_entities(self, key: str, limit: int = 10) -> list[tuple[Entity, int]]:
        """The ``limit`` entities seen most often with ``key``'s, by count, then title in French order."""
        counts = self.cooccurrence.get(key, Counter())
        if len(counts) > limit:  # only those counted at least as often as the last one kept can be kept
            least = sorted(counts.values(), reverse=True)[limit - 1]
            counts = {k: n for k, n in counts.items() if n >= least}
        ranked = sorted(counts.items(), key=lambda item: (-item[1], sort_key(self.entity(item[0]).title)))
        return [(self.entity(k), n) for k, n in ranked[:limit]]

    def term(self, text: str) -> Entity | None:
        """The glossary entry whose abbreviation (or another name) is ``text``, ignoring case."""
        entity = self.registry.lookup(text, ALL_KINDS)
        return entity if entity and entity.abbr else None


def build_corpus(sources: Sources, registry: Registry) -> Corpus:
    chronology = sorted(sources.events, key=lambda e: (e.when.sort_key(), e.id))
    letters = sorted(sources.letters, key=lambda letter: -letter.number)
    corpus = Corpus(registry=registry, chronology=chronology, letters=letters)
    corpus.events = {e.id: e for e in chronology}
    corpus.letters_by_number = {letter.number: letter for letter in letters}
    _index_letters(corpus)
    _index_entities(corpus)
    _index_terms(corpus)
    published = corpus.published_events
    for i, event in enumerate(published):
        corpus._neighbours[event.id] = (
            published[i - 1] if i > 0 else None,
            published[i + 1] if i + 1 < len(published) else None,
        )
    return corpus


def _index_letters(corpus: Corpus) -> None:
    citing: dict[str, list[Letter]] = defaultdict(list)
    cited_by: dict[int, list[Letter]] = defaultdict(list)
    for letter in corpus.letters:
        for event_id in letter.facts:
            citing[event_id].append(letter)
        for number in letter.see_also:
            cited_by[number].append(letter)
    corpus.citing_letters = dict(citing)
    corpus.cited_by = dict(cited_by)


def _index_entities(corpus: Corpus) -> None:
    """Events and letters of each entity, and how often two entities occur together.

    Withheld events count for nothing here: an entity page of the public edition must not
    reveal that a confidential fact concerns it.
    """
    events: dict[str, list[Event]] = defaultdict(list)
    letters: dict[str, list[Letter]] = defaultdict(list)
    event_pairs: Counter[tuple[str, str]] = Counter()
    for event in corpus.published_events:
        for key in event.entities:
            events[key].append(event)
        event_pairs.update(permutations(event.entities, 2))  # entities without repeats: the loader's
    pairs: dict[str, dict[str, int]] = defaultdict(dict)
    for (a, b), count in event_pairs.items():
        pairs[a][b] = count
    for letter in corpus.letters:
        keys = list(letter.zones)
        for event_id in letter.facts:
            event = corpus.events.get(event_id)
            if event and not event.withheld:
                keys.extend(k for k in event.entities if k not in keys)
        for key in keys:
            letters[key].append(letter)
        for a, b in combinations(letter.zones, 2):
            pairs[a][b] = pairs[a].get(b, 0) + 1
            pairs[b][a] = pairs[b].get(a, 0) + 1
    corpus.entity_events = dict(events)
    corpus.entity_letters = dict(letters)
    corpus.cooccurrence = {key: Counter(row) for key, row in pairs.items()}


def _index_terms(corpus: Corpus) -> None:
    usage: dict[str, dict[int, Event | Letter]] = defaultdict(dict)
    documents: list[tuple[Event | Letter, str]] = [(e, e.body) for e in corpus.published_events]
    documents += [(letter, f"{letter.chapeau}\n\n{letter.analysis}") for letter in corpus.letters]
    for document, text in documents:
        for _, word in glossary.find_marks(text):
            entity = corpus.term(word)
            if entity:
                usage[entity.key].setdefault(id(document), document)
    corpus.term_usage = {key: list(documents.values()) for key, documents in usage.items()}
