"""The machinery every import kind shares: columns, header matching, cell parsing, rows.

A kind (grids, visits, ...) is one `Spec`: its columns (English key, Chinese header, required,
how a cell is parsed), how a parsed row resolves to a record (names to ids, with the bulk
look-ups of `Refs`), the record's natural key, and how records are written and exported.
Adding a kind is adding one Spec to gridctl/imports/kinds.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from gridctl import dates, textsafe, vocab
from gridctl.errors import Ambiguous, GridctlError, Invalid, NotFound
from gridctl.i18n import t
from gridctl.textsafe import DANGEROUS_START


class RowError(NamedTuple):
    """One problem of one cell: reported as FILE:LINE: column: message (value)."""

    line: int
    column: str
    message: str
    value: str = ""


class CellError(ValueError):
    """A cell cannot be read; the message is for the user."""


@dataclass(frozen=True)
class Column:
    key: str  # English header, and the key of JSON and exports
    zh: str  # Chinese header
    required: bool = False
    parse: Callable[[object], object] = field(default=lambda v: cell_text(v))
    aliases: tuple[str, ...] = ()
    # How an export spells the value in Chinese (a vocabulary), if not as stored.
    vocab: dict[str, str] | None = None


@dataclass
class Counts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    extra: dict[str, int] = field(default_factory=dict)


# What a writer gets: the checked records in chunks of (line, record).
Chunks = Iterable[list[tuple[int, Any]]]


def blank(value: Any) -> Any:
    """An empty cell of a present column: None (it clears an optional field)."""
    return None if value in ("", None) else value


@dataclass(frozen=True)
class WriteCtx:
    """What a writer needs besides the records."""

    present: frozenset[str]  # columns the file has (an absent column leaves a field alone)
    dry_run: bool
    source: str  # e.g. "import:visits.csv"
    now: dt.datetime


@dataclass(frozen=True)
class Spec:
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


# --- cells ----------------------------------------------------------------------------------


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    """A cell as text: Excel's 13800000000.0 is '13800000000', a date is ISO."""
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value).strip()
    # An export protects text from spreadsheets with a leading ' (textsafe.csv_cell): undo it.
    if len(text) > 1 and text[0] == "'" and text[1] in "".join(DANGEROUS_START):
        return text[1:]
    return text


def text(max_len: int | None = None) -> Callable[[object], str]:
    def parse(value: object) -> str:
        out = cell_text(value)
        if max_len is not None and len(out) > max_len:
            raise CellError(t("imp.cell.too_long", max=max_len))
        return out

    return parse


def name(max_len: int | None = None) -> Callable[[object], str]:
    """A name, code or reference: one line without control characters (as the registers
    refuse them: textsafe.has_unsafe_chars)."""
    plain = text(max_len)

    def parse(value: object) -> str:
        out = plain(value)
        if textsafe.has_unsafe_chars(out):
            raise CellError(t("detail.control_chars"))
        return out

    return parse


def multiline(value: object) -> tuple[str, ...]:
    """Several texts in one cell, one per line (e.g. the problems found on a visit)."""
    return tuple(p.strip() for p in cell_text(value).splitlines() if p.strip())


_SHAPED_LIKE_DATE = re.compile(r"^\d{4}\D\d{1,2}\D\d{1,2}")


def date_cell(epoch: dt.date = dates.EXCEL_EPOCH) -> Callable[[object], dt.date]:
    """ISO, 2026/3/5, 2026年3月5日, a real Excel date or a serial; cached (dates repeat)."""
    cache: dict[object, dt.date] = {}

    def parse(value: object) -> dt.date:
        key = value if isinstance(value, str | int | float) else None
        if key is not None and key in cache:
            return cache[key]
        try:
            day = dates.file_date(value, epoch)
        except ValueError:
            shown = cell_text(value)
            raise CellError(
                t("imp.cell.no_such_day") if _SHAPED_LIKE_DATE.match(shown) else t("imp.cell.date")
            ) from None
        if key is not None and len(cache) < 100_000:
            cache[key] = day
        return day

    return parse


def DATE(value: object) -> dt.date:  # noqa: N802 - a marker, replaced per file
    """Marks a date column: match_header gives it a parser for the file's date epoch."""
    raise AssertionError("DATE is replaced by date_cell(epoch) in match_header")


