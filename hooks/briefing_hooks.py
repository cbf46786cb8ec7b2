"""MkDocs adapter: wires the engine-independent ``briefing`` pipeline into MkDocs events.

Only this file imports MkDocs. Everything is imported at module level: MkDocs puts this
folder on ``sys.path`` only while the hook module itself is executed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from briefing.diagnostics import Severity
from briefing.editions import Edition
from briefing.pipeline import Build, run
from briefing.preview import STARTED, Preview, PreviewError, select, unnamed_entities
from briefing.settings import Settings

log = get_plugin_logger("briefing")
_state: dict[str, Build] = {}
"""The current build; reset on every ``on_config`` because ``mkdocs serve`` reuses this module."""


def _report(build: Build) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in build.diagnostics:
        if diagnostic.severity is Severity.NOTICE:
            log.info(diagnostic.format())
        else:
            log.warning(diagnostic.format())
        if annotate:
            print(diagnostic.github_annotation(), flush=True)


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    try:
        edition = Edition.parse(os.environ.get("BRIEFING_EDITION"))
        settings = Settings.from_mapping(
            dict(config.extra.get("briefing") or {}), root=root, docs_dir=Path(config.docs_dir), edition=edition
        )
    except ValueError as error:
        raise PluginError(str(error)) from error
    if not settings.events_dir.is_dir():
        raise PluginError(f"events folder not found: {settings.events_dir}; create it or set extra.briefing.events_dir")
    _state.clear()
    try:
        preview = Preview.from_env(os.environ.get("BRIEFING_PREVIEW"), STARTED)
    except PreviewError as error:
        raise PluginError(str(error)) from error
    selection = select(preview, settings.events_dir, settings.docs_dir / "lettres") if preview else None
    build = run(settings, selection)
    _state["build"] = build
    if selection is not None:
        _state["preview"] = selection
        log.info(selection.summary())
        config.validation.links.not_found = logging.DEBUG  # links to pages left out of the preview
    config.extra["edition"] = edition.value
    _report(build)
    return config


def on_files(files: Files, config) -> Files:
    build = _state["build"]
    docs_dir = Path(config.docs_dir).resolve()
    for path in build.loaded.accounting.rejected:
        if path.resolve().is_relative_to(docs_dir):
            rejected = files.get_file_from_path(path.resolve().relative_to(docs_dir).as_posix())
            if rejected is not None:
                files.remove(rejected)
    preview = _state.get("preview")
    left_out_paths = [*preview.dropped_letters, *(e.path for e in unnamed_entities(build.corpus))] if preview else []
    for path in left_out_paths:
        left_out = files.get_file_from_path(path.resolve().relative_to(docs_dir).as_posix())
        if left_out is not None:
            files.remove(left_out)
    for page in build.renderer.generated_pages():
        if files.get_file_from_path(page.src_uri) is not None:
            log.warning(
                f"docs/{page.src_uri}: this page is generated; rename or remove the file "
                "(the generated page is published instead)"
            )
            files.remove(files.get_file_from_path(page.src_uri))
        generated = File.generated(config, page.src_uri, content=page.markdown)
        if page.source is not None:
            generated.edit_uri = os.path.relpath(page.source.resolve(), docs_dir).replace(os.sep, "/")
        files.append(generated)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    return _state["build"].renderer.page_markdown(page.file.src_uri, markdown)


def on_post_build(config) -> None:
    log.info(_state["build"].summary())
