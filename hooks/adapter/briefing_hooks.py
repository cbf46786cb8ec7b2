"""MkDocs adapter: wires the engine-independent ``briefing`` pipeline into MkDocs events.

Only this folder (and ``hooks/speedups``) imports MkDocs; ``briefing_files``, ``briefing_page`` and
``briefing_site`` are plain modules this hook calls. Everything is imported at module level: MkDocs
puts this folder on ``sys.path`` only while the hook module itself is executed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
from html import escape as html_escape
from pathlib import Path

from briefing_files import EditPaths, publish, show_problems, under
from briefing_page import add_to_toc, head_html, typeset_titles
from briefing_site import apply_identity, footer_links, link_letters, place_pages
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.utils import clean_directory

from briefing import i18n
from briefing.diagnostics import Severity
from briefing.edition.editions import Edition
from briefing.exports.build import export_paths, write_exports
from briefing.exports.links import SiteLinks
from briefing.exports.offline import drop_server_only_files, is_offline_build, write_readme, write_zip
from briefing.french import typography
from briefing.load import schema
from briefing.load.preview import STARTED, Preview, PreviewError, select, unnamed_entities
from briefing.pipeline import Build, run
from briefing.project import read_config
from briefing.render import problems, sanitize
from briefing.render.fragments import resolve_links
from briefing.render.letter_facts import writes_plain
from briefing.render.metadata import PageHeads
from briefing.render.wayfinding import parent_finder
from briefing.search import material, page_entries
from briefing.search.material import material_search_entries
from briefing.settings import Settings
from briefing.speed import gc_pause
from briefing.speed.background import BackgroundJob, Gate, JobFailed, can_fork

log = get_plugin_logger("briefing")
EDITION_LABELS = {Edition.PUBLIC: "publique (extrait)", Edition.FULL: "abonnés (complète)"}
_state: dict[str, object] = {}
"""The current build, its preview selection, page URLs and page metadata; reset on every
``on_config`` because ``mkdocs serve`` reuses this module."""
_serving = {"on": False}
"""Whether this process runs ``mkdocs serve``: only then do pages show the build's problems."""


_LOG_LEVEL = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING, Severity.NOTICE: logging.INFO}


def _report(build: Build) -> None:
    """Errors as ``ERROR``, warnings as ``WARNING`` (``--strict`` counts both), notices as ``INFO``."""
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in build.diagnostics:
        log.log(_LOG_LEVEL[diagnostic.severity], diagnostic.format())
        if annotate:
            print(diagnostic.github_annotation(), flush=True)


_dirty = {"build": False}
"""Whether MkDocs was asked for a ``--dirty`` build (told once per process, by ``on_startup``)."""


def on_startup(command: str, dirty: bool) -> None:
    _dirty["build"] = dirty
    _serving["on"] = command == "serve"


def on_pre_build(config) -> None:
    """A ``--dirty`` build keeps what the site folder holds and rewrites only what changed: the pages of
    another edition, or of a note made confidential since, would stay. Nothing there can be vouched
    for, so the folder is emptied first (MkDocs then builds every page, as without ``--dirty``)."""
    if _dirty["build"]:
        log.info(i18n._("--dirty: the site folder is emptied first, so that no page of another edition or of a "
                        "withheld note stays in it"))
        clean_directory(config.site_dir)


def _refuse_unsafe_theme_features(config) -> None:
    """Fail closed on a theme feature that would turn contributors' text into HTML in the browser."""
    for feature in (config.theme.get("features") or []):
        if feature in sanitize.UNSAFE_THEME_FEATURES:
            raise PluginError(i18n._("theme.features: {feature}: {reason}").format(
                feature=feature, reason=i18n._(sanitize.UNSAFE_THEME_FEATURES[feature])))


_online = {"directory_urls": True}
"""How the published site serves pages (``use_directory_urls`` as configured), noted before the offline
plugin turns directory URLs off for the export's ``x.html`` files."""


@event_priority(100)
def _note_online_urls(config) -> None:
    """Before ``material/offline`` (priority 0): the exports name pages as the published site serves them."""
    _online["directory_urls"] = bool(config.use_directory_urls)


