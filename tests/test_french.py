"""The French language rules (``briefing.french``): typography, collation, articles before names."""

from __future__ import annotations

import itertools
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.french import grammar, typography
from briefing.french.collation import initial, sort_key

NB, NNB = "\u00a0", "\u202f"
EXAMPLES = int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "200"))

TYPOGRAPHY_HTML = [
    # (input HTML, expected HTML)
    ("28-30 juin 2022 : au sommet", f"28-30 juin 2022{NB}: au sommet"),
    ("le 1er février", "le 1<sup>er</sup> février"),
    ("la 1re et la 21e", "la 1<sup>re</sup> et la 21<sup>e</sup>"),
    ('<a href="/x/">30 janvier – 1er février 2023</a> : titre',
     f'<a href="/x/">30 janvier{NB}– 1<sup>er</sup> février 2023</a>{NB}: titre'),
    ("Quoi ? Oui ! Non ; enfin", f"Quoi{NNB}? Oui{NNB}! Non{NNB}; enfin"),
    ("« Jaukus » et «Aukus»", f"«{NB}Jaukus{NB}» et «{NB}Aukus{NB}»"),
    ("n° 187 et N°12", f"n°{NB}187 et N°{NB}12"),
    ("30 km, 2 %, 5 milliards, 3 Md$", f"30{NB}km, 2{NB}%, 5{NB}milliards, 3{NB}Md$"),
    ("l'Atlantique et l&#x27;Otan, aujourd&#39;hui", "l’Atlantique et l’Otan, aujourd’hui"),
    ("Japon – Corée du Sud – États-Unis", f"Japon{NB}– Corée du Sud{NB}– États-Unis"),
    # what is not French text is left alone
    ("<code>a : b; l'x 1er</code> c : d", f"<code>a : b; l'x 1er</code> c{NB}: d"),
    ("<pre><code>x ? y</code></pre>", "<pre><code>x ? y</code></pre>"),
    ('<script>var a = x ? 1 : 2;</script>', '<script>var a = x ? 1 : 2;</script>'),
    ('<p lang="en">Why ? It\'s <em>1st</em> : no</p>', '<p lang="en">Why ? It\'s <em>1st</em> : no</p>'),
    ('<a href="https://x.org/l\'a?b=1 : c" title="l\'Otan : 1er">x</a>',
     '<a href="https://x.org/l\'a?b=1 : c" title="l\'Otan : 1er">x</a>'),
    ("<!-- l'x : y -->", "<!-- l'x : y -->"),
    ("12:30, https://x.org/1er-a?b=1", '12:30, <a href="https://x.org/1er-a?b=1">https://x.org/1er-a?b=1</a>'),
    # a footnote's source URL becomes a link, the backlink's no-break space left outside it
    ('source, https://www.nato.int/&#160;<a class="footnote-backref" href="#fnref:1">↩</a>',
     'source, <a href="https://www.nato.int/">https://www.nato.int/</a>&#160;'
     '<a class="footnote-backref" href="#fnref:1">↩</a>'),
    ('<a href="https://x.org/">https://x.org/</a>', '<a href="https://x.org/">https://x.org/</a>'),
    ("voir https://x.org/a?b=1&amp;c=2.", 'voir <a href="https://x.org/a?b=1&amp;c=2">https://x.org/a?b=1&amp;c=2</a>.'),
]


@pytest.mark.parametrize(("source", "expected"), TYPOGRAPHY_HTML)
def test_typography_of_html(source: str, expected: str):
    assert typography.html(source) == expected
    assert typography.html(expected) == expected  # idempotent


TYPOGRAPHY_TEXT = [
    ("Japon – Corée du Sud : Vers une alliance ?", f"Japon{NB}– Corée du Sud{NB}: Vers une alliance{NNB}?"),
    ("le 1er février", "le 1er février"),  # plain text gets no markup
    ("l'Atlantique", "l’Atlantique"),
    ("https://x.org/a?b : c", f"https://x.org/a?b{NB}: c"),
    ("", ""),
]


@pytest.mark.parametrize(("source", "expected"), TYPOGRAPHY_TEXT)
def test_typography_of_plain_text(source: str, expected: str):
    assert typography.text(source) == expected


