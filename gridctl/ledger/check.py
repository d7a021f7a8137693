"""Checking the ledger as a whole: its schema, SQLite's integrity and foreign keys (or, on
PostgreSQL, constraints left unvalidated), the audit trail's chain, and the checks a domain
package passes in (the points derived from the records, gridctl.points.consistency).

A check opens the database itself rather than through a command's session: it must report a
ledger that is too old or damaged rather than refuse to open it. Decides and reports; never
prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import Session

from gridctl.i18n import t
from gridctl.ledger import audit_read
from gridctl.ledger.config import Target
from gridctl.ledger.migrate import HEAD, schema_revision
from gridctl.ledger.session import existing_engine


@dataclass(frozen=True, slots=True)
class Finding:
    """One check: its name, whether it passed (None: not applicable), and what it found."""

    check: str
    ok: bool | None
    detail: str = ""
    problems: list[str] = field(default_factory=list)


# A check a domain package adds: given a read-only session and the ledger's tables.
Check = Callable[[Session, frozenset[str]], Finding]


def check(target: Target, extra: Sequence[Check] = ()) -> list[Finding]:
    """Every check that applies to this ledger, then the `extra` ones; none stops the others."""
    engine = existing_engine(target)
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
        if extra:
            with Session(engine.execution_options(sqlite_begin="DEFERRED")) as session:
                findings += [run(session, frozenset(tables)) for run in extra]
        return findings
    finally:
        engine.dispose()


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
    with Session(engine.execution_options(sqlite_begin="DEFERRED")) as session:
        verdict = audit_read.verify(session)
    if verdict.ok:
        return Finding("audit_chain", True, t("db.check.audit_entries", n=verdict.entries))
    kind, _, expected = (verdict.problem or "").partition(":")
    problem = t(f"db.check.audit.{kind}", expected=expected)
    return Finding(
        "audit_chain", False, t("db.check.audit_bad", seq=verdict.bad_seq, problem=problem)
    )
