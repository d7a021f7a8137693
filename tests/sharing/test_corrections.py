"""Correcting and removing what enterprises share: welfare projects and claims, resources
and their uses.

Each update changes exactly what was asked (checked with plain SQL); each delete removes the
row and its dependants as documented; every refusal is one line on stderr, exit 1 (data) or
2 (usage), and leaves every table these corrections touch as it was.
"""

from __future__ import annotations

import json

import pytest

from tests.correction_helpers import firm_id, refused


def _points(cli, who):
    rows = json.loads(cli("points", "explain", who, "-f", "json").stdout)
    return sorted((r["rule"], r["date"], str(r["points"])) for r in rows)


# --- welfare ------------------------------------------------------------------------------


@pytest.fixture
def claims(cli, park):
    """Projects 1 无偿献血, 2 文明劝导; claim 1 (无偿献血, 芯联, 05-04, completed 06-14 by
    26), claim 2 (无偿献血, 江淮, 05-06, open), claim 3 (文明劝导, 数智云, 06-01, open)."""
    cli("welfare", "project-add", "无偿献血", "--category", "志愿服务", "--description", "每年两次")
    cli("welfare", "project-add", "文明劝导")
    cli("welfare", "claim", "无偿献血", "-e", "合肥芯联", "--date", "2026-05-04")
    cli("welfare", "claim", "无偿献血", "-e", "江淮", "--date", "2026-05-06", "--note", "二车间")
    cli("welfare", "claim", "文明劝导", "-e", "数智云", "--date", "2026-06-01")
    cli("welfare", "complete", "1", "--date", "2026-06-14", "--participants", "26")
    return park


CLAIM = "SELECT project_id, enterprise_id, claimed_on, completed_on, participants, note "


def test_project_update_and_delete(cli, claims, sql):
    cli("welfare", "project-update", "文明劝导", "--name", "文明交通劝导", "--category", "志愿服务")
    assert sql("SELECT id, name, category, description FROM welfare_project ORDER BY id") == [
        (1, "无偿献血", "志愿服务", "每年两次"),
        (2, "文明交通劝导", "志愿服务", None),
    ]
    cli("welfare", "project-update", "1", "--description", "")
    assert sql("SELECT name, category, description FROM welfare_project WHERE id = 1") == [
        ("无偿献血", "志愿服务", None)
    ]
    # A project with claims stays; once its claim is deleted it may go.
    line = refused(
        cli, sql, ("welfare", "project-delete", "文明交通劝导"), "PROJECT", "文明交通劝导"
    )
    assert "1 claim" in line
    cli("welfare", "claim-delete", "3")
    cli("welfare", "project-delete", "文明交通劝导")
    assert sql("SELECT id FROM welfare_project") == [(1,)]
    assert sql("SELECT id FROM welfare_claim ORDER BY id") == [(1,), (2,)]


def test_project_refusals(cli, claims, sql):
    refused(
        cli, sql, ("welfare", "project-update", "2", "--name", "无偿献血"), "--name", "无偿献血"
    )
    refused(cli, sql, ("welfare", "project-update", "2", "--name", " "), "--name", "")
    refused(cli, sql, ("welfare", "project-update", "9", "--name", "x"), "PROJECT", "9")
    refused(cli, sql, ("welfare", "project-update", "2"), "nothing to change", "", 2)
    refused(cli, sql, ("welfare", "project-delete", "不存在"), "PROJECT", "不存在")


def test_claim_update_changes_only_what_was_asked(cli, claims, sql):
    before = sql(CLAIM + "FROM welfare_claim WHERE id <> 2 ORDER BY id")
    cli("welfare", "claim-update", "2", "--claimed", "2026-05-07", "--note", "三车间")
    assert sql(CLAIM + "FROM welfare_claim WHERE id = 2") == [
        (1, 2, "2026-05-07", None, None, "三车间")
    ]
    cli("welfare", "claim-update", "2", "--completed", "2026-06-20", "--participants", "12")
    assert sql(CLAIM + "FROM welfare_claim WHERE id = 2") == [
        (1, 2, "2026-05-07", "2026-06-20", 12, "三车间")
    ]
    cli("welfare", "claim-update", "2", "--participants", "14", "--note", "")
    assert sql(CLAIM + "FROM welfare_claim WHERE id = 2") == [
        (1, 2, "2026-05-07", "2026-06-20", 14, None)
    ]
    assert sql(CLAIM + "FROM welfare_claim WHERE id <> 2 ORDER BY id") == before


def test_claim_reopen_undoes_the_completion(cli, claims, sql):
    out = cli("welfare", "claim-update", "1", "--reopen")
    assert "reopened" in out.stdout
    assert sql(CLAIM + "FROM welfare_claim WHERE id = 1") == [
        (1, 1, "2026-05-04", None, None, None)
    ]
    projects = json.loads(cli("welfare", "list", "-f", "json").stdout)
    assert [(p["completed"], p["participants"]) for p in projects] == [(0, 0), (0, 0)]


