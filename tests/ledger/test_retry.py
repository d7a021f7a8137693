"""PostgreSQL's serialization failures and deadlocks: the command's whole transaction runs again.

The retry helper with a fake failing function (both engines); on PostgreSQL a real deadlock
between `gridctl points adjust` and a second connection, and a lock timeout (not retried).
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from gridctl.cli.fields import name_field
from gridctl.errors import LedgerError
from gridctl.ledger import session as ledger_session


class FakeDriverError(Exception):
    def __init__(self, sqlstate: str | None) -> None:
        super().__init__(f"fake {sqlstate}")
        self.sqlstate = sqlstate


def failing(codes: list[str | None], kind: type = OperationalError):
    """A function failing with these SQLSTATEs in turn, then returning how often it ran."""
    calls: list[int] = []

    def run() -> int:
        calls.append(1)
        if len(calls) <= len(codes):
            raise kind("UPDATE x", {}, FakeDriverError(codes[len(calls) - 1]))
        return len(calls)

    return run, calls


def test_retry_runs_again_after_serialization_failure_and_deadlock():
    run, calls = failing(["40001", "40P01"])
    pauses: list[float] = []
    assert ledger_session.retry(run, what="db", pause=pauses.append) == 3
    assert len(calls) == 3
    # Short, randomised, growing: about 50 ms then 100 ms (each within 0.5x-1.5x).
    assert 0.025 <= pauses[0] <= 0.075 and 0.05 <= pauses[1] <= 0.15


def test_retry_gives_up_with_one_line_after_the_last_attempt():
    run, calls = failing(["40P01"] * 9)
    pauses: list[float] = []
    with pytest.raises(LedgerError) as caught:
        ledger_session.retry(run, what="postgresql://h/db", attempts=3, pause=pauses.append)
    assert len(calls) == 3 and len(pauses) == 2
    name_field(caught.value, None)  # as the command line names the field
    assert caught.value.message() == (
        "--db postgresql://h/db: the transaction was aborted by other writers (40P01) 3 times "
        "and given up; nothing was written; run the command again"
    )


@pytest.mark.parametrize(
    ("code", "kind"),
    [("23505", IntegrityError), ("55P03", OperationalError), (None, OperationalError)],
)
def test_retry_leaves_other_errors_alone(code, kind):
    # A unique violation, a lock timeout, and SQLite's "database is locked" (no SQLSTATE).
    run, calls = failing([code], kind)
    pauses: list[float] = []
    with pytest.raises(kind):
        ledger_session.retry(run, what="db", pause=pauses.append)
    assert len(calls) == 1 and pauses == []


# --- on PostgreSQL ------------------------------------------------------------------------


@pytest.fixture
def pg(on_postgres: bool, db_url: str) -> str:
    if not on_postgres:
        pytest.skip("needs GRIDCTL_TEST_POSTGRES")
    return db_url.replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.fixture
def adjust_calls(monkeypatch):
    """How many times the service of `points adjust` was called."""
    from gridctl.points import grants

    calls: list[int] = []
    real = grants.adjust

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(grants, "adjust", counted)
    return calls


def _wait_for_a_waiter(pg: str, timeout: float = 20.0) -> None:
    """Until a session of this database waits for a lock (the command under test)."""
    import psycopg

    with psycopg.connect(pg, autocommit=True) as look:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            waiting = look.execute(
                "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                "WHERE NOT l.granted AND a.datname = current_database()"
            ).fetchone()
            if waiting and waiting[0]:
                return
            time.sleep(0.02)
    raise AssertionError("the command never waited for the lock")


ADJUST = ("points", "adjust", "S001", "2", "--area", "problems", "--reason", "重试测试")


@pytest.mark.postgres
def test_deadlock_victim_command_runs_again_and_writes_once(pg, park, cli, sql, adjust_calls):
    import psycopg

    from gridctl.ledger.audit import PG_LOCK_KEY

    other = psycopg.connect(pg)
    try:
        # The other writer never checks for deadlock itself: the command is the victim.
        other.execute("SET deadlock_timeout = '60s'")
        other.execute("SELECT id FROM supervisor WHERE code = 'S001' FOR UPDATE")
        done: dict[str, object] = {}
        # The command takes the audit trail's lock, then waits for the supervisor row.
        worker = threading.Thread(target=lambda: done.setdefault("result", cli(*ADJUST, ok=False)))
        worker.start()
        _wait_for_a_waiter(pg)
        # Now the other writer wants the trail's lock: a deadlock, which PostgreSQL breaks by
        # aborting the command's transaction (40P01); the other one goes on and commits.
        other.execute("SELECT pg_advisory_xact_lock(%s)", (PG_LOCK_KEY,))
        other.commit()
        worker.join(60)
    finally:
        other.close()
    result = done["result"]
    assert (result.exit_code, result.stderr) == (0, "")  # type: ignore[attr-defined]
    assert result.stdout.startswith("Adjusted S001")  # type: ignore[attr-defined]
    assert len(adjust_calls) == 2  # aborted once, run again whole
    assert sql("SELECT points FROM point_adjustment WHERE reason = '重试测试'") == [(2,)]
    assert sql("SELECT count(*) FROM audit_entry WHERE action = 'adjust'") == [(1,)]


@pytest.mark.postgres
def test_other_database_errors_are_not_retried(pg, park, cli, sql, adjust_calls, monkeypatch):
    import psycopg

    monkeypatch.setenv("PGOPTIONS", "-c lock_timeout=300")
    other = psycopg.connect(pg)
    try:
        other.execute("SELECT id FROM supervisor WHERE code = 'S001' FOR UPDATE")
        result = cli(*ADJUST, ok=False)
    finally:
        other.close()
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: the ledger refused the change: canceling statement due to lock timeout"
    ]
    assert len(adjust_calls) == 1
    assert sql("SELECT count(*) FROM point_adjustment WHERE reason = '重试测试'") == [(0,)]
