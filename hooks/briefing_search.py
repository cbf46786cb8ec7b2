"""MkDocs adapter for search: one pass over ``search/search_index.json`` (``briefing.search_index``,
``briefing.search_prebuilt``).

Runs after Material's search plugin has written the index (priority 0) and before Material's
offline plugin copies it into ``search_index.js`` (priority -100). Every build merges, drops and
folds the documents; unless ``BRIEFING_SEARCH_PREBUILT=false`` or a preview, the index is then
prebuilt, and every page starts the search worker, which fetches it, from its head.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from briefing import search_index, search_prebuilt
from briefing.search_tokens import Unsupported, check_config

log = get_plugin_logger("briefing")


def _prebuilt_wanted() -> bool:
    if os.environ.get("BRIEFING_SEARCH_PREBUILT", "true").lower() in ("0", "false", "no"):
        return False
    return not os.environ.get("BRIEFING_PREVIEW")  # a preview is small: the worker indexes it quickly


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin is not None and plugin.config.enabled)


def on_env(env, config, files):
    """``briefing_search_worker`` for the page template: the search worker's script, which each page
    starts from its head when the index is prebuilt (not from ``file://``, where Material's shim
    runs the worker in a frame), so that the index is on its way before the theme's script runs."""
    worker = None
    search = config.plugins.get("material/search")
    if _prebuilt_wanted() and not _offline(config) and search is not None and search.config.enabled:
        try:
            check_config(search.config)
            worker = _worker_script(config)
        except Unsupported:
            pass
    env.globals["briefing_search_worker"] = worker
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
    search_index.add_folded_field(data["config"], data["docs"])
    _write(path, search_prebuilt.to_json(data))


@event_priority(-50)
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    data = search_index.prepare(json.loads(index_path.read_text("utf-8")))
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not _prebuilt_wanted() or len(workers) != 1:
        _write_documents(index_path, data)
        return
    worker = workers[0].read_text("utf-8")
    try:
        page, index = search_prebuilt.prebuild(data, site / "assets" / "javascripts" / "lunr", worker)
    except Unsupported as reason:
        log.info(f"search index built in the browser: the prebuilt index does not mirror {reason}")
        _write_documents(index_path, data)
        return
    index_json = search_prebuilt.to_json(index)
    if _offline(config):  # read from file://, where a script is all the worker can load
        _write(index_path.with_name(f"{search_prebuilt.INDEX_NAME}.js"), search_prebuilt.to_script(index_json))
    else:
        _write(index_path.with_name(f"{search_prebuilt.INDEX_NAME}.json"), index_json)
    _write(index_path, search_prebuilt.to_json(page))
    lang = data["config"].get("lang") or ["en"]
    workers[0].write_text(search_prebuilt.wrap_worker(worker, lang, site / "assets" / "javascripts" / "lunr"), "utf-8")
