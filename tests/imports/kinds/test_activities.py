"""The activities import: rows checked with plain SQL, re-import unchanged, a change is an
update, every refusal names FILE:LINE and writes nothing, export -> import round trip."""

from __future__ import annotations

from tests import import_helpers
from tests.import_helpers import JH, LY, XL, counts, imported, refused, wipe, write_csv

# The small park built through the importer itself (conftest's is built through the CLI).
park_file = import_helpers.park_file
park = import_helpers.park


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
