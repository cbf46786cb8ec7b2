"""MkDocs adapter: a share of the pages read, converted and rendered by a second process.

MkDocs builds its pages one after the other, on one core: at 10,000 events that is two thirds of
the build, nearly all of it event pages, each independent of the others. Once the navigation is
made (``on_nav``, last), this hook forks (``briefing.speed.background``). The child runs MkDocs' own
steps (``_populate_page``, ``on_env`` on a fresh template environment, ``_build_page``: every
plugin's events, on the same objects) for its pages and writes them into the site folder; in the
parent, the collection of files hides those pages from MkDocs' two page loops (``PagesElsewhere``),
and MkDocs renders the rest. The two take those pages in turns (``briefing.speed.turns``): the event
pages, then the other pages outside the navigation whose titles no other page shows
(``_independent``); the child from the fork on, one page at a time, the parent once MkDocs has built
its own pages (``on_post_build``), so that both end together whatever the pages cost. Whether to fork
at all is weighed (``_share``, ``_weight``). Before the search plugin writes its index
(``on_post_build``, priority 100) the parent waits for the child and takes back what the rest of
the build reads of those pages: their search entries, put in page order as if rendered here; their
anchors, so that links between the two shares are validated as MkDocs validates the others; and
what was logged, logged again here so that ``--strict`` counts it. Templates that list the pages
(the sitemap) still get every page.

It only runs under ``mkdocs build`` (not ``--dirty``) of MkDocs 1.6.1, whose build loop it follows
(the last 1.x release, so it cannot drift), where forking is safe (one thread, POSIX), and when the
share is worth a process (``MIN_SHARE``); elsewhere MkDocs renders every page. ``BRIEFING_PARALLEL``:
``auto`` (default), ``off``, or ``on`` (whatever the number of pages: tests). A build is byte for
byte the same either way (``tests/test_parallel_pages.py``).
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from typing import NamedTuple

import mkdocs
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from briefing.render.markup import is_event_uri
from briefing.search.material import material_search_entries
from briefing.speed.background import BackgroundJob, JobFailed, can_fork
from briefing.speed.turns import Turns

log = get_plugin_logger("briefing")

MIN_SHARE = 200
"""Less work than this many event pages for the second process (about half a second) is not worth it."""
OTHER_PAGE_WEIGHT = (2.5, 5.1)
"""What a page other than an event page costs, in event pages, when its folder is not in ``PAGE_WEIGHTS``:
an entity page (CPU per page built by MkDocs with every hook, in one process), as (at ``SMALL_ARCHIVE``
events, at ``LARGE_ARCHIVE`` events): an entity page's timeline and lists grow with the archive."""
PAGE_WEIGHTS = {"lettres": (3.4, 3.0), "chronologie": (1.0, 2.0), "relations": (0.9, 1.5)}
"""Measured per folder: a letter (its contributors' Markdown), a chronology or relation page (lists;
a year page up to 50 events, a month page up to 40, fuller as the archive grows)."""
ARCHIVE_WEIGHT = (1.8, 2.7)
"""A page two folders deep in a registry folder (``pays/japon/archives-1.md``): up to 50 events listed."""
NAV_PAGE_WEIGHT = (12.0, 11.0)
"""A page of the navigation (the home page, the indexes), which the parent builds: 20 to 40 ms each."""
SMALL_ARCHIVE, LARGE_ARCHIVE = 2_000, 10_000
"""The weights are measured at 1,000 and 2,000 events (the small ones, up to ``SMALL_ARCHIVE``) and at
10,000 (the large ones, from ``LARGE_ARCHIVE`` on); in between, interpolated. (An earlier round
weighed every page outside the event pages 1.1 at 10,000 events and the navigation's nothing: the
parent then built about a third more than the child, 24 s of pages against 17 s on 2 December.)"""
PARENT_SHARE_PER_EVENT = 0.05
"""What the parent does alone after the pages (the search index, the exports' share), per event."""
CHILD_PAGE_COST = 1.07
"""A page costs the child this much more than the parent (it writes to memory the two processes shared,
which the system then copies): 2.50 against 2.34 ms an event page at 5,000 events, 2.59 against 2.39 at 10,000."""


