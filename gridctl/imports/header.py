"""Finding and matching a file's header row, as offices lay their sheets out.

Offices put a title and notes above the header, notes in parentheses inside header cells
("统一社会信用代码（18位）"), line breaks, full-width letters, a 序号 column and columns the
kind does not read. The header is the first of the first HEADER_ROWS rows that names every
required column; what it holds besides the kind's columns is ignored and named (`Ignored`),
or refused on a strict import. Rows are parsed by the match in rows.py's terms (parse_row).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from gridctl import dates
from gridctl.i18n import t
from gridctl.imports.cells import DATE, cell_text, date_cell, is_empty
from gridctl.imports.readers import Cells
from gridctl.imports.rows import RowError


class Column(Protocol):
    """What matching needs of a spec's column (gridctl.imports.spec.Column)."""

    @property
    def key(self) -> str: ...
    @property
    def zh(self) -> str: ...
    @property
    def required(self) -> bool: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def parse(self) -> Callable[[object], object]: ...


class Spec(Protocol):
    """What matching needs of a kind (gridctl.imports.spec.Spec)."""

    @property
    def columns(self) -> tuple[Column, ...]: ...
    @property
    def fields(self) -> Mapping[str, str]: ...


# The header is looked for among this many rows from the top of the sheet.
HEADER_ROWS = 10
# Notes in parentheses, ASCII or full-width (NFKC turns the latter into the former first).
_NOTE = re.compile(r"\([^()]*\)")
_FOLD = re.compile(r"[\s\-_*]+")
# Headers of a row-number column not among the kind's (the summary says why it is not read).
ROW_NUMBERS = frozenset({"序号", "序", "编号", "行号", "no", "no.", "#", "number", "seq"})


def header_key(text_: str) -> str:
    """How a header cell is compared: NFKC (full-width to half-width), notes in parentheses
    dropped, case folded, spaces, line breaks, '-', '_' and the required mark '*' removed."""
    folded = unicodedata.normalize("NFKC", str(text_))
    while True:
        shorter = _NOTE.sub("", folded)
        if shorter == folded:
            break
        folded = shorter
    return _FOLD.sub("", folded).lower()


def column_letter(index: int) -> str:
    """The spreadsheet's name of the 0-based column `index`: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Ignored(NamedTuple):
    """A column of the file that is not read: its letter, its header as written, and why
    ("row_number", "not_read", or "no_header" for data under an empty header cell)."""

    letter: str
    header: str
    reason: str


@dataclass(frozen=True)
class Header:
    """Which column of the file holds which spec column, and how the file names it.

    `line`: the header's line; `ignored`: the columns not read; `skipped`: the rows below the
    header that are not records (totals, signatures), as (line, first cell), filled in as the
    rows are parsed. Rows above the header are not records either: they end at `line`.
    """

    slots: tuple[tuple[int, Column, Callable[[object], object]], ...]
    labels: dict[str, str]  # column key -> header as written in the file
    chinese: bool
    fields: Mapping[str, str]  # the spec's domain field -> column key
    line: int = 1
    strict: bool = False
    ignored: list[Ignored] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # Columns under an empty header cell, watched until one holds data (then named).
    unnamed: set[int] = field(default_factory=set)
    width: int = 0  # cells in the header row
    extra: set[int] = field(default_factory=set)  # columns past `width` already named


def _columns_by_key(spec: Spec) -> dict[str, Column]:
    by_name: dict[str, Column] = {}
    for column in spec.columns:
        for alias in (column.key, column.zh, *column.aliases):
            by_name[header_key(alias)] = column
    return by_name


def _allowed(spec: Spec) -> str:
    return ", ".join(f"{c.key}/{c.zh}" for c in spec.columns)


def match_header(
    spec: Spec,
    cells: Cells,
    skip: Iterable[str] = (),
    epoch: dt.date = dates.EXCEL_EPOCH,
    *,
    line: int = 1,
    strict: bool = False,
) -> tuple[Header, list[RowError]]:
    """The header row `cells` matched to the spec's columns (`skip`: columns left unread),
    and its problems: a repeated header, a required column missing; a column the kind does
    not read when `strict`, or when a required one is missing (the row may not be the
    header at all: the user is shown which columns the kind has)."""
    by_name = _columns_by_key(spec)
    skipped = set(skip)
    slots: list[tuple[int, Column, Callable[[object], object]]] = []
    labels: dict[str, str] = {}
    errors: list[RowError] = []
    ignored: list[Ignored] = []
    unnamed: set[int] = set()
    chinese = any(re.search(r"[\u4e00-\u9fff]", str(c or "")) for c in cells)
    for index, cell in enumerate(cells):
        # As written, on one line: messages name the column as FILE:LINE: column: ...
        written = " ".join(cell_text(cell).split()) if not is_empty(cell) else ""
        if not written:
            unnamed.add(index)
            continue
        key = header_key(written)
        col = by_name.get(key)
        if col is None:
            reason = "row_number" if key in ROW_NUMBERS else "not_read"
            ignored.append(Ignored(column_letter(index), written, reason))
        elif col.key in labels:
            errors.append(RowError(line, written, t("imp.header.twice", first=labels[col.key])))
        elif col.key not in skipped:
            slots.append((index, col, date_cell(epoch) if col.parse is DATE else col.parse))
            labels[col.key] = written
    missing = [c for c in spec.columns if c.required and c.key not in labels]
    if missing or not labels:
        unknown = t("imp.header.unknown", allowed=_allowed(spec))
        errors += [RowError(line, i.header, unknown) for i in ignored]
    elif strict:
        errors += [RowError(line, i.header, t(f"lay.strict.{i.reason}")) for i in ignored]
    for col in missing:
        errors.append(RowError(line, col.zh if chinese else col.key, t("imp.header.missing")))
    header = Header(
        tuple(slots),
        labels,
        chinese,
        spec.fields,
        line=line,
        strict=strict,
        ignored=ignored,
        unnamed=unnamed,
        width=len(cells),
    )
    return header, errors


def _score(spec: Spec, cells: Cells) -> tuple[bool, int]:
    """Whether the row names every required column, and how many of the kind's columns."""
    by_name = _columns_by_key(spec)
    keys = (header_key(cell_text(c)) for c in cells if not is_empty(c))
    named = {by_name[k].key for k in keys if k in by_name}
    required = {c.key for c in spec.columns if c.required}
    return (required <= named if required else bool(named)), len(named)


def find_header(
    spec: Spec,
    rows: Iterator[tuple[int, Cells]],
    skip: Iterable[str] = (),
    epoch: dt.date = dates.EXCEL_EPOCH,
    *,
    strict: bool = False,
) -> tuple[Header, list[RowError]] | None:
    """The header among the first HEADER_ROWS rows of `rows` (consumed up to and including
    it, so the data rows follow), or None for a file without rows.

    Found: the first row that names every required column. Not found: the row naming most of
    the kind's columns (the first non-empty one if none does) is matched, with its errors.
    """
    best: tuple[int, int, Cells] | None = None  # (score, line, cells)
    for seen, (line, cells) in enumerate(rows, start=1):
        complete, named = _score(spec, cells)
        if complete:
            return match_header(spec, cells, skip, epoch, line=line, strict=strict)
        non_empty = any(not is_empty(c) for c in cells)
        if non_empty and (best is None or named > best[0]):
            best = (named, line, cells)
        if seen >= HEADER_ROWS:
            break
    if best is None:
        return None
    _, line, cells = best
    return match_header(spec, cells, skip, epoch, line=line, strict=strict)
