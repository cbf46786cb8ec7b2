#!/usr/bin/env python3
"""Time the reader tools (feeds, calendars, JSON, timelines, relation/author/news pages) on a large
synthetic corpus built in memory from the sample registry, and print the sizes they produce.

    .venv/bin/python tools/bench_readers.py [events]     # default 20000
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from briefing.exports.build import render_exports  # noqa: E402
from briefing.exports.links import SiteLinks  # noqa: E402
from briefing.index.corpus import build_corpus  # noqa: E402
from briefing.load.loader import load  # noqa: E402
from briefing.render import SiteRenderer  # noqa: E402
from briefing.render.chronology import render_chronology_index  # noqa: E402
from briefing.render.metadata import PageHeads  # noqa: E402
from briefing.settings import Settings  # noqa: E402
from briefing.structure import PartialDate, When  # noqa: E402


def synthetic(count: int):
    settings = Settings(root=ROOT, docs_dir=ROOT / "docs", events_dir=ROOT / "events")
    loaded = load(settings.docs_dir, settings.events_dir, settings.root)
    sources = loaded.sources
    keys = sorted(loaded.registry.entities)
    rng = random.Random(20000)
    template = sources.events[0]
    events = []
    for n in range(count):
        year = rng.randint(1995, 2024)
        precision = rng.random()
        date = (PartialDate(year) if precision < .03 else PartialDate(year, rng.randint(1, 12)) if precision < .15
                else PartialDate(year, rng.randint(1, 12), rng.randint(1, 28)))
        events.append(replace(
            template, id=f"{year}-synthetic-{n}", when=When(date), title=f"Événement synthétique {n}",
            body=(f"Un fait {'**numéro**' if n % 5 == 0 else 'numéro'} {n} avec un terme IP4* et une note[^1]."
                  f"\n\nSecond paragraphe du fait {n}, sur les suites données.\n\n[^1]: Source {n}."),
            entities=tuple(rng.sample(keys, 5)), related=(), sources=template.sources,
        ))
    letters = list(sources.letters)
    sources = replace(sources, events=events + list(sources.events), letters=letters)
    return settings, loaded.registry, sources


def timed(label: str, action):
    """CPU seconds of this process: on a shared machine, wall time mostly measures the other jobs."""
    start = time.process_time()
    result = action()
    print(f"{label:<44} {time.process_time() - start:7.2f} s CPU")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    settings, registry, sources = synthetic(count)
    corpus = timed(f"index {count} events", lambda: build_corpus(sources, registry))
    renderer = SiteRenderer(corpus, settings)
    files = timed("feeds, calendars, JSON", lambda: render_exports(corpus, settings, SiteLinks("https://x.org/")))
    print(f"  {len(files)} files, {sum(len(f.content) for f in files) / 1e6:.1f} MB in all; largest:")
    for f in sorted(files, key=lambda f: -len(f.content))[:4]:
        print(f"    {f.path:<40} {len(f.content) / 1e6:6.2f} MB")
    chronology = timed("chronology index (with its timeline)",
                       lambda: render_chronology_index(corpus, renderer._placer("chronologie/index.md")))
    print(f"  chronology index: {len(chronology) / 1e6:.2f} MB of Markdown (fragments aside)")
    japan = timed("Japon page (timeline, relations)", lambda: renderer.page_markdown("pays/japon.md", ""))
    print(f"  Japon page: {len(japan) / 1e3:.0f} kB of Markdown, {japan.count('tl-mark')} timeline marks")
    pages = timed("relation, author, news, subscriptions pages", renderer._reader_pages)
    print(f"  {len(pages)} pages, {sum(len(p.markdown) for p in pages) / 1e6:.2f} MB of Markdown")
    heads = PageHeads(corpus, settings, renderer.readers, SiteLinks("https://x.org/"))
    timed("page metadata for every event page", lambda: [heads.for_page(f"evenements/{e.id}.md")
                                                         for e in corpus.published_events])


if __name__ == "__main__":
    main()
