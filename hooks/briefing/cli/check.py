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

from briefing import i18n
from briefing.diagnostics import Diagnostic, Severity
from briefing.edition.editions import Edition
from briefing.i18n import _, ngettext
from briefing.pipeline import prepare
from briefing.project import find_config, load_settings, site_language


def check(config_file: Path, edition: Edition = Edition.PUBLIC) -> list[Diagnostic]:
    """Every problem the build of ``config_file`` would report, in the same order and language."""
    i18n.use(site_language(config_file))
    settings = load_settings(config_file, edition)
    if not settings.events_dir.is_dir():
        raise FileNotFoundError(_("events folder not found: {folder}; create it or set extra.briefing.events_dir"
                                  ).format(folder=settings.events_dir))
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
    summary = _("check: {errors}, {warnings}, {notices} in {seconds:.2f} s").format(
        errors=ngettext("{count} error", "{count} errors", counts[Severity.ERROR]).format(count=counts[Severity.ERROR]),
        warnings=ngettext("{count} warning", "{count} warnings", counts[Severity.WARNING]).format(
            count=counts[Severity.WARNING]),
        notices=ngettext("{count} notice", "{count} notices", counts[Severity.NOTICE]).format(
            count=counts[Severity.NOTICE]),
        seconds=elapsed,
    )
    print(summary + ("" if failing else _("; all good")), file=sys.stderr)
    return 1 if failing else 0


def add_parser(commands) -> None:
    parser = commands.add_parser("check", help=_("validate all notes, letters and registry entries (no site build)"),
                                 description=_("Validate all notes, letters and registry entries as the build does, "
                                               "without building the site; fails on any error or warning."))
    parser.add_argument("-f", "--config", help=_("path to mkdocs.yml; default: the nearest one from here upwards"))
    parser.set_defaults(run=_run)
