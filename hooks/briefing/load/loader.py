"""Load stage: read events, letters and registry entries into records, and every problem into diagnostics.

A note with an error is rejected (reported, not published); a dangling reference inside an
otherwise valid note is dropped with a warning.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

from briefing.diagnostics import Diagnostics, Severity, did_you_mean
from briefing.french.typography import apostrophes
from briefing.i18n import N_, _
from briefing.load import checks, footnotes, inventory, schema
from briefing.load.dates import DateFormError, parse_issue, parse_partial_date
from briefing.load.frontmatter import Document, FrontMatterError, parse
from briefing.load.preview import Selection
from briefing.load.registry import ZONE_NOUN, Registry
from briefing.speed.gc_pause import gc_paused
from briefing.structure import ALL_KINDS, Approx, Entity, EntityKind, Event, Letter, Precision, Source, Sources, When

LETTERS_DIR = inventory.LETTERS_DIR
WITHHELD_PREFIX = "withheld-"
"""The ids of the public edition's stand-ins for confidential events (``editions``): no note may take one."""
_LETTER_FILE = re.compile(r"^(\d+)-([a-z0-9][a-z0-9-]*)\.md$")
MORE_MARKER = re.compile(r"^[ \t]*<!--\s*more\s*-->[ \t]*$", re.MULTILINE)
_NOT_LETTERS = re.compile(r"&[lg]t;|[^a-z]")


def _mistyped_more(body: str) -> int | None:
    """The 0-based line of a mistyped ``<!-- more -->`` above the real one (or in a body without one)."""
    for index, line in enumerate(body.split("\n")):
        if MORE_MARKER.match(line):
            return None
        if _looks_like_more(line):
            return index
    return None


def _looks_like_more(line: str) -> bool:
    """Whether a line is a mistyped ``<!-- more -->`` (``<!-- mor -->``, ``<!-- MORE -->``, ``<!— more —>``):
    a letter with one before its real marker (or without one) is refused, not published with what
    follows the mistyped line as its chapeau."""
    stripped = line.strip()
    if len(stripped) > 40 or not any(mark in stripped for mark in "<>!-—"):
        return False
    letters = _NOT_LETTERS.sub("", stripped.lower())
    return difflib.SequenceMatcher(None, letters, "more").ratio() >= 0.75
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
EVENT_ID, LETTER_NUMBER = N_("event id"), N_("letter number")
_NAME_FIELDS = tuple((kind.field, (kind,)) for kind in EntityKind)
"""An event's front-matter keys that name registry entries, with the kind each may name."""
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
"""Reserved and unreserved URI characters; anything else in a source URL (``"``, ``<``, spaces) is
percent-encoded, so a URL is the same inert string in a page, a feed or a data file."""


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