def test_title_element_gets_spaces_but_no_markup():
    assert typography.html("<title>Le 1er : x</title>") == f"<title>Le 1er{NB}: x</title>"


_TAGS = st.sampled_from(["<p>", "</p>", "<code>", "</code>", '<a href="https://x.org/?a=1 : b">', "</a>",
                         "<em>", "</em>", "<br>", '<span lang="en">', "</span>", "<!-- l'a : b -->"])
_WORDS = st.sampled_from(["l'Otan", "le 1er", " : ", " ; ", " ? ", "« x »", "n° 4", "30 km", " – ", "&#x27;",
                          "https://x.org/p", "mot", " ", "\n", "é", "12:30", "&amp;"])
_FRAGMENTS = st.lists(st.one_of(_TAGS, _WORDS), max_size=30).map("".join)


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None)
@given(_FRAGMENTS)
def test_typography_is_idempotent_and_keeps_markup(fragment: str):
    once = typography.html(fragment)
    assert typography.html(once) == once
    tags = re.compile(r"<(?!/?sup>|/?a[ >])[^>]*>")  # the only tags it adds: <sup> and links around URLs
    assert tags.findall(once) == tags.findall(fragment)
    assert _letters(once) == _letters(fragment)  # only spaces and apostrophes change


def _letters(fragment: str) -> str:
    return re.sub(r"\s", "", re.sub(r"<[^>]*>", "", fragment)).replace("&#x27;", "'").replace("’", "'")


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab '1er:;?!«»°–\n")), max_size=40))
def test_plain_text_changes_only_spaces_and_apostrophes(value: str):
    result = typography.text(value)
    assert typography.text(result) == result
    assert re.sub(r"\s", "", result).replace("’", "'") == re.sub(r"\s", "", value)


GRAMMAR = [
    # (name, article, the, of, to)
    ("Japon", "le", "le Japon", "du Japon", "au Japon"),
    ("Corée du Sud", "la", "la Corée du Sud", "de la Corée du Sud", "à la Corée du Sud"),
    ("États-Unis", "les", "les États-Unis", "des États-Unis", "aux États-Unis"),
    ("Inde", "l’", "l’Inde", "de l’Inde", "à l’Inde"),
    ("Inde", "l'", "l’Inde", "de l’Inde", "à l’Inde"),
    ("Aukus", "le", "l’Aukus", "de l’Aukus", "à l’Aukus"),  # elided before a vowel
    ("Joe Biden", None, "Joe Biden", "de Joe Biden", "à Joe Biden"),
    ("Emmanuel Macron", None, "Emmanuel Macron", "d’Emmanuel Macron", "à Emmanuel Macron"),
]


@pytest.mark.parametrize(("name", "article", "the", "of", "to"), GRAMMAR)
def test_articles_and_contractions(name, article, the, of, to):
    assert grammar.the(name, article) == the
    assert grammar.of(name, article) == of
    assert grammar.to(name, article) == to


def test_article_around_a_link():
    link = '<a href="/pays/japon/">Japon</a>'
    assert grammar.the("Japon", "le", shown=link) == f"le {link}"
    assert grammar.enumeration(["le Japon", "la Corée du Sud", "les États-Unis"]) == \
        "le Japon, la Corée du Sud et les États-Unis"


def test_french_collation():
    names = ["Union européenne", "États-Unis", "Diplomatie", "Défense", "Europe", "Œuvre", "Oman", "cote", "côte",
             "Côte", "Élections", "Egypte"]
    assert sorted(names, key=sort_key) == [
        "cote", "côte", "Côte", "Défense", "Diplomatie", "Egypte", "Élections", "États-Unis", "Europe", "Œuvre",
        "Oman", "Union européenne"]
    assert [initial(n) for n in ("États-Unis", "Œuvre", "ßeta", "4x", "île")] == ["E", "O", "S", "#", "I"]


def _table_keys(node, prefix: tuple[int, ...] = ()):
    if node.value:
        yield "".join(map(chr, prefix))
    for code, child in (node.children or {}).items():
        yield from _table_keys(child, (*prefix, code))


