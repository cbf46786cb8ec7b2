"""What the site-shell tests share: the English strings a French page must not show, and a page's
readable strings (visible text and the attributes a reader meets: title, aria-label, alt, placeholder)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html

ENGLISH_STRINGS = [
    # Material for MkDocs (its strings when a translation is missing, its footer, its 404 page)
    "Made with", "Material for MkDocs", "Not found", "404 - Not found", "Skip to content", "Back to top",
    "Table of contents", "Type to start searching", "Initializing search", "No matching documents",
    "matching documents", "Copy to clipboard", "Copied to clipboard", "Previous", "Next", "Edit this page",
    "View source of this page", "Last update", "Go to repository", "Select language", "Switch to",
    "Share", "Search", "Clear", "Header", "Footer", "more on this page", "Missing", "Was this page helpful",
    "Cookie consent", "Continue reading", "Back to index", "min read", "Footnotes", "Initializing",
    # Python-Markdown's toc and footnotes extensions
    "Permanent link", "Jump back to footnote", "in the text",
]
"""English strings Material and Python-Markdown write when not told otherwise; each is matched as whole
words, case-sensitively (Material's French words that are also English, as Navigation, are left out)."""

_PATTERNS = [(s, re.compile(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])")) for s in ENGLISH_STRINGS]
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "aria-description", "data-md-tooltip")


def english_in(text: str) -> list[str]:
    return [s for s, pattern in _PATTERNS if pattern.search(text)]


def readable_strings(html_bytes: bytes) -> list[str]:
    """The page's text (outside scripts, styles and passages marked ``lang="en"``), the attributes a
    reader meets, and Material's interface strings (its configuration's translations)."""
    root = lxml.html.fromstring(html_bytes)
    strings: list[str] = []
    for script in root.xpath('//script[@id="__config"]'):
        strings += [str(v) for v in json.loads(script.text_content()).get("translations", {}).values()]
    for node in root.xpath("//script|//style|//template|//*[@lang='en']"):
        node.drop_tree()
    strings.append(" ".join(" ".join(root.itertext()).split()))
    for attribute in READ_ATTRIBUTES:
        strings += root.xpath(f"//@{attribute}")
    return strings


def english_on_pages(site: Path) -> dict[str, list[str]]:
    """Every built page of ``site`` that shows an English string, with those strings."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        if "assets" in path.relative_to(site).parts:
            continue
        hits = sorted({s for text in readable_strings(path.read_bytes()) for s in english_in(text)})
        if hits:
            found[path.relative_to(site).as_posix()] = hits
    return found
