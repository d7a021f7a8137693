"""PostgreSQL: `gridctl init` on an empty database, the migrations up and down, the models
matching them, and no SQLite-only SQL in the services. The engine tests run in a
GRIDCTL_TEST_POSTGRES run (make test-postgres); the source scan runs everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gridctl.ledger.config import resolve
from gridctl.ledger.migrate import HEAD, schema_revision
from gridctl.ledger.session import make_engine

needs_pg = pytest.mark.postgres


@pytest.fixture
def pg(on_postgres: bool, db_url: str) -> str:
    if not on_postgres:
        pytest.skip("needs GRIDCTL_TEST_POSTGRES")
    return db_url


@needs_pg
def test_init_creates_the_schema_in_an_empty_database(pg, cli):
    engine = make_engine(resolve(pg))
    try:
        assert schema_revision(engine) is None
        refused = cli("grid", "list", ok=False)
        assert refused.exit_code == 1 and "gridctl init" in refused.stderr
        assert cli("init").stdout.startswith("Created ledger postgresql+psycopg://")
        assert cli("init").stdout.startswith("Ledger postgresql+psycopg://")
        assert schema_revision(engine) == HEAD
    finally:
        engine.dispose()
    cli("grid", "add", "G1", "一区")
    cli("db", "check")


@needs_pg
def test_the_db_option_and_a_plain_postgresql_url(pg, cli, monkeypatch):
    monkeypatch.setenv("GRIDCTL_DB", "/nonexistent/elsewhere.db")
    plain = pg.replace("postgresql+psycopg://", "postgresql://")
    cli("--db", plain, "init")
    cli("--db", plain, "grid", "add", "G1", "一区")
    assert '"code": "G1"' in cli("--db", pg, "grid", "list", "-f", "json").stdout


@needs_pg
def test_migrations_go_down_and_up_again_and_match_the_models(pg, cli):
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from gridctl.ledger.migrate import _config
    from gridctl.ledger.models import metadata

    cli("init")
    engine = make_engine(resolve(pg))
    try:
        with engine.connect() as conn:
            command.downgrade(_config(conn), "base")
            conn.commit()
        assert schema_revision(engine) is None
        cli("init")
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


@needs_pg
def test_audit_chain_lock_is_taken_in_the_writing_transaction(pg, cli, sql):
    cli("init")
    cli("grid", "add", "G1", "一区")
    # The advisory lock is transaction-scoped: none is left behind after the command.
    assert sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'") == [(0,)]
    assert sql("SELECT seq, prev_hash FROM audit_entry") == [(1, "0" * 64)]


# --- portable SQL in the services ----------------------------------------------------------

# Functions and statements PostgreSQL does not have. The ledger layer (session, migrate,
# backup, check, info) speaks to SQLite on purpose and is left out.
SQLITE_ONLY = re.compile(
    r"\b(strftime|julianday|ifnull|group_concat|INSERT OR (REPLACE|IGNORE)|REPLACE INTO|"
    r"sqlite_master|PRAGMA|GLOB|last_insert_rowid)\b|'now'",
    re.IGNORECASE,
)
LEDGER_LAYER = {
    "session.py",
    "migrate.py",
    "backup.py",
    "check.py",
    "info.py",
    "copy.py",
    "writer.py",
}


def test_services_use_no_sqlite_only_sql():
    root = Path(__file__).resolve().parents[2] / "gridctl"
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.parent.name == "ledger" and path.name in LEDGER_LAYER:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if SQLITE_ONLY.search(code):
                found.append(f"{path.relative_to(root.parent)}:{number}: {line.strip()}")
    assert found == []
