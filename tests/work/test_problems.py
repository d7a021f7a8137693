"""`problem start` / `problem show` / the list's filters: the tracking of a problem."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def two_problems(ledger, cli):
    cli("grid", "add", "G1", "一级网格")
    cli("grid", "add", "G1-1", "二级网格", "--parent", "G1")
    cli("group", "add", "第一指导组", "--grid", "G1")
    cli("group", "add", "第二指导组")
    cli("supervisor", "add", "S001", "张伟", "--group", "第一指导组")
    cli("supervisor", "add", "S002", "王芳", "--group", "第二指导组")
    cli("enterprise", "add", "甲公司", "--grid", "G1-1")
    cli("enterprise", "add", "乙公司", "--grid", "G1-1")
    cli("visit", "add", "-s", "S001", "-e", "甲公司", "--date", "2026-10-08", "--problem", "招工难")
    cli("visit", "add", "-s", "S002", "-e", "乙公司", "--date", "2026-10-09", "--problem", "融资难")


def _ids(result) -> list[int]:
    return [r["id"] for r in json.loads(result.stdout)]


def test_start_marks_in_progress_once(two_problems, cli, sql):
    (pid,) = sql("SELECT id FROM problem WHERE description = '招工难'")[0]
    assert cli("problem", "start", str(pid)).stdout == f"Problem {pid} is in progress\n"
    assert sql("SELECT status FROM problem WHERE id = ?", pid) == [("in-progress",)]
    again = cli("problem", "start", str(pid))
    assert "already in progress" in again.stdout
    # In progress still counts as open, and can be solved.
    # Newest first (same day: the later id first).
    assert _ids(cli("problem", "list", "--status", "open", "--format", "json")) == [pid + 1, pid]
    assert _ids(cli("problem", "list", "--status", "in-progress", "--format", "json")) == [pid]
    cli("problem", "solve", str(pid), "--note", "对接招聘会", "--date", "2026-10-20")
    refused = cli("problem", "start", str(pid), ok=False)
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"Error: ID: '{pid}' refused:")
    assert sql("SELECT status, closed_on FROM problem WHERE id = ?", pid) == [
        ("solved", "2026-10-20")
    ]


def test_start_unknown_id_is_one_line(two_problems, cli):
    result = cli("problem", "start", "999", ok=False)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "999" in result.stderr


def test_list_filters_by_supervisor_enterprise_group(two_problems, cli, sql):
    by = dict(sql("SELECT description, id FROM problem"))
    assert _ids(cli("problem", "list", "-s", "S002", "--format", "json")) == [by["融资难"]]
    assert _ids(cli("problem", "list", "-e", "甲公司", "--format", "json")) == [by["招工难"]]
    assert _ids(cli("problem", "list", "--group", "第二指导组", "--format", "json")) == [
        by["融资难"]
    ]
    unknown = cli("problem", "list", "--group", "第九指导组", ok=False)
    assert unknown.exit_code == 1 and "第九指导组" in unknown.stderr


def test_show_tells_the_whole_story(two_problems, cli, sql):
    (pid, visit) = sql("SELECT id, visit_id FROM problem WHERE description = '融资难'")[0]
    cli("meeting", "add", "--kind", "joint", "--date", "2026-10-28", "--title", "联席会议")
    (meeting,) = sql("SELECT id FROM meeting")[0]
    cli("problem", "refer", str(pid), "--meeting", str(meeting), "--note", "涉及金融办")
    rec = json.loads(cli("problem", "show", str(pid), "--format", "json").stdout)
    assert rec["enterprise"] == "乙公司"
    assert rec["supervisor"] == "S002"
    assert rec["status"] == "in-progress"  # referring puts it in progress
    assert (rec["visit"], rec["visit_date"], rec["opened"]) == (visit, "2026-10-09", "2026-10-09")
    assert rec["meetings"] == [
        {
            "meeting": meeting,
            "date": "2026-10-28",
            "kind": "joint",
            "title": "联席会议",
            "note": "涉及金融办",
            "outcome": "",
        }
    ]
    table = cli("problem", "show", str(pid)).stdout
    assert "融资难" in table and "Meetings that took it up" in table
