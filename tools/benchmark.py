#!/usr/bin/env python3
"""Benchmark: our build of a synthetic corpus of N events against bare Material on the same N event
pages (same theme features and Markdown extensions, a one-page navigation), in one run.

    .venv/bin/python tools/benchmark.py                       # 1,000, 2,000, 10,000, 20,000 events
    .venv/bin/python tools/benchmark.py --sizes 2000 --repeat 5 --skip-browser
    .venv/bin/python tools/benchmark.py --sizes 10000 --stages --preview recent

For each N the two are built in turn (bare, ours, bare, ours…) ``--repeat`` times on every processor,
then again held to one processor (``--cores``: what a busy CI runner gives; the event pages' second
process then has nowhere to run). The ratio is ours over bare pair by pair: its median, and its
range. It prints figures and asserts nothing (speed is not a test). Peak memory is the proportional
set size of a build and its workers together. The browser figure is the time from opening an event
page to the first search result in Debian's headless Chromium, served on 127.0.0.1 and from
``file://``: a fresh context per opening, the page opened, the search box clicked, ``sommet`` typed
at 40 ms a key, median of five (``benchmarking/browser.py``), with where that time went; and the time
a chronology's filters take to answer a change, on the largest chronology page
(``benchmarking/filters.py``). ``--stages`` times the check command and the pipeline's stages on the
same corpus.
Our offline export is built at every N (with or without the browser) and its size reported, as a
folder and as the zip an editor sends.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmarking.browser import OPENINGS, QUERY, browser_figures, describe
from benchmarking.builds import alternate, build_env, run_build
from benchmarking.filters import filter_figures
from benchmarking.preview import preview_rebuild_seconds
from benchmarking.projects import make_bare, make_ours
from benchmarking.sizes import export_figures, largest_by_type, site_figures


@dataclass
class Row:
    size: int
    figures: dict[str, str] = field(default_factory=dict)


def build_figures(row: Row, project: Path, bare: Path, work: Path, args: argparse.Namespace):
    """The alternated builds on each processor setting; returns the fastest builds of the first."""
    first = None
    for cores in args.cores.split(","):
        label = f"{cores} core{'s' if cores != '1' else ''}"
        cpus = None if cores == "all" else ",".join(str(c) for c in range(int(cores)))
        runs = alternate(project, bare, work, args.repeat, cpus=cpus, warm_up=first is None)
        bare_best, ours_best = runs.fastest
        row.figures[f"ratio, {label}"] = runs.ratio_text()
        row.figures[f"bare / our build s, {label}"] = f"{bare_best.seconds:.1f} / {ours_best.seconds:.1f}"
        row.figures[f"bare / our CPU s, {label}"] = f"{bare_best.cpu_seconds:.1f} / {ours_best.cpu_seconds:.1f}"
        print(f"[{row.size}] {label}: bare {[round(b.seconds, 1) for b in runs.bare]}, "
              f"ours {[round(b.seconds, 1) for b in runs.ours]}, ratios {runs.ratio_text()}", flush=True)
        if first is None:
            first = runs.fastest
            row.figures["bare / our peak MB"] = f"{bare_best.peak_mb:.0f} / {ours_best.peak_mb:.0f}"
    return first


def _offline_build(folder: Path, out: Path):
    offline = run_build(folder, "mkdocs-offline.yml", out, strict=False, env=build_env(OFFLINE="true"))
    if offline.returncode:
        raise SystemExit(f"{folder.name} offline build failed:\n{offline.output}")
    return offline


def measure(size: int, work: Path, args: argparse.Namespace) -> Row:
    row = Row(size)
    project, bare = work / "ours", work / "bare"
    project.mkdir(parents=True)
    bare.mkdir(parents=True)
    corpus = make_ours(project, size)
    make_bare(bare, project)
    print(f"[{size}] corpus written in {work}", flush=True)
    bare_build, our_build = build_figures(row, project, bare, work, args)
    ours, reference = site_figures(our_build.site, size), site_figures(bare_build.site, size)
    row.figures.update({
        "bare / our site MB": f"{reference['site_mb']:.0f} / {ours['site_mb']:.0f}",
        "largest event page KB": f"{ours['largest_event_kb']:.1f}",
        "largest page KB": f"{ours['largest_page_kb']:.1f} ({ours['largest_page']})",
        "largest by kind KB (top 4)": " · ".join(
            f"{kind} {size_bytes / 1e3:.0f}" for kind, (size_bytes, _) in
            sorted(largest_by_type(our_build.site).items(), key=lambda item: -item[1][0])[:4]),
        "bare / our index B/event": f"{reference['index_bytes_per_event']:.0f} / {ours['index_bytes_per_event']:.0f}",
    })
    exports = {"ours": _offline_build(project, work / "ours-offline")}  # its size at every N
    row.figures["offline export MB (folder / zip)"] = export_figures(exports["ours"].site)
    if not args.skip_browser:
        row.figures.update(filter_figures(our_build.site))
        print(f"[{size}] filters: {row.figures['filter answer ms (median / max)']}", flush=True)
        for name, folder in (("bare", bare), ("ours", project)):
            offline = exports.get(name) or _offline_build(folder, work / f"{name}-offline")
            site = bare_build.site if name == "bare" else our_build.site
            timing = browser_figures(site, offline.site, corpus.sample_event_id, args.openings)
            for where, label in (("served", "served"), ("file", "file://")):
                row.figures[f"{name} first result `{QUERY}`, {label} s"] = describe(timing[where])
                print(f"[{size}] {name} {label}: {[round(r['first_result_s'], 2) for r in timing[where]['runs']]}",
                      flush=True)
    if args.preview:
        for preview in args.preview.split(","):
            timing = preview_rebuild_seconds(project, corpus.events[-1], preview)
            row.figures[f"preview {preview}: initial / rebuild / edit to page s"] = (
                f"{timing['initial_s']:.1f} / {timing['rebuild_s']:.1f} / {timing['edit_to_page_s']:.1f}")
    if args.stages:
        from benchmarking.stages import stage_figures

        row.figures.update(stage_figures(project))
    print(f"[{size}] {row.figures}", flush=True)
    return row


def print_table(rows: list[Row]) -> None:
    keys = list(dict.fromkeys(k for r in rows for k in r.figures))
    print("\n| measure | " + " | ".join(f"{r.size:,}" for r in rows) + " |")
    print("|---|" + "---:|" * len(rows))
    for key in keys:
        print(f"| {key} | " + " | ".join(r.figures.get(key, "–") for r in rows) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,2000,10000,20000", help="comma-separated event counts")
    parser.add_argument("--repeat", type=int, default=3, metavar="K",
                        help="pairs of builds (bare, ours) per setting")
    parser.add_argument("--openings", type=int, default=OPENINGS, metavar="K",
                        help="browser openings, served and file:// in turn; the figures are their medians")
    parser.add_argument("--cores", default="all,1", help="processor settings, in turn: 'all' or a count (1)")
    parser.add_argument("--skip-browser", action="store_true", help="no Chromium timings (no offline builds)")
    parser.add_argument("--preview", default="", metavar="MODES",
                        help="also time `mkdocs serve` rebuilds with BRIEFING_PREVIEW set to each of these")
    parser.add_argument("--stages", action="store_true", help="also time the check command and each stage")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and sites")
    parser.add_argument("--workdir", type=Path, help="where to write (default: a temporary folder)")
    args = parser.parse_args()
    base = args.workdir or Path(tempfile.mkdtemp(prefix="briefing-benchmark-"))
    rows = []
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            work = base / str(size)
            shutil.rmtree(work, ignore_errors=True)
            rows.append(measure(size, work, args))
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        print_table(rows)
        if not args.keep and not args.workdir:
            shutil.rmtree(base, ignore_errors=True)
        elif args.keep:
            print(f"\nkept in {base}")


if __name__ == "__main__":
    main()
