"""Natural keys repeated inside one import file, found with memory that does not grow with it.

The first `in_memory` records' keys are kept in a dict and a repeat is found at once. Past
that, keys go to a private temporary SQLite file (deleted when closed) and the repeats are
found at the end by one sort (a window over each key), so a million-row file costs a few
megabytes of page cache instead of a dict of a million entries. Keys are compared exactly:
a text key as itself, any other key (a tuple of ids, dates and names) by its repr.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Hashable, Iterator, Sequence
from typing import NamedTuple

# Keys per executemany into the temporary file.
BATCH = 5_000


class Repeat(NamedTuple):
    """Line `line` repeats the key (of key slot `slot`) first seen on line `first`."""

    line: int
    slot: int
    first: int
    value: str  # the key, if it is a text; else ""


class Duplicates:
    """Keys of every record, one per key slot; report each line's first repeated slot."""

    def __init__(self, slots: int, in_memory: int) -> None:
        self._in_memory = in_memory
        self._seen: list[dict[Hashable, int]] | None = [{} for _ in range(slots)]
        self._records = 0
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[int, str, int, int]] = []

    def __enter__(self) -> Duplicates:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def add(self, line: int, keys: Sequence[Hashable | None]) -> Repeat | None:
        """Record a line's keys. While in memory, a repeat is returned at once; afterwards
        repeats are found by `later()`."""
        if self._seen is None:
            self._stage(line, keys)
            return None
        self._records += 1
        repeat = self._in_dict(self._seen, line, keys)
        if self._records >= self._in_memory:
            self._spill(self._seen)
            self._seen = None
        return repeat

    @staticmethod
    def _in_dict(seen: list[dict[Hashable, int]], line: int, keys: Sequence) -> Repeat | None:
        for slot, (key, first) in enumerate(zip(keys, seen, strict=True)):
            if key is None:
                continue
            if key in first:
                return Repeat(line, slot, first[key], key if isinstance(key, str) else "")
            first[key] = line
        return None

    def _spill(self, seen: list[dict[Hashable, int]]) -> None:
        # An empty file name: SQLite's own private temporary file, removed on close.
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute(
            "CREATE TABLE seen (slot INTEGER NOT NULL, k TEXT NOT NULL, "
            "is_text INTEGER NOT NULL, line INTEGER NOT NULL)"
        )
        self._db.execute("BEGIN")
        for slot, first in enumerate(seen):
            for key, line in first.items():
                self._pending.append((slot, *_encode(key), line))
                if len(self._pending) >= BATCH:
                    self._flush()
            first.clear()
        self._flush()

    def _stage(self, line: int, keys: Sequence[Hashable | None]) -> None:
        for slot, key in enumerate(keys):
            if key is not None:
                self._pending.append((slot, *_encode(key), line))
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        assert self._db is not None
        self._db.executemany("INSERT INTO seen VALUES (?, ?, ?, ?)", self._pending)
        self._pending = []

    def later(self) -> Iterator[Repeat]:
        """Repeats among the lines past the in-memory part, in line order (one per line)."""
        if self._db is None:
            return
        self._flush()
        self._db.execute("COMMIT")
        query = (
            "SELECT line, slot, first, CASE WHEN is_text THEN k ELSE '' END FROM ("
            " SELECT line, slot, k, is_text, min(line) OVER (PARTITION BY slot, k) AS first"
            " FROM seen) WHERE line > first ORDER BY line, slot"
        )
        last = None
        for line, slot, first, value in self._db.execute(query):
            if line != last:  # the line's first repeated slot only, as in memory
                last = line
                yield Repeat(line, slot, first, value)


def _encode(key: Hashable) -> tuple[str, int]:
    """A key as text that is equal exactly when the keys are (str, int, date, tuples of those)."""
    if isinstance(key, str):
        return key, 1
    return repr(key), 0