def _configure(config):
    _refuse_unsafe_theme_features(config)
    root = Path(config.config_file_path).resolve().parent
    i18n.use(config.theme.get("language"))
    try:
        read_config(Path(config.config_file_path))  # what MkDocs would not say: a key written twice
        edition = Edition.parse(os.environ.get("BRIEFING_EDITION"))
        settings = Settings.from_mapping(
            dict(config.extra.get("briefing") or {}), root=root, docs_dir=Path(config.docs_dir), edition=edition,
            site_config=config,
        )
    except ValueError as error:
        raise PluginError(str(error)) from error
    settings = dataclasses.replace(settings, offline=is_offline_build(config),
                                   plain_markdown=writes_plain(config.markdown_extensions, config.mdx_configs))
    if not settings.events_dir.is_dir():
        raise PluginError(i18n._("events folder not found: {folder}; create it or set extra.briefing.events_dir"
                                 ).format(folder=settings.events_dir))
    _state.clear()
    try:
        preview = Preview.from_env(os.environ.get("BRIEFING_PREVIEW"), STARTED)
    except PreviewError as error:
        raise PluginError(str(error)) from error
    selection = select(preview, settings.events_dir, settings.docs_dir / "lettres") if preview else None
    build = run(settings, selection, check_later=can_fork() and not _serving["on"])
    _state["build"] = build
    material.current["build"] = build
    if selection is not None:
        _state["preview"] = selection
        log.info(selection.summary())
        config.validation.links.not_found = logging.DEBUG  # links to pages left out of the preview
    config.extra["edition"] = edition.value
    if is_offline_build(config):
        config.repo_url = None  # the repository widget would call api.github.com from the reader's browser
    _prepare_reader_tools(build, config)
    apply_identity(config, settings)
    if build.checked:
        _report(build)
    else:  # the checks and the exports on the other core from now on; reported at on_nav
        _start_exports(build, config, gate=Gate())
    return config


on_config = CombinedEvent(_note_online_urls, _configure)


def _prepare_reader_tools(build: Build, config) -> None:
    """Page URLs as this build writes them (the offline plugin has already turned directory URLs off) and
    as the published site serves them (what the exports' absolute URLs and identifiers name)."""
    links = SiteLinks(config.site_url or "", bool(config.use_directory_urls), _online["directory_urls"])
    _state["links"] = links
    _state["heads"] = PageHeads(build.corpus, build.settings, build.renderer.readers, links)


def _start_exports(build: Build, config, gate: Gate | None = None) -> None:
    """Feeds, calendars and JSON, written straight into the site folder by a second process while
    MkDocs goes on, and ``on_env`` waits for it before MkDocs copies static files. They are in the
    offline export before anything packs it.

    Where a process can be forked (``mkdocs build``), it starts at the end of ``on_config`` with the
    cross-document checks first (``Build.checks``: they only report, so their findings are taken back
    at ``on_nav`` and reported with the others), and writes only once MkDocs has emptied the site folder
    (``on_files`` opens the ``gate``). Otherwise the exports are written in the process, at ``on_files``."""
    site_dir, links, epoch = Path(config.site_dir), _state["links"], os.environ.get("SOURCE_DATE_EPOCH")

    def when_emptied() -> None:
        if gate is not None and not gate.wait():
            raise JobFailed("the build stopped before the site folder was emptied")

    _state["exports"] = BackgroundJob(
        "checks, feeds, calendars and JSON" if gate else "feeds, calendars and JSON",
        lambda: write_exports(build.corpus, build.settings, links, site_dir, epoch, before_writing=when_emptied),
        first=build.checks if gate else None)
    if gate is not None:
        _state["exports_gate"] = gate


def _report_checked(build: Build) -> None:
    """The diagnostics, once the checks' findings are among them (``_start_exports``)."""
    if build.checked:
        return
    try:
        found = _state["exports"].first_result()
    except JobFailed as error:
        raise PluginError(str(error)) from error
    build.add_checks(found)
    _report(build)


def _add_exports(build: Build, files: Files, config) -> None:
    """The exports' paths, known at once (pages link to them); a generated file whose source is its
    own destination is left in place when MkDocs copies static files."""
    site_dir = Path(config.site_dir)
    for uri in export_paths(build.corpus, offline=build.settings.offline):
        publish(files, config, uri, abs_src_path=str(site_dir / uri))


def on_files(files: Files, config) -> Files:
    build = _state["build"]
    gate = _state.pop("exports_gate", None)
    if gate is not None:
        gate.open()  # MkDocs has emptied the site folder: the exports' process may write
    else:
        _start_exports(build, config)  # first: the other core writes them while the pages are generated
    docs_dir = Path(config.docs_dir).resolve()
    for file in list(files):  # the allowlist: what the build does not know never reaches the site
        if file.generated_by is None and under(file.abs_src_path, config.docs_dir) \
                and not build.published.allows(file.src_uri):
            files.remove(file)
    preview = _state.get("preview")
    left_out_paths = [*preview.dropped_letters, *(e.path for e in unnamed_entities(build.corpus))] if preview else []
    for path in left_out_paths:
        left_out = files.get_file_from_path(path.resolve().relative_to(docs_dir).as_posix())
        if left_out is not None:
            files.remove(left_out)
    edit_path = EditPaths(docs_dir)
    pages = build.renderer.generated_pages()
    for page in pages:
        generated = publish(files, config, page.src_uri, page.markdown)
        if page.source is not None:
            generated.edit_uri = edit_path(page.source)
    for uri, text in schema.published_files().items():
        publish(files, config, uri, text)
    _add_exports(build, files, config)
    if _serving["on"]:
        _state["notices"] = show_problems(build, files, config, edit_path, pages)
    gc_pause.freeze_until_build_end()
    return files