class PagesElsewhere(Files):
    """The site's files, where MkDocs' page loops skip the pages another process builds."""

    def __init__(self, files: Files) -> None:
        super().__init__(files)
        self.elsewhere: frozenset[str] = frozenset()

    def documentation_pages(self, *, inclusion=InclusionLevel.is_included) -> list[File]:
        pages = super().documentation_pages(inclusion=inclusion)
        return [f for f in pages if f.src_uri not in self.elsewhere] if self.elsewhere else list(pages)

    def every_documentation_page(self) -> list[File]:
        return list(super().documentation_pages())


class Rendered(NamedTuple):
    """What the parent needs of the pages the child built (plain data: it is pickled back)."""

    records: list[logging.LogRecord]
    search_entries: dict[str, list]
    anchors: dict[str, tuple[list[str], dict[str, dict[str, str]] | None]]
    """Per page: the anchor ids it holds, and its links to anchors (target src_uri: {anchor: link})."""


@dataclass
class _Build:
    job: BackgroundJob
    files: PagesElsewhere
    nav: object = None
    turns: Turns[File] | None = None
    """The pages both processes take as they go: the event pages, then the other pages outside the
    navigation whose titles no other page shows."""
    others: int = 0
    """How many pages outside the navigation are not event pages."""
    env: object = None
    """The parent's template environment, for the event pages it takes once its own pages are built."""
    search_ends: list[tuple[str, int]] = field(default_factory=list)
    """In the parent, after each page it built: (src_uri, the number of search entries then)."""


_wanted = False
_build: _Build | None = None


def _mode() -> str:
    mode = os.environ.get("BRIEFING_PARALLEL", "auto").strip().lower() or "auto"
    if mode not in ("auto", "on", "off"):
        raise PluginError(f"BRIEFING_PARALLEL={mode!r}: expected one of auto, on, off")
    return mode


def on_startup(command, dirty):
    global _wanted
    _wanted = command in ("build", "gh-deploy") and not dirty  # BRIEFING_PARALLEL is read by on_config


def on_config(config):
    global _build, _wanted
    _build = None
    if _mode() == "off":  # a wrong value fails the build here, whether it would fork or not
        _wanted = False
    return config


def _engine_followed(config) -> bool:
    """MkDocs 1.6.1 itself (not a fork such as ProperDocs, whose build loop may differ)."""
    return mkdocs.__version__ == "1.6.1" and type(config).__module__.startswith("mkdocs.")


@event_priority(-1000)
def on_files(files, config):
    """Last: the collection every later step gets, able to hide pages from MkDocs' page loops."""
    return PagesElsewhere(files) if _wanted and _engine_followed(config) else files


def _weight(src_uri: str, events: int) -> float:
    """What building the page ``src_uri`` costs, in event pages, in an archive of ``events`` events."""
    if is_event_uri(src_uri):
        return 1.0
    folder, _, rest = src_uri.partition("/")
    return _blend(PAGE_WEIGHTS.get(folder) or (ARCHIVE_WEIGHT if "/" in rest else OTHER_PAGE_WEIGHT), events)


def _blend(weights: tuple[float, float], events: int) -> float:
    """The small weight up to ``SMALL_ARCHIVE`` events, the large one from ``LARGE_ARCHIVE`` on, linear between."""
    small, large = weights
    along = min(1.0, max(0.0, (events - SMALL_ARCHIVE) / (LARGE_ARCHIVE - SMALL_ARCHIVE)))
    return small + (large - small) * along


