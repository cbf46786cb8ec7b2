#!/usr/bin/env python3
"""Benchmark: build a synthetic corpus of N events with our generator and, in the same run, a bare
Material site of the same N event pages; print build times, memory, sizes and search latency.

    .venv/bin/python tools/benchmark.py --sizes 1000,5000,10000,20000
    .venv/bin/python tools/benchmark.py --sizes 10000 --skip-browser --preview recent --repeat 3

It prints figures; it asserts nothing (speed is not a test). Each build runs in its own process;
peak memory is the largest proportional set size of that process and its workers together,
sampled twice a second. The browser figure is the time from opening an event page to the first
search result, in Debian's headless Chromium, on the site served by ``http.server`` on 127.0.0.1
and on the offline export (``OFFLINE=true``) opened from ``file://``. The offline export is built
at every N (with or without the browser) and its size reported, as a folder and as its zip.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import Corpus, write_corpus

from briefing.project import read_config

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENGINE_FILES = ["mkdocs.yml", "hooks", "overrides", "docs/assets"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SHIM = REPO / "docs" / "assets" / "vendor" / "iframe-worker" / "shim.js"  # the project's vendored copy


@dataclass
class Built:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    site: Path
    returncode: int
    output: str = ""


@dataclass
class Row:
    size: int
    figures: dict[str, str] = field(default_factory=dict)


def _env(**extra: str) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    for key in ("OFFLINE", "BRIEFING_EDITION", "BRIEFING_PREVIEW"):
        env.pop(key, None)
    env.update(extra)
    return env


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux ``/proc``)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending += [int(child) for child in children.read().split()]
    return found


def _pss_mb(pids: list[int]) -> float:
    """Proportional set size of these processes together: memory they share (a forked child's
    copy-on-write pages) is counted once."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError), open(f"/proc/{pid}/smaps_rollup") as rollup:
            total += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
    return total / 1024


class PeakMemory:
    """The peak of ``_pss_mb`` over a process and its children, sampled twice a second while it runs
    (a build forks workers: one process's peak RSS would miss them, and adding RSS would count
    their shared pages twice)."""

    def __init__(self, pid: int) -> None:
        self.peak_mb = 0.0
        self._pid, self._done = pid, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(0.5):
            self.peak_mb = max(self.peak_mb, _pss_mb(_tree(self._pid)))

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak_mb


