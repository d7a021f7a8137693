"""Hostile and broken import files: each is refused with a clear report, in bounded memory and
time, and the ledger's records are as they were (only the refused run is logged).

Every import runs as its own process under a memory limit (RLIMIT_AS) and a timeout, as cron
would run it."""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

MEMORY_LIMIT = 1536 * 1024**2  # address space; the import needs ~100 MiB of it
TIME_LIMIT = 60
RECORDS = ("grid", "guidance_group", "supervisor", "enterprise", "visit", "problem")


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _import(kind: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gridctl", "import", kind, str(path)],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limited,
        env=dict(os.environ),
    )


def _grids_xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["code", "name", "parent"])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _replace_member(xlsx: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = content if item.filename == name else src.read(item.filename)
            dst.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def truncated(path: Path) -> None:
    whole = _grids_xlsx([["G3", "三区", None]])
    path.write_bytes(whole[: len(whole) // 2])


def text_named_xlsx(path: Path) -> None:
    path.write_text("code,name\nG3,三区\n", encoding="utf-8")


def zip_bomb(path: Path) -> None:
    # A well-formed workbook whose sheet unpacks to 160 MiB of blanks (ratio ~1000).
    good = _grids_xlsx([["G3", "三区", None]])
    with zipfile.ZipFile(path.with_suffix(".tmp"), "w", zipfile.ZIP_DEFLATED) as dst:
        with zipfile.ZipFile(io.BytesIO(good)) as src:
            for item in src.infolist():
                if item.filename != "xl/worksheets/sheet1.xml":
                    dst.writestr(item, src.read(item.filename))
        with dst.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet><sheetData>')
            blank = b" " * (1024 * 1024)
            for _ in range(160):
                sheet.write(blank)
            sheet.write(b"</sheetData></worksheet>")
    path.with_suffix(".tmp").rename(path)


# "Billion laughs": nine levels of ten, 10**9 "lol"s from a few hundred bytes.
LAUGHS = (
    b'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">'
    + b"".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">'.encode() for i in range(1, 10))
    + b"]>"
)


def entity_expansion(path: Path) -> None:
    good = _grids_xlsx([["G3", "三区", None]])
    with zipfile.ZipFile(io.BytesIO(good)) as src:
        sheet = src.read("xl/worksheets/sheet1.xml")
    sheet = b'<?xml version="1.0"?>' + LAUGHS + sheet.replace("三区".encode(), b"&lol9;")
    path.write_bytes(_replace_member(good, "xl/worksheets/sheet1.xml", sheet))


def huge_cell_csv(path: Path) -> None:
    path.write_text("code,name\nG3," + "企" * 10_000_000 + "\n", encoding="utf-8")


def huge_cell_xlsx(path: Path) -> None:
    path.write_bytes(_grids_xlsx([["G3", "企" * 10_000_000, None]]))


def mixed_encodings(path: Path) -> None:
    path.write_bytes("code,name\nG3,合肥一区\n".encode() + "G4,合肥二区\n".encode("gbk"))


def control_characters(path: Path) -> None:
    path.write_text("code,name\nG3,红\x1b[31m色\nG4,a\x00b\n", encoding="utf-8")


CORPUS: list[tuple[str, Callable[[Path], None], str]] = [
    ("truncated.xlsx", truncated, "not an Excel .xlsx workbook"),
    ("text.xlsx", text_named_xlsx, "not an Excel .xlsx workbook"),
    ("bomb.xlsx", zip_bomb, "unpacks to 160 MiB"),
    ("laughs.xlsx", entity_expansion, "declares a DTD"),
    ("huge-cell.csv", huge_cell_csv, "field larger than field limit"),
    ("huge-cell.xlsx", huge_cell_xlsx, "longer than 100 characters"),
    ("mixed.csv", mixed_encodings, "mixed encodings"),
    ("control.csv", control_characters, "control"),
]


def _records(sql) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [sql(f"SELECT count(*) FROM {table}")[0] for table in RECORDS]


@pytest.mark.parametrize(("name", "make", "says"), CORPUS)
def test_hostile_file_is_refused_and_changes_nothing(park, sql, tmp_path, name, make, says):
    path = tmp_path / name
    make(path)
    before = _records(sql)
    result = _import("grids", path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith("Error: ") and last.endswith("nothing written"), result.stderr[-500:]
    report = result.stdout + result.stderr
    assert says in report, report[:500]
    assert report.count("\n") <= 10_010  # at most MAX_ERRORS problem lines, then a summary
    assert _records(sql) == before
    assert sql("SELECT status FROM import_run") == [("refused",)]


def test_sql_metacharacters_in_a_file_are_just_text(park, cli, sql, tmp_path):
    path = tmp_path / "grids.csv"
    path.write_text(
        "code,name\nG3,\"Robert'); DROP TABLE grid;--\"\nG4,'; DELETE FROM visit; --\n",
        encoding="utf-8",
    )
    cli("import", "grids", str(path))
    assert sql("SELECT name FROM grid WHERE code IN ('G3', 'G4') ORDER BY code") == [
        ("Robert'); DROP TABLE grid;--",),
        ("'; DELETE FROM visit; --",),
    ]
