"""The visits import on PostgreSQL goes through COPY and one merge: it must insert, update,
skip and refuse exactly as the executemany path did (same counts, same rows by plain SQL),
and leave fresh planner statistics behind. Each scenario runs both paths against the same
figures worked out by hand; on SQLite only the executemany path exists."""

from __future__ import annotations

import json
import time

import pytest

from gridctl.imports import bulk
from gridctl.imports.kinds import visits
from tests.import_helpers import JH, XL, write_csv

HEAD = ["指导员", "企业", "走访日期", "走访情况", "发现问题"]
FIRST = [
    HEAD,
    ["S001", "芯联", "2026-03-05", "a", "缺场地"],
    ["S002", JH, "2026-03-06", "b", ""],
    ["S001", "芯联", "2026-03-06", "", "招工难\n缺场地"],
]
SECOND = [
    HEAD,
    ["S001", "芯联", "2026-03-05", "a2", ""],  # notes changed: an update
    ["S002", JH, "2026-03-06", "b", ""],  # as it is: unchanged
    ["S002", "芯联", "2026-03-07", "c", ""],  # new
]
BAD = [
    HEAD,
    ["S001", "芯联", "2026-03-08", "d", ""],
    ["S999", "芯联", "2026-03-09", "e", ""],  # no such supervisor: the file is refused
]

ROWS = (
    "SELECT s.code, e.name, v.date, v.category, v.notes FROM visit v "
    "JOIN supervisor s ON s.id = v.supervisor_id JOIN enterprise e ON e.id = v.enterprise_id "
    "ORDER BY v.id"
)
PROBLEMS = (
    "SELECT e.name, p.description, p.opened, s.code, v.date FROM problem p "
    "JOIN enterprise e ON e.id = p.enterprise_id JOIN supervisor s ON s.id = p.supervisor_id "
    "JOIN visit v ON v.id = p.visit_id ORDER BY p.id"
)


@pytest.fixture(params=["copy", "executemany"])
def path(request, on_postgres, monkeypatch):
    if request.param == "copy" and not on_postgres:
        pytest.skip("COPY is PostgreSQL's (GRIDCTL_TEST_POSTGRES run)")
    if request.param == "executemany":
        monkeypatch.setattr(visits, "_copies", lambda session, ctx: False)
    return request.param


def _counts(cli, file):
    out = json.loads(cli("import", "visits", str(file), "--json").stdout)
    return [out[k] for k in ("inserted", "updated", "unchanged", "problems_opened")]


def test_inserts_updates_and_skips_alike(cli, park, sql, tmp_path, path):
    first = write_csv(tmp_path / "first.csv", FIRST)
    assert _counts(cli, first) == [3, 0, 0, 3]
    assert _counts(cli, first) == [0, 0, 3, 0]  # again: nothing new
    assert _counts(cli, write_csv(tmp_path / "second.csv", SECOND)) == [1, 1, 1, 0]
    assert sql(ROWS) == [
        ("S001", XL, "2026-03-05", "routine", "a2"),
        ("S002", JH, "2026-03-06", "routine", "b"),
        ("S001", XL, "2026-03-06", "routine", None),
        ("S002", XL, "2026-03-07", "routine", "c"),
    ]
    assert sql(PROBLEMS) == [
        (XL, "缺场地", "2026-03-05", "S001", "2026-03-05"),
        (XL, "招工难", "2026-03-06", "S001", "2026-03-06"),
        (XL, "缺场地", "2026-03-06", "S001", "2026-03-06"),
    ]
    assert sql("SELECT DISTINCT source FROM visit ORDER BY 1") == [
        ("import:first.csv",),
        ("import:second.csv",),
    ]


def test_refuses_and_writes_nothing_alike(cli, park, sql, tmp_path, path):
    _counts(cli, write_csv(tmp_path / "first.csv", FIRST))
    result = cli("import", "visits", str(write_csv(tmp_path / "bad.csv", BAD)), ok=False)
    assert result.exit_code == 1
    assert "bad.csv:3" in result.stderr and "S999" in result.stderr
    assert sql("SELECT count(*) FROM visit") == [(3,)]
    assert sql("SELECT count(*) FROM visit WHERE date >= '2026-03-08'") == [(0,)]
    assert sql("SELECT status FROM import_run ORDER BY id") == [("imported",), ("refused",)]


def test_a_failing_write_keeps_nothing(cli, park, sql, tmp_path, path, monkeypatch):
    """All or nothing: the problems' write fails after the visits went in: no visit stays."""

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(visits, "_open_problems", fail)
    result = cli("import", "visits", str(write_csv(tmp_path / "first.csv", FIRST)), ok=False)
    assert result.exit_code != 0
    assert sql("SELECT count(*) FROM visit") == [(0,)]
    assert sql("SELECT count(*) FROM problem") == [(0,)]


def _analyzed(sql, table):
    return sql("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = ?", table)[0][0]


def test_bulk_write_analyzes_what_it_changed(cli, park, sql, tmp_path, on_postgres, monkeypatch):
    if not on_postgres:
        pytest.skip("ANALYZE after a bulk write is for PostgreSQL's planner")
    monkeypatch.setattr(bulk, "ANALYZE_MIN_ROWS", 1)
    before = {t: _analyzed(sql, t) for t in ("visit", "problem")}
    cli("import", "visits", str(write_csv(tmp_path / "first.csv", FIRST)))
    # The server counts it when the importing session reports its statistics (at its end).
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        after = {t: _analyzed(sql, t) for t in ("visit", "problem")}
        if all(after[t] > before[t] for t in after):
            break
        time.sleep(0.2)
    assert after["visit"] > before["visit"]
    assert after["problem"] > before["problem"]
