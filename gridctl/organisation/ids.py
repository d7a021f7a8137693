"""The id of a record read from the ledger.

SQLModel types a table's id `int | None` (None until the record is stored); a record read
back, or added and flushed, always has one: `stored_id` says so to the type checker.
"""

from __future__ import annotations

from typing import Protocol


class Stored(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(record: Stored) -> int:
    if record.id is None:
        raise ValueError(f"{type(record).__name__} not stored yet")
    return record.id
