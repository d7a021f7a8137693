"""Two cron imports and an interactive `visit add` at once: all succeed, nothing lost."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

import pytest

from tests import import_helpers
from tests.import_helpers import write_csv

park_file = import_helpers.park_file
park = import_helpers.park


def _visits(supervisor: str, start: date, n: int) -> list[list[object]]:
    rows: list[list[object]] = [["指导员", "企业", "走访日期", "走访情况"]]
    for i in range(n):
        rows.append([supervisor, "芯联", (start + timedelta(days=i)).isoformat(), f"第{i}次"])
    return rows


@pytest.mark.sqlite_only  # the processes write the park file (GRIDCTL_DB=park)
def test_two_imports_and_a_visit_add_at_once(park, sql, tmp_path):
    a = write_csv(tmp_path / "a.csv", _visits("S001", date(2020, 1, 1), 1500))
    b = write_csv(tmp_path / "b.csv", _visits("S002", date(2020, 1, 1), 1500))
    env = {**os.environ, "GRIDCTL_DB": str(park), "GRIDCTL_LANG": "en"}
    run = [sys.executable, "-m", "gridctl"]
    procs = [
        subprocess.Popen(
            [*run, "import", "visits", str(a)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ),
        subprocess.Popen(
            [*run, "import", "visits", str(b)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ),
        subprocess.Popen(
            [*run, "visit", "add", "-s", "S003", "-e", "绿源", "--date", "2026-03-05"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ),
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert outs[0][0].endswith("1500 rows: 1500 inserted, 0 updated, 0 unchanged\n")
    assert sql("SELECT count(*) FROM visit") == [(3001,)]
    assert sql("SELECT status, inserted FROM import_run ORDER BY inserted") == [
        ("imported", 1500),
        ("imported", 1500),
    ]
    # Re-running both at once adds nothing.
    again = [
        subprocess.Popen(
            [*run, "import", "visits", str(f)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in (a, b)
    ]
    assert [p.wait(timeout=120) for p in again] == [0, 0]
    assert sql("SELECT count(*) FROM visit") == [(3001,)]
