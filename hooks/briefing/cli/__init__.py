"""Command line for contributors: ``new`` (start from a template) and ``check`` (validate without a build).

Its messages and help are in the site's language (``theme.language`` of the nearest ``mkdocs.yml``,
or ``BRIEFING_LANGUAGE``), argparse's own words included.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from briefing import i18n
from briefing.cli import check, new
from briefing.i18n import N_, _
from briefing.project import find_config, site_language

ARGPARSE_MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"), N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"), N_("expected one argument"),
    N_("expected at least one argument"), N_("expected at most one argument"),
    N_("invalid %(type)s value: %(value)r"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"), N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"), N_("not allowed with argument %s"),
)
"""argparse's own messages (it looks them up with gettext), translated by this package's catalog."""


@contextmanager
def _argparse_in_language() -> Iterator[None]:
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = i18n._, i18n.ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m briefing",
        description=_("Write and check the briefing's event notes, letters and registry entries."),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar=_("COMMAND"))
    new.add_parser(commands)
    check.add_parser(commands)
    return parser


def _language_of_here() -> str | None:
    try:
        return site_language(find_config(Path.cwd()))
    except (OSError, ValueError):
        return None


def main(argv: Sequence[str] | None = None) -> int:
    i18n.use(_language_of_here())
    with _argparse_in_language():
        args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (FileNotFoundError, ValueError) as error:
        print(_("error: {message}").format(message=error), file=sys.stderr)
        return 2
