"""The pipeline's stages timed on their own, on the benchmark's corpus (what the former bench_check,
bench_exports and bench_readers tools measured): the contributor's check command as a whole process,
then, in this process, load + index, the reader exports (cold, then warm), the chronology index, the
largest entity page, the reader pages and the page metadata. CPU seconds of this process, which a
shared machine disturbs less than wall time."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from briefing.edition.editions import Edition
from briefing.exports.build import render_exports
from briefing.exports.links import SiteLinks
from briefing.index.plaintext import plain_text
from briefing.pipeline import run
from briefing.project import read_config
from briefing.render.chronology import render_chronology_index
from briefing.render.metadata import PageHeads
from briefing.settings import Settings

EPOCH = "1700000000"


def check_seconds(project: Path) -> tuple[float, float]:
    """``python -m briefing check`` as a contributor runs it: wall and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "briefing", "check"], cwd=project, capture_output=True,
                            text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"the corpus did not pass the check:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _cpu(action):
    start = time.process_time()
    result = action()
    return result, time.process_time() - start


def stage_figures(project: Path) -> dict[str, str]:
    figures: dict[str, str] = {}
    wall, cpu = check_seconds(project)
    figures["check command s (CPU s)"] = f"{wall:.1f} ({cpu:.1f})"
    mapping = (read_config(project / "mkdocs.yml").get("extra") or {}).get("briefing") or {}
    settings = Settings.from_mapping(mapping, root=project, docs_dir=project / "docs", edition=Edition.PUBLIC)
    plain_text.cache_clear()
    build, seconds = _cpu(lambda: run(settings))
    figures["load + index CPU s"] = f"{seconds:.2f}"
    corpus, renderer = build.corpus, build.renderer
    links = SiteLinks("https://briefing.example.org/", True)
    files, cold = _cpu(lambda: render_exports(corpus, settings, links, EPOCH))
    _, warm = _cpu(lambda: render_exports(corpus, settings, links, EPOCH))
    megabytes = sum(len(f.content) for f in files) / 1e6
    figures["exports CPU s cold / warm"] = f"{cold:.2f} / {warm:.2f} ({len(files)} files, {megabytes:.0f} MB)"
    _, seconds = _cpu(lambda: render_chronology_index(corpus, renderer._placer("chronologie/index.md")))
    figures["chronology index CPU s"] = f"{seconds:.3f}"
    busiest = max(corpus.entity_events, key=lambda key: len(corpus.entity_events[key]))
    page = f"{busiest}.md"  # an entity key is its page: pays/japon
    _, seconds = _cpu(lambda: renderer.page_markdown(page, ""))
    figures["busiest entity page CPU s"] = f"{seconds:.3f} ({page})"
    pages, seconds = _cpu(renderer._reader_pages)
    figures["reader pages CPU s"] = f"{seconds:.2f} ({len(pages)} pages)"
    heads = PageHeads(corpus, settings, renderer.readers, links)
    _, seconds = _cpu(lambda: [heads.for_page(f"evenements/{e.id}.md") for e in corpus.published_events])
    figures["event page metadata CPU s"] = f"{seconds:.2f}"
    return figures
