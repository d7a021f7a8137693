"""Meetings: the three kinds and their rules, problems taken up, referral to the joint
meeting and its outcome; every refusal writes nothing."""

from __future__ import annotations

import json

import pytest

TABLES = ("meeting", "meeting_attendee", "meeting_problem")


def _counts(sql) -> list[int]:
    return [sql(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES]


@pytest.fixture
def problems(cli, park):
    """Problem 1 (芯联, 2026-10-10) and problem 2 (江淮, 2026-11-03)."""
    cli(
        "visit",
        "add",
        "-s",
        "S001",
        "-e",
        "合肥芯联",
        "--date",
        "2026-10-10",
        "--problem",
        "招工难",
    )
    cli("visit", "add", "-s", "S002", "-e", "江淮", "--date", "2026-11-03", "--problem", "融资难")
    return park


def test_group_meeting_with_attendees_topics_decisions_and_problems(cli, problems, sql):
    cli(
        "meeting",
        "add",
        "--kind",
        "指导组月度例会",
        "--date",
        "2026-11-05",
        "--group",
        "第一指导组",
        "-a",
        "S001",
        "-a",
        "李娜",
        "-a",
        "S001",
        "--topic",
        "通报十月走访",
        "--topic",
        "研究招工难",
        "--decision",
        "联系人社局",
        "--problem",
        "1",
    )
    shown = json.loads(cli("meeting", "show", "1", "-f", "json").stdout)
    assert shown["kind"] == "group-monthly" and shown["group"] == "第一指导组"
    assert [a["code"] for a in shown["attendees"]] == ["S001", "S002"]  # S001 once
    assert shown["topics"] == ["通报十月走访", "研究招工难"]
    assert shown["decisions"] == ["联系人社局"]
    assert [p["id"] for p in shown["problems"]] == [1]
    (row,) = json.loads(cli("meeting", "list", "-f", "json").stdout)
    assert (row["attendees"], row["problems"]) == (2, 1)
    assert sql("SELECT count(*) FROM meeting_attendee") == [(2,)]


def test_list_filters_by_kind_group_and_month(cli, problems):
    cli(
        "meeting", "add", "--kind", "group-monthly", "--date", "2026-10-08", "--group", "第一指导组"
    )
    cli(
        "meeting", "add", "--kind", "group-monthly", "--date", "2026-11-05", "--group", "第一指导组"
    )
    cli(
        "meeting", "add", "--kind", "group-monthly", "--date", "2026-11-06", "--group", "第二指导组"
    )
    cli(
        "meeting",
        "add",
        "--kind",
        "leader-quarterly",
        "--date",
        "2026-10-15",
        "-a",
        "S001",
        "-a",
        "S003",
    )
    cli("meeting", "add", "--kind", "联席会议", "--date", "2026-11-20")

    def ids(*args):
        return [r["id"] for r in json.loads(cli("meeting", "list", *args, "-f", "json").stdout)]

    assert ids() == [1, 4, 2, 3, 5]  # by date
    assert ids("--month", "2026-11") == [2, 3, 5]
    assert ids("--group", "第一指导组") == [1, 2]
    assert ids("--kind", "joint") == [5]


def test_refer_to_joint_meeting_then_record_outcome_and_solve(cli, problems, sql):
    cli("meeting", "add", "--kind", "joint", "--date", "2026-11-20", "--title", "第四季度联席会议")
    out = cli("problem", "refer", "2", "--meeting", "1", "--note", "涉及金融办和科技局")
    assert "referred" in out.stdout
    assert sql("SELECT status FROM problem WHERE id = 2") == [("in-progress",)]
    assert sql("SELECT meeting_id, problem_id, note FROM meeting_problem") == [
        (1, 2, "涉及金融办和科技局")
    ]
    cli("meeting", "outcome", "1", "2", "--outcome", "金融办对接三家银行", "--solved")
    assert sql("SELECT status, closed_on, resolution FROM problem WHERE id = 2") == [
        ("solved", "2026-11-20", "金融办对接三家银行")
    ]
    assert sql("SELECT outcome, outcome_on FROM meeting_problem") == [
        ("金融办对接三家银行", "2026-11-20")
    ]


def test_outcome_without_solving_keeps_the_problem_in_progress(cli, problems, sql):
    cli("meeting", "add", "--kind", "joint", "--date", "2026-11-20")
    cli("problem", "refer", "1", "--meeting", "1")
    cli("meeting", "outcome", "1", "1", "--outcome", "下次会议再议")
    assert sql("SELECT status FROM problem WHERE id = 1") == [("in-progress",)]


def _refused(cli, sql, args, field, value, code=1):
    before = _counts(sql)
    status = sql("SELECT id, status FROM problem ORDER BY id")
    result = cli(*args, ok=False)
    assert result.exit_code == code, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0] and value in lines[0], result.stderr
    assert _counts(sql) == before
    assert sql("SELECT id, status FROM problem ORDER BY id") == status


