"""Material's search tokenizer mirrored in Python (``briefing.search.tokens``): the terms the prebuilt
index holds are the terms the worker would index, whichever way they are counted."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from briefing.search import prebuilt
from briefing.search.tokens import SearchSettings, Tokenizer, js_regex, splits_words_alone, text_chunks
from search_support import postings

SEPARATOR = r"""[\s\-,:!=\[\]()"/'’]+|(?!\b)(?=[A-Z][a-z])|\.(?!\d)|&[lg]t;"""


def test_tokenizer_mirrors_material_separator():
    tokenizer = Tokenizer(js_regex(SEPARATOR))
    text = "<p>L’Otan et l'IP4 : sommet\u202fde <code>Camp David</code>, 18.08.2023 ; JavaScript.</p>"
    assert tokenizer.tokens(text) == [
        "l", "otan", "et", "l", "ip4", "sommet", "de", "camp", "david", "18.08.2023", ";", "java", "script",
    ]
    assert tokenizer.tokens(["Défense", "IP4"]) == ["défense", "ip4"]
    assert tokenizer.tokens(None) == []
    assert text_chunks("a<b>c</b>d>e<f") == ["a", "c", "e", "<f"]  # text before a stray ">" is dropped


def test_separators_that_split_words_alone():
    assert splits_words_alone(js_regex(SEPARATOR))
    assert splits_words_alone(js_regex(r"[\s\-]+"))
    assert not splits_words_alone(js_regex(r"\b|\s+"))  # zero-length matches at every word edge
    assert not splits_words_alone(js_regex(r"[\s]+|(?=\s)"))  # sees the next word's space
    assert not splits_words_alone(js_regex(r"\s+|x."))  # "." matches a space
    assert not splits_words_alone(js_regex(r"[\s,]+|$"))  # the end of a word is not the end of the text


@pytest.mark.parametrize("separator", [SEPARATOR, r"[\s\-]+", r"\b|\s+", r"[\s,]+|(?<=\d)(?=[a-z])", r"(x)|\s+"])
def test_term_counts_equal_the_worker_steps(separator):
    """Counting by distinct words (or, for other separators, token by token) gives the terms that
    following the worker's steps gives, stop words left out."""
    stop = frozenset({"le", "d", "l", "de"})
    tokenizer = Tokenizer(js_regex(separator), stop)
    reference = Tokenizer(js_regex(separator), stop)
    rng = random.Random(11)
    alphabet = ["a", "B", "é", "É", " ", "-", ".", ",", "’", "'", "<", ">", "/", "\t", "\u00a0", "\ufeff", "\x1c",
                "\x85", "&lt;", "5", "Zz", ":", "le ", "Σ", "x", "<p>", "</p>"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        expected = Counter(t for t in reference.tokens(text) if t not in stop)
        assert tokenizer.term_counts(text) == expected, repr(text)
        assert tokenizer.term_counts([text, text[::-1]]) == Counter(
            t for t in reference.tokens([text, text[::-1]]) if t not in stop)


def test_index_is_the_same_counted_by_words_or_token_by_token():
    """``$`` changes no token of these texts but keeps the separator from splitting words alone,
    so the second index is counted token by token, folded field included."""
    docs = [
        {"location": "a/", "title": "Corée du Sud", "text": "<p>Séoul, l’Élysée et JavaScript.</p>"},
        {"location": "b/", "title": "Japon", "text": "<ul><li>Tokyo</li><li>État-major, état</li></ul>"},
        {"location": "c/", "title": "Défense", "text": "<p>Défense de l'État : défense.</p>", "tags": ["Défense"]},
    ]
    fields = {"title": 1000.0, "text": 1.0, "tags": 1e6, "folded": 0.5}
    stop = frozenset({"de", "l", "du", "et"})
    indexes = []
    for separator in (r"[\s\-,:'’]+|(?!\b)(?=[A-Z][a-z])", r"[\s\-,:'’]+|(?!\b)(?=[A-Z][a-z])|$"):
        tokenizer = Tokenizer(js_regex(separator), stop)
        settings = SearchSettings(tokenizer, fields)
        indexes.append((tokenizer.by_words, prebuilt.build_index(docs, settings, fold=True)))
    (words_first, by_words), (words_second, by_tokens) = indexes
    assert words_first and not words_second
    assert by_words == by_tokens
    assert postings(by_words, "etat", "folded") == {1: 2, 2: 1} and postings(by_words, "java", "text") == {0: 1}
