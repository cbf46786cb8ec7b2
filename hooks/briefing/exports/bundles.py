"""The site's own stylesheets, and its own scripts, each loaded as one file by the offline export's pages.

Each page of the export names ``extra_css`` and ``extra_javascript`` one by one, and a zip deflates
each page alone: five stylesheet links and four script tags a page, 12,000 times at 10,000 events.
The export writes them one after the other into ``assets/briefing-export.css`` (the print style of
the head after them, as ``@media print``) and ``assets/briefing-export.js`` (in the same order, run
at the same point, just after Material's script), and each page loads those instead, when it names
exactly the files the home page names, in that order. When every page does, the separate files go.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

_HREF = re.compile(r'(?:href|src)="([^"]*)"')
_CHARSET = '@charset "UTF-8";'


@dataclass(frozen=True)
class Bundle:
    """One run of tags in a page's source, loaded as one file (``target``, from the site's root)."""

    pattern: re.Pattern
    """Group ``run``: the tags, each naming one file; optional group ``inline``: text after them."""
    target: str
    tag: str
    """The tag that loads ``target``, with ``{href}`` for its URL from the page."""

    def find(self, html: str, base: str) -> tuple[tuple[str, ...], str | None, int, int] | None:
        """The files the run names (from the site's root), its inline text, and where it is."""
        found = self.pattern.search(html)
        if found is None:
            return None
        prefix = "" if base == "." else base + "/"
        urls = _HREF.findall(found.group("run"))
        if not all(url.startswith(prefix + "assets/") for url in urls):
            return None
        inline = found.groupdict().get("inline")
        return tuple(url[len(prefix):] for url in urls), inline, found.start("run"), found.end()

    def apply(self, html: str, relative: str, wanted: tuple[tuple[str, ...], str | None]) -> str | None:
        """The page at ``relative`` loading ``target`` instead of the files and inline text of ``wanted``,
        or None when the page does not name exactly those."""
        base = posixpath.relpath(".", posixpath.dirname(relative) or ".")
        found = self.find(html, base)
        if found is None or found[:2] != wanted:
            return None
        href = self.target if base == "." else f"{base}/{self.target}"
        return html[:found[2]] + self.tag.format(href=href) + "\n" + html[found[3]:].lstrip("\n")

    def write(self, site_dir: Path, wanted: tuple[tuple[str, ...], str | None]) -> None:
        """``target``: the files one after the other (all in ``assets/``, so their relative URLs hold)."""
        files, inline = wanted
        texts = [(site_dir / path).read_text("utf-8").rstrip() + "\n" for path in files]
        if self.target.endswith(".js"):
            text = ";\n".join(texts)  # no statement of one file runs on into the next
        else:  # one @charset, first (Material's stylesheet starts with it)
            charset = any(t.startswith(_CHARSET) for t in texts)
            texts = [t.removeprefix(_CHARSET) for t in texts]
            text = (_CHARSET + "\n" if charset else "") + "".join(texts) + (
                f"@media print {{\n{inline.strip()}\n}}\n" if inline else "")
        (site_dir / self.target).write_text(text, "utf-8")


STYLES = Bundle(
    re.compile(r'(?P<run>(?:<link rel="stylesheet" href="[./]*assets/[\w./-]*\.css">\s*)+)'
               r'(?:<style media="print">(?P<inline>[^<]*)</style>)?'),
    "assets/briefing-export.css", '<link rel="stylesheet" href="{href}">')
"""The theme's stylesheets and the site's (``extra_css``), one after the other in the head once the polyfills
have gone (``POLYFILLS``), and the print style after them."""

SCRIPTS = Bundle(
    re.compile(r'<script src="[./]*assets/javascripts/bundle\.\w+\.min\.js"></script>\s*'
               r'(?P<run>(?:<script src="[./]*assets/briefing-[\w.-]*\.js"(?: async)?></script>\s*)+)'),
    "assets/briefing-export.js", '<script src="{href}"></script>')
"""The site's scripts (``extra_javascript``), just after Material's; ``briefing-highlight.js``, loaded
``async`` on its own, waits for the page to be parsed and runs the same in order."""


@dataclass(frozen=True)
class Appended:
    """Scripts of the head (Material's ``extra.polyfills``) run at the end of a script the page loads
    just before them in its head (``host``), instead of from a tag of their own."""

    pattern: re.Pattern
    host: str

    def find(self, html: str, base: str) -> tuple[tuple[str, ...], None, int, int] | None:
        """The files the run names (from the site's root), and where it is, when ``host`` comes first."""
        head_end = html.find("</head>")
        found = self.pattern.search(html, 0, head_end)
        prefix = "" if base == "." else base + "/"
        if found is None or html.find(f'<script src="{prefix}{self.host}"></script>', 0, found.start()) < 0:
            return None
        urls = _HREF.findall(found.group("run"))
        if not all(url.startswith(prefix + "assets/") for url in urls):
            return None
        return tuple(url[len(prefix):] for url in urls), None, found.start("run"), found.end()

    def apply(self, html: str, relative: str, wanted: tuple[tuple[str, ...], None]) -> str | None:
        """The page at ``relative`` without the tags of ``wanted``, or None when it has other ones."""
        base = posixpath.relpath(".", posixpath.dirname(relative) or ".")
        found = self.find(html, base)
        if found is None or found[:2] != wanted:
            return None
        return html[:found[2]] + html[found[3]:]

    def write(self, site_dir: Path, wanted: tuple[tuple[str, ...], None]) -> None:
        """``host`` followed by the files; a file that starts in strict mode keeps it (in a function)."""
        texts = [(site_dir / self.host).read_text("utf-8").rstrip() + "\n"]
        for path in wanted[0]:
            text = (site_dir / path).read_text("utf-8").rstrip()
            strict = text.startswith(('"use strict"', "'use strict'"))
            texts.append(f"(function () {{\n{text}\n}})();\n" if strict else text + "\n")
        (site_dir / self.host).write_text(";\n".join(texts), "utf-8")


POLYFILLS = Appended(
    re.compile(r'(?P<run>(?:<script src="[./]*assets/vendor/[\w./-]+\.js"></script>\s*)+)'),
    "search/search_offline.js")
"""The iframe-worker shim, after the export's search loader (which keeps the browser's own Worker
before the shim replaces it)."""