def _share(events: int, others: float) -> int:
    """How much work, in event pages, the child takes of ``events`` event pages and other pages
    weighing ``others`` so that both processes end together: the parent finishes the build alone."""
    parent_alone = others + PARENT_SHARE_PER_EVENT * events
    return max(0, min(round(events + others), round((events + parent_alone) / (1 + CHILD_PAGE_COST))))


def _independent(others: list[File], pages: list[File], listed: set[int]) -> list[File]:
    """The pages of ``others`` one process can build while the other builds the rest. MkDocs gives a
    page the titles of its neighbours (a letter's previous and next) and of its ancestors (an archive
    page's entity, a month page's year), and a process knows the titles of the pages it read only (and
    of the navigation's, from ``mkdocs.yml``): a page with neighbours, or below a page outside the
    navigation, or above another page, stays with the parent (they read ``None`` otherwise)."""
    above = set()
    for file in pages:
        ancestor = file.page.parent
        while ancestor is not None:
            above.add(id(ancestor))
            ancestor = ancestor.parent

    def independent(page) -> bool:
        if page.previous_page is not None or page.next_page is not None or id(page) in above:
            return False
        ancestor = page.parent
        while ancestor is not None:
            if ancestor.is_page and id(ancestor) not in listed:
                return False
            ancestor = ancestor.parent
        return True

    return [file for file in others if independent(file.page)]


@event_priority(-1000)
def on_nav(nav, config, files):
    """Last, once every page exists: fork the child that builds its share of the pages."""
    global _build
    if not isinstance(files, PagesElsewhere) or not can_fork():
        return nav
    listed = {id(page) for page in nav.pages}
    pages = [f for f in files.documentation_pages() if f.page is not None]
    outside = [f for f in pages if id(f.page) not in listed]
    events = [f for f in outside if is_event_uri(f.src_uri)]
    others = [f for f in outside if not is_event_uri(f.src_uri)]
    weight = sum(_weight(f.src_uri, len(events)) for f in others) \
        + _blend(NAV_PAGE_WEIGHT, len(events)) * (len(pages) - len(outside))
    work, forced = _share(len(events), weight), _mode() == "on"
    if forced:
        work = max(work, min(1, len(events)))
    if work == 0 or (work < MIN_SHARE and not forced):
        return nav
    shared = events + _independent(others, pages, listed)  # taken in turns, the event pages first
    turns = Turns(shared)
    job = BackgroundJob(f"building up to {len(shared)} pages",
                        lambda: _build_elsewhere(files, nav, config, turns), collect_garbage=True)
    files.elsewhere = frozenset(f.src_uri for f in shared)  # in this process only: the child sees them all
    _build = _Build(job, files, nav, turns, others=len(others))
    return nav


