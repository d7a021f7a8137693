"""The referrals import (problems taken to the joint meeting, and its outcome): checked with
plain SQL, re-import unchanged, updates, dry runs, every refusal names FILE:LINE and writes
nothing, export -> import round trip, Chinese and English headers."""

from __future__ import annotations

import json

import pytest

from tests.import_helpers import JH, LY, XL, counts, imported, refused, write_csv

REF_HEAD = ["会议日期", "问题编号", "企业", "问题描述", "研究结果", "是否解决"]
LINKS = (
    "SELECT m.date, l.problem_id, l.outcome, l.outcome_on, l.note FROM meeting_problem l "
    "JOIN meeting m ON m.id = l.meeting_id ORDER BY m.date, l.problem_id"
)
STATUS = "SELECT id, status, closed_on, resolution FROM problem ORDER BY id"


@pytest.fixture
def referral_park(cli, park):
    """Problems 1 (芯联 招工难, 10-10), 2 and 3 (江淮 融资难, 11-03 and 11-04: the same
    description), 4 (绿源 人才住房, 10-12). Meetings 1: joint 11-18, 2: group 11-05,
    3: joint 11-20, 4: joint 10-01 (before problem 1), 5: joint 2099-01-10 (not yet held)."""
    for who, firm, day, text in (
        ("S001", XL, "2026-10-10", "招工难"),
        ("S002", JH, "2026-11-03", "融资难"),
        ("S002", JH, "2026-11-04", "融资难"),
        ("S003", LY, "2026-10-12", "人才住房"),
    ):
        cli("visit", "add", "-s", who, "-e", firm, "--date", day, "--problem", text)
    cli("meeting", "add", "--kind", "joint", "--date", "2026-11-18")
    cli(
        "meeting",
        "add",
        "--kind",
        "指导组月度例会",
        "--date",
        "2026-11-05",
        "--group",
        "第一指导组",
    )
    cli("meeting", "add", "--kind", "joint", "--date", "2026-11-20")
    cli("meeting", "add", "--kind", "joint", "--date", "2026-10-01")
    cli("meeting", "add", "--kind", "joint", "--date", "2099-01-10")
    return park


