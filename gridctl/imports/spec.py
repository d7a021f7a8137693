"""A kind's declaration, and how a file is read by it.

A kind (grids, visits, ...) is one `Spec` in gridctl/imports/kinds/: its columns (English key,
Chinese header, required, how a cell is parsed), how a parsed row resolves to a record (names
to ids, with the bulk look-ups of `Refs`), the record's natural keys, and how records are
written and exported. A file is read by its spec here: its header row matched to the columns
(`match_header`), then each data row parsed by that match (`parse_row`).

The modules below know no Spec: cells.py (cell parsers) and rows.py (Row, RowError). What a
kind needs of them is re-exported here, so a kind imports its whole toolkit from this module.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from gridctl import dates
from gridctl.i18n import t
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
from gridctl.imports.readers import Cells
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


# --- reading a file by its spec ---------------------------------------------------------------


def header_key(text_: str) -> str:
    """How a header cell is compared: no spaces around, case and -/space/_ folded, no '*'."""
    folded = str(text_).strip().strip("*＊").strip().lower()
    return re.sub(r"[\s\-_]+", "_", folded)


@dataclass(frozen=True)
class Header:
    """Which column of the file holds which spec column, and how the file names it."""

    slots: tuple[tuple[int, Column, Callable[[object], object]], ...]
    labels: dict[str, str]  # column key -> header as written in the file
    chinese: bool
    fields: Mapping[str, str]  # the spec's domain field -> column key


def match_header(
    spec: Spec, cells: Cells, skip: Iterable[str] = (), epoch: dt.date = dates.EXCEL_EPOCH
) -> tuple[Header, list[RowError]]:
    """The file's header row matched to the spec's columns (`skip`: columns left unread), and
    its problems: an unknown or repeated header, a required column missing."""
    by_name: dict[str, Column] = {}
    for column in spec.columns:
        for alias in (column.key, column.zh, *column.aliases):
            by_name[header_key(alias)] = column
    skipped = set(skip)
    slots: list[tuple[int, Column, Callable[[object], object]]] = []
    labels: dict[str, str] = {}
    errors: list[RowError] = []
    chinese = any(re.search(r"[\u4e00-\u9fff]", str(c or "")) for c in cells)
    for index, cell in enumerate(cells):
        written = cell_text(cell) if not is_empty(cell) else ""
        if not written:
            continue
        col = by_name.get(header_key(written))
        if col is None:
            allowed = ", ".join(f"{c.key}/{c.zh}" for c in spec.columns)
            errors.append(RowError(1, written, t("imp.header.unknown", allowed=allowed)))
        elif col.key in labels:
            errors.append(RowError(1, written, t("imp.header.twice", first=labels[col.key])))
        elif col.key not in skipped:
            slots.append((index, col, date_cell(epoch) if col.parse is DATE else col.parse))
            labels[col.key] = written
    for col in spec.columns:
        if col.required and col.key not in labels:
            errors.append(RowError(1, col.zh if chinese else col.key, t("imp.header.missing")))
    return Header(tuple(slots), labels, chinese, spec.fields), errors


def parse_row(line: int, cells: Cells, header: Header) -> Row | None:
    """The row's cells parsed per column; None for a blank row (skipped, as Excel users expect)."""
    row = Row(line, header.labels, header.fields)
    empty = True
    width = len(cells)
    for index, col, parse in header.slots:
        value = cells[index] if index < width else None
        if is_empty(value):
            if col.required:
                row.error(col.key, t("imp.cell.required"), "")
            continue
        empty = False
        try:
            row.values[col.key] = parse(value)
        except CellError as exc:
            row.raw[col.key] = cell_text(value)
            row.error(col.key, str(exc))
    if empty and not any(not is_empty(c) for c in cells):
        return None
    return row
