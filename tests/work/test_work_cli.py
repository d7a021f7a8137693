"""Visits and problems through the CLI; figures checked with plain SQL."""

import json
from datetime import date


def error_line(result):
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_visit_add_defaults_to_today_and_routine(park, cli, sql):
    r = cli("visit", "add", "-s", "S001", "-e", "芯联", "--notes", "了解党员发展情况")
    assert r.stdout == f"Recorded visit 1 on {date.today().isoformat()}\n"
    assert sql(
        "SELECT v.date, v.category, v.notes, v.source, s.code, e.name FROM visit v "
        "JOIN supervisor s ON s.id = v.supervisor_id "
        "JOIN enterprise e ON e.id = v.enterprise_id"
    ) == [
        (
            date.today().isoformat(),
            "routine",
            "了解党员发展情况",
            "cli",
            "S001",
            "合肥芯联微电子有限公司",
        )
    ]


def test_visit_with_problems_opens_each(park, cli, sql):
    r = cli(
        "visit",
        "add",
        "--supervisor",
        "李娜",
        "--enterprise",
        "914403001922038216",
        "--date",
        "2026-10-12",
        "--category",
        "问题回访",
        "--problem",
        "招工难，缺少技术工人",
        "--problem",
        "党建活动场地不足",
    )
    assert r.stdout.splitlines() == [
        "Recorded visit 1 on 2026-10-12",
        "Opened problem 1: 招工难，缺少技术工人",
        "Opened problem 2: 党建活动场地不足",
    ]
    assert sql("SELECT description, status, opened, visit_id FROM problem ORDER BY id") == [
        ("招工难，缺少技术工人", "open", "2026-10-12", 1),
        ("党建活动场地不足", "open", "2026-10-12", 1),
    ]
    assert sql("SELECT category FROM visit") == [("follow-up",)]


def test_visit_refusals_write_nothing(park, cli, sql):
    cases = [
        (["-s", "S999", "-e", "芯联"], 1, ["--supervisor", "S999"]),
        (["-s", "张伟", "-e", "芯联"], 1, ["--supervisor", "S001 张伟", "S003 张伟"]),
        (["-s", "S001", "-e", "不存在的公司"], 1, ["--enterprise", "不存在的公司"]),
        (["-s", "S001", "-e", "芯联", "--date", "2026-02-30"], 2, ["--date", "2026-02-30"]),
        (["-s", "S001", "-e", "芯联", "--date", "20261001"], 2, ["--date", "YYYY-MM-DD"]),
        (["-s", "S001", "-e", "芯联", "--date", "2999-01-01"], 1, ["--date", "future"]),
        (["-s", "S001", "-e", "芯联", "--category", "聊天"], 1, ["--category", "聊天", "routine"]),
        (["-s", "S001", "-e", "芯联", "--problem", "  "], 1, ["--problem", "empty"]),
        (["-e", "芯联"], 2, ["--supervisor"]),
    ]
    for args, code, needles in cases:
        r = cli("visit", "add", *args, ok=False)
        assert r.exit_code == code, (args, r.stderr)
        line = error_line(r)
        for needle in needles:
            assert needle in line, (args, line)
    assert sql("SELECT count(*) FROM visit") == [(0,)]
    assert sql("SELECT count(*) FROM problem") == [(0,)]


def test_same_visit_twice_is_a_conflict(park, cli, sql):
    cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-10-01")
    r = cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-10-01", ok=False)
    assert r.exit_code == 1
    assert "already records" in error_line(r)
    cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-10-01", "--category", "policy")
    assert sql("SELECT count(*) FROM visit") == [(2,)]


def add_visits(cli):
    cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-09-30", "--notes", "九月")
    cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-10-01", "--notes", "十月初")
    cli("visit", "add", "-s", "S002", "-e", "江淮", "--date", "2026-10-31", "--notes", "十月底")
    cli("visit", "add", "-s", "S003", "-e", "绿源", "--date", "2026-10-15")
    cli("visit", "add", "-s", "S004", "-e", "数智云", "--date", "2026-11-01")


def test_visit_list_filters(park, cli, sql):
    add_visits(cli)
    rows = json.loads(cli("visit", "list", "--month", "2026-10", "-f", "json").stdout)
    # Newest first.
    assert [(r["date"], r["supervisor"]) for r in rows] == [
        ("2026-10-31", "S002"),
        ("2026-10-15", "S003"),
        ("2026-10-01", "S001"),
    ]
    assert set(rows[0]) >= {
        "id",
        "supervisor",
        "enterprise",
        "credit_code",
        "date",
        "category",
        "notes",
    }
    assert rows[-1]["enterprise"] == "合肥芯联微电子有限公司"
    assert rows[-1]["credit_code"] == "91440300708461136T"
    expected = sql(
        "SELECT count(*) FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
        "JOIN guidance_group g ON g.id = s.group_id "
        "WHERE g.name = '第一指导组' AND v.date BETWEEN '2026-10-01' AND '2026-10-31'"
    )
    rows = json.loads(
        cli("visit", "list", "--month", "2026-10", "--group", "第一指导组", "-f", "json").stdout
    )
    assert len(rows) == expected[0][0] == 2
    rows = json.loads(cli("visit", "list", "-e", "芯联", "-f", "json").stdout)
    assert [r["notes"] for r in rows] == ["十月初", "九月"]
    rows = json.loads(cli("visit", "list", "-s", "王芳", "-f", "json").stdout)
    assert [r["date"] for r in rows] == ["2026-11-01"]