def test_referrals_import_update_and_idempotence(cli, referral_park, sql, tmp_path):
    rows = [
        REF_HEAD,
        ["2026-11-18", "", XL, "招工难", "人社局组织专场招聘", "是"],
        ["2026/11/18", "", LY, "人才住房", "", ""],
        ["2026年11月18日", "3", "", "", "下次会议再议", "否"],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    assert counts(imported(cli, "referrals", path)) == (3, 0, 0)
    assert sql(LINKS) == [
        ("2026-11-18", 1, "人社局组织专场招聘", "2026-11-18", None),
        ("2026-11-18", 3, "下次会议再议", "2026-11-18", None),
        ("2026-11-18", 4, None, None, None),
    ]
    assert sql(STATUS) == [
        (1, "solved", "2026-11-18", "人社局组织专场招聘"),
        (2, "open", None, None),
        (3, "in-progress", None, None),
        (4, "in-progress", None, None),
    ]
    assert counts(imported(cli, "referrals", path)) == (0, 0, 3)
    assert len(sql(LINKS)) == 3
    # A changed outcome updates it; solved = yes on a referral already there solves it.
    rows[3][4:] = ["金融办对接三家银行", "是"]
    rows[2][4] = "人才公寓调剂房源"
    assert counts(imported(cli, "referrals", write_csv(tmp_path / "s.csv", rows))) == (0, 2, 1)
    assert sql(LINKS) == [
        ("2026-11-18", 1, "人社局组织专场招聘", "2026-11-18", None),
        ("2026-11-18", 3, "金融办对接三家银行", "2026-11-18", None),
        ("2026-11-18", 4, "人才公寓调剂房源", "2026-11-18", None),
    ]
    assert sql(STATUS)[2:] == [
        (3, "solved", "2026-11-18", "金融办对接三家银行"),
        (4, "in-progress", None, None),
    ]
    # Absent columns are left alone (the outcomes stay); English headers; the problem by id.
    only = [["meeting_date", "problem", "note"], ["2026-11-18", "4", "涉及住建局"]]
    assert counts(imported(cli, "referrals", write_csv(tmp_path / "t.csv", only))) == (0, 1, 0)
    assert sql(LINKS)[2] == ("2026-11-18", 4, "人才公寓调剂房源", "2026-11-18", "涉及住建局")
    # An empty cell in a present column clears the outcome.
    clear = [["meeting", "problem_id", "outcome"], ["2026-11-18", "4", ""]]
    assert counts(imported(cli, "referrals", write_csv(tmp_path / "u.csv", clear))) == (0, 1, 0)
    assert sql(LINKS)[2] == ("2026-11-18", 4, None, None, "涉及住建局")


def test_referral_to_one_meeting_then_solved_at_a_later_one(cli, referral_park, sql, tmp_path):
    rows = [
        ["meeting_date", "enterprise", "description", "outcome", "solved"],
        ["2026-11-20", LY, "人才住房", "调剂房源", "yes"],  # written after the 11-18 row
        ["2026-11-18", LY, "人才住房", "下次再议", "no"],
    ]
    assert counts(imported(cli, "referrals", write_csv(tmp_path / "r.csv", rows))) == (2, 0, 0)
    assert sql(LINKS) == [
        ("2026-11-18", 4, "下次再议", "2026-11-18", None),
        ("2026-11-20", 4, "调剂房源", "2026-11-20", None),
    ]
    assert sql(STATUS)[3] == (4, "solved", "2026-11-20", "调剂房源")


def test_referrals_dry_run_writes_nothing(cli, referral_park, sql, tmp_path):
    rows = [REF_HEAD, ["2026-11-18", "1", "", "", "专场招聘", "是"]]
    path = write_csv(tmp_path / "r.csv", rows)
    out = cli("import", "referrals", str(path), "--dry-run", "--json").stdout
    assert counts(json.loads(out)) == (1, 0, 0)
    assert sql("SELECT count(*) FROM meeting_problem") == [(0,)]
    assert sql("SELECT status FROM problem WHERE id = 1") == [("open",)]


def test_referral_refusals(cli, referral_park, sql, tmp_path):
    rows = [
        REF_HEAD,
        ["2026-11-19", "", XL, "招工难", "", ""],
        ["2026-11-05", "", XL, "没有", "", ""],
        ["2026-11-18", "", JH, "融资难", "", ""],
        ["2026-11-18", "", XL, "不存在", "", ""],
        ["2026-11-18", "99", "", "", "", ""],
        ["2026-11-18", "1", "", "", "专场招聘", "也许"],
        ["2026-11-18", "1", "", "", "", "是"],
        ["2099-01-10", "", LY, "人才住房", "调剂房源", ""],
        ["2026-11-18", "1", JH, "", "", ""],
        ["2026-10-01", "", XL, "招工难", "", ""],
        ["2026-11-18", "", "", "", "", ""],
        ["2026-11-18", "", LY, "人才住房", "", ""],
        ["2026-11-18", "4", "", "", "", ""],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    before = sql(STATUS)
    assert refused(cli, sql, "referrals", path, "meeting_problem") == [
        f"{path}:2: 会议日期: no joint meeting on this day (2026-11-19)",
        f"{path}:3: 会议日期: meeting 2 is a group-monthly meeting; refer to a joint meeting"
        " (2026-11-05)",
        f"{path}:3: 问题描述: no problem of {XL} has this description (没有)",
        f"{path}:4: 问题描述: several problems have this description (ids 2, 3): "
        "give the problem id (融资难)",
        f"{path}:5: 问题描述: no problem of {XL} has this description (不存在)",
        f"{path}:6: 问题编号: unknown problem (99)",
        f"{path}:7: 是否解决: not yes/no (是/否) (也许)",
        f"{path}:8: 是否解决: a solved problem needs the meeting's outcome",
        f"{path}:9: 研究结果: the meeting (2099-01-10) has not been held yet (2099-01-10)",
        f"{path}:10: 问题编号: this id is another problem ({XL}: 招工难) (1)",
        f"{path}:11: 会议日期: the meeting (2026-10-01) is before the problem was opened "
        "(2026-10-10) (2026-10-01)",
        f"{path}:12: 企业: name the problem by its id (问题编号), or by enterprise and description",
        f"{path}:14: 会议日期: same record as line 13 (duplicate in this file)",
    ]
    assert sql(STATUS) == before


def test_referral_refusals_against_the_ledger_and_across_the_file(
    cli, referral_park, sql, tmp_path
):
    done = [REF_HEAD, ["2026-11-18", "1", "", "", "专场招聘", "是"]]
    cli("import", "referrals", str(write_csv(tmp_path / "a.csv", done)))
    rows = [
        REF_HEAD,
        ["2026-11-20", "1", "", "", "", ""],  # solved already: not referred again
        ["2026-11-18", "1", "", "", "", ""],  # cleared: it was solved by this outcome
        ["2026-11-18", "4", "", "", "调剂房源", "是"],
        ["2026-11-20", "4", "", "", "", ""],  # solved at the earlier meeting of line 4
    ]
    path = write_csv(tmp_path / "b.csv", rows)
    assert refused(cli, sql, "referrals", path, "meeting_problem") == [
        f"{path}:2: 问题编号: problem is already solved (1)",
        f"{path}:3: 研究结果: the problem was solved at this meeting: its outcome stays",
    ]
    path = write_csv(tmp_path / "c.csv", [rows[0], *rows[3:]])
    assert refused(cli, sql, "referrals", path, "meeting_problem") == [
        f"{path}:3: 会议日期: the problem is solved at the meeting of 2026-11-18 (line 2) "
        "(2026-11-20)",
    ]
    assert sql("SELECT status FROM problem WHERE id = 4") == [("open",)]


def test_referrals_round_trip_and_template(cli, referral_park, sql, tmp_path):
    rows = [
        REF_HEAD + ["备注"],
        ["2026-11-18", "1", "", "", "=专场招聘", "是", "涉及人社局"],
        ["2026-11-18", "2", "", "", "", "", ""],
        ["2026-11-20", "2", "", "", "对接银行", "否", ""],
    ]
    cli("import", "referrals", str(write_csv(tmp_path / "r.csv", rows)))
    before = sql(LINKS)
    for lang, name in (("zh", "r.csv"), ("en", "r.xlsx")):
        out = tmp_path / f"export-{name}"
        cli("export", "referrals", "--lang", lang, "-o", str(out))
        assert counts(imported(cli, "referrals", out)) == (0, 0, 3)
    assert sql(LINKS) == before
    assert before[0][2] == "=专场招聘"
    head = cli("export", "referrals", "--lang", "en").stdout.splitlines()
    assert head[0] == "meeting_date,problem,enterprise,description,outcome,solved,note"
    assert head[1] == f"2026-11-18,1,{XL},招工难,'=专场招聘,yes,涉及人社局"
    template = tmp_path / "t.xlsx"
    cli("import", "template", "referrals", "-o", str(template))
    from openpyxl import load_workbook

    wb = load_workbook(template)
    assert [c.value for c in next(wb.active.iter_rows())] == [
        "会议日期*",  # required
        "问题编号",
        "企业",
        "问题描述",
        "研究结果",
        "是否解决",
        "备注",
    ]