def test_meeting_refusals(cli, problems, sql):
    cli(
        "meeting", "add", "--kind", "group-monthly", "--date", "2026-11-05", "--group", "第一指导组"
    )
    cli("meeting", "add", "--kind", "leader-quarterly", "--date", "2026-10-15")
    add = ("meeting", "add", "--date")
    _refused(cli, sql, (*add, "2026-11-06", "--kind", "weekly"), "--kind", "weekly")
    _refused(cli, sql, (*add, "2026-11-06", "--kind", "group-monthly"), "--group", "")
    _refused(
        cli,
        sql,
        (*add, "2026-11-06", "--kind", "joint", "--group", "第一指导组"),
        "--group",
        "第一指导组",
    )
    # A second monthly meeting of the same group in the same month; a second one a quarter.
    _refused(
        cli,
        sql,
        (*add, "2026-11-25", "--kind", "group-monthly", "--group", "第一指导组"),
        "--date",
        "2026-11-25",
    )
    _refused(cli, sql, (*add, "2026-12-01", "--kind", "leader-quarterly"), "--date", "2026-12-01")
    # An attendee from another group; an unknown one; a problem opened after the meeting.
    _refused(
        cli,
        sql,
        (
            *add,
            "2026-11-06",
            "--kind",
            "group-monthly",
            "--group",
            "第二指导组",
            "-a",
            "S004",
            "-a",
            "S001",
        ),
        "--attendee",
        "S001",
    )
    _refused(cli, sql, (*add, "2026-11-06", "--kind", "joint", "-a", "S999"), "--attendee", "S999")
    _refused(cli, sql, (*add, "2026-10-20", "--kind", "joint", "--problem", "2"), "--problem", "2")
    _refused(
        cli, sql, (*add, "2026-10-20", "--kind", "joint", "--problem", "99"), "--problem", "99"
    )
    _refused(cli, sql, (*add, "2026-10-32", "--kind", "joint"), "--date", "2026-10-32", code=2)
    # The monthly meeting of another month is fine.
    cli(*add, "2026-12-03", "--kind", "group-monthly", "--group", "第一指导组")


def test_referral_refusals(cli, problems, sql):
    cli(
        "meeting", "add", "--kind", "group-monthly", "--date", "2026-11-05", "--group", "第一指导组"
    )
    cli("meeting", "add", "--kind", "joint", "--date", "2026-10-20")
    cli("meeting", "add", "--kind", "joint", "--date", "2026-11-20")
    cli("problem", "refer", "1", "--meeting", "3")
    cli("problem", "solve", "1", "--note", "已解决", "--date", "2026-11-21")
    _refused(cli, sql, ("problem", "refer", "2", "--meeting", "1"), "--meeting", "1")  # not joint
    _refused(cli, sql, ("problem", "refer", "2", "--meeting", "2"), "--meeting", "2")  # too early
    _refused(cli, sql, ("problem", "refer", "2", "--meeting", "9"), "--meeting", "9")
    _refused(cli, sql, ("problem", "refer", "1", "--meeting", "3"), "ID", "1")  # solved
    _refused(cli, sql, ("problem", "refer", "7", "--meeting", "3"), "ID", "7")
    cli("problem", "refer", "2", "--meeting", "3")
    _refused(cli, sql, ("problem", "refer", "2", "--meeting", "3"), "ID", "2")  # twice
    _refused(cli, sql, ("meeting", "outcome", "3", "2", "--outcome", " "), "--outcome", "")
    _refused(cli, sql, ("meeting", "outcome", "2", "2", "--outcome", "x"), "PROBLEM_ID", "2")
    cli("meeting", "add", "--kind", "joint", "--date", "2099-01-05")
    _refused(cli, sql, ("meeting", "outcome", "4", "2", "--outcome", "x"), "MEETING_ID", "4")
    assert sql("SELECT outcome FROM meeting_problem WHERE problem_id = 2") == [(None,)]
