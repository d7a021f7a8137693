"""The one safe workbook writer: every report writes its cells through `Book`.

Safety: a text value from the ledger is always written as text. openpyxl makes a string that
starts with "=" a formula, which Excel runs on opening; so after assigning a string we set
`data_type = "s"` on the cell, and drop characters XML cannot carry. Numbers stay numbers.

Made for people (see reports.layout): a frozen, repeated header row, column widths that fit,
a totals row, landscape A4 fitted to the page width. Workbooks are write-only (streamed): a
month of a big ledger's visits does not sit in memory. The file is written to a temporary
name and moved into place (gridctl.outfile), so a failed report leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from copy import copy
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from gridctl.outfile import staged
from gridctl.reports.layout import (
    BOLD,
    BOX,
    FIRST_DATA_ROW,
    FORMATS,
    HEADER_ALIGN,
    HEADER_FILL,
    HEADER_FONT,
    HEADER_ROW,
    NOTE_FONT,
    NUMERIC_KINDS,
    TITLE_FONT,
    TOP,
    WIDTH_SAMPLE,
    WRAP_TOP,
    WRAP_TOP_LEFT,
    Column,
    SheetInfo,
    column_width,
    data_style,
    display_width,
    kind_of,
    plain,
    row_height,
    shown,
)
from gridctl.reports.xlsxsafe import clean_text


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
        if not style and plain(value, fmt):
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
        ws.append([self.cell(ws, title, font=TITLE_FONT)])
        ws.append([self.cell(ws, period, font=NOTE_FONT)])
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
                self.cell(ws, h, font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGN)
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
        styles = [data_style(c, boxed) for c in columns]
        wrapped = [(c, column_width(ws, i)) for i, c in enumerate(columns, 1) if c.wrap]
        for rec in itertools.chain(sample, it):
            if wrapped:
                row_height(ws, HEADER_ROW + info.count + 1, rec, wrapped)
            ws.append(
                [
                    self.cell(ws, rec.get(c.key), kind_of(c, rec), **st)
                    for c, st in zip(columns, styles, strict=True)
                ]
            )
            info.count += 1
        info.last_row = HEADER_ROW + info.count
        if totals is not None:
            self._totals(ws, columns, totals)
        if note:
            ws.append([])
            ws.append([self.cell(ws, note, font=NOTE_FONT)])
        return info

    def _totals(self, ws: Any, columns: Sequence[Column], totals: Mapping[str, object]) -> None:
        row = []
        for i, c in enumerate(columns):
            value = self.label("total") if i == 0 and c.key not in totals else totals.get(c.key)
            kind = c.kind if c.kind in NUMERIC_KINDS else "int"
            row.append(self.cell(ws, value, kind, font=BOLD, border=TOP))
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
            widest = max((display_width(shown(r.get(c.key), c.kind)) for r in sample), default=0)
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
        value_w = max((display_width(shown(v, "text")) for _, v in items), default=10)
        ws.column_dimensions["A"].width = min(label_w + 2, 30)
        ws.column_dimensions["B"].width = min(max(value_w + 2, 20), 90)
        self._heading(ws, title, period)
        for key, value in items:
            kind = "date" if isinstance(value, date) else "text"
            if isinstance(value, int | Decimal) and not isinstance(value, bool):
                kind = "int" if isinstance(value, int) else "money"
            ws.append(
                [
                    self.cell(ws, key, font=BOLD, border=BOX, alignment=WRAP_TOP),
                    self.cell(ws, value, kind, border=BOX, alignment=WRAP_TOP_LEFT),
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
        save_workbook(self.wb, path)
        return path


def save_workbook(wb: Workbook, path: Path) -> None:
    """Write a workbook to `path` through gridctl.outfile (whole or not at all; a device such
    as /dev/stdout in place), giving openpyxl the writer's temporary file to zip into."""
    saving = False
    try:
        with staged(path) as tmp:
            saving = True
            wb.save(tmp)
    except BaseException:
        if not saving:
            _discard(wb)
        raise


def _discard(wb: Workbook) -> None:
    """Finish an unwritten workbook into nothing (an open streamed sheet complains at exit)."""
    with contextlib.suppress(Exception), open(os.devnull, "wb") as nowhere:
        wb.save(nowhere)
