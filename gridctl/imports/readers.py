"""Read an import file as rows of cells: CSV in UTF-8 / UTF-8 with BOM / GB18030, or xlsx.

Traps: charset guessing reads short Chinese files as Korean, so CSV is decoded strictly,
utf-8-sig first then gb18030, and refused when neither fits; an xlsx is a zip that may unpack
to gigabytes, so its sizes are checked before any XML is parsed. xlsx is read with
python-calamine (Rust, no XML entity expansion, about 7x faster than openpyxl).

Each row comes with its line as a spreadsheet user counts it: the header is line 1.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gridctl.dates import EXCEL_EPOCH
from gridctl.i18n import t

ENCODINGS = ("utf-8-sig", "gb18030")
# CJK ideographs and punctuation: GBK text almost never decodes as these in UTF-8 (3-byte
# sequences would have to line up), so seeing them means the file really began as UTF-8.
_CHINESE = re.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
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
    encoding: str | None = None
    sheet: str | None = None
    epoch: date = EXCEL_EPOCH

    def rows(self) -> Iterator[tuple[int, Cells]]:
        if self.kind == "csv":
            return _csv_rows(self.path, self.encoding or "utf-8-sig")
        return _xlsx_rows(self.path, self.sheet)


def open_source(path: Path, sheet: str | None = None) -> Source:
    """Check the file and say how to read it; raises FileRefused."""
    if not path.is_file():
        raise FileRefused("imp.file.missing")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        digest, encoding = _sniff_csv(path)
        return Source(path, digest, "csv", encoding=encoding)
    if suffix == ".xlsx":
        epoch = _check_xlsx(path)
        names = _sheet_names(path)
        chosen = sheet if sheet is not None else names[0]
        if chosen not in names:
            raise FileRefused("imp.file.no_sheet", sheet=sheet, sheets=", ".join(names))
        return Source(path, file_sha256(path), "xlsx", sheet=chosen, epoch=epoch)
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


def _sniff_csv(path: Path) -> tuple[str, str]:
    """The file's sha256 and the first encoding in ENCODINGS that decodes all of it."""
    h = hashlib.sha256()
    decoders = {enc: codecs.getincrementaldecoder(enc)("strict") for enc in ENCODINGS}
    failed: dict[str, int] = {}
    utf8_chinese = False  # Chinese read as UTF-8 before any byte that is not UTF-8
    lines = 1
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            for enc, dec in decoders.items():
                if enc in failed:
                    continue
                try:
                    text = dec.decode(chunk)
                except UnicodeDecodeError as exc:
                    failed[enc] = lines + chunk.count(b"\n", 0, exc.start)
                    text = chunk[: exc.start].decode(enc, errors="ignore")
                if enc == ENCODINGS[0] and _CHINESE.search(text):
                    utf8_chinese = True
            lines += chunk.count(b"\n")
            if len(failed) == len(ENCODINGS):
                break
    for enc, dec in decoders.items():
        if enc not in failed:
            try:
                dec.decode(b"", final=True)
            except UnicodeDecodeError:
                failed[enc] = lines
    utf8_line = failed.get(ENCODINGS[0])
    if utf8_chinese and utf8_line and _line_decodes(path, utf8_line, ENCODINGS[1]):
        # UTF-8 Chinese, then a line that is not UTF-8 but is GB18030: rows pasted from a
        # GBK file. Read whole as GB18030 the UTF-8 part would be mojibake, or refused.
        raise FileRefused("imp.file.mixed", line=utf8_line)
    for enc in ENCODINGS:
        if enc not in failed:
            # A file that reads as both is UTF-8 (GB18030 decodes most UTF-8 too).
            return h.hexdigest(), enc
    raise FileRefused("imp.file.encoding", line=failed["utf-8-sig"])


def _line_decodes(path: Path, number: int, encoding: str) -> bool:
    """Whether line `number` (1-based) of the file decodes strictly in `encoding`."""
    with path.open("rb") as fh:
        for current, raw in enumerate(fh, start=1):
            if current == number:
                try:
                    raw.decode(encoding)
                except UnicodeDecodeError:
                    return False
                return True
    return False


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
        # The used range may start below row 1: lines still count from the sheet's top.
        first = ws.start[0] + 1 if ws.start else 1
        for offset, cells in enumerate(ws.iter_rows()):
            yield first + offset, cells
    finally:
        wb.close()


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
    return Source(path, file_sha256(path), suffix[1:], sheet=chosen)
