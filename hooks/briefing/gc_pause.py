"""Pausing Python's cyclic garbage collector while the corpus is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run a block with the cyclic collector off, then restore it as it was.

    Loading an archive creates a million objects that all last (the corpus itself): every
    collection during the load walks them and frees nothing, a tenth of the load's time at 10,000
    notes. Reference counting still frees everything else at once. On the way out, everything the
    block created is moved to the oldest generation (``freeze`` then ``unfreeze``: no walk), as a
    collection would have done; otherwise the first collection after the block would walk it all.
    Any cycle left is collected by the next full collection, as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
