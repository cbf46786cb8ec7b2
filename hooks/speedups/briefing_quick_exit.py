"""MkDocs adapter: a successful ``mkdocs build`` ends its process without the interpreter's teardown.

``on_shutdown`` is the last thing ``mkdocs build`` runs (``mkdocs.__main__.build_command``, in its
``finally``); once it returns, the interpreter frees every object the build made before the process
ends, a tenth of a 1,000-event build's wall time. Last of the shutdown handlers, after a build that
raised nothing, this one ends the process with status 0 (``briefing.speed.quick_exit``: the exit
handlers run and the streams are flushed first). A failed build (an exception on its way out, as
``--strict`` raises), ``mkdocs serve`` and ``gh-deploy`` (which deploys after ``on_shutdown``) exit
as usual, and so does any engine but MkDocs 1.6.1, whose command this follows.
"""

from __future__ import annotations

import sys

import mkdocs
from mkdocs.plugins import event_priority

from briefing.speed.quick_exit import end_process

_run = {"command": None, "engine": False}


def on_startup(command: str, dirty: bool) -> None:
    _run["command"] = command


def on_config(config):
    """MkDocs 1.6.1 itself (not a fork such as ProperDocs, whose command may go on after ``on_shutdown``)."""
    _run["engine"] = mkdocs.__version__ == "1.6.1" and type(config).__module__.startswith("mkdocs.")
    return config


@event_priority(-10_000)
def on_shutdown() -> None:
    """Last: after every other plugin's shutdown, when the build succeeded."""
    if _run["command"] == "build" and _run["engine"] and sys.exc_info()[0] is None:
        end_process(0)