def test_claim_moves_to_another_project_or_enterprise(cli, claims, sql):
    cli("welfare", "claim-update", "3", "--project", "无偿献血", "-e", "合肥芯联")
    assert sql(CLAIM + "FROM welfare_claim WHERE id = 3") == [
        (1, 1, "2026-06-01", None, None, None)
    ]


def test_claim_refusals_leave_the_ledger_as_it_was(cli, claims, sql):
    refused(cli, sql, ("welfare", "claim-update", "9", "--note", "x"), "CLAIM_ID", "9")
    refused(cli, sql, ("welfare", "claim-delete", "9"), "CLAIM_ID", "9")
    refused(cli, sql, ("welfare", "claim-update", "1"), "nothing to change", "", 2)
    # A completion on or after the claim, at least one participant, not in the future.
    refused(
        cli,
        sql,
        ("welfare", "claim-update", "1", "--completed", "2026-05-01"),
        "--completed",
        "2026-05-01",
    )
    refused(
        cli,
        sql,
        ("welfare", "claim-update", "1", "--claimed", "2026-06-15"),
        "--completed",
        "2026-06-14",
    )
    refused(
        cli, sql, ("welfare", "claim-update", "1", "--participants", "0"), "--participants", "0"
    )
    refused(
        cli,
        sql,
        ("welfare", "claim-update", "1", "--completed", "2999-01-01"),
        "--completed",
        "2999-01-01",
    )
    refused(
        cli,
        sql,
        ("welfare", "claim-update", "2", "--claimed", "2999-01-01"),
        "--claimed",
        "2999-01-01",
    )
    refused(
        cli,
        sql,
        ("welfare", "claim-update", "2", "--claimed", "2026-02-30"),
        "--claimed",
        "2026-02-30",
        2,
    )
    # An open claim has no participants without a completion day.
    refused(
        cli, sql, ("welfare", "claim-update", "2", "--participants", "5"), "--participants", "5"
    )
    refused(cli, sql, ("welfare", "claim-update", "2", "--reopen"), "--reopen", "2")
    refused(
        cli,
        sql,
        ("welfare", "claim-update", "1", "--reopen", "--participants", "3"),
        "--reopen",
        "",
        2,
    )
    # An enterprise without a party organisation claims nothing.
    refused(cli, sql, ("welfare", "claim-update", "2", "-e", "绿源"), "--enterprise", "绿源")
    # One open claim of a project per organisation: 芯联 reopening while holding another.
    cli("welfare", "claim", "无偿献血", "-e", "合肥芯联", "--date", "2026-07-01")
    line = refused(cli, sql, ("welfare", "claim-update", "1", "--reopen"), "CLAIM_ID", "1")
    assert "claim 4" in line
    refused(cli, sql, ("welfare", "claim-update", "2", "-e", "合肥芯联"), "CLAIM_ID", "2")


def test_claim_delete_removes_one_claim(cli, claims, sql):
    cli("welfare", "claim-delete", "1")
    assert sql("SELECT id FROM welfare_claim ORDER BY id") == [(2,), (3,)]
    assert sql("SELECT count(*) FROM welfare_project") == [(2,)]


def test_welfare_points_follow_the_claim(cli, claims, sql):
    """The default rules give a completed claim 2 points in the activities area, credited to
    the enterprise's contact supervisor (合肥芯联: S001) on the day it was completed; a
    correction of the completion moves them, a reopened or deleted claim loses them."""

    def welfare_entries():
        return sql(
            "SELECT supervisor_id, date, area, points, record_id FROM point_entry "
            "WHERE rule = 'welfare' ORDER BY record_id"
        )

    (s001,) = sql("SELECT id FROM supervisor WHERE code = 'S001'")[0]
    assert ("welfare", "2026-06-14", "2") in _points(cli, "S001")
    assert welfare_entries() == [(s001, "2026-06-14", "activities", 2, 1)]
    cli("welfare", "claim-update", "1", "--participants", "40")  # not what it earns by
    assert welfare_entries() == [(s001, "2026-06-14", "activities", 2, 1)]
    cli("welfare", "claim-update", "1", "--completed", "2026-06-20")
    assert ("welfare", "2026-06-20", "2") in _points(cli, "S001")
    assert welfare_entries() == [(s001, "2026-06-20", "activities", 2, 1)]
    cli("welfare", "claim-update", "1", "--reopen")
    assert not [p for p in _points(cli, "S001") if p[0] == "welfare"]
    assert welfare_entries() == []
    cli("welfare", "complete", "1", "--date", "2026-06-21", "--participants", "20")
    _points(cli, "S001")
    assert welfare_entries() == [(s001, "2026-06-21", "activities", 2, 1)]
    cli("welfare", "claim-delete", "1")
    assert welfare_entries() == []
    assert not [p for p in _points(cli, "S001") if p[0] == "welfare"]