def test_visit_list_bad_month_is_usage_error(park, cli):
    r = cli("visit", "list", "--month", "2026-13", ok=False)
    assert r.exit_code == 2
    assert "use YYYY-MM" in error_line(r)


def test_csv_output_neutralises_formulas(park, cli):
    cli(
        "visit",
        "add",
        "-s",
        "S001",
        "-e",
        "芯联",
        "--date",
        "2026-10-01",
        "--notes",
        '=HYPERLINK("http://x","y")',
    )
    out = cli("visit", "list", "-f", "csv").stdout.splitlines()
    assert out[1].endswith(',"\'=HYPERLINK(""http://x"",""y"")",cli')


def test_table_output_shows_chinese_labels(park, cli, monkeypatch):
    add_visits(cli)
    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    out = cli("visit", "list", "--month", "2026-10").stdout
    assert "走访类型" in out and "日常走访" in out and "十月初" in out


def test_problem_list_solve_and_close(park, cli, sql):
    cli(
        "visit",
        "add",
        "-s",
        "S001",
        "-e",
        "芯联",
        "--date",
        "2026-10-01",
        "--problem",
        "融资难",
        "--problem",
        "缺场地",
    )
    rows = json.loads(cli("problem", "list", "--status", "open", "-f", "json").stdout)
    assert [
        (r["id"], r["supervisor"], r["enterprise"], r["description"], r["status"], r["opened"])
        for r in rows
    ] == [
        # Newest first: opened the same day, the later id first.
        (2, "S001", "合肥芯联微电子有限公司", "缺场地", "open", "2026-10-01"),
        (1, "S001", "合肥芯联微电子有限公司", "融资难", "open", "2026-10-01"),
    ]
    r = cli("problem", "solve", "1", "--note", "对接科技贷", "--date", "2026-10-20", "--by", "S002")
    assert r.stdout == "Problem 1 solved on 2026-10-20\n"
    cli("problem", "close", "2", "--note", "企业不再需要", "--date", "2026-10-21")
    assert sql(
        "SELECT p.id, p.status, p.closed_on, p.resolution, s.code FROM problem p "
        "JOIN supervisor s ON s.id = p.resolved_by_id ORDER BY p.id"
    ) == [
        (1, "solved", "2026-10-20", "对接科技贷", "S002"),
        (2, "closed", "2026-10-21", "企业不再需要", "S001"),
    ]
    assert json.loads(cli("problem", "list", "--status", "open", "-f", "json").stdout) == []
    solved = json.loads(cli("problem", "list", "--status", "已解决", "-f", "json").stdout)
    assert [p["id"] for p in solved] == [1]


def test_problem_refusals(park, cli, sql):
    cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-10-01", "--problem", "融资难")
    cases = [
        (["solve", "9", "--note", "x"], 1, ["ID", "9"]),
        (["solve", "1", "--note", " "], 1, ["--note"]),
        (["solve", "1", "--note", "x", "--date", "2026-09-01"], 1, ["--date", "2026-10-01"]),
        (["solve", "1", "--note", "x", "--by", "S999"], 1, ["--by", "S999"]),
        (["solve", "abc", "--note", "x"], 2, ["abc"]),
        (["solve", "1"], 2, ["--note"]),
        (["list", "--status", "pending"], 1, ["--status", "pending"]),
    ]
    for args, code, needles in cases:
        r = cli("problem", *args, ok=False)
        assert r.exit_code == code, (args, r.stderr)
        line = error_line(r)
        for needle in needles:
            assert needle in line, (args, line)
    assert sql("SELECT status, closed_on FROM problem") == [("open", None)]
    cli("problem", "solve", "1", "--note", "解决了", "--date", "2026-10-02")
    r = cli("problem", "solve", "1", "--note", "again", ok=False)
    assert r.exit_code == 1 and "already solved" in error_line(r)


def test_dossier_holds_visits_and_problems(park, cli):
    cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-10-01", "--problem", "融资难")
    cli("visit", "add", "-s", "S002", "-e", "芯联", "--date", "2026-10-05", "--notes", "回访")
    rec = json.loads(cli("enterprise", "show", "合肥芯联微电子有限公司", "-f", "json").stdout)
    assert rec["grid"] == "G1-1" and rec["level1_grid"] == "G1"
    assert rec["party_org"] == "branch" and rec["members"] == 12 and rec["core"] is True
    assert [v["date"] for v in rec["visits"]] == ["2026-10-01", "2026-10-05"]
    assert [p["description"] for p in rec["problems"]] == ["融资难"]


def test_database_constraints_hold_without_python(park, sql, db_path):
    """The checks live in the ledger too: a raw insert that breaks them is refused."""
    import sqlite3

    con = sqlite3.connect(db_path)
    con.execute("PRAGMA foreign_keys=ON")
    bad = [
        "INSERT INTO supervisor (code, name, kind, group_id, active) VALUES ('X', 'x', 'temp', 1, 1)",
        "INSERT INTO supervisor (code, name, kind, group_id, active) VALUES ('X', 'x', 'full-time', 99, 1)",
        "INSERT INTO grid (code, name, level, parent_id) VALUES ('X', 'x', 2, NULL)",
        "INSERT INTO enterprise (name, grid_id, party_org, members, is_core, status, created_at)"
        " VALUES ('y', 3, 'none', -1, 0, 'active', '2026-01-01')",
    ]
    for statement in bad:
        try:
            con.execute(statement)
        except sqlite3.IntegrityError:
            continue
        raise AssertionError(f"accepted: {statement}")
    con.close()
