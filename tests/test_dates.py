from datetime import date, datetime

import pytest

from gridctl import dates


def test_month_bounds_december():
    p = dates.month("2026-12")
    assert (p.start, p.end) == (date(2026, 12, 1), date(2027, 1, 1))


@pytest.mark.parametrize("text", ["2026-13", "2026-0", "26-01", "2026年13月", "2026", "十月"])
def test_bad_months(text):
    with pytest.raises(ValueError, match="use YYYY-MM, e.g. 2026-10, 2026-1 or 2026年1月"):
        dates.month(text)


@pytest.mark.parametrize(
    "text", ["2026-01", "2026-1", "2026/1", "2026.1", "2026年1月", "2026年1月份", "２０２６－０１"]
)
def test_months_as_people_write_them(text):
    p = dates.month(text)
    assert (p.label, p.start, p.end) == ("2026-01", date(2026, 1, 1), date(2026, 2, 1))


@pytest.mark.parametrize(
    "text",
    ["2026Q3", "2026q3", "2026-Q3", "2026 Q3", "2026年第3季度", "2026年三季度", "２０２６Ｑ３"],
)
def test_quarters_as_people_write_them(text):
    q = dates.quarter(text)
    assert (q.label, q.start, q.end) == ("2026Q3", date(2026, 7, 1), date(2026, 10, 1))


@pytest.mark.parametrize("text", ["2026Q5", "2026Q0", "Q3", "2026年第5季度", "2026-3"])
def test_bad_quarters(text):
    with pytest.raises(ValueError, match="2026Q3, 2026-Q3 or 2026年第3季度"):
        dates.quarter(text)


@pytest.mark.parametrize(
    "text",
    [
        "2026-10-05",
        "2026/10/5",
        "2026.10.5",
        "2026年10月5日",
        "2026年10月5号",
        "2026年10月5日星期一",
        "2026年10月5日（周一）",
        "２０２６－１０－０５",
        "2026，10，5",
        " 2026 / 10 / 05 ",
    ],
)
def test_days_as_an_office_writes_them(text):
    assert dates.day(text) == date(2026, 10, 5)
    assert dates.file_date(text) == date(2026, 10, 5)


def test_quarter_bounds_and_months():
    q = dates.quarter("2026q4")
    assert (q.label, q.start, q.end) == ("2026Q4", date(2026, 10, 1), date(2027, 1, 1))
    assert [m.label for m in q.months()] == ["2026-10", "2026-11", "2026-12"]
    assert dates.previous(q).label == "2026Q3"
    assert dates.previous(dates.quarter("2026Q1")).label == "2025Q4"
    assert dates.previous(dates.month("2026-01")).label == "2025-12"


def test_day_refuses_impossible_days_and_months_alone():
    with pytest.raises(ValueError, match="not a real day"):
        dates.day("2026-02-29")
    with pytest.raises(ValueError, match="not a real day"):
        dates.day("2026年2月30号")
    for text in ("2026年10月", "2026-10", "10/5/2026", "明天", ""):
        with pytest.raises(
            ValueError, match="use YYYY-MM-DD, 2026/10/5, 2026.10.5 or 2026年10月5日"
        ):
            dates.day(text)


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
