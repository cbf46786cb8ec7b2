"""A search index built at build time, so that the reader's browser loads it instead of building it.

Material 9.8's search worker builds its lunr index in the browser from ``docs``, on every page
load (and offline, on every page where search is opened): 8 s at 10,000 events. Its worker no
longer reads a prebuilt index (``prebuild_index`` was removed). So this module:

1. indexes the documents in Python as the worker would (``tokens``: Material's tokenizer,
   the language's stop words, every field of ``config.fields`` with its boost) and writes the
   result compactly (``build_index``): per term, the documents holding it in each field and how
   often, as short strings the worker decodes only when a query reaches the term;
2. writes it, with the documents the result list shows (location, title, the beginning of the
   text, tags), to ``search/search_lunr.json`` (``search_lunr.js`` too for the offline export,
   where nothing can be fetched). ``search_index.json`` keeps the configuration, flagged
   ``config.prebuilt``, and no documents: the page fetches and parses only that, and hands it to
   the worker, which has fetched the index itself as soon as it started;
3. wraps Material's worker script (``wrap_worker``, ``worker.js``) so that it loads that
   index and computes lazily, for the terms and documents a query reaches, what lunr computes
   for every document when it builds an index: the same scores, results and suggestions.

Where the configuration asks for something this mirror does not reproduce (a stemmer, several
languages, a separator Python cannot read), nothing is prebuilt and the worker builds as before.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from itertools import chain, filterfalse
from pathlib import Path

from briefing.search.material_index import FOLDED_FIELD, Folder, declare_folded_field, plain_words
from briefing.search.ranking import SearchNames, annotate
from briefing.search.tokens import SearchSettings, Tokenizer, Vocabulary

FORMAT = "briefing-lunr-2"
INDEX_NAME = "search_lunr"
"""``search/search_lunr.json`` (and ``.js`` for the offline export), beside ``search_index.json``."""
SCRIPT_GLOBAL = "__briefingLunrText"
STORED_TEXT = 240
"""Characters of a document's text kept for the result list (it shows two or three lines)."""
DIGITS = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%()"
"""Base-32 digits: the first 32 end a number, the last 32 are its leading digits."""
WRAPPER = Path(__file__).with_name("worker.js")
RESULTS = Path(__file__).with_name("results.js")
"""Ranks and labels the results (pasted into the wrapped worker)."""
OFFLINE_LOADER = Path(__file__).with_name("offline.js")
OFFLINE_LOADER_PATH = "search/search_offline.js"
"""Where the offline export keeps ``offline_loader``'s script."""


def number_codes(limit: int) -> list[str]:
    """``codes[n]`` is ``n`` written with ``DIGITS`` (most significant digit first), for n < limit."""
    codes = []
    for n in range(limit):
        code = DIGITS[n % 32]
        n //= 32
        while n:
            code = DIGITS[32 + n % 32] + code
            n //= 32
        codes.append(code)
    return codes


def encode_postings(entries: list[int], codes: list[str]) -> str:
    """``[document, count, document, count, ...]`` (documents ascending) as a string.

    Each entry is one number, ``2 * (gap - 1)`` plus 1 when the count is above one, then the count
    minus two in that case; the gap is the distance from the previous document (from -1 for the
    first). ``[0, 1, 3, 2]`` -> numbers 0, 5, 0 -> ``"050"``.
    """
    documents, counts = entries[0::2], entries[1::2]
    previous = [-1, *documents[:-1]]
    return "".join([
        codes[2 * (d - p - 1)] if c == 1 else codes[2 * (d - p - 1) + 1] + codes[c - 2]
        for d, p, c in zip(documents, previous, counts, strict=True)
    ])


def _js_order(terms: set[str]) -> list[str]:
    """Sorted as JavaScript compares strings (UTF-16 code units), the order lunr needs."""
    ordered = sorted(terms)
    if ordered and max(map(max, ordered)) > "\uffff":
        ordered.sort(key=lambda term: term.encode("utf-16-be"))
    return ordered


class _FieldCounts:
    """The term counts of each field of a document, as the worker would index it; with ``fold``,
    the folded field (``material_index.add_folded_field``) is counted from the words of the title and
    text, which are cut once for both."""

    def __init__(self, fields: list[str], tokenizer: Tokenizer, *, fold: bool) -> None:
        self.fields = fields
        self.tokenizer = tokenizer
        self.folder = Folder() if fold else None
        self.folded = Vocabulary(self._folded_terms)

    def _folded_terms(self, word: str) -> tuple[str, ...]:
        """The terms of a word without its accents (none for a word without accents)."""
        folded = self.folder[word]
        return self.tokenizer.terms_of_word(folded) if folded else ()

    def __call__(self, doc: dict) -> list[Counter[str]]:
        tokenizer, folder = self.tokenizer, self.folder
        if not tokenizer.by_words:  # token by token, as the worker goes
            if folder is not None:
                words = chain(plain_words(doc.get("title", "")), plain_words(doc.get("text", "")))
                doc = {**doc, FOLDED_FIELD: folder(words)}
            return [tokenizer.term_counts(doc.get(name)) for name in self.fields]
        words = {name: tokenizer.words(doc[name]) for name in ("title", "text") if isinstance(doc.get(name), str)}
        return [
            tokenizer.vocabulary.counts(words[name]) if name in words
            else self.folded.counts(filterfalse(str.isascii, chain.from_iterable(words.values())))
            if name == FOLDED_FIELD and folder is not None
            else tokenizer.term_counts(doc.get(name))
            for name in self.fields
        ]


