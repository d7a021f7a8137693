"""The funding import (support and spending): rows land (checked with plain SQL), re-import
unchanged, a dry run writes nothing, every refusal names FILE:LINE and writes nothing, the
balance checked across the file, export -> import round trip, Chinese and English headers.
Runs on SQLite and PostgreSQL (the `park` of conftest)."""

from __future__ import annotations

from tests.import_helpers import JH, LY, SZ, XL, counts, dry, imported, refused, write_csv

FUND_HEAD = ["类型", "企业", "金额", "年度", "日期", "说明"]
SUPPORT = (
    "SELECT e.name, s.year, s.amount_cents, s.granted_on, s.reason FROM funding_support s "
    "JOIN enterprise e ON e.id = s.enterprise_id ORDER BY s.granted_on, s.amount_cents"
)
SPENDING = (
    "SELECT e.name, s.date, s.amount_cents, s.purpose FROM funding_spending s "
    "JOIN enterprise e ON e.id = s.enterprise_id ORDER BY s.date, s.amount_cents"
)


def allocate_2026(cli):
    """By hand: 芯联 12 x 200 = 2400, 江淮 40 x 200 = 8000, 数智云 5 x 200 = 1000 yuan."""
    cli("funding", "allocate", "--year", "2026")


def test_funding_import_dry_run_and_idempotence(cli, park, sql, tmp_path):
    allocate_2026(cli)
    rows = [
        FUND_HEAD,
        # 数智云 spends its 1000 and the 300.50 granted further down the file: exactly its balance.
        ["支出", SZ, "1300.50", "2026", "2026-04-01", "党员教育培训"],
        ["补助", SZ, "300.50", "2026", "2026-03-01", "党费不足"],
        ["补助", "91440300708461136T", "100", "", "2026-02-01", "活动经费"],  # year: its date's
        ["spending", "芯联", "2500", "", "2026-06-30", "七一主题党日"],  # 2400 + 100
        ["支出", JH, "0.01", "2026", "2026-07-01", "笔"],
    ]
    path = write_csv(tmp_path / "f.csv", rows)
    assert counts(dry(cli, "funding", path)) == (5, 0, 0)
    assert sql("SELECT count(*) FROM funding_support") == [(0,)]
    assert sql("SELECT count(*) FROM funding_spending") == [(0,)]
    assert counts(imported(cli, "funding", path)) == (5, 0, 0)
    assert sql(SUPPORT) == [
        (XL, 2026, 10000, "2026-02-01", "活动经费"),
        (SZ, 2026, 30050, "2026-03-01", "党费不足"),
    ]
    assert sql(SPENDING) == [
        (SZ, "2026-04-01", 130050, "党员教育培训"),
        (XL, "2026-06-30", 250000, "七一主题党日"),
        (JH, "2026-07-01", 1, "笔"),
    ]
    assert counts(imported(cli, "funding", path)) == (0, 0, 5)
    assert sql("SELECT count(*) FROM funding_support") == [(2,)]
    # English headers, "purpose" for text; the same spending again is unchanged.
    english = [
        ["type", "enterprise", "amount", "date", "purpose"],
        ["支出", JH, "0.01", "2026-07-01", "笔"],
        ["spending", JH, "7999.99", "2026-07-02", "表彰"],  # 8000 - 0.01: the rest of it
    ]
    assert counts(imported(cli, "funding", write_csv(tmp_path / "e.csv", english))) == (1, 0, 1)
    assert sql(
        "SELECT sum(amount_cents) FROM funding_spending s JOIN enterprise e "
        "ON e.id = s.enterprise_id WHERE e.name = ?",
        JH,
    ) == [(800000,)]


def test_funding_row_refusals(cli, park, sql, tmp_path):
    allocate_2026(cli)
    rows = [
        FUND_HEAD,
        ["补助", "无此企业", "100", "2026", "2026-03-01", "甲"],
        ["补助", LY, "100", "2026", "2026-03-01", "乙"],
        ["支出", XL, "12.345", "2026", "2026-03-01", "丙"],
        ["支出", XL, "abc", "2026", "2026-03-01", "丁"],
        ["支出", XL, "-5", "2026", "2026-03-01", "戊"],
        ["支出", XL, "5", "2026", "2026-02-30", "己"],
        ["支出", XL, "5", "2026", "2099-01-01", "庚"],
        ["支出", XL, "5", "2025", "2026-03-01", "辛"],
        ["借款", XL, "5", "2026", "2026-03-01", "壬"],
        ["补助", XL, "5", "2026", "2026-03-01", ""],
        ["补助", XL, "5", "1800", "2026-03-01", "癸"],
    ]
    path = write_csv(tmp_path / "f.csv", rows)
    lines = refused(cli, sql, "funding", path, "funding_spending")
    assert lines == [
        f"{path}:2: 企业: unknown enterprise (无此企业)",
        f"{path}:3: 企业: has no party organisation to fund ({LY})",
        f"{path}:4: 金额: exact to the cent (at most 2 decimals) (12.345)",
        f"{path}:5: 金额: an amount of yuan, e.g. 1200 or 1200.50 (abc)",
        f"{path}:6: 金额: must be more than 0 (-5)",
        f"{path}:7: 日期: no such day (2026-02-30)",
        f"{path}:8: 日期: spending cannot be in the future (2099-01-01)",
        f"{path}:9: 年度: a spending counts in the year of its date (2026) (2025)",
        f"{path}:10: 类型: allowed: support (补助), spending (支出) (借款)",
        f"{path}:11: 说明: required, but empty",
        f"{path}:12: 年度: a year, e.g. 2026 (1800)",
    ]
    assert sql("SELECT count(*) FROM funding_support") == [(0,)]


