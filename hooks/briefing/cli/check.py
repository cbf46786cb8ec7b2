"""``check``: load and validate all content as the build does, without building the site.

Prints the build's ``path:line: field: message`` lines; under GitHub Actions also prints workflow
annotations so that problems show on the pull request's lines. Fails on any error or warning.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

from briefing.diagnostics import Diagnostic, Severity
from briefing.edition.editions import Edition
from briefing.pipeline import prepare
from briefing.project import find_config, load_settings


def check(config_file: Path, edition: Edition = Edition.PUBLIC) -> list[Diagnostic]:
    """Every problem the build of ``config_file`` would report, in the same order."""
    settings = load_settings(config_file, edition)
    if not settings.events_dir.is_dir():
        raise FileNotFoundError(
            f"events folder not found: {settings.events_dir}; create it or set extra.briefing.events_dir"
        )
    return prepare(settings)[0].diagnostics.sorted()


def _run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    config_file = Path(args.config) if args.config else find_config(Path.cwd())
    diagnostics = check(config_file, Edition.parse(os.environ.get("BRIEFING_EDITION")))
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in diagnostics:
        print(diagnostic.format())
        if annotate:
            print(diagnostic.github_annotation())
    counts = Counter(d.severity for d in diagnostics)
    failing = counts[Severity.ERROR] + counts[Severity.WARNING]
    elapsed = time.perf_counter() - started
    print(
        f"check: {counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), "
        f"{counts[Severity.NOTICE]} notice(s) in {elapsed:.2f} s" + ("" if failing else "; all good"),
        file=sys.stderr,
    )
    return 1 if failing else 0


def add_parser(commands) -> None:
    parser = commands.add_parser("check", help="validate all notes, letters and registry entries (no site build)")
    parser.add_argument("-f", "--config", help="path to mkdocs.yml; default: the nearest one from here upwards")
    parser.set_defaults(run=_run)
