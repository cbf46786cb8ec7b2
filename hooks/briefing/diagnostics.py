"""Problems found in the sources, each pinned to a file, a line and a field."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from briefing.i18n import _


class Severity(StrEnum):
    ERROR = "error"
    """The note cannot be published as written."""
    WARNING = "warning"
    """The note is published, but something in it was dropped or looks wrong."""
    NOTICE = "notice"
    """Worth knowing; never fails a build."""


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """``events/2023/x.md:7: countries/0: unknown country "Jappon", did you mean "Japon"?``"""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        prefix = f"{self.field}: " if self.field else ""
        return f"{where}: {prefix}{self.message}"

    def github_annotation(self) -> str:
        level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "notice"}[self.severity]
        line = f",line={self.line}" if self.line is not None else ""
        message = self.format().replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.path}{line}::{message}"


@dataclass
class Diagnostics:
    """An ordered collection; the loader appends, the adapter or the CLI reports."""

    root: Path
    items: list[Diagnostic] = field(default_factory=list)

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def add(
        self,
        path: Path,
        line: int | None,
        field_name: str | None,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.items.append(Diagnostic(self.relative(path), line, field_name, message, severity))

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.path, d.line or 0, d.field or "", d.message))


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for matching suggestions: casefolded, decomposed
    (NFKD), without combining marks. The marks are looked for among the few distinct characters
    that are not ASCII and removed by ``str.replace`` (a test compares it with a test of every character)."""
    if text.isascii():
        return text.casefold()  # ASCII: nothing to decompose, no mark, no ’
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if not decomposed.isascii():
        for char in set(_NOT_ASCII.findall(decomposed)):
            if unicodedata.combining(char):
                decomposed = decomposed.replace(char, "")
    return decomposed.replace("’", "'")


def suggest(wrong: str, candidates: list[str]) -> str | None:
    """The closest candidate, compared without case or accents, or None."""
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(fold(candidate), candidate)
    match = difflib.get_close_matches(fold(wrong), list(by_fold), n=1, cutoff=0.75)
    return by_fold[match[0]] if match else None


def did_you_mean(wrong: str, candidates: list[str]) -> str:
    hint = suggest(wrong, candidates)
    return _(', did you mean "{hint}"?').format(hint=hint) if hint else ""
