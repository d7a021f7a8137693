"""The yearly funding workbook: each organisation's allocation, and totals by grid, chain and
group, with Chinese sheet names and headers (English with lang="en").

It carries its own small xlsx writing for now; at merge it should move onto the shared safe
writer in gridctl/reports/xlsx.py. Text from the ledger is stored as text, never as a formula
(PITFALLS.md: a cell starting with '=' would otherwise be read as one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from sqlmodel import Session

from gridctl import vocab
from gridctl.funding import funding_rows
from gridctl.i18n import t

MONEY = ("amount", "support", "spent", "balance")
DETAIL = (
    "group",
    "level1_grid",
    "grid",
    "enterprise",
    "credit_code",
    "organisation",
    "chain",
    "members",
    "rate",
) + MONEY
SUMMED = ("organisations", "members") + MONEY
MONEY_FORMAT = "#,##0.00"


def _totals(rows: Sequence[dict[str, object]], key: Callable[[dict], str]) -> list[dict]:
    groups: dict[str, dict[str, object]] = {}
    for row in rows:
        name = key(row)
        acc = groups.setdefault(
            name,
            {"name": name, "organisations": 0, "members": 0} | {m: Decimal("0.00") for m in MONEY},
        )
        acc["organisations"] += 1  # type: ignore[operator]
        acc["members"] += row["members"]  # type: ignore[operator]
        for m in MONEY:
            acc[m] += row[m]  # type: ignore[operator]
    return [groups[k] for k in sorted(groups)]


def _grand_total(rows: Sequence[dict[str, object]], label: str) -> dict[str, object]:
    (total,) = _totals(rows, lambda _r: label) or [
        {"name": label, "organisations": 0, "members": 0} | {m: Decimal("0.00") for m in MONEY}
    ]
    return total


def build(session: Session, *, year: int, lang: str = "zh") -> dict[str, list[dict]]:
    """The workbook's sheets as rows (without totals), by sheet key."""
    rows = funding_rows(session, year=year)
    rows.sort(key=lambda r: (r["group"], r["level1_grid"], r["grid"], r["enterprise"]))
    unassigned = t("funding.report.none", lang)
    return {
        "detail": rows,
        "by_grid": _totals(rows, lambda r: str(r["grid"])),
        "by_chain": _totals(
            rows,
            lambda r: vocab.show(vocab.CHAIN, r["chain"], lang) or unassigned,  # type: ignore[arg-type]
        ),
        "by_group": _totals(rows, lambda r: str(r["group"]) or unassigned),
    }


def _write_sheet(ws, headers: Sequence[str], keys: Sequence[str], rows, total) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Font

    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for rec in [*rows, total]:
        ws.append([_cell_value(rec.get(k)) for k in keys])
        for cell, key in zip(ws[ws.max_row], keys, strict=True):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text from the ledger stays text, never a formula
            elif key in MONEY or key == "rate":
                cell.number_format = MONEY_FORMAT
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for i, header in enumerate(headers, start=1):
        width = max(len(str(header)) * 2, 10)
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(width + 2, 40)
    ws.freeze_panes = "A2"


def _cell_value(value: object) -> object:
    return "" if value is None else value


def write(session: Session, *, year: int, path: Path, lang: str = "zh") -> dict[str, object]:
    """Write the workbook; returns the grand total (for the command's summary line)."""
    from openpyxl import Workbook

    sheets = build(session, year=year, lang=lang)
    total_label = t("funding.report.total", lang)
    detail = [
        r
        | {
            "organisation": vocab.show(vocab.PARTY_ORG, r["organisation"], lang),
            "chain": vocab.show(vocab.CHAIN, r["chain"], lang),
        }  # type: ignore[arg-type]
        for r in sheets["detail"]
    ]
    grand = _grand_total(sheets["detail"], total_label)
    wb = Workbook()
    ws = wb.active
    ws.title = t("funding.sheet.detail", lang)
    detail_total = {"group": total_label, "members": grand["members"]} | {
        m: grand[m] for m in MONEY
    }
    _write_sheet(ws, [t(f"col.{k}", lang) for k in DETAIL], DETAIL, detail, detail_total)
    for key, first in (("by_grid", "grid"), ("by_chain", "chain"), ("by_group", "group")):
        ws = wb.create_sheet(t(f"funding.sheet.{key}", lang))
        headers = [t(f"col.{first}", lang)] + [t(f"col.{k}", lang) for k in SUMMED]
        _write_sheet(ws, headers, ("name",) + SUMMED, sheets[key], grand)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return grand
