"""Work done by a second process while the build goes on: the machine's other core.

A job is forked when that is safe (:func:`can_fork`: a POSIX system, and no other thread in the
process, as in ``mkdocs build``: a forked child of a threaded process may inherit a lock another
thread held); otherwise, as under ``mkdocs serve`` or on Windows, it runs at once, in the process.
Either way ``wait`` returns only when the job is done, with what the work returned (pickled back
from the child), and raises if it failed. Only the process that started a job waits for it or
stops it: a later child forked from that process inherits the job object and must leave it alone.

A job may have a ``first`` step, whose result the parent takes (``first_result``) while the work goes
on, and its work may wait for a :class:`Gate` the parent opens later (a job started before the site
folder is emptied writes into it only once it is).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import tempfile
import threading
import traceback
from collections.abc import Callable
from typing import Any


class JobFailed(RuntimeError):
    pass


def can_fork() -> bool:
    """Whether a job started now would run in a second process."""
    return hasattr(os, "fork") and threading.active_count() == 1


class Gate:
    """A signal a parent gives once to the jobs it forked (``open``), which one waits for (``wait``).

    Make it before starting the job; in the job's process ``wait`` returns True once the parent
    opened it, False if the parent closed it or ended without opening it. Only the process that made
    it opens or closes it."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()
        self._owner = os.getpid()

    def wait(self) -> bool:
        if self._write is not None:  # this process's copy of the writing end: EOF needs every copy closed
            os.close(self._write)
            self._write = None
        opened = os.read(self._read, 1) == b"1"
        os.close(self._read)
        return opened

    def open(self) -> None:
        self._close(b"1")

    def close(self) -> None:
        """Closed without opening: a job waiting for it is told not to go on."""
        self._close(b"")

    def _close(self, signal_byte: bytes) -> None:
        if os.getpid() != self._owner or self._write is None:
            return
        if signal_byte:
            os.write(self._write, signal_byte)
        os.close(self._write)
        os.close(self._read)
        self._write = None


def _dump(path: str, outcome: tuple[str, Any]) -> bool:
    """Write a step's outcome for the parent; False if it could not be pickled (the failure is written)."""
    try:
        data, ok = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL), True
    except BaseException:
        data, ok = pickle.dumps(("failed", traceback.format_exc())), False
    with open(path, "wb") as output:
        output.write(data)
    return ok


class BackgroundJob:
    def __init__(self, name: str, work: Callable[[], Any], *, collect_garbage: bool = False,
                 first: Callable[[], Any] | None = None) -> None:
        """Start ``work``, after ``first`` if given. A short job's child runs without the cyclic garbage
        collector (collections would only copy the parent's memory); a long one that makes garbage
        (``collect_garbage``) keeps it, and should be started once the parent's lasting objects are
        frozen (``gc.freeze``)."""
        self.name = name
        self._pid: int | None = None
        self._owner = os.getpid()
        self._output: str | None = None
        self._first_output: str | None = None
        self._first_ready: int | None = None
        self._result: Any = None
        self._first: Any = None
        self.forked = can_fork()
        """Whether the job runs in a second process (else it has already run, here)."""
        if self.forked:
            self._fork(work, collect_garbage, first)
        else:
            self._first = first() if first is not None else None
            self._result = work()

    def _fork(self, work: Callable[[], Any], collect_garbage: bool, first: Callable[[], Any] | None) -> None:
        self._output = _temporary()
        if first is not None:
            self._first_output = _temporary()
            self._first_ready, ready = os.pipe()
        pid = os.fork()
        if pid:
            self._pid = pid
            if first is not None:
                os.close(ready)
            return
        status = 1
        try:  # the child: only the work, then out without running the parent's exit handlers
            if not collect_garbage:
                gc.disable()
            if first is not None:
                os.close(self._first_ready)
                try:
                    first_outcome = ("done", first())
                except BaseException:
                    first_outcome = ("failed", traceback.format_exc())
                sent = _dump(self._first_output, first_outcome)
                os.write(ready, b"1")
                os.close(ready)
                if first_outcome[0] != "done" or not sent:
                    raise JobFailed("its first step failed")
            outcome = ("done", work())
            status = 0
        except BaseException:
            outcome = ("failed", traceback.format_exc())
        try:
            if not _dump(self._output, outcome):
                status = 1
        finally:
            os._exit(status)

    def first_result(self) -> Any:
        """What the ``first`` step returned, as soon as it is done (the work may still run); raise
        ``JobFailed`` if it failed. In a process other than the one that started the job: None."""
        if not self.forked:
            return self._first
        if os.getpid() != self._owner or self._first_ready is None:
            return None
        os.read(self._first_ready, 1)  # a byte once the step's outcome is written; EOF if the child died first
        os.close(self._first_ready)
        self._first_ready = None
        outcome = _load(self._first_output)
        self._first_output = None
        if outcome is not None and outcome[0] == "done":
            self._first = outcome[1]
            return self._first
        if outcome is not None:
            raise JobFailed(f"{self.name} failed in its worker process:\n{str(outcome[1]).strip()}")
        self.wait()  # the child ended before writing it: its failure, with its traceback
        raise JobFailed(f"{self.name} failed in its worker process before its first step was done")

    def _mine(self) -> bool:
        return self._pid is not None and os.getpid() == self._owner

    def wait(self) -> Any:
        """Once the job is done, what its work returned; raise ``JobFailed`` with the child's
        traceback if it failed. In a process other than the one that started it: None at once."""
        if not self._mine():
            return None if self.forked else self._result
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        outcome = self._read_output()
        if outcome is not None and outcome[0] == "done" and os.waitstatus_to_exitcode(status) == 0:
            return outcome[1]
        detail = outcome[1] if outcome is not None and outcome[0] == "failed" else f"exit status {status}"
        raise JobFailed(f"{self.name} failed in its worker process:\n{str(detail).strip()}")

    def cancel(self) -> None:
        """Stop a job whose result is no longer wanted (the build failed)."""
        if self._mine():
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = None
            self._read_output()

    def _read_output(self) -> tuple[str, Any] | None:
        outcome, self._output = _load(self._output), None
        if self._first_ready is not None:
            os.close(self._first_ready)
            self._first_ready = None
        if self._first_output is not None:
            _load(self._first_output)
            self._first_output = None
        return outcome


def _temporary() -> str:
    handle, path = tempfile.mkstemp(prefix="briefing-job-", suffix=".pickle")
    os.close(handle)
    return path


def _load(path: str | None) -> tuple[str, Any] | None:
    """A step's outcome written by the child, or None; the file is removed."""
    if path is None:
        return None
    try:
        with open(path, "rb") as output:
            return pickle.load(output)
    except (OSError, EOFError, pickle.UnpicklingError):
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
