"""Timed builds: each ``mkdocs build`` in its own process, with its CPU time and peak memory; ours and
bare Material built in turn, so that every ratio compares two builds made under the same load."""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent


@dataclass
class Built:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    site: Path
    returncode: int
    output: str = ""


def build_env(**extra: str) -> dict:
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


def run_build(project: Path, config: str, out: Path, *, strict: bool, env: dict,
              cpus: str | None = None) -> Built:
    """One ``mkdocs build`` in its own process: wall time, CPU time (its workers' included) and the
    peak memory of it and its workers together."""
    shutil.rmtree(out, ignore_errors=True)  # MkDocs would clean it inside the timing
    args = [str(BIN / "mkdocs"), "build", "-q", "-f", str(project / config), "-d", str(out)]
    if strict:
        args.append("--strict")
    if cpus:
        args = ["taskset", "-c", cpus, *args]  # taskset runs mkdocs in its own process: the pid is the build's
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


@dataclass
class Alternated:
    """``repeat`` pairs of builds (bare, then ours) and what they say together."""

    bare: list[Built]
    ours: list[Built]

    @property
    def ratios(self) -> list[float]:
        """Ours over bare, pair by pair: each pair ran under the same load."""
        return [o.seconds / b.seconds for b, o in zip(self.bare, self.ours, strict=True)]

    @property
    def fastest(self) -> tuple[Built, Built]:
        return min(self.bare, key=lambda b: b.seconds), min(self.ours, key=lambda b: b.seconds)

    def ratio_text(self) -> str:
        ratios = self.ratios
        spread = f" ({min(ratios):.2f}–{max(ratios):.2f})" if len(ratios) > 1 else ""
        return f"{statistics.median(ratios):.2f}{spread}"


def alternate(project: Path, bare: Path, work: Path, repeat: int, cpus: str | None = None,
              warm_up: bool = False) -> Alternated:
    """Bare and ours built in turn ``repeat`` times (``cpus``: held to those processors, as a busy
    runner would give them); with ``warm_up``, one pair first that is not counted (the first build of
    a new project compiles and caches what the others find ready)."""
    result = Alternated([], [])
    suffix = f"-cpus{cpus}" if cpus else ""
    for turn in range(repeat + warm_up):
        if warm_up and turn == 1:
            result = Alternated([], [])
        result.bare.append(run_build(bare, "mkdocs.yml", work / f"bare-site{suffix}", strict=False,
                                     env=build_env(), cpus=cpus))
        result.ours.append(run_build(project, "mkdocs.yml", work / f"site{suffix}", strict=True,
                                     env=build_env(), cpus=cpus))
        for name, built in (("bare", result.bare[-1]), ("ours", result.ours[-1])):
            if built.returncode:
                raise SystemExit(f"{name} build failed:\n{built.output}")
    return result
