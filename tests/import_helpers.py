"""Small import files written in the test itself: CSV in each encoding, xlsx with openpyxl."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]], sheet: str = "Sheet1") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_file(tmp: Path, name: str, rows: list[list[object]], fmt: str) -> Path:
    """fmt: utf-8, utf-8-sig, gb18030 (CSV) or xlsx."""
    if fmt == "xlsx":
        return write_xlsx(tmp / f"{name}.xlsx", rows)
    return write_csv(tmp / f"{name}.csv", rows, fmt)


def set_numfmt_31(path: Path, cell_format: bytes) -> None:
    """Rewrite a custom number format id in styles.xml to the built-in Chinese date (31)."""
    src = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/styles.xml":
                data = data.replace(cell_format, b'numFmtId="31"')
            zout.writestr(item, data)
    path.write_bytes(out.getvalue())