@pytest.fixture(scope="module")
def pyuca_collator():
    import pyuca

    return pyuca.Collator()


def test_collation_keys_are_pyucas_for_every_table_entry(pyuca_collator):
    """The collator that parses its table's lines as texts need them gives pyuca's key for each of the
    table's 30,000 entries (contractions included), read in the table's order and in reverse."""
    from briefing.french.collation import _collator

    keys = list(_table_keys(pyuca_collator.table.root))
    assert len(keys) > 30_000
    lazy = type(_collator())()  # a fresh one: nothing parsed yet
    for text in reversed(keys):
        assert lazy.sort_key(text) == pyuca_collator.sort_key(text), text
    lazy = type(_collator())()
    for text, after in itertools.pairwise(keys):
        assert lazy.sort_key(text + after) == pyuca_collator.sort_key(text + after), text + after


_COLLATED = st.text(st.characters(max_codepoint=0x2FFFF, exclude_categories=("Cs",)), max_size=12)


@settings(derandomize=True, max_examples=80, deadline=None)  # a fresh collator each: 25 ms
@given(st.lists(_COLLATED, min_size=1, max_size=10))
def test_collation_keys_are_pyucas_for_any_text(pyuca_collator, texts: list[str]):
    """Any texts (combining marks, Hangul, ideographs, unassigned code points), each sorted by a
    fresh collator after the others: pyuca's keys."""
    from briefing.french.collation import _collator

    lazy = type(_collator())()
    for text in texts:
        assert lazy.sort_key(text) == pyuca_collator.sort_key(text)
    assert sorted(texts, key=lazy.sort_key) == sorted(texts, key=pyuca_collator.sort_key)


_COMMON_TEXT = st.text(st.sampled_from(
    [chr(c) for c in (*range(0x20, 0x400), *range(0x1E00, 0x1F00), *range(0x2000, 0x2100)) if chr(c).isprintable()]),
    max_size=12)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.lists(_COMMON_TEXT, min_size=1, max_size=10))
def test_collation_keys_are_pyucas_for_latin_texts(pyuca_collator, texts: list[str]):
    """Texts in the Latin, Greek and punctuation blocks only, whose lines the collator picks out of
    the table first (the others are grouped once a text needs them): pyuca's keys."""
    from briefing.french.collation import _collator

    lazy = type(_collator())()
    for text in texts:
        assert lazy.sort_key(text) == pyuca_collator.sort_key(text)


_PIECES = [*"ab É'1:;?!«»°–—.)(\"\n\t %M", NB, NNB, "n°", "km", "Mt", "://", "http://x.y/l'a", "www.", "mailto:",
           "ftp:z", "https://x.org/a ?", "5 %"]
_PART = st.tuples(st.sampled_from(["", *"aÉ1«(\"kMm%"]), st.lists(st.sampled_from(_PIECES), max_size=10).map("".join),
                  st.sampled_from(["", *"aÉ.)»!?…\"5"])).map("".join)
"""Mostly parts that start and end as ``joined`` can join them (a letter, a digit, an opening or closing mark)."""
_PARTS = st.lists(_PART, min_size=1, max_size=4)


@settings(max_examples=EXAMPLES * 5, derandomize=True, deadline=None)
@given(_PARTS, st.booleans())
def test_parts_typeset_alone_and_joined_read_as_the_whole_typeset(parts: list[str], typeset_first: bool):
    """``typography.joined`` types each part alone where no rule reaches across the breaks between them:
    the same text as the whole typeset at once, for parts as written or already typeset."""
    if typeset_first:
        parts = [typography.text(part) for part in parts]
    assert typography.joined(parts) == typography.text("\n\n".join(parts))


def test_a_calendar_description_is_typeset_part_by_part():
    parts = ["5 mai 2024 : le sommet s'ouvre", "Le Japon et l'Otan signent ; la Chine proteste.",
             "Source : Le Monde (https://www.lemonde.fr/a?b=1 : c)"]
    seen = []
    result = typography.joined(parts, lambda part: seen.append(part) or typography.text(part))
    assert result == typography.text("\n\n".join(parts))
    assert seen == parts  # each part once, alone
