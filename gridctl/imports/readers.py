"""Read an import file as rows of cells: CSV in UTF-8 / UTF-8 with BOM / GB18030 (or the
encoding the user states, which sniff.py checks), or xlsx.

Traps: an xlsx is a zip that may unpack
to gigabytes, so its sizes are checked before any XML is parsed. xlsx is read with
python-calamine (Rust, no XML entity expansion, about 7x faster than openpyxl).

Each row comes with its line as a spreadsheet user counts it: the header is line 1.
"""

from __future__ import annotations

import csv
import hashlib
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gridctl.dates import EXCEL_EPOCH
from gridctl.i18n import t

# An xlsx larger than this once unpacked, or unpacking more than RATIO times its packed size
# (when over RATIO_FLOOR), is refused: a zip bomb, not a register. A real 1,000,000-row
# visits sheet unpacks to about 250 MiB at a ratio near 10.
MAX_UNPACKED = 2 * 1024**3
MAX_RATIO = 100
RATIO_FLOOR = 50 * 1024**2
_CHUNK = 1 << 20
# One row's cells: text from a CSV; text, numbers, dates and bools from an xlsx.
Cells = Sequence[object]


class FileRefused(Exception):
    """The file cannot be read at all; `key` and `params` name the i18n message."""

    def __init__(self, key: str, line: int = 0, **params: object) -> None:
        self.key = key
        self.line = line
        self.params = params
        super().__init__(key)

    def message(self) -> str:
        """The refusal in the user's language."""
        return t(self.key, None, **self.params)


@dataclass
class Source:
    """An opened import file: its digest, and its rows as (line, cells)."""

    path: Path
    sha256: str
    kind: str  # "csv" or "xlsx"
    encoding: str | None = None  # the codec a CSV is read with
    sheet: str | None = None
    read_as: str = ""  # the encoding as the user would name it, or the sheet's name
    epoch: date = EXCEL_EPOCH

    def rows(self) -> Iterator[tuple[int, Cells]]:
        if self.kind == "csv":
            return _csv_rows(self.path, self.encoding or "utf-8-sig")
        return _xlsx_rows(self.path, self.sheet)


def open_source(path: Path, sheet: str | None = None, encoding: str | None = None) -> Source:
    """Check the file and say how to read it (`encoding`: as the user states it, for a CSV);
    raises FileRefused."""
    from gridctl.imports.sniff import Undecided, canonical, sniff

    if not path.is_file():
        raise FileRefused("imp.file.missing")
    suffix = path.suffix.lower()
    stated = None
    if encoding is not None:
        try:
            stated = canonical(encoding)
        except LookupError:
            raise FileRefused("imp.file.no_encoding", encoding=encoding) from None
    if suffix == ".csv":
        try:
            digest, codec, read_as = sniff(path, stated)
        except Undecided as exc:
            raise FileRefused(exc.key, line=exc.line, **exc.params) from None
        return Source(path, digest, "csv", encoding=codec, read_as=read_as)
    if suffix == ".xlsx":
        epoch = _check_xlsx(path)
        names = _sheet_names(path)
        chosen = sheet if sheet is not None else names[0]
        if chosen not in names:
            raise FileRefused("imp.file.no_sheet", sheet=sheet, sheets=", ".join(names))
        return Source(path, file_sha256(path), "xlsx", sheet=chosen, epoch=epoch, read_as=chosen)
    if suffix in OTHER_WORKBOOKS:
        return _open_other_workbook(path, suffix, sheet)
    raise FileRefused("lay.file.suffix", suffix=suffix or t("imp.file.no_suffix"))


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


# --- CSV ----------------------------------------------------------------------------------


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, Cells]]:
    with path.open(encoding=encoding, newline="") as fh:
        reader = csv.reader(fh)
        try:
            yield from enumerate(reader, start=1)
        except csv.Error as exc:
            # e.g. a field over csv.field_size_limit() (128 KiB): refuse, never a traceback.
            raise FileRefused("imp.file.csv", line=reader.line_num, detail=str(exc)) from None


# --- xlsx ---------------------------------------------------------------------------------


def _check_xlsx(path: Path) -> date:
    """Refuse what is not an xlsx workbook, or unpacks too big; the workbook's date epoch."""
    if not zipfile.is_zipfile(path):
        raise FileRefused("imp.file.not_xlsx")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                raise FileRefused("imp.file.not_xlsx")
            unpacked = sum(i.file_size for i in infos)
            packed = max(1, sum(i.compress_size for i in infos))
            if unpacked > MAX_UNPACKED or (
                unpacked > RATIO_FLOOR and unpacked / packed > MAX_RATIO
            ):
                raise FileRefused(
                    "imp.file.bomb", unpacked=unpacked // 1024**2, ratio=unpacked // packed
                )
            head = zf.read("xl/workbook.xml")[:4096]
            _refuse_dtd(zf, infos)
    except zipfile.BadZipFile:
        raise FileRefused("imp.file.not_xlsx") from None
    # Workbooks from old Mac Excel count days from 1904.
    if b'date1904="1"' in head or b"date1904='1'" in head or b'date1904="true"' in head:
        return date(1904, 1, 1)
    return EXCEL_EPOCH


