"""MkDocs adapter for the prebuilt search index (``briefing.search_prebuilt``).

Runs after Material's search plugin has written ``search/search_index.json`` (priority 0) and
after any other post-processor of that file at priority -50 (e.g. an accent-folded field), and
before Material's offline plugin copies it into ``search_index.js`` (priority -100).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from briefing import search_prebuilt

log = get_plugin_logger("briefing")


def _write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


@event_priority(-60)
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not index_path.exists() or len(workers) != 1:
        return
    data = search_prebuilt.merge_sections(json.loads(index_path.read_text("utf-8")))
    if os.environ.get("BRIEFING_SEARCH_PREBUILT", "true").lower() in ("0", "false", "no") or os.environ.get(
        "BRIEFING_PREVIEW"  # a preview is small: the worker indexes it quickly, and the rebuild is quicker
    ):
        _write(index_path, data)
        return
    worker = workers[0].read_text("utf-8")
    try:
        prebuilt = search_prebuilt.prebuild(data, site / "assets" / "javascripts" / "lunr", worker)
    except search_prebuilt.Unsupported as reason:
        log.info(f"search index built in the browser: the prebuilt index does not mirror {reason}")
        _write(index_path, data)
        return
    slim, index = prebuilt
    _write(index_path, slim)
    lunr_index = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (index_path.parent / f"{search_prebuilt.INDEX_NAME}.json").write_text(lunr_index, "utf-8")
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        script = f"var __briefingLunr = {lunr_index};\n"
        (index_path.parent / f"{search_prebuilt.INDEX_NAME}.js").write_text(script, "utf-8")
    workers[0].write_text(search_prebuilt.wrap_worker(worker), "utf-8")
