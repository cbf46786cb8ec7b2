"""Messages in the site's language, through gettext catalogs that Babel extracts and compiles.

Code writes English messages marked for translation, with ``str.format`` fields filled after the
lookup::

    from briefing.i18n import _
    message = _('unknown {noun} "{name}"').format(noun=_(noun), name=name)

``N_`` marks a string to translate later (a table of nouns); ``ngettext`` chooses a plural. The
catalog ``locale/<language>/LC_MESSAGES/messages.po`` is the only place translations live; Babel
compiles it the first time a version of it is used, into ``messages-<hash>.mo`` beside it (ignored by
git; nothing to keep in step by hand). ``tools/i18n.py`` re-extracts the messages and updates the
catalog; a test fails when a message has no translation or the catalog is behind the code.

The language is the site's (``theme.language`` in ``mkdocs.yml``), or ``BRIEFING_LANGUAGE`` when set
(``en`` for English messages whatever the site's language).
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
from functools import cache
from pathlib import Path

DOMAIN = "messages"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"
ENV_VARIABLE = "BRIEFING_LANGUAGE"

_active: gettext.NullTranslations = gettext.NullTranslations()
_active_language = SOURCE_LANGUAGE


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages() -> list[str]:
    """The languages with a catalog, besides English (the messages as written)."""
    return sorted(p.name for p in LOCALE_DIR.iterdir() if catalog_path(p.name).is_file()) if LOCALE_DIR.is_dir() else []


def _base(language: str | None) -> str:
    """``fr_FR``, ``fr-FR``, ``FR`` -> ``fr``; nothing -> English."""
    text = (language or "").strip().replace("-", "_").split("_")[0].lower()
    return text or SOURCE_LANGUAGE


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language`` (English, or a language without catalog: the messages as written)."""
    path = catalog_path(language)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(_compiled(path, language)))


def _compiled(path: Path, language: str) -> bytes:
    """The ``.mo`` form of a catalog, compiled by Babel once per version of the ``.po`` and kept beside
    it (``messages-<hash>.mo``, ignored by git, like ``__pycache__``): importing Babel's catalog code
    costs more than a whole check of the sample."""
    source = path.read_bytes()
    cached = path.with_name(f"{DOMAIN}-{hashlib.sha256(source).hexdigest()[:16]}.mo")
    try:
        return cached.read_bytes()
    except OSError:
        pass
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    compiled = io.BytesIO()
    write_mo(compiled, read_po(io.BytesIO(source), locale=language), use_fuzzy=False)
    data = compiled.getvalue()
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(data)
        partial.replace(cached)  # atomic: parallel builds read a whole file or none
        for stale in path.parent.glob(f"{DOMAIN}-*.mo"):
            if stale != cached:
                stale.unlink(missing_ok=True)
    except OSError:  # a read-only install: compiled again next time
        partial.unlink(missing_ok=True)
    return data


def choose(site_language: str | None, environ: dict | None = None) -> str:
    """The messages' language: ``BRIEFING_LANGUAGE`` if set, else the site's, as a catalog name."""
    override = (environ if environ is not None else os.environ).get(ENV_VARIABLE, "").strip()
    return _base(override or site_language)


def use(site_language: str | None, environ: dict | None = None) -> str:
    """Make messages from now on be in the language :func:`choose` picks; return it."""
    global _active, _active_language
    _active_language = choose(site_language, environ)
    _active = translations(_active_language)
    return _active_language


def active_language() -> str:
    return _active_language


def _(message: str) -> str:
    """``message`` in the active language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _active.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; translate it with ``_`` where it is used."""
    return message
