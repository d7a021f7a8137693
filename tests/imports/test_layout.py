"""Office layouts: the header found below titles, notes in headers, columns and rows that are
not the kind's, codes as offices type them, and .xls / .xlsb / .ods workbooks."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests import import_helpers
from tests.import_helpers import XL, imported, write_csv, write_xlsx

park_file = import_helpers.park_file
park = import_helpers.park

OFFICE = Path(__file__).parent.parent / "data" / "office"


def _header(kind: str, path: Path, sheet: str | None = None, strict: bool = False):  # type: ignore[no-untyped-def]
    """The header found in the file, its problems, and the data rows that follow it."""
    from gridctl.imports.header import find_header
    from gridctl.imports.readers import open_source
    from gridctl.imports.registry import SPECS

    source = open_source(path, sheet)
    rows = source.rows()
    found = find_header(SPECS[kind], rows, (), source.epoch, strict=strict)
    assert found is not None
    header, errors = found
    return header, errors, list(rows)


# --- header cells ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("统一社会信用代码（18位）", "统一社会信用代码"),
        ("走访\n日期（必填）", "走访日期"),
        ("走访日期(必填)(YYYY-MM-DD)", "走访日期"),
        ("＊企业名称", "企业名称"),
        ("ＣＲＥＤＩＴ＿ＣＯＤＥ", "creditcode"),
        ("credit code", "creditcode"),
        (" 企业\u3000名称 ", "企业名称"),
    ],
)
def test_header_cells_match_as_a_person_reads_them(written, key):
    from gridctl.imports.header import header_key

    assert header_key(written) == key


def test_column_letters():
    from gridctl.imports.header import column_letter

    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


# --- the header row -------------------------------------------------------------------------


def test_header_found_below_a_merged_title_and_notes(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["2026年10月走访台账", None, None])
    ws.merge_cells("A1:C1")
    ws.append(["填报单位：园区党群服务中心"])
    ws.append([])
    ws.append(["指导员", "企业", "走访日期（必填）"])
    ws.append(["S001", XL, "2026-10-05"])
    path = tmp_path / "v.xlsx"
    wb.save(path)
    header, errors, rows = _header("visits", path)
    assert errors == []
    assert header.line == 4
    assert header.labels == {
        "supervisor": "指导员",
        "enterprise": "企业",
        "date": "走访日期（必填）",
    }
    # The data rows follow, counted as the sheet shows them.
    assert [line for line, _ in rows] == [5]


def test_header_not_among_the_first_ten_rows_is_refused_at_the_likeliest_row(tmp_path):
    rows = [[f"说明第{i}行"] for i in range(1, 11)] + [["编码", "名称"], ["G3", "三区"]]
    header, errors, _ = _header("grids", write_csv(tmp_path / "g.csv", rows))
    # No row names a column: the first is shown, with the columns the kind has.
    assert [(e.line, e.column) for e in errors] == [(1, "说明第1行"), (1, "编码"), (1, "名称")]
    assert errors[0].message.startswith("unknown column (columns: code/编码, name/名称")
    assert errors[1].message == "required column missing"


def test_a_header_naming_some_columns_is_shown_where_it_is(tmp_path):
    rows = [["园区网格"], ["编码", "备注"], ["G3", "x"]]
    _, errors, _ = _header("grids", write_csv(tmp_path / "g.csv", rows))
    assert [(e.line, e.column, e.message[:15]) for e in errors] == [
        (2, "备注", "unknown column "),
        (2, "名称", "required column"),
    ]


# --- columns the kind does not read ----------------------------------------------------------

GOV_LIST = [
    [
        "序号",
        "企业名称",
        "统一社会信用代码（18位）",
        "注册日期",
        "企业类型",
        "网格",
        "",
        "经营\n范围",
    ],
    ["1", "新材料科技有限公司", "91110000600037341L", "2019-05-01", "有限责任公司", "G1-1", "", ""],
    ["2", "城东物流有限公司", "", "2020-01-01", "有限责任公司", "G1-2", "见附件", ""],
]


def test_columns_not_read_are_ignored_and_named(tmp_path):
    from gridctl.imports.layout import layout_json, layout_lines

    header, errors, rows = _header("enterprises", write_csv(tmp_path / "e.csv", GOV_LIST))
    assert errors == []
    from gridctl.imports.layout import parse_row

    parsed = [parse_row(line, cells, header) for line, cells in rows]
    assert [r.values["name"] for r in parsed if r is not None] == [
        "新材料科技有限公司",
        "城东物流有限公司",
    ]
    assert layout_json(header) == {
        "header_line": 1,
        "ignored_columns": [
            {"column": "A", "header": "序号", "reason": "row_number"},
            {"column": "D", "header": "注册日期", "reason": "not_read"},
            {"column": "E", "header": "企业类型", "reason": "not_read"},
            {"column": "H", "header": "经营 范围", "reason": "not_read"},
            # Column G has no header; its data shows on line 3.
            {"column": "G", "header": "", "reason": "no_header"},
        ],
        "skipped_rows": [],
    }
    assert layout_lines(header) == [
        "columns not read: A 序号 (row numbers); D 注册日期 (not read by this kind); "
        "E 企业类型 (not read by this kind); H 经营 范围 (not read by this kind); "
        "G (no header)"
    ]


def test_strict_refuses_the_columns_not_read(tmp_path):
    from gridctl.imports.layout import parse_row

    header, errors, rows = _header(
        "enterprises", write_csv(tmp_path / "e.csv", GOV_LIST), strict=True
    )
    assert [(e.line, e.column, e.message.split(";")[0]) for e in errors] == [
        (1, "序号", "a row-number column, not read"),
        (1, "注册日期", "a column this kind does not read"),
        (1, "企业类型", "a column this kind does not read"),
        (1, "经营 范围", "a column this kind does not read"),
    ]
    first, second = (parse_row(line, cells, header) for line, cells in rows)
    assert first is not None and first.errors == []
    assert second is not None
    assert [(e.line, e.column) for e in second.errors] == [(3, "G")]
    assert second.errors[0].message.startswith("data in a column without a header")


def test_a_data_cell_past_the_header_is_named(tmp_path):
    from gridctl.imports.layout import layout_json, parse_row

    path = write_csv(tmp_path / "g.csv", [["编码", "名称"], ["G3", "三区", "", "多余"]])
    header, _, rows = _header("grids", path)
    assert [parse_row(line, cells, header) is not None for line, cells in rows] == [True]
    assert layout_json(header)["ignored_columns"] == [
        {"column": "D", "header": "", "reason": "no_header"}
    ]


def test_a_hundred_thousand_columns_are_named_in_a_bounded_line(cli, park, sql, tmp_path):
    from gridctl.imports.layout import layout_lines

    path = tmp_path / "g.csv"
    head = ",".join(["code", "name"] + [f"c{i}" for i in range(100_000)])
    path.write_text(head + "\n" + "G3,三区" + ",x" * 100_000 + "\n", encoding="utf-8")
    header, _, _ = _header("grids", path)
    (line,) = layout_lines(header)
    assert line.endswith("V c19 (not read by this kind); and 99980 more")
    assert imported(cli, "grids", path)["inserted"] == 1
    assert sql("SELECT name FROM grid WHERE code = 'G3'") == [("三区",)]


# --- rows that are not records --------------------------------------------------------------


def test_totals_and_signature_rows_are_skipped_and_counted(cli, park, sql, tmp_path):
    from gridctl.imports.layout import layout_lines, parse_row

    rows = [
        ["序号", "企业名称", "网格", "党员人数"],
        ["1", "新材料科技有限公司", "G1-1", "3"],
        ["2", "城东物流有限公司", "G1-2", "4"],
        ["合  计", "", "", "7"],
        [],
        ["填表人：张三", "", "审核人：李四", ""],
        ["", "备注：数据截至10月底"],
    ]
    path = write_csv(tmp_path / "e.csv", rows)
    header, _, data = _header("enterprises", path)
    parsed = [parse_row(line, cells, header) for line, cells in data]
    assert [r.line for r in parsed if r is not None] == [2, 3]
    assert header.skipped == [(4, "合  计"), (6, "填表人：张三"), (7, "备注：数据截至10月底")]
    assert layout_lines(header) == [
        "columns not read: A 序号 (row numbers)",
        "rows skipped, not records: 4 合  计; 6 填表人：张三; 7 备注：数据截至10月底",
    ]
    summary = imported(cli, "enterprises", path)
    assert (summary["rows"], summary["inserted"]) == (2, 2)
    assert sql(
        "SELECT name, members FROM enterprise WHERE name IN ('新材料科技有限公司', "
        "'城东物流有限公司') ORDER BY name"
    ) == [("城东物流有限公司", 4), ("新材料科技有限公司", 3)]


def test_a_record_that_begins_like_a_note_is_still_a_record(tmp_path):
    from gridctl.imports.layout import parse_row

    # 总计划 is not 总计, and a row whose key fields are filled is a record whatever it says.
    rows = [["名称", "说明"], ["总计划项目", ""], ["备注", "有说明"], ["合计", ""]]
    header, _, data = _header("welfare_projects", write_csv(tmp_path / "w.csv", rows))
    parsed = [parse_row(line, cells, header) for line, cells in data]
    assert [r.values["name"] for r in parsed if r is not None] == ["总计划项目"]
    assert header.skipped == [(3, "备注"), (4, "合计")]


# --- codes as offices type them -------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "９１１１００００６０００３７３４１Ｌ",
        "91-110000-600037341L",
        "9111 0000\u00a06000\u300037341l",
        "91110000－600037341L",
    ],
)
def test_credit_codes_typed_with_full_width_spaces_or_hyphens(cli, park, sql, tmp_path, typed):
    path = write_csv(
        tmp_path / "e.csv",
        [["企业名称", "统一社会信用代码", "网格"], ["新材料科技有限公司", typed, "G1-1"]],
    )
    assert imported(cli, "enterprises", path)["inserted"] == 1
    assert sql("SELECT credit_code FROM enterprise WHERE name = '新材料科技有限公司'") == [
        ("91110000600037341L",)
    ]


def test_enterprise_add_reads_a_hyphenated_full_width_code(cli, park, sql):
    cli(
        "enterprise",
        "add",
        "新材料科技有限公司",
        "--grid",
        "G1-1",
        "--credit-code",
        "９１-110000-600037341l",
    )
    assert sql("SELECT credit_code FROM enterprise WHERE name = '新材料科技有限公司'") == [
        ("91110000600037341L",)
    ]


# --- .xls, .xlsb, .ods ----------------------------------------------------------------------


def test_xls_is_read(cli, park, sql):
    summary = imported(cli, "grids", OFFICE / "grids.xls")
    assert (summary["rows"], summary["inserted"]) == (2, 2)
    assert sql(
        "SELECT g.code, g.name, p.code FROM grid g LEFT JOIN grid p ON p.id = g.parent_id "
        "WHERE g.code LIKE 'G3%' ORDER BY g.code"
    ) == [("G3", "三区", None), ("G3-1", "三区一网格", "G3")]


def test_xls_date_cell_and_sheet_with_a_title(cli, park, sql):
    assert imported(cli, "visits", OFFICE / "visits.xls")["inserted"] == 1
    assert sql(
        "SELECT v.date FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
        "WHERE s.code = 'S001' AND v.date = '2026-03-05'"
    ) == [("2026-03-05",)]
    header, errors, rows = _header("grids", OFFICE / "grids.xls", sheet="带标题")
    assert (errors, header.line, rows) == ([], 3, [(4, ["G4", "四区"])])


def write_ods(path: Path, rows: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet: a zip of XML, as LibreOffice writes one."""
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p>'
            "</table:table-cell>"
            for v in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="走访">'
        f"{cells}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr("content.xml", content)
    return path


