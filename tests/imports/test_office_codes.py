"""Code columns hold text: a number cell (Excel's General format kept 15 digits of it) or a
CSV value in scientific notation is refused at its line, never turned back into digits, and
nothing is written."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from tests import import_helpers
from tests.import_helpers import refused, write_csv

park_file = import_helpers.park_file
park = import_helpers.park

CODE = "913101011324211307"  # Excel keeps 913101011324210944 of it


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_credit_code_as_number_cell_is_refused(park, cli, sql, tmp_path):
    path = _xlsx(
        tmp_path / "firms.xlsx",
        [["企业名称", "统一社会信用代码", "网格"], ["数字代码公司", int(CODE), "G1-1"]],
    )
    lines = refused(cli, sql, "enterprises", path, "enterprise")
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:2: 统一社会信用代码: a number, not text")
    assert "15 digits" in lines[0] and "文本" in lines[0]
    # never the check-code exception, never the digits turned back
    assert "校验位例外说明" not in lines[0] and "check_code" not in lines[0]
    assert sql("SELECT count(*) FROM enterprise WHERE name = '数字代码公司'") == [(0,)]
    assert sql("SELECT count(*) FROM enterprise WHERE credit_code LIKE '9131010113242%'") == [(0,)]


def test_credit_code_in_scientific_notation_is_refused(park, cli, sql, tmp_path):
    path = write_csv(
        tmp_path / "firms.csv",
        [["name", "credit_code", "grid"], ["科学计数公司", "9.13101E+17", "G1-1"]],
    )
    lines = refused(cli, sql, "enterprises", path, "enterprise")
    assert lines[0].startswith(f"{path}:2: credit_code: a number, not text")
    assert lines[0].endswith("(9.13101E+17)")


def test_credit_code_as_text_cell_is_read(park, cli, sql, tmp_path):
    path = _xlsx(
        tmp_path / "firms.xlsx",
        [["企业名称", "统一社会信用代码", "网格"], ["文本代码公司", "91110000600037341L", "G1-1"]],
    )
    cli("import", "enterprises", str(path))
    assert sql("SELECT credit_code FROM enterprise WHERE name = '文本代码公司'") == [
        ("91110000600037341L",)
    ]


def test_phone_and_supervisor_code_as_numbers_are_refused(park, cli, sql, tmp_path):
    path = _xlsx(
        tmp_path / "sup.xlsx",
        [
            ["编号", "姓名", "指导组", "电话"],
            ["S009", "钱七", "第一指导组", 13800000009],
            [1001, "孙八", "第一指导组", "13800000010"],
        ],
    )
    lines = refused(cli, sql, "supervisors", path, "supervisor")
    assert [line.split(": a number")[0] for line in lines] == [f"{path}:2: 电话", f"{path}:3: 编号"]
    assert sql("SELECT count(*) FROM supervisor WHERE name IN ('钱七', '孙八')") == [(0,)]


def test_grid_code_as_number_is_refused(park, cli, sql, tmp_path):
    path = _xlsx(tmp_path / "grids.xlsx", [["code", "name", "parent"], [7, "七区", None]])
    lines = refused(cli, sql, "grids", path, "grid")
    assert lines[0].startswith(f"{path}:2: code: a number, not text")


def test_enterprise_named_by_a_corrupted_code_is_refused(park, cli, sql, tmp_path):
    before = sql("SELECT count(*) FROM visit")
    path = _xlsx(
        tmp_path / "visits.xlsx",
        [["指导员", "企业", "走访日期"], ["S001", int(CODE), "2026-10-05"]],
    )
    lines = refused(cli, sql, "visits", path, "visit")
    assert lines[0].startswith(f"{path}:2: 企业: a number, not text")
    assert sql("SELECT count(*) FROM visit") == before


def test_full_width_codes_are_read_as_the_codes_they_are(park, cli, sql, tmp_path):
    # Ｓ００９ typed with a Chinese input method, a code with a U+3000 inside: the codes S009
    # and S001; a Chinese name is left as it is (no full-width parentheses made plain).
    sup = _xlsx(
        tmp_path / "sup.xlsx",
        [["编号", "姓名", "指导组"], ["Ｓ００９", "钱七（兼）", "第一指导组"]],
    )
    cli("import", "supervisors", str(sup))
    assert sql("SELECT code, name FROM supervisor WHERE name LIKE '钱七%'") == [
        ("S009", "钱七（兼）")
    ]
    visits = _xlsx(
        tmp_path / "v.xlsx",
        [["指导员", "企业", "走访日期"], ["Ｓ\u3000００１", "芯联", "2026-03-05"]],
    )
    cli("import", "visits", str(visits))
    assert sql(
        "SELECT s.code FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
        "WHERE v.date = '2026-03-05'"
    ) == [("S001",)]
