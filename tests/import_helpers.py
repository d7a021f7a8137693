"""Small import files written in the test itself: CSV in each encoding, xlsx with openpyxl."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

# The enterprises of the small park (conftest's and park_file's alike).
XL = "合肥芯联微电子有限公司"  # branch, 12 members
JH = "江淮新能源汽车零部件有限公司"  # 党委, 40 members
LY = "绿源环保装备有限公司"  # no party organisation
SZ = "数智云信息技术有限公司"  # joint branch, 5 members


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


@pytest.fixture(scope="session")
def park_file(tmp_path_factory):
    """conftest's small park, built once through the importer itself, copied per test."""
    from typer.testing import CliRunner

    from gridctl.cli.app import app

    tmp = tmp_path_factory.mktemp("park")
    db = tmp / "park.db"
    files = {
        "grids": [
            ["编码", "名称", "上级网格"],
            ["G1", "一区", ""],
            ["G2", "二区", ""],
            ["G1-1", "一区一网格", "G1"],
            ["G1-2", "一区二网格", "G1"],
            ["G2-1", "二区一网格", "G2"],
        ],
        "groups": [["名称", "网格"], ["第一指导组", "G1"], ["第二指导组", "G2"]],
        "supervisors": [
            ["编号", "姓名", "指导组", "类型"],
            ["S001", "张伟", "第一指导组", "专职"],
            ["S002", "李娜", "第一指导组", "兼职"],
            ["S003", "张伟", "第二指导组", "专职"],
            ["S004", "王芳", "第二指导组", "part-time"],
        ],
        "leaders": [["名称", "组长"], ["第一指导组", "S001"], ["第二指导组", "S003"]],
        "enterprises": [
            [
                "企业名称",
                "网格",
                "统一社会信用代码",
                "党组织类型",
                "党员人数",
                "联系指导员",
                "产业链",
                "核心企业",
            ],
            [
                "合肥芯联微电子有限公司",
                "G1-1",
                "91440300708461136T",
                "branch",
                12,
                "S001",
                "微电子",
                "是",
            ],
            [
                "江淮新能源汽车零部件有限公司",
                "G1-2",
                "914403001922038216",
                "党委",
                40,
                "S002",
                "new-energy-vehicles",
                "",
            ],
            ["绿源环保装备有限公司", "G2-1", "91110000101623741K", "", "", "S003", "", ""],
            [
                "数智云信息技术有限公司",
                "G2-1",
                "911101066976941872",
                "joint-branch",
                5,
                "S004",
                "big-data-it",
                "",
            ],
        ],
    }
    runner = CliRunner()
    env = {"GRIDCTL_LANG": "en", "GRIDCTL_USER": "tester"}
    assert runner.invoke(app, ["--db", str(db), "init"], env=env).exit_code == 0
    for name, rows in files.items():
        kind = "groups" if name == "leaders" else name
        path = write_csv(tmp / f"{name}.csv", rows)
        result = runner.invoke(app, ["--db", str(db), "import", kind, str(path)], env=env)
        assert result.exit_code == 0, result.stderr
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("DELETE FROM import_run")
    con.commit()
    con.close()
    return db


@pytest.fixture
def park(park_file, db_path):
    import shutil

    shutil.copy(park_file, db_path)
    return db_path


def imported(cli, kind, path):
    return json.loads(cli("import", kind, str(path), "--json").stdout)


def dry(cli, kind, path):
    return json.loads(cli("import", kind, str(path), "--dry-run", "--json").stdout)


def counts(summary):
    return (summary["inserted"], summary["updated"], summary["unchanged"])


def wipe(db_path, *tables):
    """Delete the records (committed), to import an export into an empty table again."""
    con = sqlite3.connect(db_path)
    with con:
        for table in tables:
            con.execute(f"DELETE FROM {table}")
    con.close()


def refused(cli, sql, kind, path, table):
    before = sql(f"SELECT count(*) FROM {table}")
    result = cli("import", kind, str(path), ok=False)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert sql(f"SELECT count(*) FROM {table}") == before
    lines = result.stderr.splitlines()
    assert lines[-1].startswith(f"Error: {path}: refused, ")
    return lines[:-1]
