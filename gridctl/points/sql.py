"""Small typed SQL helpers the points modules share."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, CursorResult, Result, Select, Table, case
from sqlmodel import SQLModel

from gridctl.dates import Period
from gridctl.ledger.models.typed import table_of

T = TypeVar("T")
S = TypeVar("S", bound=Select[Any])


def table(model: type[SQLModel]) -> Table:
    """A model's core table (statements over many rows at once, without the ORM)."""
    return table_of(model)


def least(a: ColumnElement[T], b: ColumnElement[T]) -> ColumnElement[T]:
    """min(a, b) in portable SQL (SQLite's min() is PostgreSQL's least())."""
    return case((a < b, a), else_=b)


def in_period(query: S, column: ColumnElement[date], period: Period | None) -> S:
    """The query limited to rows whose `column` lies in the period (all of them without one)."""
    if period is None:
        return query
    return query.where(column >= period.start, column < period.end)


def chunks(ids: set[int], size: int = 500) -> Iterator[list[int]]:
    """Sorted ids in chunks small enough for an IN (...) list."""
    items = sorted(ids)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def rowcount(result: Result[Any]) -> int:
    """Rows a DML statement touched (a session types every result as a plain Result)."""
    return (result.rowcount or 0) if isinstance(result, CursorResult) else 0
