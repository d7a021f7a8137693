"""What the ledger is: where it is, its engine and version, schema revision, size and the
rows in each table. Decides and reports; never prints."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect, text

from gridctl.ledger.config import Target
from gridctl.ledger.migrate import schema_revision
from gridctl.ledger.session import existing_engine


@dataclass(frozen=True, slots=True)
class LedgerInfo:
    """A ledger's description; `bytes` and `journal_mode` only for a ledger file (None for a
    database server)."""

    ledger: str
    engine: str
    schema: str | None
    bytes: int | None
    journal_mode: str | None
    rows: dict[str, int]


def info(target: Target) -> LedgerInfo:
    """Where the ledger is, its engine, schema revision, size and row counts."""
    engine = existing_engine(target)
    try:
        tables = sorted(inspect(engine).get_table_names())
        with engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:
            counts = {
                name: int(conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one())
                for name in tables
                if name != "alembic_version"
            }
            version = conn.execute(
                text("SELECT sqlite_version()" if target.is_sqlite else "SHOW server_version")
            ).scalar_one()
            journal = (
                conn.exec_driver_sql("PRAGMA journal_mode").scalar_one()
                if target.is_sqlite
                else None
            )
        return LedgerInfo(
            ledger=target.display(),
            engine=f"{engine.dialect.name} {version}",
            schema=schema_revision(engine),
            bytes=target.path.stat().st_size if target.path is not None else None,
            journal_mode=journal if target.path is not None else None,
            rows=counts,
        )
    finally:
        engine.dispose()
