#!/usr/bin/env python3
"""CPU time of the reader exports alone (``render_exports``: Atom feeds, iCalendar files, JSON) on the
benchmark's synthetic corpus, and the size of what they write.

    .venv/bin/python tools/bench_exports.py [--sizes 2000,10000] [--runs 3] [--offline]

For each size, the corpus (``tools/synthetic_corpus.py``, public edition) is written to a temporary
folder and loaded by the pipeline; then ``render_exports`` runs ``--runs`` times. The first run is
"cold": the notes' plain text is not cached yet (the page metadata shares that cache in a real
build). Times are CPU seconds of this process (``time.process_time``), which a shared machine
disturbs less than wall time; take the minimum of the warm runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))

from synthetic_corpus import write_corpus  # noqa: E402

from briefing.edition.editions import Edition  # noqa: E402
from briefing.exports.build import render_exports  # noqa: E402
from briefing.exports.links import SiteLinks  # noqa: E402
from briefing.index.plaintext import plain_text  # noqa: E402
from briefing.pipeline import run  # noqa: E402
from briefing.project import read_config  # noqa: E402
from briefing.settings import Settings  # noqa: E402

EPOCH = "1700000000"


def measure(size: int, runs: int, offline: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as folder:
        root = Path(folder)
        write_corpus(root, size)
        mapping = (read_config(ROOT / "mkdocs.yml").get("extra") or {}).get("briefing") or {}
        settings = Settings.from_mapping(mapping, root=root, docs_dir=root / "docs", edition=Edition.PUBLIC)
        corpus = run(settings).corpus
    links = SiteLinks("", False) if offline else SiteLinks("https://briefing.example.org/", True)
    plain_text.cache_clear()
    times = []
    for _ in range(runs):
        start = time.process_time()
        files = render_exports(corpus, settings, links, EPOCH)
        times.append(time.process_time() - start)
    sizes = {folder: sum(len(f.content) for f in files if f.path.startswith(f"{folder}/")) / 1e6
             for folder in ("flux", "donnees")}
    warm = f", warm {min(times[1:]):.2f} s" if runs > 1 else ""
    print(f"{len(corpus.published_events):>6} events: cold {times[0]:.2f} s{warm} CPU; {len(files)} files, "
          f"flux/ {sizes['flux']:.1f} MB, donnees/ {sizes['donnees']:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,10000", help="comma-separated numbers of events")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (the first is cold)")
    parser.add_argument("--offline", action="store_true", help="relative links, .html pages (the offline export)")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size, args.runs, args.offline)


if __name__ == "__main__":
    main()
