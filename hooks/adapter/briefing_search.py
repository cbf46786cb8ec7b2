"""MkDocs adapter for search: one pass over ``search/search_index.json`` (``briefing.search.material_index``,
``briefing.search.prebuilt``).

Runs after Material's search plugin has written the index (priority 0) and before Material's
offline plugin copies it into ``search_index.js`` (priority -100). Every build merges, drops and
folds the documents; unless ``BRIEFING_SEARCH_PREBUILT=false`` or a preview, the index is then
prebuilt, and every page starts the search worker from its head and fetches the index for it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from briefing.exports.offline import is_offline_build
from briefing.i18n import _
from briefing.search import material, material_index, prebuilt
from briefing.search.ranking import SearchNames
from briefing.search.tokens import Unsupported, check_config

log = get_plugin_logger("briefing")


def _prebuilt_wanted() -> bool:
    if os.environ.get("BRIEFING_SEARCH_PREBUILT", "true").lower() in ("0", "false", "no"):
        return False
    return not os.environ.get("BRIEFING_PREVIEW")  # a preview is small: the worker indexes it quickly


def on_config(config):
    """The served site loads no iframe-worker shim (``extra.polyfills``): a browser that serves pages
    has real workers, and a script in the head, after the stylesheets, holds the page's parsing
    until they have loaded. The offline export keeps it (``file://`` forbids workers from files)."""
    polyfills = config.extra.get("polyfills")
    if isinstance(polyfills, list) and not is_offline_build(config):
        config.extra["polyfills"] = [p for p in polyfills if "iframe-worker" not in str(p)]
    return config


def on_env(env, config, files):
    """What the page template needs when the index is prebuilt: ``briefing_search_worker``, the
    search worker's script, which each page of the served site starts from its head, and
    ``briefing_search_index``, the index the page fetches for it at once, so that the index is on
    its way before the worker's script and the theme's run; ``briefing_offline_search``, the script
    each page of the offline export loads before the iframe shim (``prebuilt.offline_loader``)."""
    worker = offline = None
    search = config.plugins.get("material/search")
    if _prebuilt_wanted() and search is not None and search.config.enabled:
        try:
            check_config(search.config)
            worker = _worker_script(config)
        except Unsupported:
            pass
    if worker and is_offline_build(config):
        worker, offline = None, prebuilt.OFFLINE_LOADER_PATH
    env.globals["briefing_search_worker"] = worker
    env.globals["briefing_search_index"] = f"search/{prebuilt.INDEX_NAME}.json" if worker else None
    env.globals["briefing_offline_search"] = offline
    return env


def _worker_script(config) -> str | None:
    """``assets/javascripts/workers/search.<hash>.min.js``, as the theme ships it."""
    for folder in config.theme.dirs:
        found = sorted(Path(folder).glob("assets/javascripts/workers/search.*.min.js"))
        if found:
            return found[0].relative_to(folder).as_posix()
    return None


def _write(path: Path, text: str) -> None:
    path.write_text(text, "utf-8")


def _write_documents(path: Path, data: dict) -> None:
    """The index for Material's worker to build in the browser, accents folded."""
    material_index.add_folded_field(data["config"], data["docs"])
    _write(path, prebuilt.to_json(data))


@event_priority(-50)
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    data = material_index.prepare(json.loads(index_path.read_text("utf-8")))
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not _prebuilt_wanted() or len(workers) != 1:
        _write_documents(index_path, data)
        return
    wrapped = _prebuild(config, site, index_path, data, workers[0])
    if is_offline_build(config):  # the pages load it (on_env); without the wrapped worker, the shim runs Material's
        worker_path = workers[0].relative_to(site).as_posix()
        _write(site / prebuilt.OFFLINE_LOADER_PATH, prebuilt.offline_loader(worker_path, wrapped))


def _names() -> SearchNames | None:
    """The registry's names, which put an entity page first when the query is its name."""
    build = material.current.get("build")
    corpus = getattr(build, "corpus", None)
    return SearchNames.of(corpus.registry) if corpus is not None else None


def _prebuild(config, site: Path, index_path: Path, data: dict, worker_path: Path) -> str | None:
    """Write the prebuilt index and wrap the worker; its code, or None when the configuration is
    not mirrored (the worker then builds the index, as Material's does)."""
    worker = worker_path.read_text("utf-8")
    try:
        page, index = prebuilt.prebuild(data, site / "assets" / "javascripts" / "lunr", worker, _names())
    except Unsupported as reason:
        log.info(_("search index built in the browser: the prebuilt index does not mirror {reason}").format(
            reason=reason))
        _write_documents(index_path, data)
        return None
    if is_offline_build(config):  # read from file://, where a script is all the page can load
        _write(index_path.with_name(f"{prebuilt.INDEX_NAME}.js"), prebuilt.to_script(index))
    else:
        _write(index_path.with_name(f"{prebuilt.INDEX_NAME}.json"), prebuilt.to_json(index))
    _write(index_path, prebuilt.to_json(page))
    lang = data["config"].get("lang") or ["en"]
    wrapped = prebuilt.wrap_worker(worker, lang, site / "assets" / "javascripts" / "lunr")
    worker_path.write_text(wrapped, "utf-8")
    return wrapped
