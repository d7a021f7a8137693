"""Reading the data rows under a found header (header.py), as offices fill them in: rows that
are not records (totals, signature lines) skipped and kept with their lines, data under an
empty header cell named; and what the summary says of the layout.
"""

from __future__ import annotations

import re
import unicodedata

from gridctl import textsafe
from gridctl.i18n import t
from gridctl.imports.cells import CellError, cell_text, is_empty
from gridctl.imports.header import Header, Ignored, column_letter
from gridctl.imports.readers import Cells
from gridctl.imports.rows import Row, RowError

# --- the data rows ---------------------------------------------------------------------------

# A row that is no record: totals, and the signature and notes lines under a form, when its
# first non-empty cell begins so (after NFKC and without spaces) and no key field is filled.
_NOT_A_RECORD = re.compile(r"^(?:合计|小计|总计|填表人|审核人|制表人?|负责人|备注)(?:$|[:(\d])")
_MARKS = frozenset("合小总填审制负备")


def _marker(cell: object) -> bool:
    """Whether the cell begins as a totals, signature or notes line does."""
    if is_empty(cell):
        return False
    text_ = cell_text(cell)
    if text_[:1] not in _MARKS:
        return False
    return bool(_NOT_A_RECORD.match(re.sub(r"\s+", "", unicodedata.normalize("NFKC", text_))))


def _not_a_record(cells: Cells, header: Header) -> str | None:
    """The first cell's text of a row that is clearly not a record, else None: the first
    non-empty cell is a marker, and no key (required) field holds anything but markers
    (a signature line may sign in several cells: 填表人：… 审核人：…)."""
    first = next((c for c in cells if not is_empty(c)), None)
    if first is None or not _marker(first):
        return None
    width = len(cells)
    for slot, col, _ in header.slots:
        if col.required and slot < width:
            value = cells[slot]
            if not is_empty(value) and not _marker(value):
                return None
    return cell_text(first)


def _watch_unnamed(cells: Cells, header: Header) -> list[str]:
    """Columns under an empty header cell (or past the header's end) that hold data in this
    row and were not named before: named now in header.ignored; their letters."""
    width = len(cells)
    seen = [i for i in header.unnamed if i < width and not is_empty(cells[i])]
    seen += [
        i for i in range(header.width, width) if i not in header.extra and not is_empty(cells[i])
    ]
    letters = []
    for index in sorted(seen):
        header.unnamed.discard(index)
        header.extra.add(index)
        letter = column_letter(index)
        header.ignored.append(Ignored(letter, "", "no_header"))
        letters.append(letter)
    return letters


def parse_row(line: int, cells: Cells, header: Header) -> Row | None:
    """The row's cells parsed per column; None for a row that is skipped: a blank one (as
    Excel users expect), or one that is clearly not a record (then kept in header.skipped).
    Data under an empty header cell is named in header.ignored (refused when strict)."""
    row = Row(line, header.labels, header.fields)
    if header.unnamed or len(cells) > header.width:
        for letter in _watch_unnamed(cells, header):
            if header.strict:
                row.errors.append(RowError(line, letter, t("lay.strict.no_header")))
    empty = True
    width = len(cells)
    for index, col, parse in header.slots:
        value = cells[index] if index < width else None
        if is_empty(value):
            if col.required:
                row.error(col.key, t("imp.cell.required"), "")
            continue
        empty = False
        try:
            row.values[col.key] = parse(value)
        except CellError as exc:
            row.raw[col.key] = cell_text(value)
            row.error(col.key, str(exc))
    if empty and not any(not is_empty(c) for c in cells):
        return None
    marker = _not_a_record(cells, header)
    if marker is not None:
        header.skipped.append((line, textsafe.escaped(marker, limit=40)))
        return None
    return row


# --- what the summary says of the layout -----------------------------------------------------

SHOWN = 20  # columns or rows named in the summary line; the rest counted


def layout_json(header: Header) -> dict[str, object]:
    """The layout for the JSON summary and the import log: stable English keys."""
    return {
        "header_line": header.line,
        "ignored_columns": [
            {"column": i.letter, "header": i.header, "reason": i.reason} for i in header.ignored
        ],
        "skipped_rows": [{"line": line, "text": text_} for line, text_ in header.skipped],
    }


def layout_lines(header: Header) -> list[str]:
    """The layout as a person reads it under the summary line: where the header is (when it
    is not the first line), the columns not read and the rows skipped, each named."""
    lines = []
    if header.line != 1:
        lines.append(t("lay.summary.header", line=header.line))
    if header.ignored:
        named = [
            f"{i.letter} {i.header} ({t(f'lay.reason.{i.reason}')})".replace("  ", " ")
            for i in header.ignored
        ]
        lines.append(t("lay.summary.ignored", columns=_some(named)))
    if header.skipped:
        rows = [f"{line} {text_}" for line, text_ in header.skipped]
        lines.append(t("lay.summary.skipped", rows=_some(rows)))
    return lines


def _some(names: list[str]) -> str:
    shown = "; ".join(names[:SHOWN])
    if len(names) > SHOWN:
        shown += "; " + t("lay.more", n=len(names) - SHOWN)
    return shown
