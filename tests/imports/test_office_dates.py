"""Date columns: a number cell is a day only when formatted as a date or when, as an Excel
serial, it falls among the days of work records (1990-01-01 to today); digits in a text cell
and a month alone are refused; nothing is written on refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from gridctl.imports.cells import CellError, date_cell
from tests import import_helpers
from tests.import_helpers import refused, write_csv

park_file = import_helpers.park_file
park = import_helpers.park

HEADER = ["指导员", "企业", "走访日期"]


def _firm(sql) -> str:
    return sql("SELECT name FROM enterprise ORDER BY id LIMIT 1")[0][0]


@pytest.mark.parametrize("number", [10.5, 1005, 12345])
def test_number_cell_outside_the_serial_range_is_refused(park, cli, sql, tmp_path, number):
    firm = _firm(sql)
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["S001", firm, number])
    wb.save(tmp_path / "v.xlsx")
    lines = refused(cli, sql, "visits", tmp_path / "v.xlsx", "visit")
    assert len(lines) == 1
    assert lines[0].startswith(f"{tmp_path / 'v.xlsx'}:2: 走访日期: a number, not a date")
    assert "1990-01-01" in lines[0]
    assert sql("SELECT count(*) FROM visit WHERE date < '1990-01-01'") == [(0,)]


def test_number_cell_in_range_or_formatted_as_date_is_read(park, cli, sql, tmp_path):
    firm = _firm(sql)
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["S001", firm, 46000])  # serial 46000 = 2025-12-09, General format
    ws.append(["S001", firm, dt.date(2025, 11, 3)])  # a date cell
    wb.save(tmp_path / "v.xlsx")
    cli("import", "visits", str(tmp_path / "v.xlsx"))
    # serial 46000 counted by hand: 1899-12-30 + 46000 days
    assert dt.date(1899, 12, 30) + dt.timedelta(days=46000) == dt.date(2025, 12, 9)
    days = sql("SELECT date FROM visit WHERE date IN ('2025-12-09', '2025-11-03') ORDER BY date")
    assert [str(d[0])[:10] for d in days] == ["2025-11-03", "2025-12-09"]


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("12345", "digits, not a date"),
        ("46000", "digits, not a date"),
        ("2026年10月", "a month, not a day"),
        ("2026-10", "a month, not a day"),
        ("1989-12-31", "not a day of a work record: they fall between 1990-01-01 and today"),
    ],
)
def test_text_that_is_not_a_day_is_refused(park, cli, sql, tmp_path, written, says):
    path = write_csv(
        tmp_path / "v.csv", [["supervisor", "enterprise", "date"], ["S001", _firm(sql), written]]
    )
    lines = refused(cli, sql, "visits", path, "visit")
    assert lines == [f"{path}:2: date: {says}" + lines[0].split(says, 1)[1]]
    assert lines[0].endswith(f"({written})")


def test_date_cell_parser_directly():
    parse = date_cell()
    assert parse("2026-10-05") == dt.date(2026, 10, 5)
    assert parse(dt.datetime(2020, 1, 2, 0, 0)) == dt.date(2020, 1, 2)
    assert parse(32874.0) == dt.date(1990, 1, 1)  # the first serial allowed
    for bad in (32873, 10.5, True, "12345", "2026年10月", dt.date(1900, 1, 9)):
        with pytest.raises(CellError):
            parse(bad)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(CellError):
        parse((tomorrow - dt.date(1899, 12, 30)).days)
