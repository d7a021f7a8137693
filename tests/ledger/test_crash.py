"""An import killed with SIGKILL part way through leaves a ledger that passes `db check` and
holds none or all of the file; a second import and `visit add` can run at the same time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from tests.ledger.test_concurrency import _no_lock_errors, _run_all

FIRMS = [
    "合肥芯联微电子有限公司",
    "江淮新能源汽车零部件有限公司",
    "绿源环保装备有限公司",
    "数智云信息技术有限公司",
]
PAIRS = [(f"S00{s}", firm) for s in range(1, 5) for firm in FIRMS]


def _visits_csv(path: Path, rows: int, start: date) -> Path:
    lines = ["supervisor,enterprise,date,category,notes"]
    for i in range(rows):
        who, firm = PAIRS[i % len(PAIRS)]
        day = start + timedelta(days=i // len(PAIRS))
        lines.append(f"{who},{firm},{day.isoformat()},routine,第{i}次走访")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "gridctl", "import", "visits", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def test_an_import_killed_part_way_leaves_none_or_all(park, cli, sql, tmp_path):
    rows = 30_000
    big = _visits_csv(tmp_path / "visits.csv", rows, date(1990, 1, 1))
    outcomes = []
    for delay in (0.8, 1.3, 1.6, 1.9, 2.3, 3.0):
        proc = _import(big)
        time.sleep(delay)
        finished = proc.poll() is not None
        if not finished:
            proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=120)
        (count,) = sql("SELECT count(*) FROM visit")[0]
        assert count in (0, rows), f"killed after {delay}s: {count} of {rows} rows"
        cli("db", "check")
        outcomes.append((delay, finished, count))
        if count == rows:
            break
    # Whatever the kills hit, the file goes in whole afterwards (or was in already).
    result = cli("import", "visits", str(big), "--json")
    assert sql("SELECT count(*) FROM visit") == [(rows,)], (outcomes, result.stdout)
    cli("db", "check")
    cli("audit", "verify")


def test_two_imports_and_visit_adds_at_once(park, sql, tmp_path):
    first = _visits_csv(tmp_path / "a.csv", 2_000, date(2000, 1, 1))
    second = _visits_csv(tmp_path / "b.csv", 2_000, date(2010, 1, 1))
    adds = [
        ["visit", "add", "-s", "S003", "-e", "绿源环保", "--date", f"2026-09-{d:02d}"]
        for d in range(1, 9)
    ]
    results = _run_all([["import", "visits", str(first)], ["import", "visits", str(second)], *adds])
    _no_lock_errors(results)
    assert [r.code for r in results] == [0] * len(results), [r.err for r in results]
    assert sql("SELECT count(*) FROM visit") == [(4_000 + len(adds),)]
    assert sql("SELECT count(*) FROM audit_entry WHERE action = 'import'") == [(2,)]
