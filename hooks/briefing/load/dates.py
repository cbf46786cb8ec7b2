"""Partial dates: parsing front-matter values and writing them the French way.

Month names come from Babel's CLDR data; only the typographic rules of the reference
format (``1er``, ``28-30 juin``, spaced en dash between different months) are written here.
"""

from __future__ import annotations

import calendar
import re
from functools import cache, lru_cache

from briefing.i18n import _
from briefing.load.datehints import suggest_date, suggest_issue
from briefing.structure import Approx, PartialDate, Precision, When

LOCALE = "fr"
RANGE_DASH = " – "
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISSUE_RE = re.compile(r"^(\d{4})-(\d{2})(?:&(\d{2}))?$")
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
FIRST_YEAR, LAST_YEAR = 1, 9998
"""Years a date may name: a calendar end (``DTEND``) or a month's last day needs the year after."""
_APPROX_WORDS = {Approx.EARLY: "début ", Approx.MID: "mi-", Approx.LATE: "fin "}


class DateFormError(ValueError):
    """A value that is not a date of the accepted forms; the message says how to write it."""


@cache
def month_name(month: int) -> str:
    from babel.dates import get_month_names  # imported on first use: ``briefing check`` rarely needs it

    return get_month_names("wide", locale=LOCALE)[month]


@lru_cache(maxsize=65536, typed=True)
def parse_partial_date(value: object) -> PartialDate:
    """Read ``2024``, ``2023-04`` or ``2023-08-18`` whatever type YAML gave it.

    Cached: an archive repeats its dates (a note's and its sources'); a value that is no date
    raises again every time, as nothing is cached then.
    """
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else None
    match = _DATE_RE.match(text) if text is not None else None
    if match is None:
        raise DateFormError(not_a_date(value))
    year, month, day = (int(g) if g else None for g in match.groups())
    _check_year(text, year)
    if month is not None and not 1 <= month <= 12:
        raise DateFormError(
            _("{value!r} has no month {month}; months run from 01 to 12").format(value=text, month=month))
    if day is not None:
        last = 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]
        if not 1 <= day <= last:
            raise DateFormError(_("{value!r} is not a day of the calendar; {month} {year} has {days} days").format(
                value=text, month=month_name(month), year=year, days=last))
    return PartialDate(year, month, day)


def not_a_date(value: object) -> str:
    """Why ``value`` is not a date, with the exact value to write when it can be read the French way."""
    hint = suggest_date(value)
    if hint is None:
        return _("{value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY (for example 2023-08-18)").format(
            value=value)
    date, approx = hint
    if approx:
        return _('{value!r} is not a date; write {date} and add the line "approx: {approx}"').format(
            value=value, date=date, approx=approx)
    return _("{value!r} is not a date; write {date}").format(value=value, date=date)


def not_an_issue(value: object) -> str:
    """Why ``value`` is not an issue, with the value to write when it can be read the French way."""
    hint = suggest_issue(value)
    if hint is None:
        return _("{value!r} is not an issue; write YYYY-MM, or YYYY-MM&MM for a double issue").format(value=value)
    return _("{value!r} is not an issue; write {issue}").format(value=value, issue=hint)


def parse_issue(value: object) -> str:
    """Normalise a letter's issue: ``2024-10`` or a double issue ``2024-07&08``."""
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    match = _ISSUE_RE.match(text)
    if match is None:
        raise DateFormError(not_an_issue(value))
    _check_year(text, int(match.group(1)))
    months = [int(m) for m in match.groups()[1:] if m]
    if not all(1 <= m <= 12 for m in months):
        raise DateFormError(_("{value!r} names a month outside 01-12").format(value=text))
    if len(months) == 2 and months[1] <= months[0]:
        raise DateFormError(_("{value!r}: the second month of a double issue must follow the first").format(value=text))
    return text


def _check_year(text: str, year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateFormError(_("{value!r} is outside the years {first} to {last}; check the year").format(
            value=text, first=f"{FIRST_YEAR:04d}", last=LAST_YEAR))


def _day(day: int) -> str:
    return "1er" if day == 1 else str(day)


def format_partial(date: PartialDate, approx: Approx | None = None, *, with_year: bool = True) -> str:
    if date.precision is Precision.YEAR:
        return str(date.year)
    year = f" {date.year}" if with_year else ""
    if date.precision is Precision.MONTH:
        prefix = _APPROX_WORDS[approx] if approx else ""
        return f"{prefix}{month_name(date.month)}{year}"
    return f"{_day(date.day)} {month_name(date.month)}{year}"


@lru_cache(maxsize=16384)
def format_when(when: When) -> str:
    """``18 août 2023``, ``28-30 juin 2022``, ``30 janvier – 1er février 2023``, ``fin décembre 2017``…"""
    start, end = when.start, when.end
    if end is None or end == start:
        return format_partial(start, when.approx)
    same_precision = start.precision is end.precision
    if same_precision and start.precision is Precision.YEAR:
        return f"{start.year}-{end.year}"
    if same_precision and start.year == end.year and not when.approx:
        if start.precision is Precision.DAY and start.month == end.month:
            return f"{_day(start.day)}-{end.day} {month_name(end.month)} {end.year}"
        if start.precision is Precision.MONTH:
            return f"{month_name(start.month)}-{month_name(end.month)} {end.year}"
        return f"{format_partial(start, with_year=False)}{RANGE_DASH}{format_partial(end)}"
    return f"{format_partial(start, when.approx)}{RANGE_DASH}{format_partial(end)}"


def format_issue(issue: str) -> str:
    """``2024-07&08`` -> ``juillet-août 2024`` (the issue's period in words)."""
    year, months = issue.split("-", 1)
    names = "-".join(month_name(int(m)) for m in months.split("&"))
    return f"{names} {year}"


def format_month_heading(year: int, month: int) -> str:
    return f"{month_name(month).capitalize()} {year}"
