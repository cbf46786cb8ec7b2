"""French typography's scan (``typography.html``) against the plain statement of its rules.

``html`` skips what cannot change (elements that do not change how text is typeset, nodes without
anything to typeset) and keeps each typeset text node for the next page that has it. Here every
fragment is typeset both by ``html`` and by ``_reference`` — every tag looked at, every node typeset
afresh, as first written — and they must agree, also when ``html`` has typeset the same nodes before
in another context (in a link, in an ``<option>``, in code or another language)."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.french import typography

EXAMPLES = int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "200"))


def _reference(fragment: str) -> str:
    out, kept, skipped, plain_only, links, last = [], 0, [], 0, 0, 0

    def node_at(end: int) -> None:
        nonlocal kept
        node = fragment[last:end]
        if node and not skipped and typography._WORK.search(node):
            out.extend([fragment[kept:last], typography._typeset_node(node, plain_only > 0, links > 0)])
            kept = end

    for match in typography._TAG.finditer(fragment):
        node_at(match.start())
        last = match.end()
        if match.group(2) is None:
            continue
        name, closing = match.group(2).lower(), match.group(1) == "/"
        if closing:
            if name in skipped:
                del skipped[len(skipped) - 1 - skipped[::-1].index(name)]
        elif (name in typography._VERBATIM or (skipped and name == skipped[-1])
              or (typography._foreign(match.group()) and name not in typography._VOID)) \
                and not match.group().endswith("/>"):
            skipped.append(name)
        if name in typography._NO_MARKUP:
            plain_only = max(0, plain_only + (-1 if closing else 1))
        elif name == "a":
            links = max(0, links + (-1 if closing else 1))
    node_at(len(fragment))
    return "".join([*out, fragment[kept:]]) if out else fragment


_TAGS = st.sampled_from([
    "<p>", "</p>", "<P>", "</P>", "<code>", "</code>", "<CODE>", "<code/>", '<a href="https://x.org/?a=1 : b">',
    "</a>", "<A HREF='/x'>", "</A>", "<a/>", "<em>", "</em>", "<br>", "<br/>", '<span lang="en">', "<span>",
    "</span>", '<span lang="fr-FR">', "<SPAN LANG=EN>", '<div title="lang : x">', "</div>", "<option>",
    "</option>", "<sup>", "</sup>", "<SUB>", "</sub>", "<title>", "</title>", "<!-- l'a : b -->", "<!doctype html>",
    "<pre>", "</pre>", "<svg>", "</svg>", "<x-lang>", "</x-lang>", "< p>", "<3", "a > b", '<br lang="en">',
    "<IMG LANG=en>",
])
_WORDS = st.sampled_from([
    "l'Otan", "le 1er", "la 2e", " : ", " ; ", " ? ", "« x »", "n° 4", "30 km", " – ", "&#x27;", "&apos;",
    "https://x.org/p", "www.x.org", "mailto:a@x.org", "mot", " ", "\n", "é", "12:30", "&amp;", "lang",
])
_FRAGMENTS = st.lists(st.one_of(_TAGS, _WORDS), max_size=40).map("".join)


@settings(max_examples=EXAMPLES * 2, derandomize=True, deadline=None)
@given(st.lists(_FRAGMENTS, min_size=1, max_size=4))
def test_html_typesets_as_the_rules_say(fragments: list[str]):
    for fragment in fragments:  # later fragments reuse what earlier ones left in the kept nodes
        assert typography.html(fragment) == _reference(fragment)
    whole = "".join(fragments)
    assert typography.html(whole) == _reference(whole)


def test_a_node_kept_in_one_context_is_typeset_anew_in_another():
    assert typography.html("<p>le 1er : x</p>") == "<p>le 1<sup>er</sup>\u00a0: x</p>"
    assert typography.html("<option>le 1er : x</option>") == "<option>le 1er\u00a0: x</option>"
    assert typography.html("<code>le 1er : x</code>") == "<code>le 1er : x</code>"
    assert typography.html("<p>voir https://x.org/a</p>") == '<p>voir <a href="https://x.org/a">https://x.org/a</a></p>'
    assert typography.html('<a href="/y">voir https://x.org/a</a>') == '<a href="/y">voir https://x.org/a</a>'
