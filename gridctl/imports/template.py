"""The xlsx template of a kind: the file people fill in, so it reads back on the first try.

Excel turns digits typed into a General cell into a number and keeps 15 of them: a credit
code or a phone number is lost as it is typed. So every column is formatted as text (文本)
except dates (a date format, so Excel keeps a day) and whole numbers; closed vocabularies
are drop-down lists; required columns are marked '*' (the importer reads the header without
it); a second sheet explains each column with an example; the header prints on every page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from gridctl import vocab
from gridctl.i18n import t
from gridctl.imports.cells import DATE, count, yes_no
from gridctl.imports.spec import Column, Spec

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

TEXT = "@"
DAY = "yyyy-mm-dd"
# Rows offered with the drop-down lists (and the text format, set on the column too).
ROWS = 1000
# Examples of the columns every park has; the others get one by their type.
EXAMPLES = {
    "credit_code": "91110000600037341L",
    "grid": "G1-1",
    "parent": "G1",
    "code": "S001",
    "supervisor": "S001",
    "enterprise": "合肥芯联微电子有限公司",
    "phone": "13800000000",
    "group": "第一指导组",
}


def choices(col: Column, lang: str) -> list[str]:
    """The values a column takes as its drop-down list offers them; [] for free text."""
    if col.vocab is not None:
        return [vocab.show(col.vocab, code, lang) for code in col.vocab]
    if col.parse is yes_no:
        return [t("yes", lang), t("no", lang)]
    return []


def _type(col: Column, lang: str) -> tuple[str, str]:
    """What the column holds, and an example of it."""
    options = choices(col, lang)
    if col.parse is DATE:
        return t("lay.tpl.date", lang), "2026-10-05"
    if col.parse is count:
        return t("lay.tpl.count", lang), "3"
    if options:
        return t("lay.tpl.choice", lang, values="、".join(options)), options[0]
    example = EXAMPLES.get(col.key, "")
    return t("lay.tpl.text", lang), example


def write_template(spec: Spec, path: Path, sheet: str, lang: str) -> None:
    """The template of `spec` as an xlsx at `path`, its data sheet named `sheet`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has its sheet
    ws.title = sheet
    bold, red = Font(bold=True), Font(bold=True, color="C00000")
    fill = PatternFill("solid", fgColor="DDEBF7")
    lists = wb.create_sheet(t("lay.tpl.lists", lang))
    lists.sheet_state = "hidden"
    for i, col in enumerate(spec.columns, start=1):
        name = col.zh if lang == "zh" else col.key
        cell = ws.cell(row=1, column=i, value=f"{name}*" if col.required else name)
        cell.font, cell.fill = (red if col.required else bold), fill
        letter = cell.column_letter
        fmt = DAY if col.parse is DATE else "General" if col.parse is count else TEXT
        ws.column_dimensions[letter].number_format = fmt
        for row in range(2, ROWS + 2):
            ws.cell(row=row, column=i).number_format = fmt
        ws.column_dimensions[letter].width = _width(name, col, lang)
        options = choices(col, lang)
        if options:
            _drop_down(ws, lists, i, letter, options, lang)
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _guide(wb.create_sheet(t("lay.tpl.guide", lang), 1), spec, lang, bold, fill)
    from gridctl.outfile import staged

    with staged(path) as tmp:  # whole or not at all; a device such as /dev/stdout in place
        wb.save(tmp)


def _width(name: str, col: Column, lang: str) -> float:
    """Wide enough for the header, the example and the longest choice (CJK counts double)."""
    texts = [name + "*", _type(col, lang)[1], *choices(col, lang)]
    return min(60, max(10, *(_display(s) + 4 for s in texts)))


def _display(text_: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text_)


def _drop_down(
    ws: Worksheet, lists: Worksheet, index: int, letter: str, options: list[str], lang: str
) -> None:
    """A list the cell must come from; kept on the hidden sheet (an inline list is limited
    to 255 characters and breaks on commas)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    for row, value in enumerate(options, start=1):
        lists.cell(row=row, column=index, value=value)
    source = f"'{lists.title}'!${letter}$1:${letter}${len(options)}"
    check = DataValidation(
        type="list",
        formula1=f"={source}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=t("lay.tpl.invalid_title", lang),
        error=t("lay.tpl.invalid", lang),
    )
    check.add(f"{letter}2:{letter}{ROWS + 1}")
    ws.add_data_validation(check)


def _guide(ws: Worksheet, spec: Spec, lang: str, bold: object, fill: object) -> None:
    """The sheet 填表说明: each column, whether required, what it holds, an example."""
    from openpyxl.styles import Alignment

    head = [t(f"lay.tpl.head.{k}", lang) for k in ("column", "required", "holds", "example")]
    ws.append(head)
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    for row in _guide_rows(spec, lang):
        ws.append(row)
    for letter, width in zip("ABCD", (22, 8, 60, 26), strict=True):
        ws.column_dimensions[letter].width = width
    ws.append([])
    ws.append([t("lay.tpl.note", lang)])
    # The guide is read on paper too: all four columns on one page's width, the note wrapped
    # across them.
    last = ws.max_row
    ws.merge_cells(start_row=last, start_column=1, end_row=last, end_column=4)
    ws.cell(last, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[last].height = 48
    for row in ws.iter_rows(min_row=2, max_row=last - 2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _guide_rows(spec: Spec, lang: str) -> Iterator[list[str]]:
    for col in spec.columns:
        holds, example = _type(col, lang)
        yield [
            col.zh if lang == "zh" else col.key,
            t("yes" if col.required else "no", lang),
            holds,
            example,
        ]
