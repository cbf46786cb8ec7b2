"""Scanning a built site for anything executable that came from contributors' text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import lxml.etree
import lxml.html

MARKER = "XSS"
"""Every hostile payload carries this word, so the theme's own scripts are never mistaken for it."""
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "background", "poster")
THEME_URLS = {"javascript:void(0)"}


def _problems_in_tree(tree, where: str) -> Iterator[str]:
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "script" and element.get("type") == "application/ld+json":
            if not _inert_json_ld(element.text or ""):
                yield f"{where}: JSON-LD that is not inert JSON"
        elif tag == "script" and MARKER in (element.text or "") + "".join(element.attrib.values()):
            yield f"{where}: <script> with a payload"
        if tag == "meta" and element.get("http-equiv") and MARKER in lxml.html.tostring(element, encoding=str):
            yield f"{where}: <meta http-equiv> with a payload"
        if tag in ("iframe", "object", "embed", "base") and MARKER in lxml.html.tostring(element, encoding=str):
            yield f"{where}: <{tag}> with a payload"
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                yield f"{where}: <{tag} {name}=…>"
            cleaned = "".join(value.split()).lower()
            dangerous = cleaned.startswith(("javascript:", "vbscript:", "data:text/html"))
            if name.lower() in URL_ATTRIBUTES and dangerous and value not in THEME_URLS:
                yield f"{where}: <{tag} {name}={value!r}>"


def _inert_json_ld(text: str) -> bool:
    """Data, not code: valid JSON that cannot close its ``<script>`` element."""
    try:
        json.loads(text)
    except ValueError:
        return False
    return "<" not in text


def html_problems(markup: str, where: str) -> list[str]:
    """What in ``markup`` would run if a browser rendered it as HTML."""
    if not markup.strip():
        return []
    tree = lxml.html.fromstring(f"<div>{markup}</div>") if "<html" not in markup[:500] else lxml.html.fromstring(markup)
    return list(_problems_in_tree(tree, where))


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def site_problems(site: Path) -> tuple[list[str], list[str]]:
    """(problems, files scanned) over every page, the search index, feeds and data files of a site.

    Text in JSON, XML and iCalendar files is scanned as HTML, because search results and feed readers
    render it as HTML.
    """
    problems, scanned = [], []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or relative.startswith("assets/"):
            continue
        suffix = path.suffix.lower()
        if suffix == ".html":
            problems += html_problems(path.read_text("utf-8"), relative)
        elif suffix == ".json":
            for index, text in enumerate(_strings(json.loads(path.read_text("utf-8")))):
                problems += html_problems(text, f"{relative}[{index}]")
        elif suffix in (".xml", ".rss", ".atom"):
            root = lxml.etree.fromstring(path.read_bytes())
            for node in root.iter():
                texts = [node.text or "", *node.attrib.values()] if isinstance(node.tag, str) else []
                for text in texts:
                    problems += html_problems(text, f"{relative}<{node.tag}>")
        elif suffix == ".ics":
            problems += html_problems(path.read_text("utf-8").replace("\\n", "\n"), relative)
        else:
            continue
        scanned.append(relative)
    return problems, scanned
