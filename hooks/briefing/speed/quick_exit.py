"""Ending a finished build's process without the interpreter's teardown."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from typing import NoReturn


def end_process(status: int = 0) -> NoReturn:
    """Run the exit handlers (``logging`` flushes and closes its handlers there), flush the standard
    streams, then end the process at once with ``status``.

    A normal exit frees, one by one, every object the build made (the corpus, its pages, the
    templates): 0.1–0.3 s of a 1,000-event build after its last file is written, about a tenth of
    its wall time, where the system takes the process's memory back in milliseconds. Nothing is
    left unwritten: the build closes every file it writes. (mypy ends its runs the same way.)
    """
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):  # closed, or without flush
            stream.flush()
    os._exit(status)
