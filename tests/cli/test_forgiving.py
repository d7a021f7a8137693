"""Input as people type it: office date spellings, months and quarters; a reference not found
suggests what exists."""

from __future__ import annotations

import json

import pytest

DAYS = [
    "2026/10/5",
    "2026.10.5",
    "2026年10月5日",
    "2026年10月5号",
    "２０２６－１０－０５",
    "2026，10，5",
]


@pytest.mark.parametrize("spelling", DAYS)
def test_visit_add_takes_the_date_as_an_office_writes_it(cli, park, sql, spelling):
    cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", spelling)
    assert sql("SELECT CAST(date AS TEXT) FROM visit") == [("2026-10-05",)]


def test_a_date_not_understood_is_one_line_naming_the_forms(cli, park, sql):
    result = cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "10/5/2026", ok=False)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "2026/10/5" in lines[0] and "2026年10月5日" in lines[0] and "10/5/2026" in lines[0]
    assert sql("SELECT COUNT(*) FROM visit") == [(0,)]


def test_an_impossible_day_says_so(cli, park):
    result = cli(
        "visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026年2月30日", ok=False
    )
    assert result.exit_code == 2
    assert "not a real day" in result.stderr


@pytest.mark.parametrize("spelling", ["2026-1", "2026年1月", "2026/1", "２０２６－０１"])
def test_month_spellings_filter_the_same_month(cli, park, spelling):
    for day in ("2026-01-01", "2026-01-31", "2026-02-01", "2025-12-31"):
        cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", day)
    result = cli("visit", "list", "--month", spelling, "--format", "json")
    rows = json.loads(result.stdout)
    assert len(rows) == 2
    assert all("2026-01-01" in json.dumps(r) or "2026-01-31" in json.dumps(r) for r in rows)


@pytest.mark.parametrize("spelling", ["2026Q3", "2026-Q3", "2026q3", "2026年第3季度"])
def test_quarter_spellings_are_the_same_quarter(cli, park, spelling):
    for day in ("2026-07-01", "2026-09-30", "2026-10-01"):
        cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", day)
    shown = cli("points", "show", "--quarter", spelling, "--format", "json").stdout
    assert shown == cli("points", "show", "--quarter", "2026Q3", "--format", "json").stdout
    # The quarter is July to September: not the same standings as the fourth.
    assert shown != cli("points", "show", "--quarter", "2026Q4", "--format", "json").stdout


def test_a_quarter_not_understood_names_the_forms(cli, park):
    result = cli("points", "show", "--quarter", "2026-3", ok=False)
    assert result.exit_code == 2
    assert "2026Q3, 2026-Q3 or 2026年第3季度" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
