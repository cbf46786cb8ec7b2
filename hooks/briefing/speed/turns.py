"""Items two processes take one at a time, each the next one nobody took: work shared as it is done.

Made before ``fork`` (its counter and lock live in memory both processes share), used after it by
both. Each process goes on taking until nothing is left, so that they end together whatever each
item costs and whatever else runs on the machine.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")


class Turns(Generic[Item]):
    def __init__(self, items: Sequence[Item]) -> None:
        self._items = items
        self._next = multiprocessing.RawValue("q", 0)
        self._lock = multiprocessing.Lock()

    def take(self) -> Item | None:
        """The next item nobody took, or None once all are taken."""
        with self._lock:
            index = self._next.value
            if index >= len(self._items):
                return None
            self._next.value = index + 1
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)
