"""gridctl export writes what import reads: export -> import into a fresh ledger is exact."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest

from tests import import_helpers
from tests.import_helpers import write_csv

park_file = import_helpers.park_file
park = import_helpers.park

KINDS = ["grids", "groups", "supervisors", "enterprises", "visits", "problems", "activities"]


@pytest.fixture
def busy_park(cli, park, tmp_path):
    """The park with visits, problems (one solved), awkward text and a deliberate bad code."""
    rows = [
        ["指导员", "企业", "走访日期", "走访类型", "走访情况", "发现问题"],
        ["S001", "芯联", "2026-03-05", "党建指导", "=1+1 不是公式", "缺少活动场地\n招工难"],
        ["S002", "江淮", "2026-03-06", "", "-5 度，室外", ""],
        ["S003", "绿源", "2026-03-06", "政策宣讲", "", "@融资"],
        ["S004", "数智云", "2026-03-07", "joint", "多行\n走访情况", ""],
    ]
    cli("import", "visits", str(write_csv(tmp_path / "v.csv", rows)))
    cli("problem", "solve", "1", "--note", "共享会议室", "--date", "2026-03-20", "--by", "S002")
    cli(
        "supervisor", "add", "S005", "赵敏", "--group", "第二指导组", "--phone", "+86 138 0000 0005"
    )
    cli(
        "enterprise",
        "add",
        "闽早期试点企业",
        "--grid",
        "G2-1",
        "--credit-code",
        "91350100M0001TGQXM",
        "--accept-bad-check-code",
        "早期试点代码",
    )
    return park


def _export_all(cli, db, out, suffix):
    for kind in KINDS:
        cli("--db", str(db), "export", kind, "-o", str(out / f"{kind}{suffix[kind]}"))


def _import_all(cli, db, out, suffix):
    """In the order a park is loaded; group leaders once the supervisors exist."""
    from gridctl.imports.loader import run_import
    from gridctl.ledger.config import resolve
    from gridctl.ledger.session import open_ledger
    from gridctl.sample import STEPS

    target = resolve(str(db))
    for kind, _, skip in STEPS:
        result = run_import(
            lambda write: open_ledger(target, write=write),
            kind=kind,
            path=out / f"{kind}{suffix[kind]}",
            skip=skip,
        )
        assert result.errors == [], result.errors


@pytest.mark.sqlite_only  # works on ledger files (--db FILE, plain sqlite3)
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "mixed"])
def test_round_trip_into_a_fresh_ledger(cli, busy_park, tmp_path, fmt):
    suffix = {
        k: (".xlsx" if fmt == "xlsx" or (fmt == "mixed" and k == "visits") else ".csv")
        for k in KINDS
    }
    out = tmp_path / "out"
    out.mkdir()
    _export_all(cli, busy_park, out, suffix)
    fresh = tmp_path / "fresh.db"
    cli("--db", str(fresh), "init")
    _import_all(cli, fresh, out, suffix)
    for kind in KINDS:
        first = cli("--db", str(busy_park), "export", kind).stdout
        again = cli("--db", str(fresh), "export", kind).stdout
        assert again == first, kind
    # And the ledgers agree row for row, checked with plain SQL.
    query = (
        "SELECT s.code, e.name, v.date, v.category, v.notes FROM visit v "
        "JOIN supervisor s ON s.id = v.supervisor_id JOIN enterprise e ON e.id = v.enterprise_id "
        "ORDER BY 1, 2, 3, 4"
    )
    problems = (
        "SELECT e.name, p.description, p.opened, p.status, p.closed_on, p.resolution, "
        "p.visit_id IS NOT NULL FROM problem p JOIN enterprise e ON e.id = p.enterprise_id "
        "ORDER BY 1, 2"
    )
    for q in (query, problems, "SELECT name, credit_code, bad_check_reason FROM enterprise"):
        assert _sql(fresh, q) == _sql(busy_park, q)
    assert ("数智云信息技术有限公司", "多行\n走访情况") in [
        (r[1], r[4]) for r in _sql(fresh, query)
    ]


def _sql(db, q):
    con = sqlite3.connect(db)
    try:
        return sorted(con.execute(q).fetchall(), key=repr)
    finally:
        con.close()


def test_csv_export_neutralises_formulas(cli, busy_park):
    out = cli("export", "visits", "--lang", "en").stdout
    assert out.splitlines()[0] == "supervisor,enterprise,date,category,notes,problem"
    assert "'=1+1 不是公式" in out
    assert "'-5 度，室外" in out
    assert "'@融资" in out
    assert ",guidance," in out


def test_xlsx_export_keeps_formula_like_text_as_text(cli, busy_park, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "v.xlsx"
    result = cli("export", "visits", "-o", str(path))
    assert result.stdout == f"Exported 4 rows to {path}\n"
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet
    ws = load_workbook(path).active
    assert ws.title == "visits" or ws.title == "走访"
    cells = {c.value: c for row in ws.iter_rows() for c in row}
    assert cells["=1+1 不是公式"].data_type == "s"
    assert cells["@融资"].data_type == "s"
    assert ws["C2"].is_date  # dates are real dates


def test_export_refuses_other_suffixes(cli, ledger, tmp_path):
    result = cli("export", "grids", "-o", str(tmp_path / "g.txt"), ok=False)
    assert result.exit_code == 2


def test_xlsxsafe_helper_ordinary_and_write_only(tmp_path):
    from openpyxl import Workbook, load_workbook

    from gridctl.reports.xlsxsafe import append_row, set_value

    wb = Workbook()
    ws = wb.active
    append_row(ws, ["=SUM(A1)", -5, "+x"])
    set_value(ws.cell(row=2, column=1), "\tTAB")
    wb.save(tmp_path / "a.xlsx")
    got = load_workbook(tmp_path / "a.xlsx").active
    assert [(c.value, c.data_type) for c in got[1]] == [("=SUM(A1)", "s"), (-5, "n"), ("+x", "s")]
    assert got["A2"].data_type == "s"
