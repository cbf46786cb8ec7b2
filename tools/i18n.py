#!/usr/bin/env python3
"""The message catalogs: extract the messages from the code with Babel and bring each catalog in step.

    .venv/bin/python tools/i18n.py update   # re-extract; add new messages to every catalog, drop gone ones
    .venv/bin/python tools/i18n.py check    # fail if a message is untranslated or a catalog is behind the code

Catalogs: ``hooks/briefing/locale/<language>/LC_MESSAGES/messages.po`` (committed; compiled in memory
when first used, see ``hooks/briefing/i18n.py``). The same extraction on the command line:
``pybabel extract -F babel.cfg --no-location -o messages.pot .``. Translate the empty ``msgstr``
entries that ``update`` adds, keeping every ``{field}`` of the message.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hooks" / "briefing"
SOURCES = (PACKAGE, ROOT / "hooks" / "adapter")
"""The package and the MkDocs adapter, which logs messages too."""
LOCALE_DIR = PACKAGE / "locale"
_FIELD = re.compile(r"(?<!\{)\{([a-z_]*)[^{}]*\}|%\(?([a-z_]*)\)?[rsd]")


def extract() -> Catalog:
    """Every message the code marks, as Babel finds it (``babel.cfg``)."""
    template = Catalog(project="briefing", fuzzy=False)
    for folder in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
            folder, [("**.py", "python")], keywords=DEFAULT_KEYWORDS, strip_comment_tags=True
        ):
            template.add(message, None, [(f"{folder.relative_to(ROOT).as_posix()}/{filename}", lineno)],
                         auto_comments=comments, context=context)
    return template


def catalogs() -> dict[str, Path]:
    return {p.parent.parent.name: p for p in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/messages.po"))}


def _read(path: Path, language: str) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=language)


def _ids(catalog: Catalog) -> set:
    return {m.id for m in catalog if m.id}


def fields(text: str) -> set[str]:
    """The format fields of a message: ``{name}``, ``{value!r}``, ``%(prog)s``, ``%s``."""
    return {a or b or "%" for a, b in _FIELD.findall(text)}


def problems(template: Catalog, language: str, catalog: Catalog) -> list[str]:
    """What keeps ``catalog`` from translating every message of ``template``."""
    found = []
    missing, gone = _ids(template) - _ids(catalog), _ids(catalog) - _ids(template)
    found += [f"{language}: not in the catalog (run tools/i18n.py update): {m!r}" for m in sorted(map(str, missing))]
    found += [f"{language}: no longer in the code (run tools/i18n.py update): {m!r}" for m in sorted(map(str, gone))]
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            found.append(f"{language}: untranslated: {ids[0]!r}")
            continue
        for string in strings:
            extra = fields(string) - set().union(*(fields(i) for i in ids))
            if extra:
                found.append(f"{language}: {ids[0]!r} is translated with fields the message lacks: {sorted(extra)}")
    return found


def update() -> None:
    template = extract()
    for language, path in catalogs().items():
        catalog = _read(path, language)
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as stream:
            write_po(stream, catalog, width=100, no_location=True, omit_header=False, ignore_obsolete=True,
                     sort_output=True)
        untranslated = [m.id for m in catalog if m.id and not all(
            m.string if isinstance(m.string, tuple) else (m.string,))]
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {len(untranslated)} to translate")


def check() -> int:
    template = extract()
    found = [p for language, path in catalogs().items() for p in problems(template, language, _read(path, language))]
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "check":
        sys.exit(check())
    else:
        print(__doc__)
        sys.exit(2)
