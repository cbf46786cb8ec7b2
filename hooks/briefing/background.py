"""Work done by a second process while the build goes on: the machine's other core.

A job is forked when that is safe (a POSIX system, and no other thread in the process, as in
``mkdocs build``: a forked child of a threaded process may inherit a lock another thread held);
otherwise, as under ``mkdocs serve`` or on Windows, it runs at once, in the process. Either way
``wait`` returns only when the job is done, and raises if it failed.
"""

from __future__ import annotations

import gc
import os
import signal
import tempfile
import threading
import traceback
from collections.abc import Callable


class JobFailed(RuntimeError):
    pass


class BackgroundJob:
    def __init__(self, name: str, work: Callable[[], None]) -> None:
        self.name = name
        self._pid: int | None = None
        self._errors: str | None = None
        self.forked = hasattr(os, "fork") and threading.active_count() == 1
        """Whether the job runs in a second process (else it has already run, here)."""
        if self.forked:
            self._fork(work)
        else:
            work()

    def _fork(self, work: Callable[[], None]) -> None:
        handle, self._errors = tempfile.mkstemp(prefix="briefing-job-", suffix=".txt")
        os.close(handle)
        pid = os.fork()
        if pid:
            self._pid = pid
            return
        status = 1
        try:  # the child: only the work, then out without running the parent's exit handlers
            gc.disable()  # a short life: collections would only copy the parent's memory
            work()
            status = 0
        except BaseException:
            with open(self._errors, "w", encoding="utf-8") as errors:
                traceback.print_exc(file=errors)
        finally:
            os._exit(status)

    def wait(self) -> None:
        """Return once the job is done; raise ``JobFailed`` with the child's traceback if it failed."""
        if self._pid is None:
            return
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        errors = self._read_errors()
        if os.waitstatus_to_exitcode(status) != 0:
            raise JobFailed(f"{self.name} failed in its worker process:\n{errors or f'exit status {status}'}")

    def cancel(self) -> None:
        """Stop a job whose result is no longer wanted (the build failed)."""
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = None
        self._read_errors()

    def _read_errors(self) -> str:
        if self._errors is None:
            return ""
        try:
            with open(self._errors, encoding="utf-8") as errors:
                return errors.read().strip()
        finally:
            os.unlink(self._errors)
            self._errors = None
