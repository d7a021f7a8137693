"""The id of a record read from the ledger or flushed to it.

The models type `id` as `int | None` (a new record has none until it is flushed); a record
the ledger holds always has one, and the work's rows and links carry it as an int.
"""

from __future__ import annotations

from typing import Protocol


class Stored(Protocol):
    id: int | None


def id_of(record: Stored) -> int:
    if record.id is None:
        raise ValueError(f"{type(record).__name__} has no id: it is not in the ledger yet")
    return record.id
