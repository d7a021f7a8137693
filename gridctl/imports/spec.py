"""A kind's declaration, and how a file is read by it.

A kind (grids, visits, ...) is one `Spec` in gridctl/imports/kinds/: its columns (English key,
Chinese header, required, how a cell is parsed), how a parsed row resolves to a record (names
to ids, with the bulk look-ups of `Refs`), the record's natural keys, and how records are
written and exported. A file is read by its spec in header.py: its header row found and
matched to the columns (`find_header`, `match_header`), then each data row parsed by that
match (`parse_row`); re-exported here.

The modules below know no Spec: cells.py (cell parsers) and rows.py (Row, RowError). What a
kind needs of them is re-exported here, so a kind imports its whole toolkit from this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from gridctl.imports.cells import (
    DATE,
    NO,
    YES,
    CellError,
    blank,
    cell_text,
    choice,
    count,
    date_cell,
    is_empty,
    multiline,
    name,
    text,
    yes_no,
)
from gridctl.imports.header import Header, find_header, header_key, match_header
from gridctl.imports.layout import parse_row
from gridctl.imports.rows import Row, RowError

__all__ = [
    "DATE",
    "NO",
    "YES",
    "CellError",
    "Chunks",
    "Column",
    "Counts",
    "Header",
    "Row",
    "RowError",
    "Spec",
    "WriteCtx",
    "blank",
    "find_header",
    "cell_text",
    "choice",
    "count",
    "date_cell",
    "header_key",
    "is_empty",
    "match_header",
    "multiline",
    "name",
    "parse_row",
    "text",
    "yes_no",
]


@dataclass(frozen=True)
class Column:
    """One column of a kind's file."""

    key: str  # English header, and the key of JSON and exports
    zh: str  # Chinese header
    required: bool = False
    parse: Callable[[object], object] = field(default=lambda v: cell_text(v))
    aliases: tuple[str, ...] = ()
    # How an export spells the value in Chinese (a vocabulary), if not as stored.
    vocab: dict[str, str] | None = None


@dataclass
class Counts:
    """What a writer did (or, on a dry run, would do); `extra`: a kind's own counts."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    extra: dict[str, int] = field(default_factory=dict)


# What a writer gets: the checked records in chunks of (line, record).
Chunks = Iterable[list[tuple[int, Any]]]


@dataclass(frozen=True)
class WriteCtx:
    """What a writer needs besides the records."""

    present: frozenset[str]  # columns the file has (an absent column leaves a field alone)
    dry_run: bool
    source: str  # e.g. "import:visits.csv"
    now: dt.datetime


@dataclass(frozen=True)
class Spec:
    """One import kind: its file's columns, and how its rows become records in the ledger."""

    kind: str
    columns: tuple[Column, ...]
    resolve: Callable[[Row, Any], Any]  # (row, refs) -> record, or None after row.error(...)
    # Natural keys that must be unique inside one file: (column blamed, key of a record);
    # a key function returning None skips the record (e.g. an enterprise without a code).
    keys: tuple[tuple[str, Callable[[Any], Hashable | None]], ...]
    write: Callable[..., Counts]  # (session, chunks of [(line, record)], ctx) -> Counts
    export: Callable[..., Iterator[dict[str, object]]]  # (session) -> rows keyed by column
    # Checks across all rows (small kinds only), e.g. a grid's parent defined in the same file.
    check_all: Callable[[list[tuple[int, Any]], Any, dict[str, str]], list[RowError]] | None = None
    # Domain field -> the column that holds it, where the names differ (a service refuses
    # `day`, the visits file calls it `date`): a refusal is reported at that column.
    fields: Mapping[str, str] = field(default_factory=dict)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)
