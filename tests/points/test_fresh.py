"""Point entries are right the moment a write commits: imports, corrections, register
changes; `db check` names any stored entry a derivation from nothing would not give.

Rules: the test's own file of test_points_cli (problem-collected 1, at most 2 a month;
problem-solved 3; activity 2, lecture 3, at most 5 a month). Figures by hand, entries read
with plain SQL before any points command runs.
"""

from __future__ import annotations

import json

from tests.points.test_points_cli import E1, rules_file  # noqa: F401  (the fixture)

HEAD = "企业,指导员,问题描述,提出日期,状态,办结日期,解决情况,办结人\n"
FIRM = "合肥芯联微电子有限公司"


def entries(sql, rule: str) -> list[tuple]:
    return sql(
        "SELECT s.code, CAST(e.date AS TEXT), e.points FROM point_entry e "
        "JOIN supervisor s ON s.id = e.supervisor_id WHERE e.rule = ? ORDER BY e.date, s.code",
        rule,
    )


def imported(cli, tmp_path, kind: str, text: str) -> None:
    path = tmp_path / f"{kind}.csv"
    path.write_text(text, encoding="utf-8")
    cli("import", kind, str(path))


def check(cli) -> dict:
    result = cli("db", "check", "--format", "json", ok=False)
    return {f["check"]: f for f in json.loads(result.stdout)}["points"]


def test_a_problems_import_moves_solved_points_at_once(cli, park, rules_file, sql, tmp_path):  # noqa: F811
    row = f"{FIRM},S001,门禁故障,2025-12-01,solved,2025-12-10,已修复,S002\n"
    imported(cli, tmp_path, "problems", HEAD + row)
    assert entries(sql, "problem-solved") == [("S002", "2025-12-10", 3)]
    assert entries(sql, "problem-collected") == [("S001", "2025-12-01", 1)]
    # Re-dated and solved by someone else: the entry follows before any read.
    row = f"{FIRM},S001,门禁故障,2025-12-01,solved,2026-01-05,已修复,S004\n"
    imported(cli, tmp_path, "problems", HEAD + row)
    assert entries(sql, "problem-solved") == [("S004", "2026-01-05", 3)]
    assert check(cli)["ok"] is True
    # Collected by another supervisor, then reopened: no solved entry is left.
    row = f"{FIRM},S003,门禁故障,2025-12-01,open,,,\n"
    imported(cli, tmp_path, "problems", HEAD + row)
    assert entries(sql, "problem-solved") == []
    assert entries(sql, "problem-collected") == [("S003", "2025-12-01", 1)]
    assert check(cli)["ok"] is True
    shown = json.loads(cli("points", "show", "--month", "2025-12", "-f", "json").stdout)
    assert {r["supervisor"]: r["total"] for r in shown if r["total"]} == {"S003": 1}


def test_an_activities_import_that_changes_the_kind_changes_the_points(
    cli,
    park,
    rules_file,  # noqa: F811
    sql,
    tmp_path,
):
    head = "活动名称,指导员,活动日期,活动类型\n"
    imported(cli, tmp_path, "activities", head + "讲座,S001,2025-05-03,other\n")
    imported(cli, tmp_path, "activities", head + "讲座二,S001,2025-05-04,lecture\n")
    imported(cli, tmp_path, "activities", head + "讲座三,S001,2025-05-05,lecture\n")
    # 2 + 3 = 5, the third capped at 0 (cap 5 a month).
    assert entries(sql, "activity") == [
        ("S001", "2025-05-03", 2),
        ("S001", "2025-05-04", 3),
        ("S001", "2025-05-05", 0),
    ]
    imported(cli, tmp_path, "activities", head + "讲座,S001,2025-05-03,lecture\n")
    # 3 + 2 of the second's 3 (the cap), then nothing.
    assert entries(sql, "activity") == [
        ("S001", "2025-05-03", 3),
        ("S001", "2025-05-04", 2),
        ("S001", "2025-05-05", 0),
    ]
    assert check(cli)["ok"] is True


def test_welfare_points_stay_with_the_supervisor_of_the_completion_day(park, cli, sql):
    # Default rules: a completed claim earns 2 points for the contact supervisor (S001).
    cli("welfare", "project-add", "项目1")
    cli("welfare", "claim", "项目1", "-e", E1, "--date", "2026-06-01")
    cli("welfare", "complete", "1", "--date", "2026-06-02", "--participants", "10")
    cli("points", "show", "--month", "2026-06")
    assert entries(sql, "welfare") == [("S001", "2026-06-02", 2)]
    cli("enterprise", "update", E1, "--supervisor", "S003")
    cli("points", "show")
    cli("points", "recompute", "--from", "2026-01-01")
    assert entries(sql, "welfare") == [("S001", "2026-06-02", 2)]
    assert check(cli)["ok"] is True


def test_db_check_names_an_entry_a_fresh_derivation_would_not_give(cli, park, rules_file, sql):  # noqa: F811
    cli("visit", "add", "-s", "S001", "-e", E1, "--date", "2025-03-02")
    cli("points", "show")
    assert check(cli)["ok"] is True
    sql("UPDATE point_entry SET points = 7 WHERE rule = 'visit'")
    found = check(cli)
    assert found["ok"] is False
    (problem,) = found["problems"]
    assert "visit" in problem and "S001 2025-03-02 7" in problem and "S001 2025-03-02 1" in problem
    # The check wrote nothing: the bad entry is still there for the station to see.
    assert sql("SELECT points FROM point_entry WHERE rule = 'visit'") == [(7,)]


def test_problem_solve_earns_its_points_in_its_own_transaction(cli, park, rules_file, sql):  # noqa: F811
    cli("visit", "add", "-s", "S001", "-e", FIRM, "--date", "2025-12-01", "--problem", "漏水")
    pid = sql("SELECT id FROM problem WHERE description = '漏水'")[0][0]
    cli("problem", "solve", str(pid), "--note", "已修复", "--date", "2025-12-03")
    # No read in between: the entry is there, and a derivation from nothing agrees.
    assert entries(sql, "problem-solved") == [("S001", "2025-12-03", 3)]
    assert check(cli)["ok"] is True
