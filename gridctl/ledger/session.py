"""Open the ledger: one engine per command, SQLite pragmas, one transaction per command.

SQLite traps: foreign keys are off unless set on each connection before any BEGIN; the
default DEFERRED transaction loses read-then-write races, so writing commands begin
IMMEDIATE; WAL with synchronous=FULL because this ledger pays money.

PostgreSQL, shared by many writers, may abort a transaction with a serialization failure
(SQLSTATE 40001) or a deadlock (40P01): nothing of it was kept, and running it again usually
succeeds. `run_in_transaction` re-runs the command's whole transaction (a fresh session, the
service call from the start) a few times after a short random pause before giving up with
one line. Nothing else is retried; SQLite's busy waits stay with its busy timeout.

A writer that finds another holding SQLite's write lock waits silently in SQLite's busy
handler, which Python does not expose. So BEGIN IMMEDIATE is first tried with a one-second
timeout; when that fails the session's `on_wait` callback is told once, with the gridctl
writer holding the lock if one says so (ledger.writer; the CLI prints a line: ledger/ prints
nothing itself), and BEGIN is tried again every two seconds: for as long as that writer is
working (a nightly import included), up to the busy timeout for another program. A stuck
holder (stopped, or idle a minute) is refused naming it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlmodel import Session

from gridctl.errors import LedgerError
from gridctl.i18n import t
from gridctl.ledger import writer
from gridctl.ledger.config import Target
from gridctl.ledger.migrate import HEAD, schema_revision

BUSY_TIMEOUT_MS = 30_000
# A province's ledger is several GB. SQLite's default page cache is 2 MB, so index probes
# during a big write or read go to the file page by page. The cache is allocated as it fills,
# so a small ledger pays nothing for the ceiling (KiB; SQLite takes a negative size as KiB).
CACHE_KIB = 256 * 1024
# Reads through a memory map instead of read() calls into the page cache. SQLite caps the
# request at its build's maximum (2 GiB for Debian's), so asking for more is harmless.
MMAP_BYTES = 16 * 1024**3
# PostgreSQL's "run it again" errors: serialization_failure and deadlock_detected.
RETRY_SQLSTATES = frozenset({"40001", "40P01"})
ATTEMPTS = 4
# First pause about 50 ms, doubled each time, jittered (0.5x-1.5x) so writers drift apart.
BACKOFF_S = 0.05

# After this long waiting for the write lock, the user is told why nothing happens.
WAIT_NOTICE_MS = 1_000
# Then the waiter looks at who holds the lock this often (ledger.writer).
WAIT_ROUND_MS = 2_000

T = TypeVar("T")
# Told once when a write waits for another program's write lock: the gridctl writer holding
# it, or None for another program.
OnWait = Callable[["writer.Holder | None"], None]


def _create_private_file(path: Path) -> None:
    """Create the ledger file readable by its owner only; SQLite's -wal/-shm inherit it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def _busy(exc: sqlite3.OperationalError) -> bool:
    # The primary result code (the low byte): SQLITE_BUSY, whatever its extended reason.
    return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_BUSY


