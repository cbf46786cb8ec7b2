"""The offline export packed as one zip file, next to the site folder, the same bytes for the same site.

Entries are sorted (the reader's note ``LISEZ-MOI.txt`` first), carry one fixed timestamp
(``SOURCE_DATE_EPOCH`` when set, else a constant) and fixed permissions, and sit under the folder's
own name so that unzipping gives back the folder.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import time
import zipfile
from pathlib import Path

from briefing.load.dates import format_partial
from briefing.structure import PartialDate

README_NAME = "LISEZ-MOI.txt"
_SOURCE_MAP_COMMENT = re.compile(rb"//# sourceMappingURL=[^\s\"'\\]+|/\*# sourceMappingURL=[^*]*\*/")
"""The comment naming a source map, also where the search worker's code is pasted into a string."""

SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz")
"""Files only a web server's visitors use: the 404 page, whose links are absolute to the server root
(from ``file://`` they would point outside the export, ``file:///assets/…``), and the sitemap, for
search engines (Material reads it only for features this site leaves off: instant navigation,
versions, languages)."""

LUNR_LANGUAGES = "assets/javascripts/lunr"
"""The lunr language scripts Material's search worker imports; the export's worker has those of the
site's language pasted in (``briefing.search.prebuilt.wrap_worker``) and imports none."""
WRAPPED_WORKER_MARK = b"briefing: prebuilt search index"

DEFAULT_EPOCH = 315532800
"""1980-01-01T00:00:00Z, the earliest time a zip entry can hold."""


def is_offline_build(config) -> bool:
    """Whether Material's offline plugin builds this MkDocs ``config`` (``OFFLINE=true``)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin is not None and plugin.config.enabled)


def zip_path_for(site_dir: Path) -> Path:
    """``site/`` -> ``site.zip``; ``export/`` -> ``export.zip`` (next to the folder, never inside)."""
    site_dir = Path(site_dir).resolve()
    return site_dir.parent / f"{site_dir.name}.zip"


def entry_time(environ: dict | None = None) -> tuple[int, int, int, int, int, int]:
    """The timestamp of every entry, from ``SOURCE_DATE_EPOCH`` (UTC) if it is a valid number."""
    value = (environ if environ is not None else os.environ).get("SOURCE_DATE_EPOCH", "")
    try:
        epoch = max(int(value), DEFAULT_EPOCH)
    except ValueError:
        epoch = DEFAULT_EPOCH
    return time.gmtime(epoch)[:6]


def drop_server_only_files(site_dir: Path) -> list[Path]:
    """Remove from an export what only makes sense on a web server, the theme's source maps (a
    quarter of a small export, for developers' tools only; the comments naming them go too) and the
    lunr language scripts no worker of the export imports; return what was removed."""
    site_dir = Path(site_dir)
    removed = [site_dir / name for name in SERVER_ONLY if (site_dir / name).is_file()]
    maps = sorted(site_dir.rglob("*.map"))
    for path in [*removed, *maps]:
        path.unlink()
    lunr = site_dir / LUNR_LANGUAGES
    workers = list(site_dir.glob("assets/javascripts/workers/search.*.js"))
    if lunr.is_dir() and workers and all(WRAPPED_WORKER_MARK in w.read_bytes() for w in workers):
        removed += sorted(p for p in lunr.rglob("*") if p.is_file())
        shutil.rmtree(lunr)
    for script in [*site_dir.glob("assets/**/*.js"), *site_dir.glob("assets/**/*.css"),
                   *site_dir.glob("search/*.js")]:
        data = script.read_bytes()
        if b"sourceMappingURL" in data:
            script.write_bytes(_SOURCE_MAP_COMMENT.sub(b"", data))
    return [*removed, *maps]


def build_date(environ: dict | None = None) -> datetime.date:
    """The export's date: ``SOURCE_DATE_EPOCH`` (UTC) when set, else today."""
    value = (environ if environ is not None else os.environ).get("SOURCE_DATE_EPOCH", "")
    try:
        return datetime.datetime.fromtimestamp(int(value), datetime.UTC).date()
    except (ValueError, OverflowError, OSError):
        return datetime.datetime.now(datetime.UTC).date()


def write_readme(site_dir: Path, publication: str, edition_label: str, *, site_url: str = "",
                 environ: dict | None = None) -> Path:
    """The reader's note at the top of the export: which file to open, which edition, when it was built,
    and where the links of its data lead (the site online when it has an address, else this folder)."""
    site_dir = Path(site_dir)
    built = build_date(environ)
    links = (f"Leurs liens mènent aux pages du site en ligne, à l’adresse {site_url} ;\n"
             f"sans connexion, retrouvez ces pages dans ce dossier.\n" if site_url else
             "Leurs liens mènent aux pages de ce dossier.\n")
    text = (
        f"{publication} – export hors ligne\n"
        f"\n"
        f"Édition : {edition_label}\n"
        f"Construit le {format_partial(PartialDate(built.year, built.month, built.day))}\n"
        f"\n"
        f"Pour lire : décompressez l’archive, puis ouvrez le fichier index.html de ce dossier\n"
        f"dans un navigateur (double-clic). Aucune connexion n’est nécessaire : la navigation,\n"
        f"la recherche et le glossaire fonctionnent depuis le disque ou une clé USB.\n"
        f"\n"
        f"Aussi dans le dossier : flux/evenements.ics (toute la chronologie, pour un agenda)\n"
        f"et donnees/ (les événements et les lettres en JSON).\n"
        f"{links}"
    )
    path = site_dir / README_NAME
    path.write_text(text, encoding="utf-8", newline="\r\n")  # readable by any editor, Windows' included
    return path


def write_zip(site_dir: Path, target: Path | None = None, *, environ: dict | None = None) -> Path:
    """Pack ``site_dir`` into ``target`` (default: :func:`zip_path_for`); replace it atomically."""
    site_dir = Path(site_dir).resolve()
    target = Path(target) if target else zip_path_for(site_dir)
    stamp = entry_time(environ)
    files = sorted((p for p in site_dir.rglob("*") if p.is_file()),
                   key=lambda p: (p.name != README_NAME or p.parent != site_dir, p.relative_to(site_dir).as_posix()))
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{site_dir.name}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(target)
    return target
