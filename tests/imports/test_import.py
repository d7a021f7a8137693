"""gridctl import: every kind in every encoding and format, refusals, idempotence, updates."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests import import_helpers
from tests.import_helpers import set_numfmt_31, write_csv, write_file, write_xlsx

# The small park, built once through the importer and copied per test (fast).
park_file = import_helpers.park_file
park = import_helpers.park

FORMATS = ["utf-8", "utf-8-sig", "gb18030", "xlsx"]


# kind -> (rows with the Chinese headers, plain-SQL check, expected rows of that check)
CASES = {
    "grids": (
        [["编码", "名称", "上级网格"], ["G3", "三区", ""], ["G3-1", "三区一网格", "G3"]],
        "SELECT g.code, g.level, p.code FROM grid g LEFT JOIN grid p ON p.id = g.parent_id "
        "WHERE g.code LIKE 'G3%' ORDER BY g.code",
        [("G3", 1, None), ("G3-1", 2, "G3")],
    ),
    "groups": (
        [["名称", "网格", "组长"], ["第三指导组", "G2", ""]],
        "SELECT gg.name, g.code, gg.leader_id FROM guidance_group gg JOIN grid g "
        "ON g.id = gg.grid_id WHERE gg.name = '第三指导组'",
        [("第三指导组", "G2", None)],
    ),
    "supervisors": (
        [
            ["编号", "姓名", "指导组", "类型", "电话"],
            ["S005", "赵敏", "第二指导组", "兼职", "13800000005"],
        ],
        "SELECT s.code, s.name, g.name, s.kind, s.phone FROM supervisor s "
        "JOIN guidance_group g ON g.id = s.group_id WHERE s.code = 'S005'",
        [("S005", "赵敏", "第二指导组", "part-time", "13800000005")],
    ),
    "enterprises": (
        [
            [
                "企业名称",
                "统一社会信用代码",
                "网格",
                "党组织类型",
                "党员人数",
                "联系指导员",
                "产业链",
            ],
            ["新材料科技有限公司", "91110000600037341L", "G1-1", "党支部", "3", "S001", "微电子"],
        ],
        "SELECT e.name, e.credit_code, g.code, e.party_org, e.members, s.code, e.chain, "
        "e.visit_class FROM enterprise e JOIN grid g ON g.id = e.grid_id "
        "JOIN supervisor s ON s.id = e.supervisor_id WHERE e.name = '新材料科技有限公司'",
        [
            (
                "新材料科技有限公司",
                "91110000600037341L",
                "G1-1",
                "branch",
                3,
                "S001",
                "microelectronics",
                "monthly",
            )
        ],
    ),
    "visits": (
        [
            ["指导员", "企业", "走访日期", "走访类型", "走访情况", "发现问题"],
            ["S001", "芯联", "2026/3/5", "党建指导", "指导支部换届", "缺少活动场地"],
            ["李娜", "914403001922038216", "2026年3月6日", "", "", ""],
        ],
        "SELECT s.code, e.credit_code, v.date, v.category, v.notes FROM visit v "
        "JOIN supervisor s ON s.id = v.supervisor_id JOIN enterprise e ON e.id = v.enterprise_id "
        "ORDER BY v.date",
        [
            ("S001", "91440300708461136T", "2026-03-05", "guidance", "指导支部换届"),
            ("S002", "914403001922038216", "2026-03-06", "routine", None),
        ],
    ),
    "problems": (
        [
            ["企业", "指导员", "问题描述", "提出日期", "状态", "办结日期", "解决情况", "办结人"],
            ["芯联", "S001", "融资难", "2026-03-01", "已解决", "2026-03-10", "对接银行", "S002"],
            ["绿源环保装备有限公司", "S003", "招工难", "2026-03-02", "", "", "", ""],
        ],
        "SELECT p.description, p.status, p.opened, p.closed_on, p.resolution, r.code "
        "FROM problem p LEFT JOIN supervisor r ON r.id = p.resolved_by_id ORDER BY p.opened",
        [
            ("融资难", "solved", "2026-03-01", "2026-03-10", "对接银行", "S002"),
            ("招工难", "open", "2026-03-02", None, None, None),
        ],
    ),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", list(CASES))
def test_each_kind_in_each_encoding_and_format(cli, park, sql, tmp_path, kind, fmt):
    rows, query, expected = CASES[kind]
    path = write_file(tmp_path, kind, rows, fmt)
    result = cli("import", kind, str(path))
    assert result.stderr == ""
    n = len(rows) - 1
    read_as = "(sheet Sheet1)" if fmt == "xlsx" else f"(read as {fmt})"
    assert result.stdout == (
        f"{path} {read_as}: {n} rows: {n} inserted, 0 updated, 0 unchanged"
        + ("; 1 problems opened" if kind == "visits" else "")
        + "\n"
    )
    assert sql(query) == expected


def test_visit_problem_cell_opens_each_line_once(cli, park, sql, tmp_path):
    rows = [
        ["指导员", "企业", "走访日期", "发现问题"],
        ["S001", "芯联", "2026-03-05", "缺少活动场地\n招工难"],
        ["S002", "芯联", "2026-03-05", "招工难"],  # same enterprise, day and text: opened once
    ]
    path = write_csv(tmp_path / "v.csv", rows)
    cli("import", "visits", str(path))
    cli("import", "visits", str(path))
    assert sql("SELECT description, visit_id IS NOT NULL, status FROM problem ORDER BY id") == [
        ("缺少活动场地", 1, "open"),
        ("招工难", 1, "open"),
    ]


def test_english_headers_any_order_and_spaces(cli, park, sql, tmp_path):
    rows = [
        [" Date ", "category", "enterprise ", "SUPERVISOR", "notes"],
        ["2026-03-05", "guidance", "绿源环保装备有限公司", "S003", "x"],
    ]
    cli("import", "visits", str(write_csv(tmp_path / "v.csv", rows)))
    assert sql("SELECT date, category, notes FROM visit") == [("2026-03-05", "guidance", "x")]


def test_xlsx_real_dates_serials_and_numfmt_31(cli, park, sql, tmp_path):
    path = write_xlsx(
        tmp_path / "v.xlsx",
        [
            ["指导员", "企业", "走访日期"],
            ["S001", "芯联", date(2026, 3, 5)],  # a real date cell
            ["S001", "芯联", 45356],  # typed into a General cell: a serial
            ["S001", "芯联", 46091],  # will carry numFmtId 31 (年月日)
            ["S001", "芯联", "2026/3/9"],  # text
        ],
    )
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["C4"].number_format = 'yyyy"年"m"月"d"日"'
    wb.save(path)
    set_numfmt_31(path, b'numFmtId="164"')
    assert b'numFmtId="31"' in __import__("zipfile").ZipFile(path).read("xl/styles.xml")
    cli("import", "visits", str(path))
    assert sql("SELECT date FROM visit ORDER BY date") == [
        ("2024-03-05",),
        ("2026-03-05",),
        ("2026-03-09",),
        ("2026-03-10",),
    ]


def test_xlsx_sheet_option(cli, park, sql, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "说明"
    ws = wb.create_sheet("走访")
    ws.append(["指导员", "企业", "走访日期"])
    ws.append(["S001", "芯联", "2026-03-05"])
    path = tmp_path / "v.xlsx"
    wb.save(path)
    result = cli("import", "visits", str(path), "--sheet", "没有", ok=False)
    assert result.exit_code == 1
    assert f"{path}: no sheet '没有'; sheets: 说明, 走访" in result.stderr
    cli("import", "visits", str(path), "--sheet", "走访")
    assert sql("SELECT count(*) FROM visit") == [(1,)]


# --- refusals: exit 1, the exact FILE:LINE report, nothing written -----------------------


def refused(cli, sql, kind, path, table):
    before = sql(f"SELECT count(*) FROM {table}")
    result = cli("import", kind, str(path), ok=False)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert sql(f"SELECT count(*) FROM {table}") == before
    lines = result.stderr.splitlines()
    assert lines[-1].startswith(f"Error: {path}: refused, ")
    return lines[:-1]


VISIT_HEAD = ["指导员", "企业", "走访日期"]


@pytest.mark.parametrize(
    ("row", "report"),
    [
        (["S999", "芯联", "2026-03-05"], "2: 指导员: unknown supervisor (S999)"),
        (
            ["张伟", "芯联", "2026-03-05"],
            "2: 指导员: matches several, give one of: S001 张伟; S003 张伟 (张伟)",
        ),
        (["S001", "无此企业", "2026-03-05"], "2: 企业: unknown enterprise (无此企业)"),
        (["S001", "芯联", "2026-02-30"], "2: 走访日期: no such day (2026-02-30)"),
        (
            ["S001", "芯联", "昨天"],
            "2: 走访日期: not a date; use YYYY-MM-DD, 2026/3/5 or 2026年3月5日 (昨天)",
        ),
        (["S001", "", "2026-03-05"], "2: 企业: required, but empty"),
        (
            ["S001", "芯联", "2099-01-01"],
            "2: 走访日期: a visit cannot be in the future (2099-01-01)",
        ),
    ],
)
def test_visit_refusals(cli, park, sql, tmp_path, row, report):
    path = write_csv(tmp_path / "v.csv", [VISIT_HEAD, ["S002", "芯联", "2026-03-01"], row])
    # The good row is line 2; the bad one line 3.
    line, rest = report.split(":", 1)
    assert refused(cli, sql, "visits", path, "visit") == [f"{path}:{int(line) + 1}:{rest}"]


def test_every_bad_row_reported_with_spreadsheet_lines(cli, park, sql, tmp_path):
    rows = [
        ["指导员", "企业", "走访日期", "走访情况"],
        ["S001", "芯联", "2026-03-05", "第一行\n第二行"],  # one record over two physical lines
        ["", "", "", ""],  # a blank row: skipped, still counted
        ["S999", "芯联", "2026-13-01", ""],
        ["S001", "芯联", "2026-03-05", "again"],
    ]
    path = write_csv(tmp_path / "v.csv", rows)
    assert refused(cli, sql, "visits", path, "visit") == [
        f"{path}:4: 走访日期: no such day (2026-13-01)",
        f"{path}:4: 指导员: unknown supervisor (S999)",
        f"{path}:5: 走访日期: same record as line 2 (duplicate in this file)",
    ]
    assert sql("SELECT kind, status, errors, rows FROM import_run") == [("visits", "refused", 3, 3)]


def _import_with(db_url, path, in_memory):
    """The importer called directly, to lower how many records it holds in memory."""
    from gridctl.imports.loader import run_import
    from gridctl.ledger.config import resolve
    from gridctl.ledger.session import open_ledger

    target = resolve(db_url)
    return run_import(
        lambda write: open_ledger(target, write=write),
        kind="visits",
        path=path,
        in_memory=in_memory,
    )


def test_duplicates_past_the_in_memory_part_reported_with_both_lines(park, sql, db_url, tmp_path):
    rows = [
        VISIT_HEAD,
        ["S001", "芯联", "2026-03-01"],  # line 2; lines 2-4 held in memory
        ["S001", "芯联", "2026-03-02"],
        ["S002", "芯联", "2026-03-01"],
        ["S001", "芯联", "2026-03-03"],  # line 5: past the in-memory part
        ["S001", "芯联", "2026-03-01"],  # repeats line 2 (held in memory)
        ["S999", "芯联", "2026-03-09"],
        ["S001", "芯联", "2026-03-03"],  # repeats line 5 (both past it)
        ["S001", "芯联", "2026-03-01"],  # line 2 a third time
        ["S002", "芯联", "2026-03-04"],
    ]
    path = write_csv(tmp_path / "v.csv", rows)
    before = sql("SELECT count(*) FROM visit")
    result = _import_with(db_url, path, in_memory=3)
    repeat = "same record as line {} (duplicate in this file)"
    assert [tuple(e) for e in result.errors] == [
        (6, "走访日期", repeat.format(2), ""),
        (7, "指导员", "unknown supervisor", "S999"),
        (8, "走访日期", repeat.format(5), ""),
        (9, "走访日期", repeat.format(2), ""),
    ]
    assert sql("SELECT count(*) FROM visit") == before
    assert sql("SELECT status, errors, rows FROM import_run") == [("refused", 4, 9)]
    # The same file held wholly in memory is refused with the same report.
    assert _import_with(db_url, path, in_memory=100).errors == result.errors
    # Without the repeats and the bad row, every record (most of them spooled to a file) is written.
    clean = write_csv(
        tmp_path / "clean.csv", [r for i, r in enumerate(rows) if i not in (5, 6, 7, 8)]
    )
    assert _import_with(db_url, clean, in_memory=2).counts.inserted == 5
    assert sql(
        "SELECT s.code, v.date FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
        "WHERE v.source = 'import:clean.csv' ORDER BY v.date, s.code"
    ) == [
        ("S001", "2026-03-01"),
        ("S002", "2026-03-01"),
        ("S001", "2026-03-02"),
        ("S001", "2026-03-03"),
        ("S002", "2026-03-04"),
    ]


def test_a_hash_collision_past_the_in_memory_part_is_not_a_duplicate():
    from gridctl.imports.dupes import Repeat
    from gridctl.imports.loader import _confirm
    from gridctl.imports.registry import SPECS
    from gridctl.imports.spool import Spool

    spec = SPECS["visits"]
    day = date(2026, 3, 1)
    with Spool(in_memory=1) as spool:
        spool.add(2, (1, 1, day, "routine", None, ()))
        spool.add(3, (1, 2, day, "routine", None, ()))  # another key
        spool.add(4, (1, 1, day, "routine", "again", ()))  # the same key as line 2
        # As if lines 2 and 3 (and 2 and 4) had the same hash: only the real repeat is kept.
        found = _confirm(spec, spool, [Repeat(3, 0, 2), Repeat(4, 0, 2)])
    assert found == [(Repeat(4, 0, 2), (1, 1, day, "routine"))]


def test_missing_required_and_unknown_column(cli, park, sql, tmp_path):
    path = write_csv(
        tmp_path / "v.csv", [["指导员", "走访日期", "备注"], ["S001", "2026-03-05", "x"]]
    )
    lines = refused(cli, sql, "visits", path, "visit")
    assert lines[0].startswith(f"{path}:1: 备注: unknown column (columns: supervisor/指导员, ")
    assert lines[1] == f"{path}:1: 企业: required column missing"
    assert len(lines) == 2


def test_wrong_credit_code_refused_unless_reason_column(cli, park, sql, tmp_path):
    head = ["企业名称", "网格", "统一社会信用代码"]
    bad = ["闽早期试点企业", "G1-1", "91350100M0001TGQXM"]
    path = write_csv(tmp_path / "e.csv", [head, bad], "gb18030")
    assert refused(cli, sql, "enterprises", path, "enterprise") == [
        f"{path}:2: 统一社会信用代码: check character should be '1', not 'M'; to take it "
        "deliberately, give the reason in column check_code_exception (校验位例外说明) "
        "(91350100M0001TGQXM)"
    ]
    malformed = write_csv(tmp_path / "m.csv", [head, ["某企业", "G1-1", "12345"]])
    assert refused(cli, sql, "enterprises", malformed, "enterprise") == [
        f"{malformed}:2: 统一社会信用代码: must be 18 characters, got 5 (12345)"
    ]
    ok = write_csv(tmp_path / "ok.csv", [[*head, "校验位例外说明"], [*bad, "早期试点代码，经核实"]])
    cli("import", "enterprises", str(ok))
    assert sql(
        "SELECT credit_code, bad_check_reason FROM enterprise WHERE name = '闽早期试点企业'"
    ) == [("91350100M0001TGQXM", "早期试点代码，经核实")]


def test_duplicate_enterprise_in_file(cli, park, sql, tmp_path):
    rows = [
        ["企业名称", "网格", "统一社会信用代码"],
        ["甲公司", "G1-1", "91110000600037341L"],
        ["乙公司", "G1-1", "91110000600037341L"],
        ["甲公司", "G1-2", ""],
    ]
    path = write_csv(tmp_path / "e.csv", rows)
    assert refused(cli, sql, "enterprises", path, "enterprise") == [
        f"{path}:3: 统一社会信用代码: same record as line 2 (duplicate in this file) "
        "(91110000600037341L)",
        f"{path}:4: 企业名称: same record as line 2 (duplicate in this file) (甲公司)",
    ]


def test_register_refusals(cli, park, sql, tmp_path):
    grids = write_csv(tmp_path / "g.csv", [["编码", "名称", "上级网格"], ["G9-1", "x", "G9"]])
    assert refused(cli, sql, "grids", grids, "grid") == [f"{grids}:2: 上级网格: unknown grid (G9)"]
    sup = write_csv(
        tmp_path / "s.csv", [["编号", "姓名", "指导组", "类型"], ["S9", "x", "无此组", "临时"]]
    )
    assert refused(cli, sql, "supervisors", sup, "supervisor") == [
        f"{sup}:2: 类型: allowed: full-time (专职), part-time (兼职) (临时)",
        f"{sup}:2: 指导组: unknown group (无此组)",
    ]
    groups = write_csv(
        tmp_path / "gr.csv", [["名称", "网格", "组长"], ["第一指导组", "G1", "S003"]]
    )
    assert refused(cli, sql, "groups", groups, "guidance_group") == [
        f"{groups}:2: 组长: the leader must be a supervisor of group 第一指导组 (S003)"
    ]
    ent = write_csv(tmp_path / "e.csv", [["企业名称", "网格", "党员人数"], ["甲", "G1", "-2"]])
    assert refused(cli, sql, "enterprises", ent, "enterprise") == [
        f"{ent}:2: 党员人数: not a whole number of 0 or more (-2)",
        f"{ent}:2: 网格: an enterprise belongs to a level-2 grid (G1)",
    ]


def test_problem_refusals(cli, park, sql, tmp_path):
    head = ["企业", "指导员", "问题描述", "提出日期", "状态", "办结日期", "解决情况"]
    path = write_csv(
        tmp_path / "p.csv",
        [
            head,
            ["芯联", "S001", "甲", "2026-03-05", "solved", "", ""],
            ["芯联", "S001", "乙", "2026-03-05", "open", "2026-03-06", ""],
            ["芯联", "S001", "丙", "2026-03-05", "closed", "2026-03-01", "迁出"],
        ],
    )
    assert refused(cli, sql, "problems", path, "problem") == [
        f"{path}:2: 办结日期: a solved or closed problem needs its closing date",
        f"{path}:2: 解决情况: a solved or closed problem needs its resolution",
        f"{path}:3: 办结日期: only a solved or closed problem has a closing date (2026-03-06)",
        f"{path}:4: 办结日期: closed before it was opened (2026-03-05) (2026-03-01)",
    ]


def test_bad_encoding_refused(cli, park, sql, tmp_path):
    path = tmp_path / "v.csv"
    path.write_bytes("指导员,企业,走访日期\r\n".encode() + b"S001,\xff\xfe,2026-03-05\r\n")
    assert refused(cli, sql, "visits", path, "visit") == [
        f"{path}:2: not UTF-8 or GB18030 text (bytes on this line cannot be decoded); "
        "save as CSV UTF-8"
    ]


def test_non_xlsx_named_xlsx_and_other_suffixes_refused(cli, park, sql, tmp_path):
    fake = write_csv(tmp_path / "v.csv", [VISIT_HEAD, ["S001", "芯联", "2026-03-05"]])
    renamed = fake.rename(tmp_path / "v.xlsx")
    assert refused(cli, sql, "visits", renamed, "visit") == [
        f"{renamed}: not an Excel .xlsx workbook (an old .xls or another file renamed?)"
    ]
    xls = tmp_path / "v.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0")
    assert refused(cli, sql, "visits", xls, "visit") == [
        f"{xls}: not a readable .xls workbook (damaged, or another file renamed?)"
    ]
    txt = tmp_path / "v.txt"
    txt.write_bytes(b"S001")
    assert refused(cli, sql, "visits", txt, "visit") == [
        f"{txt}: '.txt' files are not read; give a .csv, .xlsx, .xls, .xlsb or .ods file"
    ]


def test_zip_bomb_refused_before_parsing(cli, park, sql, tmp_path, monkeypatch):
    import zipfile

    from gridctl.imports import readers

    monkeypatch.setattr(readers, "RATIO_FLOOR", 1024)
    path = tmp_path / "v.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", "<sheetData>" + " " * 2_000_000)
    lines = refused(cli, sql, "visits", path, "visit")
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}: refused: unpacks to 1 MiB (")
    assert lines[0].endswith("x its size), too big for a register")


def test_refused_run_logged_and_nothing_written(cli, park, sql, tmp_path, actor):
    rows = [VISIT_HEAD, ["S001", "芯联", "2026-03-05"], ["S999", "芯联", "2026-03-06"]]
    path = write_csv(tmp_path / "v.csv", rows)
    refused(cli, sql, "visits", path, "visit")
    assert sql("SELECT count(*) FROM visit") == [(0,)]
    assert sql("SELECT count(*) FROM problem") == [(0,)]
    log = json.loads(cli("import", "log", "--format", "json").stdout)
    assert [(r["status"], r["user"], r["errors"], r["inserted"]) for r in log] == [
        ("refused", actor, 1, 0)
    ]
    assert log[0]["message"] == "3:指导员: unknown supervisor"


# --- dry run, idempotence, updates, the summary -------------------------------------------


def test_dry_run_checks_and_writes_nothing(cli, park, sql, tmp_path):
    path = write_csv(tmp_path / "v.csv", [VISIT_HEAD, ["S001", "芯联", "2026-03-05"]])
    result = cli("import", "visits", str(path), "--dry-run")
    assert result.stdout == (
        f"{path} (read as utf-8): 1 rows: 1 inserted, 0 updated, 0 unchanged"
        " [dry run: nothing written]\n"
    )
    assert sql("SELECT count(*) FROM visit") == [(0,)]
    assert sql("SELECT status, dry_run, inserted FROM import_run") == [("imported", 1, 1)]


def test_import_twice_counts_once(cli, park, sql, tmp_path):
    rows = [
        ["指导员", "企业", "走访日期", "走访情况", "发现问题"],
        ["S001", "芯联", "2026-03-05", "a", "缺场地"],
        ["S002", "江淮新能源汽车零部件有限公司", "2026-03-06", "b", ""],
    ]
    path = write_xlsx(tmp_path / "v.xlsx", rows)
    cli("import", "visits", str(path))
    second = cli("import", "visits", str(path), "--json")
    summary = json.loads(second.stdout)
    assert {k: summary[k] for k in ("inserted", "updated", "unchanged", "errors")} == {
        "inserted": 0,
        "updated": 0,
        "unchanged": 2,
        "errors": [],
    }
    assert summary["problems_opened"] == 0
    assert sql("SELECT count(*) FROM visit") == [(2,)]
    assert sql("SELECT count(*) FROM problem") == [(1,)]
    again = cli("import", "visits", str(path))
    assert "(nothing new: already imported)" in again.stdout
    digests = sql("SELECT DISTINCT sha256 FROM import_run")
    assert len(digests) == 1 and len(digests[0][0]) == 64


def test_changed_field_is_an_update(cli, park, sql, tmp_path):
    head = ["指导员", "企业", "走访日期", "走访情况"]
    cli(
        "import",
        "visits",
        str(write_csv(tmp_path / "a.csv", [head, ["S001", "芯联", "2026-03-05", "旧"]])),
    )
    path = write_csv(tmp_path / "b.csv", [head, ["S001", "芯联", "2026-03-05", "新"]])
    result = cli("import", "visits", str(path), "--json")
    assert json.loads(result.stdout)["updated"] == 1
    assert sql("SELECT notes FROM visit") == [("新",)]

    ent = [["企业名称", "统一社会信用代码", "网格", "党员人数"]]
    ent.append(["合肥芯联微电子有限公司", "91440300708461136T", "G1-1", "15"])
    result = cli("import", "enterprises", str(write_csv(tmp_path / "e.csv", ent)))
    assert result.stdout.endswith("1 rows: 0 inserted, 1 updated, 0 unchanged\n")
    # Columns the file leaves out (party org, supervisor, chain) are left alone.
    assert sql(
        "SELECT members, party_org, chain FROM enterprise WHERE credit_code = '91440300708461136T'"
    ) == [(15, "branch", "microelectronics")]


def test_problems_file_solves_visit_problems(cli, park, sql, tmp_path):
    cli("visit", "add", "-s", "S001", "-e", "芯联", "--date", "2026-03-05", "--problem", "缺场地")
    rows = [
        ["企业", "指导员", "问题描述", "提出日期", "状态", "办结日期", "解决情况"],
        [
            "合肥芯联微电子有限公司",
            "S001",
            "缺场地",
            "2026/3/5",
            "已解决",
            "2026/3/20",
            "共享活动室",
        ],
    ]
    result = cli("import", "problems", str(write_csv(tmp_path / "p.csv", rows)))
    assert "0 inserted, 1 updated" in result.stdout
    assert sql("SELECT status, closed_on, resolution, resolved_by_id, visit_id FROM problem") == [
        ("solved", "2026-03-20", "共享活动室", 1, 1)
    ]


def test_registers_in_order_with_leaders(cli, ledger, sql, tmp_path):
    """grids -> groups -> supervisors -> groups again with leaders, as init --sample does."""
    cli(
        "import",
        "grids",
        str(
            write_csv(
                tmp_path / "g.csv",
                [["code", "name", "parent"], ["A-1", "甲一", "A"], ["A", "甲", ""]],
            )
        ),
    )
    cli("import", "groups", str(write_csv(tmp_path / "gr.csv", [["name", "grid"], ["甲组", "A"]])))
    sup = [["code", "name", "group", "kind"], ["P1", "钱一", "甲组", "full-time"]]
    cli("import", "supervisors", str(write_csv(tmp_path / "s.csv", sup)))
    lead = write_csv(tmp_path / "l.csv", [["name", "grid", "leader"], ["甲组", "A", "P1"]])
    assert "0 inserted, 1 updated" in cli("import", "groups", str(lead)).stdout
    assert sql(
        "SELECT g.name, s.code FROM guidance_group g JOIN supervisor s ON s.id = g.leader_id"
    ) == [("甲组", "P1")]


def test_template_headers(cli, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    cli("import", "template", "visits", "-o", str(out))
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]] == [
        "指导员*",
        "企业*",
        "走访日期*",
        "走访类型",
        "走访情况",
        "发现问题",
    ]
    assert all(c.value is None for row in ws.iter_rows(min_row=2) for c in row)
    cli("import", "template", "problems", "-o", str(out), "--lang", "en")
    assert [c.value for c in load_workbook(out).active[1]][:4] == [
        "enterprise*",
        "supervisor*",
        "description*",
        "opened*",
    ]
    bad = cli("import", "template", "visits", "-o", str(tmp_path / "t.txt"), ok=False)
    assert bad.exit_code == 2


def test_template_imports_as_empty(cli, ledger, sql, tmp_path):
    out = tmp_path / "t.xlsx"
    cli("import", "template", "grids", "-o", str(out))
    assert (
        cli("import", "grids", str(out)).stdout
        == f"{out} (sheet 网格): 0 rows: 0 inserted, 0 updated, 0 unchanged\n"
    )


def test_init_sample_loads_the_sample_park(cli, db_path, sql):
    result = cli("init", "--sample")
    assert "sample_data/visits.xlsx (sheet 走访记录): 1963 rows: 1963 inserted" in result.stdout
    assert sql("SELECT count(*) FROM grid") == [(15,)]
    assert sql("SELECT count(*) FROM guidance_group WHERE leader_id IS NOT NULL") == [(5,)]
    assert sql("SELECT count(*) FROM supervisor") == [(60,)]
    assert sql("SELECT count(*) FROM enterprise") == [(300,)]
    # 多网融合: every enterprise carries its safety, public-order and market-supervision codes.
    assert sql(
        "SELECT count(safety_grid), count(order_grid), count(market_grid) FROM enterprise"
    ) == [(300, 300, 300)]
    assert sql(
        "SELECT safety_grid, order_grid, market_grid FROM enterprise e JOIN grid g "
        "ON g.id = e.grid_id WHERE g.code = 'G5-2' GROUP BY 1, 2, 3"
    ) == [("AQ0502", "ZZ0502", "SJ05")]
    assert sql("SELECT count(*) FROM visit") == [(1963,)]
    # problems.csv: 141 solved, 9 closed, 40 in progress; the 26 others stay open; then the
    # joint meeting of sample_data/park/referrals.csv solves one of those in progress.
    assert sql("SELECT status, count(*) FROM problem GROUP BY status ORDER BY status") == [
        ("closed", 9),
        ("in-progress", 39),
        ("open", 26),
        ("solved", 142),
    ]
    assert sql("SELECT count(*) FROM meeting") == [(5,)]
    # activities.csv: 122 rows naming 515 enterprises (counted from the file by hand).
    assert "sample_data/activities.csv (read as utf-8): 122 rows: 122 inserted" in result.stdout
    assert sql("SELECT count(*), count(DISTINCT title) FROM activity") == [(122, 56)]
    assert sql("SELECT count(*) FROM activity_enterprise") == [(515,)]
    again = cli("init", "--sample")
    assert "Sample park not loaded: the ledger already holds 300 enterprises" in again.stdout
    assert sql("SELECT count(*) FROM visit") == [(1963,)]
    assert sql("SELECT count(*) FROM meeting") == [(5,)]
