"""Material's search tokenizer, mirrored in Python: the terms its worker would index.

The worker (``search.*.min.js``) takes the text between HTML tags (its ``extract``), splits it with
``config.separator`` (a JavaScript regex; zero-length matches split too), lower-cases the pieces
and drops the language's stop words (the only pipeline step Material keeps by default).

The same terms come out of this module an order of magnitude faster than by following the worker
step by step: when the separator always splits at whitespace and looks no further than the word
it splits (``splits_words_alone``; Material's separators do), the text is cut into words in C and
each distinct word is split by the separator once per build (``Tokenizer.term_counts``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from re import _constants as sre  # the parser's own vocabulary (Python 3.11+)
from re import _parser as sre_parse

_JS_WHITESPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
"""What ``\\s`` matches in JavaScript, for a character class."""
_SPACES = frozenset("\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | frozenset(
    map(chr, range(0x2000, 0x200B)))
_OTHER_SPACE = re.compile("[\t\n\v\f\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]")
"""Whitespace but a plain space, in Python's or JavaScript's sense."""
_JS_SPACE_RUNS = re.compile(f"[{_JS_WHITESPACE}]+")
_TAG = re.compile(r"<[^<>]*>")
SEGMENTED = ("ja", "hi", "th")
"""Languages whose words Material's worker cuts with a segmenter script, which is not mirrored."""
_STOP_WORDS = re.compile(r"stopWordFilter=\w+\.generateStopWordFilter\(\s*(\"[^\"]*\"|\[[^\]]*\])")


class Unsupported(ValueError):
    """The search configuration asks for something the prebuilt index does not mirror."""


def js_regex(source: str) -> re.Pattern:
    """A JavaScript regex (no ``u`` flag) as a Python pattern with the same matches.

    Without ``u``, ``\\w``, ``\\d`` and ``\\b`` are ASCII in JavaScript (``re.ASCII``), but ``\\s``
    is Unicode whitespace: it is spelled out, inside and outside character classes.
    """
    if "\\S" in source or "(?<" in source.replace("(?<=", "").replace("(?<!", ""):
        raise Unsupported(f"separator {source!r}")
    if re.search(r"\\[1-9]", source):
        raise Unsupported(f"separator {source!r}: back-references")
    out, in_class, i = [], False, 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            pair = source[i : i + 2]
            if pair == "\\s":
                pair = _JS_WHITESPACE if in_class else f"[{_JS_WHITESPACE}]"
            out.append(pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    try:
        return re.compile("".join(out), re.ASCII)
    except re.error as error:
        raise Unsupported(f"separator {source!r}: {error}") from error


def text_chunks(value: str) -> list[str]:
    """The text between tags, as Material's ``extract`` emits it.

    ``extract`` starts a piece after each ``>`` and at each ``<``, and drops the piece a ``>``
    closes (the tag): so of the text between two ``>``, split before each ``<``, every piece but
    the last is text, and after the last ``>`` every piece is.
    """
    if "<" not in value and ">" not in value:
        return [value] if value else []
    chunks: list[str] = []
    runs = value.split(">")
    for number, run in enumerate(runs):
        pieces = run.split("<")
        kept = len(pieces) if number == len(runs) - 1 else len(pieces) - 1
        if kept > 0 and pieces[0]:
            chunks.append(pieces[0])
        chunks.extend("<" + piece for piece in pieces[1:kept])
    return chunks


# Whether words can be split alone ---------------------------------------------------------------

_NEIGHBOUR_BLIND = {sre.LITERAL, sre.IN, sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT,
                    sre.SUBPATTERN, sre.ATOMIC_GROUP, sre.BRANCH, sre.ASSERT, sre.ASSERT_NOT, sre.AT}
_CLASS_ITEMS = {sre.LITERAL, sre.RANGE, sre.CATEGORY}


def _class_chars(items) -> frozenset[str] | None:
    """The whitespace characters a (non-negated) character class holds, or None if it is negated."""
    if any(op == sre.NEGATE for op, _ in items) or any(op not in _CLASS_ITEMS for op, _ in items):
        return None
    spaces = set()
    for op, value in items:
        if op == sre.LITERAL:
            spaces |= {chr(value)} & _SPACES
        elif op == sre.RANGE:
            spaces |= {c for c in _SPACES if value[0] <= ord(c) <= value[1]}
        elif value not in (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD):
            return None  # \s or a negated category: treat as holding every character
    return frozenset(spaces)


def _blind_to_whitespace(pattern) -> bool:
    """Whether ``pattern`` can neither match a whitespace character nor tell whitespace from the
    edge of the string (no ``.``, ``^``, ``$``, negated classes, ``\\s``, ``\\S``, ``\\W``...)."""
    for op, value in pattern:
        if op not in _NEIGHBOUR_BLIND:
            return False
        if op == sre.LITERAL and chr(value) in _SPACES:
            return False
        if op == sre.IN and _class_chars(value) != frozenset():
            return False
        if op == sre.AT and value not in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY):
            return False
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and not _blind_to_whitespace(value[2]):
            return False
        if op == sre.SUBPATTERN and not _blind_to_whitespace(value[3]):
            return False
        if op in (sre.ASSERT, sre.ASSERT_NOT) and not _blind_to_whitespace(value[1]):
            return False
        if op == sre.ATOMIC_GROUP and not _blind_to_whitespace(value):
            return False
        if op == sre.BRANCH and not all(_blind_to_whitespace(branch) for branch in value[1]):
            return False
    return True


