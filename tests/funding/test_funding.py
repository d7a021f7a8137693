"""Work funding: members over time, the allocation (members on 1 January x rate), support,
spending within the balance, the list and the workbook; amounts computed by hand here."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

XINLIAN = "合肥芯联微电子有限公司"  # branch, 12 members, G1-1, microelectronics, 第一指导组
JIANGHUAI = "江淮新能源汽车零部件有限公司"  # committee, 40 members, G1-2, new-energy vehicles
SHUZHI = "数智云信息技术有限公司"  # joint branch, 5 members, G2-1, big-data-it, 第二指导组
LVYUAN = "绿源环保装备有限公司"  # no party organisation
TABLES = ("member_count", "funding_allocation", "funding_support", "funding_spending")


def _list(cli, *args: str) -> dict[str, dict]:
    rows = json.loads(cli("funding", "list", *args, "--format", "json").stdout)
    return {(r["enterprise"], r["year"]): r for r in rows}


def _counts(sql) -> list[int]:
    return [sql(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES]


def test_allocation_is_members_on_1_january_times_rate(cli, park, sql):
    out = cli("funding", "allocate", "--year", "2026").stdout
    rows = _list(cli, "--year", "2026")
    assert set(rows) == {(XINLIAN, 2026), (JIANGHUAI, 2026), (SHUZHI, 2026)}  # not 绿源 (none)
    assert rows[(XINLIAN, 2026)]["amount"] == "2400.00"  # 12 x 200
    assert rows[(JIANGHUAI, 2026)]["amount"] == "8000.00"  # 40 x 200
    assert rows[(SHUZHI, 2026)]["amount"] == "1000.00"  # 5 x 200
    assert rows[(XINLIAN, 2026)]["rate"] == "200.00"
    assert rows[(XINLIAN, 2026)]["organisation"] == "branch"
    assert "11400.00" in out and "57 members" in out  # 2400 + 8000 + 1000; 12 + 40 + 5
    assert sql("SELECT sum(amount_cents), sum(members) FROM funding_allocation") == [(1140000, 57)]


def test_member_changes_count_from_the_next_1_january(cli, park, sql):
    cli("funding", "members", XINLIAN, "14", "--from", "2025-06-01")  # joins mid-2025
    cli("funding", "members", JIANGHUAI, "38", "--from", "2026-01-01")  # in force on 1 Jan
    cli("funding", "members", JIANGHUAI, "45", "--from", "2026-03-01")  # after 1 Jan
    cli("funding", "allocate", "--year", "2025")
    cli("funding", "allocate", "--year", "2026")
    rows = _list(cli)
    assert rows[(XINLIAN, 2025)]["members"] == 12  # the register's count before the change
    assert rows[(XINLIAN, 2026)]["members"] == 14
    assert rows[(JIANGHUAI, 2025)]["members"] == 40
    assert rows[(JIANGHUAI, 2026)]["members"] == 38
    assert rows[(JIANGHUAI, 2026)]["amount"] == "7600.00"  # 38 x 200
    # The register shows the count in force today.
    assert sql("SELECT members FROM enterprise WHERE name = ?", JIANGHUAI) == [(45,)]
    history = json.loads(cli("funding", "members", JIANGHUAI, "-f", "json").stdout)
    assert [(h["from"], h["members"]) for h in history] == [
        ("", 40),
        ("2026-01-01", 38),
        ("2026-03-01", 45),
    ]


def test_same_day_again_corrects_and_unchanged_writes_nothing(cli, park, sql):
    cli("funding", "members", XINLIAN, "14", "--from", "2025-06-01")
    assert "corrected" in cli("funding", "members", XINLIAN, "15", "--from", "2025-06-01").stdout
    assert (
        "nothing changed" in cli("funding", "members", XINLIAN, "15", "--from", "2025-06-01").stdout
    )
    assert sql(
        "SELECT count(*), max(members) FROM member_count WHERE effective_from IS NOT NULL"
    ) == [(1, 15)]


def test_allocate_again_updates_never_doubles(cli, park, sql):
    cli("funding", "allocate", "--year", "2026")
    again = cli("funding", "allocate", "--year", "2026").stdout
    assert "0 new, 0 updated, 3 unchanged" in again
    assert sql("SELECT count(*) FROM funding_allocation") == [(3,)]
    cli("funding", "allocate", "--year", "2026", "--rate", "250.50")
    assert _list(cli)[(XINLIAN, 2026)]["amount"] == "3006.00"  # 12 x 250.50
    # Without --rate the year keeps the rate it was given.
    assert "3 unchanged" in cli("funding", "allocate", "--year", "2026").stdout
    assert sql("SELECT count(*), min(rate_cents), max(rate_cents) FROM funding_allocation") == [
        (3, 25050, 25050)
    ]
    # An organisation dissolved: its allocation goes on the next run.
    sql_update = "UPDATE enterprise SET party_org = 'none' WHERE name = ?"
    sql(sql_update, SHUZHI)
    assert "1 removed" in cli("funding", "allocate", "--year", "2026").stdout
    assert sql("SELECT count(*) FROM funding_allocation") == [(2,)]


def test_support_and_spending_make_the_balance_to_the_cent(cli, park, sql):
    cli("funding", "allocate", "--year", "2026")
    cli("funding", "support", SHUZHI, "1500.25", "--year", "2026", "--reason", "党费收缴不足")
    cli("funding", "spend", SHUZHI, "800.10", "--date", "2026-07-01", "--purpose", "主题党日")
    out = cli("funding", "spend", SHUZHI, "0.05", "--date", "2026-07-02", "--purpose", "纸张")
    assert "1700.10" in out.stdout  # 1000 + 1500.25 - 800.10 - 0.05
    row = _list(cli, "--year", "2026")[(SHUZHI, 2026)]
    assert (row["amount"], row["support"], row["spent"], row["balance"]) == (
        "1000.00",
        "1500.25",
        "800.15",
        "1700.10",
    )
    assert Decimal(row["balance"]) == Decimal("1000") + Decimal("1500.25") - Decimal("800.15")
    assert sql("SELECT sum(amount_cents) FROM funding_spending") == [(80015,)]
    # Spending the balance exactly to zero is allowed.
    cli("funding", "spend", SHUZHI, "1700.10", "--date", "2026-08-01", "--purpose", "活动")
    assert _list(cli, "--year", "2026")[(SHUZHI, 2026)]["balance"] == "0.00"


def test_list_keys_and_a_support_only_year(cli, park):
    cli("funding", "support", SHUZHI, "300", "--year", "2027", "--reason", "新建支部")
    (row,) = json.loads(cli("funding", "list", "--year", "2027", "-f", "json").stdout)
    for key in (
        "enterprise",
        "organisation",
        "members",
        "rate",
        "amount",
        "support",
        "spent",
        "balance",
        "grid",
        "chain",
        "group",
    ):
        assert key in row
    assert (row["members"], row["amount"], row["support"], row["balance"]) == (
        0,
        "0.00",
        "300.00",
        "300.00",
    )


def _refused(cli, sql, args, field, value, code=1):
    before = _counts(sql)
    result = cli(*args, ok=False)
    assert result.exit_code == code, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0] and value in lines[0], result.stderr
    assert _counts(sql) == before


@pytest.mark.parametrize(
    ("args", "field", "value"),
    [
        (
            ("funding", "spend", XINLIAN, "2400.01", "--date", "2026-07-01", "--purpose", "x"),
            "AMOUNT",
            "2400.01",
        ),
        (
            ("funding", "spend", XINLIAN, "12.345", "--date", "2026-07-01", "--purpose", "x"),
            "AMOUNT",
            "12.345",
        ),
        (
            ("funding", "spend", XINLIAN, "abc", "--date", "2026-07-01", "--purpose", "x"),
            "AMOUNT",
            "abc",
        ),
        (
            ("funding", "spend", XINLIAN, "10", "--date", "2099-07-01", "--purpose", "x"),
            "--date",
            "2099-07-01",
        ),
        (
            ("funding", "spend", XINLIAN, "10", "--date", "2026-07-01", "--purpose", " "),
            "--purpose",
            "",
        ),
        (
            ("funding", "spend", XINLIAN, "10", "--date", "2025-07-01", "--purpose", "x"),
            "AMOUNT",
            "10",
        ),  # no 2025 allocation: no balance
        (
            ("funding", "support", LVYUAN, "100", "--year", "2026", "--reason", "x"),
            "ENTERPRISE",
            LVYUAN,
        ),
        (
            ("funding", "support", "--year", "2026", "--reason", "x", XINLIAN, "--", "-5"),
            "AMOUNT",
            "-5",
        ),
        (("funding", "support", XINLIAN, "5", "--year", "2026", "--reason", ""), "--reason", ""),
        (
            ("funding", "support", "无此企业", "5", "--year", "2026", "--reason", "x"),
            "ENTERPRISE",
            "无此企业",
        ),
        (("funding", "allocate", "--year", "2026", "--rate", "0"), "--rate", "0"),
        (("funding", "members", "--from", "2026-01-01", XINLIAN, "--", "-3"), "N", "-3"),
    ],
)
def test_refusals_write_nothing(cli, park, sql, args, field, value):
    cli("funding", "allocate", "--year", "2026")
    _refused(cli, sql, args, field, value)


def test_usage_errors_exit_2(cli, park, sql):
    _refused(cli, sql, ("funding", "allocate", "--year", "26"), "--year", "26", code=2)
    _refused(
        cli,
        sql,
        ("funding", "members", XINLIAN, "3", "--from", "2026-02-30"),
        "--from",
        "2026-02-30",
        code=2,
    )


def test_funding_workbook_totals_by_grid_chain_and_group(cli, park, tmp_path):
    from openpyxl import load_workbook

    from gridctl.reports.book import FIRST_DATA_ROW, HEADER_ROW

    cli("funding", "allocate", "--year", "2026")
    cli("funding", "support", SHUZHI, "1500.25", "--year", "2026", "--reason", "党费不足")
    cli("funding", "spend", SHUZHI, "0.10", "--date", "2026-03-01", "--purpose", "x")
    cli("funding", "spend", SHUZHI, "0.20", "--date", "2026-03-02", "--purpose", "y")
    out = tmp_path / "经费.xlsx"
    cli("funding", "report", "--year", "2026", "-o", str(out))
    wb = load_workbook(out)
    assert wb.sheetnames == ["党组织经费明细", "按网格汇总", "按产业链汇总", "按指导组汇总"]

    def table(name: str) -> dict:
        ws = wb[name]
        rows = ws.iter_rows(min_row=FIRST_DATA_ROW, values_only=True)
        return {r[0]: r[1:] for r in rows if r[0] is not None}

    ws = wb["按指导组汇总"]
    assert ws.cell(1, 1).value == "2026 年度党组织工作经费——按指导组汇总"
    assert [c.value for c in ws[HEADER_ROW]] == [
        "指导组",
        "党组织数",
        "党员人数",
        "下拨经费（元）",
        "补助（元）",
        "支出（元）",
        "结余（元）",
    ]
    by_group = table("按指导组汇总")
    # 第一指导组 (G1): 芯联 2400 + 江淮 8000; 第二指导组 (G2): 数智云 1000 + 1500.25 support,
    # 0.10 + 0.20 spent (0.30 exactly: no float sum), balance 2499.95.
    assert by_group["第一指导组"][:3] == (2, 52, 10400)
    assert by_group["第二指导组"] == (1, 5, 1000, 1500.25, 0.3, 2499.95)
    assert by_group["合计"] == (3, 57, 11400, 1500.25, 0.3, 12899.95)
    total_row = list(wb["按指导组汇总"].iter_rows(min_row=FIRST_DATA_ROW))[-1]
    assert [c.number_format for c in total_row[3:]] == ["#,##0.00"] * 4
    by_grid = {k: v[2] for k, v in table("按网格汇总").items()}
    assert by_grid == {"G1-1": 2400, "G1-2": 8000, "G2-1": 1000, "合计": 11400}
    by_chain = {k: v[2] for k, v in table("按产业链汇总").items()}
    assert by_chain == {"微电子": 2400, "新能源汽车": 8000, "大数据信息技术": 1000, "合计": 11400}
    detail = wb["党组织经费明细"]
    assert [c.value for c in detail[HEADER_ROW]][:4] == ["指导组", "一级网格", "网格", "企业"]
    rows = list(detail.iter_rows(min_row=FIRST_DATA_ROW, values_only=True))
    assert len(rows) == 4 and rows[-1][0] == "合计" and rows[-1][9] == 11400
    assert [r[3] for r in rows[:3]] == [XINLIAN, JIANGHUAI, SHUZHI]  # G1-1, G1-2, G2-1
    money = list(detail.iter_rows(min_row=FIRST_DATA_ROW, max_row=FIRST_DATA_ROW))[0][8:]
    assert [c.number_format for c in money] == ["#,##0.00"] * 5  # rate and the four amounts
    assert wb["党组织经费明细"].freeze_panes == f"A{FIRST_DATA_ROW}"


def test_funding_workbook_in_english_keeps_formulas_out(cli, park, tmp_path):
    from openpyxl import load_workbook

    cli(
        "enterprise",
        "add",
        '=HYPERLINK("x")',
        "--grid",
        "G2-1",
        "--party-org",
        "branch",
        "--members",
        "3",
    )
    cli("funding", "allocate", "--year", "2026")
    out = tmp_path / "f.xlsx"
    cli("funding", "report", "--year", "2026", "-o", str(out), "--lang", "en")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Organisations", "By grid", "By chain", "By group"]
    ws = wb["Organisations"]
    from gridctl.reports.book import HEADER_ROW

    assert [c.value for c in ws[HEADER_ROW]][3:5] == ["Enterprise", "Credit code"]
    assert ws.cell(HEADER_ROW, 10).value == "Allocated (yuan)"
    names = [c.value for c in ws["D"]]
    assert '=HYPERLINK("x")' in names
    assert all(c.data_type != "f" for c in ws["D"])


def test_funding_workbook_default_name_follows_the_language(cli, park, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("funding", "allocate", "--year", "2026")
    assert "工作经费-2026.xlsx" in cli("funding", "report", "--year", "2026").stdout
    assert "Funding-2026.xlsx" in cli("funding", "report", "--year", "2026", "--lang", "en").stdout
    assert sorted(p.name for p in tmp_path.glob("*.xlsx")) == [
        "Funding-2026.xlsx",
        "工作经费-2026.xlsx",
    ]
    r = cli("funding", "report", "--year", "2026", "--lang", "fr", ok=False)
    assert r.exit_code == 2 and "--lang" in r.stderr
