"""The points scheme through the CLI: expected points derived by hand for small ledgers.

The park fixture (conftest.py): S001 张伟 and S002 李娜 in 第一指导组, S003 张伟 and S004 王芳 in
第二指导组; enterprises 合肥芯联 (S001), 江淮新能源 (S002), 绿源环保 (S003), 数智云 (S004).
Rules here are the test's own file (RULES below), so every figure can be worked out by hand.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

RULES = """
[visit_classes]
monthly = 1
quarterly = 3

[[ruleset]]
effective = 2025-01-01
name = "t1"

[ruleset.rules.visit]
area = "problems"
points = 1
cap = 1
cap_per = "enterprise-month"

[ruleset.rules.problem-collected]
area = "problems"
points = 1
cap = 2
cap_per = "month"

[ruleset.rules.problem-solved]
area = "problems"
points = 3

[ruleset.rules.activity]
area = "activities"
points = 2
cap = 5
cap_per = "month"
kinds = { lecture = 3 }

[ruleset.rules.award]
area = "effectiveness"
points = 2
kinds = { party-org-founded = 10 }

[ruleset.subsidy]
min_visits = 2
base = "100.00"
per_visit = "10.00"
per_point = "3.33"
cap = "200.00"

[[ruleset.rewards]]
tier = "一等奖"
up_to_rank = 1
amount = "500.00"
min_points = 1

[[ruleset.rewards]]
tier = "二等奖"
up_to_rank = 3
amount = "300.50"
min_points = 1
"""

# A second rule set from 2025-07-01: a visit is worth 2, up to 2 per enterprise a month.
SECOND_SET = """
[[ruleset]]
effective = 2025-07-01
name = "t2"

