"""The encoding a CSV is read in: said in the summary, --json and `import log`; stated with
--encoding; decided by evidence when the bytes read as both UTF-8 and GB18030, or refused
naming both readings; Big5 read when stated, refused with that hint otherwise; private-use
characters never stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from gridctl.imports.sniff import Undecided, sniff
from tests import import_helpers
from tests.import_helpers import refused

park_file = import_helpers.park_file
park = import_helpers.park

# GBK bytes that are also valid UTF-8: 钱学森 read as UTF-8 is 'Ǯѧɭ'.
NAME = "钱学森"


def _grid(path: Path, name: str, encoding: str, code: str = "G9") -> Path:
    path.write_bytes(f"code,name,parent\r\n{code},{name},\r\n".encode(encoding))
    return path


def test_gbk_that_is_valid_utf8_is_read_as_gbk(park, cli, sql, tmp_path):
    path = _grid(tmp_path / "g.csv", NAME, "gbk")
    raw = path.read_bytes()
    assert raw.decode("utf-8") != raw.decode("gb18030")  # the trap: valid UTF-8 too
    result = cli("import", "grids", str(path))
    assert result.stdout.startswith(f"{path} (read as gb18030): 1 rows: 1 inserted")
    assert sql("SELECT name FROM grid WHERE code = 'G9'") == [(NAME,)]


def test_ambiguous_reading_is_refused_naming_both(park, cli, sql, tmp_path):
    # UTF-8 mojibake and Chinese that GB18030 also decodes (as 钱学森鐨勭殑): no evidence
    # decides, so neither reading is taken.
    path = _grid(tmp_path / "g.csv", "Ǯѧɭ的的", "utf-8")
    gb = path.read_bytes().decode("gb18030").splitlines()[1]
    lines = refused(cli, sql, "grids", path, "grid")
    assert lines[0].startswith(f"{path}: the encoding cannot be told: as UTF-8 the text reads")
    assert "G9,Ǯѧɭ的的," in lines[0] and gb in lines[0] and "--encoding" in lines[0]
    cli("import", "grids", str(path), "--encoding", "utf-8")
    assert sql("SELECT name FROM grid WHERE code = 'G9'") == [("Ǯѧɭ的的",)]


@pytest.mark.parametrize("name", ["陳大文", "芯片測試有限公司"])
def test_big5_refused_with_hint_then_read_when_stated(park, cli, sql, tmp_path, name):
    path = _grid(tmp_path / "g.csv", name, "cp950")
    lines = refused(cli, sql, "grids", path, "grid")
    assert "Big5" in lines[0] and "--encoding big5" in lines[0]
    assert sql("SELECT count(*) FROM grid WHERE code = 'G9'") == [(0,)]
    result = cli("import", "grids", str(path), "--encoding", "big5")
    assert result.stdout.startswith(f"{path} (read as big5): 1 rows: 1 inserted")
    assert sql("SELECT name FROM grid WHERE code = 'G9'") == [(name,)]


def test_big5_stated_is_logged(park, cli, sql, tmp_path):
    path = _grid(tmp_path / "g.csv", "陳大文", "cp950")
    summary = json.loads(cli("import", "grids", str(path), "--encoding", "big5", "--json").stdout)
    assert summary["encoding"] == "big5" and summary["sheet"] is None
    assert sql("SELECT name FROM grid WHERE code = 'G9'") == [("陳大文",)]
    log = json.loads(cli("import", "log", "--limit", "1", "--format", "json").stdout)
    assert log[0]["read_as"] == "big5"
    assert sql("SELECT encoding, sheet FROM import_run ORDER BY id DESC LIMIT 1") == [
        ("big5", None)
    ]


def test_private_use_characters_are_never_stored(park, cli, sql, tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes("code,name,group\r\nS035,王\ue000五,G\r\n".encode())
    lines = refused(cli, sql, "supervisors", path, "supervisor")
    assert lines[0].startswith(f"{path}:2: private-use characters on this line")
    assert sql("SELECT count(*) FROM supervisor WHERE name LIKE '王%五'") == [(0,)]


def test_unknown_stated_encoding_is_refused(park, cli, sql, tmp_path):
    path = _grid(tmp_path / "g.csv", "王五", "utf-8")
    result = cli("import", "grids", str(path), "--encoding", "klingon", ok=False)
    assert result.exit_code == 1
    assert "no such encoding 'klingon'" in result.stderr


def test_stated_encoding_that_does_not_fit_is_refused(park, cli, sql, tmp_path):
    path = _grid(tmp_path / "g.csv", "王五", "gb18030")
    result = cli("import", "grids", str(path), "--encoding", "utf-8", ok=False)
    assert sql("SELECT count(*) FROM grid WHERE code = 'G9'") == [(0,)]
    assert result.stderr.splitlines()[:1] == [
        f"{path}:2: not utf-8 text (bytes on this line cannot be decoded as utf-8)"
    ]


def test_log_and_json_say_the_encoding_and_the_sheet(park, cli, sql, tmp_path):
    group = sql("SELECT name FROM guidance_group ORDER BY id LIMIT 1")[0][0]
    path = tmp_path / "s.csv"
    path.write_bytes(f"code,name,group\r\nS037,王五,{group}\r\n".encode("gb18030"))
    summary = json.loads(cli("import", "supervisors", str(path), "--json").stdout)
    assert summary["encoding"] == "gb18030"
    wb = Workbook()
    wb.active.title = "名单"
    wb.active.append(["code", "name", "group"])
    wb.active.append(["S038", "赵六", group])
    wb.save(tmp_path / "s.xlsx")
    out = cli("import", "supervisors", str(tmp_path / "s.xlsx")).stdout
    assert out.startswith(f"{tmp_path / 's.xlsx'} (sheet 名单): 1 rows")
    assert sql("SELECT encoding, sheet FROM import_run ORDER BY id DESC LIMIT 2") == [
        (None, "名单"),
        ("gb18030", None),
    ]
    table = cli("import", "log", "--limit", "2").stdout
    assert "sheet 名单" in table and "gb18030" in table


def test_sniff_directly(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"code,name\r\nG1,A\r\n")
    assert sniff(path)[1:] == ("utf-8-sig", "utf-8")
    path.write_bytes(b"\xef\xbb\xbfcode\r\n")
    assert sniff(path)[1:] == ("utf-8-sig", "utf-8-sig")
    path.write_bytes("名称\r\n阿不都·热合曼\r\n".encode())
    assert sniff(path)[2] == "utf-8"
    path.write_bytes("name\r\n叶平\r\n".encode("gbk"))
    assert sniff(path)[2] == "gb18030"
    path.write_bytes("name\r\n陳大文\r\n".encode("big5"))
    with pytest.raises(Undecided):
        sniff(path)


@pytest.mark.sqlite_only
def test_migration_0010_keeps_the_log(tmp_path):
    import sqlite3

    from gridctl.ledger.config import resolve
    from gridctl.ledger.migrate import HEAD, upgrade
    from gridctl.ledger.session import make_engine

    db = tmp_path / "old.db"
    engine = make_engine(resolve(str(db)))
    assert upgrade(engine, "0009").after == "0009"
    con = sqlite3.connect(db)
    con.execute(
        "INSERT INTO import_run (file_name, sha256, kind, status, dry_run, rows, inserted, "
        "updated, unchanged, errors, run_by, started_at, finished_at) VALUES ('old.csv', "
        "'ab', 'grids', 'imported', 0, 2, 2, 0, 0, 0, 'me', '2026-11-01 09:00:00', "
        "'2026-11-01 09:00:01')"
    )
    con.commit()
    con.close()
    assert upgrade(engine).after == HEAD
    engine.dispose()
    con = sqlite3.connect(db)
    assert con.execute("SELECT file_name, rows, encoding, sheet FROM import_run").fetchall() == [
        ("old.csv", 2, None, None)
    ]
    con.close()
