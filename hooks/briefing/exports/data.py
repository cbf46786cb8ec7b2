"""The JSON export: the edition's events and letters, stable across builds (sorted keys, no clock).

The public edition's export holds only public events (withheld stand-ins are absent) and letters
without their analysis. ``donnees/schema.json`` is the JSON Schema both files follow. Each event or
letter is one line of its file: easy to read and to diff, and written by the json module's C
encoder (an indented dump goes through its pure-Python one, seconds for a large archive).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources

from briefing.exports import paths
from briefing.exports.context import ExportContext, ExportFile
from briefing.index.plaintext import capitalised, plain_field, plain_text
from briefing.load.dates import format_when
from briefing.render import markup
from briefing.structure import Event, Letter, PartialDate

SCHEMA_RESOURCE = "export.schema.json"


def export_schema() -> dict:
    return json.loads(resources.files("briefing.load").joinpath("schemas", SCHEMA_RESOURCE).read_text("utf-8"))


def _date(date: PartialDate | None) -> dict | None:
    return {"date": date.iso(), "precision": date.precision.value} if date else None


def _url(context: ExportContext, src_uri: str, from_file: str) -> str:
    return context.links.page_link(src_uri, from_file=from_file)


def _entities(context: ExportContext, from_file: str) -> dict[str, dict]:
    """Every registry entry as events and letters refer to it in ``from_file``, made once per file."""
    return {
        key: {"kind": entity.kind.value, "name": plain_field(entity.title),
              "url": _url(context, markup.entity_uri(entity), from_file)}
        for key, entity in context.corpus.registry.entities.items()
    }


def _event(event: Event, context: ExportContext, entities: dict[str, dict]) -> dict:
    corpus, here = context.corpus, paths.EVENTS_JSON
    return {
        "id": event.id,
        "url": _url(context, markup.event_uri(event.id), here),
        "start": _date(event.when.start),
        "end": _date(event.when.end),
        "approx": event.when.approx.value if event.when.approx else None,
        "date_text": format_when(event.when),
        "title": plain_field(event.title),
        "fact": plain_field(event.fact),
        "text": capitalised(plain_text(event.body)),
        "text_withheld": event.body_withheld,
        "entities": [entities[k] for k in event.entities],
        "sources": [
            {"title": plain_field(s.title), "publisher": plain_field(s.publisher), "url": s.url,
             "date": s.date.iso() if s.date else None}
            for s in event.sources
        ],
        "letters": [
            {"number": x.number, "url": _url(context, x.src_uri, here)}
            for x in sorted(corpus.citing_letters.get(event.id, []), key=lambda x: x.number)
        ],
        "related": [r for r in event.related if r in corpus.events and not corpus.events[r].withheld],
        "confidential": event.confidential,
    }


def _letter(letter: Letter, context: ExportContext, zones: dict[str, dict]) -> dict:
    corpus, here = context.corpus, paths.LETTERS_JSON
    entities = corpus.registry.entities
    return {
        "number": letter.number,
        "issue": letter.issue,
        "rubric": plain_field(markup.rubric(letter, entities)),
        "zones": [zones[k] for k in letter.zones],
        "title": plain_field(letter.title),
        "reference": plain_field(markup.letter_reference(letter, entities, context.settings.short_name)),
        "chapeau": plain_text(letter.chapeau),
        "authors": [plain_field(a) for a in letter.authors],
        "facts": [f for f in letter.facts if f in corpus.events and not corpus.events[f].withheld],
        "see_also": list(letter.see_also),
        "analysis_withheld": letter.analysis_withheld,
        "url": _url(context, letter.src_uri, here),
    }


def _dump(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


_RECORD = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
"""One encoder for every record: ``json.dumps`` with options makes a new one per call."""


def _record(record: object) -> bytes:
    """A record as UTF-8 JSON (a character UTF-8 cannot encode, a lone surrogate from an undecodable
    file name, is written ``?``: the file stays valid UTF-8)."""
    return _RECORD.encode(record).encode("utf-8", "replace")


def _dump_records(header: dict, name: str, records: Iterator[bytes]) -> bytes:
    """``header`` with ``name``: ``records`` added, keys sorted, one record (already JSON) a line.

    Records are serialised as they are made, so that the build does not hold (and the garbage
    collector does not walk, again and again) one dictionary per event.
    """
    parts: list[bytes] = []
    for key in sorted({*header, name}):
        parts += [b",\n " if parts else b"{\n ", _record(key), b": "]
        if key != name:
            parts.append(_record(header[key]))
            continue
        body = b",\n  ".join(records)
        parts += [b"[\n  ", body, b"\n ]"] if body else [b"[]"]
    parts.append(b"\n}\n")
    return b"".join(parts)


def render_data(context: ExportContext) -> list[ExportFile]:
    corpus, settings = context.corpus, context.settings
    header = {"publication": settings.publication, "edition": settings.edition.value}
    entities, zones = _entities(context, paths.EVENTS_JSON), _entities(context, paths.LETTERS_JSON)
    events = (_record(_event(e, context, entities)) for e in corpus.published_events)
    letters = (_record(_letter(x, context, zones)) for x in sorted(corpus.letters, key=lambda x: x.number))
    return [
        ExportFile(paths.EVENTS_JSON, _dump_records(header, "events", events)),
        ExportFile(paths.LETTERS_JSON, _dump_records(header, "letters", letters)),
        ExportFile(paths.EXPORT_SCHEMA, _dump(export_schema())),
    ]
