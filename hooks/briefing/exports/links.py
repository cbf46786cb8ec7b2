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
    """Where a page is, in the files of this build and on the published site.

    The offline export writes its pages as ``x.html`` while the site serves ``x/``: an absolute URL or an
    identifier names the page as the site serves it (the same in every build of the same sources), a
    relative link the file this build writes (the one beside it in the export)."""

    site_url: str = ""
    """The published site's URL (``https://…/``), or empty: then links are relative."""
    directory_urls: bool = True
    """How this build writes pages: False in the offline export, where a page is ``x.html`` rather than ``x/``."""
    online_directory_urls: bool = True
    """How the published site serves them: ``use_directory_urls`` as configured, before the offline plugin
    turns it off."""

    def page_path(self, src_uri: str) -> str:
        """``evenements/x.md`` -> ``evenements/x/`` (or ``evenements/x.html``); ``index.md`` -> ````."""
        return _page_path(src_uri, self.directory_urls)

    def online_path(self, src_uri: str) -> str:
        """The page's path on the published site (``evenements/x/``, in the offline export too)."""
        return _page_path(src_uri, self.online_directory_urls)

    def page_url(self, src_uri: str) -> str | None:
        """The page's public URL (the address the site serves), if the site URL is known."""
        return self.absolute(self.online_path(src_uri))

    def page_link(self, src_uri: str, *, from_file: str) -> str:
        """A URL for a page written in the file ``from_file``: its public URL when the site URL is known,
        else a link relative to ``from_file`` to the page this build writes (``x.html`` in the export)."""
        url = self.page_url(src_uri)
        return url if url is not None else self.link(self.page_path(src_uri), from_file=from_file)

    def page_identifier(self, src_uri: str) -> str:
        """A page's stable IRI for feeds: its public URL, or a URN of its public path (never ``.html``)."""
        return self.identifier(self.online_path(src_uri))

    def absolute(self, path: str) -> str | None:
        """The public URL of a site path (a file's, such as a feed's), if the site URL is known."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + url_path(path)

    def link(self, path: str, *, from_file: str) -> str:
        """A URL for the file ``path`` written in the file ``from_file``: absolute when possible, else relative."""
        absolute = self.absolute(path)
        if absolute is not None:
            return absolute
        relative = url_path(_relative(path, posixpath.dirname(from_file)))
        return relative + "/" if path.endswith("/") and relative != "." else relative

    def identifier(self, path: str) -> str:
        """A stable IRI of a file (a feed's own id): the public URL, or a URN built from the path."""
        return self.absolute(path) or f"urn:briefing:{url_path(path)}"

    @property
    def host(self) -> str:
        """The site's host name, for calendar UIDs (``…@briefing.example.org``)."""
        rest = self.site_url.split("://", 1)[-1]
        return rest.split("/", 1)[0] or "briefing.invalid"


def _page_path(src_uri: str, directory_urls: bool) -> str:
    """A page's path as MkDocs writes it (``File.url``; ``README.md`` is its folder's index)."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if stem in ("index", "README") or stem.endswith(("/index", "/README")):
        folder = stem[: stem.rfind("/") + 1]
        return folder if directory_urls else f"{folder}index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


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
