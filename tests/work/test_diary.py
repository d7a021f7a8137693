"""The work diary: entries written, visits' notes merged in, by date, and refusals."""

from __future__ import annotations

import json


def _diary(cli, *args: str) -> list[dict]:
    return json.loads(cli("diary", "list", *args, "--format", "json").stdout)


def test_entries_and_visit_notes_form_one_diary_by_date(cli, park, sql):
    cli(
        "visit",
        "add",
        "-s",
        "S001",
        "-e",
        "合肥芯联",
        "--date",
        "2026-11-05",
        "--notes",
        "指导换届",
    )
    cli("diary", "add", "-s", "S001", "--date", "2026-11-05", "参加指导组月度例会")
    cli("diary", "add", "-s", "S001", "--date", "2026-11-02", "整理走访台账")
    cli("diary", "add", "-s", "S001", "--date", "2026-10-30", "上月的事")
    cli("diary", "add", "-s", "S002", "--date", "2026-11-03", "别人的日记")
    cli("visit", "add", "-s", "S002", "-e", "江淮", "--date", "2026-11-04", "--notes", "别人的走访")

    rows = _diary(cli, "--supervisor", "S001", "--month", "2026-11")

    # Newest day first; on a day, the entries before the visits.
    assert [(r["date"], r["source"], r["text"]) for r in rows] == [
        ("2026-11-05", "diary", "参加指导组月度例会"),
        ("2026-11-05", "visit", "指导换届"),
        ("2026-11-02", "diary", "整理走访台账"),
    ]
    assert rows[1]["enterprise"] == "合肥芯联微电子有限公司"
    assert {r["supervisor"] for r in rows} == {"S001"}
    # The same count another way: S001's diary entries and visits in November.
    (n,) = sql(
        "SELECT (SELECT count(*) FROM diary_entry d JOIN supervisor s ON s.id = d.supervisor_id"
        " WHERE s.code = 'S001' AND d.date BETWEEN '2026-11-01' AND '2026-11-30')"
        " + (SELECT count(*) FROM visit v JOIN supervisor s ON s.id = v.supervisor_id"
        " WHERE s.code = 'S001' AND v.date BETWEEN '2026-11-01' AND '2026-11-30')"
    )[0]
    assert len(rows) == n == 3


def test_without_month_lists_the_whole_diary(cli, park):
    cli("diary", "add", "-s", "S001", "--date", "2026-10-30", "十月")
    cli("diary", "add", "-s", "S001", "--date", "2026-11-02", "十一月")
    assert [r["text"] for r in _diary(cli, "-s", "S001")] == ["十一月", "十月"]


def test_a_visit_without_notes_still_shows_as_that_days_work(cli, park):
    cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026-11-05")
    (row,) = _diary(cli, "-s", "S001")
    assert (row["source"], row["text"], row["enterprise"]) == (
        "visit",
        "",
        "合肥芯联微电子有限公司",
    )


def test_supervisor_by_unique_name(cli, park, sql):
    cli("diary", "add", "--supervisor", "李娜", "--date", "2026-11-02", "整理材料")
    assert sql(
        "SELECT s.code, d.content FROM diary_entry d JOIN supervisor s ON s.id = d.supervisor_id"
    ) == [("S002", "整理材料")]


def _refused(cli, sql, args, field, value, code=1):
    result = cli(*args, ok=False)
    assert result.exit_code == code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0] and value in lines[0], result.stderr
    assert sql("SELECT count(*) FROM diary_entry") == [(0,)]


def test_refusals_write_nothing(cli, park, sql):
    _refused(
        cli,
        sql,
        ("diary", "add", "-s", "S001", "--date", "2099-01-01", "x"),
        "--date",
        "2099-01-01",
    )
    _refused(cli, sql, ("diary", "add", "-s", "S001", "--date", "2026-11-01", "  "), "TEXT", "")
    _refused(cli, sql, ("diary", "add", "-s", "S999", "x"), "--supervisor", "S999")
    # 张伟 is the name of two supervisors.
    _refused(cli, sql, ("diary", "add", "-s", "张伟", "x"), "--supervisor", "张伟")
    _refused(
        cli,
        sql,
        ("diary", "add", "-s", "S001", "--date", "2026-13-01", "x"),
        "--date",
        "2026-13-01",
        code=2,
    )


def test_list_refuses_bad_month_and_unknown_supervisor(cli, park):
    bad = cli("diary", "list", "-s", "S001", "--month", "2026-13", ok=False)
    assert bad.exit_code == 2 and "2026-13" in bad.stderr
    unknown = cli("diary", "list", "-s", "nobody", ok=False)
    assert unknown.exit_code == 1 and "--supervisor" in unknown.stderr