def _begin_immediate(conn: Connection, on_wait: OnWait, ledger: Path | None) -> None:
    """BEGIN IMMEDIATE. If another program holds the write lock for a second, on_wait(holder)
    once, then wait: as long as the holder is a gridctl writer that is working (ledger.writer),
    up to the busy timeout for any other program; a stuck holder is refused by name."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cur = raw.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout={WAIT_NOTICE_MS}")
        if _try_begin(cur):
            return
        who = writer.holder(ledger) if ledger is not None else None
        on_wait(who)
        waited_ms = WAIT_NOTICE_MS
        cur.execute(f"PRAGMA busy_timeout={WAIT_ROUND_MS}")
        while not _try_begin(cur):
            waited_ms += WAIT_ROUND_MS
            who = writer.holder(ledger) if ledger is not None else None
            if who is not None and who.stuck:
                raise LedgerError("db", str(ledger), _stuck(who))
            if who is None and waited_ms >= BUSY_TIMEOUT_MS:
                raise LedgerError(
                    "db", str(ledger), t("scale.locked_by_other", seconds=waited_ms // 1000)
                )
    finally:
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()


def _try_begin(cur: Any) -> bool:
    try:
        cur.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if not _busy(exc):
            raise
        return False
    return True


def _stuck(who: writer.Holder) -> str:
    key = "scale.locked_by_stopped" if who.stopped else "scale.locked_by_stuck"
    return t(
        key,
        command=who.command,
        pid=who.pid,
        since=who.started.strftime("%H:%M:%S"),
        idle=int(who.idle_s),
    )


def _sqlite_engine(target: Target, on_wait: OnWait | None) -> Engine:
    if target.path is not None and not target.path.exists():
        _create_private_file(target.path)
    engine = create_engine(
        target.url,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: object) -> None:
        # Let SQLAlchemy's begin event below issue BEGIN, not the driver.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if target.path is not None:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cur.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        if mode == "IMMEDIATE" and on_wait is not None:
            _begin_immediate(conn, on_wait, target.path)
        else:
            conn.exec_driver_sql(f"BEGIN {mode}")
        if mode == "IMMEDIATE" and target.path is not None:
            conn.info["writer"] = writer.Claim(target.path, conn.connection.dbapi_connection)

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _on_end(conn: Connection) -> None:
        claim = conn.info.pop("writer", None)
        if claim is not None:
            claim.release()

    return engine


def make_engine(target: Target, on_wait: OnWait | None = None) -> Engine:
    """An engine on the ledger; on SQLite, `on_wait` is told when a write waits for the lock."""
    if target.is_sqlite:
        return _sqlite_engine(target, on_wait)
    return create_engine(target.url, pool_pre_ping=True)


def ledger_exists(target: Target) -> bool:
    return target.path is None or target.path.exists()


def existing_engine(target: Target, on_wait: OnWait | None = None) -> Engine:
    """An engine on the ledger; refuses a ledger file that does not exist (nothing is created)."""
    if not ledger_exists(target):
        raise LedgerError("db", target.display(), t("detail.no_ledger"))
    return make_engine(target, on_wait)


@contextmanager
def open_ledger(target: Target, *, write: bool, on_wait: OnWait | None = None) -> Iterator[Session]:
    """A session on an up-to-date ledger, committed once when the block ends without error.

    Read-only commands begin DEFERRED so that long reports do not hold the write lock.
    """
    from gridctl.ledger import audit

    engine = existing_engine(target, on_wait)
    try:
        rev = schema_revision(engine)
        if rev != HEAD:
            raise LedgerError("db", target.display(), t("detail.old_schema", rev=rev or "-"))
        bind = engine if write else engine.execution_options(sqlite_begin="DEFERRED")
        with Session(bind, expire_on_commit=False) as session:
            audit.install(session)
            yield session
            if write:
                session.commit()
            else:
                session.rollback()
    finally:
        engine.dispose()


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a database error (the driver's exception, wrapped or not), if any."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return code if isinstance(code, str) else None


def backoff(attempt: int) -> float:
    import random  # here, not at start-up: only a retry needs it

    return BACKOFF_S * 2.0 ** (attempt - 1) * (0.5 + random.random())


def retry(
    run: Callable[[], T],
    *,
    what: str,
    attempts: int = ATTEMPTS,
    pause: Callable[[float], object] | None = None,
) -> T:
    """`run()` again while it fails with a serialization failure or deadlock, up to `attempts`
    times in all; then one LedgerError naming `what`. `run` must be a whole transaction."""
    from sqlalchemy.exc import DBAPIError

    if pause is None:
        import time

        pause = time.sleep
    for attempt in range(1, attempts + 1):
        try:
            return run()
        except DBAPIError as exc:
            code = sqlstate(exc)
            if code not in RETRY_SQLSTATES:
                raise
            if attempt == attempts:
                detail = t("detail.retries_exhausted", n=attempts, sqlstate=code)
                raise LedgerError("db", what, detail) from exc
        pause(backoff(attempt))
    raise AssertionError("unreachable")  # pragma: no cover


def run_in_transaction(
    target: Target,
    fn: Callable[[Session], T],
    *,
    attempts: int = ATTEMPTS,
    on_wait: OnWait | None = None,
) -> T:
    """fn(session) in one write transaction, committed once; the whole of it (a fresh session,
    fn from the start) re-run on PostgreSQL's serialization failure or deadlock."""

    def once() -> T:
        with open_ledger(target, write=True, on_wait=on_wait) as session:
            out = fn(session)
        return out

    return retry(once, what=target.display(), attempts=attempts)
