"""The one safe workbook writer: every report writes its cells through `Book`.

Safety: a text value from the ledger is always written as text. openpyxl turns a string that
starts with "=" into a formula (PITFALLS.md), so after assigning a string we set
`data_type = "s"` on the cell; characters XML cannot carry are dropped. Numbers stay numbers.

Made for people: a title and the period above each table, a frozen, repeated header row,
column widths that fit (CJK characters count double), number and date formats, a totals row,
landscape A4 fitted to the page width. Workbooks are write-only (streamed), so a month of a
big ledger's visits does not sit in memory; the file is written to a temporary name and moved
into place, so a failed report leaves nothing half-written.
"""

from __future__ import annotations

import itertools
import math
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from gridctl.reports.xlsxsafe import clean_text
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

_THIN = Side(style="thin", color="A6A6A6")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOP = Border(top=Side(style="medium", color="404040"))
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_FONT = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=14)
_NOTE_FONT = Font(italic=True, color="595959")
_BOLD = Font(bold=True)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_WRAP = Alignment(wrap_text=True)
# A fact's value reads from the left whether it is a name or a number.
_WRAP_TOP_LEFT = Alignment(wrap_text=True, vertical="top", horizontal="left")
_CENTER = Alignment(horizontal="center")
_HEADER_ALIGN = Alignment(wrap_text=True, horizontal="center", vertical="center")


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


def _shown(value: object, kind: str) -> str:
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


def _plain(value: object, fmt: str | None) -> bool:
    """A value openpyxl writes as we want without a cell: safe text, a bare number, a date."""
    if isinstance(value, str):
        return not is_dangerous(value)
    if isinstance(value, date):
        return fmt == FORMATS["date"]
    return fmt is None


def _kind(column: Column, rec: Mapping[str, object]) -> str:
    return str(rec.get("_kind", "text")) if column.kind == "auto" else column.kind


