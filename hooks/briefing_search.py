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


@event_priority(-60)
def on_post_build(config) -> None:
    if os.environ.get("BRIEFING_SEARCH_PREBUILT", "true").lower() in ("0", "false", "no"):
        return
    if os.environ.get("BRIEFING_PREVIEW"):
        return  # a preview is small: the worker's own indexing is quick, the rebuild quicker without
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not index_path.exists() or len(workers) != 1:
        return
    worker = workers[0].read_text("utf-8")
    data = json.loads(index_path.read_text("utf-8"))
    try:
        prebuilt = search_prebuilt.prebuild(data, site / "assets" / "javascripts" / "lunr", worker)
    except search_prebuilt.Unsupported as reason:
        log.info(f"search index built in the browser: the prebuilt index does not mirror {reason}")
        return
    index_path.write_text(json.dumps(prebuilt, ensure_ascii=False, separators=(",", ":")), "utf-8")
    workers[0].write_text(search_prebuilt.wrap_worker(worker), "utf-8")
