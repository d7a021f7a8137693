"""Looking after the ledger: backup, restore, check, info. Decides and reports; never prints.

These work on the ledger as a whole (a file, a database), not through one command's
session: `check` must report a ledger that is too old or damaged rather than refuse to open
it, and `backup`/`restore` copy pages with SQLite's online backup API, which stays
consistent while other processes write (PITFALLS.md: copying a live file can corrupt it).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, text

from gridctl.errors import Conflict, Invalid, LedgerError
from gridctl.i18n import t
from gridctl.ledger.config import Target
from gridctl.ledger.session import BUSY_TIMEOUT_MS, make_engine, schema_revision

SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every gridctl ledger has had since the first revision.
CORE_TABLES = ("alembic_version", "grid", "guidance_group", "supervisor", "enterprise", "visit")


def known_revisions() -> tuple[str, ...]:
    """Every revision up to this gridctl's newest: the chain is numbered 0001, 0002, ..."""
    from gridctl.ledger.migrate import HEAD

    return tuple(f"{n:04d}" for n in range(1, int(HEAD) + 1))


def _sqlite_only(target: Target, what: str) -> Path:
    """The ledger file; `what` ("backup" or "restore") names the refusal otherwise."""
    if target.path is None:
        key = "detail.db.pg_backup" if not target.is_sqlite else f"detail.db.{what}_needs_file"
        detail = t(key)
        raise LedgerError("--db", target.display(), detail)
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
    """Copy the live ledger to `dest` as one consistent snapshot (owner-only file)."""
    source = _sqlite_only(target, "backup")
    if not source.exists():
        raise LedgerError("--db", target.display(), t("detail.db.nothing_to_back_up"))
    dest = dest.expanduser().resolve()
    if dest == source.resolve():
        raise Invalid("FILE", str(dest), t("detail.db.backup_is_ledger"))
    if dest.exists() and not force:
        raise Conflict("FILE", str(dest), t("detail.db.backup_exists"))
    if not dest.parent.is_dir():
        raise Invalid("FILE", str(dest), t("detail.db.no_folder"))
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    _private(tmp)
    try:
        _copy(source, tmp)
        with sqlite3.connect(tmp) as con:
            con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            revision = _check_copy(con, str(dest))
        con.close()
        _fsync(tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return Copied(str(source), str(dest), dest.stat().st_size, revision)


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
        raise LedgerError("FILE", name, t("detail.db.copy_integrity", status=status))
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- restore ------------------------------------------------------------------------------


def inspect_file(path: Path) -> str:
    """The schema revision of a gridctl ledger file; refuses anything else."""
    name = str(path)
    if not path.is_file():
        raise Invalid("FILE", name, t("detail.db.no_file"))
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise Invalid("FILE", name, t("detail.db.not_sqlite"))
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = [t for t in CORE_TABLES if t not in tables]
        if missing:
            raise Invalid("FILE", name, t("detail.db.no_table", table=missing[0]))
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
        if revision not in known_revisions():
            raise Invalid("FILE", name, t("detail.db.unknown_schema", rev=revision))
        status = con.execute("PRAGMA integrity_check").fetchone()[0]
        if status != "ok":
            raise Invalid("FILE", name, t("detail.db.integrity", status=status))
    except sqlite3.DatabaseError as exc:
        raise Invalid("FILE", name, t("detail.db.unreadable", error=exc)) from None
    finally:
        con.close()
    return revision


def restore(target: Target, source: Path, *, force: bool = False) -> Copied:
    """Copy a backup into the ledger, page by page under SQLite's locks (safe if others
    have the ledger open: they see the old ledger or the restored one, never a mix)."""
    dest = _sqlite_only(target, "restore")
    source = source.expanduser().resolve()
    revision = inspect_file(source)
    if dest.exists() and dest.stat().st_size > 0 and not force:
        raise Conflict("--db", target.display(), t("detail.db.ledger_exists"))
    if source == dest.resolve():
        raise Invalid("FILE", str(source), t("detail.db.restore_is_ledger"))
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        _private(dest)
    _copy(source, dest)
    with sqlite3.connect(dest) as con:
        _check_copy(con, str(dest))
    con.close()
    return Copied(str(source), str(dest), dest.stat().st_size, revision)


# --- check --------------------------------------------------------------------------------


@dataclass
class Finding:
    """One check: its name, whether it passed (None: not applicable), and what it found."""

    check: str
    ok: bool | None
    detail: str = ""
    problems: list[str] = field(default_factory=list)


def check(target: Target) -> list[Finding]:
    """Every check that applies to this ledger; none stops the others."""
    from gridctl.ledger.migrate import HEAD

    engine = _existing(target)
    try:
        revision = schema_revision(engine)
        shown = revision or t("db.check.empty_schema")
        findings = [Finding("schema", revision == HEAD, t("db.check.schema", rev=shown, head=HEAD))]
        tables = set(inspect(engine).get_table_names())
        if engine.dialect.name == "sqlite":
            findings += _sqlite_checks(engine)
        else:
            findings.append(_pg_constraints(engine))
        findings.append(_audit_check(engine, tables))
        findings.append(points_consistency(engine, tables))
        return findings
    finally:
        engine.dispose()


def _existing(target: Target) -> Engine:
    if target.path is not None and not target.path.exists():
        raise LedgerError("--db", target.display(), t("detail.no_ledger"))
    return make_engine(target)


def _sqlite_checks(engine: Engine) -> list[Finding]:
    with engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:
        integrity = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    keys = [t("db.check.fk_row", table=r[0], row=r[1], parent=r[2]) for r in broken]
    return [
        Finding("integrity", integrity == ["ok"], "; ".join(integrity[:5]), integrity[:100]),
        Finding("foreign_keys", not broken, t("db.check.broken", n=len(broken)), keys[:100]),
    ]


def _pg_constraints(engine: Engine) -> Finding:
    """PostgreSQL enforces keys itself; a constraint added NOT VALID would not be checked."""
    with engine.connect() as conn:
        names = conn.execute(
            text(
                "SELECT conrelid::regclass::text || '.' || conname FROM pg_constraint "
                "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace"
            )
        ).scalars()
        unvalidated = list(names)
    return Finding(
        "constraints", not unvalidated, t("db.check.unvalidated", n=len(unvalidated)), unvalidated
    )


def _audit_check(engine: Engine, tables: set[str]) -> Finding:
    if "audit_entry" not in tables:
        return Finding("audit_chain", None, t("db.check.no_audit"))
    from sqlalchemy.orm import Session

    from gridctl.ledger import audit

    with Session(engine.execution_options(sqlite_begin="DEFERRED")) as session:
        verdict = audit.verify(session)
    if verdict.ok:
        return Finding("audit_chain", True, t("db.check.audit_entries", n=verdict.entries))
    kind, _, expected = (verdict.problem or "").partition(":")
    problem = t(f"db.check.audit.{kind}", expected=expected)
    return Finding(
        "audit_chain", False, t("db.check.audit_bad", seq=verdict.bad_seq, problem=problem)
    )


# Point entries are derived from the records: the check finds entries whose record is gone
# or whose visit belongs to someone else. A ledger at an older revision may lack the tables.
POINTS_TABLE = "point_entry"
RECORD_TABLES = {
    "visit": "visit",
    "problem": "problem",
    "activity": "activity",
    "award": "effectiveness_award",
}


def points_consistency(engine: Engine, tables: set[str]) -> Finding:
    """The points tables agree with the visits, problems and activities they count."""
    if POINTS_TABLE not in tables:
        return Finding("points", None, t("db.check.no_points"))
    from sqlalchemy.orm import Session

    with Session(engine.execution_options(sqlite_begin="DEFERRED")) as session:
        problems = _orphan_entries(session, tables)
    hint = t("db.check.recompute_hint") if problems else ""
    found = t("db.check.points", n=len(problems), hint=hint)
    return Finding("points", not problems, found, problems[:100])


def _orphan_entries(session: Any, tables: set[str]) -> list[str]:
    found = []
    for record_type, table in RECORD_TABLES.items():
        if table not in tables:
            continue
        orphans = session.execute(
            text(
                f"SELECT e.id FROM point_entry e WHERE e.record_type = :t AND NOT EXISTS "
                f"(SELECT 1 FROM {table} r WHERE r.id = e.record_id) ORDER BY e.id"
            ),
            {"t": record_type},
        ).scalars()
        record = t(f"db.record.{record_type}")
        found += [t("db.check.orphan", id=i, record=record) for i in orphans]
    strangers = session.execute(
        text(
            "SELECT e.id FROM point_entry e JOIN visit v ON v.id = e.record_id "
            "WHERE e.record_type = 'visit' AND e.supervisor_id <> v.supervisor_id ORDER BY e.id"
        )
    ).scalars()
    found += [t("db.check.stranger", id=i) for i in strangers]
    return found


# --- info ---------------------------------------------------------------------------------


def info(target: Target) -> dict[str, Any]:
    """Where the ledger is, its engine, schema revision, size and row counts."""
    engine = _existing(target)
    try:
        tables = sorted(inspect(engine).get_table_names())
        with engine.connect().execution_options(sqlite_begin="DEFERRED") as conn:
            counts = {
                t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one()
                for t in tables
                if t != "alembic_version"
            }
            version = conn.execute(
                text("SELECT sqlite_version()" if target.is_sqlite else "SHOW server_version")
            ).scalar_one()
            journal = (
                conn.exec_driver_sql("PRAGMA journal_mode").scalar_one()
                if target.is_sqlite
                else None
            )
        record: dict[str, Any] = {
            "ledger": target.display(),
            "engine": f"{engine.dialect.name} {version}",
            "schema": schema_revision(engine),
        }
        if target.path is not None:
            record["bytes"] = target.path.stat().st_size
            record["journal_mode"] = journal
        record["rows"] = counts
        return record
    finally:
        engine.dispose()
