"""Import kinds beyond the registers and visits: activities and the park's records (issues 3
and 7). Each: import, check with plain SQL, re-import unchanged, a change is an update, every
refusal names FILE:LINE and writes nothing, export -> import round trip."""

from __future__ import annotations

import json

from tests import import_helpers
from tests.import_helpers import counts, imported, refused, wipe, write_csv

park_file = import_helpers.park_file
park = import_helpers.park

XL = "合肥芯联微电子有限公司"
JH = "江淮新能源汽车零部件有限公司"
LY = "绿源环保装备有限公司"


# --- activities ---------------------------------------------------------------------------

ACT_HEAD = ["活动名称", "指导员", "活动日期", "活动类型", "参与企业", "参与人数"]


def test_activities_import_update_and_idempotence(cli, park, sql, tmp_path):
    rows = [
        ACT_HEAD,
        ["主题党日", "S001", "2026-03-05", "主题党日", f"{XL}；{JH}", "30"],
        ["党课", "李娜", "2026/3/6", "lecture", "91110000101623741K、芯联", ""],
        ["志愿服务", "S003", "2026-03-07", "", "", "12"],
    ]
    path = write_csv(tmp_path / "a.csv", rows)
    assert counts(imported(cli, "activities", path)) == (3, 0, 0)
    assert sql(
        "SELECT a.title, s.code, a.date, a.kind, a.participants, a.source FROM activity a "
        "JOIN supervisor s ON s.id = a.supervisor_id ORDER BY a.date"
    ) == [
        ("主题党日", "S001", "2026-03-05", "theme-day", 30, "import:a.csv"),
        ("党课", "S002", "2026-03-06", "lecture", None, "import:a.csv"),
        ("志愿服务", "S003", "2026-03-07", "other", 12, "import:a.csv"),
    ]
    links = (
        "SELECT a.title, e.name FROM activity_enterprise ae JOIN activity a "
        "ON a.id = ae.activity_id JOIN enterprise e ON e.id = ae.enterprise_id ORDER BY 1, 2"
    )
    assert sorted(sql(links)) == sorted(
        [("主题党日", XL), ("主题党日", JH), ("党课", XL), ("党课", LY)]
    )
    assert counts(imported(cli, "activities", path)) == (0, 0, 3)
    # A changed kind, participants or enterprise list is an update; absent columns stay.
    changed = [
        ACT_HEAD,
        ["主题党日", "S001", "2026-03-05", "主题党日", XL, "30"],
        ["党课", "S002", "2026-03-06", "培训", f"{LY}\n{XL}", ""],
        ["志愿服务", "S003", "2026-03-07", "", "", "15"],
    ]
    assert counts(imported(cli, "activities", write_csv(tmp_path / "b.csv", changed))) == (
        0,
        3,
        0,
    )
    assert sql("SELECT title, kind, participants FROM activity ORDER BY date") == [
        ("主题党日", "theme-day", 30),
        ("党课", "training", None),
        ("志愿服务", "other", 15),
    ]
    assert sorted(sql(links)) == sorted([("主题党日", XL), ("党课", XL), ("党课", LY)])
    only_title = write_csv(
        tmp_path / "c.csv", [["title", "supervisor", "date"], ["党课", "S002", "2026-03-06"]]
    )
    assert counts(imported(cli, "activities", only_title)) == (0, 0, 1)
    assert sql("SELECT kind FROM activity WHERE title = '党课'") == [("training",)]


