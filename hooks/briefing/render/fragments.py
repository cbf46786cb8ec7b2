"""Generated HTML placed into a page after Markdown: placeholders, assembly and link resolution.

A generated page's Markdown keeps what Markdown is needed for (headings, which make the table of
contents, and contributors' text) and marks where a generated HTML fragment goes with a
placeholder: a word of letters and digits, which Markdown leaves alone at almost no cost (an HTML
comment or inline HTML costs Python-Markdown an HTML parse: about 0.4 ms each). A block placeholder
stands alone as a paragraph, or with the block placeholders that follow it (``one_paragraph``); an
inline one (a glossary link) stands in a sentence. A fragment
meant for search goes in as soon as MkDocs has rendered the Markdown (``assemble``); one kept out
of search (lists that repeat other pages) goes in only after the search plugin has read the page
(``complete``), so it costs search nothing. The body around the late fragments is finished by the
caller (generated links resolved, HTML sanitized); late fragments only get their links resolved:
they are built by ``html.py`` from escaped text, with no contributor HTML in them. The
placeholders carry a per-build token, so a contributor cannot summon a fragment by writing one.

French typography (``complete``'s ``typeset``) runs over the body with the late fragments' placeholders
in it, and over each late fragment on its own, unless the fragment was built typeset (``typeset=True``:
a chronology's entries and timeline marks are typeset once, when they are built, not on each page that
lists them). That is what typesetting the completed body gives: a placeholder is a comment between
blocks, so no text node runs across it, and the body's parts and the fragments are whole elements (the
parts come out of the sanitizer), so each starts where the typesetter is in no link, code or other
language. A page where a fragment or its surroundings start or end with text is typeset whole.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

_HREF = re.compile(r'href="briefing:/([^"#]+)(#[^"]*)?"')

Finish = Callable[[str], str]
"""What a part of a page goes through before it is part of the page (resolve links, sanitize)."""


class Place(Protocol):
    """Puts a generated HTML fragment on a page; returns the Markdown placeholder standing for it."""

    def __call__(self, fragment_html: str, searchable: bool = True, search_html: str | None = None,
                 typeset: bool = False, contributed: bool = False) -> str: ...

    def heading(self, level: int, title: str, anchor: str) -> str:
        """A heading written in a fragment, listed in the page's table of contents."""


Later = tuple[str, Callable[[Place], str]]
"""A generated page whose body is rendered with the page, in whichever process builds it: its front
matter (what MkDocs reads before the pages: the title) and what renders its Markdown body, placing
its fragments with the ``Place`` given."""


@dataclass(frozen=True)
class _Fragment:
    html: str
    searchable: bool
    search_html: str | None = None
    """What search reads instead of ``html`` (the same words with less markup), if anything."""
    typeset: bool = False
    """``html`` is typeset already (French typography): a late fragment then goes in as it is."""
    contributed: bool = False
    """``html`` holds contributors' text: a late fragment is sanitized as it goes in, as the body is."""


