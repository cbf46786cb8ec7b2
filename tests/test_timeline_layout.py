"""Where the timeline's marks go (``render/timeline_layout.py``), on any set of events in a year.

Property-based (Hypothesis, derandomized and bounded; ``BRIEFING_HYPOTHESIS_EXAMPLES=2000`` runs
more examples): every event is drawn exactly once, no two periods of a lane meet, no period lies on the
points' lane, a row holds at most one mark per month, and labels never overlap.
"""

from __future__ import annotations

import datetime as dt
import os
from itertools import pairwise
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from briefing.render.timeline_layout import (
    LABELS_PER_ROW,
    MAX_MARKS_PER_YEAR,
    is_span,
    layout_row,
    place_labels,
)
from briefing.structure import Event, PartialDate, When

YEAR = 2023
EXAMPLES = int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "150"))


@st.composite
def _events(draw) -> list[Event]:
    events = []
    for n in range(draw(st.integers(1, 2 * MAX_MARKS_PER_YEAR))):
        kind = draw(st.sampled_from(["day", "range", "month", "year", "across"]))
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, 28))
        end = None
        if kind == "day":
            start = PartialDate(YEAR, month, day)
        elif kind == "range":
            start = PartialDate(YEAR, month, day)
            last = dt.date(YEAR, month, day) + dt.timedelta(days=draw(st.integers(1, 120)))
            end = PartialDate(last.year, last.month, last.day)
        elif kind == "month":
            start = PartialDate(YEAR, month)
        elif kind == "year":
            start = PartialDate(YEAR)
        else:  # begun the year before, or going on into the next
            start = PartialDate(YEAR - 1, month, day) if draw(st.booleans()) else PartialDate(YEAR, month, day)
            end = PartialDate(YEAR + 1, draw(st.integers(1, 12)))
        events.append(Event(id=f"e{n}", path=Path(f"e{n}.md"), when=When(start, end), title=f"Fait {n}", body="",
                            withheld=draw(st.booleans()) and kind == "day"))
    return sorted(events, key=lambda e: (e.when.sort_key(), e.id))


_settings = settings(derandomize=True, database=None, max_examples=EXAMPLES, phases=[Phase.generate],
                     deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(_events())
def test_every_event_is_drawn_once_and_no_mark_covers_another(events):
    row = layout_row(YEAR, events)
    drawn = [e.id for c in row.cells for e in c.events] + [s.event.id for lane in row.lanes for s in lane]
    drawn += [e.id for e in row.year_band.events] if row.year_band else []
    assert sorted(drawn) == sorted(e.id for e in events)
    months = [c.month for c in row.cells]
    assert len(months) == len(set(months)) and all(1 <= m <= 12 for m in months)  # one mark a month
    for lane in row.lanes:
        assert all(0 <= s.left < s.right <= 12 for s in lane)
        for a, b in pairwise(lane):
            assert max(a.right, a.left + 1) < b.left, (a, b)  # a period is at least a month wide when drawn
    if row.crowded:
        assert not row.lanes and len(row.cells) <= 12
    else:
        assert all(is_span(s.event) for lane in row.lanes for s in lane)
        assert not any(is_span(e) for c in row.cells for e in c.events)  # a period never on the points' lane


@_settings
@given(_events(), st.data())
def test_labels_are_few_and_never_overlap(events, data):
    row = layout_row(YEAR, events)
    weight = {e.id: data.draw(st.integers(0, 3)) for e in events}
    placed = place_labels(row.cells, weight, YEAR)
    assert len(placed) <= LABELS_PER_ROW
    for cell, left, right, _ in placed:
        assert len(cell.events) == 1 and weight[cell.events[0].id] > 0
        assert 0 <= left < right <= 12 and right - left >= 3
    for (_, _, right, _), (_, left, _, _) in pairwise(placed):
        assert right <= left
