"""`gridctl db copy`: the whole ledger into another, empty one, exactly, or nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from gridctl.ledger.config import resolve
from gridctl.ledger.models import load_all, metadata

Cli = Callable[..., Any]


def _work(cli: Cli, tmp_path: Path) -> None:
    """Records of every kind that carries ids, references and who-columns."""
    cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-10-05", "--problem", "缺场地")
    cli("visit", "add", "-s", "S004", "-e", "数智云", "--date", "2026-10-06", "--notes", "回访")
    cli("problem", "solve", "1", "--note", "已协调", "--date", "2026-10-20")
    cli("points", "adjust", "S001", "-2", "--area", "problems", "--reason", "不实")
    cli("points", "show", "--month", "2026-10")
    cli("meeting", "add", "--kind", "joint", "--date", "2026-10-25", "--title", "联席会议")
    diary = tmp_path / "diary.csv"
    diary.write_text("指导员,日期,内容\nS002,2026-10-09,参加培训\n", encoding="utf-8")
    cli("import", "diary", str(diary))


def _plain(value: object) -> object:
    # PostgreSQL gives the audit trail's times with their zone, SQLite without: one instant.
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read with plain SELECTs in primary-key order."""
    load_all()
    engine = create_engine(resolve(url).url)
    try:
        with engine.connect() as conn:
            return {
                table.name: [
                    tuple(_plain(value) for value in row)
                    for row in conn.execute(select(table).order_by(*table.primary_key.columns))
                ]
                for table in metadata.sorted_tables
            }
    finally:
        engine.dispose()


def test_copy_is_exact_and_new_ids_continue(
    cli: Cli, park: Path, db_url: str, tmp_path: Path
) -> None:
    _work(cli, tmp_path)
    dest = tmp_path / "copy.db"
    result = cli("db", "copy", "--to", str(dest), "--format", "json")
    before = _tables(db_url)
    after = _tables(str(dest))
    assert after == before
    assert sum(len(rows) for rows in after.values()) > 40
    assert '"table": "visit"' in result.stdout
    con = sqlite3.connect(dest)
    actors = {row[0] for row in con.execute("SELECT actor FROM audit_entry")}
    top = con.execute("SELECT max(id) FROM visit").fetchone()[0]
    con.close()
    assert actors == {row[0] for row in _rows(db_url, "SELECT actor FROM audit_entry")}
    cli("--db", str(dest), "audit", "verify")
    cli("--db", str(dest), "db", "check")
    cli("--db", str(dest), "visit", "add", "-s", "S002", "-e", "芯联", "--date", "2026-10-30")
    con = sqlite3.connect(dest)
    assert con.execute("SELECT max(id) FROM visit").fetchone()[0] == top + 1
    con.close()


def _rows(url: str, statement: str) -> list[tuple[Any, ...]]:
    engine = create_engine(resolve(url).url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(statement))]
    finally:
        engine.dispose()


def test_copy_refuses_a_ledger_that_holds_rows_and_writes_nothing(
    cli: Cli, park: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "other.db"
    cli("--db", str(dest), "init")
    cli("--db", str(dest), "grid", "add", "G9", "九区")
    before = _tables(str(dest))
    result = cli("db", "copy", "--to", str(dest), ok=False)
    assert result.exit_code == 1
    assert "grid" in result.stderr and "1" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _tables(str(dest)) == before


def test_copy_refuses_itself(cli: Cli, park: Path, db_url: str) -> None:
    result = cli("db", "copy", "--to", db_url, ok=False)
    assert result.exit_code == 1
    assert "--to" in result.stderr


def test_a_failed_copy_leaves_the_destination_empty(
    cli: Cli, park: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gridctl.errors import LedgerError
    from gridctl.ledger import copy

    def fail(*_args: object) -> None:
        raise LedgerError("to", "x", "counts differ")

    monkeypatch.setattr(copy, "_check_counts", fail)
    dest = tmp_path / "copy.db"
    result = cli("db", "copy", "--to", str(dest), ok=False)
    assert result.exit_code == 1
    assert all(rows == [] for rows in _tables(str(dest)).values())


def test_copy_to_postgresql_keeps_the_writers_and_continues_ids(
    cli: Cli, park: Path, db_url: str, tmp_path: Path, pg_server: Any, on_postgres: bool
) -> None:
    """The move the README describes, a SQLite file into an empty database on the server
    (the file made here from the test's PostgreSQL park: the other direction)."""
    if not on_postgres:
        pytest.skip("needs the PostgreSQL server of a GRIDCTL_TEST_POSTGRES run")
    _work(cli, tmp_path)
    park_file = tmp_path / "park.db"
    cli("db", "copy", "--to", str(park_file))
    con = sqlite3.connect(park_file)
    with con:  # written elsewhere by someone else: the copy must keep the name
        con.execute("UPDATE point_adjustment SET recorded_by = '李四'")
    con.close()
    url = pg_server.fresh(pg_server.empty)
    try:
        cli("--db", str(park_file), "db", "copy", "--to", url)
        assert _tables(url) == _tables(str(park_file))
        assert _rows(url, "SELECT recorded_by FROM point_adjustment") == [("李四",)]
        cli("--db", url, "audit", "verify")
        cli("--db", url, "points", "adjust", "S002", "1", "--area", "problems", "--reason", "补")
        rows = _rows(url, "SELECT id, recorded_by FROM point_adjustment ORDER BY id")
        assert rows[0] == (1, "李四")
        assert rows[1][0] == 2  # ids continue past the copied ones
        assert rows[1][1] != "李四"  # the server stamps its login again on new rows
    finally:
        pg_server.discard(url)
