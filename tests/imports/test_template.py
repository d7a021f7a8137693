"""`gridctl import template KIND`: the xlsx people fill in reads back on the first try."""

from __future__ import annotations

from openpyxl import load_workbook

from gridctl import vocab
from tests import import_helpers
from tests.import_helpers import imported

park_file = import_helpers.park_file
park = import_helpers.park

ENTERPRISE = "新材料科技有限公司"
CODE = "913101011324211307"  # all digits: Excel keeps 15 of them in a General cell


def _template(cli, tmp_path, kind, lang="zh"):  # type: ignore[no-untyped-def]
    out = tmp_path / f"{kind}.xlsx"
    cli("import", "template", kind, "-o", str(out), "--lang", lang)
    return out


def _validations(ws) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Column letter -> the values its drop-down list offers (read from the list sheet)."""
    wb = ws.parent
    found = {}
    for dv in ws.data_validations.dataValidation:
        sheet, ref = dv.formula1.lstrip("=").split("!")
        first, last = ref.replace("$", "").split(":")
        values = [c.value for row in wb[sheet.strip("'")][f"{first}:{last}"] for c in row]
        found[str(dv.sqref).split(":")[0].rstrip("0123456789")] = values
    return found


def test_the_enterprise_template_is_laid_out_for_people(cli, park, tmp_path):
    wb = load_workbook(_template(cli, tmp_path, "enterprises"))
    assert wb.sheetnames == ["企业", "填表说明", "选项"]
    ws = wb["企业"]
    head = [c.value for c in ws[1]]
    assert head[:4] == ["企业名称*", "统一社会信用代码", "网格*", "产业链"]
    # Code columns are text, so Excel keeps every digit typed; counts stay numbers.
    assert ws["B2"].number_format == "@"
    assert ws["B500"].number_format == "@"
    assert ws["F2"].number_format == "General"  # 党员人数
    lists = _validations(ws)
    assert lists["E"] == list(vocab.PARTY_ORG.values())  # 党组织类型, as the vocabulary spells it
    assert lists["J"] == ["是", "否"]  # 核心企业
    assert set(lists) == {"D", "E", "H", "J", "N"}  # 产业链 党组织类型 企业类别 核心企业 状态
    assert wb["选项"].sheet_state == "hidden"
    assert ws.freeze_panes == "A2"
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert all(ws.column_dimensions[c].width >= 10 for c in "ABCDEFGHIJKLMN")
    guide = wb["填表说明"]
    rows = [[c.value for c in row] for row in guide.iter_rows(max_row=4)]
    assert rows[0] == ["列名", "必填", "填写内容", "示例"]
    assert rows[1][:2] == ["企业名称", "是"]
    assert rows[2] == [
        "统一社会信用代码",
        "否",
        "文本（本列已设为文本格式，代码和电话号码不会丢位）",
        "91110000600037341L",
    ]
    assert rows[3][:2] == ["网格", "是"]


def test_a_filled_template_imports_on_the_first_try(cli, park, sql, tmp_path):
    path = _template(cli, tmp_path, "enterprises")
    wb = load_workbook(path)
    ws = wb["企业"]
    # As a person fills it in: into the formatted cells, values from the drop-down lists.
    for column, value in zip(
        "ABCDEFJ", [ENTERPRISE, CODE, "G1-1", "微电子", "党支部", "3", "是"], strict=True
    ):
        ws[f"{column}2"] = value
    wb.save(path)
    summary = imported(cli, "enterprises", path)
    assert (summary["rows"], summary["inserted"]) == (1, 1)
    assert sql(
        "SELECT e.credit_code, g.code, e.chain, e.party_org, e.members, e.is_core "
        "FROM enterprise e JOIN grid g ON g.id = e.grid_id WHERE e.name = ?",
        ENTERPRISE,
    ) == [(CODE, "G1-1", "microelectronics", "branch", 3, 1)]


def test_a_filled_visits_template_keeps_its_dates(cli, park, sql, tmp_path):
    import datetime as dt

    path = _template(cli, tmp_path, "visits")
    wb = load_workbook(path)
    ws = wb["走访"]
    assert ws["C2"].number_format == "yyyy-mm-dd"
    ws["A2"], ws["B2"], ws["C2"] = "S001", "合肥芯联微电子有限公司", dt.date(2026, 10, 5)
    ws["D2"] = _validations(ws)["D"][0]  # 走访类型, the first the list offers
    wb.save(path)
    assert imported(cli, "visits", path)["inserted"] == 1
    assert sql(
        "SELECT s.code, v.date FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
        "WHERE v.date = '2026-10-05'"
    ) == [("S001", "2026-10-05")]


def test_an_english_template(cli, park, tmp_path):
    wb = load_workbook(_template(cli, tmp_path, "supervisors", "en"))
    assert wb.sheetnames == ["supervisors", "How to fill in", "lists"]
    assert [c.value for c in wb["supervisors"][1]][:3] == ["code*", "name*", "group*"]
    assert _validations(wb["supervisors"])["D"] == ["full-time", "part-time"]
