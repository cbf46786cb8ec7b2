"""Where pages and exported files end up, mirroring MkDocs' rules for ``use_directory_urls``."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote

_URL_SAFE = re.compile(r"[A-Za-z0-9_.~/-]*")
"""A path that percent-encoding leaves as it is (the usual case: checked before quoting)."""


def url_path(path: str) -> str:
    """A site path as a URL path, percent-encoded as MkDocs encodes page URLs (``File.url``): whatever
    a file name holds (a space, quotes, ``<``, a line break), no export carries it raw."""
    return path if _URL_SAFE.fullmatch(path) else quote(path.encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class SiteLinks:
    site_url: str = ""
    """The published site's URL (``https://…/``), or empty: then links are relative."""
    directory_urls: bool = True
    """False in the offline export, where a page is ``x.html`` rather than ``x/``."""

    def page_path(self, src_uri: str) -> str:
        """``evenements/x.md`` -> ``evenements/x/`` (or ``evenements/x.html``); ``index.md`` -> ````."""
        stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
        if stem == "index" or stem.endswith("/index"):
            folder = stem[: -len("index")]
            return folder if self.directory_urls else f"{folder}index.html"
        return f"{stem}/" if self.directory_urls else f"{stem}.html"

    def absolute(self, path: str) -> str | None:
        """The public URL of a site path, if the site URL is known."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + url_path(path)

    def link(self, path: str, *, from_file: str) -> str:
        """A URL for ``path`` written in the file ``from_file``: absolute when possible, else relative."""
        absolute = self.absolute(path)
        if absolute is not None:
            return absolute
        relative = url_path(_relative(path, posixpath.dirname(from_file)))
        return relative + "/" if path.endswith("/") and relative != "." else relative

    def identifier(self, path: str) -> str:
        """A stable IRI for feeds and calendars: the public URL, or a URN built from the path."""
        return self.absolute(path) or f"urn:briefing:{url_path(path)}"

    @property
    def host(self) -> str:
        """The site's host name, for calendar UIDs (``…@briefing.example.org``)."""
        rest = self.site_url.split("://", 1)[-1]
        return rest.split("/", 1)[0] or "briefing.invalid"


def _relative(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for two site paths, without asking the file system for the
    current folder (relpath does, twice per call: a third of the feeds' time in the offline export)."""
    target = [part for part in path.split("/") if part not in ("", ".")]
    base = [part for part in start.split("/") if part not in ("", ".")]
    if ".." in target or ".." in base or path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path or ".", start or ".")
    common = 0
    while common < min(len(target), len(base)) and target[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."
