from datetime import date, datetime

import pytest

from gridctl import dates


def test_month_bounds_december():
    p = dates.month("2026-12")
    assert (p.start, p.end) == (date(2026, 12, 1), date(2027, 1, 1))


@pytest.mark.parametrize("text", ["2026-13", "2026-1", "26-01", "2026/01"])
def test_bad_months(text):
    with pytest.raises(ValueError, match="use YYYY-MM"):
        dates.month(text)


def test_quarter_bounds_and_months():
    q = dates.quarter("2026q4")
    assert (q.label, q.start, q.end) == ("2026Q4", date(2026, 10, 1), date(2027, 1, 1))
    assert [m.label for m in q.months()] == ["2026-10", "2026-11", "2026-12"]
    assert dates.previous(q).label == "2026Q3"
    assert dates.previous(dates.quarter("2026Q1")).label == "2025Q4"
    assert dates.previous(dates.month("2026-01")).label == "2025-12"


def test_iso_date_refuses_impossible_days():
    with pytest.raises(ValueError, match="not a real day"):
        dates.iso_date("2026-02-29")
    with pytest.raises(ValueError, match="use YYYY-MM-DD"):
        dates.iso_date("2026/2/28")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-03-05", date(2026, 3, 5)),
        ("2026/3/5", date(2026, 3, 5)),
        ("2026年3月5日", date(2026, 3, 5)),
        (45356, date(2024, 3, 5)),  # Excel serial: 1899-12-30 + 45356 days
        (45356.0, date(2024, 3, 5)),
        ("45356", date(2024, 3, 5)),
        (datetime(2026, 3, 5, 10, 30), date(2026, 3, 5)),
        ("2026-03-05 00:00:00", date(2026, 3, 5)),
    ],
)
def test_file_dates(value, expected):
    assert dates.file_date(value) == expected


def test_excel_fictitious_leap_day_refused():
    with pytest.raises(ValueError, match="fictitious"):
        dates.file_date(60)


def test_file_date_1904_epoch():
    assert dates.file_date(0, epoch=date(1904, 1, 1)) == date(1904, 1, 1)


@pytest.mark.parametrize("value", ["2026/2/30", "明天", "", "2026年13月1日"])
def test_bad_file_dates(value):
    with pytest.raises(ValueError):
        dates.file_date(value)