def test_activity_refusals(cli, park, sql, tmp_path):
    rows = [
        ACT_HEAD,
        ["好的", "S001", "2026-03-05", "", "", ""],
        ["甲", "S999", "2026-03-05", "", "", ""],
        ["乙", "S001", "2026-02-30", "", "", ""],
        ["丙", "S001", "2026-03-05", "聚餐", "", ""],
        ["丁", "S001", "2026-03-05", "", f"{XL}；无此企业", ""],
        ["戊", "S001", "2099-01-01", "", "", ""],
        ["好的", "张伟", "2026-03-05", "", "", "-3"],
        ["好的", "S001", "2026-03-05", "党课", "", ""],
    ]
    path = write_csv(tmp_path / "a.csv", rows)
    assert refused(cli, sql, "activities", path, "activity") == [
        f"{path}:3: 指导员: unknown supervisor (S999)",
        f"{path}:4: 活动日期: no such day (2026-02-30)",
        f"{path}:5: 活动类型: allowed: theme-day (主题党日), lecture (党课), training (培训), "
        "joint-building (联建共建), public-welfare (公益活动), volunteer (志愿服务), other (其他) (聚餐)",
        f"{path}:6: 参与企业: unknown enterprise (无此企业)",
        f"{path}:7: 活动日期: an activity cannot be in the future (2099-01-01)",
        f"{path}:8: 参与人数: not a whole number of 0 or more (-3)",
        f"{path}:8: 指导员: matches several, give one of: S001 张伟; S003 张伟 (张伟)",
        f"{path}:9: 活动名称: same record as line 2 (duplicate in this file)",
    ]
    assert sql("SELECT count(*) FROM activity_enterprise") == [(0,)]


def test_activities_round_trip(cli, park, sql, tmp_path, db_path):
    rows = [
        ACT_HEAD,
        ["=1+1 主题党日", "S001", "2026-03-05", "主题党日", f"{XL}；{JH}", "30"],
        ["党课", "S002", "2026-03-06", "", "", ""],
    ]
    cli("import", "activities", str(write_csv(tmp_path / "a.csv", rows)))
    query = (
        "SELECT a.title, s.code, a.date, a.kind, a.participants, "
        "(SELECT count(*) FROM activity_enterprise ae WHERE ae.activity_id = a.id) "
        "FROM activity a JOIN supervisor s ON s.id = a.supervisor_id ORDER BY a.date"
    )
    before = sql(query)
    out = tmp_path / "export.csv"
    cli("export", "activities", "-o", str(out))
    assert counts(imported(cli, "activities", out)) == (0, 0, 2)
    wipe(db_path, "activity_enterprise", "activity")
    assert counts(imported(cli, "activities", out)) == (2, 0, 0)
    assert sql(query) == before


# --- member changes -------------------------------------------------------------------------

MEM_HEAD = ["企业", "党员人数", "生效日期"]


def test_member_changes_through_funding_rules(cli, park, sql, tmp_path):
    rows = [MEM_HEAD, [XL, "15", "2025-12-01"], ["914403001922038216", "42", "2026-01-01"]]
    path = write_csv(tmp_path / "m.csv", rows)
    assert counts(imported(cli, "member_changes", path)) == (2, 0, 0)
    # As `gridctl funding members`: the register's count is kept as the baseline (no date),
    # and the enterprise shows the count in force today.
    assert sql(
        "SELECT e.name, m.members, m.effective_from FROM member_count m JOIN enterprise e "
        "ON e.id = m.enterprise_id ORDER BY e.name, m.effective_from IS NOT NULL"
    ) == sorted(
        [(XL, 12, None), (XL, 15, "2025-12-01"), (JH, 40, None), (JH, 42, "2026-01-01")],
        key=lambda r: (r[0], r[2] is not None),
    )  # ordered as SQLite orders the names: by code point, the same as Python
    assert sql("SELECT members FROM enterprise WHERE name = ?", XL) == [(15,)]
    assert sql("SELECT members FROM enterprise WHERE name = ?", JH) == [(42,)]
    assert counts(imported(cli, "member_changes", path)) == (0, 0, 2)
    rows[1][1] = "16"
    assert counts(imported(cli, "member_changes", write_csv(tmp_path / "n.csv", rows))) == (
        0,
        1,
        1,
    )
    assert sql(f"SELECT members FROM enterprise WHERE name = '{XL}'") == [(16,)]
    # The same as the command: funding members shows the history.
    history = json.loads(cli("funding", "members", XL, "--format", "json").stdout)
    assert [(h["from"], h["members"]) for h in history] == [("", 12), ("2025-12-01", 16)]