def count(value: object) -> int:
    """A whole number, 0 or more (Excel may give 12.0)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text_ = cell_text(value)
    if not re.fullmatch(r"\d+", text_):
        raise CellError(t("imp.cell.count"))
    return int(text_)


def choice(vocabulary: dict[str, str]) -> Callable[[object], str]:
    """A code of `vocabulary`, given as the code or its Chinese spelling (vocab.parse)."""
    cache: dict[str, str] = {}

    def parse(value: object) -> str:
        raw = cell_text(value)
        if raw not in cache:
            try:
                cache[raw] = vocab.parse(vocabulary, raw, "")
            except Invalid as exc:
                raise CellError(exc.detail) from None
        return cache[raw]

    return parse


YES = {"yes", "y", "true", "1", "是", "√"}
NO = {"no", "n", "false", "0", "否", ""}


def yes_no(value: object) -> bool:
    raw = cell_text(value).lower()
    if raw in YES:
        return True
    if raw in NO:
        return False
    raise CellError(t("imp.cell.yes_no"))


# --- headers ----------------------------------------------------------------------------------


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
    spec: Spec, cells: list[object], skip: Iterable[str] = (), epoch: dt.date = dates.EXCEL_EPOCH
) -> tuple[Header, list[RowError]]:
    by_name: dict[str, Column] = {}
    for col in spec.columns:
        for name in (col.key, col.zh, *col.aliases):
            by_name[header_key(name)] = col
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


# --- rows -------------------------------------------------------------------------------------


class Row:
    """One data row: parsed values by column key, and the problems found on it."""

    __slots__ = ("line", "values", "raw", "errors", "_labels", "_fields")

    def __init__(
        self, line: int, labels: dict[str, str], fields: Mapping[str, str] | None = None
    ) -> None:
        self.line = line
        self.values: dict[str, Any] = {}
        self.raw: dict[str, str] = {}
        self.errors: list[RowError] = []
        self._labels = labels
        self._fields = fields or {}

    def has(self, key: str) -> bool:
        """Whether the file has this column (an absent column leaves the field alone)."""
        return key in self._labels

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def error(self, key: str, message: str, value: object = None) -> None:
        shown = self.raw.get(key, "") if value is None else str(value)
        # The value goes to a terminal or a cron mail: no control characters, no 10 MB cell.
        shown = textsafe.escaped(shown, limit=200)
        self.errors.append(RowError(self.line, self._labels.get(key, key), message, shown))

    def blame(self, exc: GridctlError, default: str) -> None:
        """A service's refusal, reported at the column that holds its field (the spec's
        `fields`, else the column of that name, else `default`)."""
        key = self._fields.get(exc.field, exc.field)
        if key not in self._labels and key != default:
            key = default
        self.error(key, exc.detail or exc.message(), exc.value)

    def ref(self, key: str, resolve: Callable[[str], Any], what: str) -> Any:
        """Resolve the reference in column `key` (a code or name), or report why not."""
        value = self.values.get(key)
        if value is None:
            return None
        try:
            return resolve(value)
        except NotFound:
            self.error(key, t("imp.ref.unknown", what=t(f"imp.what.{what}")), value)
        except Ambiguous as exc:
            self.error(key, t("imp.ref.ambiguous", candidates="; ".join(exc.candidates)), value)
        except GridctlError as exc:
            self.error(key, exc.detail or exc.message(), value)
        return None


def parse_row(line: int, cells: list[object], header: Header) -> Row | None:
    """The row's cells parsed per column; None for a blank row (skipped, as Excel users expect)."""
    row = Row(line, header.labels, header.fields)
    blank = True
    width = len(cells)
    for index, col, parse in header.slots:
        value = cells[index] if index < width else None
        if is_empty(value):
            if col.required:
                row.error(col.key, t("imp.cell.required"), "")
            continue
        blank = False
        try:
            row.values[col.key] = parse(value)
        except CellError as exc:
            row.raw[col.key] = cell_text(value)
            row.error(col.key, str(exc))
    if blank and not any(not is_empty(c) for c in cells):
        return None
    return row


def blame(row: Row, fields: dict[str, str], default: str, exc: GridctlError) -> None:
    """A service's refusal reported at the column its field names."""
    row.error(fields.get(exc.field, default), exc.detail or exc.message(), exc.value)