class Fragments:
    """The fragments of every page of one build, by ``src_uri``."""

    def __init__(self) -> None:
        token = secrets.token_hex(8)
        self._block = f"briefing{token}b"
        self._inline = f"briefing{token}i"
        self._block_placeholder = re.compile(rf"<p>({self._block}\d+z(?: {self._block}\d+z)*)</p>\n?")
        self._block_number = re.compile(rf"{self._block}(\d+)z")
        self._inline_placeholder = re.compile(rf"{self._inline}(\d+)z")
        self._late = re.compile(rf"<!-- {self._block}(\d+)z -->(?:.*?<!-- /{self._block}\1z -->)?", re.DOTALL)
        self._pages: dict[str, list[_Fragment]] = {}
        self._headings: dict[str, list[tuple[int, str, str]]] = {}

    def _add(self, src_uri: str, fragment: _Fragment) -> int:
        fragments = self._pages.setdefault(src_uri, [])
        fragments.append(fragment)
        return len(fragments) - 1

    def place(self, src_uri: str, fragment_html: str, *, searchable: bool = True,
              search_html: str | None = None, typeset: bool = False, contributed: bool = False) -> str:
        """A Markdown paragraph standing for the block ``fragment_html`` on the page ``src_uri``; ""
        for no HTML. ``searchable=False`` keeps the fragment out of the search index; ``search_html``
        is what search reads in its place (Material's search parser costs about 30 µs a tag: a list
        of links is cheaper to index as a sentence). ``typeset``: the fragment, kept out of search, is
        typeset already (``complete`` does not typeset it again). ``contributed``: the fragment holds
        contributors' text, to be sanitized (``complete``'s ``clean``) if it goes in after search."""
        if not fragment_html:
            return ""
        searchable = searchable and search_html is None
        fragment = _Fragment(fragment_html, searchable, search_html, typeset and not searchable, contributed)
        return f"{self._block}{self._add(src_uri, fragment)}z\n"

    def place_inline(self, src_uri: str, fragment_html: str) -> str:
        """A word standing for ``fragment_html`` inside a sentence (not in a heading: it would be
        in the heading's anchor)."""
        return f"{self._inline}{self._add(src_uri, _Fragment(fragment_html, True))}z"

    def add_heading(self, src_uri: str, level: int, title: str, anchor: str) -> None:
        """Note a heading written in one of the page's fragments, for its table of contents (a
        Markdown heading costs Python-Markdown about 0.1 ms: the toc, attribute and permalink steps)."""
        self._headings.setdefault(src_uri, []).append((level, title, anchor))

    def headings(self, src_uri: str) -> list[tuple[int, str, str]]:
        """(level, title, anchor) of the headings in the page's fragments, in order."""
        return self._headings.get(src_uri, [])

    def forget(self, src_uri: str) -> None:
        """Drop the fragments of a page about to be rendered again."""
        self._pages.pop(src_uri, None)
        self._headings.pop(src_uri, None)

    def assemble(self, src_uri: str, rendered: str, finish: Finish) -> str:
        """The rendered body with its searchable fragments in place, finished; the others are left
        as placeholder comments, between finished parts, for ``complete``."""
        fragments = self._pages.get(src_uri)
        if not fragments:
            return finish(rendered)

        def inline(match: re.Match) -> str:
            number = int(match.group(1))
            return fragments[number].html if number < len(fragments) else ""

        if self._inline in rendered:
            rendered = self._inline_placeholder.sub(inline, rendered)
        parts = self._block_placeholder.split(rendered)
        out, pending = [], [parts[0]]
        for index in range(1, len(parts), 2):
            for number in map(int, self._block_number.findall(parts[index])):  # one paragraph may stand for several
                fragment = fragments[number] if number < len(fragments) else None
                if fragment is not None and fragment.searchable:
                    pending.append(fragment.html)
                elif fragment is not None:
                    out += [finish("".join(pending)), f"<!-- {self._block}{number}z -->"]
                    if fragment.search_html is not None:
                        out += [fragment.search_html, f"<!-- /{self._block}{number}z -->"]
                    pending = []
            pending.append(parts[index + 1])
        out.append(finish("".join(pending)))
        return "".join(out)

    def complete(self, src_uri: str, content: str, resolve: Finish, typeset: Finish | None = None,
                 clean: Finish | None = None) -> str:
        """The page body with the fragments kept out of search (or read by search in another form)
        in place, their links resolved (and contributed ones then ``clean``-ed, which they need); with
        ``typeset``, the whole typeset (see the module's text)."""
        fragments = self._pages.get(src_uri)
        if not fragments or self._block not in content:
            return typeset(content) if typeset else content

        def finished(fragment: _Fragment) -> str:
            if not fragment.contributed:
                return resolve(fragment.html)
            if clean is None:
                raise ValueError(f"{src_uri}: a fragment of contributors' text needs clean")
            return clean(resolve(fragment.html))

        if typeset is not None and any(fragment.typeset for fragment in fragments):
            holes = list(self._late.finditer(content))
            if all(_apart(content, hole, fragments[int(hole.group(1))].html) for hole in holes):
                return self._typeset_around(content, holes, fragments, finished, typeset)
        content = self._late.sub(lambda match: finished(fragments[int(match.group(1))]), content)
        return typeset(content) if typeset else content

    def _typeset_around(self, content: str, holes: list[re.Match], fragments: list[_Fragment],
                        finished: Callable[[_Fragment], str], typeset: Finish) -> str:
        """The body typeset with its placeholders in it, then the late fragments in, typeset on their own
        unless they were built typeset."""
        body, last = [], 0
        for hole in holes:  # what search read in a fragment's place goes; its placeholder stays
            body += [content[last : hole.start()], f"<!-- {self._block}{hole.group(1)}z -->"]
            last = hole.end()
        body.append(content[last:])

        def fill(match: re.Match) -> str:
            fragment = fragments[int(match.group(1))]
            return finished(fragment) if fragment.typeset else typeset(finished(fragment))

        return self._late.sub(fill, typeset("".join(body)))


