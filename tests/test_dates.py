"""French dates exactly as the reference letter writes them."""

import pytest

from briefing.load.dates import DateFormError, format_issue, format_when, parse_issue, parse_partial_date
from briefing.structure import Approx, PartialDate, Precision, When


def when(start, end=None, approx=None) -> When:
    return When(
        parse_partial_date(start), parse_partial_date(end) if end else None, Approx(approx) if approx else None
    )


@pytest.mark.parametrize(
    ("start", "end", "approx", "expected"),
    [
        ("2023-08-18", None, None, "18 août 2023"),
        ("2022-06-28", "2022-06-30", None, "28-30 juin 2022"),
        ("2023-01-30", "2023-02-01", None, "30 janvier – 1er février 2023"),
        ("2024-07-10", "2024-07-11", None, "10-11 juillet 2024"),
        ("2023-12-29", "2024-01-03", None, "29 décembre 2023 – 3 janvier 2024"),
        ("2024-10-01", None, None, "1er octobre 2024"),
        ("2024-10-01", "2024-10-03", None, "1er-3 octobre 2024"),
        ("2023-04", None, None, "avril 2023"),
        (2024, None, None, "2024"),
        ("2024", None, None, "2024"),
        ("2017-12", None, "late", "fin décembre 2017"),
        ("2023-06", None, "early", "début juin 2023"),
        ("2023-06", None, "mid", "mi-juin 2023"),
        ("2023-04", "2023-06", None, "avril-juin 2023"),
        ("2023-11", "2024-02", None, "novembre 2023 – février 2024"),
        ("2023", "2024", None, "2023-2024"),
        ("2023-08-18", "2023-08-18", None, "18 août 2023"),
        ("2023-12", "2024-01-15", None, "décembre 2023 – 15 janvier 2024"),
    ],
)
def test_french_dates(start, end, approx, expected):
    assert format_when(when(start, end, approx)) == expected


@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        (2024, PartialDate(2024), Precision.YEAR),
        ("2023-04", PartialDate(2023, 4), Precision.MONTH),
        ("2023-08-18", PartialDate(2023, 8, 18), Precision.DAY),
        ("2024-02-29", PartialDate(2024, 2, 29), Precision.DAY),
    ],
)
def test_parse_partial_dates_of_every_yaml_type(value, expected, precision):
    parsed = parse_partial_date(value)
    assert parsed == expected
    assert parsed.precision is precision


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-13-01", "no month 13"),
        ("2023-02-30", "février 2023 has 28 days"),
        ("18/08/2023", "write 2023-08-18"),
        (True, "is not a date"),
        (None, "is not a date"),
    ],
)
def test_invalid_dates_explain_the_fix(value, message):
    with pytest.raises(DateFormError, match=message):
        parse_partial_date(value)


def test_issues():
    assert parse_issue("2024-10") == "2024-10"
    assert parse_issue("2024-07&08") == "2024-07&08"
    assert format_issue("2024-07&08") == "juillet-août 2024"
    assert format_issue("2024-10") == "octobre 2024"
    for bad in ("2024-13", "2024-08&07", "2024/10", 2024):
        with pytest.raises(DateFormError):
            parse_issue(bad)


def test_month_names_come_from_babel():
    from babel.dates import get_month_names

    assert format_when(when("2023-08")) == f"{get_month_names('wide', locale='fr')[8]} 2023"


def test_chronological_order_puts_vague_dates_where_they_fall():
    dates = [when("2017-12", approx="late"), when("2017-12-10"), when("2017-12"), when("2017"), when("2017-12-30")]
    ordered = sorted(dates, key=When.sort_key)
    assert [format_when(w) for w in ordered] == [
        "2017", "décembre 2017", "10 décembre 2017", "fin décembre 2017", "30 décembre 2017",
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("15/10/2024", "write 2024-10-15"),
        ("15.10.2024", "write 2024-10-15"),
        ("1/2/2024", "write 2024-02-01"),
        ("15 octobre 2024", "write 2024-10-15"),
        ("1er octobre 2024", "write 2024-10-01"),
        ("15 oct. 2024", "write 2024-10-15"),
        ("18 Août 2023", "write 2023-08-18"),
        ("18 aout 2023", "write 2023-08-18"),
        ("octobre 2024", "write 2024-10"),
        ("10/2024", "write 2024-10"),
        ("2024/10/15", "write 2024-10-15"),
        ("fin décembre 2017", 'write 2017-12 and add the line "approx: late"'),
        ("mi-juin 2023", 'write 2023-06 and add the line "approx: mid"'),
    ],
)
def test_a_date_written_the_french_way_gets_the_value_to_write(written, expected):
    with pytest.raises(DateFormError) as raised:
        parse_partial_date(written)
    assert str(raised.value) == f"{written!r} is not a date; {expected}"


@pytest.mark.parametrize("written", ["31/02/2024", "15 brumaire 2024", "hier", "début 15 octobre 2024"])
def test_no_suggestion_for_what_is_no_calendar_date(written):
    with pytest.raises(DateFormError, match="write YYYY-MM-DD, YYYY-MM or YYYY"):
        parse_partial_date(written)


@pytest.mark.parametrize(("written", "expected"),
                         [("octobre 2024", "2024-10"), ("juillet-août 2024", "2024-07&08"), ("10/2024", "2024-10")])
def test_an_issue_written_the_french_way_gets_the_value_to_write(written, expected):
    with pytest.raises(DateFormError) as raised:
        parse_issue(written)
    assert str(raised.value) == f"{written!r} is not an issue; write {expected}"
