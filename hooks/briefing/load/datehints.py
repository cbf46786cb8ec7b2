"""What to write instead of a date written the French way: ``15/10/2024`` -> ``2024-10-15``.

Read only to suggest a value in a diagnostic, never to accept one: the front matter keeps one form.
Month names come from Babel's CLDR data (wide and abbreviated, compared without accents or case).
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from briefing.diagnostics import fold

_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
"""``15/10/2024``, ``15.10.2024``, ``15-10-2024``: day, month, year."""
_NUMERIC_MONTH = re.compile(r"^(\d{1,2})\s*[/.]\s*(\d{4})$")
"""``10/2024``: month, year."""
_YEAR_FIRST = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{1,2}))?$")
"""``2024/10/15``, ``2024-10-1``: year first, but not as the front matter writes it."""
_WORDS = re.compile(
    r"^(?:(?P<approx>debut|mi|fin)[\s-]+)?(?:(?:le\s+)?(?P<day>\d{1,2})\s*(?:er)?\s+)?"
    r"(?P<month>[a-z]+)\.?\s+(?P<year>\d{4})$"
)
"""``15 octobre 2024``, ``1er octobre 2024``, ``octobre 2024``, ``fin décembre 2017`` (folded)."""
_APPROX = {"debut": "early", "mi": "mid", "fin": "late"}


@cache
def _months() -> dict[str, int]:
    """Folded French month names and abbreviations -> month number."""
    from babel.dates import get_month_names

    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale="fr").items():
            months.setdefault(fold(name).rstrip("."), number)
    return months


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    if not 1 <= month <= 12 or not 1000 <= year <= 9999:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def suggest_date(value: object) -> tuple[str, str | None] | None:
    """``(date, approx)`` to write for a date written another way, or None when it cannot be read.

    ``15/10/2024`` -> ``("2024-10-15", None)``; ``fin octobre 2024`` -> ``("2024-10", "late")``.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = " ".join(fold(str(value)).split())
    if match := _NUMERIC.match(text):
        day, month, year = (int(g) for g in match.groups())
        found = _iso(year, month, day)
    elif match := _NUMERIC_MONTH.match(text):
        month, year = (int(g) for g in match.groups())
        found = _iso(year, month)
    elif match := _YEAR_FIRST.match(text):
        year, month, day = (int(g) if g else None for g in match.groups())
        found = _iso(year, month, day)
    elif match := _WORDS.match(text):
        month = _months().get(match["month"])
        day = int(match["day"]) if match["day"] else None
        if month is None or (day is not None and match["approx"]):
            return None
        found = _iso(int(match["year"]), month, day)
        return (found, _APPROX.get(match["approx"] or "")) if found else None
    else:
        return None
    return (found, None) if found and found != text else None


def suggest_issue(value: object) -> str | None:
    """The issue to write for ``octobre 2024`` (``2024-10``), ``10/2024`` or ``juillet-août 2024``
    (``2024-07&08``), or None."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = " ".join(fold(str(value)).split())
    double = re.match(r"^([a-z]+)\.?\s*[-&/]\s*([a-z]+)\.?\s+(\d{4})$", text)
    if double:
        first, second = _months().get(double[1]), _months().get(double[2])
        if first and second and second > first:
            return f"{double[3]}-{first:02d}&{second:02d}"
        return None
    found = suggest_date(value)
    if found and found[1] is None and found[0].count("-") == 1:
        return found[0]
    return None
