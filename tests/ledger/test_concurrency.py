"""Many `gridctl` processes writing one ledger at once: every row lands exactly once, nobody
sees "database is locked", and the audit chain does not fork. Runs on the SQLite file, and
on PostgreSQL in a GRIDCTL_TEST_POSTGRES run."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta

WRITERS = 20
ENTERPRISES = ["合肥芯联", "江淮新能源", "绿源环保", "数智云"]


def _start(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "gridctl", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@dataclass(frozen=True)
class Run:
    args: list[str]
    code: int
    out: str
    err: str


def _run_all(commands: list[list[str]]) -> list[Run]:
    """Start every command before waiting for any: they all hit the ledger together."""
    procs = [(args, _start(args)) for args in commands]
    results = []
    for args, proc in procs:
        out, err = proc.communicate(timeout=180)
        results.append(Run(args, proc.returncode, out, err))
    return results


def _no_lock_errors(results: list[Run]) -> None:
    for run in results:
        text = (run.out + run.err).lower()
        err = run.err
        assert "locked" not in text and "traceback" not in text, err
        assert "deadlock" not in text and "could not serialize" not in text, err


def test_twenty_visit_adds_at_once_each_land_once(park, sql):
    start = date(2026, 9, 1)
    commands = [
        [
            "visit",
            "add",
            "-s",
            f"S00{i % 4 + 1}",
            "-e",
            ENTERPRISES[i % 4],
            "--date",
            (start + timedelta(days=i)).isoformat(),
            "--notes",
            f"并发走访 {i}",
            "--problem",
            f"问题 {i}",
        ]
        for i in range(WRITERS)
    ]
    results = _run_all(commands)
    _no_lock_errors(results)
    assert [r.code for r in results] == [0] * WRITERS, [r.err for r in results]
    notes = sql("SELECT notes, count(*) FROM visit GROUP BY notes ORDER BY notes")
    assert sorted(notes) == sorted((f"并发走访 {i}", 1) for i in range(WRITERS))
    assert sql("SELECT count(*), count(DISTINCT description) FROM problem") == [(WRITERS, WRITERS)]
    problems_linked = sql(
        "SELECT count(*) FROM problem p JOIN visit v ON v.id = p.visit_id "
        "WHERE p.description = replace(v.notes, '并发走访', '问题')"
    )
    assert problems_linked == [(WRITERS,)]


def test_mixed_writers_keep_one_audit_chain_and_refuse_duplicates_cleanly(park, cli, sql):
    """12 register changes (audited) and the same visit 8 times, all at once."""
    grids, duplicates = 12, WRITERS - 12
    (before,) = sql("SELECT count(*) FROM audit_entry")[0]
    same = ["visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026-10-09"]
    adds = [["grid", "add", f"G1-{i}", f"网格{i}", "--parent", "G1"] for i in range(3, 3 + grids)]
    commands = adds[duplicates:]
    for add in adds[:duplicates]:
        commands += [add, same]
    results = _run_all(commands)
    _no_lock_errors(results)
    assert [r.code for r in results if r.args[0] == "grid"] == [0] * grids
    visit_codes = sorted(r.code for r in results if r.args[0] == "visit")
    assert visit_codes == [0] + [1] * (duplicates - 1)
    for run in results:
        if run.code:
            # One line naming what clashed (the service's check, or the unique constraint
            # when two PostgreSQL transactions pass the check together).
            # (After the line saying it waited for another writer, when it had to.)
            err = run.err.split("waiting for it to finish…\n")[-1]
            assert err.count("\n") == 1 and err.startswith("Error: ")
            assert "already records" in run.err or "unique" in run.err.lower()
    assert sql("SELECT count(*) FROM visit") == [(1,)]
    assert sql("SELECT count(*) FROM grid WHERE code LIKE 'G1-%'") == [(grids + 2,)]
    # The chain: contiguous, each entry linked to the one before, no fork.
    seqs = [s for (s,) in sql("SELECT seq FROM audit_entry ORDER BY seq")]
    assert seqs == list(range(1, before + grids + 1))
    links = sql(
        "SELECT count(*) FROM audit_entry a JOIN audit_entry b ON b.seq = a.seq + 1 "
        "WHERE b.prev_hash = a.hash"
    )
    assert links == [(before + grids - 1,)]
    assert cli("audit", "verify").stdout.startswith(f"Audit trail intact: {before + grids} ")
