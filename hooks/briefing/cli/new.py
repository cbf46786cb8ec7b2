"""``new event|letter|entry``: create a note from a template, in the right folder, never over an existing file."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import yaml
from pymdownx.slugs import slugify

from briefing.load.dates import parse_issue, parse_partial_date
from briefing.load.loader import LETTERS_DIR
from briefing.project import find_config, load_settings
from briefing.structure import EntityKind

_SLUGIFY = slugify(case="lower", normalize="NFD")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "’": " ", "'": " "})
MAX_SLUG = 60

EVENT_BODY = "Le fait, en un à trois paragraphes : qui, quoi, où, et pourquoi cela compte.\n"
LETTER_BODY = (
    "Le chapeau : l’essentiel de la lettre en quelques phrases.\n\n<!-- more -->\n\n"
    "L’analyse, réservée aux abonnés dans l’édition publique.\n"
)
ENTRY_BODY = "Première phrase : la définition reprise dans le glossaire.\n\nSuite de la description.\n"


def slug(title: str) -> str:
    """ASCII slug of a title: ``Corée du Sud – États-Unis`` -> ``coree-du-sud-etats-unis``."""
    text = _SLUGIFY(title.translate(_LIGATURES), "-")
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")
    collapsed = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(collapsed) > MAX_SLUG:
        collapsed = collapsed[:MAX_SLUG].rsplit("-", 1)[0]
    if not collapsed:
        raise ValueError(f'the title "{title}" has no letter or digit to make a file name from')
    return collapsed


def _yaml(value: object) -> str:
    """One YAML value on one line, quoted only where YAML needs it."""
    dumped = yaml.safe_dump([value], allow_unicode=True, default_flow_style=True, width=10**6).strip()
    return dumped[1:-1]


def _front_matter(fields: dict[str, object]) -> str:
    lines = [f"{key}: {_yaml(value)}" for key, value in fields.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _write(path: Path, text: str, root: Path) -> int:
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if path.exists():
        print(f"error: {shown} already exists; nothing was written (edit that file or choose another title)",
              file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as stream:
        stream.write(text)
    print(shown)
    return 0


def _new_event(args: argparse.Namespace, settings) -> int:
    date = parse_partial_date(args.date)
    event_id = f"{date.iso()}-{slug(args.title)}"
    path = settings.events_dir / str(date.year) / f"{event_id}.md"
    same_id = [p for p in settings.events_dir.rglob(f"{event_id}.md")] if settings.events_dir.is_dir() else []
    if same_id and same_id[0] != path:
        shown = same_id[0].relative_to(settings.root).as_posix()
        print(f"error: the id {event_id} is already used by {shown}; ids are unique across events/", file=sys.stderr)
        return 1
    fact = args.fact
    if fact is None and sys.stdin.isatty():
        fact = input("Le fait en une phrase, comme dans les FAITS d’une lettre (Entrée pour passer) : ")
    fields = {
        "date": date.iso(),
        "title": args.title,
        "fact": (" ".join(fact.split()) or None) if fact else None,
        "countries": args.country or [],
        "people": args.person or [],
        "organizations": args.organization or [],
        "topics": args.topic or [],
        "sources": [],
        "confidential": False,
    }
    return _write(path, _front_matter(fields) + EVENT_BODY, settings.root)


def _new_letter(args: argparse.Namespace, settings) -> int:
    issue = parse_issue(args.issue)
    folder = settings.docs_dir / LETTERS_DIR
    taken = sorted(folder.glob(f"{args.number}-*.md")) if folder.is_dir() else []
    if taken:
        shown = taken[0].relative_to(settings.root).as_posix()
        print(f"error: letter number {args.number} is already used by {shown}; numbers are unique", file=sys.stderr)
        return 1
    fields = {
        "number": args.number,
        "issue": issue,
        "zones": args.zones,
        "title": args.title,
        "facts": [],
        "see_also": [],
        "authors": args.author or None,
    }
    path = folder / f"{args.number}-{slug(args.title)}.md"
    return _write(path, _front_matter(fields) + LETTER_BODY, settings.root)


def _new_entry(args: argparse.Namespace, settings) -> int:
    kind = EntityKind(args.kind)
    fields = {"title": args.title, "article": args.article, "aliases": args.alias or None, "abbr": args.abbr,
              "sort_as": args.sort_as}
    path = settings.docs_dir / kind.value / f"{slug(args.title)}.md"
    return _write(path, _front_matter(fields) + ENTRY_BODY, settings.root)


def _run(args: argparse.Namespace) -> int:
    settings = load_settings(find_config(Path(args.project)))
    return {"event": _new_event, "letter": _new_letter, "entry": _new_entry}[args.what](args, settings)


def add_parser(commands) -> None:
    parser = commands.add_parser("new", help="create an event note, a letter or a registry entry from a template")
    parser.add_argument("--project", default=".", help="the project folder (holding mkdocs.yml); default: here")
    kinds = parser.add_subparsers(dest="what", required=True, metavar="WHAT")

    event = kinds.add_parser("event", help="events/<year>/<date>-<slug>.md")
    event.add_argument("--date", required=True, help="YYYY-MM-DD, YYYY-MM or YYYY")
    event.add_argument("--title", required=True, help="short headline; the file name is made from it")
    event.add_argument("--fact", help="the fact in one sentence, lower case, as printed after the date in FAITS "
                                      "(asked for when omitted at a terminal)")
    event.add_argument("--country", action="append", metavar="NAME", help="a country or zone (repeatable)")
    event.add_argument("--person", action="append", metavar="NAME", help="a person (repeatable)")
    event.add_argument("--organization", action="append", metavar="NAME", help="an organisation (repeatable)")
    event.add_argument("--topic", action="append", metavar="NAME", help="a topic (repeatable)")

    letter = kinds.add_parser("letter", help="docs/lettres/<number>-<slug>.md")
    letter.add_argument("--number", required=True, type=int, help="the letter's number, unique")
    letter.add_argument("--issue", required=True, help="YYYY-MM, or YYYY-MM&MM for a double issue")
    letter.add_argument("--zones", required=True, nargs="+", metavar="NAME", help="the rubric: registry names")
    letter.add_argument("--title", required=True)
    letter.add_argument("--author", action="append", metavar="NAME", help="an author (repeatable)")

    entry = kinds.add_parser("entry", help="docs/<kind>/<slug>.md")
    entry.add_argument("--kind", required=True, choices=[k.value for k in EntityKind])
    entry.add_argument("--title", required=True, help="the canonical name")
    entry.add_argument("--abbr", help="short form used in text; makes the entry a glossary term")
    entry.add_argument("--alias", action="append", metavar="NAME", help="another name (repeatable)")
    entry.add_argument("--article", choices=["le", "la", "les", "l’"],
                       help="the article generated sentences put before the name (« Suivre le Japon »)")
    entry.add_argument("--sort-as", help="the key indexes sort by, e.g. the family name (« Kishida Fumio »)")

    parser.set_defaults(run=_run)