class Book:
    """A workbook being written; `label(key)` gives a header or sheet name in its language."""

    def __init__(self, label: Callable[[str], str]) -> None:
        self.label = label
        self.wb = Workbook(write_only=True)
        self._styles: dict[tuple[Any, ...], Any] = {}

    # --- cells ------------------------------------------------------------------------

    def cell(self, ws: Any, value: object, kind: str = "text", **style: Any) -> Any:
        """A cell whose text is text: never a formula, whatever it starts with."""
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, str):
            value = clean_text(value)
        elif value is not None and not isinstance(value, int | float | Decimal | date):
            value = clean_text(str(value))
        fmt = FORMATS.get(kind) if value is not None and not isinstance(value, str) else None
        if not style and _plain(value, fmt):
            # openpyxl stores it as it is (a date gets yyyy-mm-dd); a cell object per value
            # would cost a raised and caught ValueError inside openpyxl's append.
            return value
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            c.data_type = "s"
        if fmt or style:
            c._style = copy(self._style(ws, fmt, style))
        return c

    def _style(self, ws: Any, fmt: str | None, style: dict[str, Any]) -> Any:
        """The style array for a number format and style objects, built once per workbook:
        setting fonts and borders cell by cell costs more than writing the cells."""
        key = (fmt, tuple(sorted((k, id(v)) for k, v in style.items())))
        found = self._styles.get(key)
        if found is None:
            template = WriteOnlyCell(ws)
            if fmt:
                template.number_format = fmt
            for name, val in style.items():
                setattr(template, name, val)
            found = self._styles[key] = template._style
        return found

    # --- sheets -----------------------------------------------------------------------

    def _new_sheet(self, name: str) -> Any:
        ws = self.wb.create_sheet(clean_text(name)[:31])
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        ws.print_options.horizontalCentered = True
        ws.oddFooter.center.text = "&P / &N"
        return ws

    def _heading(self, ws: Any, title: str, period: str) -> None:
        ws.append([self.cell(ws, title, font=_TITLE_FONT)])
        ws.append([self.cell(ws, period, font=_NOTE_FONT)])
        ws.append([])

    def table(
        self,
        name: str,
        *,
        title: str,
        period: str,
        columns: Sequence[Column],
        rows: Iterable[Mapping[str, object]],
        totals: Mapping[str, object] | None = None,
        note: str | None = None,
        freeze_first_col: bool = False,
    ) -> SheetInfo:
        """A titled table: header row frozen and repeated on each printed page."""
        ws = self._new_sheet(name)
        it: Iterator[Mapping[str, object]] = iter(rows)
        sample = list(itertools.islice(it, WIDTH_SAMPLE))
        headers = [c.header or self.label(c.key) for c in columns]
        self._fit_widths(ws, columns, headers, sample)
        ws.freeze_panes = f"{'B' if freeze_first_col else 'A'}{FIRST_DATA_ROW}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        self._heading(ws, title, period)
        ws.append(
            [
                self.cell(ws, h, font=_HEADER_FONT, fill=_HEADER_FILL, alignment=_HEADER_ALIGN)
                for h in headers
            ]
        )
        info = SheetInfo(
            ws, columns, index={c.key: i + 1 for i, c in enumerate(columns)}, headers=headers
        )
        # A table that fits in the sample gets cell borders; a long streamed one prints the
        # sheet's gridlines instead (a styled cell costs time, 43,000 rows of them seconds).
        boxed = len(sample) < WIDTH_SAMPLE
        ws.print_options.gridLines = not boxed
        styles = [self._data_style(c, boxed) for c in columns]
        wrapped = [(c, self._width(ws, i)) for i, c in enumerate(columns, 1) if c.wrap]
        for rec in itertools.chain(sample, it):
            if wrapped:
                self._row_height(ws, HEADER_ROW + info.count + 1, rec, wrapped)
            ws.append(
                [
                    self.cell(ws, rec.get(c.key), _kind(c, rec), **st)
                    for c, st in zip(columns, styles, strict=True)
                ]
            )
            info.count += 1
        info.last_row = HEADER_ROW + info.count
        if totals is not None:
            self._totals(ws, columns, totals)
        if note:
            ws.append([])
            ws.append([self.cell(ws, note, font=_NOTE_FONT)])
        return info

    @staticmethod
    def _width(ws: Any, index: int) -> float:
        return float(ws.column_dimensions[get_column_letter(index)].width or 10)

    @staticmethod
    def _row_height(
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

    def _data_style(self, column: Column, boxed: bool) -> dict[str, Any]:
        style: dict[str, Any] = {"border": _BOX} if boxed else {}
        if column.wrap:
            style["alignment"] = _WRAP
        elif column.kind == "date" and boxed:
            style["alignment"] = _CENTER
        return style

    def _totals(self, ws: Any, columns: Sequence[Column], totals: Mapping[str, object]) -> None:
        row = []
        for i, c in enumerate(columns):
            value = self.label("total") if i == 0 and c.key not in totals else totals.get(c.key)
            kind = c.kind if c.kind in NUMERIC_KINDS else "int"
            row.append(self.cell(ws, value, kind, font=_BOLD, border=_TOP))
        ws.append(row)

    def _fit_widths(
        self,
        ws: Any,
        columns: Sequence[Column],
        headers: Sequence[str],
        sample: Sequence[Mapping[str, object]],
    ) -> None:
        lines = 1
        for i, (c, h) in enumerate(zip(columns, headers, strict=True), start=1):
            # A header wraps over two lines before it widens a column of short figures.
            widest = max((display_width(_shown(r.get(c.key), c.kind)) for r in sample), default=0)
            head = display_width(h)
            need = max(widest, math.ceil(head * 0.55) + 1 if head > 12 else head)
            # Latin letters and digits of the usual fonts run wider than a "0" on average.
            width = min(max(math.ceil(need * 1.1) + 2, c.min_width), c.max_width)
            ws.column_dimensions[get_column_letter(i)].width = width
            # Bold header text is a little wider than its character count.
            lines = max(lines, math.ceil(head * 1.15 / max(width - 1, 1)))
        # LibreOffice and Excel do not grow a row for wrapped text written by a program.
        ws.row_dimensions[HEADER_ROW].height = 15 * lines + 4

    def pairs(
        self, name: str, *, title: str, period: str, items: Sequence[tuple[str, object]]
    ) -> Any:
        """A two-column sheet of labelled facts (a dossier's facts, a quarter's highlights)."""
        ws = self._new_sheet(name)
        ws.page_setup.orientation = "portrait"
        label_w = max((display_width(k) for k, _ in items), default=10)
        value_w = max((display_width(_shown(v, "text")) for _, v in items), default=10)
        ws.column_dimensions["A"].width = min(label_w + 2, 30)
        ws.column_dimensions["B"].width = min(max(value_w + 2, 20), 90)
        self._heading(ws, title, period)
        for key, value in items:
            kind = "date" if isinstance(value, date) else "text"
            if isinstance(value, int | Decimal) and not isinstance(value, bool):
                kind = "int" if isinstance(value, int) else "money"
            ws.append(
                [
                    self.cell(ws, key, font=_BOLD, border=_BOX, alignment=_WRAP_TOP),
                    self.cell(ws, value, kind, border=_BOX, alignment=_WRAP_TOP_LEFT),
                ]
            )
        return ws

    def chart_sheet(self, name: str, *, title: str, period: str) -> Any:
        """A sheet of charts, two abreast (see chart_anchor), printed on one page."""
        ws = self._new_sheet(name)
        ws.page_setup.fitToHeight = 1
        self._heading(ws, title, period)
        return ws

    # --- charts -----------------------------------------------------------------------

    def chart(
        self,
        where: Any,
        anchor: str,
        info: SheetInfo,
        *,
        title: str,
        category: str,
        values: Sequence[str],
        line: bool = False,
        rows: tuple[int, int] | None = None,
    ) -> None:
        """A native chart of `values` columns of a table (bars, or lines for trends), one
        point per table row; `rows` limits it to a block of rows. Series are named by the
        column headers."""
        if info.count == 0:
            return
        chart = LineChart() if line else BarChart()
        chart.title = clean_text(title)
        chart.width, chart.height = 14, 9
        chart.legend.position = "b"
        # openpyxl 3.1 marks axes deleted unless told otherwise; bars start from zero.
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.y_axis.scaling.min = 0
        first, last = rows or (info.first_row, info.last_row)
        for key in values:
            col = info.index[key]
            ref = Reference(info.ws, min_col=col, min_row=first, max_row=last)
            chart.series.append(Series(ref, title=clean_text(info.headers[col - 1])))
        cats = Reference(info.ws, min_col=info.index[category], min_row=first, max_row=last)
        chart.set_categories(cats)
        where.add_chart(chart, anchor)

    # --- saving -----------------------------------------------------------------------

    def save(self, path: Path) -> Path:
        """Write the workbook next to `path` under a temporary name, then move it there."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gridctl-", suffix=".xlsx", dir=path.parent)
        os.close(fd)
        try:
            self.wb.save(tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path
