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


def test_a_supervisor_typo_suggests_the_closest(cli, park, sql):
    result = cli("visit", "add", "-s", "李那", "-e", "合肥芯联", ok=False)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: --supervisor: nothing matches '李那' (expected a supervisor code or name; "
        "see `gridctl supervisor list`; did you mean: S002 李娜)"
    )
    assert sql("SELECT COUNT(*) FROM visit") == [(0,)]


def test_a_supervisor_code_typo_suggests_codes(cli, park):
    result = cli("visit", "add", "-s", "S0001", "-e", "合肥芯联", ok=False)
    assert "did you mean: S001 张伟" in result.stderr


def test_an_enterprise_typo_suggests_by_name_and_by_code(cli, park):
    result = cli("visit", "add", "-s", "S001", "-e", "合肥芯连", ok=False)
    assert result.exit_code == 1
    assert "did you mean: 合肥芯联微电子有限公司 (91440300708461136T)" in result.stderr
    # One character of the credit code mistyped.
    result = cli("visit", "add", "-s", "S001", "-e", "91440300708461137T", ok=False)
    assert "did you mean: 合肥芯联微电子有限公司 (91440300708461136T)" in result.stderr


def test_nothing_close_suggests_nothing(cli, park):
    result = cli("visit", "add", "-s", "S001", "-e", "完全不相干", ok=False)
    assert result.exit_code == 1
    assert "did you mean" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_group_not_found_lists_the_groups(cli, park, monkeypatch):
    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    result = cli("visit", "list", "--group", "第一组", ok=False)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "错误：--group：找不到“第一组”（应为指导组名称，见 gridctl group list；"
        "现有：第一指导组、第二指导组）"
    )


def test_a_grid_not_found_lists_the_grids(cli, park, sql):
    result = cli("enterprise", "add", "新企业", "--grid", "G9", ok=False)
    assert result.exit_code == 1
    assert "there are: G1, G1-1, G1-2, G2, G2-1)" in result.stderr
    assert sql("SELECT COUNT(*) FROM enterprise WHERE name = '新企业'") == [(0,)]


def test_a_group_in_an_empty_ledger_says_there_are_none(cli, ledger):
    result = cli("visit", "list", "--group", "第一指导组", ok=False)
    assert "there are none yet" in result.stderr


def test_an_import_reads_the_same_spellings(cli, park, sql, tmp_path):
    rows = [
        "2026年10月5号",
        "2026年10月6日星期二",
        "２０２６－１０－０７",
        "2026，10，8",
        "2026.10.9",
    ]
    path = tmp_path / "visits.csv"
    lines = ["supervisor,enterprise,date"] + [f"S001,合肥芯联微电子有限公司,{r}" for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli("import", "visits", str(path))
    days = sql("SELECT CAST(date AS TEXT) FROM visit ORDER BY date")
    assert days == [(f"2026-10-0{d}",) for d in range(5, 10)]


def test_an_import_refuses_a_month_alone_for_a_day(cli, park, sql, tmp_path):
    path = tmp_path / "visits.csv"
    path.write_text("supervisor,enterprise,date\nS001,合肥芯联微电子有限公司,2026年10月\n")
    result = cli("import", "visits", str(path), ok=False)
    assert result.exit_code == 1
    assert "visits.csv:2" in result.stderr
    assert sql("SELECT COUNT(*) FROM visit") == [(0,)]
