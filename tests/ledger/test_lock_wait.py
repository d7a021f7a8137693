"""A write that finds another program holding SQLite's write lock says so after a second
(once, through the callback the CLI passes) and then waits; no word when nothing waits."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from gridctl.ledger import session as ledger_session
from gridctl.ledger.config import resolve
from gridctl.ledger.session import open_ledger

pytestmark = pytest.mark.sqlite_only


@contextmanager
def held_for(path: Path, seconds: float) -> Iterator[None]:
    """Another program's write transaction on the ledger, committed after `seconds`."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(seconds, lambda: other.execute("COMMIT"))
    timer.start()
    try:
        yield
    finally:
        timer.join()
        other.close()


def test_no_word_when_nobody_else_writes(ledger: Path) -> None:
    told: list[float] = []
    with open_ledger(resolve(str(ledger)), write=True, on_wait=lambda: told.append(1)) as s:
        s.execute(text("SELECT 1"))
    assert told == []


def test_told_once_after_a_second_then_waits(ledger: Path) -> None:
    start = time.monotonic()
    told: list[float] = []
    with held_for(ledger, 2.0):
        with open_ledger(
            resolve(str(ledger)), write=True, on_wait=lambda: told.append(time.monotonic())
        ) as session:
            session.execute(text("UPDATE supervisor SET name = name"))
            got_lock = time.monotonic()
    assert len(told) == 1
    assert 0.9 <= told[0] - start < 2.0  # told after the second, before the lock came free
    assert got_lock - start >= 1.9  # and it did wait for the other writer


def test_still_locked_fails_as_before(ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import OperationalError

    monkeypatch.setattr(ledger_session, "BUSY_TIMEOUT_MS", 2_000)
    told: list[int] = []
    with held_for(ledger, 4.0):
        with pytest.raises(OperationalError, match="database is locked"):
            with open_ledger(
                resolve(str(ledger)), write=True, on_wait=lambda: told.append(1)
            ) as session:
                session.execute(text("SELECT 1"))
    assert told == [1]


def test_cli_says_it_waits(park: Path, cli: Callable[..., object]) -> None:
    with held_for(park, 1.8):
        result = cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-03-02")
    err = result.stderr  # type: ignore[attr-defined]
    lines = [line for line in err.splitlines() if "Another program is writing" in line]
    assert len(lines) == 1, err
    assert str(park) in lines[0]
