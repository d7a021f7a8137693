"""How a report's sheet is laid out: where the title, period and header rows go, the number
formats and styles, the columns of a table, and how wide a text is on screen.

Made for people: a title and the period above each table, a header row in bold on a light
fill, thin boxes round the cells of short tables, number and date formats that read at once.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from gridctl.textsafe import is_dangerous

# Layout of a table sheet: title, period line, a blank row, then the header.
TITLE_ROW, PERIOD_ROW, HEADER_ROW = 1, 2, 4
FIRST_DATA_ROW = HEADER_ROW + 1
# Rows looked at to fit column widths of a streamed sheet.
WIDTH_SAMPLE = 2000

FORMATS = {
    "int": "#,##0",
    "days": "#,##0",
    "money": "#,##0.00",
    "points": "#,##0.0#",
    "percent": "0.0%",
    "date": "yyyy-mm-dd",
}
NUMERIC_KINDS = {"int", "days", "money", "points", "percent"}

THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOP = Border(top=Side(style="medium", color="404040"))
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
NOTE_FONT = Font(italic=True, color="595959")
BOLD = Font(bold=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP = Alignment(wrap_text=True)
# A fact's value reads from the left whether it is a name or a number.
WRAP_TOP_LEFT = Alignment(wrap_text=True, vertical="top", horizontal="left")
CENTER = Alignment(horizontal="center")
HEADER_ALIGN = Alignment(wrap_text=True, horizontal="center", vertical="center")


@dataclass(frozen=True)
class Column:
    """A column of a table sheet: its key (label `report.col.<key>`), kind and layout."""

    key: str
    # text, id, int, days, money, points, percent, date; "auto" takes the row's "_kind".
    kind: str = "text"
    header: str | None = None
    wrap: bool = False
    max_width: int = 40
    min_width: int = 6


@dataclass
class SheetInfo:
    """Where a table landed, for charts that refer to it."""

    ws: Any
    columns: Sequence[Column]
    first_row: int = FIRST_DATA_ROW
    last_row: int = HEADER_ROW
    count: int = 0
    index: dict[str, int] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)


def chart_anchor(index: int) -> str:
    """Where the index-th chart of a chart sheet goes: two abreast, 20 rows a pair."""
    return f"{'A' if index % 2 == 0 else 'J'}{4 + (index // 2) * 20}"


def display_width(text: str) -> int:
    """Columns a text takes on screen: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def shown(value: object, kind: str) -> str:
    """About the text a value shows in its format (a date as its widest), to fit widths."""
    if value is None:
        return ""
    if kind == "date":
        return "2026-12-31"
    if kind == "percent":
        return "100.0%"
    if kind in ("money", "points") or isinstance(value, Decimal | float):
        return f"{Decimal(str(value)):,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def plain(value: object, fmt: str | None) -> bool:
    """A value openpyxl writes as we want without a cell: safe text, a bare number, a date."""
    if isinstance(value, str):
        return not is_dangerous(value)
    if isinstance(value, date):
        return fmt == FORMATS["date"]
    return fmt is None


def kind_of(column: Column, rec: Mapping[str, object]) -> str:
    """The column's kind, or for an "auto" column the row's own (a row per metric)."""
    return str(rec.get("_kind", "text")) if column.kind == "auto" else column.kind


def data_style(column: Column, boxed: bool) -> dict[str, Any]:
    """How a data cell of the column looks: boxed in a short table, wrapped or centred."""
    style: dict[str, Any] = {"border": BOX} if boxed else {}
    if column.wrap:
        style["alignment"] = WRAP
    elif column.kind == "date" and boxed:
        style["alignment"] = CENTER
    return style


def as_row(rec: object) -> dict[str, object]:
    """A record as a table's row: a dataclass's fields or a mapping's items, in order."""
    if is_dataclass(rec) and not isinstance(rec, type):
        return {f.name: getattr(rec, f.name) for f in fields(rec)}
    if isinstance(rec, Mapping):
        return dict(rec)
    raise TypeError(f"not a record: {type(rec).__name__}")


def column_width(ws: Any, index: int) -> float:
    """The width the index-th column (from 1) of a sheet was given."""
    return float(ws.column_dimensions[get_column_letter(index)].width or 10)


def row_height(
    ws: Any, row: int, rec: Mapping[str, object], wrapped: list[tuple[Column, float]]
) -> None:
    """Room for wrapped text: programs that open the file do not grow the row."""
    lines = 1
    for c, width in wrapped:
        text = rec.get(c.key)
        if isinstance(text, str) and text:
            lines = max(lines, math.ceil(display_width(text) / max(width - 1, 1)))
    if lines > 1:
        ws.row_dimensions[row].height = 15 * lines + 1