def test_ods_is_read(cli, park, sql, tmp_path):
    path = write_ods(
        tmp_path / "v.ods",
        [["指导员", "企业", "走访日期（必填）"], ["S002", XL, "2026-03-06"]],
    )
    assert imported(cli, "visits", path)["inserted"] == 1
    assert sql(
        "SELECT s.code, v.date FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
        "WHERE v.date = '2026-03-06'"
    ) == [("S002", "2026-03-06")]


@pytest.mark.parametrize("suffix", [".xls", ".xlsb", ".ods"])
def test_a_broken_workbook_is_refused_in_one_line(cli, park, sql, tmp_path, suffix):
    path = tmp_path / f"v{suffix}"
    path.write_bytes(b"PK\x03\x04 not really")
    before = sql("SELECT count(*) FROM visit")
    result = cli("import", "visits", str(path), ok=False)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{path}: not a readable {suffix} workbook (damaged, or another file renamed?)"
    )
    assert sql("SELECT count(*) FROM visit") == before


def test_an_ods_that_declares_entities_is_refused(cli, park, sql, tmp_path):
    path = write_ods(tmp_path / "v.ods", [["指导员"]])
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("styles.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')
    result = cli("import", "visits", str(path), ok=False)
    assert "styles.xml declares a DTD or entities" in result.stderr


def test_an_xlsx_with_notes_in_headers_imports(cli, park, sql, tmp_path):
    path = write_xlsx(
        tmp_path / "e.xlsx",
        [
            ["序号", "企业名称\n（全称）", "统一社会信用代码（18位）", "网格(二级)"],
            [1, "新材料科技有限公司", "91110000600037341L", "G1-1"],
        ],
    )
    assert imported(cli, "enterprises", path)["inserted"] == 1
    assert sql(
        "SELECT e.credit_code, g.code FROM enterprise e JOIN grid g ON g.id = e.grid_id "
        "WHERE e.name = '新材料科技有限公司'"
    ) == [("91110000600037341L", "G1-1")]


def test_a_sheet_with_a_title_imports_with_its_lines_as_the_sheet_shows(cli, park, sql, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["2026年10月走访台账", None, None])
    ws.merge_cells("A1:C1")
    ws.append(["指导员", "企业", "走访日期\n（必填）"])
    ws.append(["S001", XL, "2026-10-05"])
    ws.append(["S002", XL, "2026-10-06"])
    ws.append(["S001", XL, "not a date"])
    path = tmp_path / "v.xlsx"
    wb.save(path)
    result = cli("import", "visits", str(path), ok=False)
    assert result.stderr.splitlines()[0] == f"{path}:5: 走访日期 （必填）: " + (
        "not a date; use YYYY-MM-DD, 2026/3/5 or 2026年3月5日 (not a date)"
    )
    assert sql("SELECT count(*) FROM visit WHERE date >= '2026-10-01'") == [(0,)]
    ws.delete_rows(5)
    wb.save(path)
    summary = imported(cli, "visits", path)
    assert (summary["inserted"], summary["header_line"]) == (2, 2)
    newest = json.loads(cli("import", "log", "--format", "json").stdout)[0]
    assert (newest["status"], newest["message"]) == ("imported", "header on line 2")
    assert sql(
        "SELECT s.code, v.date FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
        "WHERE v.date >= '2026-10-01' ORDER BY v.date"
    ) == [
        ("S001", "2026-10-05"),
        ("S002", "2026-10-06"),
    ]
