"""Classified visiting: `gridctl visit due` and gridctl.due, figures worked out by hand."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from gridctl.work.schedule import add_months


@pytest.fixture
def registered(park, sql):
    """All four enterprises registered on 2026-01-15 (the park fixture registers them today)."""
    sql("UPDATE enterprise SET created_at = '2026-01-15 08:00:00+00:00'")
    return park


def _due(cli, *args: str) -> list[dict]:
    return json.loads(cli("visit", "due", "--format", "json", *args).stdout)


def test_add_months_clamps_to_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 10, 5), 1) == date(2026, 11, 5)


def test_never_visited_count_from_registration(cli, registered):
    # Monthly (with an organisation): due 2026-02-15. Quarterly (绿源, none): due 2026-04-15.
    rows = _due(cli, "--as-of", "2026-03-01")
    assert [(r["enterprise"], r["days_overdue"]) for r in rows] == [
        ("合肥芯联微电子有限公司", 14),
        ("数智云信息技术有限公司", 14),
        ("江淮新能源汽车零部件有限公司", 14),
    ]
    assert rows[0]["last_visit"] is None and rows[0]["due_date"] == "2026-02-15"
    assert rows[0]["visit_class"] == "monthly" and rows[0]["every_months"] == 1
    assert rows[0]["supervisor"] == "S001" and rows[0]["group"] == "第一指导组"
    assert _due(cli, "--as-of", "2026-02-14") == []


def test_last_visit_sets_the_due_date(cli, registered):
    cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026-10-31")
    cli("visit", "add", "-s", "S003", "-e", "绿源", "--date", "2026-08-20")
    cli("visit", "add", "-s", "S003", "-e", "绿源", "--date", "2026-06-01")
    rows = {r["enterprise"]: r for r in _due(cli, "--as-of", "2026-12-10")}
    # 合肥芯联: 10-31 + 1 month = 11-30, 10 days over. 绿源: 08-20 + 3 months = 11-20, 20 days.
    assert rows["合肥芯联微电子有限公司"]["due_date"] == "2026-11-30"
    assert rows["合肥芯联微电子有限公司"]["days_overdue"] == 10
    assert rows["绿源环保装备有限公司"]["days_overdue"] == 20
    assert rows["绿源环保装备有限公司"]["last_visit"] == "2026-08-20"
    order = [r["days_overdue"] for r in _due(cli, "--as-of", "2026-12-10")]
    assert order == sorted(order, reverse=True)
    # A visit after the as-of day does not count.
    early = {r["enterprise"]: r for r in _due(cli, "--as-of", "2026-09-01")}
    assert early["合肥芯联微电子有限公司"]["last_visit"] is None


def test_due_today_is_zero_days_overdue(cli, registered):
    cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026-10-05")
    rows = {r["enterprise"]: r for r in _due(cli, "--as-of", "2026-11-05")}
    assert rows["合肥芯联微电子有限公司"]["days_overdue"] == 0
    assert "合肥芯联微电子有限公司" not in {
        r["enterprise"] for r in _due(cli, "--as-of", "2026-11-04")
    }


def test_group_filter_and_moved_enterprises(cli, registered, db_path):
    rows = _due(cli, "--as-of", "2026-12-01", "--group", "第二指导组")
    assert {r["group"] for r in rows} == {"第二指导组"}
    assert {r["enterprise"] for r in rows} == {"绿源环保装备有限公司", "数智云信息技术有限公司"}
    con = sqlite3.connect(db_path)
    con.execute("UPDATE enterprise SET status = 'moved' WHERE name LIKE '绿源%'")
    con.commit()
    con.close()
    assert {
        r["enterprise"] for r in _due(cli, "--as-of", "2026-12-01", "--group", "第二指导组")
    } == {"数智云信息技术有限公司"}


def test_table_and_csv(cli, registered):
    table = cli("visit", "due", "--as-of", "2026-03-01").stdout
    assert "Days overdue" in table and "江淮新能源汽车零部件有限公司" in table
    csv_out = cli("visit", "due", "--as-of", "2026-03-01", "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("enterprise,credit_code,visit_class")


def test_refusals(cli, registered):
    bad = cli("visit", "due", "--as-of", "2026-02-30", ok=False)
    assert bad.exit_code == 2 and "2026-02-30" in bad.stderr
    bad = cli("visit", "due", "--group", "第九组", ok=False)
    assert bad.exit_code == 1 and "--group" in bad.stderr and "第九组" in bad.stderr