[ruleset.rules.visit]
area = "problems"
points = 2
cap = 2
cap_per = "enterprise-month"
"""

E1, E2, E3, E4 = "合肥芯联", "江淮新能源", "绿源环保", "数智云"


@pytest.fixture
def rules_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "station-rules.toml"
    path.write_text(RULES, encoding="utf-8")
    monkeypatch.setenv("GRIDCTL_RULES", str(path))
    return path


def visit(cli, who: str, firm: str, day: str, *problems: str) -> None:
    args = ["visit", "add", "-s", who, "-e", firm, "--date", day]
    for p in problems:
        args += ["--problem", p]
    cli(*args)


def show(cli, *args: str) -> dict[str, dict]:
    rows = json.loads(cli("points", "show", *args, "--format", "json").stdout)
    return {r["supervisor"]: r for r in rows}


def refused(cli, *args: str, code: int = 1) -> str:
    result = cli(*args, ok=False)
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]


# --- visits and caps ------------------------------------------------------------------------


def test_visit_points_capped_per_enterprise_per_month(cli, park, rules_file):
    visit(cli, "S001", E1, "2025-03-01")
    visit(cli, "S001", E1, "2025-03-31")  # same enterprise, same month: capped
    visit(cli, "S001", E2, "2025-03-15")  # another enterprise: its own point
    visit(cli, "S001", E1, "2025-04-01")  # next month: a new window
    march, april = show(cli, "--month", "2025-03"), show(cli, "--month", "2025-04")
    assert march["S001"]["problems"] == 2 and march["S001"]["total"] == 2
    assert april["S001"]["total"] == 1
    assert show(cli)["S001"]["total"] == 3
    entries = json.loads(
        cli("points", "explain", "S001", "--month", "2025-03", "--format", "json").stdout
    )
    assert [(e["date"], e["points"]) for e in entries] == [
        ("2025-03-01", 1),
        ("2025-03-15", 1),
        ("2025-03-31", 0),
    ]
    assert entries[2]["note"].startswith("capped")
    assert entries[0]["record"].startswith("visit ") and entries[0]["detail"].startswith(E1)


def test_problems_collected_capped_and_solved_credited_to_solver(cli, park, rules_file, sql):
    visit(cli, "S002", E2, "2025-03-03", "缺少活动场地", "招聘难", "融资难")
    (p1,) = sql("SELECT min(id) FROM problem")[0]
    cli("problem", "solve", str(p1), "--note", "已协调", "--by", "S001", "--date", "2025-04-02")
    march, april = show(cli, "--month", "2025-03"), show(cli, "--month", "2025-04")
    # S002: 1 visit point + 3 problems collected, capped at 2 a month = 3.
    assert march["S002"]["problems"] == 3
    # S001 solved one in April: 3 points, in April only.
    assert march["S001"]["total"] == 0 and april["S001"]["problems"] == 3
    # Running sync again adds nothing.
    before = sql("SELECT count(*) FROM point_entry")
    show(cli)
    assert sql("SELECT count(*) FROM point_entry") == before == [(5,)]


def test_activity_points_by_kind_and_monthly_cap(cli, park, rules_file):
    cli("activity", "add", "党课", "-s", "S003", "--date", "2025-05-06", "--kind", "党课")
    cli("activity", "add", "志愿服务", "-s", "S003", "--date", "2025-05-07", "--kind", "volunteer")
    cli("activity", "add", "培训", "-s", "S003", "--date", "2025-05-08", "--kind", "training")
    cli("activity", "add", "培训二", "-s", "S003", "--date", "2025-06-01", "--kind", "training")
    # May: 3 + 2 + 2 = 7, capped at 5; June: 2.
    assert show(cli, "--month", "2025-05")["S003"]["activities"] == 5
    assert show(cli, "--month", "2025-06")["S003"]["activities"] == 2
    assert show(cli, "--quarter", "2025Q2")["S003"]["total"] == 7


def test_award_earns_effectiveness_points(cli, park, rules_file, sql, actor):
    out = cli(
        "points",
        "award",
        "S004",
        "--kind",
        "新建党组织",
        "--date",
        "2025-03-05",
        "--enterprise",
        E4,
        "--reason",
        "指导成立联合党支部",
    ).stdout
    assert "award 1" in out
    cli("points", "award", "S004", "--kind", "brand", "--date", "2025-03-06", "--reason", "品牌")
    assert show(cli, "--month", "2025-03")["S004"]["effectiveness"] == 12
    assert sql("SELECT recorded_by FROM effectiveness_award") == [(actor,), (actor,)]


# --- effective dates, rule changes, recompute ------------------------------------------------


def test_rule_set_takes_effect_on_its_date(cli, park, rules_file):
    rules_file.write_text(RULES + SECOND_SET, encoding="utf-8")
    visit(cli, "S001", E1, "2025-06-30")  # last day of t1: 1 point
    visit(cli, "S001", E1, "2025-07-01")  # first day of t2: 2 points
    visit(cli, "S001", E1, "2025-07-02")  # cap 2 per enterprise-month reached: 0
    assert show(cli, "--month", "2025-06")["S001"]["total"] == 1
    assert show(cli, "--month", "2025-07")["S001"]["total"] == 2
    rules = json.loads(cli("points", "rules", "--date", "2025-06-30", "--format", "json").stdout)
    assert rules["effective"] == "2025-01-01" and rules["source"] == str(rules_file)
    rules = json.loads(cli("points", "rules", "--date", "2025-07-01", "--format", "json").stdout)
    assert rules["effective"] == "2025-07-01" and rules["rule_sets"] == ["2025-01-01", "2025-07-01"]


def test_rule_change_needs_recompute_and_changes_exactly_what_it_should(cli, park, rules_file, sql):
    visit(cli, "S001", E1, "2025-05-10")
    visit(cli, "S001", E2, "2025-05-20")
    visit(cli, "S002", E2, "2025-06-03")
    show(cli)
    before = dict(sql("SELECT record_id, points FROM point_entry WHERE rule = 'visit'"))
    assert sorted(before.values()) == [1, 1, 1]
    # The station raises a visit to 4 points (cap 4) in the rule set of 2025-01-01.
    rules_file.write_text(
        RULES.replace("points = 1\ncap = 1\n", "points = 4\ncap = 4\n"), encoding="utf-8"
    )
    assert show(cli)["S001"]["total"] == 2  # without recompute, old entries stay
    assert dict(sql("SELECT record_id, points FROM point_entry WHERE rule = 'visit'")) == before
    out = cli("points", "recompute", "--from", "2025-05-15").stdout
    assert "2 entries removed, 2 derived" in out
    after = dict(sql("SELECT record_id, points FROM point_entry WHERE rule = 'visit'"))
    (v1,), (v2,), (v3,) = sql("SELECT id FROM visit ORDER BY date")
    assert after == {v1: 1, v2: 4, v3: 4}  # before 2025-05-15 untouched
    assert show(cli)["S001"]["total"] == 5 and show(cli)["S002"]["total"] == 4


def test_recompute_is_deterministic(cli, park, rules_file, sql):
    visit(cli, "S001", E1, "2025-03-20")
    show(cli)
    visit(cli, "S001", E1, "2025-03-02")  # backdated after the first sync: capped
    show(cli)
    first = sql("SELECT record_id, points FROM point_entry ORDER BY record_id")
    cli("points", "recompute", "--from", "2025-01-01")
    again = sql("SELECT record_id, points FROM point_entry ORDER BY record_id")
    # The window's total is the same; after recompute the earlier visit carries the point.
    assert sum(p for _, p in first) == sum(p for _, p in again) == 1
    (early,) = sql("SELECT id FROM visit WHERE date = '2025-03-02'")[0]
    assert dict(again)[early] == 1


# --- adjustments, ranks, explain -------------------------------------------------------------


def adjust(cli, who: str, points: str, area: str = "problems", day: str = "2025-03-10"):
    return cli("points", "adjust", who, points, "--area", area, "--reason", "测试", "--date", day)


def test_adjustment_recorded_with_who_and_negative_points(cli, park, rules_file, sql, actor):
    visit(cli, "S001", E1, "2025-03-01")
    out = adjust(cli, "S001", "-2", "activities").stdout
    assert "-2" in out
    row = show(cli, "--month", "2025-03")["S001"]
    assert (row["problems"], row["activities"], row["total"]) == (1, -2, -1)
    assert sql("SELECT points, reason, recorded_by FROM point_adjustment") == [(-2, "测试", actor)]


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        (("S001", "2", "--area", "problems", "--reason", " "), 1, "--reason"),
        (("S001", "2", "--area", "problems"), 2, "--reason"),
        (("S001", "2", "--area", "fun", "--reason", "x"), 1, "--area"),
        (("S999", "2", "--area", "problems", "--reason", "x"), 1, "S999"),
        (("S001", "0", "--area", "problems", "--reason", "x"), 1, "POINTS"),
        (("S001", "abc", "--area", "problems", "--reason", "x"), 2, "POINTS"),
        (("S001", "1.234", "--area", "problems", "--reason", "x"), 2, "POINTS"),
        (("S001", "2", "--area", "problems", "--reason", "x", "--date", "2025-13-01"), 2, "date"),
    ],
)
def test_adjustment_refusals(cli, park, rules_file, sql, args, code, field):
    line = refused(cli, "points", "adjust", *args, code=code)
    assert field in line
    assert sql("SELECT count(*) FROM point_adjustment") == [(0,)]


def test_ranks_share_ties_and_group_ranks_within(cli, park, rules_file):
    adjust(cli, "S001", "3")
    adjust(cli, "S002", "3")
    adjust(cli, "S003", "1")
    rows = json.loads(cli("points", "show", "--month", "2025-03", "--format", "json").stdout)
    assert [(r["supervisor"], r["total"], r["rank"]) for r in rows] == [
        ("S001", 3, 1),
        ("S002", 3, 1),
        ("S003", 1, 3),
        ("S004", 0, 4),
    ]
    assert list(rows[0]) == [
        "supervisor",
        "name",
        "group",
        "problems",
        "activities",
        "effectiveness",
        "total",
        "rank",
    ]
    group2 = show(cli, "--month", "2025-03", "--group", "第二指导组")
    assert {k: v["rank"] for k, v in group2.items()} == {"S003": 1, "S004": 2}


def test_explain_totals_equal_show(cli, park, rules_file):
    visit(cli, "S001", E1, "2025-03-01", "问题一", "问题二", "问题三")
    visit(cli, "S001", E1, "2025-03-09")
    cli("activity", "add", "党课", "-s", "S001", "--date", "2025-03-12", "--kind", "lecture")
    adjust(cli, "S001", "0.5", "effectiveness")
    for period in (("--month", "2025-03"), ("--quarter", "2025Q1"), ()):
        total = show(cli, *period)["S001"]["total"]
        entries = json.loads(cli("points", "explain", "S001", *period, "--format", "json").stdout)
        assert sum(Decimal(str(e["points"])) for e in entries) == Decimal(str(total))
    # By hand: visit 1 (+0 capped) + problems 2 (cap) + lecture 3 + adjustment 0.5 = 6.5.
    assert show(cli, "--month", "2025-03")["S001"]["total"] == 6.5
    table = cli("points", "explain", "S001", "--month", "2025-03").stdout
    assert "Total: 6.5" in table


def test_period_and_supervisor_refusals(cli, park, rules_file):
    assert "--month" in refused(cli, "points", "show", "--month", "2025-13", code=2)
    assert "--quarter" in refused(cli, "points", "show", "--quarter", "2025Q5", code=2)
    refused(cli, "points", "show", "--month", "2025-03", "--quarter", "2025Q1", code=2)
    assert "S999" in refused(cli, "points", "explain", "S999")
    assert "第九组" in refused(cli, "points", "show", "--group", "第九组")
    refused(cli, "points", "subsidy", code=2)
    assert "--from" in refused(cli, "points", "recompute", "--from", "yesterday", code=2)
    assert "--kind" in refused(
        cli, "points", "award", "S001", "--kind", "gold", "--date", "2025-03-01", "--reason", "x"
    )


# --- subsidies and rewards ------------------------------------------------------------------


def test_monthly_subsidy_by_hand_to_the_cent(cli, park, rules_file):
    # S001: 3 visits to 3 enterprises (3 points) + 0.5 adjustment = 3.5 points.
    #   100 + 10*3 + 3.33*3.5 = 141.655 -> 141.66 (ROUND_HALF_UP; half-even gives the same
    #   here, so S002 checks the half: 100 + 10*2 + 3.33*1.5 = 124.995 -> 125.00, not 124.99).
    for firm in (E1, E2, E3):
        visit(cli, "S001", firm, "2025-03-05")
    adjust(cli, "S001", "0.5")
    visit(cli, "S002", E1, "2025-03-06")
    visit(cli, "S002", E1, "2025-03-07")  # capped: 0 points, but a visit
    adjust(cli, "S002", "0.5")
    # S003: 1 visit (below min_visits 2): 0. S004: 10 visits, 10 points: 100+100+33.3 -> cap 200.
    visit(cli, "S003", E3, "2025-03-05")
    for day in range(1, 11):
        cli("activity", "add", f"活动{day}", "-s", "S004", "--date", f"2025-03-{day:02d}")
        visit(cli, "S004", E4, f"2025-03-{day:02d}")
    rows = json.loads(cli("points", "subsidy", "--month", "2025-03", "--format", "json").stdout)
    got = {r["supervisor"]: (r["visits"], r["subsidy"]) for r in rows}
    assert got == {
        "S001": (3, "141.66"),
        "S002": (2, "125.00"),
        "S003": (1, "0.00"),
        "S004": (10, "200.00"),
    }
    assert sum(Decimal(r["amount"]) for r in rows) == Decimal("466.66")
    table = cli("points", "subsidy", "--month", "2025-03").stdout
    assert "466.66" in table


def test_quarter_subsidy_and_reward_tiers(cli, park, rules_file):
    # January: S001 2 visits (2 points): 100 + 20 + 6.66 = 126.66. February: S001 2 visits to
    # one enterprise (1 point): 100 + 20 + 3.33 = 123.33. S002 2 visits in March, 2 points:
    # 126.66. S003 one award 10 points, no visits: subsidy 0.
    visit(cli, "S001", E1, "2025-01-05")
    visit(cli, "S001", E2, "2025-01-06")
    visit(cli, "S001", E1, "2025-02-05")
    visit(cli, "S001", E1, "2025-02-06")
    visit(cli, "S002", E1, "2025-03-05")
    visit(cli, "S002", E2, "2025-03-06")
    cli("points", "award", "S003", "--kind", "party-org-founded", "--date", "2025-02-01",
        "--reason", "新建党支部")  # fmt: skip
    rows = json.loads(cli("points", "subsidy", "--quarter", "2025Q1", "--format", "json").stdout)
    got = {
        r["supervisor"]: (r["points"], r["rank"], r["subsidy"], r["reward_tier"], r["reward"])
        for r in rows
    }
    assert got == {
        "S003": (10, 1, "0.00", "一等奖", "500.00"),
        "S001": (3, 2, "249.99", "二等奖", "300.50"),
        "S002": (2, 3, "126.66", "二等奖", "300.50"),
        "S004": (0, 4, "0.00", "", "0.00"),
    }
    amounts = [Decimal(r["amount"]) for r in rows]
    assert sum(amounts) == Decimal("1477.65")  # 500 + 550.49 + 427.16 + 0


# --- the rules file -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("this is = not toml [", "not valid TOML"),
        ("[visit_classes]\nmonthly = 1\n", "ruleset"),
        (RULES.replace('area = "activities"', 'area = "fun"'), "rules.activity.area"),
        (RULES.replace("points = 3\n", "points = 3.333\n"), "problem-solved.points"),
        (
            RULES.replace('cap_per = "month"\nkinds', 'cap_per = "enterprise-month"\nkinds'),
            "cap_per",
        ),
        (RULES.replace("effective = 2025-01-01", 'effective = "soon"'), "effective"),
        (RULES.replace('base = "100.00"', 'base = "-1"'), "subsidy.base"),
        (RULES.replace("lecture = 3", "dance = 3"), "dance"),
        (RULES + RULES.split("[visit_classes]\nmonthly = 1\nquarterly = 3\n")[1], "unique"),
    ],
)
def test_bad_rules_file_is_refused_in_one_line(cli, park, rules_file, text, needle):
    rules_file.write_text(text, encoding="utf-8")
    for args in (("points", "show"), ("points", "rules")):
        line = refused(cli, *args)
        assert str(rules_file) in line and needle in line


def test_missing_rules_file_is_refused(cli, park, monkeypatch, tmp_path):
    monkeypatch.setenv("GRIDCTL_RULES", str(tmp_path / "nowhere.toml"))
    assert "GRIDCTL_RULES" in refused(cli, "points", "show")


def test_rules_next_to_the_ledger_then_default(cli, park, db_path):
    assert "(built-in)" in cli("points", "rules").stdout
    beside = db_path.parent / "rules.toml"
    beside.write_text(RULES, encoding="utf-8")
    assert str(beside) in cli("points", "rules").stdout
    doc = json.loads(cli("points", "rules", "--format", "json", "--date", "2025-02-01").stdout)
    assert doc["visit_classes"] == {"monthly": 1, "quarterly": 3}
    assert doc["subsidy"]["per_point"] == "3.33"


def test_default_rules_are_valid_and_expose_visit_classes():
    from gridctl.points import rules

    found = rules.load()
    assert found.visit_classes == {"monthly": 1, "quarterly": 3}
    assert set(found.sets[0].rules) == set(rules.RULES)


# --- the notice -----------------------------------------------------------------------------


def test_notice(cli, park, rules_file, sql):
    visit(cli, "S001", E1, "2025-02-28", "超过30天")  # 31 days before 03-31: listed
    visit(cli, "S001", E2, "2025-03-01", "正好30天")  # 30 days: not yet
    visit(cli, "S002", E2, "2025-02-01", "三月后才解决", "三月中已解决")
    ids = [i for (i,) in sql("SELECT id FROM problem WHERE description LIKE '三月%' ORDER BY id")]
    cli("problem", "solve", str(ids[0]), "--note", "ok", "--date", "2025-04-10")
    cli("problem", "solve", str(ids[1]), "--note", "ok", "--date", "2025-03-15")
    adjust(cli, "S003", "1")
    text = cli("points", "notice", "--month", "2025-03").stdout
    assert text.startswith("Points notice, 2025-03\n")
    # March by hand: S002 solved a problem (3); S001 a visit and a problem collected (2);
    # S003 an adjustment (1); S004 nothing.
    assert "\n1. S002 李娜 (第一指导组): 3 points (problems 3, activities 0" in text
    assert "\n2. S001 张伟 (第一指导组): 2 points" in text
    assert "第一指导组: top S002 李娜 (3); bottom S001 张伟 (2)" in text
    assert "第二指导组: top S003 张伟 (1); bottom S004 王芳 (0)" in text
    no_visit = text.split("Supervisors with no visit this month: ")[1].split("\n\n")[0]
    assert no_visit.startswith("3\n") and "S002" in no_visit and "S001" not in no_visit
    overdue = text.split("Problems open on 2025-03-31 for more than 30 days: 2")[1]
    assert "超过30天" in overdue and "三月后才解决" in overdue
    assert "正好30天" not in overdue and "三月中已解决" not in overdue


def test_notice_in_chinese(cli, park, rules_file, monkeypatch):
    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    visit(cli, "S001", E1, "2025-03-01")
    text = cli("points", "notice", "--month", "2025-03").stdout
    assert "2025-03 党建指导员积分通报" in text and "一、积分排名" in text
