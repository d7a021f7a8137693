"""Reads that sync only their period give the same entries as an all-time derivation.

A small ledger with records spread over 2025 (raw SQL, deterministic), rules with caps per
enterprise-month, month, quarter and year and a rule set change mid-year. One copy is read
period by period through the CLI (each read syncs only its period); the other is derived
all at once by `points recompute --from 2000-01-01`. The entries (rule, record, points,
note, window, rule set) are compared as plain SQL rows, period by period and in the end all.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

RULES = """
[[ruleset]]
effective = 2025-01-01
name = "s1"

[ruleset.rules.visit]
area = "problems"
points = 1
cap = 1
cap_per = "enterprise-month"

[ruleset.rules.problem-collected]
area = "problems"
points = 1
cap = 3
cap_per = "year"

[ruleset.rules.problem-solved]
area = "problems"
points = 2.5

[ruleset.rules.activity]
area = "activities"
points = 2
cap = 5
cap_per = "quarter"
kinds = { lecture = 3 }

[ruleset.rules.award]
area = "effectiveness"
points = 2

[ruleset.subsidy]
min_visits = 1
base = "10.00"
per_point = "1.50"

[[ruleset]]
effective = 2025-05-15
name = "s2: no award rule, visits worth 2 up to 3 a month"

[ruleset.rules.visit]
area = "problems"
points = 2
cap = 3
cap_per = "month"

[ruleset.rules.problem-collected]
area = "problems"
points = 1
cap = 3
cap_per = "year"

[ruleset.rules.problem-solved]
area = "problems"
points = 3

