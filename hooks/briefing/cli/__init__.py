"""Command line for contributors: ``new`` (start from a template) and ``check`` (validate without a build)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from briefing.cli import check, new


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m briefing",
        description="Write and check the briefing's event notes, letters and registry entries.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new.add_parser(commands)
    check.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
