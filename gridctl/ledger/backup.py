"""Backing up and restoring a SQLite ledger file. Decides and reports; never prints.

These work on the ledger file as a whole, not through one command's session, and copy pages
with SQLite's online backup API, which stays consistent while other processes write (copying
a live file with its -wal beside it can give a corrupt copy).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gridctl.errors import Conflict, Invalid, LedgerError
from gridctl.i18n import t
from gridctl.ledger.config import Target
from gridctl.ledger.migrate import HEAD
from gridctl.ledger.session import BUSY_TIMEOUT_MS
from gridctl.outfile import OutputFileError, destination, staged

SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every gridctl ledger has had since the first revision.
CORE_TABLES = ("alembic_version", "grid", "guidance_group", "supervisor", "enterprise", "visit")


def known_revisions() -> tuple[str, ...]:
    """Every revision up to this gridctl's newest: the chain is numbered 0001, 0002, ..."""
    return tuple(f"{n:04d}" for n in range(1, int(HEAD) + 1))


def _sqlite_only(target: Target, what: str) -> Path:
    """The ledger file; `what` ("backup" or "restore") names the refusal otherwise."""
    if target.path is None:
        key = "detail.db.pg_backup" if not target.is_sqlite else f"detail.db.{what}_needs_file"
        detail = t(key)
        raise LedgerError("db", target.display(), detail)
    return target.path


def _private(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return con


# --- backup -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Copied:
    """A finished copy: where from, where to, its size and schema revision."""

    source: str
    dest: str
    bytes: int
    revision: str | None


def backup(target: Target, dest: Path, *, force: bool = False) -> Copied:
    """Copy the live ledger to `dest` as one consistent snapshot (owner-only file), through
    the one output-file writer: a device or pipe (/dev/stdout) takes the bytes in place."""
    source = _sqlite_only(target, "backup")
    if not source.exists():
        raise LedgerError("db", target.display(), t("detail.db.nothing_to_back_up"))
    where = destination(dest, field="file")
    shown = str(where.given if where.in_place else where.real)
    if where.real.exists() and where.real.resolve() == source.resolve():
        raise Invalid("file", shown, t("detail.db.backup_is_ledger"))
    if where.mode is not None and not force:
        raise Conflict("file", shown, t("detail.db.backup_exists"))
    with staged(dest, field="file", private=True) as tmp:
        try:
            _copy(source, tmp)
        except sqlite3.OperationalError as exc:
            # SQLite writes the copy itself; the one write failure it names is a full disk.
            if "full" not in str(exc):
                raise
            raise OutputFileError("file", shown, t("outfile.disk_full", error=exc)) from None
        with sqlite3.connect(tmp) as con:
            con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            revision = _check_copy(con, shown)
        con.close()
        size = tmp.stat().st_size
    return Copied(str(source), shown, size, revision)


def _copy(source: Path, dest: Path) -> None:
    """All pages in one step: one read transaction on the source, so one snapshot."""
    src = _connect(source)
    dst = _connect(dest)
    try:
        src.backup(dst, pages=-1)
    finally:
        dst.close()
        src.close()


def _check_copy(con: sqlite3.Connection, name: str) -> str | None:
    status = con.execute("PRAGMA integrity_check").fetchone()[0]
    if status != "ok":
        raise LedgerError("file", name, t("detail.db.copy_integrity", status=status))
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


# --- restore ------------------------------------------------------------------------------


def inspect_file(path: Path) -> str:
    """The schema revision of a gridctl ledger file; refuses anything else."""
    name = str(path)
    if not path.is_file():
        raise Invalid("file", name, t("detail.db.no_file"))
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise Invalid("file", name, t("detail.db.not_sqlite"))
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = [table for table in CORE_TABLES if table not in tables]
        if missing:
            raise Invalid("file", name, t("detail.db.no_table", table=missing[0]))
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
        if revision not in known_revisions():
            raise Invalid("file", name, t("detail.db.unknown_schema", rev=revision))
        status = con.execute("PRAGMA integrity_check").fetchone()[0]
        if status != "ok":
            raise Invalid("file", name, t("detail.db.integrity", status=status))
    except sqlite3.DatabaseError as exc:
        raise Invalid("file", name, t("detail.db.unreadable", error=exc)) from None
    finally:
        con.close()
    return str(revision)


def restore(target: Target, source: Path, *, force: bool = False) -> Copied:
    """Copy a backup into the ledger, page by page under SQLite's locks (safe if others
    have the ledger open: they see the old ledger or the restored one, never a mix)."""
    dest = _sqlite_only(target, "restore")
    source = source.expanduser().resolve()
    revision = inspect_file(source)
    if dest.exists() and dest.stat().st_size > 0 and not force:
        raise Conflict("db", target.display(), t("detail.db.ledger_exists"))
    if source == dest.resolve():
        raise Invalid("file", str(source), t("detail.db.restore_is_ledger"))
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        _private(dest)
    _copy(source, dest)
    with sqlite3.connect(dest) as con:
        _check_copy(con, str(dest))
    con.close()
    return Copied(str(source), str(dest), dest.stat().st_size, revision)
