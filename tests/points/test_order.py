"""Caps fill in record-date order, however the records arrived; a recompute changes nothing.

Rules here: a collected problem is worth 1 point, at most 3 a quarter; visits earn nothing
(0 points), so a supervisor's total is the problems' share of the quarter's cap.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

RULES = """
[visit_classes]
monthly = 1

[[ruleset]]
effective = 2025-01-01
name = "order"

[ruleset.rules.visit]
area = "problems"
points = 0

[ruleset.rules.problem-collected]
area = "problems"
points = 1
cap = 3
cap_per = "quarter"
"""

# Q4 2025, by date: Oct 1, Nov 2 (cap reached after the second), Dec 0.
DAYS = ("2025-11-10", "2025-11-20", "2025-12-01", "2025-10-05")
BY_HAND = {"2025-10": 1, "2025-11": 2, "2025-12": 0}


@pytest.fixture
def rules_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "order-rules.toml"
    path.write_text(RULES, encoding="utf-8")
    monkeypatch.setenv("GRIDCTL_RULES", str(path))
    return path


def month_total(cli, month: str) -> int:
    rows = json.loads(cli("points", "show", "--month", month, "--format", "json").stdout)
    return next((int(r["total"]) for r in rows if r["supervisor"] == "S001"), 0)


def by_month(sql) -> dict[str, int]:
    rows = sql(
        "SELECT substr(CAST(date AS TEXT), 1, 7), sum(points) FROM point_entry "
        "WHERE rule = 'problem-collected' GROUP BY 1"
    )
    return {m: int(p) for m, p in rows}


@pytest.mark.parametrize("order", list(itertools.permutations(range(4)))[::5])
def test_late_october_problem_takes_its_share_whatever_the_order(cli, park, rules_file, sql, order):
    for n, i in enumerate(order):
        cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", DAYS[i], "--problem", f"p{i}")
        if n % 2:  # reads in between derive the entries known so far
            month_total(cli, DAYS[i][:7])
    assert {m: month_total(cli, m) for m in BY_HAND} == BY_HAND
    assert by_month(sql) == {m: p for m, p in BY_HAND.items()}
    before = sql(
        "SELECT rule, record_id, supervisor_id, date, points FROM point_entry ORDER BY 1, 2"
    )
    cli("points", "recompute", "--from", "2025-01-01")
    after = sql(
        "SELECT rule, record_id, supervisor_id, date, points FROM point_entry ORDER BY 1, 2"
    )
    assert after == before


def test_recompute_changes_nothing_after_a_late_record(cli, park, rules_file, sql):
    for day in DAYS[:3]:
        cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", day, "--problem", day)
    assert month_total(cli, "2025-12") == 1  # before the late one: Nov 2, Dec 1
    cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", DAYS[3], "--problem", "late")
    assert month_total(cli, "2025-12") == 0
    assert month_total(cli, "2025-10") == 1
    assert month_total(cli, "2025-11") == 2
    before = sql("SELECT record_id, points FROM point_entry WHERE rule = 'problem-collected'")
    cli("points", "recompute", "--from", "2025-10-01")
    assert by_month(sql) == BY_HAND
    after = sql("SELECT record_id, points FROM point_entry WHERE rule = 'problem-collected'")
    assert sorted(after) == sorted(before)
