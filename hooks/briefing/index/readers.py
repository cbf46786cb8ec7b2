"""Indexes behind the reader pages: relations between a rubric's zones, authors, what is new.

Read-only views of one edition's corpus, built once per build. A withheld stand-in belongs to no
entity, relation or author; only What's new lists it, by its date alone, as the chronology does.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from briefing.french.collation import sort_key
from briefing.index.corpus import Corpus
from briefing.structure import Event, Letter


def slugify(text: str) -> str:
    """``Hélène Marchal`` -> ``helene-marchal``: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


@dataclass(frozen=True)
class Relation:
    """A combination of zones that a letter's rubric names together (two or more)."""

    members: tuple[str, ...]
    """Entity keys in the order of the latest rubric that names them."""
    slug: str

    @property
    def src_uri(self) -> str:
        return f"relations/{self.slug}.md"


@dataclass(frozen=True)
class Author:
    name: str
    slug: str
    letters: tuple[Letter, ...]
    """Latest first."""


def _surname_key(name: str) -> tuple:
    """Authors by family name (the last word), in French alphabetical order."""
    words = name.split()
    return (sort_key(words[-1]) if words else sort_key(""), sort_key(name))


@dataclass
class ReaderIndex:
    corpus: Corpus
    _relations: dict[frozenset[str], Relation] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        slugs: set[str] = set()
        for letter in self.corpus.letters:  # latest first: the latest rubric sets the order of names
            members = frozenset(letter.zones)
            if len(members) < 2 or members in self._relations:
                continue
            entities = [self.corpus.entity(k) for k in letter.zones]
            slug = "--".join(sorted(e.slug for e in entities))
            if slug in slugs:  # two registry folders with the same file name
                slug = "--".join(sorted(f"{e.kind.value}-{e.slug}" for e in entities))
            slugs.add(slug)
            self._relations[members] = Relation(tuple(letter.zones), slug)

    # Relations ------------------------------------------------------------------------------

    @property
    def relations(self) -> list[Relation]:
        """Every relation, in French alphabetical order of its name (its members' short names, as written)."""
        titles = self.corpus.registry.entities
        return sorted(
            self._relations.values(),
            key=lambda r: sort_key(" – ".join(titles[k].short_name for k in r.members)),
        )

    def relation_of(self, letter: Letter) -> Relation | None:
        return self._relations.get(frozenset(letter.zones))

    def relations_with(self, key: str) -> list[Relation]:
        return [r for r in self.relations if key in r.members]

    def relation_letters(self, relation: Relation) -> list[Letter]:
        """Letters whose rubric names every member (latest first)."""
        members = set(relation.members)
        return [x for x in self.corpus.letters if members <= set(x.zones)]

    def relation_events(self, relation: Relation) -> list[Event]:
        """Published events that involve every member, oldest first."""
        lists = sorted((self.corpus.entity_events.get(k, []) for k in relation.members), key=len)
        common = set.intersection(*({e.id for e in events} for events in lists)) if lists else set()
        return [e for e in lists[0] if e.id in common] if lists else []

    # Authors --------------------------------------------------------------------------------

    @cached_property
    def authors(self) -> list[Author]:
        """Every author, by surname, with their letters latest first."""
        letters: dict[str, list[Letter]] = {}
        for letter in self.corpus.letters:
            for name in letter.authors:
                letters.setdefault(" ".join(name.split()), []).append(letter)
        ordered = sorted(letters, key=_surname_key)
        slugs: dict[str, str] = {}
        for name in ordered:
            slug = base = slugify(name)
            n = 2
            while slug in slugs.values():
                slug, n = f"{base}-{n}", n + 1
            slugs[name] = slug
        return [Author(name, slugs[name], tuple(letters[name])) for name in ordered]

    def author_slug(self, name: str) -> str:
        normalised = " ".join(name.split())
        return next(a.slug for a in self.authors if a.name == normalised)

    # What is new ----------------------------------------------------------------------------

    def newer_than(self, letter: Letter) -> tuple[list[Letter], list[Event]]:
        """Letters of a later issue and events dated after the issue's last month (events oldest first)."""
        year, months = letter.issue.split("-", 1)
        last = (int(year), int(months.split("&")[-1]))
        letters = [x for x in self.corpus.letters if x.issue_start > last]
        events = [e for e in self.corpus.chronology if (e.when.start.year, e.when.start.month or 0) > last]
        return letters, events
