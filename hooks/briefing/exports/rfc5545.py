"""iCalendar content lines (RFC 5545) written directly, as the icalendar library writes them.

icalendar builds a property object per value and folds every line character by character (about
2 ms per event); the calendars of a large archive hold tens of thousands of events, several times
over. These few rules give the same bytes, and tests read every calendar back with icalendar.
"""

from __future__ import annotations

import datetime as dt
import re

_LINE_OCTETS = 74
"""A content line holds at most 74 octets, a continuation line a space and 74 (RFC 5545 §3.1: 75)."""
_CONTROL = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
"""Control characters a TEXT value may not hold (§3.3.11): dropped from the encoded lines (they are
ASCII, so never part of a longer UTF-8 character); line breaks are escaped before."""
_BREAKS = re.compile("[\r\n]")
_TEXT_SPECIAL = re.compile(r"[\\;,\n\r]")
_ESCAPED_PREFIXES = b"\\^"


def text(value: str) -> str:
    """A TEXT value, escaped in icalendar's order (which also writes a literal ``\\N`` as a line break)."""
    if not _TEXT_SPECIAL.search(value):
        return value
    return (
        value.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
        .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n")
    )


def date(value: dt.date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def utc_datetime(value: dt.datetime) -> str:
    """A DATE-TIME in UTC (``20231114T221320Z``)."""
    value = value.astimezone(dt.UTC)
    return f"{date(value)}T{value.hour:02d}{value.minute:02d}{value.second:02d}Z"


def lines(*content_lines: str) -> bytes:
    """Content lines (``NAME;PARAM=X:value``, values already escaped), folded, each ended with CRLF.

    A line break left in a value (a URI is not a TEXT value, so nothing escaped it) is dropped: it
    would start a content line of its own. A character UTF-8 cannot encode (a lone surrogate, from
    an undecodable file name) is written ``?``."""
    joined = "\r\n".join(_BREAKS.sub("", line) if "\r" in line or "\n" in line else line for line in content_lines)
    encoded = joined.encode("utf-8", "replace").translate(None, _CONTROL).split(b"\r\n")
    return b"\r\n".join([_fold(line) if len(line) > _LINE_OCTETS else line for line in encoded]) + b"\r\n"


def _fold(line: bytes) -> bytes:
    """One line in chunks of at most 74 octets, never splitting a UTF-8 character, nor an escape
    (``\\n``) from its backslash."""
    chunks = []
    start, last = 0, len(line) - _LINE_OCTETS
    while start < last:
        cut = start + _LINE_OCTETS
        while line[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            cut -= 1
        if line[cut - 1] in _ESCAPED_PREFIXES:
            cut -= 1
        chunks.append(line[start:cut])
        start = cut
    chunks.append(line[start:])
    return b"\r\n ".join(chunks)
