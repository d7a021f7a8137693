"""Write what import reads: `gridctl export KIND` and `gridctl import template KIND`.

Headers in Chinese (or English), values spelled to match; CSV is UTF-8 (with a BOM in a file,
so Excel on Chinese Windows opens it right); xlsx through gridctl.reports.xlsxsafe (text stays
text). Export -> import into a fresh ledger gives the same rows back.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from sqlmodel import Session

from gridctl import vocab
from gridctl.i18n import t
from gridctl.imports.registry import SPECS
from gridctl.imports.spec import Column, Spec
from gridctl.outfile import open_text
from gridctl.textsafe import csv_cell


def headers(spec: Spec, lang: str) -> list[str]:
    return [c.zh if lang == "zh" else c.key for c in spec.columns]


def _spelled(col: Column, value: object, lang: str) -> object:
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if col.vocab is not None and isinstance(value, str) and value:
        return vocab.show(col.vocab, value, lang)
    return value


def export_rows(session: Session, kind: str, lang: str) -> Iterator[list[object]]:
    """Rows of `kind` in column order, values spelled for `lang` (dates stay dates)."""
    spec = SPECS[kind]
    for rec in spec.export(session):
        yield [_spelled(c, rec.get(c.key, ""), lang) for c in spec.columns]


def write_csv(out: TextIO, head: list[str], rows: Iterator[list[object]]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(head)
    n = 0
    for row in rows:
        writer.writerow([_csv(v) for v in row])
        n += 1
    return n


def _csv(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return csv_cell(value)


def write_xlsx(path: Path, sheet: str, head: list[str], rows: Iterator[list[object]]) -> int:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from gridctl.reports.book import save_workbook
    from gridctl.reports.xlsxsafe import append_row

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    for i, name in enumerate(head, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(12, 2 * len(name) + 4)
    append_row(ws, head)
    n = 0
    for row in rows:
        append_row(ws, row)
        n += 1
    save_workbook(wb, path)
    return n


def export(session: Session, kind: str, out: Path | None, lang: str) -> int:
    """Export `kind` to `out` (.csv or .xlsx), or as CSV on stdout; the number of rows."""
    head = headers(SPECS[kind], lang)
    rows = export_rows(session, kind, lang)
    if out is None:
        return write_csv(sys.stdout, head, rows)
    if out.suffix.lower() == ".xlsx":
        return write_xlsx(out, t(f"imp.kind.{kind}", lang), head, rows)
    with open_text(out, encoding="utf-8-sig") as fh:
        return write_csv(fh, head, rows)


def template(kind: str, out: Path, lang: str) -> None:
    """The file to fill in for `kind`: an xlsx laid out for people (template.py), or a CSV
    with the headers alone."""
    if out.suffix.lower() == ".csv":
        with open_text(out, encoding="utf-8-sig") as fh:
            write_csv(fh, headers(SPECS[kind], lang), iter(()))
        return
    from gridctl.imports.template import write_template

    write_template(SPECS[kind], out, t(f"imp.kind.{kind}", lang), lang)