def one_paragraph(placeholders: Iterable[str]) -> str:
    """Block placeholders (``Fragments.place``) that follow one another, as one Markdown paragraph: their
    fragments go in one after the other as from paragraphs of their own (nothing stood between them),
    and Python-Markdown parses one paragraph instead of several (about 35 µs each)."""
    words = [placeholder.strip() for placeholder in placeholders if placeholder]
    if any(len(word.split()) != 1 for word in words):
        raise ValueError(f"not block placeholders: {words!r}")
    return " ".join(words) + "\n" if words else ""


def _blank(text: str) -> bool:
    return not text or text.isspace()


def _apart(content: str, hole: re.Match, fragment: str) -> bool:
    """Whether no text node runs from the body into the fragment or back: the fragment starts and ends
    with a tag, and so does the body around its placeholder (whitespace aside)."""
    start, end = hole.span()
    after = content.find("<", end)
    return (_blank(content[content.rfind(">", 0, start) + 1 : start])
            and _blank(content[end : after if after >= 0 else len(content)])
            and _blank(fragment[: fragment.find("<")]) and _blank(fragment[fragment.rfind(">") + 1 :]))


def relative_prefix(page_url: str) -> str:
    """What leads from a page's URL (``evenements/x/`` or ``evenements/x.html``) back to the site root."""
    return "../" * page_url.count("/")


def resolve_links(body_html: str, page_url: str, urls: Mapping[str, str],
                  missing: Callable[[str], None], memo: dict[str, dict[str, str]] | None = None) -> str:
    """Generated links (``html.link``: ``briefing:/`` and a path under ``docs/``) made relative to
    ``page_url``; ``urls`` maps a ``src_uri`` to its URL. A link to a file not in ``urls`` is reported
    to ``missing`` and left as written (the sanitizer then drops its unknown scheme). ``memo``, kept
    with ``urls`` from page to page, remembers each link resolved from pages at the same depth (an
    entry's links are the same on every page that lists it)."""
    if "briefing:/" not in body_html:
        return body_html
    prefix = relative_prefix(page_url)
    known = memo.setdefault(prefix, {}) if memo is not None else {}

    def relative(match: re.Match) -> str:
        written = match.group(0)
        resolved = known.get(written)
        if resolved is not None:
            return resolved
        uri, anchor = html.unescape(match.group(1)), match.group(2) or ""
        url = urls.get(uri)
        if url is None:
            missing(uri + anchor)  # on every page that has it, as MkDocs reports a link
            return written
        resolved = known[written] = f'href="{prefix + url or "./"}{anchor}"'
        return resolved

    return _HREF.sub(relative, body_html)
