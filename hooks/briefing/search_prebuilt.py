"""A lunr index built at build time, so that the reader's browser loads it instead of building it.

Material 9.8's search worker always builds its lunr index in the browser from ``docs``, on every
page load (and offline, on every page where search is opened): 8 s at 10,000 events. Its worker
no longer reads a prebuilt index (the ``prebuild_index`` option was removed, and the page passes
only ``config`` and ``docs`` to the worker). So this module:

1. indexes the documents in Python, mirroring the worker: Material's tokenizer (text
   between HTML tags, split by ``config.separator`` with JavaScript regex semantics, lower-cased),
   the language's stop-word filter (the only pipeline step Material keeps by default), the fields
   and boosts of ``config.fields`` (every field listed there, e.g. an accent-folded copy added by
   another post-processor). What it writes is compact (``build_index``); the worker computes the
   scores from it exactly as lunr would;
2. writes it beside ``search_index.json`` (``search_lunr.json``; ``search_lunr.js`` too for the
   offline export, where nothing can be fetched), flags ``config.prebuilt`` and keeps in ``docs``
   only what the result list shows: location, title, the beginning of the text, tags. The worker
   fetches the index itself as soon as it starts, while the page fetches and parses the documents
   (an index carried inside ``search_index.json`` was parsed twice, once by the page);
3. wraps Material's worker script (``worker_wrapper``) so that it loads that index, maps references
   back to locations and computes highlight positions only for the documents a query returns.

Where the configuration asks for something this mirror does not reproduce (a stemmer, several
languages, a separator Python cannot read), nothing is prebuilt and the worker builds as before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

STORED_TEXT = 240
"""Characters of a document's text kept for the result list (it shows two or three lines)."""

_JS_WHITESPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_STOP_WORDS = re.compile(r"stopWordFilter=\w+\.generateStopWordFilter\(\s*(\"[^\"]*\"|\[[^\]]*\])")
WRAPPER = Path(__file__).with_name("search_worker.js")


class Unsupported(ValueError):
    """The search configuration asks for something the prebuilt index does not mirror."""


def js_regex(source: str) -> re.Pattern:
    """A JavaScript regex (no ``u`` flag) as a Python pattern with the same matches.

    Without ``u``, ``\\w``, ``\\d`` and ``\\b`` are ASCII in JavaScript (``re.ASCII``), but ``\\s``
    is Unicode whitespace: it is spelled out, inside and outside character classes.
    """
    if "\\S" in source or "(?<" in source.replace("(?<=", "").replace("(?<!", ""):
        raise Unsupported(f"separator {source!r}")
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


def _text_chunks(value: str) -> Iterable[str]:
    """The text between tags, as Material's worker walks it (its function ``se``)."""
    depth, start, i = 0, 0, 0
    length = len(value)
    while i < length:
        char = value[i]
        if char == "<" and i > start:
            yield value[start:i]
            start = i
        elif char == ">":
            if value[start + 1 : start + 2] == "/":
                depth -= 1
            elif value[i - 1 : i] != "/":
                depth += 1
            start = i + 1
        i += 1
    if i > start:
        yield value[start:i]


def _split(chunk: str, separator: re.Pattern) -> Iterable[str]:
    """Pieces between separator matches, zero-length matches included (the worker's ``H``)."""
    begin, position = 0, 0
    while True:
        match = separator.search(chunk, position)
        end = match.start() if match else len(chunk)
        if begin < end:
            yield chunk[begin:end]
        if match is None:
            return
        begin = match.end()
        position = match.end() if match.end() > match.start() else match.start() + 1
        if position > len(chunk):
            if begin < len(chunk):
                yield chunk[begin:]
            return


def tokenize(value, separator: re.Pattern) -> list[str]:
    """Material's tokenizer: lower-cased pieces of the text outside tags; lists item by item."""
    if value is None:
        return []
    tokens = []
    for item in value if isinstance(value, list) else [value]:
        for chunk in _text_chunks(str(item)):
            tokens.extend(piece.lower() for piece in _split(chunk, separator))
    return tokens


def stop_words(lang: str, lunr_dir: Path, worker: str) -> frozenset[str]:
    """The stop words of lunr(-languages) as Material ships them: read from its own scripts."""
    source = worker if lang == "en" else (lunr_dir / "min" / f"lunr.{lang}.min.js").read_text("utf-8")
    match = _STOP_WORDS.search(source)
    if match is None:
        raise Unsupported(f"no stop-word list found for language {lang!r}")
    literal = match.group(1)
    words = json.loads(literal).split() if literal.startswith('"') else json.loads(literal)
    return frozenset(words)


