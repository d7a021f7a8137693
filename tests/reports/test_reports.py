"""`gridctl report`: workbooks opened with openpyxl and checked against plain SQL."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from gridctl.reports.book import FIRST_DATA_ROW, HEADER_ROW

HOSTILE = '=HYPERLINK("http://x","y")'
MONTH_SHEETS = ["汇总", "指导员", "走访明细", "逾期未走访企业", "未解决问题", "图表"]
MONTH_SHEETS_EN = ["Summary", "Supervisors", "Visits", "Overdue", "Open problems", "Charts"]
QUARTER_SHEETS = ["分组逐月对比", "积分排名", "工作亮点", "环比趋势", "图表"]
POINTS_SQL = (
    "SELECT s.code, sum(x.points) FROM (SELECT supervisor_id, points, date FROM point_entry "
    "UNION ALL SELECT supervisor_id, points, date FROM point_adjustment) x "
    "JOIN supervisor s ON s.id = x.supervisor_id WHERE x.date >= ? AND x.date < ? GROUP BY s.code"
)


@pytest.fixture
def work(cli, park, sql):
    """October and September visits in both groups, problems open and solved."""
    for args in (
        ("-s", "S001", "-e", "合肥芯联", "--date", "2026-10-05", "--problem", "缺少活动场地"),
        ("-s", "S001", "-e", "江淮", "--date", "2026-10-06", "--notes", "指导支部换届"),
        ("-s", "S002", "-e", "江淮", "--date", "2026-10-20", "--category", "policy"),
        ("-s", "S003", "-e", "绿源", "--date", "2026-10-09", "--problem", "招聘难"),
        ("-s", "S001", "-e", "合肥芯联", "--date", "2026-09-10", "--problem", "融资难"),
        ("-s", "S004", "-e", "数智云", "--date", "2026-08-01"),
    ):
        cli("visit", "add", *args)
    cli(
        "activity",
        "add",
        "七一主题党日",
        "--supervisor",
        "S001",
        "--date",
        "2026-10-01",
        "-e",
        "合肥芯联",
        "--kind",
        "theme-day",
        "--participants",
        "30",
    )
    cli("activity", "add", "政策宣讲会", "--supervisor", "S003", "--date", "2026-10-15")
    cli("activity", "add", "九月党课", "--supervisor", "S003", "--date", "2026-09-15")
    # Problem 2 (招聘难, opened in October) is solved on 2026-10-25.
    cli("problem", "solve", "2", "--note", "已对接人社局")
    # Solved on a day of October (plain SQL: works on SQLite and PostgreSQL).
    sql("UPDATE problem SET closed_on = ? WHERE id = ?", "2026-10-25", 2)
    return park


def _table(ws) -> list[dict[str, object]]:
    """Rows under the header as dicts keyed by header, totals row included."""
    header = [c.value for c in ws[HEADER_ROW]]
    out = []
    for row in ws.iter_rows(min_row=FIRST_DATA_ROW, values_only=True):
        if all(v is None for v in row):
            break
        out.append(dict(zip(header, row, strict=False)))
    return out


def _no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


def _monthly(cli, tmp_path, *args: str) -> tuple[Path, object]:
    out = tmp_path / "m.xlsx"
    result = cli("report", "monthly", *args, "-o", str(out))
    return out, result


def test_monthly_sheets_headers_and_summary_match_sql(cli, work, sql, tmp_path):
    out, result = _monthly(cli, tmp_path, "--month", "2026-10")
    assert result.stdout == f"Wrote {out}\n"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == MONTH_SHEETS
    summary = wb["汇总"]
    assert "2026年10月" in summary["A1"].value
    assert summary.freeze_panes == "A5"
    assert summary.print_title_rows == "$4:$4"
    assert summary.page_setup.orientation == "landscape"
    rows = _table(summary)
    assert list(rows[0])[:9] == [
        "指导组",
        "指导员数",
        "联系企业数",
        "已走访企业数",
        "覆盖率",
        "走访次数",
        "新收集问题",
        "已解决问题",
        "未解决问题",
    ]
    by_group = {r["指导组"]: r for r in rows}
    visits = dict(
        sql(
            "SELECT g.name, count(*) FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
            "JOIN guidance_group g ON g.id = s.group_id "
            "WHERE v.date >= '2026-10-01' AND v.date < '2026-11-01' GROUP BY g.name"
        )
    )
    assigned = dict(
        sql(
            "SELECT g.name, count(*) FROM enterprise e JOIN supervisor s ON s.id = e.supervisor_id "
            "JOIN guidance_group g ON g.id = s.group_id WHERE e.status = 'active' GROUP BY g.name"
        )
    )
    visited = dict(
        sql(
            "SELECT g.name, count(DISTINCT v.enterprise_id) FROM visit v "
            "JOIN enterprise e ON e.id = v.enterprise_id "
            "JOIN supervisor s ON s.id = e.supervisor_id "
            "JOIN guidance_group g ON g.id = s.group_id "
            "WHERE v.date >= '2026-10-01' AND v.date < '2026-11-01' GROUP BY g.name"
        )
    )
    for name in ("第一指导组", "第二指导组"):
        row = by_group[name]
        assert row["走访次数"] == visits[name]
        assert row["联系企业数"] == assigned[name]
        assert row["已走访企业数"] == visited[name]
        assert row["覆盖率"] == pytest.approx(visited[name] / assigned[name])
    # By hand: group 1 opened 1 problem in October (and 1 in September, still open at the
    # end of October); group 2 opened 1 and solved it in October.
    assert (by_group["第一指导组"]["新收集问题"], by_group["第一指导组"]["未解决问题"]) == (1, 2)
    assert (by_group["第二指导组"]["新收集问题"], by_group["第二指导组"]["已解决问题"]) == (1, 1)
    assert by_group["第二指导组"]["未解决问题"] == 0
    total = by_group["合计"]
    assert (
        total["走访次数"]
        == sql("SELECT count(*) FROM visit WHERE date >= '2026-10-01' AND date < '2026-11-01'")[0][
            0
        ]
    )
    assert total["覆盖率"] == pytest.approx(3 / 4)
    assert summary.cell(FIRST_DATA_ROW, 5).number_format == "0.0%"
    activities = dict(
        sql(
            "SELECT g.name, count(*) FROM activity a JOIN supervisor s ON s.id = a.supervisor_id "
            "JOIN guidance_group g ON g.id = s.group_id "
            "WHERE a.date >= '2026-10-01' AND a.date < '2026-11-01' GROUP BY g.name"
        )
    )
    assert by_group["第一指导组"]["开展活动"] == activities["第一指导组"] == 1
    assert by_group["第二指导组"]["开展活动"] == activities["第二指导组"] == 1
    points = sql(POINTS_SQL, "2026-10-01", "2026-11-01")
    group_of = {
        "S001": "第一指导组",
        "S002": "第一指导组",
        "S003": "第二指导组",
        "S004": "第二指导组",
    }
    for name in ("第一指导组", "第二指导组"):
        expected = sum(p for code, p in points if group_of[code] == name)
        assert by_group[name]["积分"] == pytest.approx(float(expected))
    assert total["积分"] == pytest.approx(float(sum(p for _, p in points)))


def test_monthly_detail_sheets(cli, work, sql, tmp_path):
    out, _ = _monthly(cli, tmp_path, "--month", "2026-10")
    wb = openpyxl.load_workbook(out)
    people = {r["指导员"]: r for r in _table(wb["指导员"])}
    for code, n, covered in sql(
        "SELECT s.code, count(v.id), count(DISTINCT v.enterprise_id) FROM supervisor s "
        "LEFT JOIN visit v ON v.supervisor_id = s.id "
        "AND v.date >= '2026-10-01' AND v.date < '2026-11-01' GROUP BY s.code"
    ):
        assert (people[code]["走访次数"], people[code]["走访企业数"]) == (n, covered)
    assert people["S002"]["类型"] == "兼职"
    points = dict(sql(POINTS_SQL, "2026-10-01", "2026-11-01"))
    for code in ("S001", "S002", "S003", "S004"):
        assert people[code]["总积分"] == pytest.approx(float(points.get(code, 0)))
    ranked = sorted(points, key=lambda c: (-points[c], c))
    assert people[ranked[0]]["排名"] == 1
    subsidy = json.loads(cli("points", "subsidy", "--month", "2026-10", "--format", "json").stdout)
    for row in subsidy:
        assert people[row["supervisor"]]["工作补助（元）"] == pytest.approx(float(row["subsidy"]))
    visits = _table(wb["走访明细"])
    ids = [r["编号"] for r in visits]
    assert ids == [
        r[0]
        for r in sql(
            "SELECT id FROM visit WHERE date >= '2026-10-01' AND date < '2026-11-01' "
            "ORDER BY date, id"
        )
    ]
    assert {r["走访类型"] for r in visits} == {"日常走访", "政策宣讲"}
    assert wb["走访明细"].cell(FIRST_DATA_ROW, 2).number_format == "yyyy-mm-dd"
    problems = _table(wb["未解决问题"])
    assert [r["问题描述"] for r in problems] == ["融资难", "缺少活动场地"]
    assert problems[0]["已挂起天数"] == 51  # 2026-09-10 to 2026-10-31


def test_monthly_overdue_sheet(cli, work, db_path, tmp_path):
    import sqlite3

    # Registered long ago, so the class frequency decides.
    con = sqlite3.connect(db_path)
    con.execute("UPDATE enterprise SET created_at = '2026-01-01 00:00:00'")
    con.commit()
    con.close()
    out, _ = _monthly(cli, tmp_path, "--month", "2026-10")
    rows = _table(openpyxl.load_workbook(out)["逾期未走访企业"])
    # 数智云 (joint branch: monthly) last visited 2026-08-01, due 09-01: 60 days on 10-31.
    # 绿源 (no organisation: quarterly) visited 10-09; 合肥芯联 and 江淮 visited in October.
    assert [(r["企业"], r["逾期天数"]) for r in rows] == [("数智云信息技术有限公司", 60)]
    assert rows[0]["走访周期（月）"] == 1


def test_monthly_group_only(cli, work, tmp_path):
    out, _ = _monthly(cli, tmp_path, "--month", "2026-10", "--group", "第二指导组")
    wb = openpyxl.load_workbook(out)
    assert [r["指导组"] for r in _table(wb["汇总"])] == ["第二指导组", "合计"]
    assert {r["指导组"] for r in _table(wb["走访明细"])} == {"第二指导组"}
    assert [r["指导员"] for r in _table(wb["指导员"])] == ["S003", "S004", "合计"]
    assert "第二指导组" in wb["汇总"]["A1"].value


def test_monthly_english(cli, work, tmp_path):
    out, _ = _monthly(cli, tmp_path, "--month", "2026-10", "--lang", "en")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == MONTH_SHEETS_EN
    assert [c.value for c in wb["Summary"][HEADER_ROW]][:3] == [
        "Group",
        "Supervisors",
        "Enterprises assigned",
    ]
    assert {r["Category"] for r in _table(wb["Visits"])} == {"routine", "policy"}


def test_hostile_text_is_written_as_text(cli, park, tmp_path):
    # As an enterprise name, a group name, a supervisor name and visit notes.
    cli("group", "add", HOSTILE)
    cli("supervisor", "add", "S009", HOSTILE, "--group", HOSTILE)
    cli("enterprise", "add", HOSTILE, "--grid", "G1-1", "--supervisor", "S009")
    cli("visit", "add", "-s", "S009", "-e", HOSTILE, "--date", "2026-10-03", "--notes", HOSTILE)
    cli("visit", "add", "-s", "S009", "-e", HOSTILE, "--date", "2026-10-04", "--notes", "-5+@x")
    for args in (
        ("monthly", "--month", "2026-10"),
        ("quarterly", "--quarter", "2026Q4"),
        ("dossier", HOSTILE),
    ):
        out = tmp_path / f"{args[0]}.xlsx"
        cli("report", *args, "-o", str(out))
        _no_formulas(out)
        wb = openpyxl.load_workbook(out)
        found = [c for ws in wb for row in ws.iter_rows() for c in row if c.value == HOSTILE]
        assert found, args
        assert all(c.data_type == "s" for c in found)
    wb = openpyxl.load_workbook(tmp_path / "monthly.xlsx")
    notes = [r["走访情况"] for r in _table(wb["走访明细"])]
    assert notes == [HOSTILE, "-5+@x"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reports_work_on_an_empty_ledger_month(cli, ledger, tmp_path, lang):
    for args in (
        ("monthly", "--month", "2030-01"),
        ("quarterly", "--quarter", "2030Q1"),
    ):
        out = tmp_path / f"{args[0]}-{lang}.xlsx"
        cli("report", *args, "--lang", lang, "-o", str(out))
        wb = openpyxl.load_workbook(out)
        assert len(wb.sheetnames) >= 4


def test_empty_month_in_a_park(cli, work, tmp_path):
    out, _ = _monthly(cli, tmp_path, "--month", "2030-01")
    wb = openpyxl.load_workbook(out)
    total = _table(wb["汇总"])[-1]
    assert (total["走访次数"], total["已走访企业数"]) == (0, 0)
    assert _table(wb["走访明细"]) == []
    assert [r["指导员"] for r in _table(wb["指导员"])] == ["S001", "S002", "S003", "S004", "合计"]


def test_monthly_default_name_and_terminal_table(cli, work, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("report", "monthly", "--month", "2026-10")
    assert "第一指导组" in result.stdout and "Coverage" in result.stdout
    assert result.stdout.rstrip().endswith(
        "Wrote 月度报告-2026-10.xlsx in the current directory (-o FILE names another)"
    )
    assert (tmp_path / "月度报告-2026-10.xlsx").exists()
    cli("report", "monthly", "--month", "2026-10", "--lang", "en", "--group", "第一指导组")
    assert (tmp_path / "Monthly-report-2026-10-第一指导组.xlsx").exists()


def test_monthly_json_summary(cli, work, sql, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("report", "monthly", "--month", "2026-10", "--format", "json")
    records = json.loads(result.stdout)
    assert [r["group"] for r in records] == ["第一指导组", "第二指导组"]
    assert sum(r["visits"] for r in records) == 4
    assert records[0]["coverage"] == 1.0
    assert "Wrote" in result.stderr


def test_quarterly_compares_groups_month_by_month(cli, work, sql, tmp_path):
    out = tmp_path / "q.xlsx"
    cli("report", "quarterly", "--quarter", "2026Q4", "-o", str(out))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == QUARTER_SHEETS
    rows = _table(wb["分组逐月对比"])
    assert list(rows[0]) == ["指标", "月份", "第一指导组", "第二指导组", "全园区"]
    october = next(r for r in rows if r["指标"] == "走访次数" and r["月份"] == "2026年10月")
    counts = dict(
        sql(
            "SELECT g.name, count(*) FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
            "JOIN guidance_group g ON g.id = s.group_id "
            "WHERE v.date >= '2026-10-01' AND v.date < '2026-11-01' GROUP BY g.name"
        )
    )
    assert (october["第一指导组"], october["第二指导组"]) == (
        counts["第一指导组"],
        counts["第二指导组"],
    )
    assert october["全园区"] == 4
    quarter = next(r for r in rows if r["指标"] == "走访次数" and "合计" in r["月份"])
    assert quarter["全园区"] == 4
    trends = {(r["指标"], r["季度"]): r for r in _table(wb["环比趋势"])}
    # Q3: group 1 visited once (September), group 2 once (August).
    assert trends[("走访次数", "上季度")]["第一指导组"] == 1
    assert trends[("走访次数", "本季度")]["第一指导组"] == 3
    assert trends[("走访次数", "增减")]["全园区"] == 2
    assert trends[("走访次数", "增减幅度")]["全园区"] == pytest.approx(1.0)
    ranking = _table(wb["积分排名"])
    tiers = json.loads(cli("points", "subsidy", "--quarter", "2026Q4", "--format", "json").stdout)
    assert [(r["指导员"], r["排名"], r["奖励档次"] or None) for r in ranking] == [
        (t["supervisor"], t["rank"], t["reward_tier"] or None) for t in tiers
    ]
    q_points = dict(sql(POINTS_SQL, "2026-10-01", "2027-01-01"))
    for r in ranking:
        assert r["总积分"] == pytest.approx(float(q_points.get(r["指导员"], 0)))
    activities = next(r for r in rows if r["指标"] == "开展活动" and r["月份"] == "2026年10月")
    assert (activities["第一指导组"], activities["第二指导组"]) == (1, 1)
    highlights = {r[0]: r[1] for r in wb["工作亮点"].iter_rows(min_row=4, values_only=True)}
    assert highlights["走访最多的指导组"] == "第一指导组（3 次）"


def test_quarterly_english(cli, work, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("report", "quarterly", "--quarter", "2026Q4", "--lang", "en")
    wb = openpyxl.load_workbook(tmp_path / "Quarterly-report-2026Q4.xlsx")
    assert wb.sheetnames == ["Groups by month", "Points ranking", "Highlights", "Trends", "Charts"]


def test_dossier_workbook(cli, work, sql, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("report", "dossier", "91440300708461136T")
    path = tmp_path / "企业档案-合肥芯联微电子有限公司.xlsx"
    assert str(path.name) in result.stdout
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [
        "企业概况",
        "走访明细",
        "问题",
        "活动",
        "党员人数变化",
        "工作经费",
        "会议研究问题",
        "公益认领",
        "共享资源",
        "资源使用",
        "党建品牌",
    ]
    facts = {r[0]: r[1] for r in wb["企业概况"].iter_rows(min_row=4, values_only=True)}
    assert facts["统一社会信用代码"] == "91440300708461136T"
    assert facts["党组织类型"] == "党支部"
    assert facts["党员人数"] == 12
    visits = _table(wb["走访明细"])
    n = sql(
        "SELECT count(*) FROM visit v JOIN enterprise e ON e.id = v.enterprise_id "
        "WHERE e.credit_code = '91440300708461136T'"
    )[0][0]
    assert len(visits) == n + 1 and visits[-1]["日期"] == n
    assert [r["问题描述"] for r in _table(wb["问题"])][:2] == ["融资难", "缺少活动场地"]
    activities = _table(wb["活动"])
    assert [(r["活动名称"], r["类型"]) for r in activities[:-1]] == [("七一主题党日", "主题党日")]


def test_refusals_write_nothing(cli, work, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad = cli("report", "monthly", "--month", "2026-13", ok=False)
    assert bad.exit_code == 2 and "2026-13" in bad.stderr
    bad = cli("report", "monthly", "--month", "2026-10", "--group", "无此组", ok=False)
    assert bad.exit_code == 1
    assert bad.stderr.strip().splitlines() == [bad.stderr.strip()]
    assert "--group" in bad.stderr and "无此组" in bad.stderr
    bad = cli("report", "quarterly", "--quarter", "2026Q5", ok=False)
    assert bad.exit_code == 2
    bad = cli("report", "dossier", "不存在的企业", ok=False)
    assert bad.exit_code == 1 and "ENTERPRISE" in bad.stderr
    bad = cli("report", "monthly", "--month", "2026-10", "--lang", "fr", ok=False)
    assert bad.exit_code == 2
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("ledger")] == []


def test_widths_count_cjk_double(cli, work, tmp_path):
    from gridctl.reports.book import display_width

    assert display_width("合肥芯联ab") == 10
    out, _ = _monthly(cli, tmp_path, "--month", "2026-10")
    ws = openpyxl.load_workbook(out)["走访明细"]
    # The enterprise column fits 江淮新能源汽车零部件有限公司 (14 wide characters), capped.
    assert ws.column_dimensions["F"].width >= 30
