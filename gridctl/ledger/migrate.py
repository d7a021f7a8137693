"""The ledger's schema: the revision it is at, and creating or upgrading it with Alembic.

Alembic is imported inside the functions that run it: every command compares the ledger's
revision with HEAD when it opens the ledger, and only `gridctl init` upgrades it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

from gridctl.errors import LedgerError
from gridctl.i18n import t

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision; commands that are not `init` compare the ledger with it without
# importing Alembic (start-up time). tests/ledger/test_migrations.py keeps it equal to
# Alembic's head.
HEAD = "0010"


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision the ledger is at, or None for an empty database."""
    with engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:
        try:
            value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:  # noqa: BLE001 - no alembic_version table: an empty database
            return None
    return None if value is None else str(value)


def script_location() -> Path:
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_migrations", here.parent / "migrations"):
        if (candidate / "env.py").exists():
            return candidate
    raise LedgerError.about(t("field.migrations"), str(here), t("detail.no_migrations"))


def _config(connection: Connection | None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    cfg.attributes["connection"] = connection
    return cfg


def alembic_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(None)).get_current_head() or ""


@dataclass(frozen=True)
class Upgrade:
    before: str | None
    after: str


def upgrade(engine: Engine, revision: str = "head") -> Upgrade:
    """Bring the ledger to `revision`; on SQLite with foreign keys off, then checked."""
    from alembic import command

    before = schema_revision(engine)
    with engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:
        sqlite = conn.dialect.name == "sqlite"
        # PRAGMA foreign_keys is ignored inside a transaction: set it on the raw connection.
        raw = conn.connection.dbapi_connection
        assert raw is not None  # a checked-out connection always has its driver's
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        command.upgrade(_config(conn), revision)
        conn.commit()
        if sqlite:
            _check_sqlite(conn)
            conn.commit()
            raw.execute("PRAGMA foreign_keys=ON")
    return Upgrade(before, schema_revision(engine) or "")


def _check_sqlite(conn: Connection) -> None:
    bad_keys = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
    integrity = conn.execute(text("PRAGMA integrity_check")).scalar()
    if bad_keys or integrity != "ok":
        raise LedgerError.about(
            t("field.schema"), integrity, t("detail.broken_keys", n=len(bad_keys))
        )