def _refuse_dtd(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Excel never writes a DTD; one in a part is an entity-expansion attempt ("billion
    laughs"). The prolog comes first, so each part's first bytes tell."""
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with zf.open(info) as part:
                prolog = part.read(4096)
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                raise FileRefused("imp.file.dtd", part=info.filename)


def _sheet_names(path: Path) -> list[str]:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception:  # noqa: BLE001 - calamine raises its own types for broken files
        raise FileRefused("imp.file.not_xlsx") from None
    try:
        return list(wb.sheet_names)
    finally:
        wb.close()


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[tuple[int, Cells]]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    try:
        ws = wb.get_sheet_by_name(sheet) if sheet else wb.get_sheet_by_index(0)
        merges = ws.merged_cell_ranges
        if merges is None and _has_merges(path):
            raise FileRefused("imp.file.merges")
        start_row, start_col = ws.start or (0, 0)
        rows = iter(ws.iter_rows())
        first_cells = next(rows, None)
        if first_cells is None:
            return
        # python-calamine pads the rows above the used range with empty rows in some
        # versions and not in others; the used range's first row is never empty, so an empty
        # first row tells. Lines count from the sheet's top either way.
        padded = start_row > 0 and not any(c not in ("", None) for c in first_cells)
        first = 1 if padded else start_row + 1
        spread = _Merges(merges or [], start_col)
        yield first, spread.apply(first - 1, first_cells)
        for offset, cells in enumerate(rows, start=1):
            yield first + offset, spread.apply(first - 1 + offset, cells)
    finally:
        wb.close()


class _Merges:
    """The value of a merged range applied to every cell it covers, as the sheet shows it
    (offices merge a repeated value down a column; the covered cells hold nothing)."""

    def __init__(self, ranges: list[tuple[tuple[int, int], tuple[int, int]]], col0: int) -> None:
        self.col0 = col0
        self.pending = sorted(
            ((r1, c1, r2, c2) for (r1, c1), (r2, c2) in ranges if (r1, c1) != (r2, c2)),
            reverse=True,
        )
        self.active: list[
            tuple[int, int, int, object]
        ] = []  # (last row, first col, last col, value)

    def apply(self, row: int, cells: Cells) -> Cells:
        if not self.pending and not self.active:
            return cells
        out = list(cells)
        self.active = [a for a in self.active if a[0] >= row]
        while self.pending and self.pending[-1][0] < row:  # a range above the rows read
            self.pending.pop()
        while self.pending and self.pending[-1][0] == row:
            r1, c1, r2, c2 = self.pending.pop()
            value = out[c1 - self.col0] if 0 <= c1 - self.col0 < len(out) else None
            if value not in ("", None):
                self.active.append((r2, c1, c2, value))
        for _, c1, c2, value in self.active:
            for col in range(c1 - self.col0, c2 - self.col0 + 1):
                if col < 0:
                    continue
                while len(out) <= col:
                    out.append("")
                out[col] = value
        return out


def _has_merges(path: Path) -> bool:
    """Whether any sheet of the workbook has merged cells (read from its XML, cheaply)."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with zf.open(name) as part:
                    while chunk := part.read(_CHUNK):
                        if b"<mergeCell " in chunk or b":mergeCell " in chunk:
                            return True
    return False


# --- .xls, .xlsb, .ods ----------------------------------------------------------------------

# Excel 97-2003 (what many offices and WPS still save), Excel binary, OpenDocument: read by
# python-calamine like xlsx, its rows then checked the same way.
OTHER_WORKBOOKS = (".xls", ".xlsb", ".ods")


def _open_other_workbook(path: Path, suffix: str, sheet: str | None) -> Source:
    """An .xls, .xlsb or .ods workbook checked and opened; raises FileRefused."""
    if suffix != ".xls":  # .xlsb and .ods are zip packages: the same size checks as xlsx
        if not zipfile.is_zipfile(path):
            raise FileRefused("lay.file.not_workbook", suffix=suffix)
        try:
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()
                unpacked = sum(i.file_size for i in infos)
                packed = max(1, sum(i.compress_size for i in infos))
                if unpacked > MAX_UNPACKED or (
                    unpacked > RATIO_FLOOR and unpacked / packed > MAX_RATIO
                ):
                    raise FileRefused(
                        "imp.file.bomb", unpacked=unpacked // 1024**2, ratio=unpacked // packed
                    )
                _refuse_dtd(zf, infos)
        except zipfile.BadZipFile:
            raise FileRefused("lay.file.not_workbook", suffix=suffix) from None
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
        names = list(wb.sheet_names)
        wb.close()
    except Exception:  # noqa: BLE001 - calamine raises its own types for broken files
        raise FileRefused("lay.file.not_workbook", suffix=suffix) from None
    if not names:
        raise FileRefused("lay.file.not_workbook", suffix=suffix)
    chosen = sheet if sheet is not None else names[0]
    if chosen not in names:
        raise FileRefused("imp.file.no_sheet", sheet=sheet, sheets=", ".join(names))
    return Source(path, file_sha256(path), suffix[1:], sheet=chosen, read_as=chosen)