[ruleset.rules.activity]
area = "activities"
points = 2
cap = 5
cap_per = "quarter"
"""

ENTRY = (
    "SELECT rule, record_type, record_id, supervisor_id, date, area, points, cap_key, "
    "coalesce(note, ''), rule_set FROM point_entry"
)


@pytest.fixture
def rules_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "scale-rules.toml"
    path.write_text(RULES, encoding="utf-8")
    monkeypatch.setenv("GRIDCTL_RULES", str(path))
    return path


def fill(db: Path, seed: int = 11) -> None:
    """Visits, problems (some solved), activities and awards over 2024-12..2025-12."""
    rng = random.Random(seed)
    con = sqlite3.connect(db)
    first = date(2024, 12, 1)
    now = "2026-01-01 00:00:00"
    seen = set()
    with con:
        for _ in range(400):
            sup, firm = rng.randint(1, 4), rng.randint(1, 4)
            day = first + timedelta(days=rng.randint(0, 395))
            if (sup, firm, day) in seen:
                continue
            seen.add((sup, firm, day))
            cur = con.execute(
                "INSERT INTO visit (supervisor_id, enterprise_id, date, category, source, "
                "recorded_at) VALUES (?, ?, ?, 'routine', 't', ?)",
                (sup, firm, day.isoformat(), now),
            )
            if rng.random() < 0.3:
                solved = rng.random() < 0.5
                closed = day + timedelta(days=rng.randint(0, 60))
                con.execute(
                    "INSERT INTO problem (visit_id, enterprise_id, supervisor_id, description, "
                    "status, opened, closed_on, resolved_by_id, recorded_at) "
                    "VALUES (?, ?, ?, 'p', ?, ?, ?, ?, ?)",
                    (
                        cur.lastrowid,
                        firm,
                        sup,
                        "solved" if solved else "open",
                        day.isoformat(),
                        closed.isoformat() if solved else None,
                        rng.randint(1, 4) if solved else None,
                        now,
                    ),
                )
        for i in range(80):
            day = first + timedelta(days=rng.randint(0, 395))
            con.execute(
                "INSERT INTO activity (title, supervisor_id, date, kind, source, recorded_at) "
                "VALUES (?, ?, ?, ?, 't', ?)",
                (
                    f"a{i}",
                    rng.randint(1, 4),
                    day.isoformat(),
                    rng.choice(["lecture", "other"]),
                    now,
                ),
            )
        for _ in range(30):
            day = first + timedelta(days=rng.randint(0, 395))
            con.execute(
                "INSERT INTO effectiveness_award (supervisor_id, kind, date, reason, "
                "recorded_by, recorded_at) VALUES (?, 'brand', ?, 'r', 't', ?)",
                (rng.randint(1, 4), day.isoformat(), now),
            )
    con.close()


def rows(db: Path, where: str = "", *params: object) -> list[tuple]:
    con = sqlite3.connect(db)
    out = sorted(con.execute(f"{ENTRY} {where}", params).fetchall())
    con.close()
    return out


def test_spans_widen_to_cap_windows_and_skip_days_without_the_rule(rules_file):
    from gridctl.points import rules as rules_mod
    from gridctl.points.windows import spans

    rules = rules_mod.load(rules_file)
    s1, s2 = rules.sets

    def plain(rule: str, start=None, end=None):
        return [(lo, hi, rs.name) for lo, hi, rs in spans(rules, rule, start, end)]

    may, june = date(2025, 5, 1), date(2025, 6, 1)
    # Visits: caps per enterprise-month and per month: May as it is, split at the change.
    assert plain("visit", may, june) == [
        (may, date(2025, 5, 15), "s1"),
        (date(2025, 5, 15), june, "s2: no award rule, visits worth 2 up to 3 a month"),
    ]
    # Activities: cap per quarter: a May read derives the whole of Q2.
    assert [(lo, hi) for lo, hi, _ in spans(rules, "activity", may, june)] == [
        (date(2025, 4, 1), date(2025, 5, 15)),
        (date(2025, 5, 15), date(2025, 7, 1)),
    ]
    # Problems collected: cap per year.
    assert [(lo, hi) for lo, hi, _ in spans(rules, "problem-collected", may, june)] == [
        (date(2025, 1, 1), date(2025, 5, 15)),
        (date(2025, 5, 15), date(2026, 1, 1)),
    ]
    # Awards: only under s1, never before the first rule set.
    assert plain("award") == [(date(2025, 1, 1), date(2025, 5, 15), "s1")]
    assert plain("award", date(2025, 6, 1), date(2025, 7, 1)) == []
    assert plain("award", date(2024, 12, 1), date(2025, 1, 1)) == []
    assert s1.effective < s2.effective


def test_period_reads_equal_an_all_time_derivation(cli, park, rules_file, db_path, tmp_path):
    fill(db_path)
    full = tmp_path / "full.db"
    shutil.copy(db_path, full)
    cli("--db", str(full), "points", "recompute", "--from", "2000-01-01")
    assert rows(full) and rows(db_path) == []

    reads = [
        (("points", "show", "--month", "2025-05"), "2025-05-01", "2025-06-01"),
        (("points", "explain", "S002", "--month", "2025-08"), "2025-08-01", "2025-09-01"),
        (("points", "subsidy", "--quarter", "2025Q3"), "2025-07-01", "2025-10-01"),
        (("points", "notice", "--month", "2025-02"), "2025-02-01", "2025-03-01"),
        (("points", "show", "--quarter", "2024Q4"), "2024-10-01", "2025-01-01"),
    ]
    for args, start, end in reads:
        cli(*args)
        where = "WHERE date >= ? AND date < ?"
        assert rows(db_path, where, start, end) == rows(full, where, start, end), args
    # Nothing was derived outside the windows those reads touched: no visit entries in
    # March, April, June (months no read covered), but activities of all Q2 (quarter cap).
    con = sqlite3.connect(db_path)
    visit_months = {
        m
        for (m,) in con.execute(
            "SELECT DISTINCT substr(date, 1, 7) FROM point_entry WHERE rule = 'visit'"
        )
    }
    con.close()
    assert visit_months == {"2025-02", "2025-05", "2025-07", "2025-08", "2025-09"}
    assert rows(
        db_path, "WHERE rule = 'activity' AND date >= '2025-04-01' AND date < '2025-07-01'"
    ) == rows(full, "WHERE rule = 'activity' AND date >= '2025-04-01' AND date < '2025-07-01'")

    # The standings of a period read on either ledger are the same figures.
    for args in (("--month", "2025-05"), ("--quarter", "2025Q3"), ()):
        mine = json.loads(cli("points", "show", *args, "--format", "json").stdout)
        theirs = json.loads(
            cli("--db", str(full), "points", "show", *args, "--format", "json").stdout
        )
        assert mine == theirs, args
    # And after an all-time read, every entry is the same.
    assert rows(db_path) == rows(full)


def test_period_sums_equal_plain_sql(cli, park, rules_file, db_path, sql):
    fill(db_path, seed=5)
    shown = json.loads(cli("points", "show", "--month", "2025-06", "--format", "json").stdout)
    by_code = {r["supervisor"]: r["total"] for r in shown}
    expected = dict(
        sql(
            "SELECT s.code, sum(e.points) FROM point_entry e JOIN supervisor s "
            "ON s.id = e.supervisor_id WHERE e.date >= '2025-06-01' AND e.date < '2025-07-01' "
            "GROUP BY s.code"
        )
    )
    assert expected and by_code == {c: expected.get(c, 0) for c in by_code}
    # Visits under s2: 2 points each, at most 3 a month per supervisor (window 2025-06).
    visits = dict(
        sql(
            "SELECT s.code, count(*) FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
            "WHERE v.date >= '2025-06-01' AND v.date < '2025-07-01' GROUP BY s.code"
        )
    )
    points = dict(
        sql(
            "SELECT s.code, sum(e.points) FROM point_entry e JOIN supervisor s "
            "ON s.id = e.supervisor_id WHERE e.rule = 'visit' AND e.date >= '2025-06-01' "
            "AND e.date < '2025-07-01' GROUP BY s.code"
        )
    )
    assert points == {code: min(2 * n, 3) for code, n in visits.items()}


def test_set_based_derivation_equals_record_by_record(
    cli, park, rules_file, db_path, tmp_path, monkeypatch
):
    """The INSERT ... SELECT path (running sums per cap window, in cents) gives exactly the
    entries of granting record by record in (date, id) order in Python, also on top of
    entries already there (a backdated record arriving in a window that has points)."""
    from gridctl.points import fresh

    fill(db_path, seed=23)
    cli("points", "show", "--month", "2025-03")  # some windows already hold entries
    con = sqlite3.connect(db_path)
    with con:
        con.execute(
            "INSERT INTO activity (title, supervisor_id, date, kind, source, recorded_at) "
            "VALUES ('late', 1, '2025-03-02', 'lecture', 't', '2026-01-01')"
        )
    con.close()
    python = tmp_path / "python.db"
    shutil.copy(db_path, python)
    cli("points", "show")
    monkeypatch.setattr(fresh, "SET_BASED", False)
    cli("--db", str(python), "points", "show")
    assert rows(db_path) == rows(python)
    assert any(note.startswith("capped") for *_, note, _rs in rows(db_path))