def test_member_change_refusals(cli, park, sql, tmp_path):
    rows = [
        MEM_HEAD,
        ["无此企业", "3", "2026-01-01"],
        [XL, "-1", "2026-01-01"],
        [XL, "3", "2026-13-01"],
        [JH, "3", "2026-01-01"],
        [JH, "4", "2026-01-01"],
    ]
    path = write_csv(tmp_path / "m.csv", rows)
    assert refused(cli, sql, "member_changes", path, "member_count") == [
        f"{path}:2: 企业: unknown enterprise (无此企业)",
        f"{path}:3: 党员人数: not a whole number of 0 or more (-1)",
        f"{path}:4: 生效日期: no such day (2026-13-01)",
        f"{path}:6: 生效日期: same record as line 5 (duplicate in this file)",
    ]
    assert sql("SELECT members FROM enterprise WHERE name = ?", JH) == [(40,)]


def test_member_changes_round_trip(cli, park, sql, tmp_path, db_path):
    rows = [MEM_HEAD, [XL, "15", "2025-12-01"], [XL, "9", "2026-06-01"]]
    cli("import", "member_changes", str(write_csv(tmp_path / "m.csv", rows)))
    # The dated changes travel; the undated baseline is the register's count at the first one.
    query = (
        "SELECT enterprise_id, members, effective_from FROM member_count "
        "WHERE effective_from IS NOT NULL ORDER BY 1, 3"
    )
    before = sql(query)
    out = tmp_path / "export.csv"
    cli("export", "member_changes", "-o", str(out))
    assert counts(imported(cli, "member_changes", out)) == (0, 0, 2)
    wipe(db_path, "member_count")
    assert counts(imported(cli, "member_changes", out)) == (2, 0, 0)
    assert sql(query) == before


# --- brands, welfare projects, resources ----------------------------------------------------

BRAND_HEAD = ["企业", "品牌名称", "创建年份", "说明"]


def test_brands(cli, park, sql, tmp_path, db_path):
    rows = [BRAND_HEAD, ["芯联", "芯火相传", "2019", "党员攻关"], [JH, "红色引擎", "", ""]]
    path = write_csv(tmp_path / "b.csv", rows)
    assert counts(imported(cli, "brands", path)) == (2, 0, 0)
    query = (
        "SELECT b.name, e.name, b.since_year, b.description FROM brand b JOIN enterprise e "
        "ON e.id = b.enterprise_id ORDER BY b.name"
    )
    assert sql(query) == sorted([("芯火相传", XL, 2019, "党员攻关"), ("红色引擎", JH, None, None)])
    assert counts(imported(cli, "brands", path)) == (0, 0, 2)
    rows[2][2] = "2020"
    assert counts(imported(cli, "brands", write_csv(tmp_path / "c.csv", rows))) == (0, 1, 1)
    assert sql("SELECT since_year FROM brand WHERE name = '红色引擎'") == [(2020,)]
    out = tmp_path / "export.csv"
    cli("export", "brands", "-o", str(out))
    before = sql(query)
    wipe(db_path, "brand")
    assert counts(imported(cli, "brands", out)) == (2, 0, 0)
    assert sql(query) == before


def test_brand_refusals(cli, park, sql, tmp_path):
    cli("brand", "add", "芯联", "芯火相传")
    rows = [
        BRAND_HEAD,
        ["无此企业", "甲", "", ""],
        [JH, "芯火相传", "", ""],
        [JH, "乙", "1800", ""],
        [JH, "乙", "", ""],
    ]
    path = write_csv(tmp_path / "b.csv", rows)
    assert refused(cli, sql, "brands", path, "brand") == [
        f"{path}:2: 企业: unknown enterprise (无此企业)",
        f"{path}:3: 品牌名称: a brand of this name belongs to {XL} (芯火相传)",
        f"{path}:4: 创建年份: a year, e.g. 2019 (1800)",
    ]
    # A name twice in one file (the bad rows above fixed) is refused too.
    dup = write_csv(tmp_path / "d.csv", [BRAND_HEAD, [JH, "乙", "", ""], [LY, "乙", "", ""]])
    assert refused(cli, sql, "brands", dup, "brand") == [
        f"{dup}:3: 品牌名称: same record as line 2 (duplicate in this file) (乙)"
    ]


