"""SQLModel's typing noise, handled once: a stored record's id, a model's Core table, the
length of its text columns, and a record named by its id or its name.

SQLModel types a table's `id` as `int | None` (None until the record is flushed) and does not
declare the `__table__` it sets on every table model. A record read from the ledger, or added
and flushed, always has its id; statements that run with executemany need the Core table.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from sqlalchemy import Table, select
from sqlalchemy.orm import Session


class Stored(Protocol):
    @property
    def id(self) -> int | None: ...


def id_of(record: Stored) -> int:
    """The id of a record the ledger holds (refused loudly for one not flushed yet)."""
    if record.id is None:
        raise ValueError(f"{type(record).__name__} has no id: it is not in the ledger yet")
    return record.id


M = TypeVar("M")


def by_id_or_name(session: Session, model: type[M], ref: str) -> M | None:
    """The record a user names by its ID (digits that fit an id) or else by its exact name."""
    ref = ref.strip()
    row = session.get(model, int(ref)) if ref.isdigit() and len(ref) < 10 else None
    if row is None:
        named = select(model).where(model.name == ref)  # type: ignore[attr-defined]  # has a name
        row = session.execute(named).scalars().first()
    return row


def table_of(model: Any) -> Table:
    """A table model's Core table (SQLModel sets `__table__` without declaring it)."""
    table: Table = model.__table__
    return table


def length_of(model: Any, column: str) -> int | None:
    """The length a text column allows (None: unlimited)."""
    length = getattr(table_of(model).c[column].type, "length", None)
    return length if isinstance(length, int) else None
