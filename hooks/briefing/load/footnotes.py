"""Just enough of Python-Markdown's footnote syntax to move or drop footnotes between text parts."""

from __future__ import annotations

import re

_DEFINITION = re.compile(r"^\[\^([^\]]+)\]:[ \t]?")
_REFERENCE = re.compile(r"\[\^([^\]]+)\](?!:)")


def split_definitions(text: str) -> tuple[str, dict[str, str]]:
    """Separate footnote definitions (with their indented continuation lines) from the text."""
    if "[^" not in text:  # no line can start a definition
        return text.rstrip(), {}
    kept: list[str] = []
    definitions: dict[str, str] = {}
    current: list[str] | None = None
    for line in text.split("\n"):
        match = _DEFINITION.match(line)
        if match:
            current = [line]
            definitions[match.group(1)] = current  # type: ignore[assignment]
        elif current is not None and (line.startswith(("    ", "\t")) or not line.strip()):
            current.append(line)
        else:
            current = None
            kept.append(line)
    return "\n".join(kept).rstrip(), {k: "\n".join(v).rstrip() for k, v in definitions.items()}


def references(text: str) -> list[str]:
    return list(dict.fromkeys(_REFERENCE.findall(text)))


def strip_references(text: str, labels: set[str] | None = None) -> str:
    """``text`` without its footnote references (only those to ``labels`` if given)."""
    if labels is None:
        return _REFERENCE.sub("", text)
    return _REFERENCE.sub(lambda match: "" if match.group(1) in labels else match.group(0), text)
