"""Who holds a SQLite ledger's write lock, so that a command waiting for it can say whom it
waits for, and wait as long as that writer is working rather than a fixed 30 seconds.

A gridctl command that takes the write lock leaves a small file beside the ledger,
`park.db-writer.PID` (what it runs and when it started), and removes it when its
transaction ends. While it holds the lock, SQLite's progress handler touches the file at most
once a second, even inside one long statement: the file's age says whether the writer is
still working. A nightly import of a million rows keeps it fresh for its whole write.

A waiter reads these files (see `holder`): a live gridctl writer that worked in the last
STUCK_S seconds is waited for; one stopped (Ctrl-Z) or idle that long is stuck, and the
waiter gives up naming it. A lock held by another program (the sqlite3 shell, a viewer)
leaves no file: that is waited for up to the busy timeout, then refused. The files are
advisory: a folder that refuses them costs only the name in the message.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

# A gridctl writer that has not touched its file this long is stuck, not slow.
STUCK_S = 60.0
# SQLite calls the progress handler every this many virtual-machine steps (microseconds).
PROGRESS_STEPS = 100_000
_BEAT_S = 1.0


@dataclass(frozen=True, slots=True)
class Holder:
    """A gridctl process writing to the ledger: its pid, its command line, when it took the
    lock, how long since it last worked, and whether it is stopped (suspended)."""

    pid: int
    command: str
    started: datetime
    idle_s: float
    stopped: bool

    @property
    def stuck(self) -> bool:
        return self.stopped or self.idle_s >= STUCK_S


def _file(ledger: Path, pid: int) -> Path:
    return ledger.with_name(f"{ledger.name}-writer.{pid}")


class Claim:
    """This process's claim while it holds the lock: the file and its heartbeat."""

    def __init__(self, ledger: Path, raw: Any) -> None:
        self.path = _file(ledger, os.getpid())
        self.raw = raw
        self.last = 0.0
        record = {
            "pid": os.getpid(),
            "command": " ".join(["gridctl", *sys.argv[1:]])[:300],
            "started": datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(record, out, ensure_ascii=False)
        except OSError:
            self.path = None  # type: ignore[assignment]
            return
        raw.set_progress_handler(self._beat, PROGRESS_STEPS)

    def _beat(self) -> int:
        now = time.monotonic()
        if now - self.last >= _BEAT_S:
            self.last = now
            try:
                os.utime(self.path)
            except OSError:
                pass
        return 0  # 0: go on with the statement

    def release(self) -> None:
        if self.path is None:
            return
        self.raw.set_progress_handler(None, 0)
        try:
            self.path.unlink()
        except OSError:
            pass
        self.path = None  # type: ignore[assignment]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _stopped(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    # "pid (comm) S ...": the state follows the last closing parenthesis.
    return stat.rpartition(")")[2].split()[:1] in (["T"], ["t"])


def holder(ledger: Path) -> Holder | None:
    """The gridctl process holding the write lock, if one says so; files of processes that
    are gone are removed."""
    found = None
    for path in ledger.parent.glob(f"{ledger.name}-writer.*"):
        try:
            pid = int(path.name.rsplit(".", 1)[1])
            record = json.loads(path.read_text(encoding="utf-8"))
            age = time.time() - path.stat().st_mtime
        except (OSError, ValueError):
            continue
        if pid == os.getpid():
            continue
        if not _alive(pid):
            try:
                path.unlink()
            except OSError:
                pass
            continue
        started = datetime.fromisoformat(str(record.get("started")))
        found = Holder(pid, str(record.get("command", "")), started, age, _stopped(pid))
    return found
