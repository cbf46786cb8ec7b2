"""Load stage: event notes (``events/<year>/<id>.md``), their dates, names, sources and ``<!-- more -->``."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from briefing.diagnostics import Severity
from briefing.i18n import _
from briefing.load import footnotes
from briefing.load.dates import DateFormError, parse_partial_date
from briefing.load.documents import check_schema, text_list
from briefing.load.frontmatter import Document
from briefing.load.more import MORE_MARKER, mistyped_more
from briefing.load.state import NAME_FIELDS, LoaderState
from briefing.structure import Approx, Event, Precision, Source, When

WITHHELD_PREFIX = "withheld-"
"""The ids of the public edition's stand-ins for confidential events (``editions``): no note may take one."""
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
"""Reserved and unreserved URI characters; anything else in a source URL (``"``, ``<``, spaces) is
percent-encoded, so a URL is the same inert string in a page, a feed or a data file."""


class EventLoading(LoaderState):
    """Reads every note of the events folder into ``Event`` records."""

    def _load_events(self) -> None:
        seen: dict[str, Path] = {}
        paths = [path for path in self.inventory.events if not self.preview or self.preview.keeps(path)]
        # Every note is read, then every one validated, then each resolved: three tight loops take
        # a sixth less time than one doing it all at 10,000 notes (each keeps its code and data in
        # the processor's caches).
        documents = [self._read(path) for path in paths]
        valid = [doc is not None and check_schema("event", path, doc, self.diagnostics)
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
            related=tuple(text_list(meta, "related")),
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
        for field_name, kinds in NAME_FIELDS:
            found = self._names[field_name]
            for index, name in enumerate(text_list(doc.meta, field_name)):
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

    def _check_event_more(self, path: Path, doc: Document) -> bool:
        """An event's ``<!-- more -->`` (the part after it is for subscribers): a mistyped one refuses
        the note, so that the part it meant to reserve is not published; a footnote cited above it
        but defined below is withheld with the rest, with a warning."""
        body = doc.body
        if "<" not in body and "more" not in body.lower():
            return True
        near_miss = mistyped_more(body)
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
