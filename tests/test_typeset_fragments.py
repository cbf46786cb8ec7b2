"""Late fragments typeset when they are built, not on every page: the same bytes as typesetting afterwards.

A chronology's entries, timeline marks and filter form are built typeset (``typeset=True``: each part
typeset once, when it is built) for the fragments that go in after search; the page's body is then
typeset around them (``Fragments.complete``). Here, on Hypothesis corpora and bodies, both give exactly
what ``typography.html`` gives over the plain fragment and over the whole completed body."""

from __future__ import annotations

import datetime as dt
import os
from html import escape
from itertools import groupby
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from briefing.french import typography
from briefing.load.registry import Registry
from briefing.render import _PagePlacer, sanitize
from briefing.render.entries import render_entries
from briefing.render.filters import render_filter_form
from briefing.render.fragments import Fragments
from briefing.render.timeline import render_timeline
from briefing.structure import Entity, EntityKind, Event, PartialDate, When

EXAMPLES = int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "200"))
_settings = settings(derandomize=True, database=None, max_examples=EXAMPLES, phases=[Phase.generate],
                     deadline=None, suppress_health_check=[HealthCheck.too_slow])

_WORDS = st.sampled_from([
    "l'Otan", "Rock'", "le 1er sommet", "la 2e", "Accord : suite", " : ", " ; ", " ? ", "x !", "« x »", "«x»",
    "n° 4", "30 km", "12 %", " – ", "https://x.org/p?a=1&b=2", "www.x.org", "mot", "Corée du Sud", "é", "12:30",
    "&", "<b>", '"q"', "  ", "\u00a0:",
])
_TEXT = st.lists(_WORDS, min_size=1, max_size=5).map(" ".join)


@st.composite
def _corpus(draw) -> tuple[Registry, list[Event]]:
    registry = Registry()
    for n, kind in enumerate(draw(st.lists(st.sampled_from(list(EntityKind)), min_size=1, max_size=6))):
        registry.add(Entity(kind=kind, slug=f"e{n}", title=draw(_TEXT), path=Path(f"e{n}.md"),
                            abbr=draw(st.one_of(st.none(), _TEXT))))
    keys = list(registry.entities)
    events = []
    for n in range(draw(st.integers(2, 30))):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=draw(st.integers(0, 1100)))
        start = draw(st.sampled_from([PartialDate(day.year, day.month, day.day), PartialDate(day.year, day.month),
                                      PartialDate(day.year)]))
        end = None
        if draw(st.booleans()):
            last = day + dt.timedelta(days=draw(st.integers(1, 500)))
            end = PartialDate(last.year, last.month, last.day)
        events.append(Event(
            id=f"ev{n}", path=Path(f"ev{n}.md"), when=When(start, end), title=draw(_TEXT), body=draw(_TEXT),
            entities=tuple(draw(st.lists(st.sampled_from(keys), max_size=4, unique=True))),
            withheld=draw(st.integers(0, 5)) == 0, fact=draw(st.one_of(st.none(), _TEXT)),
        ))
    return registry, sorted(events, key=lambda e: (e.when.sort_key(), e.id))


@_settings
@given(_corpus(), st.data())
def test_a_chronology_built_typeset_is_the_plain_one_typeset(corpus, data):
    registry, events = corpus
    own = data.draw(st.one_of(st.none(), st.sampled_from(list(registry.entities))))
    newest_first = data.draw(st.booleans())
    ordered = events[::-1] if newest_first else events
    groups = [((3, str(year), f"annee-{year}"), list(group))
              for year, group in groupby(ordered, key=lambda e: e.when.start.year)]
    cited = {e.id: [1] for e in events if data.draw(st.booleans())}
    caption = data.draw(_TEXT)

    def build(typeset: bool) -> list[str]:
        place = _PagePlacer(Fragments(), "x.md")
        return [
            render_entries(groups, registry.entities, place, newest_first=newest_first, omit=own, typeset=typeset),
            render_entries([(None, events)], registry.entities, place, typeset=typeset),
            render_filter_form(events, registry, exclude=own, carry=newest_first, typeset=typeset),
            render_timeline(events, year_link=lambda year: ("x.md", f"annee-{year}"),
                            month_link=lambda year, _month: ("x.md", f"annee-{year}"), caption=caption,
                            cited=cited, members=not newest_first, typeset=typeset),
        ]

    plain, typeset = build(False), build(True)
    assert typeset == [typography.html(fragment) for fragment in plain]
    assert typeset == build(True)  # kept parts give the same again
    assert [typography.html(fragment) for fragment in typeset] == typeset  # a page typeset whole: the same


_TAGS = st.sampled_from([
    "<p>", "</p>", "<code>", "</code>", '<a href="https://x.org/">', "</a>", "<em>", "</em>", "<br>",
    '<br lang="en">', '<img lang="en" alt="x">', '<span lang="en">', "</span>", "<sup>", "</sup>", "<pre>",
    "</pre>", "<li>", "<ul>", "</ul>", "\n", "<h2>", "</h2>",
])
_BODY = st.lists(st.one_of(_TAGS, _WORDS), max_size=12).map("".join)


@st.composite
def _element(draw, depth: int = 0) -> str:
    """A whole element, as ``render/html.py`` writes them (text escaped, every element closed)."""
    name, attributes = draw(st.sampled_from([
        ("p", ""), ("li", ""), ("a", ' href="briefing:/x.md"'), ("code", ""), ("span", ' lang="en"'),
        ("select", ""), ("option", ' value="x"'), ("sup", ""), ("b", ""), ("div", ' class="tl-row"'),
    ]))
    children = draw(st.lists(st.one_of(_TEXT.map(escape), _element(depth + 1))
                             if depth < 2 else _TEXT.map(escape), max_size=3))
    return f"<{name}{attributes}>{''.join(children)}</{name}>"


_FRAGMENT = st.lists(_element(), min_size=1, max_size=3).map(lambda parts: "\n".join(parts) + "\n")


@_settings
@given(st.lists(st.tuples(_BODY, _FRAGMENT, st.booleans(), st.booleans()), min_size=1, max_size=4), _BODY)
def test_a_body_typeset_around_its_late_fragments_is_the_whole_typeset(pieces, tail):
    def complete(pretypeset: bool) -> str:
        fragments = Fragments()
        rendered = []
        for body, fragment, typeset_here, with_search_text in pieces:
            typeset = pretypeset and typeset_here
            placeholder = fragments.place("a.md", typography.html(fragment) if typeset else fragment,
                                          searchable=False, typeset=typeset,
                                          search_html="<p>Pays : x</p>" if with_search_text else None)
            rendered += [body, f"<p>{placeholder.strip()}</p>\n"]
        rendered.append(tail)
        assembled = fragments.assemble("a.md", "".join(rendered), sanitize.clean)
        if pretypeset:
            return fragments.complete("a.md", assembled, str, typography.html)
        return typography.html(fragments.complete("a.md", assembled, str))

    assert complete(True) == complete(False)


def test_a_void_element_in_another_language_leaves_the_text_after_it_typeset():
    assert typography.html('<p>Hello<br lang="en">l\'Otan : x</p>') == '<p>Hello<br lang="en">l’Otan\u00a0: x</p>'
    assert typography.html('<p lang="en">a : b</p><p>a : b</p>') == '<p lang="en">a : b</p><p>a\u00a0: b</p>'