def splits_words_alone(separator: re.Pattern) -> bool:
    """Whether the separator splits a text into the same pieces as it splits each of its words.

    True when its first alternative is a run of a character class holding all whitespace (so it
    is what matches at any space), and nothing else in it can match a space or see past the
    word it splits: ``[\\s\\-,:!=\\[\\]()"/]+|(?!\\b)(?=[A-Z][a-z])|\\.(?!\\d)|&[lg]t;`` is.
    """
    try:
        parsed = sre_parse.parse(separator.pattern, separator.flags)
    except (re.error, AttributeError, TypeError):
        return False
    branches = parsed.data[0][1][1] if len(parsed.data) == 1 and parsed.data[0][0] == sre.BRANCH else [parsed]
    first, rest = branches[0], branches[1:]
    if len(first.data) != 1 or first.data[0][0] not in (sre.MAX_REPEAT, sre.POSSESSIVE_REPEAT):
        return False
    low, _, repeated = first.data[0][1]
    if low < 1 or len(repeated.data) != 1 or repeated.data[0][0] != sre.IN:
        return False
    if _class_chars(repeated.data[0][1]) != _SPACES:
        return False
    return all(_blind_to_whitespace(branch) for branch in rest)


# Tokenizer ------------------------------------------------------------------------------------