class _KeptRecords(logging.Handler):
    """The child's log records, made picklable, for the parent to log."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


def _build_elsewhere(files: Files, nav, config, turns: Turns[File]) -> Rendered:
    """In the child: what ``mkdocs.commands.build.build`` does for a page, for each page it takes of
    ``turns``, one at a time (none of them shows another page's title: ``_independent``)."""
    kept = _KeptRecords()
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(kept)
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    doc_files = files.documentation_pages()
    entries = material_search_entries(config)
    search: dict[str, list] = {}
    chosen = []
    while (file := turns.take()) is not None:
        mkdocs_build._populate_page(file.page, config, files)
        before = len(entries) if entries is not None else 0
        mkdocs_build._build_page(file.page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
        if entries is not None:
            search[file.src_uri] = entries[before:]
            del entries[before:]
        chosen.append(file)
    anchors = {}
    for file in chosen:
        page = file.page
        links = page.links_to_anchors
        anchors[file.src_uri] = (
            sorted(page.present_anchor_ids or ()),
            None if links is None else {target.src_uri: dict(by_anchor) for target, by_anchor in links.items()},
        )
    return tuple(Rendered(kept.records, search, anchors))  # a tuple: the hook's classes can't be unpickled


def on_post_page(output, page, config):
    """In the parent: where each page's search entries end, to put the child's pages' among them."""
    if _build is not None:
        entries = material_search_entries(config)
        _build.search_ends.append((page.file.src_uri, len(entries) if entries is not None else 0))
    return output


@event_priority(-1000)
def on_env(env, config, files):
    """Last: the environment the parent builds its pages with, for the event pages it takes later."""
    if _build is not None:
        _build.env = env
    return env


def _take_turns(config, build: _Build) -> None:
    """In the parent, once MkDocs has built its pages: the pages left of the turns, one at a time, as the child."""
    doc_files = build.files.every_documentation_page()
    events = others = 0
    while (file := build.turns.take()) is not None:
        mkdocs_build._populate_page(file.page, config, build.files)
        mkdocs_build._build_page(file.page, config, doc_files, build.nav, build.env,
                                 excluded=file.inclusion.is_excluded())
        if is_event_uri(file.src_uri):
            events += 1
        else:
            others += 1
    all_events = sum(1 for uri in build.files.elsewhere if is_event_uri(uri))
    theirs = len(build.turns) - all_events - others
    log.info(f"{all_events - events} of {all_events} event pages built by a second process, with {theirs} of the "
             f"{build.others} other pages outside the navigation (the two took them in turns)")


@event_priority(100)
def on_post_build(config):
    """Before the search plugin writes its index (priority 0): the child's pages, taken back."""
    global _build
    build = _build
    if build is None:
        return
    _take_turns(config, build)
    _build = None
    waiting = time.monotonic()
    try:
        rendered = Rendered(*build.job.wait())
    except JobFailed as error:
        raise PluginError(str(error)) from error
    log.debug(f"the second process's pages taken back after waiting {time.monotonic() - waiting:.2f} s for them")
    for record in rendered.records:
        logging.getLogger(record.name).handle(record)
    _merge_search_entries(config, build, rendered.search_entries)
    _validate_anchors(config, build.files, rendered.anchors)


def _merge_search_entries(config, build: _Build, theirs: dict[str, list]) -> None:
    entries = material_search_entries(config)
    if entries is None:
        return
    ours, start = {}, 0
    for src_uri, end in build.search_ends:
        ours[src_uri], start = entries[start:end], end
    merged = []
    for file in build.files.every_documentation_page():
        merged += ours.get(file.src_uri) or theirs.get(file.src_uri) or []
    entries[:] = merged + entries[start:]


def _validate_anchors(config, files: PagesElsewhere, anchors: dict) -> None:
    """MkDocs validated the links of the parent's pages to the parent's pages; the child's pages
    were not rendered here. Give them their anchors, then validate every link that reaches them
    or leaves them, with MkDocs' own method and messages."""
    by_uri = files.src_uris  # the keys are the child's src_uri, as is: no path normalising needed
    for src_uri, (present, links) in anchors.items():
        page = by_uri[src_uri].page
        page.present_anchor_ids = set(present)
        page.links_to_anchors = None if links is None else {
            by_uri[target]: by_anchor for target, by_anchor in links.items()}
    level = config.validation.links.anchors
    for file in files.every_documentation_page():
        page = file.page
        if page is None or not page.links_to_anchors:
            continue
        if file.src_uri in files.elsewhere:
            page.validate_anchor_links(files=files, log_level=level)
            continue
        links = page.links_to_anchors
        page.links_to_anchors = {t: a for t, a in links.items() if t.src_uri in files.elsewhere}
        try:
            page.validate_anchor_links(files=files, log_level=level)
        finally:
            page.links_to_anchors = links


def on_template_context(context, template_name, config):
    """Templates that list the pages (the sitemap) list every page, wherever it was built."""
    if _build is not None and "pages" in context:
        context["pages"] = _build.files.every_documentation_page()
    return context


def on_build_error(error):
    global _build
    if _build is not None:
        _build.job.cancel()
        _build = None
