"""db backup / restore / check / info, and the ledger file's permissions."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from gridctl.ledger.config import resolve
from gridctl.ledger.migrate import HEAD
from gridctl.ledger.session import open_ledger

sqlite_only = pytest.mark.sqlite_only


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _rows(path: Path, statement: str) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(statement).fetchall()
    finally:
        con.close()


# --- backup and restore ---------------------------------------------------------------------


@sqlite_only
def test_backup_and_restore_round_trip(park, cli, tmp_path):
    cli(
        "visit",
        "add",
        "-s",
        "S001",
        "-e",
        "合肥芯联",
        "--date",
        "2026-10-09",
        "--problem",
        "缺场地",
    )
    copy = tmp_path / "copy.db"
    result = cli("db", "backup", str(copy))
    assert result.stdout.startswith(f"Backed up {park} to {copy} (")
    assert result.stdout.endswith(f"bytes, schema {HEAD})\n")
    assert _mode(copy) == 0o600
    assert _rows(copy, "PRAGMA journal_mode") == [("delete",)]
    elsewhere = tmp_path / "restored" / "park.db"
    cli("--db", str(elsewhere), "db", "restore", str(copy))
    assert _mode(elsewhere) == 0o600
    for table in ("grid", "supervisor", "enterprise", "visit", "problem", "audit_entry"):
        query = f"SELECT * FROM {table} ORDER BY 1"
        assert _rows(elsewhere, query) == _rows(park, query), table
    cli("--db", str(elsewhere), "db", "check")
    cli("--db", str(elsewhere), "audit", "verify")


@sqlite_only
def test_backup_refuses_to_overwrite_without_force(park, cli, tmp_path):
    copy = tmp_path / "copy.db"
    copy.write_text("keep me")
    result = cli("db", "backup", str(copy), ok=False)
    assert result.exit_code == 1
    assert result.stderr == f"Error: FILE: '{copy}' refused: exists; add --force to overwrite it\n"
    assert copy.read_text() == "keep me"
    cli("db", "backup", str(copy), "--force")
    assert _rows(copy, "SELECT count(*) FROM grid") == [(5,)]


@sqlite_only
def test_backup_refuses_the_ledger_itself_and_a_missing_folder(park, cli, tmp_path):
    result = cli("db", "backup", str(park), "--force", ok=False)
    assert "the backup must not be the ledger itself" in result.stderr
    result = cli("db", "backup", str(tmp_path / "no" / "such" / "b.db"), ok=False)
    assert result.exit_code == 1 and "its folder does not exist" in result.stderr


@sqlite_only
def test_backup_of_a_missing_ledger_is_refused(cli, tmp_path):
    result = cli("db", "backup", str(tmp_path / "b.db"), ok=False)
    assert result.exit_code == 1
    assert "no ledger there" in result.stderr
    assert not (tmp_path / "b.db").exists()


@sqlite_only
def test_restore_refuses_to_overwrite_a_ledger_without_force(park, cli, tmp_path):
    copy = tmp_path / "copy.db"
    cli("db", "backup", str(copy))
    cli("grid", "add", "G3", "三区")
    result = cli("db", "restore", str(copy), ok=False)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: --db: '{park}' refused: a ledger exists there; add --force to replace it\n"
    )
    assert _rows(park, "SELECT count(*) FROM grid") == [(6,)]
    cli("db", "restore", str(copy), "--force")
    assert _rows(park, "SELECT count(*) FROM grid") == [(5,)]
    cli("db", "check")


@sqlite_only
@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"code,name\nG1,x\n", "not a gridctl ledger (not an SQLite database)"),
        (b"", "not a gridctl ledger (not an SQLite database)"),
        (None, "not a gridctl ledger (no table alembic_version)"),
        ("truncated", "not a readable ledger"),
    ],
)
def test_restore_refuses_what_is_not_a_ledger(park, cli, tmp_path, content, why):
    bad = tmp_path / "bad.db"
    if content is None:
        sqlite3.connect(bad).execute("CREATE TABLE t (x)").connection.close()
    elif content == "truncated":
        cli("db", "backup", str(bad))
        bad.write_bytes(bad.read_bytes()[: 4096 * 3])
    else:
        bad.write_bytes(content)
    before = park.read_bytes()
    result = cli("db", "restore", str(bad), "--force", ok=False)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: FILE: '{bad}' refused: {why}")
    assert result.stderr.count("\n") == 1
    assert park.read_bytes() == before


@sqlite_only
def test_restore_of_an_older_schema_says_to_run_init(park, cli, tmp_path):
    old = tmp_path / "old.db"
    cli("db", "backup", str(old))
    con = sqlite3.connect(old)
    con.execute("UPDATE alembic_version SET version_num = '0004'")
    con.commit()
    con.close()
    result = cli("--db", str(tmp_path / "new.db"), "db", "restore", str(old))
    assert f"run `gridctl init` to bring it to {HEAD}" in result.stdout


WRITER = """
import datetime as dt, sys
from gridctl.ledger.config import resolve
from gridctl.ledger.migrate import HEAD
from gridctl.ledger.session import open_ledger
from gridctl.work.visits import add_visit
target, count = resolve(sys.argv[1]), int(sys.argv[2])
for i in range(count):
    with open_ledger(target, write=True) as session:
        add_visit(session, supervisor="S001", enterprise="合肥芯联",
                  day=dt.date(2020, 1, 1) + dt.timedelta(days=i), notes=f"visit {i}")
    if i == 0:
        print("writing", flush=True)
