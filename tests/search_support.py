"""Reading a built site's search files back: the documents, the prebuilt index and its postings."""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefing.search import prebuilt

STARTS_THE_WORKER = 'new Native(url + "#index-from-page")'
"""In a served page's head: the script that starts the search worker (not in the offline export's)."""


def read_script(path: Path) -> dict:
    """The index in ``search_lunr.js`` (``var … = '…';``, its JSON as a string): the literal undone."""
    text = path.read_text("utf-8")
    literal = text[text.index(" = '") + len(" = '") : text.rindex("';")]
    return json.loads(re.sub(r"\\(.)", r"\1", literal, flags=re.DOTALL))


def prebuilt_index(site: Path) -> dict:
    """The prebuilt index of a site: ``search_lunr.json``, or its script twin in the offline export."""
    folder = site / "search"
    json_file = folder / f"{prebuilt.INDEX_NAME}.json"
    if json_file.exists():
        return json.loads(json_file.read_text("utf-8"))
    return read_script(folder / f"{prebuilt.INDEX_NAME}.js")


def stored_documents(index: dict) -> list[dict]:
    """The documents of a prebuilt index as the worker hands them to Material (one object each)."""
    docs, tags = index["docs"], index["docs"]["tags"]
    return [
        {"location": location, "title": title, "text": text, **({"tags": tags[str(i)]} if str(i) in tags else {})}
        for i, (location, title, text) in enumerate(zip(docs["location"], docs["title"], docs["text"], strict=True))
    ]


def search_documents(site: Path) -> list[dict]:
    """The documents search results show: in the prebuilt index, else in ``search_index.json``."""
    folder = site / "search"
    if any((folder / f"{prebuilt.INDEX_NAME}{suffix}").exists() for suffix in (".json", ".js")):
        return stored_documents(prebuilt_index(site))
    return json.loads((folder / "search_index.json").read_text("utf-8"))["docs"]


def decode_numbers(text: str, digits: str = prebuilt.DIGITS) -> list[int]:
    numbers, number = [], 0
    for char in text:
        value = digits.index(char)
        number = number * 32 + value % 32
        if value < 32:
            numbers.append(number)
            number = 0
    return numbers


def postings(index: dict, term: str, field: str) -> dict[int, int]:
    """document position -> count of ``term`` in ``field``, as the worker decodes them."""
    if term not in index["terms"]:
        return {}
    text = index["postings"][index["terms"].index(term)].split(" ")[index["fields"].index(field)]
    numbers, found, document, i = decode_numbers(text, index["digits"]), {}, -1, 0
    while i < len(numbers):
        document += numbers[i] // 2 + 1
        found[document] = numbers[i + 1] + 2 if numbers[i] % 2 else 1
        i += 2 if numbers[i] % 2 else 1
    return found