def test_funding_balance_across_the_file(cli, park, sql, tmp_path):
    allocate_2026(cli)
    # Each fits 芯联's 2400 alone; together they overdraw at the second.
    rows = [
        FUND_HEAD,
        ["支出", XL, "1500", "2026", "2026-03-01", "培训"],
        ["支出", JH, "100", "2026", "2026-03-02", "书籍"],
        ["支出", XL, "1000", "2026", "2026-04-01", "表彰"],
    ]
    path = write_csv(tmp_path / "f.csv", rows)
    assert refused(cli, sql, "funding", path, "funding_spending") == [
        f"{path}:4: 金额: more than the 2026 balance of 900.00 yuan left (with this file's "
        "support and the spending above it) (1000.00)"
    ]
    # One spending over the balance on its own; support of another organisation helps not.
    rows = [FUND_HEAD, ["补助", SZ, "50", "2026", "2026-03-01", "x"]]
    rows.append(["支出", XL, "2400.01", "2026", "2026-03-01", "x"])
    path = write_csv(tmp_path / "g.csv", rows)
    assert refused(cli, sql, "funding", path, "funding_spending") == [
        f"{path}:3: 金额: more than the 2026 balance of 2400.00 yuan left (with this file's "
        "support and the spending above it) (2400.01)"
    ]
    # A year not allocated: the line says what to run first; nothing is allocated.
    path = write_csv(tmp_path / "h.csv", [FUND_HEAD, ["支出", XL, "1", "", "2025-06-01", "x"]])
    assert refused(cli, sql, "funding", path, "funding_spending") == [
        f"{path}:2: 金额: more than the 2025 balance of 0.00 yuan: 2025 is not allocated yet; "
        "run `gridctl funding allocate --year 2025` first (1.00)"
    ]
    assert sql("SELECT count(*) FROM funding_allocation WHERE year = 2025") == [(0,)]
    # The ledger's spending counts: 2000 spent through the CLI leaves 400.
    cli("funding", "spend", XL, "2000", "--date", "2026-05-01", "--purpose", "党课")
    path = write_csv(tmp_path / "i.csv", [FUND_HEAD, ["支出", XL, "400.01", "", "2026-06-01", "y"]])
    assert refused(cli, sql, "funding", path, "funding_spending")[0].endswith(
        "balance of 400.00 yuan left (with this file's support and the spending above it) (400.01)"
    )
    # A support already recorded is not moved to another year.
    rows = [FUND_HEAD, ["补助", SZ, "50", "2026", "2026-03-01", "x"]]
    cli("import", "funding", str(write_csv(tmp_path / "j.csv", rows)))
    rows = [FUND_HEAD, ["补助", SZ, "50", "2027", "2026-03-01", "x"]]
    path = write_csv(tmp_path / "k.csv", rows)
    assert refused(cli, sql, "funding", path, "funding_support") == [
        f"{path}:2: 年度: this support is recorded for 2026; an import does not move it to "
        "another year (2027)"
    ]


def test_funding_round_trip(cli, park, sql, tmp_path):
    allocate_2026(cli)
    rows = [
        FUND_HEAD,
        ["补助", SZ, "300.50", "2026", "2026-03-01", "=党费不足"],
        ["支出", SZ, "1300.50", "2026", "2026-02-01", "培训"],  # before the support's date
        ["支出", XL, "0.10", "2026", "2026-02-01", "笔"],
    ]
    cli("import", "funding", str(write_csv(tmp_path / "f.csv", rows)))
    before = (sql(SUPPORT), sql(SPENDING))
    out = tmp_path / "funding.csv"
    cli("export", "funding", "-o", str(out))
    assert counts(imported(cli, "funding", out)) == (0, 0, 3)
    sql("DELETE FROM funding_spending")
    sql("DELETE FROM funding_support")
    assert counts(imported(cli, "funding", out)) == (3, 0, 0)
    assert (sql(SUPPORT), sql(SPENDING)) == before
    english = tmp_path / "funding.xlsx"
    cli("export", "funding", "--lang", "en", "-o", str(english))
    assert counts(imported(cli, "funding", english)) == (0, 0, 3)
