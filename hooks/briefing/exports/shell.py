"""The offline export's pages without the parts of the theme's shell that only a script uses.

A zip deflates each file alone, so every page of the export pays for its whole shell: at 10,000
events, 12,000 pages. Some of that shell works only with JavaScript, and is the same on every page:
Material's search button and dialog, its back-to-top button, its notice dialog, its runtime
configuration (``#__config``, the same but for two page-relative URLs), its storage helpers
(``__md_scope``…), its tabbed-content script, and the export's search-worker hand-over. Once every
page has been written, :func:`lighten_export` takes them out of each page and writes them once, in
``assets/briefing-shell.js`` (``shell.js``), which each page loads where its configuration was, just
before Material's script: it puts each part back where it was, so Material starts on the same
document. A reader without JavaScript, who could not use these parts, no longer sees them.

The parts are read from the home page and taken out of another page only where they are there
byte for byte (their page-relative URLs aside) and where the theme puts them; a page that differs in
any way is left whole, and still works (the script adds nothing a page already has).
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.exports.bundles import POLYFILLS, SCRIPTS, STYLES
from briefing.render.whitespace import drop_blank_lines

SCRIPT_PATH = "assets/briefing-shell.js"
SOURCE = Path(__file__).with_name("shell.js")

_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
_HELPERS = re.compile(r'<script>__md_scope=new URL\("([^"\\]*)",location\),(__md_[^\n]*?)</script>')
_CONTENT_SCRIPT = re.compile(r'<script>(var target=document\.getElementById\(location\.hash\.slice\(1\)\);'
                             r'[^<]*)</script>')
_INSTALL = "<script>window.__briefingOffline && __briefingOffline.install()</script>"
_SEARCH_START = '<label class="md-header__button md-icon" for="__search">'
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_DRAWER_TOGGLE = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
_SEARCH_TOGGLE = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
"""The search dialog's switch, just after the navigation drawer's (the theme's style reads what follows it)."""
_TOP_START = '<button type="button" class="md-top md-icon" data-md-component="top" hidden>'
_DIALOG_START = '<div class="md-dialog" data-md-component="dialog">'
_TAG = re.compile(r"<(/?)(div|label|button)\b")


def _element_end(html: str, start: int) -> int:
    """The end of the element opened at ``start`` (a div, label or button; same-name nesting counted)."""
    name = _TAG.match(html, start).group(2)
    depth = 0
    for tag in _TAG.finditer(html, start):
        if tag.group(2) != name:
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html.index(">", tag.end()) + 1
    raise ValueError(f"<{name}> not closed")


def _followed_by(html: str, end: int, text: str) -> bool:
    return html[end:].lstrip().startswith(text)


@dataclass(frozen=True)
class ShellParts:
    """What the home page's shell holds that only a script uses."""

    search: str
    top: str
    dialog: str
    config: dict
    worker: str
    """The search worker's path from the site's root (``config.search`` is relative to a page)."""
    helpers: str
    content_script: str

    @classmethod
    def read(cls, home: str) -> ShellParts | None:
        """The parts as the home page (at the site's root) has them, or None if one is missing."""
        try:
            config = json.loads(_CONFIG.search(home).group(1))
            helpers = _HELPERS.search(home).group(2)
            content_script = _CONTENT_SCRIPT.search(home).group(1)
            label_start = home.index(_SEARCH_START)
            label_end = _element_end(home, label_start)
            dialog_start = home.index(_SEARCH_DIALOG, label_end)
            if home[label_end:dialog_start].strip():
                return None
            search = home[label_start:_element_end(home, dialog_start)]
            top_start = home.index(_TOP_START)
            notice_start = home.index(_DIALOG_START)
            top = home[top_start:_element_end(home, top_start)]
            dialog = home[notice_start:_element_end(home, notice_start)]
        except (AttributeError, ValueError):
            return None
        if config.get("base") != "." or not isinstance(config.get("search"), str):
            return None
        worker = config.pop("search")
        config.pop("base")
        return cls(search, top, dialog, config, worker, helpers, content_script)

    def script(self) -> str:
        """``assets/briefing-shell.js``."""
        parts = {"toggle": _SEARCH_TOGGLE, "search": self.search, "top": self.top, "dialog": self.dialog,
                 "config": self.config, "worker": self.worker}
        return (SOURCE.read_text("utf-8")
                .replace("/* MATERIAL HELPERS */ null", self.helpers)
                .replace("/* MATERIAL CONTENT SCRIPT */", self.content_script + ";")
                .replace("/* PARTS */ null", json.dumps(parts, sort_keys=True, indent=None)))

    def lighten(self, html: str, relative: str) -> str | None:
        """The page at ``relative`` (from the site's root) without the parts, loading the script
        instead; None when the page does not hold each of them as the home page does."""
        base = posixpath.relpath(".", posixpath.dirname(relative) or ".")
        config = _CONFIG.search(html)
        helpers = _HELPERS.search(html)
        content_script = _CONTENT_SCRIPT.search(html)
        if not (config and helpers and content_script) or helpers.group(1) != base:
            return None
        if content_script.group(1) != self.content_script or helpers.group(2) != self.helpers:
            return None
        try:
            data = json.loads(config.group(1))
        except ValueError:
            return None
        worker = data.pop("search", None)
        if data.pop("base", None) != base or data != self.config or not isinstance(worker, str):
            return None
        if posixpath.normpath(posixpath.join(base, self.worker)) != posixpath.normpath(worker):
            return None
        if any(html.count(part) != 1 for part in (self.search, self.top, self.dialog, _SEARCH_TOGGLE)):
            return None
        drawer_end = html.find(_DRAWER_TOGGLE) + len(_DRAWER_TOGGLE)
        if drawer_end < len(_DRAWER_TOGGLE) or not _followed_by(html, drawer_end, _SEARCH_TOGGLE):
            return None
        search_end = html.index(self.search) + len(self.search)
        if not (_followed_by(html, search_end, "</nav>")
                and _followed_by(html, html.index(self.top) + len(self.top), "</main>")
                and _followed_by(html, html.index(self.dialog) + len(self.dialog), config.group(0))):
            return None
        if html.count("__md_") != html.count("__md_", helpers.start(), helpers.end()):
            return None  # another inline script of the page uses the helpers before this script defines them
        script = posixpath.join(base, SCRIPT_PATH) if base != "." else SCRIPT_PATH
        moved = (_SEARCH_TOGGLE, self.search, self.top, self.dialog, helpers.group(0), content_script.group(0),
                 _INSTALL)
        for part in moved:
            html = html.replace(part, "", 1)
        return html.replace(config.group(0), f'<script src="{script}"></script>', 1)


def lighten_export(site_dir: Path) -> tuple[int, int]:
    """Take the script-only shell out of every page of the export at ``site_dir``, and its blank lines
    (``briefing.render.whitespace.drop_blank_lines``), and write ``assets/briefing-shell.js``; load the
    site's stylesheets and scripts as one file each (``briefing.exports.bundles``); return (pages
    lightened, pages left with their shell)."""
    site_dir = Path(site_dir)
    home_path = site_dir / "index.html"
    home = home_path.read_bytes().decode("utf-8") if home_path.is_file() else ""
    parts = ShellParts.read(home) if home else None
    light_home = drop_blank_lines((parts.lighten(home, "index.html") if parts else None) or home)
    bundles = {}
    for bundle in (POLYFILLS, STYLES, SCRIPTS):  # the polyfills first: the stylesheets around them meet
        found = bundle.find(light_home, ".")
        if found and all((site_dir / path).is_file() for path in found[0]):
            bundles[bundle] = found[:2]
            light_home = bundle.apply(light_home, "index.html", found[:2]) or light_home
    lightened = whole = 0
    bundled = dict.fromkeys(bundles, 0)
    pages = sorted(site_dir.rglob("*.html"))
    for page in pages:
        text = page.read_bytes().decode("utf-8")
        relative = page.relative_to(site_dir).as_posix()
        light = parts.lighten(text, relative) if parts else None
        lightened, whole = (lightened + 1, whole) if light is not None else (lightened, whole + 1)
        light = drop_blank_lines(light if light is not None else text)
        for bundle, wanted in bundles.items():
            one_file = bundle.apply(light, relative, wanted)
            bundled[bundle] += one_file is not None
            light = one_file or light
        if light != text:
            page.write_bytes(light.encode("utf-8"))
    if parts is not None:
        (site_dir / SCRIPT_PATH).write_text(parts.script(), "utf-8")
    for bundle, wanted in bundles.items():
        bundle.write(site_dir, wanted)
        if bundled[bundle] == len(pages):  # no page loads them one by one: no byte twice in the export
            for path in wanted[0]:
                (site_dir / path).unlink()
                folder = (site_dir / path).parent
                while folder != site_dir and not any(folder.iterdir()):  # assets/vendor/iframe-worker/
                    folder.rmdir()
                    folder = folder.parent
    return lightened, whole
