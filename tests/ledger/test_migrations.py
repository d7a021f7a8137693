"""The schema: migrations from old ledgers, head bookkeeping, models equal to migrations."""

import sqlite3

from gridctl.ledger.config import resolve
from gridctl.ledger.migrate import HEAD, alembic_head, schema_revision, upgrade
from gridctl.ledger.session import make_engine


def test_head_constant_matches_alembic():
    assert HEAD == alembic_head()


def test_upgrade_from_first_revision_keeps_rows(tmp_path, cli):
    db = tmp_path / "old.db"
    engine = make_engine(resolve(str(db)))
    assert upgrade(engine, "0001").after == "0001"
    con = sqlite3.connect(db)
    con.executescript("""
        INSERT INTO grid (id, code, name, level, parent_id) VALUES (1, 'G1', '一区', 1, NULL);
        INSERT INTO grid (id, code, name, level, parent_id) VALUES (2, 'G1-1', '一网格', 2, 1);
        INSERT INTO guidance_group (id, name, grid_id) VALUES (1, '第一指导组', 1);
        INSERT INTO supervisor (id, code, name, kind, group_id, active)
            VALUES (1, 'S001', '张伟', 'full-time', 1, 1);
        INSERT INTO enterprise (id, name, grid_id, party_org, members, is_core, status, created_at)
            VALUES (1, '老企业', 2, 'branch', 7, 0, 'active', '2025-01-01 00:00:00');
        INSERT INTO visit (supervisor_id, enterprise_id, date, category, source, recorded_at)
            VALUES (1, 1, '2025-06-01', 'routine', 'cli', '2025-06-01 09:00:00');
    """)
    con.commit()
    con.close()
    result = upgrade(engine)
    assert (result.before, result.after) == ("0001", HEAD)
    engine.dispose()
    r = cli("--db", str(db), "visit", "list", "--format", "csv")
    assert "2025-06-01,S001,张伟,老企业," in r.stdout
    r = cli("--db", str(db), "init")
    assert r.stdout == f"Ledger {db} is already at the newest schema {HEAD}\n"


def test_init_says_created_then_current(cli, db_path):
    assert cli("init").stdout == f"Created ledger {db_path} at schema {HEAD}\n"
    assert "already at the newest schema" in cli("init").stdout


def test_models_and_migrations_agree(ledger, db_path):
    """Autogenerate finds nothing to do: every model change came with its revision."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from gridctl.ledger.models import load_all, metadata

    load_all()
    engine = make_engine(resolve(str(db_path)))
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, metadata)
    engine.dispose()
    assert diff == []


def test_ledger_pragmas_and_private_file(ledger, db_path):
    import os
    import stat

    engine = make_engine(resolve(str(db_path)))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    assert schema_revision(engine) == HEAD
    engine.dispose()
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_writing_transactions_begin_immediate(ledger, db_path):
    """A writer takes the write lock at BEGIN, so a second writer waits instead of failing
    later with SQLITE_BUSY_SNAPSHOT, whatever the busy timeout."""
    from sqlalchemy import text

    engine = make_engine(resolve(str(db_path)))
    with engine.begin() as conn:
        conn.execute(text("SELECT count(*) FROM grid")).scalar()
        other = sqlite3.connect(db_path, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
        else:
            raise AssertionError("the first transaction did not hold the write lock")
        finally:
            other.close()
    engine.dispose()


def test_integrity_after_work(park, cli, sql):
    cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-10-01", "--problem", "融资难")
    assert sql("PRAGMA integrity_check") == [("ok",)]
    assert sql("PRAGMA foreign_key_check") == []
