"""``new event|letter|entry``: create a note from a template, in the right folder, never over an existing file.

What it is given is checked as the build would check it, before anything is written: names resolve
against the registry (with the build's did-you-mean), dates and issues parse (with the value to
write for a French date), facts and related letters exist. A refusal writes nothing and exits 1.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import yaml
from pymdownx.slugs import slugify

from briefing.diagnostics import did_you_mean
from briefing.i18n import _
from briefing.load import templates
from briefing.load.dates import DateFormError, parse_issue, parse_partial_date
from briefing.load.loader import LETTERS_DIR, load_registry
from briefing.load.registry import ZONE_NOUN, Registry
from briefing.project import find_config, load_settings
from briefing.structure import ALL_KINDS, EntityKind

_SLUGIFY = slugify(case="lower", normalize="NFD")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "’": " ", "'": " "})
MAX_SLUG = 60
ID_WORDS = 3
"""Words of the title an event id keeps after its date: short enough to type into ``facts:``."""
_SMALL_WORDS = frozenset({
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "un", "une",
    "pour", "par", "sur", "dans", "avec", "sans", "vers", "chez", "entre",
})
_OPTIONS = {EntityKind.COUNTRY: "--country", EntityKind.PERSON: "--person",
            EntityKind.ORGANIZATION: "--organization", EntityKind.TOPIC: "--topic"}
NEXT_STEPS = "python3 tools/dev.py serve", "python3 tools/dev.py check"


class Refused(Exception):
    """What was given cannot make a valid file; the message says what to change."""


def slug(title: str, max_length: int = MAX_SLUG) -> str:
    """ASCII slug of a title: ``Corée du Sud – États-Unis`` -> ``coree-du-sud-etats-unis``."""
    text = _SLUGIFY(title.translate(_LIGATURES), "-")
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")
    collapsed = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(collapsed) > max_length:
        collapsed = collapsed[:max_length].rsplit("-", 1)[0]
    if not collapsed:
        raise ValueError(_('the title "{title}" has no letter or digit to make a file name from').format(title=title))
    return collapsed


def short_slug(title: str, words: int = ID_WORDS) -> str:
    """The first ``words`` words of a title that are not small words: ``Shigeru Ishiba devient
    Premier ministre`` -> ``shigeru-ishiba-devient``; ``Sommet de l’Otan`` -> ``sommet-otan``."""
    parts = slug(title, max_length=10**6).split("-")
    kept = [p for p in parts if p not in _SMALL_WORDS][:words] or parts[:words]
    return "-".join(kept)


def _yaml(value: object) -> str:
    """One YAML value on one line, quoted only where YAML needs it."""
    dumped = yaml.safe_dump([value], allow_unicode=True, default_flow_style=True, width=10**6).strip()
    return dumped[1:-1]


def _front_matter(fields: dict[str, object]) -> str:
    lines = [f"{key}: {_yaml(value)}" for key, value in fields.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _write(path: Path, text: str, root: Path) -> None:
    if path.exists():
        raise Refused(_("{path} already exists; nothing was written (edit that file or choose another title)"
                        ).format(path=_shown(path, root)))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as stream:
        stream.write(text)
    print(_shown(path, root))


class _Problems(list):
    """Every problem of the command line, reported together (``option: message`` each)."""

    def resolve(self, registry: Registry, option: str, names: list[str], kinds: tuple[EntityKind, ...],
                noun: str | None = None) -> list[str]:
        """The names, each checked against the registry as the build checks it."""
        self.extend(f"{option}: {registry.resolve(n, kinds, noun).message}" for n in names
                    if registry.lookup(n, kinds) is None)
        return names

    def parse(self, option: str, parse, value: str):
        try:
            return parse(value)
        except DateFormError as error:
            self.append(f"{option}: {error}")
            return None

    def stop_if_any(self) -> None:
        if self:
            raise Refused("\n".join(self))


def _event_ids(events_dir: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted(events_dir.rglob("*.md"))} if events_dir.is_dir() else {}


def _new_event(args: argparse.Namespace, settings) -> None:
    problems = _Problems()
    date = problems.parse("--date", parse_partial_date, args.date)
    registry = load_registry(settings.docs_dir, settings.events_dir, settings.root)
    names = {kind: problems.resolve(registry, _OPTIONS[kind], getattr(args, kind.field) or [], (kind,))
             for kind in EntityKind}
    problems.stop_if_any()
    event_id = f"{date.iso()}-{slug(args.slug) if args.slug else short_slug(args.title)}"
    path = settings.events_dir / str(date.year) / f"{event_id}.md"
    same_id = _event_ids(settings.events_dir).get(event_id)
    if same_id is not None and same_id != path:
        raise Refused(_("the id {id} is already used by {path}; ids are unique across events/ (choose other words "
                        "with --slug)").format(id=event_id, path=_shown(same_id, settings.root)))
    fact = args.fact
    if fact is None and sys.stdin.isatty():
        fact = input(_("The fact in one sentence, as in a letter's FAITS (Enter to skip): "))
    fields = {
        "date": date.iso(),
        "title": args.title,
        "fact": (" ".join(fact.split()) or None) if fact else None,
        **{kind.field: names[kind] for kind in EntityKind},
        "sources": [],
        "confidential": args.confidential,
    }
    _write(path, _front_matter(fields) + templates.EVENT_BODY + "\n", settings.root)
    print(_("id: {id} (cite it in a letter as facts: [{id}])").format(id=event_id))
    print(_("next: replace the template's text with the fact, preview it with `{serve}` "
            "(/evenements/{id}/), then run `{check}`").format(id=event_id, serve=NEXT_STEPS[0], check=NEXT_STEPS[1]))


def _new_letter(args: argparse.Namespace, settings) -> None:
    problems = _Problems()
    issue = problems.parse("--issue", parse_issue, args.issue)
    folder = settings.docs_dir / LETTERS_DIR
    taken = sorted(folder.glob(f"{args.number}-*.md")) if folder.is_dir() else []
    if taken:
        used = _("letter number {number} is already used by {other}; numbers are unique")
        problems.append("--number: " + used.format(number=args.number, other=_shown(taken[0], settings.root)))
    registry = load_registry(settings.docs_dir, settings.events_dir, settings.root)
    zones = problems.resolve(registry, "--zones", args.zones, ALL_KINDS, ZONE_NOUN)
    ids = _event_ids(settings.events_dir)
    problems.extend("--facts: " + _('unknown event id "{value}"{hint}').format(value=f, hint=did_you_mean(f, list(ids)))
                    for f in args.facts or [] if f not in ids)
    numbers = sorted(int(m.group(1)) for p in (folder.glob("*.md") if folder.is_dir() else [])
                     if (m := re.match(r"(\d+)-", p.name)))
    problems.extend("--see-also: " + _('unknown letter number "{value}"').format(value=n)
                    for n in args.see_also or [] if n not in numbers)
    problems.stop_if_any()
    fields = {
        "number": args.number,
        "issue": issue,
        "zones": zones,
        "title": args.title,
        "facts": args.facts or [],
        "see_also": args.see_also or [],
        "authors": [*(args.authors or []), *(args.author or [])] or None,
    }
    path = folder / f"{args.number}-{slug(args.title)}.md"
    body = f"{templates.LETTER_CHAPEAU}\n\n<!-- more -->\n\n{templates.LETTER_ANALYSIS}\n"
    _write(path, _front_matter(fields) + body, settings.root)
    print(_("next: write the chapeau and the analysis in place of the template's text, preview it with `{serve}` "
            "(/lettres/{page}/), then run `{check}`").format(page=path.stem, serve=NEXT_STEPS[0], check=NEXT_STEPS[1]))


def _new_entry(args: argparse.Namespace, settings) -> None:
    kind = EntityKind(args.kind)
    registry = load_registry(settings.docs_dir, settings.events_dir, settings.root)
    claimed = [(name, owner) for name in [args.title, *(args.alias or []), *([args.abbr] if args.abbr else [])]
               if (owner := registry.lookup(name, ALL_KINDS)) is not None]
    if claimed:
        raise Refused("\n".join(_('the name "{name}" is already claimed by {entry}; a name must belong to one entry '
                                  "only").format(name=name, entry=f"{owner.kind.value}/{owner.slug}.md")
                                for name, owner in claimed))
    fields = {"title": args.title, "article": args.article, "aliases": args.alias or None, "abbr": args.abbr,
              "sort_as": args.sort_as}
    path = settings.docs_dir / kind.value / f"{slug(args.title)}.md"
    _write(path, _front_matter(fields) + f"{templates.ENTRY_DEFINITION}\n\n{templates.ENTRY_MORE}\n", settings.root)
    print(_("next: write the definition (its first sentence goes to the glossary) in place of the template's "
            "text, preview it with `{serve}`, then run `{check}`").format(serve=NEXT_STEPS[0], check=NEXT_STEPS[1]))


def _run(args: argparse.Namespace) -> int:
    settings = load_settings(find_config(Path(args.project)))
    try:
        {"event": _new_event, "letter": _new_letter, "entry": _new_entry}[args.what](args, settings)
    except Refused as refusal:
        for line in str(refusal).splitlines():
            print(_("error: {message}").format(message=line), file=sys.stderr)
        print(_("nothing was written"), file=sys.stderr)
        return 1
    return 0


def add_parser(commands) -> None:
    parser = commands.add_parser("new", help=_("create an event note, a letter or a registry entry from a template"),
                                 description=_("Create an event note, a letter or a registry entry from a template, "
                                               "after checking what it names; never over an existing file."))
    parser.add_argument("--project", default=".", help=_("the project folder (holding mkdocs.yml); default: here"))
    kinds = parser.add_subparsers(dest="what", required=True, metavar=_("WHAT"))

    event = kinds.add_parser("event", help="events/<year>/<date>-<words>.md")
    event.add_argument("--date", required=True, help=_("YYYY-MM-DD, YYYY-MM or YYYY"))
    event.add_argument("--title", required=True, help=_("short headline"))
    event.add_argument("--fact", help=_("the fact in one sentence, lower case, as printed after the date in FAITS "
                                        "(asked for when omitted at a terminal)"))
    event.add_argument("--slug", metavar=_("WORDS"),
                       help=_("the words of the id after the date; default: the title's first three words"))
    for kind, option in _OPTIONS.items():
        event.add_argument(option, action="append", dest=kind.field, metavar=_("NAME"),
                           help=_("a registry name in docs/{folder}/ (repeatable)").format(folder=kind.value))
    event.add_argument("--confidential", action="store_true",
                       help=_("reserved for subscribers: withheld from the public edition"))

    letter = kinds.add_parser("letter", help="docs/lettres/<number>-<slug>.md")
    letter.add_argument("--number", required=True, type=int, help=_("the letter's number, unique"))
    letter.add_argument("--issue", required=True, help=_("YYYY-MM, or YYYY-MM&MM for a double issue"))
    letter.add_argument("--zones", required=True, nargs="+", metavar=_("NAME"), help=_("the rubric: registry names"))
    letter.add_argument("--title", required=True, help=_("the letter's title"))
    letter.add_argument("--facts", nargs="+", metavar="ID", help=_("the ids of its event notes (FAITS)"))
    letter.add_argument("--authors", nargs="+", metavar=_("NAME"), help=_("its authors"))
    letter.add_argument("--author", action="append", metavar=_("NAME"), help=argparse.SUPPRESS)
    letter.add_argument("--see-also", nargs="+", type=int, metavar=_("NUMBER"),
                        help=_("numbers of related letters (Lire également)"))

    entry = kinds.add_parser("entry", help="docs/<kind>/<slug>.md")
    entry.add_argument("--kind", required=True, choices=[k.value for k in EntityKind])
    entry.add_argument("--title", required=True, help=_("the canonical name"))
    entry.add_argument("--abbr", help=_("short form used in text; makes the entry a glossary term"))
    entry.add_argument("--alias", action="append", metavar=_("NAME"), help=_("another name (repeatable)"))
    entry.add_argument("--article", choices=["le", "la", "les", "l’"],
                       help=_("the article generated sentences put before the name (« Suivre le Japon »)"))
    entry.add_argument("--sort-as", help=_("the key indexes sort by, e.g. the family name (« Kishida Fumio »)"))

    parser.set_defaults(run=_run)
