"""Write ledger text into openpyxl sheets so that Excel never takes it for a formula.

openpyxl (and pandas through it) stores a string starting with `=` as a formula, which Excel
runs when the file is opened; text from the ledger must stay text (OWASP: CSV injection).
Every workbook gridctl writes goes through `append_row` or `set_value`: strings become text
cells (data_type "s"), numbers and dates stay what they are, and characters XML cannot hold
are dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

DATE_FORMAT = "yyyy-mm-dd"


def clean_text(text: str) -> str:
    """`text` without the control characters an xlsx file cannot contain."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def _fix(cell: Any, value: object) -> Any:
    if isinstance(value, str):
        cell.value = clean_text(value)
        cell.data_type = "s"  # after assigning: openpyxl would have made "=…" a formula
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
    return cell


def set_value(cell: Any, value: object) -> Any:
    """Put `value` in an ordinary worksheet's cell, text kept as text."""
    return _fix(cell, value)


def append_row(ws: Any, values: Iterable[object]) -> None:
    """Append one row to a worksheet (ordinary or write-only), text kept as text."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    if isinstance(ws, WriteOnlyWorksheet):
        ws.append([_fix(WriteOnlyCell(ws), v) for v in values])
        return
    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for col, value in enumerate(values, start=1):
        _fix(ws.cell(row=row, column=col), value)