def test_welfare_projects(cli, park, sql, tmp_path, db_path):
    rows = [["名称", "类别", "说明"], ["无偿献血", "志愿服务", ""], ["清洁家园", "", "清扫"]]
    path = write_csv(tmp_path / "w.csv", rows)
    assert counts(imported(cli, "welfare_projects", path)) == (2, 0, 0)
    query = "SELECT name, category, description FROM welfare_project ORDER BY name"
    assert sql(query) == sorted([("无偿献血", "志愿服务", None), ("清洁家园", None, "清扫")])
    assert counts(imported(cli, "welfare_projects", path)) == (0, 0, 2)
    rows[2][1] = "环境整治"
    assert counts(imported(cli, "welfare_projects", write_csv(tmp_path / "x.csv", rows))) == (
        0,
        1,
        1,
    )
    dup = write_csv(tmp_path / "d.csv", [["name"], ["甲"], ["甲"]])
    assert refused(cli, sql, "welfare_projects", dup, "welfare_project") == [
        f"{dup}:3: name: same record as line 2 (duplicate in this file) (甲)"
    ]
    out = tmp_path / "export.csv"
    cli("export", "welfare_projects", "-o", str(out))
    before = sql(query)
    wipe(db_path, "welfare_project")
    assert counts(imported(cli, "welfare_projects", out)) == (2, 0, 0)
    assert sql(query) == before


RES_HEAD = ["名称", "类型", "提供企业", "网格", "容纳人数", "开放方式", "地址"]


def test_resources(cli, park, sql, tmp_path, db_path):
    rows = [
        RES_HEAD,
        ["党群服务中心", "党群服务中心", "", "G1", "300", "工作日开放", ""],
        ["芯联直播间", "live-stream", "芯联", "", "20", "", ""],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    assert counts(imported(cli, "resources", path)) == (2, 0, 0)
    query = (
        "SELECT r.name, r.kind, e.name, g.code, r.capacity, r.terms FROM resource r "
        "JOIN grid g ON g.id = r.grid_id LEFT JOIN enterprise e ON e.id = r.owner_id "
        "ORDER BY r.name"
    )
    # A resource without a grid of its own is where its owner is (芯联: G1-1).
    assert sql(query) == sorted(
        [
            ("党群服务中心", "service-centre", None, "G1", 300, "工作日开放"),
            ("芯联直播间", "live-stream", XL, "G1-1", 20, None),
        ]
    )
    assert counts(imported(cli, "resources", path)) == (0, 0, 2)
    rows[2][4] = "25"
    assert counts(imported(cli, "resources", write_csv(tmp_path / "s.csv", rows))) == (0, 1, 1)
    assert sql("SELECT capacity FROM resource WHERE name = '芯联直播间'") == [(25,)]
    out = tmp_path / "export.csv"
    cli("export", "resources", "-o", str(out))
    before = sql(query)
    wipe(db_path, "resource")
    assert counts(imported(cli, "resources", out)) == (2, 0, 0)
    assert sql(query) == before


def test_resource_refusals(cli, park, sql, tmp_path):
    rows = [
        RES_HEAD,
        ["甲", "党群服务中心", "", "", "", "", ""],
        ["乙", "食堂", "芯联", "", "", "", ""],
        ["丙", "展厅", "无此企业", "", "", "", ""],
        ["丁", "展厅", "", "G9", "0", "", ""],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    lines = refused(cli, sql, "resources", path, "resource")
    assert lines[0] == f"{path}:2: 网格: a resource without an owner enterprise needs its grid"
    assert lines[1].startswith(f"{path}:3: 类型: allowed: service-centre (党群服务中心), ")
    assert lines[1].endswith("(食堂)")
    assert lines[2:] == [
        f"{path}:4: 提供企业: unknown enterprise (无此企业)",
        f"{path}:5: 网格: unknown grid (G9)",
        f"{path}:5: 容纳人数: at least 1 person (0)",
    ]