def build_index(docs: list[dict], settings: SearchSettings, *, fold: bool = False) -> dict:
    """The terms of ``docs`` and, per term and field, the documents holding it and how often.

    What ``lunr.Builder`` records before it computes its vectors; the worker computes the scores
    from it exactly as lunr does (BM25, k1 = 1.2, Material's b = 0, field and document boosts),
    for the terms a query reaches. With ``fold``, the folded field is computed on the way.
    """
    fields = list(settings.fields)
    field_counts = _FieldCounts(fields, settings.tokenizer, fold=fold)
    tables: list[defaultdict[str, list[int]]] = [defaultdict(list) for _ in fields]
    for position, doc in enumerate(docs):
        for table, counts in zip(tables, field_counts(doc), strict=True):
            for term, count in counts.items():
                entries = table[term]
                entries.append(position)
                entries.append(count)
    terms = _js_order(set().union(*tables))
    largest = max((max(entries[1::2]) for table in tables for entries in table.values()), default=1)
    codes = number_codes(max(2 * len(docs), largest) + 2)
    return {
        "format": FORMAT,
        "fields": fields,
        "boosts": [settings.fields[name] for name in fields],
        "documents": len(docs),
        "documentBoosts": {str(i): doc["boost"] for i, doc in enumerate(docs) if doc.get("boost")},
        "digits": DIGITS,
        "terms": terms,
        "postings": [
            " ".join(encode_postings(table[term], codes) if term in table else "" for table in tables)
            for term in terms
        ],
    }


def shorten(text: str, limit: int = STORED_TEXT) -> str:
    """The text cut at a space outside any tag, near ``limit`` characters."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = head.rfind(" ")
    while cut > 0 and head.rfind("<", 0, cut) > head.rfind(">", 0, cut):  # inside a tag
        cut = head.rfind(" ", 0, cut)
    return head[:cut] + " …" if cut > 0 else head


def stored(docs: list[dict], names: SearchNames | None = None) -> dict:
    """What the result list shows of each document: location, title, the beginning of the text and
    tags, as one list per field (``tags`` by position, for the documents that have them), which
    browsers parse faster than one object per document; and what ranks and labels the results
    (``ranking.annotate``: kinds, and the names of entity pages and glossary entries)."""
    return {
        "location": [doc["location"] for doc in docs],
        "title": [doc.get("title", "") for doc in docs],
        "text": [shorten(doc.get("text", "")) for doc in docs],
        "tags": {str(i): doc["tags"] for i, doc in enumerate(docs) if "tags" in doc},
        **annotate(docs, names),
    }


def prebuild(data: dict, lunr_dir: Path, worker: str, names: SearchNames | None = None) -> tuple[dict, dict]:
    """``search_index.json`` for the page (configuration, no documents) and the prebuilt index with
    the documents, accents folded on the way; raises Unsupported where the index would not mirror
    the worker's. ``data`` is ``material_index.prepare``'s; ``names``, the registry's names."""
    config = dict(data["config"], fields=dict(data["config"]["fields"]))
    declare_folded_field(config)
    settings = SearchSettings.from_config(config, lunr_dir, worker)
    index = build_index(data["docs"], settings, fold=True)
    index["docs"] = stored(data["docs"], names)
    page = {**data, "config": dict(config, prebuilt=f"search/{INDEX_NAME}"), "docs": []}
    return page, index


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def to_script(index: dict) -> str:
    """The index as a script for the offline export (``file://`` forbids fetching it): its JSON as
    one string literal, which the browser parses off the page's thread and the worker hands to
    ``JSON.parse``. The JSON is ASCII (``\\u`` escapes), which Chromium reads faster."""
    literal = json.dumps(index, ensure_ascii=True, separators=(",", ":")).replace("\\", "\\\\").replace("'", "\\'")
    return f"self.{SCRIPT_GLOBAL} = '{literal}';\n"  # a property, which the page can delete


def offline_loader(worker_path: str, worker: str | None) -> str:
    """``search/search_offline.js``: the script every page of the offline export loads before the
    iframe shim, which starts ``worker`` (the wrapped worker's code, or None for the shim to run
    the worker as before) as a blob worker and hands it the index (``search_offline.js``)."""
    return (OFFLINE_LOADER.read_text("utf-8")
            .replace("/* WORKER PATH */ null", json.dumps(worker_path))
            .replace("/* WORKER SOURCE */ null", json.dumps(worker)))


def wrap_worker(worker: str, lang: list[str], lunr_dir: Path) -> str:
    """Material's worker script with the loader of the prebuilt index around it, and the lunr
    language scripts its setup imports for ``lang`` pasted at the end (no request for them)."""
    if "briefing: prebuilt search index" in worker:
        return worker
    others = [code for code in lang if code != "en"]
    scripts = ["min/lunr.stemmer.support.min.js", *(f"min/lunr.{code}.min.js" for code in others)] if others else []
    wrapper = WRAPPER.read_text("utf-8").replace("/* LANGUAGE SCRIPTS */ []", json.dumps(scripts))
    prefix, suffix = wrapper.split("/* MATERIAL WORKER */", 1)
    pasted = "".join(f"\n;{(lunr_dir / path).read_text('utf-8')}\n" for path in scripts)
    return prefix + RESULTS.read_text("utf-8") + worker + suffix.replace("/* LANGUAGE SCRIPTS */\n", pasted)
