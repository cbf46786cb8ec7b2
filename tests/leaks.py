"""Reading every byte of a built site for markers of confidential text, decoded the ways it could hide."""

from __future__ import annotations

import gzip
import html
import io
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def readings(name: str, data: bytes) -> list[str]:
    """The file's bytes as text, and decoded the ways a marker could hide: gzip, zip, JSON escapes,
    HTML entities, percent-encoding. Each is lower-cased (markers are lower-case ASCII)."""
    if name.endswith(".gz"):
        return [f"{name}:raw", *readings(name[:-3], gzip.decompress(data))]
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found = [name + ":" + "\n".join(archive.namelist())]
            for member in archive.namelist():
                found += readings(member, archive.read(member))
            return found
    text = data.decode("utf-8", errors="replace")
    unescaped = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    variants = [name, text, unescaped, html.unescape(unescaped), unquote(html.unescape(unescaped))]
    if name.endswith(".json"):
        variants.append(json.dumps(json.loads(text), ensure_ascii=False))
    return [v.lower() for v in variants]


def site_leaks(folder: Path, markers: list[str]) -> dict[str, list[str]]:
    """marker -> the files of ``folder`` (and of its zip next to it) that hold it, for the markers found."""
    paths = [p for p in sorted(folder.rglob("*")) if p.is_file()]
    archive = folder.with_name(folder.name + ".zip")
    if archive.exists():
        paths.append(archive)
    found: dict[str, list[str]] = {}
    for path in paths:
        relative = path.relative_to(folder.parent).as_posix()
        texts = [relative.lower(), *readings(path.name, path.read_bytes())]
        for marker in markers:
            if any(marker in text for text in texts):
                found.setdefault(marker, []).append(relative)
    return found
