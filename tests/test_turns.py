"""Turns (``briefing.speed.turns``): two processes, forked after the turns were made, take every item
exactly once between them, each the next one nobody took."""

from __future__ import annotations

import json
import os

import pytest

from briefing.speed.turns import Turns


def _take_all(turns: Turns[int]) -> list[int]:
    taken = []
    while (item := turns.take()) is not None:
        taken.append(item)
    return taken


@pytest.mark.skipif(not hasattr(os, "fork"), reason="turns are shared by forked processes (POSIX)")
def test_two_processes_take_every_item_once(tmp_path):
    items = list(range(3000))
    turns = Turns(items)
    from_parent, to_child = os.pipe()
    from_child, to_parent = os.pipe()
    out = tmp_path / "child.json"
    pid = os.fork()
    if pid == 0:  # the child: its first item once the parent has taken one, then the rest as they come
        try:
            os.read(from_parent, 1)
            first = turns.take()
            os.write(to_parent, b"x")
            out.write_text(json.dumps([first, *_take_all(turns)]), "utf-8")
        finally:
            os._exit(0)
    first = turns.take()
    os.write(to_child, b"x")
    os.read(from_child, 1)
    mine = [first, *_take_all(turns)]
    os.waitpid(pid, 0)
    theirs = json.loads(out.read_text("utf-8"))
    assert (first, theirs[0]) == (0, 1)  # the child saw the parent's turn: the counter is shared
    assert sorted(mine + theirs) == items
    assert mine == sorted(mine) and theirs == sorted(theirs)
    assert turns.take() is None and len(turns) == len(items)


def test_in_one_process_items_come_in_order_then_none():
    turns = Turns(["a", "b"])
    assert [turns.take(), turns.take(), turns.take()] == ["a", "b", None]
