"""Work done by a second process while the build goes on: the machine's other core.

A job is forked when that is safe (:func:`can_fork`: a POSIX system, and no other thread in the
process, as in ``mkdocs build``: a forked child of a threaded process may inherit a lock another
thread held); otherwise, as under ``mkdocs serve`` or on Windows, it runs at once, in the process.
Either way ``wait`` returns only when the job is done, with what the work returned (pickled back
from the child), and raises if it failed. Only the process that started a job waits for it or
stops it: a later child forked from that process inherits the job object and must leave it alone.
"""

from __future__ import annotations

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


class BackgroundJob:
    def __init__(self, name: str, work: Callable[[], Any], *, collect_garbage: bool = False) -> None:
        """Start ``work``. A short job's child runs without the cyclic garbage collector (collections
        would only copy the parent's memory); a long one that makes garbage (``collect_garbage``)
        keeps it, and should be started once the parent's lasting objects are frozen (``gc.freeze``)."""
        self.name = name
        self._pid: int | None = None
        self._owner = os.getpid()
        self._output: str | None = None
        self._result: Any = None
        self.forked = can_fork()
        """Whether the job runs in a second process (else it has already run, here)."""
        if self.forked:
            self._fork(work, collect_garbage)
        else:
            self._result = work()

    def _fork(self, work: Callable[[], Any], collect_garbage: bool) -> None:
        handle, self._output = tempfile.mkstemp(prefix="briefing-job-", suffix=".pickle")
        os.close(handle)
        pid = os.fork()
        if pid:
            self._pid = pid
            return
        status = 1
        try:  # the child: only the work, then out without running the parent's exit handlers
            if not collect_garbage:
                gc.disable()
            outcome = ("done", work())
            status = 0
        except BaseException:
            outcome = ("failed", traceback.format_exc())
        try:
            try:
                data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                status, data = 1, pickle.dumps(("failed", traceback.format_exc()))
            with open(self._output, "wb") as output:
                output.write(data)
        finally:
            os._exit(status)

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
        if self._output is None:
            return None
        try:
            with open(self._output, "rb") as output:
                return pickle.load(output)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        finally:
            os.unlink(self._output)
            self._output = None
