"""Generated HTML placed into a page after Markdown: placeholders, assembly and link resolution.

A generated page's Markdown keeps what Markdown is needed for (headings, which make the table of
contents, and contributors' text) and marks where a generated HTML fragment goes with a
placeholder comment. After MkDocs has rendered the Markdown, ``assemble`` puts each fragment in its
place; ``resolve_links`` makes the body's generated links relative, and the whole body is then
sanitized as before. The placeholders carry
a per-build token, so a contributor cannot summon a fragment by writing one.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Callable, Mapping

_HREF = re.compile(r'href="briefing:/([^"#]+)(#[^"]*)?"')


class Fragments:
    """The fragments of every page of one build, by ``src_uri``."""

    def __init__(self) -> None:
        self._token = secrets.token_hex(8)
        self._placeholder = re.compile(rf"<!-- briefing-{self._token}:(\d+) -->")
        self._pages: dict[str, list[str]] = {}

    def place(self, src_uri: str, fragment_html: str) -> str:
        """A Markdown block standing for ``fragment_html`` on the page ``src_uri``; "" for no HTML."""
        if not fragment_html:
            return ""
        fragments = self._pages.setdefault(src_uri, [])
        fragments.append(fragment_html)
        return f"<!-- briefing-{self._token}:{len(fragments) - 1} -->\n"

    def forget(self, src_uri: str) -> None:
        """Drop the fragments of a page about to be rendered again (a page's Markdown is built once per render)."""
        self._pages.pop(src_uri, None)

    def assemble(self, src_uri: str, rendered: str) -> str:
        """The rendered page body with its placeholders replaced by their fragments. Its generated
        links are still to be resolved, and it still goes through the sanitizer like the rest."""
        fragments = self._pages.get(src_uri)
        if not fragments:
            return rendered

        def fragment(match: re.Match) -> str:
            number = int(match.group(1))
            return fragments[number] if number < len(fragments) else ""

        return self._placeholder.sub(fragment, rendered)


def relative_prefix(page_url: str) -> str:
    """What leads from a page's URL (``evenements/x/`` or ``evenements/x.html``) back to the site root."""
    return "../" * page_url.count("/")


def resolve_links(body_html: str, page_url: str, urls: Mapping[str, str],
                  missing: Callable[[str], None]) -> str:
    """Generated links (``html.link``: ``briefing:/`` and a path under ``docs/``) made relative to
    ``page_url``; ``urls`` maps a ``src_uri`` to its URL. A link to a file not in ``urls`` is reported
    to ``missing`` and left as written (the sanitizer then drops its unknown scheme)."""
    prefix = relative_prefix(page_url)

    def relative(match: re.Match) -> str:
        uri, anchor = html.unescape(match.group(1)), match.group(2) or ""
        url = urls.get(uri)
        if url is None:
            missing(uri + anchor)
            return match.group(0)
        return f'href="{prefix + url or "./"}{anchor}"'

    return _HREF.sub(relative, body_html)
