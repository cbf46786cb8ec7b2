"""MkDocs adapter: the files the build adds to MkDocs' ``Files``, called by ``briefing_hooks``.

- A generated page or data file replaces, with a warning, a contributor's file at the same path.
- Edit links of generated pages point at the note or letter they come from.
- While serving, a rejected file gets a page at its address that lists its problems.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from briefing import i18n
from briefing.pipeline import Build
from briefing.render import markup, problems

log = get_plugin_logger("briefing")


def publish(files: Files, config, uri: str, content: str | bytes | None = None, *,
            abs_src_path: str | None = None) -> File:
    """Add a generated file; one a contributor wrote at the same path is reported and replaced
    (MkDocs would replace it silently)."""
    existing = files.src_uris.get(uri)  # generated paths are POSIX already
    if existing is not None:
        log.warning(i18n._("docs/{uri}: this file is generated; rename or remove yours (the generated one is published)"
                           ).format(uri=uri))
        files.remove(existing)
    if abs_src_path is None:
        generated = File.generated(config, uri, content=content)
    else:
        generated = File.generated(config, uri, abs_src_path=abs_src_path)
    files.append(generated)
    return generated


class EditPaths:
    """A source file's path relative to ``docs_dir`` as MkDocs' edit links want it (symbolic links
    resolved), for many files of few folders: each folder is resolved once."""

    def __init__(self, docs_dir: Path) -> None:
        self._docs_dir = docs_dir
        self._folders: dict[Path, str] = {}

    def __call__(self, path: Path) -> str:
        if path.is_symlink():
            return self._relative(path)
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = self._relative(path.parent)
        return f"{folder}/{path.name}" if folder != "." else path.name

    def _relative(self, path: Path) -> str:
        return os.path.relpath(path.resolve(), self._docs_dir).replace(os.sep, "/")


def under(path: str | None, folder: str) -> bool:
    """Whether ``path`` is in ``folder``, by its name: a file reached through a symbolic link is in
    the folder that holds the link."""
    return path is not None and os.path.normpath(path).startswith(os.path.join(os.path.normpath(folder), ""))


def show_problems(build: Build, files: Files, config, edit_path: EditPaths, pages: list) -> dict[str, list]:
    """Serve only: which page shows which problems (by ``src_uri``), and a page at the address of
    each rejected file."""
    by_source = problems.by_source(build.diagnostics)
    relative = build.loaded.diagnostics.relative
    notices: dict[str, list] = {}
    for file in files:
        if file.abs_src_path and not file.generated_by:
            found = by_source.get(relative(Path(file.abs_src_path)))
            if found:
                notices[file.src_uri] = found
    for page in pages:
        if page.source is not None and relative(page.source) in by_source:
            notices[page.src_uri] = by_source[relative(page.source)]
    docs_dir, event_files = Path(config.docs_dir).resolve(), set(build.loaded.accounting.event_files)
    for path in build.loaded.accounting.rejected:
        is_event = path in event_files
        if is_event:
            uri = markup.event_uri(path.stem)
        elif path.resolve().is_relative_to(docs_dir):
            uri = path.resolve().relative_to(docs_dir).as_posix()
        else:
            continue
        if uri not in files.src_uris:
            publish(files, config, uri, problems.rejected_page(relative(path), is_event)).edit_uri = edit_path(path)
            notices[uri] = by_source.get(relative(path), [])
    return notices

