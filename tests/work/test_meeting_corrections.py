"""Correcting and removing meetings: their date, attendees, topics and decisions, and what a
meeting's removal does to the problems referred to it.

Each update changes exactly what was asked (checked with plain SQL); each delete removes the
row and its dependants as documented; every refusal is one line on stderr, exit 1 (data) or
2 (usage), and leaves every table these corrections touch as it was.
"""

from __future__ import annotations

import json

import pytest

from tests.correction_helpers import refused

# --- meetings ---------------------------------------------------------------------------


@pytest.fixture
def meetings(cli, park):
    """Problem 1 (芯联, opened 2026-10-10), problem 2 (江淮, 2026-11-03); meeting 1: group
    monthly of 第一指导组 on 2026-11-05; meeting 2: joint on 2026-11-18, problem 2 referred;
    meeting 3: group monthly of 第一指导组 on 2026-12-03."""
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
    cli(
        "meeting",
        "add",
        "--kind",
        "group-monthly",
        "--date",
        "2026-11-05",
        "--group",
        "第一指导组",
        "--title",
        "十一月例会",
        "-a",
        "S001",
        "--topic",
        "通报走访",
        "--topic",
        "研究招工难",
        "--decision",
        "联系人社局",
        "--problem",
        "1",
    )
    cli("meeting", "add", "--kind", "joint", "--date", "2026-11-18", "-a", "S001", "-a", "S003")
    cli("problem", "refer", "2", "--meeting", "2")
    cli(
        "meeting", "add", "--kind", "group-monthly", "--date", "2026-12-03", "--group", "第一指导组"
    )
    return park


def _attendees(sql, meeting_id):
    return [
        r[0]
        for r in sql(
            "SELECT s.code FROM meeting_attendee a JOIN supervisor s ON s.id = a.supervisor_id "
            "WHERE a.meeting_id = ? ORDER BY s.code",
            meeting_id,
        )
    ]


def test_meeting_update_changes_only_what_was_asked(cli, meetings, sql):
    before = sql("SELECT kind, group_id, title, topics, decisions FROM meeting WHERE id = 1")
    out = cli("meeting", "update", "1", "--date", "2026-11-06", "-a", "S002", "-a", "李娜")
    assert "2026-11-06" in out.stdout
    assert sql("SELECT date FROM meeting WHERE id = 1") == [("2026-11-06",)]
    assert (
        sql("SELECT kind, group_id, title, topics, decisions FROM meeting WHERE id = 1") == before
    )
    assert _attendees(sql, 1) == ["S002"]  # replaced, S002 named twice counts once
    assert sql("SELECT problem_id FROM meeting_problem WHERE meeting_id = 1") == [(1,)]

    cli("meeting", "update", "1", "--title", "", "--topic", "只一个议题", "--decision", "")
    assert sql("SELECT date, title, topics, decisions FROM meeting WHERE id = 1") == [
        ("2026-11-06", None, "只一个议题", None)
    ]
    cli("meeting", "update", "1", "-a", "")
    assert _attendees(sql, 1) == []
    # The other meetings are untouched.
    assert _attendees(sql, 2) == ["S001", "S003"]
    assert sql("SELECT id, date FROM meeting ORDER BY id") == [
        (1, "2026-11-06"),
        (2, "2026-11-18"),
        (3, "2026-12-03"),
    ]


def test_meeting_moves_within_its_period_and_to_a_free_one(cli, meetings, sql):
    # Meeting 3 (December) may move to January, a month without one of the group's meetings.
    cli("meeting", "update", "3", "--date", "2027-01-07")
    assert sql("SELECT date FROM meeting WHERE id = 3") == [("2027-01-07",)]
    # Then meeting 1 may move into December, now free.
    cli("meeting", "update", "1", "--date", "2026-12-01")
    assert sql("SELECT date FROM meeting WHERE id = 1") == [("2026-12-01",)]


