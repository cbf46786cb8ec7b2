"""The corpus' building blocks: plain, immutable-ish records produced by the loader."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Approx(StrEnum):
    EARLY = "early"
    MID = "mid"
    LATE = "late"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day()
        if self.month is None:
            return dt.date(self.year, 12, 31)
        next_month = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return next_month - dt.timedelta(days=1)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class When:
    """When an event happened: a start, an optional inclusive end, an optional approximation."""

    start: PartialDate
    end: PartialDate | None = None
    approx: Approx | None = None

    def sort_key(self) -> tuple:
        """Oldest first; within a month, vague dates sort where they fall ("fin" near the end)."""
        start = self.start
        day = start.day
        if day is None and start.month is not None and self.approx is not None:
            day = {Approx.EARLY: 1, Approx.MID: 15, Approx.LATE: 28}[self.approx]
        end = self.end or self.start
        return (start.year, start.month or 0, day or 0, end.last_day())


class EntityKind(StrEnum):
    """Registry folders; the value is the folder under ``docs/`` and the URL prefix."""

    COUNTRY = "pays"
    PERSON = "personnalites"
    ORGANIZATION = "organisations"
    TOPIC = "themes"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def field(self) -> str:
        """The event front-matter key that lists entities of this kind."""
        return _KIND_FIELDS[self]


ALL_KINDS = tuple(EntityKind)
"""Every kind, in folder order (iterating the enum itself is slow in a loop over every name)."""
_KIND_LABELS = {
    EntityKind.COUNTRY: "Pays et zones",
    EntityKind.PERSON: "Personnalités",
    EntityKind.ORGANIZATION: "Organisations",
    EntityKind.TOPIC: "Thèmes",
}
_KIND_FIELDS = {
    EntityKind.COUNTRY: "countries",
    EntityKind.PERSON: "people",
    EntityKind.ORGANIZATION: "organizations",
    EntityKind.TOPIC: "topics",
}


@dataclass(frozen=True)
class Entity:
    kind: EntityKind
    slug: str
    title: str
    path: Path
    aliases: tuple[str, ...] = ()
    abbr: str | None = None
    body: str = ""
    article: str | None = None
    """``le``, ``la``, ``les`` or ``l’``, for generated sentences (« Suivre le Japon »)."""
    sort_as: str | None = None
    """The key indexes sort by (a family name); the title where there is none."""

    @cached_property
    def key(self) -> str:
        """Unique across the registry: ``pays/japon``."""
        return f"{self.kind.value}/{self.slug}"

    @property
    def short_name(self) -> str:
        """The name as it reads in a rubric: the abbreviation where there is one."""
        return self.abbr or self.title

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases, *((self.abbr,) if self.abbr else ()))

    @property
    def definition(self) -> str:
        """The first paragraph of the description: the glossary definition."""
        return self.body.strip().split("\n\n", 1)[0].strip() if self.body.strip() else ""


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str | None = None
    url: str | None = None
    date: PartialDate | None = None


FACT_LINE_CHARS = 160
"""How much of a fact line (or of a text without one) a chronology entry shows; a longer fact line is
cut there, so that entries and the pages listing them stay small."""


@dataclass(frozen=True)
class Event:
    id: str
    path: Path
    when: When
    title: str
    body: str
    entities: tuple[str, ...] = ()
    """Entity keys (``pays/japon``) in the order written, by kind."""
    sources: tuple[Source, ...] = ()
    related: tuple[str, ...] = ()
    confidential: bool = False
    withheld: bool = False
    """A stand-in for a confidential event in the public edition: only its date is known."""
    fact: str | None = None
    """The fact line: one sentence, in the letter's lower-case style, printed after the date."""
    body_withheld: bool = False
    """True in the public edition when the body had a part after ``<!-- more -->`` (now dropped)."""


@dataclass(frozen=True)
class Letter:
    number: int
    slug: str
    path: Path
    issue: str
    """``2024-10`` or ``2024-07&08``."""
    zones: tuple[str, ...]
    """Entity keys of the rubric, in the order written."""
    title: str
    chapeau: str
    analysis: str
    """The text after ``<!-- more -->``, footnote definitions included."""
    facts: tuple[str, ...] = ()
    see_also: tuple[int, ...] = ()
    authors: tuple[str, ...] = ()
    lead_en: str | None = None
    analysis_withheld: bool = False
    """True in the public edition, where the analysis is for subscribers only."""

    @property
    def src_uri(self) -> str:
        return f"lettres/{self.path.name}"

    @property
    def issue_start(self) -> tuple[int, int]:
        """(year, first month) of the issue, to order letters in time."""
        year, months = self.issue.split("-", 1)
        return int(year), int(months.split("&", 1)[0])


@dataclass
class Sources:
    """Everything the loader accepted, before indexing."""

    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    letters: list[Letter] = field(default_factory=list)
