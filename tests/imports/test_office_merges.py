"""Merged cells in an xlsx: the value of a merged range applies to every cell it covers, as the
sheet shows it (header and data alike); never read as empty."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from gridctl.imports.readers import open_source
from tests import import_helpers

park_file = import_helpers.park_file
park = import_helpers.park


def test_merged_party_org_and_members_apply_to_every_firm(park, cli, sql, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["企业名称", "网格", "党组织类型", "党员人数"])
    ws.append(["合并一公司", "G1-1", "党支部", 5])
    ws.append(["合并二公司", "G1-1", None, None])
    ws.append(["合并三公司", None, None, None])
    ws.merge_cells("C2:C4")
    ws.merge_cells("D2:D4")
    ws.merge_cells("B3:B4")
    path = tmp_path / "firms.xlsx"
    wb.save(path)
    cli("import", "enterprises", str(path))
    rows = sql(
        "SELECT e.name, g.code, e.party_org, e.members FROM enterprise e "
        "JOIN grid g ON g.id = e.grid_id WHERE e.name LIKE '合并%' ORDER BY e.name"
    )
    assert sorted(rows) == sorted(
        [
            ("合并一公司", "G1-1", "branch", 5),
            ("合并二公司", "G1-1", "branch", 5),
            ("合并三公司", "G1-1", "branch", 5),
        ]
    )


def test_merged_visit_kind_applies_to_every_visit(park, cli, sql, tmp_path):
    firm = sql("SELECT name FROM enterprise ORDER BY id LIMIT 1")[0][0]
    wb = Workbook()
    ws = wb.active
    ws.append(["指导员", "企业", "走访日期", "走访类型"])
    for day in ("2026-03-02", "2026-03-03", "2026-03-04"):
        ws.append(["S001" if day.endswith("2") else None, firm, day, None])
    ws["D2"] = "政策宣讲"
    ws.merge_cells("D2:D4")
    ws.merge_cells("A2:A4")
    path = tmp_path / "v.xlsx"
    wb.save(path)
    cli("import", "visits", str(path))
    rows = sql(
        "SELECT v.date, s.code, v.category FROM visit v JOIN supervisor s "
        "ON s.id = v.supervisor_id WHERE v.date BETWEEN '2026-03-02' AND '2026-03-04' "
        "ORDER BY v.date"
    )
    assert [(str(d)[:10], s, c) for d, s, c in rows] == [
        ("2026-03-02", "S001", "policy"),
        ("2026-03-03", "S001", "policy"),
        ("2026-03-04", "S001", "policy"),
    ]


def test_merged_header_applies_to_both_columns(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["联系方式", None, "名称"])
    ws.append(["a", "b", "c"])
    ws.merge_cells("A1:B1")
    path = tmp_path / "h.xlsx"
    wb.save(path)
    rows = list(open_source(path).rows())
    assert rows[0] == (1, ["联系方式", "联系方式", "名称"])
    assert rows[1][0] == 2 and list(rows[1][1]) == ["a", "b", "c"]


def test_used_range_below_row_one_keeps_lines_and_merges(tmp_path: Path):
    wb = Workbook()
    ws = wb.active
    ws["C3"], ws["D3"] = "code", "name"
    ws["C4"], ws["D4"] = "G7", "七区"
    ws["C6"] = "G8"
    ws.merge_cells("D4:D6")
    path = tmp_path / "r.xlsx"
    wb.save(path)
    rows = [(line, list(cells)) for line, cells in open_source(path).rows()]
    assert (3, ["code", "name"]) in rows
    assert (4, ["G7", "七区"]) in rows
    assert (5, ["", "七区"]) in rows
    assert (6, ["G8", "七区"]) in rows


def test_merges_found_in_the_xml_when_the_reader_cannot_see_them(tmp_path):
    from gridctl.imports.readers import _has_merges

    wb = Workbook()
    wb.active.append(["a", "b"])
    wb.save(tmp_path / "plain.xlsx")
    wb.active.merge_cells("A1:B1")
    wb.save(tmp_path / "merged.xlsx")
    assert not _has_merges(tmp_path / "plain.xlsx")
    assert _has_merges(tmp_path / "merged.xlsx")
