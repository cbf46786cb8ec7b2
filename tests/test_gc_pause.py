"""The load runs with the cyclic collector paused, and leaves it as it found it; a build keeps its
corpus out of the collector's walks until it ends."""

import gc

from briefing.speed.gc_pause import freeze_until_build_end, gc_paused, thaw


def test_collector_is_off_inside_and_back_on_after():
    assert gc.isenabled()
    gc.collect()  # every generation's count at zero: what follows is deterministic
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # the pipeline pauses around the loader, which pauses too
            assert not gc.isenabled()
        assert not gc.isenabled()
        kept = [[n] for n in range(1000)]  # lists: always tracked by the collector
    assert gc.isenabled()
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(o) in oldest for o in kept)  # promoted without a walk, not left young


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_build_freezes_what_it_keeps_and_thaws_it_at_the_end():
    kept = [[n] for n in range(1000)]
    freeze_until_build_end()
    try:
        assert gc.get_freeze_count() >= len(kept)
        assert not any(o is kept[0] for o in gc.get_objects())  # out of every walk
        cycle = [kept]
        cycle.append(cycle)  # made after the freeze: still collected
        del cycle
        assert gc.collect() >= 1
    finally:
        thaw()
    assert gc.get_freeze_count() == 0
    assert any(o is kept[0] for o in gc.get_objects())