class Tokenizer:
    """Splits text into terms like Material's worker, for one separator and stop-word list."""

    def __init__(self, separator: re.Pattern, stop_words: frozenset[str] = frozenset()) -> None:
        # After a zero-length match at i, JavaScript searches again from i + 1, while Python's
        # split may still take a longer match starting at i. In an atomic group, the separator
        # can only match what it matches first at i, as in JavaScript.
        self._split = re.compile(f"(?>{separator.pattern})", separator.flags).split
        self._step = separator.groups + 1
        self.stop_words = stop_words
        self.by_words = splits_words_alone(separator)
        self.vocabulary = Vocabulary(self.terms_of_word)

    def _pieces(self, text: str) -> list[str]:
        return [piece.lower() for piece in self._split(text)[:: self._step] if piece]

    def tokens(self, value) -> list[str]:
        """Every token of ``value`` (a string, a list of strings or None), in order, lower-cased,
        stop words included: what the worker's tokenizer gives."""
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        return [token for item in items for chunk in text_chunks(str(item)) for token in self._pieces(chunk)]

    def words(self, value: str) -> list[str]:
        """The text of ``text_chunks`` cut at whitespace (with empty words where spaces repeat)."""
        text = _TAG.sub(" ", value) if "<" in value else value
        if "<" in text or ">" in text:  # a stray bracket: cut the text where the worker does
            text = " ".join(text_chunks(value))
        if _OTHER_SPACE.search(text):  # French text has no-break spaces: made plain spaces, in C
            text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\n", " ").replace("\t", " ")
            if _OTHER_SPACE.search(text):
                return _JS_SPACE_RUNS.split(text)
        return text.split(" ")

    def terms_of_word(self, word: str) -> tuple[str, ...]:
        """The terms of one word, stop words left out."""
        return tuple(term for term in self._pieces(word) if term not in self.stop_words)

    def term_counts(self, value) -> Counter[str]:
        """How often each indexed term (token that is not a stop word) occurs in ``value``."""
        if value is None:
            return Counter()
        items = [str(item) for item in value] if isinstance(value, list) else [str(value)]
        if not self.by_words:
            return Counter(t for t in chain.from_iterable(map(self.tokens, items)) if t not in self.stop_words)
        return self.vocabulary.counts(chain.from_iterable(map(self.words, items)))


class Vocabulary(dict):
    """word -> what it gives a field: its term when it has exactly one, else the tuple of its
    terms (empty for a stop word); computed once per distinct word, as the text is far longer
    than its vocabulary."""

    def __init__(self, terms_of: Callable[[str], tuple[str, ...]]) -> None:
        super().__init__()
        self._terms_of = terms_of
        self._several: set[tuple[str, ...]] = set()

    def __missing__(self, word: str) -> str | tuple[str, ...]:
        terms = self._terms_of(word)
        value = self[word] = terms[0] if len(terms) == 1 else terms
        if len(terms) != 1:
            self._several.add(terms)
        return value

    def counts(self, words: Iterable[str]) -> Counter[str]:
        """How often each term occurs in a text, from its ``words`` (``Tokenizer.words``)."""
        counts = Counter(map(self.__getitem__, words))
        for several in self._several.intersection(counts):
            times = counts.pop(several)
            for term in several:
                counts[term] += times
        return counts


def stop_words(lang: str, lunr_dir: Path, worker: str) -> frozenset[str]:
    """The stop words of lunr(-languages) as Material ships them: read from its own scripts."""
    source = worker if lang == "en" else (lunr_dir / "min" / f"lunr.{lang}.min.js").read_text("utf-8")
    match = _STOP_WORDS.search(source)
    if match is None:
        raise Unsupported(f"no stop-word list found for language {lang!r}")
    literal = match.group(1)
    words = json.loads(literal).split() if literal.startswith('"') else json.loads(literal)
    return frozenset(words)


def check_config(config: dict) -> None:
    """Raise Unsupported if the worker's indexing with this ``config`` is not mirrored here."""
    langs = config.get("lang") or ["en"]
    pipeline = set(config.get("pipeline") or [])
    if len(langs) != 1 or pipeline - {"stopWordFilter"}:
        raise Unsupported(f"lang {langs} with pipeline {sorted(pipeline)}")
    if langs[0] in SEGMENTED:
        raise Unsupported(f"lang {langs[0]!r}, whose words the worker segments")
    js_regex(config["separator"])


@dataclass(frozen=True)
class SearchSettings:
    tokenizer: Tokenizer
    fields: dict[str, float]
    """Field -> boost, in the order of ``config.fields``."""

    @classmethod
    def from_config(cls, config: dict, lunr_dir: Path, worker: str) -> SearchSettings:
        check_config(config)
        lang = (config.get("lang") or ["en"])[0]
        words = stop_words(lang, lunr_dir, worker) if "stopWordFilter" in config.get("pipeline", []) else frozenset()
        fields = {name: float((spec or {}).get("boost", 1)) for name, spec in config["fields"].items()}
        return cls(Tokenizer(js_regex(config["separator"]), words), fields)
