"""Writes the small .xls files of this folder (Excel 97-2003: nothing on the test path can
write that format, so the files are kept). Run once by hand with xlwt importable:

    pip install --target /tmp/xlwt-lib xlwt
    PYTHONPATH=/tmp/xlwt-lib python tests/data/office/make_xls.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlwt  # type: ignore[import-not-found]  # not a dependency: only for making the files

HERE = Path(__file__).parent


def grids() -> None:
    """Sheet 网格: the header on line 1 with a 序号 column and a note, a 合计 row under the
    data. Sheet 带标题: a merged title over two columns and a note row above the header."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("网格")
    rows = [
        ["序号", "编码", "名称（全称）", "上级网格"],
        [1, "G3", "三区", ""],
        [2, "G3-1", "三区一网格", "G3"],
        ["合计", "", "", ""],
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    titled = wb.add_sheet("带标题")
    titled.write_merge(0, 0, 0, 1, "2026年网格台账")
    titled.write(1, 0, "填报单位：园区党群服务中心")
    titled.write(2, 0, "编码")
    titled.write(2, 1, "名称")
    titled.write(3, 0, "G4")
    titled.write(3, 1, "四区")
    wb.save(str(HERE / "grids.xls"))


def visits() -> None:
    """One visit whose day is a real Excel date cell (formatted yyyy-mm-dd)."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("走访")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for c, value in enumerate(["指导员", "企业", "走访日期"]):
        ws.write(0, c, value)
    ws.write(1, 0, "S001")
    ws.write(1, 1, "合肥芯联微电子有限公司")
    ws.write(1, 2, dt.date(2026, 3, 5), day)
    wb.save(str(HERE / "visits.xls"))


if __name__ == "__main__":
    grids()
    visits()