# --- resources ----------------------------------------------------------------------------


@pytest.fixture
def resources(cli, park):
    """Resource 1 芯联直播间 (芯联, capacity 20), 2 党群服务中心 (the station's, G2);
    uses 1 (江淮 on 1, 12 people), 2 (数智云 on 1), 3 (芯联 on 2)."""
    cli(
        "resource",
        "add",
        "芯联直播间",
        "--kind",
        "live-stream",
        "--owner",
        "合肥芯联",
        "--capacity",
        "20",
        "--terms",
        "工作日预约",
    )
    cli(
        "resource",
        "add",
        "党群服务中心",
        "--kind",
        "service-centre",
        "--grid",
        "G2",
        "--address",
        "园区大道1号",
    )
    cli(
        "resource",
        "use",
        "芯联直播间",
        "-e",
        "江淮",
        "--date",
        "2026-05-12",
        "--purpose",
        "直播带岗",
        "--participants",
        "12",
    )
    cli(
        "resource",
        "use",
        "芯联直播间",
        "-e",
        "数智云",
        "--date",
        "2026-06-02",
        "--purpose",
        "产品发布",
    )
    cli(
        "resource",
        "use",
        "党群服务中心",
        "-e",
        "合肥芯联",
        "--date",
        "2026-06-05",
        "--purpose",
        "主题党日",
    )
    return park


RES = "SELECT name, kind, owner_id, grid_id, capacity, terms, address FROM resource "


def _grid(sql, code):
    return sql("SELECT id FROM grid WHERE code = ?", code)[0][0]


def test_resource_update_changes_only_what_was_asked(cli, resources, sql):
    other = sql(RES + "WHERE id = 2")
    cli(
        "resource",
        "update",
        "芯联直播间",
        "--capacity",
        "12",
        "--terms",
        "",
        "--name",
        "芯联融媒体中心",
    )
    assert sql(RES + "WHERE id = 1") == [
        (
            "芯联融媒体中心",
            "live-stream",
            firm_id(sql, "合肥芯联"),
            _grid(sql, "G1-1"),
            12,
            None,
            None,
        )
    ]
    # The station's own resource given an owner moves to the owner's grid, as add does.
    cli("resource", "update", "2", "--owner", "江淮", "--kind", "活动室")
    assert sql(RES + "WHERE id = 2") == [
        (
            "党群服务中心",
            "activity-room",
            firm_id(sql, "江淮"),
            _grid(sql, "G1-2"),
            None,
            None,
            "园区大道1号",
        )
    ]
    assert other != sql(RES + "WHERE id = 2")
    # And back to the station's own, in a grid named.
    cli("resource", "update", "2", "--owner", "", "--grid", "G2-1")
    assert sql(RES + "WHERE id = 2") == [
        ("党群服务中心", "activity-room", None, _grid(sql, "G2-1"), None, None, "园区大道1号")
    ]
    assert sql("SELECT count(*) FROM resource_use") == [(3,)]


def test_resource_refusals_leave_the_ledger_as_it_was(cli, resources, sql):
    refused(cli, sql, ("resource", "update", "不存在", "--capacity", "3"), "RESOURCE", "不存在")
    refused(cli, sql, ("resource", "update", "1"), "nothing to change", "", 2)
    refused(
        cli, sql, ("resource", "update", "1", "--name", "党群服务中心"), "--name", "党群服务中心"
    )
    refused(cli, sql, ("resource", "update", "1", "--kind", "castle"), "--kind", "castle")
    refused(cli, sql, ("resource", "update", "1", "--capacity", "0"), "--capacity", "0")
    # A use of 12 people is recorded: the capacity holds them.
    line = refused(cli, sql, ("resource", "update", "1", "--capacity", "11"), "--capacity", "11")
    assert "12" in line
    # 江淮 used it: it cannot become the owner (a use is by others).
    refused(cli, sql, ("resource", "update", "1", "--owner", "江淮"), "--owner", "江淮")
    refused(cli, sql, ("resource", "update", "1", "--grid", "G9"), "--grid", "G9")
    # Uses recorded: refused without --force.
    line = refused(cli, sql, ("resource", "delete", "芯联直播间"), "RESOURCE", "芯联直播间")
    assert "2 use" in line and "--force" in line
    refused(cli, sql, ("resource", "use-delete", "9"), "USE_ID", "9")


def test_resource_delete_and_use_delete(cli, resources, sql):
    cli("resource", "use-delete", "3")
    assert sql("SELECT id FROM resource_use ORDER BY id") == [(1,), (2,)]
    cli("resource", "delete", "党群服务中心")  # no uses left
    out = cli("resource", "delete", "1", "--force")
    assert "2 use" in out.stdout
    assert sql("SELECT count(*) FROM resource") == [(0,)]
    assert sql("SELECT count(*) FROM resource_use") == [(0,)]
