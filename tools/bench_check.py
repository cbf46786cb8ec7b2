#!/usr/bin/env python3
"""Time ``python -m briefing check`` on a generated corpus (default 1,000 event notes) and print the figures.

    .venv/bin/python tools/bench_check.py [--notes 1000] [--runs 3]

The corpus is the sample registry and letters plus generated notes that name registry entries, cite
sources, relate to each other and mark glossary terms, so that every check has work to do.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ["Japon", "Corée du Sud", "États-Unis", "Chine", "Australie", "France", "Philippines"]
PEOPLE = ["Fumio Kishida", "Joe Biden", "Jens Stoltenberg", "Mark Rutte"]
ORGANIZATIONS = ["Otan", "AUKUS"]
TOPICS = ["Défense", "Diplomatie", "Alliances"]


def make_corpus(target: Path, notes: int, seed: int = 7) -> None:
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(ROOT / "events", target / "events")
    rng = random.Random(seed)
    ids: list[str] = []
    for n in range(notes):
        year = 2000 + n % 25
        event_id = f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}-note-{n:05d}"
        related = rng.sample(ids, k=min(2, len(ids)))
        front = [
            f"date: {event_id[:10]}",
            f"title: Fait numéro {n} sur la sécurité régionale",
            f"countries: [{', '.join(rng.sample(COUNTRIES, 2))}]",
            f"people: [{rng.choice(PEOPLE)}]",
            f"organizations: [{rng.choice(ORGANIZATIONS)}]",
            f"topics: [{rng.choice(TOPICS)}]",
            "sources:",
            f"  - {{title: Dépêche {n}, publisher: Agence, url: 'https://example.org/{n}', date: {event_id[:10]}}}",
            f"related: [{', '.join(related)}]",
            f"confidential: {'true' if n % 7 == 0 else 'false'}",
        ]
        body = f"Le fait numéro {n}, avec l’Otan* et l’IP4*.\n\nUn second paragraphe[^1].\n\n[^1]: Note."
        folder = target / "events" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{event_id}.md").write_text("---\n" + "\n".join(front) + "\n---\n" + body + "\n", "utf-8")
        ids.append(event_id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        make_corpus(project, args.notes)
        total = sum(1 for _ in (project / "events").rglob("*.md"))
        times, cpu = [], []
        for _ in range(args.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "briefing", "check"], cwd=project,
                                    capture_output=True, text=True)
            times.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 0:
            print(result.stdout[-2000:], result.stderr[-2000:], sep="\n")
            raise SystemExit("the generated corpus did not pass the check")
        print(f"check of {total} event notes (+ sample letters and registry), whole command, {args.runs} runs: "
              f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
        print(f"CPU time of the command (user + system): median {statistics.median(cpu):.2f} s, "
              f"min {min(cpu):.2f} s; machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"the command's own figure (load and checks): {result.stderr.strip()}")


if __name__ == "__main__":
    main()