"""


@sqlite_only
def test_backup_while_a_writer_runs_restores_a_consistent_ledger(park, cli, tmp_path):
    writes = 150
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(park), str(writes)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline() == "writing\n"
    copies = []
    while writer.poll() is None or not copies:
        copy = tmp_path / f"copy{len(copies)}.db"
        cli("db", "backup", str(copy))
        copies.append(copy)
        time.sleep(0.1)
    _, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert _rows(park, "SELECT count(*) FROM visit") == [(writes,)]
    seen = []
    # Check a few: the first, the last and some between (each check restores a ledger).
    step = max(1, len(copies) // 4)
    for copy in [*copies[:-1:step], copies[-1]]:
        restored = tmp_path / f"restored-{copy.name}"
        cli("--db", str(restored), "db", "restore", str(copy))
        cli("--db", str(restored), "db", "check")
        # A snapshot holds visits 0..n-1 whole: no gaps, no torn rows.
        (count, distinct, first, last, notes), *_ = _rows(
            restored,
            "SELECT count(*), count(DISTINCT date), min(date), max(date), count(notes) FROM visit",
        )
        assert count == distinct == notes
        if count:
            assert first == "2020-01-01"
            assert last == (date(2020, 1, 1) + timedelta(days=count - 1)).isoformat()
        seen.append(count)
    assert seen == sorted(seen)
    assert len(copies) >= 2 and seen[0] < writes


@pytest.mark.postgres
def test_backup_and_restore_on_postgres_point_to_pg_dump(ledger, cli, on_postgres):
    if not on_postgres:
        pytest.skip("needs GRIDCTL_TEST_POSTGRES")
    for command in ("backup", "restore"):
        result = cli("db", command, "somefile", ok=False)
        assert result.exit_code == 1
        assert "pg_dump --format=custom" in result.stderr
        assert result.stderr.count("\n") == 1


# --- check and info ---------------------------------------------------------------------------


def test_check_passes_on_a_sound_ledger(park, cli, on_postgres):
    result = cli("db", "check", "--format", "json")
    findings = {f["check"]: f["ok"] for f in json.loads(result.stdout)}
    expected = {"schema": True, "audit_chain": True, "points": True}
    if on_postgres:
        expected["constraints"] = True
    else:
        expected |= {"integrity": True, "foreign_keys": True}
    assert findings == expected
    assert cli("db", "check").stdout.endswith("The ledger passes every check\n")


def test_check_finds_point_entries_whose_visit_is_gone(park, cli, sql):
    cli("visit", "add", "-s", "S001", "-e", "合肥芯联", "--date", "2026-10-09")
    cli("visit", "add", "-s", "S002", "-e", "江淮", "--date", "2026-10-10")
    cli("points", "show")  # derives the point entries
    ((entry,),) = sql(
        "SELECT e.id FROM point_entry e JOIN visit v ON v.id = e.record_id "
        "WHERE e.record_type = 'visit' AND v.date = '2026-10-10'"
    )
    sql("DELETE FROM visit WHERE date = '2026-10-10'")
    result = cli("db", "check", "-f", "json", ok=False)
    assert result.stderr == "Error: the ledger fails 1 check(s): points\n"
    found = {f["check"]: f for f in json.loads(result.stdout)}
    assert found["points"]["problems"] == [f"point entry {entry}: its visit is gone"]


@sqlite_only
def test_check_finds_a_broken_foreign_key(park, cli, db_path):
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute(
        "INSERT INTO visit (supervisor_id, enterprise_id, date, category, source, recorded_at) "
        "VALUES (999, 1, '2026-10-01', 'routine', 'cli', '2026-10-01 00:00:00')"
    )
    con.commit()
    con.close()
    result = cli("db", "check", "-f", "json", ok=False)
    assert result.exit_code == 1
    assert result.stderr == "Error: the ledger fails 1 check(s): foreign_keys\n"
    found = {f["check"]: f for f in json.loads(result.stdout)}
    assert found["foreign_keys"]["problems"] == ["visit row 1 -> supervisor"]


def test_check_reports_an_old_schema(ledger, cli, sql):
    sql("UPDATE alembic_version SET version_num = '0004'")
    result = cli("db", "check", ok=False)
    assert "schema" in result.stderr
    assert f"0004 (newest {HEAD})" in result.stdout


def test_check_and_info_of_a_missing_ledger(cli, on_postgres):
    if on_postgres:
        result = cli("db", "check", ok=False)
        assert f"empty (newest {HEAD})" in result.stdout
        return
    for command in ("check", "info"):
        result = cli("db", command, ok=False)
        assert result.exit_code == 1
        assert "no ledger there; run `gridctl init` first" in result.stderr


def test_info_counts_rows(park, cli, sql, on_postgres):
    record = json.loads(cli("db", "info", "--format", "json").stdout)
    assert record["schema"] == HEAD
    assert record["engine"].split()[0] == ("postgresql" if on_postgres else "sqlite")
    for table in ("grid", "supervisor", "enterprise", "audit_entry"):
        assert record["rows"][table] == sql(f"SELECT count(*) FROM {table}")[0][0]
    table = cli("db", "info").stdout
    assert "audit_entry" in table


# --- file permissions -------------------------------------------------------------------------


@sqlite_only
def test_ledger_and_its_wal_and_shm_are_owner_only(cli, db_path):
    old = os.umask(0)
    try:
        cli("init")
        with open_ledger(resolve(str(db_path)), write=True) as session:
            from gridctl.registers.grids import add_grid

            add_grid(session, code="G1", name="一区")
            session.flush()
            wal = db_path.with_name(db_path.name + "-wal")
            shm = db_path.with_name(db_path.name + "-shm")
            assert wal.exists() and shm.exists()
            assert (_mode(db_path), _mode(wal), _mode(shm)) == (0o600, 0o600, 0o600)
    finally:
        os.umask(old)