def _read_bytes(path: Path) -> bytes:
    """``path.read_bytes()`` without a buffered file object, a good part of reading a short note."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(descriptor).st_size
        chunks = [os.read(descriptor, size + 1)]
        if len(chunks[0]) <= size:  # a short read of a file is its end
            return chunks[0]
        while chunks[-1]:  # the file grew since fstat
            chunks.append(os.read(descriptor, 1 << 16))
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_document(path: Path, diagnostics: Diagnostics) -> Document | None:
    try:
        text = _read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as error:
        diagnostics.add(
            path, None, None,
            _("the file is not valid UTF-8 (byte {byte}); save it as UTF-8 in your editor").format(byte=error.start),
        )
        return None
    try:
        return parse(text.replace("\r\n", "\n"))
    except FrontMatterError as error:
        diagnostics.add(path, error.line, None, str(error))
        return None


def split_letter_body(body: str) -> tuple[str, str | None]:
    """(chapeau, analysis) around the first ``<!-- more -->`` line; analysis is None without one."""
    parts = MORE_MARKER.split(body, maxsplit=1)
    if len(parts) == 1:
        return body.strip(), None
    return parts[0].strip(), parts[1].strip()


def _check_schema(name: str, path: Path, doc: Document, diagnostics: Diagnostics) -> bool:
    problems = schema.validate(name, doc.meta)
    for problem in problems:
        diagnostics.add(path, doc.line_of(problem.path), problem.field, problem.message)
    return not problems


def _text_list(meta: dict, key: str) -> list[str]:
    return [str(v).strip() for v in meta.get(key) or []]


class Loader:
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
        self._names: dict[str, dict[str, Entity | None]] = {field_name: {} for field_name, _ in _NAME_FIELDS}
        """The entry each name of each field resolves to, once the registry is complete: notes name
        the same entries over and over."""
        self.documents: dict[Path, Document] = {}
        self.inventory = inventory.take(docs_dir, events_dir, root, nav_pages, self.diagnostics)

    def load(self) -> Loaded:
        self._load_registry()
        self._load_events()
        self._load_letters()
        self._resolve_references()
        checks.run_checks(self.sources, self.registry, self.documents, self.diagnostics)
        return Loaded(self.sources, self.registry, self.diagnostics, self.accounting, self.documents, self.inventory)

    def _read(self, path: Path) -> Document | None:
        doc = read_document(path, self.diagnostics)
        if doc is not None:
            self.documents[path] = doc
        return doc

    # registry -----------------------------------------------------------------------------

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
        if doc is None or not _check_schema("entity", path, doc, self.diagnostics):
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
            aliases=tuple(apostrophes(a) for a in _text_list(meta, "aliases")),
            abbr=apostrophes(str(meta["abbr"]).strip()) if meta.get("abbr") else None,
            body=doc.body.strip(),
            article=apostrophes(str(meta["article"])) if meta.get("article") else None,
            sort_as=str(meta["sort_as"]).strip() if meta.get("sort_as") else None,
        )

    # events -------------------------------------------------------------------------------

    def _load_events(self) -> None:
        seen: dict[str, Path] = {}
        paths = [path for path in self.inventory.events if not self.preview or self.preview.keeps(path)]
        # Every note is read, then every one validated, then each resolved: three tight loops take
        # a sixth less time than one doing it all at 10,000 notes (each keeps its code and data in
        # the processor's caches).
        documents = [self._read(path) for path in paths]
        valid = [doc is not None and _check_schema("event", path, doc, self.diagnostics)
                 for path, doc in zip(paths, documents, strict=True)]
        for path, doc, is_valid in zip(paths, documents, valid, strict=True):
            self.accounting.event_files.append(path)
            event = self._load_event(path, doc) if is_valid else None
            if event and event.id in seen:
                self.diagnostics.add(
                    path, 1, None,
                    _('duplicate id "{id}": {other} has the same file name; rename one of them').format(
                        id=event.id, other=self.diagnostics.relative(seen[event.id])),
                )
                event = None
            if event is None:
                self.accounting.rejected.append(path)
                continue
            seen[event.id] = path
            self.sources.events.append(event)

    def _load_event(self, path: Path, doc: Document) -> Event | None:
        """The event of a valid note, or None if a date or a name does not resolve."""
        meta = doc.meta
        when = self._resolve_when(path, doc)
        entities = self._resolve_entity_names(path, doc)
        sources = self._resolve_sources(path, doc)
        more_ok = self._check_event_more(path, doc)
        if when is None or entities is None or sources is None or not more_ok:
            return None
        event_id = path.stem
        if event_id.startswith(WITHHELD_PREFIX):
            self.diagnostics.add(
                path, None, None,
                _('an event id may not start with "{prefix}" (the public edition names its withheld facts so); '
                  "rename the file").format(prefix=WITHHELD_PREFIX),
            )
            return None
        self._event_docs[event_id] = doc
        return Event(
            id=event_id,
            path=path,
            when=when,
            title=str(meta["title"]).strip(),
            body=doc.body.strip(),
            entities=tuple(entities),
            sources=tuple(sources),
            related=tuple(_text_list(meta, "related")),
            confidential=bool(meta.get("confidential", False)),
            fact=(" ".join(str(meta["fact"]).split()) or None) if "fact" in meta else None,
        )

    def _resolve_when(self, path: Path, doc: Document) -> When | None:
        meta, ok = doc.meta, True
        dates = {}
        for key in ("date", "end"):
            if key in meta:
                try:
                    dates[key] = parse_partial_date(meta[key])
                except DateFormError as error:
                    self.diagnostics.add(path, doc.line_of((key,)), key, str(error))
                    ok = False
        if not ok:
            return None
        start, end = dates["date"], dates.get("end")
        if end is not None and end.last_day() < start.first_day():
            self.diagnostics.add(
                path, doc.line_of(("end",)), "end",
                _("{end} is before the start date {start}; a range ends on or after its start").format(
                    end=end.iso(), start=start.iso()),
            )
            return None
        approx = Approx(meta["approx"]) if meta.get("approx") else None
        if approx and start.precision is not Precision.MONTH:
            self.diagnostics.add(
                path, doc.line_of(("approx",)), "approx",
                _("approx applies to month dates only (YYYY-MM), not {date}; remove it or write the month").format(
                    date=start.iso()),
            )
            return None
        year_folder = path.parts[-2] if len(path.parts) > 1 else ""  # the parent's name; parts are cached
        if year_folder.isdigit() and int(year_folder) != start.year:
            self.diagnostics.add(
                path, doc.line_of(("date",)), "date",
                _("the note is in events/{folder}/ but dated {date}; move it to events/{year}/").format(
                    folder=year_folder, date=start.iso(), year=start.year),
                Severity.WARNING,
            )
        return When(start, end, approx)

    def _resolve_entity_names(self, path: Path, doc: Document) -> list[str] | None:
        keys, ok = [], True
        for field_name, kinds in _NAME_FIELDS:
            found = self._names[field_name]
            for index, name in enumerate(_text_list(doc.meta, field_name)):
                entity = found[name] if name in found else found.setdefault(name, self.registry.lookup(name, kinds))
                if entity is None:
                    line = doc.line_of((field_name, index))
                    message = self.registry.resolve(name, kinds).message
                    self.diagnostics.add(path, line, f"{field_name}/{index}", message)
                    ok = False
                elif entity.key not in keys:
                    keys.append(entity.key)
        return keys if ok else None

    def _resolve_sources(self, path: Path, doc: Document) -> list[Source] | None:
        sources, ok = [], True
        for index, raw in enumerate(doc.meta.get("sources") or []):
            date = None
            if "date" in raw:
                try:
                    date = parse_partial_date(raw["date"])
                except DateFormError as error:
                    field_name = f"sources/{index}/date"
                    self.diagnostics.add(path, doc.line_of(("sources", index, "date")), field_name, str(error))
                    ok = False
            sources.append(Source(
                title=str(raw["title"]).strip(),
                publisher=str(raw["publisher"]).strip() if raw.get("publisher") else None,
                url=quote(str(raw["url"]).strip(), safe=URL_SAFE) if raw.get("url") else None,
                date=date,
            ))
        return sources if ok else None

    # letters ------------------------------------------------------------------------------

    def _load_letters(self) -> None:
        seen: dict[int, Path] = {}
        for path in self.inventory.letters:
            if self.preview and not self.preview.keeps(path, letter=True):
                continue
            letter = self._load_letter(path)
            if letter and letter.number in seen:
                self.diagnostics.add(
                    path, self._letter_docs[letter.number].line_of(("number",)), "number",
                    _("letter number {number} is already used by {other}; numbers are unique").format(
                        number=letter.number, other=self.diagnostics.relative(seen[letter.number])),
                )
                letter = None
            if letter is None:
                self.accounting.rejected.append(path)
                continue
            seen[letter.number] = path
            self.sources.letters.append(letter)

    def _load_letter(self, path: Path) -> Letter | None:
        doc = self._read(path)
        if doc is None or not _check_schema("letter", path, doc, self.diagnostics):
            return None
        meta = doc.meta
        ok = True
        file_match = _LETTER_FILE.match(path.name)
        if not file_match:
            self.diagnostics.add(
                path, None, None,
                _("a letter's file name is <number>-<slug>.md in lowercase ASCII, e.g. {number}-mon-titre.md").format(
                    number=meta["number"]),
            )
            ok = False
        elif int(file_match.group(1)) != meta["number"]:
            self.diagnostics.add(
                path, doc.line_of(("number",)), "number",
                _("number {number} does not match the file name; rename the file {name} or fix the number").format(
                    number=meta["number"], name=f"{meta['number']}-{file_match.group(2)}.md"),
            )
            ok = False
        try:
            issue = parse_issue(meta["issue"])
        except DateFormError as error:
            self.diagnostics.add(path, doc.line_of(("issue",)), "issue", str(error))
            ok = False
        zones = []
        for index, name in enumerate(_text_list(meta, "zones")):
            resolution = self.registry.resolve(name, ALL_KINDS, noun=ZONE_NOUN)
            if resolution.entity is None:
                self.diagnostics.add(path, doc.line_of(("zones", index)), f"zones/{index}", resolution.message)
                ok = False
            elif resolution.entity.key in zones:
                first = zones.index(resolution.entity.key)
                self.diagnostics.add(
                    path, doc.line_of(("zones", index)), f"zones/{index}",
                    _('"{name}" names {entry} again (already at zones/{first}); keep it once').format(
                        name=name, entry=resolution.entity.title, first=first),
                    Severity.WARNING,
                )
            else:
                zones.append(resolution.entity.key)
        if isinstance(meta["number"], float):
            self.diagnostics.add(path, doc.line_of(("number",)), "number",
                                 _("write the number without decimals: {number}").format(number=int(meta["number"])))
            ok = False
        chapeau, analysis = split_letter_body(doc.body)
        near_miss = _mistyped_more(doc.body)
        if near_miss is not None:
            self.diagnostics.add(
                path, doc.body_line + near_miss, "body",
                _("this line looks like a mistyped '<!-- more -->'; write '<!-- more -->' alone on its line "
                  "(until then the letter is not published, so that its analysis is not shown as its chapeau)"),
            )
            ok = False
        elif analysis is None:
            if chapeau:
                self.diagnostics.add(
                    path, doc.body_line, "body",
                    _("no '<!-- more -->' line after the chapeau; the whole text is taken as the chapeau "
                      "and shown in the public edition"),
                    Severity.WARNING,
                )
            analysis = ""
        self._check_chapeau_notes(path, doc, chapeau, analysis or "")
        if not ok:
            return None
        self._letter_docs[meta["number"]] = doc
        return Letter(
            number=meta["number"],
            slug=file_match.group(2),
            path=path,
            issue=issue,
            zones=tuple(zones),
            title=str(meta["title"]).strip(),
            chapeau=chapeau,
            analysis=analysis,
            facts=tuple(_text_list(meta, "facts")),
            see_also=tuple(meta.get("see_also") or ()),
            authors=tuple(_text_list(meta, "authors")),
            lead_en=str(meta["lead_en"]).strip() if meta.get("lead_en") else None,
        )

    def _check_event_more(self, path: Path, doc: Document) -> bool:
        """An event's ``<!-- more -->`` (the part after it is for subscribers): a mistyped one refuses
        the note, so that the part it meant to reserve is not published; a footnote cited above it
        but defined below is withheld with the rest, with a warning."""
        body = doc.body
        if "<" not in body and "more" not in body.lower():
            return True
        near_miss = _mistyped_more(body)
        if near_miss is not None:
            self.diagnostics.add(
                path, doc.body_line + near_miss, "body",
                _("this line looks like a mistyped '<!-- more -->'; write '<!-- more -->' alone on its line "
                  "(until then the note is not published, so that the part it reserves is not shown)"),
            )
            return False
        parts = MORE_MARKER.split(body, maxsplit=1)
        if len(parts) == 2:
            above, below = footnotes.split_definitions(parts[0])[1], footnotes.split_definitions(parts[1])[1]
            for label in footnotes.references(parts[0]):
                if label not in above and label in below:
                    self.diagnostics.add(
                        path, doc.body_line, "body",
                        _("the text before '<!-- more -->' cites the footnote [^{label}], defined after it: the "
                          "public edition withholds it with the rest; move its definition above that line to "
                          "publish it").format(label=label),
                        Severity.WARNING,
                    )
        return True

    def _check_chapeau_notes(self, path: Path, doc: Document, chapeau: str, analysis: str) -> None:
        """A footnote the chapeau cites but that is defined after ``<!-- more -->`` is part of the
        analysis: the public edition drops it (``editions``); say so."""
        defined_above = footnotes.split_definitions(chapeau)[1]
        defined_below = footnotes.split_definitions(analysis)[1]
        for label in footnotes.references(chapeau):
            if label not in defined_above and label in defined_below:
                self.diagnostics.add(
                    path, doc.body_line, "body",
                    _("the chapeau cites the footnote [^{label}], defined after '<!-- more -->': the public "
                      "edition withholds it with the analysis; move its definition above that line to publish it"
                      ).format(label=label),
                    Severity.WARNING,
                )

    # cross-references ---------------------------------------------------------------------

    def _resolve_references(self) -> None:
        """Drop, with a warning, references to events or letters that do not exist."""
        event_ids = [e.id for e in self.sources.events]
        numbers = [letter.number for letter in self.sources.letters]
        known_ids, known_numbers = set(event_ids), set(numbers)
        for i, event in enumerate(self.sources.events):
            if not event.related:
                continue
            doc = self._event_docs[event.id]
            kept = self._kept(event.path, doc, "related", event.related, known_ids, event.id, event_ids, EVENT_ID)
            if kept != event.related:
                self.sources.events[i] = replace(event, related=kept)
        for i, letter in enumerate(self.sources.letters):
            doc = self._letter_docs[letter.number]
            facts = self._kept(letter.path, doc, "facts", letter.facts, known_ids, None, event_ids, EVENT_ID)
            see_also = self._kept(
                letter.path, doc, "see_also", letter.see_also, known_numbers, letter.number,
                [str(n) for n in numbers], LETTER_NUMBER,
            )
            if facts != letter.facts or see_also != letter.see_also:
                self.sources.letters[i] = replace(letter, facts=facts, see_also=see_also)

    def _kept(self, path, doc, key, values, known, itself, candidates, noun) -> tuple:
        """The ``values`` found in ``known``, other than ``itself`` (a note may not name itself)."""
        kept = []
        for index, value in enumerate(values):
            if value in known and value != itself:
                kept.append(value)
                continue
            if self.preview and str(value) in self.preview.left_out:
                continue
            rejected = self._rejected_reason(value, noun)
            hint = rejected or did_you_mean(str(value), candidates) or ""
            self.diagnostics.add(
                path, doc.line_of((key, index)), f"{key}/{index}",
                _('unknown {noun} "{value}"{hint}; the reference is dropped').format(
                    noun=_(noun), value=value, hint=hint),
                Severity.WARNING,
            )
        return tuple(kept)

    def _rejected_reason(self, value, noun: str) -> str | None:
        for path in self.accounting.rejected:
            if noun == EVENT_ID and path.stem == value:
                return _(" ({path} exists but was rejected, see its errors)").format(
                    path=self.diagnostics.relative(path))
        return None


def load(docs_dir: Path, events_dir: Path, root: Path, preview: Selection | None = None,
         nav_pages: frozenset[str] | None = None) -> Loaded:
    """Read the whole project: registry first (names resolve against it), then events and letters."""
    with gc_paused():
        return Loader(docs_dir, events_dir, root, preview, nav_pages).load()


def load_registry(docs_dir: Path, events_dir: Path, root: Path) -> Registry:
    """The registry alone, as the build reads it (for commands that check names before writing)."""
    loader = Loader(docs_dir, events_dir, root)
    loader._load_registry()
    return loader.registry