@dataclass(frozen=True)
class SearchSettings:
    separator: re.Pattern
    stop_words: frozenset[str]
    fields: dict[str, float]
    """Field -> boost, in the order of ``config.fields``."""

    @classmethod
    def from_config(cls, config: dict, lunr_dir: Path, worker: str) -> SearchSettings:
        langs = config.get("lang") or ["en"]
        pipeline = set(config.get("pipeline") or [])
        if len(langs) != 1 or pipeline - {"stopWordFilter"}:
            raise Unsupported(f"lang {langs} with pipeline {sorted(pipeline)}")
        words = stop_words(langs[0], lunr_dir, worker) if "stopWordFilter" in pipeline else frozenset()
        fields = {name: float((spec or {}).get("boost", 1)) for name, spec in config["fields"].items()}
        return cls(js_regex(config["separator"]), words, fields)


def build_index(docs: list[dict], settings: SearchSettings) -> dict:
    """The terms of ``docs`` and, per term and field, the documents holding it and how often.

    A compact form of what ``lunr.Builder`` records (documents by position, delta-encoded; a
    count only where a term occurs more than once: ``[3, 1, -2, 5]`` is document 3 once,
    document 4 twice, document 9 once). The worker turns it into a ``lunr.Index``, computing the
    scores exactly as lunr does (BM25, k1 = 1.2, Material's b = 0, field and document boosts):
    a third of the bytes of lunr's own serialisation, which also repeats every reference.
    """
    fields = list(settings.fields)
    words = settings.stop_words
    postings: dict[str, list[list[int]]] = {}
    last: dict[tuple[str, int], int] = {}
    for position, doc in enumerate(docs):
        for field_number, name in enumerate(fields):
            counts: dict[str, int] = {}
            for term in tokenize(doc.get(name), settings.separator):
                if term not in words:
                    counts[term] = counts.get(term, 0) + 1
            for term, count in counts.items():
                lists = postings.get(term)
                if lists is None:
                    lists = postings[term] = [[] for _ in fields]
                key = (term, field_number)
                lists[field_number].append(position - last.get(key, -1))
                last[key] = position
                if count > 1:
                    lists[field_number].append(-count)
    terms = sorted(postings)
    return {
        "format": "briefing-lunr-1",
        "fields": fields,
        "boosts": [settings.fields[name] for name in fields],
        "documents": len(docs),
        "documentBoosts": {str(i): doc["boost"] for i, doc in enumerate(docs) if doc.get("boost")},
        "terms": terms,
        "postings": [postings[term] for term in terms],
    }


def _shorten(text: str, limit: int = STORED_TEXT) -> str:
    """The text cut at a space outside any tag, near ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut, depth = None, 0
    for i, char in enumerate(text[:limit]):
        depth += char == "<"
        depth -= char == ">"
        if char == " " and depth == 0:
            cut = i
    return text[:cut] + " …" if cut else text[:limit]


MERGED_SECTIONS = ("evenements/",)
"""Pages whose sections are indexed as one document: an event is one result, found by its title,
date, text and entities alike, and the index holds one document per event instead of two."""


def merge_sections(data: dict, prefixes: tuple[str, ...] = MERGED_SECTIONS) -> dict:
    """``search_index.json`` with the section documents of those pages folded into the page's."""
    fields = [name for name in data["config"]["fields"] if name != "title"]
    pages: dict[str, dict] = {}
    docs = []
    for doc in data["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if anchor and page in pages and page.startswith(prefixes):
            target = pages[page]
            for name in fields:
                if isinstance(doc.get(name), str) and doc[name]:
                    target[name] = f"{target.get(name, '')} {doc[name]}".strip()
            continue
        doc = dict(doc)
        if not anchor:
            pages[page] = doc
        docs.append(doc)
    return {**data, "docs": docs}


INDEX_NAME = "search_lunr"
"""``search/search_lunr.json`` (and ``.js`` for the offline export), beside ``search_index.json``."""


def prebuild(data: dict, lunr_dir: Path, worker: str) -> tuple[dict, dict]:
    """``search_index.json`` slimmed and flagged, and the prebuilt index; raises Unsupported where
    the index would not mirror the worker's."""
    config = data["config"]
    settings = SearchSettings.from_config(config, lunr_dir, worker)
    docs = data["docs"]
    index = build_index(docs, settings)
    stored = []
    for doc in docs:
        kept = {"location": doc["location"], "title": doc.get("title", ""), "text": _shorten(doc.get("text", ""))}
        if "tags" in doc:
            kept["tags"] = doc["tags"]
        stored.append(kept)
    config = dict(config, prebuilt=f"search/{INDEX_NAME}")
    return {**{k: v for k, v in data.items() if k not in ("config", "docs")}, "config": config, "docs": stored}, index


def wrap_worker(worker: str) -> str:
    """Material's worker script with the loader of the prebuilt index around it."""
    prefix, suffix = WRAPPER.read_text("utf-8").split("/* MATERIAL WORKER */", 1)
    if "briefing: prebuilt search index" in worker:
        return worker
    return prefix + worker + suffix