def test_meeting_update_refusals_leave_the_ledger_as_it_was(cli, meetings, sql):
    # One meeting per period of its kind: meeting 3 is December's meeting of the group.
    line = refused(
        cli, sql, ("meeting", "update", "1", "--date", "2026-12-20"), "--date", "2026-12-20"
    )
    assert "meeting 3" in line and "2026-12" in line
    refused(cli, sql, ("meeting", "update", "9", "--title", "x"), "MEETING_ID", "9")
    refused(cli, sql, ("meeting", "update", "1", "--date", "2026-11-31"), "--date", "2026-11-31", 2)
    refused(cli, sql, ("meeting", "update", "1", "--date", "11/06"), "--date", "11/06", 2)
    refused(cli, sql, ("meeting", "update", "1"), "nothing to change", "", 2)
    # An attendee of a group's meeting is one of the group's supervisors; an unknown one.
    refused(cli, sql, ("meeting", "update", "1", "-a", "S001", "-a", "S003"), "--attendee", "S003")
    refused(cli, sql, ("meeting", "update", "1", "-a", "S999"), "--attendee", "S999")
    # Not before a problem it took up was opened (problem 2, 2026-11-03; problem 1, 10-10).
    line = refused(
        cli, sql, ("meeting", "update", "2", "--date", "2026-11-02"), "--date", "2026-11-02"
    )
    assert "problem 2" in line
    refused(cli, sql, ("meeting", "update", "1", "--date", "2026-10-09"), "--date", "2026-10-09")


def test_meeting_delete_removes_attendance_and_links_and_reopens_referred_problems(
    cli, meetings, sql
):
    assert sql("SELECT status FROM problem WHERE id = 2") == [("in-progress",)]
    out = cli("meeting", "delete", "2")
    assert "2 attendance and 1 problem" in out.stdout
    assert sql("SELECT id FROM meeting ORDER BY id") == [(1,), (3,)]
    assert sql("SELECT count(*) FROM meeting_attendee WHERE meeting_id = 2") == [(0,)]
    assert sql("SELECT count(*) FROM meeting_problem WHERE meeting_id = 2") == [(0,)]
    # Referred only there and still being worked on: open again, to be referred elsewhere.
    assert sql("SELECT status FROM problem WHERE id = 2") == [("open",)]
    # A group meeting's problems keep their status (taking one up does not change it).
    cli("meeting", "delete", "1")
    assert sql("SELECT id, status FROM problem ORDER BY id") == [(1, "open"), (2, "open")]
    assert sql("SELECT count(*) FROM meeting_attendee") == [(0,)]
    assert sql("SELECT count(*) FROM meeting_problem") == [(0,)]
    refused(cli, sql, ("meeting", "delete", "2"), "MEETING_ID", "2")


def test_problem_referred_to_two_meetings_stays_in_progress(cli, meetings, sql):
    cli("meeting", "add", "--kind", "joint", "--date", "2026-11-25")
    cli("problem", "refer", "2", "--meeting", "4")
    cli("meeting", "delete", "2")
    assert sql("SELECT status FROM problem WHERE id = 2") == [("in-progress",)]


def _points(cli, who):
    rows = json.loads(cli("points", "explain", who, "-f", "json").stdout)
    return sorted((r["rule"], r["date"], str(r["points"])) for r in rows)


def test_meeting_with_an_outcome_keeps_its_date_and_stays(cli, meetings, sql):
    """An outcome (and the problem it solved, and the points for solving it) is dated by the
    meeting's day: once recorded, the meeting is neither moved nor deleted."""
    cli("meeting", "outcome", "2", "2", "--outcome", "金融办对接三家银行", "--solved")
    assert sql("SELECT status, closed_on FROM problem WHERE id = 2") == [("solved", "2026-11-18")]
    points = _points(cli, "S002")
    assert ("problem-solved", "2026-11-18", "3") in points
    line = refused(cli, sql, ("meeting", "delete", "2"), "MEETING_ID", "2")
    assert "problem 2" in line
    line = refused(
        cli, sql, ("meeting", "update", "2", "--date", "2026-11-19"), "--date", "2026-11-19"
    )
    assert "problem 2" in line
    assert _points(cli, "S002") == points
    # What is not dated by the day may still be corrected.
    cli("meeting", "update", "2", "--title", "第四季度联席会议")
    assert sql("SELECT date, title FROM meeting WHERE id = 2") == [
        ("2026-11-18", "第四季度联席会议")
    ]
