"""Reading a content file into a ``Document`` (front matter and body), and the checks every kind shares."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.diagnostics import Diagnostics
from briefing.i18n import _
from briefing.load import schema
from briefing.load.frontmatter import Document, FrontMatterError, parse


def _read_bytes(path: Path) -> bytes:
    """``path.read_bytes()`` without a buffered file object, a good part of reading a short note."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(descriptor).st_size
        chunks = [os.read(descriptor, size + 1)]
        if len(chunks[0]) <= size:  # a short read of a file is its end
            return chunks[0]
        while chunks[-1]:  # the file grew since fstat
            chunks.append(os.read(descriptor, 1 << 16))
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_document(path: Path, diagnostics: Diagnostics) -> Document | None:
    try:
        text = _read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as error:
        diagnostics.add(
            path, None, None,
            _("the file is not valid UTF-8 (byte {byte}); save it as UTF-8 in your editor").format(byte=error.start),
        )
        return None
    try:
        return parse(text.replace("\r\n", "\n"))
    except FrontMatterError as error:
        diagnostics.add(path, error.line, None, str(error))
        return None


def check_schema(name: str, path: Path, doc: Document, diagnostics: Diagnostics) -> bool:
    problems = schema.validate(name, doc.meta)
    for problem in problems:
        diagnostics.add(path, doc.line_of(problem.path), problem.field, problem.message)
    return not problems


def text_list(meta: dict, key: str) -> list[str]:
    return [str(v).strip() for v in meta.get(key) or []]

