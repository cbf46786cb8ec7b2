"""Items two processes take one at a time, each the next one nobody took: work shared as it is done.

Made before ``fork`` (its counter lives in memory both processes share), used after it by both. Each
process goes on taking until nothing is left, so that they end together whatever each item costs and
whatever else runs on the machine. POSIX only, as ``fork``: the counter is an anonymous shared
``mmap``, its lock a POSIX record lock (``fcntl.lockf``, held per process) on a temporary file.
(``multiprocessing``'s shared value and lock did the same, for 15 ms of imports and set-up before the
fork, while the other core waits.)
"""

from __future__ import annotations

import mmap
import tempfile
from collections.abc import Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")


class Turns(Generic[Item]):
    def __init__(self, items: Sequence[Item]) -> None:
        self._items = items
        self._next = mmap.mmap(-1, 8)  # anonymous and shared: a child forked later writes the same bytes
        self._lock = tempfile.TemporaryFile()  # noqa: SIM115 (open as long as the turns: the lock's file)

    def take(self) -> Item | None:
        """The next item nobody took, or None once all are taken."""
        import fcntl  # POSIX: imported where turns are taken (after a fork), not where the hook is read

        fcntl.lockf(self._lock, fcntl.LOCK_EX)
        try:
            index = int.from_bytes(self._next[:8], "little")
            if index >= len(self._items):
                return None
            self._next[:8] = (index + 1).to_bytes(8, "little")
        finally:
            fcntl.lockf(self._lock, fcntl.LOCK_UN)
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)