def on_nav(nav, config, files):
    """Pages outside the navigation placed under the page they belong to; letters linked in order."""
    build = _state["build"]
    _report_checked(build)
    place_pages(nav, files, parent_finder(build.corpus, {f.src_uri for f in files.documentation_pages()}))
    link_letters(build.corpus, files)
    return nav


@event_priority(-100)
def on_env(env, config, files):
    """MkDocs copies static files next: the exports must be written by then."""
    env.globals["briefing_footer"] = footer_links(files, _state["build"].settings)
    env.globals["briefing_export"] = is_offline_build(config)
    env.globals["briefing_online_address"] = lambda page: _state["links"].page_url(page.file.src_uri)
    exports = _state.pop("exports", None)
    if exports is not None:
        try:
            exports.wait()
        except JobFailed as error:
            raise PluginError(str(error)) from error
    return env


def on_page_markdown(markdown: str, page, config, files) -> str:
    raw_title = page.meta.get("title")
    if raw_title is not None:
        page.meta["title"] = sanitize.plain_title(raw_title)
    if _state["build"].renderer.writes_search_entry(page.file.src_uri) and material_search_entries(config) is not None:
        page.meta["search"] = {"exclude": True}  # Material's parser skips it; on_page_context adds its entry
        page.meta["briefing_search_title"] = html_escape(str(raw_title), quote=False)
    if not _state["build"].settings.offline:  # feeds, Open Graph, JSON-LD: nothing a reader of the export uses
        page.meta["briefing_head"] = _state["heads"].for_page(page.file.src_uri)
    return _state["build"].renderer.page_markdown(page.file.src_uri, markdown)


def _resolver(page):
    """Generated links of a part of the page's body made relative to the page."""
    urls, memo, source = _state["urls"], _state["resolved"], page.file.src_uri
    quiet = "preview" in _state  # a preview leaves pages out on purpose

    def missing(target: str) -> None:
        (log.debug if quiet else log.warning)(
            i18n._("docs/{page}: generated link to '{target}', which is not in the site").format(
                page=source, target=target))

    return lambda part: resolve_links(part, page.url, urls, missing, memo)


def on_page_content(html: str, page, config, files) -> str:
    """Generated fragments meant for search go in, and the body is sanitized (contributors' raw HTML)
    before the page, its search entry or anything else reads it."""
    if "urls" not in _state:
        _state["urls"] = {file.src_uri: file.url for file in files}
        _state["resolved"] = {}  # links resolved, by page depth (resolve_links)
    resolve = _resolver(page)
    renderer = _state["build"].renderer
    add_to_toc(page, renderer.page_headings(page.file.src_uri))
    return renderer.page_html(page.file.src_uri, html, lambda part: sanitize.clean(resolve(part)))


@event_priority(10)
def _add_search_entry(context, page, config, nav):
    """Before ``material/search`` (priority 0), which drops the ``data-search-*`` marks: the page's
    search entry where the build writes it (``search.page_entries``)."""
    title = page.meta.get("briefing_search_title")
    if title is not None:
        material_search_entries(config).append(page_entries.entry(page.url, title, page.content))
    return context


@event_priority(-100)
def _complete_page(context, page, config, nav):
    """After ``material/search`` has indexed the page (priority 0): the fragments kept out of search."""
    page.content = _state["build"].renderer.complete_page_html(page.file.src_uri, page.content, _resolver(page),
                                                               typography.html, sanitize.clean)
    typeset_titles(page)
    page.meta["briefing_head_html"] = head_html(page, config.site_name)
    found = _state.get("notices", {}).get(page.file.src_uri)
    if found:
        page.content = problems.notice_html(found) + page.content
    return context



on_page_context = CombinedEvent(_add_search_entry, _complete_page)


@event_priority(-200)
def on_post_build(config) -> None:
    """Last of all: the offline export is complete only after ``material/offline`` ran."""
    if is_offline_build(config):
        from briefing.exports.shell import lighten_export  # the export's alone (3 ms of imports)

        drop_server_only_files(Path(config.site_dir))
        lighten_export(Path(config.site_dir))
        settings = _state["build"].settings
        write_readme(Path(config.site_dir), settings.publication, EDITION_LABELS[settings.edition],
                     site_url=config.site_url or "")
        archive = write_zip(Path(config.site_dir))
        log.info(i18n._("offline export packed as {path}").format(path=archive))
    log.info(_state["build"].summary())
    gc_pause.thaw()


def on_build_error(error) -> None:
    gate, exports, build = _state.pop("exports_gate", None), _state.get("exports"), _state.get("build")
    if gate is not None:
        gate.close()
    if isinstance(build, Build) and not build.checked:  # what the build found is reported all the same
        with contextlib.suppress(JobFailed):
            build.add_checks((exports.first_result() if exports is not None else build.checks()) or [])
        build.checked = True
        _report(build)
    _state.pop("exports", None)
    if exports is not None:
        exports.cancel()
    gc_pause.thaw()

