"""SQLModel's typing noise, handled once: a stored record's id, a model's Core table and
the length of its text columns.

SQLModel types a table's `id` as `int | None` (None until the record is flushed) and does not
declare the `__table__` it sets on every table model. A record read from the ledger, or added
and flushed, always has its id; statements that run with executemany need the Core table.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import Table


class Stored(Protocol):
    @property
    def id(self) -> int | None: ...


def id_of(record: Stored) -> int:
    """The id of a record the ledger holds (refused loudly for one not flushed yet)."""
    if record.id is None:
        raise ValueError(f"{type(record).__name__} has no id: it is not in the ledger yet")
    return record.id


def table_of(model: Any) -> Table:
    """A table model's Core table (SQLModel sets `__table__` without declaring it)."""
    table: Table = model.__table__
    return table


def length_of(model: Any, column: str) -> int | None:
    """The length a text column allows (None: unlimited)."""
    length = getattr(table_of(model).c[column].type, "length", None)
    return length if isinstance(length, int) else None