def run_build(project: Path, config: str, out: Path, *, strict: bool, env: dict) -> Built:
    """One ``mkdocs build`` in its own process: wall time, CPU time (its workers' included) and the
    peak memory of it and its workers together."""
    shutil.rmtree(out, ignore_errors=True)  # MkDocs would clean it inside the timing
    args = [str(BIN / "mkdocs"), "build", "-q", "-f", str(project / config), "-d", str(out)]
    if strict:
        args.append("--strict")
    log = out.parent / f"{out.name}.log"
    os.sync()  # the previous build's hundreds of megabytes are written out before this one is timed
    start = time.perf_counter()
    with open(log, "w") as handle:
        process = subprocess.Popen(args, cwd=project, env=env, stdout=handle, stderr=subprocess.STDOUT)
        memory = PeakMemory(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    peak = memory.stop() or usage.ru_maxrss / 1024  # a build shorter than a sample: its own peak
    return Built(seconds, cpu, peak, out, returncode, log.read_text()[-3000:])


def best_builds(project: Path, bare: Path, work: Path, repeat: int) -> tuple[Built, Built, list[str]]:
    """Bare and ours built in turn ``repeat`` times; the fastest of each, and every time as a note.

    The fastest run is the one least disturbed by the rest of the machine (``timeit`` does the same):
    on a shared machine the same build varies by a third from one run to the next."""
    bare_runs, our_runs = [], []
    for _ in range(repeat):
        bare_runs.append(run_build(bare, "mkdocs.yml", work / "bare-site", strict=False, env=_env()))
        our_runs.append(run_build(project, "mkdocs.yml", work / "site", strict=True, env=_env()))
        for name, built in (("bare", bare_runs[-1]), ("ours", our_runs[-1])):
            if built.returncode:
                raise SystemExit(f"{name} build failed:\n{built.output}")
    runs = [" / ".join(f"{b.seconds:.1f}" for b in builds) for builds in (bare_runs, our_runs)]
    return min(bare_runs, key=lambda b: b.seconds), min(our_runs, key=lambda b: b.seconds), runs


# Projects -----------------------------------------------------------------------------------

def make_ours(root: Path, size: int) -> Corpus:
    for name in ENGINE_FILES:
        source, target = REPO / name, root / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    corpus = write_corpus(root, size)
    _add_offline_config(root, "mkdocs.yml")
    return corpus


def _add_offline_config(root: Path, config: str) -> None:
    """``mkdocs-offline.yml``: the project's own config when it already knows ``OFFLINE``, else
    one that adds Material's offline plugin and the vendored iframe-worker shim."""
    text = (root / config).read_text("utf-8")
    if "offline" in text:
        shutil.copy2(root / config, root / "mkdocs-offline.yml")
        return
    (root / "docs" / "assets" / "vendor").mkdir(parents=True, exist_ok=True)
    shutil.copy2(SHIM, root / "docs" / "assets" / "vendor" / "iframe-worker-shim.js")
    (root / "mkdocs-offline.yml").write_text(
        f"INHERIT: {config}\nplugins:\n  offline:\n    enabled: true\n"
        "extra:\n  polyfills:\n    - assets/vendor/iframe-worker-shim.js\n", "utf-8")


def make_bare(root: Path, ours: Path) -> None:
    """The same event notes as plain Material pages: same theme and search, a one-page nav."""
    config = read_config(ours / "mkdocs.yml")
    bare = {
        "site_name": "Bare Material",
        "site_url": "https://bare.example.org/",
        "theme": {k: v for k, v in config["theme"].items() if k != "custom_dir"},
        "plugins": {"search": config["plugins"]["search"]},
        "markdown_extensions": config.get("markdown_extensions", []),
        "nav": [{"Accueil": "index.md"}],
        "not_in_nav": "/evenements/*\n",
    }
    docs = root / "docs" / "evenements"
    docs.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Accueil\n\nSite de référence.\n", "utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(bare, allow_unicode=True, sort_keys=False), "utf-8")
    for note in sorted((ours / "events").rglob("*.md")):
        _, front, body = note.read_text("utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        names = [n for key in ("countries", "people", "organizations", "topics") for n in meta.get(key) or []]
        (docs / note.name).write_text(
            f"# {meta['title']}\n\n{meta['date']}\n\n{body.strip()}\n\n## Acteurs et thèmes\n\n{', '.join(names)}\n",
            "utf-8")
    _add_offline_config(root, "mkdocs.yml")


# Measures -----------------------------------------------------------------------------------

def site_figures(site: Path, size: int) -> dict[str, float]:
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    event_pages = list((site / "evenements").glob("*/index.html"))
    largest_event = max((p.stat().st_size for p in event_pages), default=0)
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    index_bytes = sum(p.stat().st_size for p in (site / "search").glob("search_*.json"))  # + prebuilt index
    return {
        "site_mb": total / 1e6,
        "largest_event_kb": largest_event / 1e3,
        "largest_page_kb": largest.stat().st_size / 1e3,
        "largest_page": str(largest.relative_to(site)),
        "index_mb": index_bytes / 1e6,
        "index_bytes_per_event": index_bytes / size,
        "pages": len(pages),
    }


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_result_seconds(url: str, query: str, timeout_s: float = 180) -> float:
    """Open ``url`` in Chromium, type ``query`` at once; seconds until the first result shows."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded")
        page.locator("input.md-search__input").press_sequentially(query)  # Material reads keyup, not fill()
        page.locator(".md-search-result__item").first.wait_for(timeout=timeout_s * 1000)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed


def browser_figures(site: Path, offline_site: Path, event_id: str, query: str) -> dict[str, float]:
    os.sync()  # a reader's machine is not writing out a build meanwhile
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        served = first_result_seconds(f"http://127.0.0.1:{port}/evenements/{event_id}/", query)
    finally:
        server.terminate()
        server.wait()
    offline_page = offline_site / "evenements" / f"{event_id}.html"
    offline = first_result_seconds(offline_page.as_uri(), query)
    return {"served_s": served, "file_s": offline}


def preview_rebuild_seconds(project: Path, note: str, preview: str) -> dict[str, float]:
    """``mkdocs serve`` with ``BRIEFING_PREVIEW``: seconds of the rebuild after one note is edited,
    as MkDocs reports it, and from the file write until the edited page is served changed."""
    import urllib.request

    port = _free_port()
    log = project / "serve.log"
    handle = open(log, "w")  # noqa: SIM115 - the server writes to it while we poll
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--livereload", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=_env(BRIEFING_PREVIEW=preview), stdout=handle, stderr=subprocess.STDOUT)
    built = re.compile(r"Documentation built in ([\d.]+) seconds")
    try:
        start = time.perf_counter()
        while len(built.findall(log.read_text())) < 1:
            if server.poll() is not None or time.perf_counter() - start > 900:
                raise RuntimeError(f"mkdocs serve did not build:\n{log.read_text()[-2000:]}")
            time.sleep(0.2)
        initial = float(built.findall(log.read_text())[0])
        while "Serving on" not in log.read_text():  # the file watcher is set up only then
            time.sleep(0.2)
        time.sleep(1)
        path = project / note
        marker = f"Phrase ajoutée pendant la mesure {time.time_ns()}."
        edited = time.perf_counter()
        path.write_text(path.read_text("utf-8") + f"\n{marker}\n", "utf-8")
        while len(built.findall(log.read_text())) < 2:
            if server.poll() is not None or time.perf_counter() - edited > 600:
                raise RuntimeError(f"mkdocs serve did not rebuild:\n{log.read_text()[-2000:]}")
            time.sleep(0.05)
        rebuild = float(built.findall(log.read_text())[1])
        url = f"http://127.0.0.1:{port}/evenements/{Path(note).stem}/"
        shown = False
        while time.perf_counter() - edited < 60 and not shown:
            with contextlib.suppress(OSError):
                shown = marker.split(" ")[-1] in urllib.request.urlopen(url).read().decode()
            time.sleep(0.05)
        seen = time.perf_counter() - edited
    finally:
        server.terminate()
        server.wait()
        handle.close()
    return {"initial_s": initial, "rebuild_s": rebuild, "edit_to_page_s": seen if shown else float("nan")}


# Report -------------------------------------------------------------------------------------

def _offline_build(folder: Path, out: Path, env: dict) -> Built:
    """The offline export of a project (``OFFLINE=true``), packed as ``out.zip`` for ours."""
    offline = run_build(folder, "mkdocs-offline.yml", out, strict=False, env=env)
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
    bare_build, our_build, runs = best_builds(project, bare, work, args.repeat)
    ours, reference = site_figures(our_build.site, size), site_figures(bare_build.site, size)
    row.figures.update({
        "bare build s": f"{bare_build.seconds:.1f}",
        "our build s": f"{our_build.seconds:.1f}",
        "ratio": f"{our_build.seconds / bare_build.seconds:.2f}",
        "bare build CPU s": f"{bare_build.cpu_seconds:.1f}",
        "our build CPU s": f"{our_build.cpu_seconds:.1f}",
        **({"bare runs s": runs[0], "our runs s": runs[1]} if args.repeat > 1 else {}),
        "bare peak MB": f"{bare_build.peak_mb:.0f}",
        "our peak MB": f"{our_build.peak_mb:.0f}",
        "bare site MB": f"{reference['site_mb']:.0f}",
        "our site MB": f"{ours['site_mb']:.0f}",
        "largest event page KB": f"{ours['largest_event_kb']:.1f}",
        "largest page KB": f"{ours['largest_page_kb']:.1f} ({ours['largest_page']})",
        "bare index B/event": f"{reference['index_bytes_per_event']:.0f}",
        "our index B/event": f"{ours['index_bytes_per_event']:.0f}",
        "our index MB": f"{ours['index_mb']:.1f}",
    })
    print(f"[{size}] builds done: {row.figures}", flush=True)
    offline_env = _env(OFFLINE="true")
    exports = {"ours": _offline_build(project, work / "ours-offline", offline_env)}
    export_mb = sum(p.stat().st_size for p in exports["ours"].site.rglob("*") if p.is_file()) / 1e6
    zip_file = exports["ours"].site.with_name(exports["ours"].site.name + ".zip")
    row.figures["offline export MB (folder / zip)"] = f"{export_mb:.0f} / {zip_file.stat().st_size / 1e6:.0f}"
    print(f"[{size}] offline export: {row.figures['offline export MB (folder / zip)']} MB", flush=True)
    if not args.skip_browser:
        query = corpus.sample_title_word
        for name, folder in (("bare", bare), ("ours", project)):
            offline = exports.get(name) or _offline_build(folder, work / f"{name}-offline", offline_env)
            site = bare_build.site if name == "bare" else our_build.site
            timings = [browser_figures(site, offline.site, corpus.sample_event_id, query) for _ in range(args.repeat)]
            timing = {key: statistics.median(t[key] for t in timings) for key in timings[0]}
            row.figures[f"{name} first result served s"] = f"{timing['served_s']:.2f}"
            row.figures[f"{name} first result file:// s"] = f"{timing['file_s']:.2f}"
            print(f"[{size}] {name} browser: {timing}", flush=True)
    if args.preview:
        for preview in args.preview.split(","):
            timing = preview_rebuild_seconds(project, corpus.events[-1], preview)
            row.figures[f"preview {preview}: initial s"] = f"{timing['initial_s']:.1f}"
            row.figures[f"preview {preview}: rebuild s"] = f"{timing['rebuild_s']:.1f}"
            row.figures[f"preview {preview}: edit to page s"] = f"{timing['edit_to_page_s']:.1f}"
            print(f"[{size}] preview {preview}: {timing}", flush=True)
    return row


def print_table(rows: list[Row]) -> None:
    keys = list(dict.fromkeys(k for r in rows for k in r.figures))
    print("\n| measure | " + " | ".join(f"{r.size:,}" for r in rows) + " |")
    print("|---|" + "---:|" * len(rows))
    for key in keys:
        print(f"| {key} | " + " | ".join(r.figures.get(key, "–") for r in rows) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,10000,20000", help="comma-separated event counts")
    parser.add_argument("--skip-browser", action="store_true", help="no Chromium timings (no offline builds)")
    parser.add_argument("--preview", default="", metavar="MODES",
                        help="also time `mkdocs serve` rebuilds with BRIEFING_PREVIEW set to each of these")
    parser.add_argument("--repeat", type=int, default=1, metavar="K",
                        help="build bare and ours in turn K times and keep the fastest of each; "
                             "the browser figures are the median of K openings")
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
