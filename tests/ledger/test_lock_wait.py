"""A write that finds another program holding SQLite's write lock says so after a second
(once, through the callback the CLI passes) and then waits; no word when nothing waits."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from gridctl.errors import LedgerError
from gridctl.ledger import session as ledger_session
from gridctl.ledger import writer
from gridctl.ledger.config import resolve
from gridctl.ledger.session import open_ledger
from gridctl.ledger.writer import Holder

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
            resolve(str(ledger)), write=True, on_wait=lambda _: told.append(time.monotonic())
        ) as session:
            session.execute(text("UPDATE supervisor SET name = name"))
            got_lock = time.monotonic()
    assert len(told) == 1
    assert 0.9 <= told[0] - start < 2.0  # told after the second, before the lock came free
    assert got_lock - start >= 1.9  # and it did wait for the other writer


def test_another_program_is_waited_for_up_to_the_busy_timeout(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_session, "BUSY_TIMEOUT_MS", 2_000)
    told: list[object] = []
    with held_for(ledger, 4.0):
        with pytest.raises(LedgerError, match="another program has held"):
            with open_ledger(resolve(str(ledger)), write=True, on_wait=told.append) as session:
                session.execute(text("SELECT 1"))
    assert told == [None]  # no gridctl writer said it holds the lock


@contextmanager
def gridctl_writer(ledger: Path, *, idle: float = 0.0, stop: bool = False) -> Iterator[int]:
    """A live process that has left its claim beside the ledger, as a gridctl writer does
    (its file last touched `idle` seconds ago; stopped with SIGSTOP when `stop`)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    claim = ledger.with_name(f"{ledger.name}-writer.{child.pid}")
    claim.write_text(
        json.dumps(
            {
                "pid": child.pid,
                "command": "gridctl import visits 走访.csv",
                "started": "2026-12-01T10:29:03+08:00",
            }
        ),
        encoding="utf-8",
    )
    then = time.time() - idle
    os.utime(claim, (then, then))
    if stop:
        os.kill(child.pid, signal.SIGSTOP)
    try:
        yield child.pid
    finally:
        child.kill()
        child.wait()
        claim.unlink(missing_ok=True)


def test_a_working_gridctl_writer_is_waited_for_past_the_busy_timeout(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_session, "BUSY_TIMEOUT_MS", 1_500)
    told: list[object] = []
    with gridctl_writer(ledger) as pid, held_for(ledger, 5.0):
        claim = ledger.with_name(f"{ledger.name}-writer.{pid}")
        beating = threading.Timer(2.5, lambda: os.utime(claim))  # it goes on working
        beating.start()
        start = time.monotonic()
        with open_ledger(resolve(str(ledger)), write=True, on_wait=told.append) as session:
            session.execute(text("UPDATE supervisor SET name = name"))
        waited = time.monotonic() - start
        beating.join()
    assert waited >= 4.5  # three times the busy timeout: the holder was working
    assert len(told) == 1
    holder = told[0]
    assert isinstance(holder, Holder) and holder.pid == pid
    assert holder.command == "gridctl import visits 走访.csv"


@pytest.mark.parametrize(
    ("idle", "stop", "says"), [(120.0, False, "done nothing for 1"), (0.0, True, "is stopped")]
)
def test_a_stuck_or_stopped_writer_is_refused_by_name(
    ledger: Path, idle: float, stop: bool, says: str
) -> None:
    with gridctl_writer(ledger, idle=idle, stop=stop) as pid, held_for(ledger, 4.0):
        with pytest.raises(LedgerError) as refused:
            with open_ledger(resolve(str(ledger)), write=True, on_wait=lambda _: None) as s:
                s.execute(text("SELECT 1"))
    message = refused.value.message()
    assert says in message and f"pid {pid}" in message and "gridctl import visits" in message


def test_a_writer_leaves_its_claim_while_it_writes_and_takes_it_away(ledger: Path) -> None:
    with open_ledger(resolve(str(ledger)), write=True, on_wait=lambda _: None) as session:
        session.execute(text("UPDATE supervisor SET name = name"))
        claims = list(ledger.parent.glob(f"{ledger.name}-writer.*"))
        assert [c.name for c in claims] == [f"{ledger.name}-writer.{os.getpid()}"]
        assert json.loads(claims[0].read_text(encoding="utf-8"))["pid"] == os.getpid()
    assert list(ledger.parent.glob(f"{ledger.name}-writer.*")) == []


LONG_WRITE = """
import sys, time
from sqlalchemy import text
from gridctl.ledger.config import resolve
from gridctl.ledger.session import open_ledger
with open_ledger(resolve(sys.argv[1]), write=True, on_wait=lambda _: None) as session:
    print("holding", flush=True)
    # One long statement (about 5 s): only SQLite's progress handler can say it works.
    session.execute(text(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000000)"
        " SELECT count(*) FROM n"))
"""


def test_the_writer_works_inside_one_long_statement(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another gridctl process in one statement longer than the busy timeout: its claim is
    kept fresh by the progress handler, so the waiter waits it out."""
    monkeypatch.setattr(ledger_session, "BUSY_TIMEOUT_MS", 1_500)
    monkeypatch.setattr(writer, "STUCK_S", 1.5)
    other = subprocess.Popen(
        [sys.executable, "-c", LONG_WRITE, str(ledger)], stdout=subprocess.PIPE, text=True
    )
    assert other.stdout is not None and other.stdout.readline().strip() == "holding"
    told: list[object] = []
    start = time.monotonic()
    with open_ledger(resolve(str(ledger)), write=True, on_wait=told.append) as session:
        session.execute(text("UPDATE supervisor SET name = name"))
    waited = time.monotonic() - start
    assert other.wait() == 0
    assert isinstance(told[0], Holder) and told[0].pid == other.pid
    assert waited >= 3.0, waited  # well past the busy timeout and the stuck time


def test_cli_says_it_waits(park: Path, cli: Callable[..., object]) -> None:
    with held_for(park, 1.8):
        result = cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-03-02")
    err = result.stderr  # type: ignore[attr-defined]
    lines = [line for line in err.splitlines() if "Another program is writing" in line]
    assert len(lines) == 1, err
    assert str(park) in lines[0]
